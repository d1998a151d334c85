"""Documents kept between builds, so that a build redoes the search's work only for the articles that changed.

Every build keeps in CACHE_PATH (the project's cache/) the documents that hold a PDF's text, whose reading is most
of a cold build's search work (LAO_SEARCH_CACHE, on by default); the preview (`make serve`, LAO_SEARCH_KEEP_ALL)
keeps every document. The others are quicker to make again than to read back: at 10,000 news articles a cache of
all of them is 270 MB, and a build reading it is slower than one without. A build in which no article changed
reads none of it: it publishes the last build's search data again (kept.py). An article is
found again by a digest of everything the search takes from it;
the cache holds the version of the code, of ICU and of PDFium that made it, and another version's is not read.
A PDF's size and time of change are part of what the search takes from an article (documents.Pdf): a PDF
replaced or edited is read again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import icu
from pypdfium2.version import PDFIUM_INFO

if TYPE_CHECKING:
    from .documents import Document, Source

logger = logging.getLogger(__name__)
NAME = "lao_search.pickle"
# What a document is made with: a cache made by other rules (this plugin's code), another ICU or another PDFium is
# not read.
MADE_BY = ("text.py", "segment.py", "extract.py", "pdftext.py", "documents.py", "pipeline.py", "bm25.py", "cache.py")


def version(modules: Iterable[str] = MADE_BY) -> tuple[str, str, str, str]:
    """What made something of this plugin's: the code of ``modules`` (its file names), ICU's and PDFium's versions."""
    code = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in modules:
        with open(os.path.join(folder, name), "rb") as f:
            code.update(f.read())
    return code.hexdigest(), icu.ICU_VERSION, icu.VERSION, str(PDFIUM_INFO)


def fingerprint(source: Source) -> bytes:
    """A digest of ``source``: its class, then each field, a string as UTF-8 (the bulk, the article's HTML, at the
    speed of copying it: its repr would escape it first), anything else by its repr (a Pdf, the tags), each after
    its length and kind, so that no two sources give the same bytes."""
    digest = hashlib.sha256(type(source).__qualname__.encode("utf-8"))
    for value in (getattr(source, field.name) for field in dataclasses.fields(source)):
        kind, data = (b"s", value) if isinstance(value, str) else (b"r", repr(value))
        encoded = data.encode("utf-8", "surrogatepass")  # any str: one with a lone surrogate too
        digest.update(kind)
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.digest()


class DocumentCache:
    def __init__(
        self,
        path: str | None = None,
        documents: dict[bytes, Document] | None = None,
        pieces: dict[str, list[tuple[int, str]]] | None = None,
        every: bool = True,
    ) -> None:
        self.path = path  # None: nothing is written
        self.every = every  # keep every document, not only those that hold printed pages' text (a PDF's, a scan's)
        self.documents = documents or {}  # fingerprint -> Document
        self.pieces = pieces or {}  # chunk -> its words, as documents.Analyzer keeps them
        self.used: dict[bytes, Document] = {}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], every: bool = False) -> DocumentCache:
        """The cache of a build with Pelican's ``settings`` (in its CACHE_PATH), read and written; ``every``: it
        keeps every document."""
        path = os.path.join(settings.get("CACHE_PATH") or "cache", NAME)
        if os.path.exists(path):
            try:
                with open(path, "rb") as f:
                    made_by, documents, pieces = pickle.load(f)
                if made_by == version():
                    return cls(path, documents, pieces, every)
            except Exception as error:  # noqa: BLE001 - a damaged or foreign cache costs a full build, no more
                logger.warning("Search: cache %s not read (%s); indexing every article", path, error)
        return cls(path, every=every)

    def has(self, source: Source, key: bytes | None = None) -> bool:
        """Whether the document of ``source`` is in the cache (``key``: its fingerprint, when known)."""
        return (key or fingerprint(source)) in self.documents

    def document(self, source: Source, make: Callable[[Source], Document], key: bytes | None = None) -> Document:
        """The cached document of ``source``, or ``make(source)``, remembered (``key``: its fingerprint, when
        known)."""
        if not self.path and not self.documents:
            return make(source)  # nothing to find, nothing to keep
        key = key or fingerprint(source)
        found = self.documents.get(key)
        if found is None:
            found = make(source)
        self.used[key] = found
        return found

    def save(self, pieces: Mapping[str, list[tuple[int, str]]]) -> None:
        """Keeps what this build used and the words of its chunks (``pieces``), if the cache is to be written."""
        kept = self.used if self.every else {key: doc for key, doc in self.used.items() if doc.pdf_pages}
        if not self.path or kept.keys() == self.documents.keys():
            return  # nothing to write, or what is written already (a build with nothing changed: a second saved)
        chunks = {chunk for document in kept.values() for chunk in document.chunks}
        pieces = {chunk: words for chunk, words in pieces.items() if chunk in chunks}
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path + ".tmp", "wb") as f:
            pickle.dump((version(), kept, pieces), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(self.path + ".tmp", self.path)
