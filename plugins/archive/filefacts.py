"""What the build learnt about the content's files, kept between builds: a cover's size in pixels, the digest that
names its thumbnails, whether a PDF opens (and why not) and has a text layer. Pure: no Pelican.

Learning these means opening every cover and PDF, reading every byte: on a back catalogue, most of a build with
nothing changed. A fact is kept with the file's size and time of change (os.stat's st_size and st_mtime_ns, as
make and Pelican's own cache tell a changed file): while both are the same the fact is taken as it was, and once
either differs every fact of that file is learnt again. An answer that is an error (the file cannot be read, and
why) is kept as well, so a broken file keeps stopping the build, with the same words, until it is changed.

The facts are one JSON file (NAME, in the build's cache folder) with VERSION in it, written whole into a temporary
file and moved into place (os.replace), so a build that stops half-way leaves the last complete one. A file that
cannot be read, is damaged or is another program's or version's costs a build that learns everything again and a
warning, nothing else.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

logger = logging.getLogger(__name__)
NAME = "file-facts.json"
VERSION = 1  # of this file's layout and of what the facts mean: a new one makes every file learnt again


class Unreadable(ValueError):
    """A file that could not be read; ``str()`` says why, without the file's name (the one who asked has it)."""


class FileFacts:
    def __init__(self, path: str | None = None, files: dict[str, dict[str, Any]] | None = None) -> None:
        self.path = path  # None: kept in memory only
        self.files = files or {}  # absolute path -> {"size", "mtime_ns", "facts": {kind: {"value"} or {"error"}}}
        self.seen: set[str] = set()  # the files asked about in this build
        self.changed = False

    @classmethod
    def load(cls, path: str) -> FileFacts:
        """The facts kept at ``path``; none when there are none, or they cannot be used (with a warning)."""
        try:
            with open(path, encoding="utf-8") as f:
                kept = json.load(f)
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as error:  # ValueError: not JSON, not UTF-8
            logger.warning("File facts: %s not read (%s); every cover and PDF is read again", path, error)
            return cls(path)
        files = kept.get("files") if isinstance(kept, dict) and kept.get("version") == VERSION else None
        if not isinstance(files, dict) or not all(_well_formed(entry) for entry in files.values()):
            logger.warning("File facts: %s is not this version's; every cover and PDF is read again", path)
            return cls(path)
        return cls(path, files)

    def learn(self, path: str, kind: str, learn: Callable[[str], Any]) -> Any:
        """What ``learn(path)`` says of the file at ``path`` as it is now, kept as ``kind``: taken from what was
        kept when the file has not changed since, else learnt now. ``learn`` raising ValueError (why the file cannot
        be read) is an answer too: Unreadable is raised with the same words, now and in later builds."""
        found = os.stat(path)
        key = os.path.abspath(path)
        entry = self.files.get(key)
        if entry is None or (entry["size"], entry["mtime_ns"]) != (found.st_size, found.st_mtime_ns):
            entry = self.files[key] = {"size": found.st_size, "mtime_ns": found.st_mtime_ns, "facts": {}}
        self.seen.add(key)
        facts = entry["facts"]
        if kind not in facts:
            try:
                facts[kind] = {"value": learn(path)}
            except ValueError as error:
                facts[kind] = {"error": str(error)}
            self.changed = True
        if "error" in facts[kind]:
            raise Unreadable(facts[kind]["error"])
        return facts[kind]["value"]

    def save(self) -> None:
        """Writes the facts when something was learnt: those of the files asked about in this build, and those of
        other files (another content folder's) that are still as they were."""
        if self.path is None or not self.changed:
            return
        kept = {key: entry for key, entry in self.files.items() if key in self.seen or _unchanged(key, entry)}
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".{NAME}.{os.getpid()}.tmp")  # one per process: builds may share a cache
        try:
            with open(temporary, "w", encoding="utf-8") as f:
                json.dump({"version": VERSION, "files": kept}, f, ensure_ascii=False, sort_keys=True, indent=0)
            os.replace(temporary, self.path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        self.changed = False


def _well_formed(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("mtime_ns"), int)
        and isinstance(entry.get("facts"), dict)
        and all(
            isinstance(fact, dict) and len(fact.keys() & {"value", "error"}) == 1 for fact in entry["facts"].values()
        )
    )


def _unchanged(path: str, entry: Mapping[str, Any]) -> bool:
    try:
        found = os.stat(path)
    except OSError:
        return False
    return (found.st_size, found.st_mtime_ns) == (entry["size"], entry["mtime_ns"])
