"""The last build's search data, kept in CACHE_PATH and published again by a build in which none of it changed.

Search data are a function of each language's articles as the search takes them (documents.Source: text, title,
URL, PDF and its size and time of change…), of where the language's pages are and of this plugin's code. A build
that finds all of those as the last one left them would make every file again (at the back catalogue some 32,000
files and most of a warm build's indexing), so instead it links the files the last build wrote. Every build that
writes search data keeps hard links to them here, with a manifest of what they were made of; links, not copies,
cost no bytes, and nothing ever writes into a published file (each build writes new files).

Where a link cannot be made (the cache on another file system than the output) the file is copied.
"""

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from .cache import version
from .index import FORMAT

logger = logging.getLogger(__name__)
NAME = "lao_search-data"  # the folder in CACHE_PATH
MANIFEST = "manifest.json"
NEW = "new"  # in NAME: the links to the search data being written, until they are kept
# {"read": [fingerprint, ...], "plan": [[lang, data folder, [fingerprint, ...]], ...]}, fingerprints in hex
MadeOf = dict[str, Any]
K = TypeVar("K")


def stamp(layout: object) -> str:
    """What else the files are made of: every module of this plugin, ICU's and PDFium's versions, the layout."""
    modules = sorted(name for name in os.listdir(os.path.dirname(os.path.abspath(__file__))) if name.endswith(".py"))
    return hashlib.sha256(repr((modules, version(modules), FORMAT, layout)).encode("utf-8")).hexdigest()


def made_of(plan: Iterable[tuple[str, str, Iterable[K]]], fingerprint: Mapping[K, bytes]) -> MadeOf:
    """What a plan's search data are made of: {"read": [fingerprint of every article read (drafts too), sorted],
    "plan": [[lang, data folder, [fingerprint of each of its articles, sorted]]]}."""
    return {
        "read": sorted(each.hex() for each in fingerprint.values()),
        "plan": [[lang, folder, sorted(fingerprint[key].hex() for key in keys)] for lang, folder, keys in plan],
    }


class KeptData:
    """The search data kept in ``folder`` (CACHE_PATH/lao_search-data), if made with ``stamp``."""

    def __init__(self, folder: str, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp
        self.made_of: MadeOf | None = None  # as made_of() says, when something is kept
        self.summary: list[Any] = []
        self.files: list[int] = []  # how many files each language's data has
        self.fresh = os.path.join(folder, NEW)  # where the links to the data being written are made
        # n -> (the n-th language's search data, how many files, the process linking them or None once linked)
        self.linking: dict[int, tuple[str, int, subprocess.Popen[bytes] | None]] = {}
        try:
            with open(os.path.join(folder, MANIFEST), encoding="utf-8") as f:
                manifest = json.load(f)
            if manifest["stamp"] == stamp:
                self.made_of, self.summary, self.files = manifest["made_of"], manifest["summary"], manifest["files"]
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as error:  # a damaged manifest costs a build, no more
            logger.warning("Search: %s not read (%s); the search data are made anew", folder, error)
        self.articles = {bytes.fromhex(each) for each in self.made_of["read"]} if self.made_of else set()

    def may_hold(self, fingerprint: bytes) -> bool:
        """Whether an article of this fingerprint is among those the build that made the kept data read."""
        return fingerprint in self.articles

    def fits(self, made_of: MadeOf) -> bool:
        return self.made_of is not None and self.made_of == made_of

    def publish(self, output_path: str) -> list[Any]:
        """Links the kept files into each language's data folder under ``output_path``; returns what the build
        that made them said of them. Raises OSError when a kept file is missing (the caller makes them anew)."""
        if self.made_of is None:
            raise FileNotFoundError(f"no search data kept in {self.folder}")
        for n, (_lang, data_folder, _made) in enumerate(self.made_of["plan"]):
            target = os.path.join(output_path, data_folder)
            shutil.rmtree(target, ignore_errors=True)
            if _link_tree(os.path.join(self.folder, str(n)), target) != self.files[n]:
                raise FileNotFoundError(f"files of {os.path.join(self.folder, str(n))} are missing")
        return self.summary

    def begin(self) -> None:
        """Makes ready to keep the search data about to be written (``link``, then ``keep``); what is kept stays
        until ``keep`` replaces it, so that a build that fails leaves the last one's."""
        shutil.rmtree(self.fresh, ignore_errors=True)
        os.makedirs(self.fresh, exist_ok=True)
        self.linking = {}

    def link(self, n: int, source: str, files: int) -> None:
        """Begins keeping links to the ``files`` files of the ``n``-th language's search data, just written in
        ``source``: on Linux by ``cp -al`` in a process of its own, while the indexing goes on (33,000 links of a
        language at 10,000 news took 1-2 s of the indexing's time); elsewhere, or across two file systems, at once."""
        target = os.path.join(self.fresh, str(n))
        if n in self.linking:  # linked again (a build never does): the first linking stopped and undone
            _stop(self.linking.pop(n)[2])
            shutil.rmtree(target, ignore_errors=True)
        copier = None
        if _cp_can_link(source, self.fresh) and not os.path.lexists(target):  # else cp would copy into it
            copier = subprocess.Popen(
                ["cp", "-al", "--", source, target],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        else:
            files = _link_tree(source, target)
        self.linking[n] = (source, files, copier)

    def keep(self, made_of: MadeOf, summary: list[Any]) -> None:
        """Keeps the links begun (``link``) to the search data just written (``made_of`` them) in place of what was
        kept, once all are made; where ``cp`` failed, linked or copied here."""
        files = []
        for n in range(len(made_of["plan"])):
            source, count, copier = self.linking.pop(n)
            if copier is not None and copier.wait():
                target = os.path.join(self.fresh, str(n))
                shutil.rmtree(target, ignore_errors=True)
                count = _link_tree(source, target)
            files.append(count)
        manifest = os.path.join(self.folder, MANIFEST)
        if os.path.exists(manifest):
            os.remove(manifest)  # first: a build stopped half-way leaves nothing that looks kept
        for name in os.listdir(self.folder):
            if name != NEW:
                shutil.rmtree(os.path.join(self.folder, name), ignore_errors=True)
        for n in range(len(files)):
            os.replace(os.path.join(self.fresh, str(n)), os.path.join(self.folder, str(n)))
        shutil.rmtree(self.fresh, ignore_errors=True)
        with open(manifest + ".tmp", "w", encoding="utf-8") as f:
            json.dump({"stamp": self.stamp, "made_of": made_of, "summary": summary, "files": files}, f)
        os.replace(manifest + ".tmp", manifest)
        self.made_of, self.summary, self.files = made_of, summary, files

    def abandon(self) -> None:
        """Stops the linking begun, when the build will not keep what it wrote."""
        for _source, _count, copier in self.linking.values():
            _stop(copier)
        self.linking = {}


def _stop(copier: subprocess.Popen[bytes] | None) -> None:
    """Stops a ``cp`` linking, if there is one."""
    if copier is not None:
        copier.kill()
        copier.wait()


def _cp_can_link(source: str, target: str) -> bool:
    """Whether ``cp -al`` can link ``source``'s files into the folder ``target``: Linux's cp, one file system."""
    if not sys.platform.startswith("linux") or not shutil.which("cp"):
        return False
    try:
        return os.stat(source).st_dev == os.stat(target).st_dev
    except OSError:
        return False


def _link_tree(source: str, target: str) -> int:
    """``target`` made a tree of hard links to the files of ``source`` (copies where links cannot be made); returns
    how many."""
    count = 0
    for directory, _folders, names in os.walk(source):
        into = os.path.join(target, os.path.relpath(directory, source))
        os.makedirs(into, exist_ok=True)
        for name in names:
            path = os.path.join(directory, name)
            try:
                os.link(path, os.path.join(into, name))
            except OSError:
                shutil.copyfile(path, os.path.join(into, name))
            count += 1
    if not os.path.isdir(target):
        raise FileNotFoundError(f"no search data in {source}")
    return count
