"""One article as the search sees it, made once from what Pelican holds (title, summary, content, tags), and
cacheable: nothing in it depends on the other articles.

An ``Analyzer`` makes documents and remembers, across them, the words of every distinct chunk of text and the
term of every distinct word: ICU and the stemmer run once per distinct string, however often it recurs.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import chain

from .bm25 import FIELDS
from .extract import html_text
from .pipeline import stem, trim
from .text import LAO_LETTER, chunk_pieces, chunks, fold, normalise


@dataclass(frozen=True)
class Document:
    """What a result shows (url, title, kind, date, date_text, text) and what the index is made of."""

    url: str
    title: str
    kind: str
    date: str  # ISO date, for order and the year filter
    date_text: str  # the date as the page's language writes it
    text: str  # the normal spelling of title, summary, body and tags, a line each at least: snippets come from it
    tags: int  # how many tags: the last lines of text, one each (snippets are of the body; tags are shown as tags)
    fields: tuple  # per bm25.FIELDS: ({term: count}, number of terms)
    chunks: frozenset  # the distinct chunks of folded text that hold Lao letters


@dataclass(frozen=True)
class Source:
    """An article's searchable parts as Pelican holds them: summary and body are HTML, the rest text."""

    url: str
    title: str
    kind: str
    date: str
    date_text: str
    summary_html: str = ""
    body_html: str = ""
    tags: tuple = ()


class _Memo(dict):
    """A dict that makes what it lacks with ``make``: ``map(memo.__getitem__, keys)`` then runs at C speed."""

    def __init__(self, make, items=()):
        super().__init__(items)
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


class Analyzer:
    def __init__(self, pieces=None):
        self.terms = _Memo(lambda word: stem(trim(word)))  # word -> term (lao-trimmer, lao-stemmer)
        self.pieces = _Memo(chunk_pieces, pieces or {})  # chunk -> [(start, word)]
        self.chunk_terms = _Memo(self._terms_of)  # chunk -> (term, ...)

    def _terms_of(self, chunk):
        return tuple(map(self.terms.__getitem__, (word for _start, word in self.pieces[chunk])))

    def document(self, source):
        parts = {
            "title": source.title,
            "summary": html_text(source.summary_html),
            "body": html_text(source.body_html),
            "tags": "\n".join(source.tags),
        }
        normal = {name: normalise(value) for name, value in parts.items()}
        fields = []
        lao_chunks = set()
        for name, _boost in FIELDS:
            found = chunks(fold(normal[name]))
            if LAO_LETTER.search(normal[name]):
                lao_chunks.update(filter(LAO_LETTER.search, found))
            terms = list(chain.from_iterable(map(self.chunk_terms.__getitem__, found)))
            fields.append((dict(Counter(terms)), len(terms)))
        text = "\n".join(normal[name] for name in ("title", "summary", "body", "tags") if normal[name])
        return Document(
            url=source.url,
            title=source.title,
            kind=source.kind,
            date=source.date,
            date_text=source.date_text,
            text=text,
            tags=normal["tags"].count("\n") + 1 if normal["tags"] else 0,
            fields=tuple(fields),
            chunks=frozenset(lao_chunks),
        )
