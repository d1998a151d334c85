"""Documents kept between builds, so that a build redoes the search's work only for the articles that changed.

Kept in CACHE_PATH (the project's cache/) by every build, unless LAO_SEARCH_CACHE is False; then it follows
Pelican's content cache: read when LOAD_CONTENT_CACHE is on, written when CACHE_CONTENT is on. An article is
found again by a digest of everything the search takes from it;
the cache holds the version of the code, of ICU and of PDFium that made it, and another version's is not read.
A PDF's size and time of change are part of what the search takes from an article (documents.Pdf): a PDF
replaced or edited is read again.
"""

import hashlib
import logging
import os
import pickle

import icu
from pypdfium2.version import PDFIUM_INFO

logger = logging.getLogger(__name__)
NAME = "lao_search.pickle"
# What a document is made with: a cache made by other rules (this plugin's code), another ICU or another PDFium is
# not read.
MADE_BY = ("text.py", "segment.py", "extract.py", "pdftext.py", "documents.py", "pipeline.py", "bm25.py", "cache.py")


def version():
    code = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(__file__))
    for name in MADE_BY:
        with open(os.path.join(folder, name), "rb") as f:
            code.update(f.read())
    return code.hexdigest(), icu.ICU_VERSION, icu.VERSION, str(PDFIUM_INFO)


def fingerprint(source):
    return hashlib.sha256(repr(source).encode("utf-8")).digest()


class DocumentCache:
    def __init__(self, path=None, documents=None, pieces=None):
        self.path = path  # None: nothing is written
        self.documents = documents or {}  # fingerprint -> Document
        self.pieces = pieces or {}  # chunk -> its words, as documents.Analyzer keeps them
        self.used = {}
        self.made = 0  # documents made by this build, not found

    @classmethod
    def from_settings(cls, settings, always=True):
        """The cache of a build with Pelican's ``settings``; ``always``: read and written whatever Pelican's own
        cache settings say."""
        folder = settings.get("CACHE_PATH") or "cache"
        path = os.path.join(folder, NAME)
        writes = always or bool(settings.get("CACHE_CONTENT"))
        if (always or settings.get("LOAD_CONTENT_CACHE")) and os.path.exists(path):
            try:
                with open(path, "rb") as f:
                    made_by, documents, pieces = pickle.load(f)
                if made_by == version():
                    return cls(path if writes else None, documents, pieces)
            except Exception as error:  # a damaged or foreign cache costs a full build, nothing else
                logger.warning("Search: cache %s not read (%s); indexing every article", path, error)
        return cls(path if writes else None)

    def has(self, source):
        """Whether the document of ``source`` is in the cache."""
        return fingerprint(source) in self.documents

    def document(self, source, make):
        """The cached document of ``source``, or ``make(source)``, remembered."""
        if not self.path and not self.documents:
            return make(source)  # nothing to find, nothing to keep
        key = fingerprint(source)
        found = self.documents.get(key)
        if found is None:
            found = make(source)
            self.made += 1
        self.used[key] = found
        return found

    def save(self, pieces):
        """Keeps what this build used and the words of its chunks (``pieces``), if the cache is to be written."""
        if not self.path or (not self.made and self.used.keys() == self.documents.keys()):
            return  # nothing to write, or what is written already (a build with nothing changed: a second saved)
        chunks = {chunk for document in self.used.values() for chunk in document.chunks}
        pieces = {chunk: words for chunk, words in pieces.items() if chunk in chunks}
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path + ".tmp", "wb") as f:
            pickle.dump((version(), self.used, pieces), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(self.path + ".tmp", self.path)
