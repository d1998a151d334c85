"""Pelican's content cache (CACHE_CONTENT), forgotten when what it was read with changes.

Pelican keeps what its readers made of each file (the body's HTML, the metadata), found again by the file's path and
time of change; a warm build then reads no Markdown again. Pelican does not ask whether the Markdown it would read
now would come out the same: another version of Pelican or Markdown, other MARKDOWN settings or another content
folder. A stamp of those is kept beside the cache, and a cache made with another is removed before the build.
"""

import hashlib
import importlib.metadata
import os
from collections.abc import Mapping
from typing import Any

STAMP = "content-cache.stamp"
# Pelican's names for its caches in CACHE_PATH (pelican/generators.py: the class, and the class + "-Readers")
CACHES = tuple(
    f"{generator}{layer}" for generator in ("ArticlesGenerator", "PagesGenerator") for layer in ("", "-Readers")
)
READ_WITH = ("MARKDOWN", "READERS", "PATH", "FORMATTED_FIELDS", "TYPOGRIFY", "SUMMARY_MAX_LENGTH", "DEFAULT_LANG")


def stamp(settings: Mapping[str, Any]) -> str:
    """What the content cache of a build with Pelican's ``settings`` was read with."""
    versions = [importlib.metadata.version(name) for name in ("pelican", "markdown")]
    read_with = [(name, settings.get(name)) for name in READ_WITH]
    return hashlib.sha256(repr((versions, read_with)).encode("utf-8")).hexdigest()


def forget_if_stale(settings: Mapping[str, Any]) -> None:
    """Removes Pelican's content cache from CACHE_PATH when it was not made with this build's ``stamp``."""
    if not settings.get("CACHE_CONTENT"):
        return
    folder = settings["CACHE_PATH"]
    path = os.path.join(folder, STAMP)
    now = stamp(settings)
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == now:
                return
    except FileNotFoundError:
        pass
    for name in CACHES:
        if os.path.exists(os.path.join(folder, name)):
            os.remove(os.path.join(folder, name))
    os.makedirs(folder, exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(now)
    os.replace(path + ".tmp", path)
