"""Pelican settings for publishing: absolute URLs from the SITEURL environment variable."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit("publishconf.py: set SITEURL, e.g. SITEURL=https://archive.example.la invoke publish")
RELATIVE_URLS = False
ASSETS_MINIFY = True
ASSETS_FINGERPRINT = True  # css/site.<hash>.css: cache forever, a new build gets new names
