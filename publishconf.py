"""Pelican settings for publishing: absolute URLs from the SITEURL environment variable."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit("publishconf.py: set SITEURL, e.g. SITEURL=https://archive.example.la invoke publish")
RELATIVE_URLS = False
ASSETS_FINGERPRINT = True  # css/site.<hash>.css: cache forever, a new build gets new names
ASSETS_OFFLINE = True  # sw.js keeps what readers open, for reading offline (docs/site.md, "Reading offline")

# The published site's web editor (admin/; docs/editor.md): Decap CMS signs editors in with GitHub and
# commits their files to the repository, whose workflow then builds and publishes the site. The repository is
# EDITOR_REPOSITORY (owner/name), else the one GitHub Actions builds (GITHUB_REPOSITORY); EDITOR_AUTH_URL is the
# OAuth service that signs editors in to GitHub (Decap's base_url). With no repository there is no admin/.
_repository = os.environ.get("EDITOR_REPOSITORY") or os.environ.get("GITHUB_REPOSITORY", "")
EDITOR_BACKEND = None
EDITOR_ROOT = "content"  # the repository's content/
if _repository:
    EDITOR_BACKEND = {"name": "github", "repo": _repository, "branch": os.environ.get("EDITOR_BRANCH", "main")}
    if os.environ.get("EDITOR_AUTH_URL"):
        EDITOR_BACKEND["base_url"] = os.environ["EDITOR_AUTH_URL"].rstrip("/")
