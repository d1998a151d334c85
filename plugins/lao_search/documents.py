"""One article as the search sees it, made once from what Pelican holds (title, summary, content, tags) and the
text of its PDF (an issue's, an edition's), and cacheable: nothing in it depends on the other articles.

A long document (over LONG_UNITS of text: a magazine's PDF, a long report) is cut into parts of PART_UNITS at most,
at whitespace and never across two pages of its PDF, so that the browser loads the part that holds a match and not
the whole text (index.py writes a file per part; the dictionary tells which parts of such a document hold each key).

An ``Analyzer`` makes documents and remembers, across them, the words of every distinct chunk of text and the
term of every distinct word: ICU and the stemmer run once per distinct string, however often it recurs; and the
pages of every PDF it read, which two languages' items may share.
"""

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import Self, TypeVar

from archive import machinetext

from .bm25 import FIELDS
from .extract import html_text
from .near import LATIN_SHORTEST
from .pdftext import page_texts
from .pipeline import stem, trim
from .text import LAO_LETTER, WHITESPACE, chunk_pieces, chunks, fold, normalise

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Document:
    """What a result shows (url, title, kind, date, date_text, text) and what the index is made of.

    Its collections of strings (chunks, spellings, part_keys) hold each once, in no order: tuples, which take a
    fifth of a frozenset's memory (at 10,000 news the indexing's process peaked at 1,048 MB, not 1,264)."""

    url: str
    title: str
    kind: str
    date: str  # ISO date, for order and the year filter
    date_text: str  # the date as the page's language writes it
    text: str  # the normal spelling of title, summary, body, the PDF's pages and tags, a line each at least
    tags: int  # how many tags: the last lines of text, one each (snippets are of the body; tags are shown as tags)
    fields: tuple[tuple[dict[str, int], int], ...]  # per bm25.FIELDS: ({term: count}, number of terms)
    chunks: tuple[str, ...]  # the distinct chunks of folded text that hold Lao letters
    pdf_url: str = ""  # the PDF's, relative to the search page (as url is), when its text is in text
    # where each printed page (the PDF's or the scans') begins in text, in UTF-16 code units
    pdf_pages: tuple[int, ...] = ()
    # a long document's text cut in parts (``parts``): (where each ends in text, its printed page or 0); () for a
    # short one
    part_ends: tuple[tuple[int, int], ...] = ()
    # for each of parts: (its distinct chunks that hold Lao letters, its distinct terms without Lao letters)
    part_keys: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    pdf_script: str = ""  # "lo" when the printed pages' letters are mostly Lao, "other" when not, "" without
    spellings: tuple[str, ...] = ()  # its distinct Latin words as written (folded, before the stemmer), for near.py
    # each page scan's, when the printed pages are the scans' text (relative, as url is)
    scan_urls: tuple[str, ...] = ()
    machine_read: tuple[int, ...] = ()  # the numbers (from 1) of the printed pages whose text was read by machine (OCR)

    @property
    def parts(self) -> list[tuple[str, int]]:
        """A long document's text cut in parts, (text, its printed page or 0) each; [] for a short one. Slices of
        text, made when asked for: kept, they would hold a long text twice, and a third time in UTF-8 once written
        (CPython keeps a string's UTF-8 beside it once an extension such as orjson has asked for it): at the
        back catalogue's, 90 of the indexing's 740 MB."""
        starts = [0, *(end for end, _page in self.part_ends)]
        return [(self.text[start:end], page) for start, (end, page) in zip(starts, self.part_ends, strict=False)]

    @property
    def first_part(self) -> str:
        """The text of the first of ``parts`` (what a result of a long document shows first)."""
        return self.text[: self.part_ends[0][0]] if self.part_ends else ""


@dataclass(frozen=True)
class Pdf:
    """A PDF file, as the document cache tells it apart: its size and time of change are part of the article's
    fingerprint, so that a changed PDF is read again."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def at(cls, path: str) -> Self:
        found = os.stat(path)
        return cls(path, found.st_size, found.st_mtime_ns)


@dataclass(frozen=True)
class MachineText(Pdf):
    """The text read by machine from a scan or an image-only PDF (archive.machinetext: a file beside it), told
    apart as a Pdf is; size -1 while there is none, so that the article is analysed again once there is."""

    @classmethod
    def at(cls, path: str) -> Self:
        try:
            return super().at(path)
        except FileNotFoundError:
            return cls(path, -1, 0)


@dataclass(frozen=True)
class Source:
    """An article's searchable parts as Pelican holds them: summary and body are HTML, the rest text; ``pdf`` the
    issue's or edition's PDF, whose text is searched with the article's, ``pdf_url`` its link from the search page."""

    url: str
    title: str
    kind: str
    date: str
    date_text: str
    summary_html: str = ""
    body_html: str = ""
    tags: tuple[str, ...] = ()
    pdf: Pdf | None = None
    pdf_url: str = ""
    lang: str = ""
    pdf_text: MachineText | None = None  # the text read by machine of the PDF's pages without a text layer
    # (url, MachineText) of each of Pages, in order: the printed pages when the PDF has no text
    scans: tuple[tuple[str, MachineText], ...] = ()


# A Latin word a reader may misspell: letters only (no digits, no Lao), as long as near.py keeps.
LATIN_WORD = re.compile(f"[^\\W\\d_\u0e80-\u0eff]{{{LATIN_SHORTEST},}}")

PART_UNITS = 2048  # the most text (UTF-16 code units) a part holds, but for a run without whitespace that is longer
# A text is cut into parts from this length: a result loads its article's first part and the part of its first
# match, two parts' worth, so a text of up to two parts costs a reader no more uncut. A news item seldom has more:
# uncut, it costs the build no parts (at 10,000 news 3,760 articles are cut rather than 8,942: some 2 s less of the
# indexing's CPU, a tenth).
LONG_UNITS = 2 * PART_UNITS


class _Memo(dict[K, V]):
    """A dict that makes what it lacks with ``make``: ``map(memo.__getitem__, keys)`` then runs at C speed."""

    def __init__(self, make: Callable[[K], V], items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        super().__init__(items)
        self.make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self.make(key)
        return value


class Analyzer:
    def __init__(
        self,
        pieces: Mapping[str, list[tuple[int, str]]] | None = None,
        read_pdf: Callable[[str], Sequence[str]] = page_texts,
        read_machine: Callable[[str], Sequence[str] | None] = machinetext.read_pages,
    ) -> None:
        self.terms: _Memo[str, str] = _Memo(lambda word: stem(trim(word)))  # word -> term (lao-trimmer, lao-stemmer)
        self.pieces: _Memo[str, list[tuple[int, str]]] = _Memo(chunk_pieces, pieces or {})  # chunk -> [(start, word)]
        self.chunk_terms: _Memo[str, tuple[str, ...]] = _Memo(self._terms_of)  # chunk -> (term, ...)
        # chunk -> (term without Lao letters, ...): what a part's keys name besides its Lao chunks
        self.chunk_other_terms: _Memo[str, tuple[str, ...]] = _Memo(self._other_terms_of)
        # chunk -> (Latin word as written, ...)
        self.chunk_spellings: _Memo[str, tuple[str, ...]] = _Memo(self._spellings_of)
        self.read_pdf = read_pdf  # path -> the text of each page
        self.pdf_pages: _Memo[Pdf, tuple[str, ...]] = _Memo(self._pages_of)  # Pdf -> (normal text of each page, ...)
        self.read_machine = read_machine  # path -> the text of each page, or None
        # MachineText -> (normal text of each page, ...)
        self.machine_pages: _Memo[MachineText, tuple[str, ...]] = _Memo(self._machine_pages_of)

    def _terms_of(self, chunk: str) -> tuple[str, ...]:
        return tuple(map(self.terms.__getitem__, (word for _start, word in self.pieces[chunk])))

    def _other_terms_of(self, chunk: str) -> tuple[str, ...]:
        return tuple(term for term in self.chunk_terms[chunk] if not LAO_LETTER.search(term))

    def _spellings_of(self, chunk: str) -> tuple[str, ...]:
        if not LATIN_WORD.search(chunk):  # a word is inside its chunk: most chunks (Lao ones) have none
            return ()
        return tuple(word for _start, word in self.pieces[chunk] if LATIN_WORD.fullmatch(word))

    def _pages_of(self, pdf: Pdf) -> tuple[str, ...]:
        return _normal_pages(self.read_pdf(pdf.path))

    def _machine_pages_of(self, text: MachineText) -> tuple[str, ...]:
        return tuple(normalise(page).strip() for page in self.read_machine(text.path) or ())

    def printed(self, source: Source) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
        """(the normal text of each printed page, the numbers of those read by machine, the scans' URLs or ()):
        the PDF's pages, each without a text layer of its own read from its text read by machine; the page scans'
        text when the PDF has none (or there is no PDF)."""
        typed: tuple[str, ...] = self.pdf_pages[source.pdf] if source.pdf else ()
        read: tuple[str, ...] = self.machine_pages[source.pdf_text] if source.pdf and source.pdf_text else ()
        pages = [page or (read[i] if i < len(read) else "") for i, page in enumerate(typed)]
        pages += read[len(typed) :]
        scan_urls: tuple[str, ...] = ()
        if not any(pages) and source.scans:
            pages = [" ".join(self.machine_pages[text]) for _url, text in source.scans]
            scan_urls = tuple(url for url, _text in source.scans)
            typed = ()
        if not any(pages):
            return (), (), ()
        machine = tuple(n for n, page in enumerate(pages, 1) if page and not (n <= len(typed) and typed[n - 1]))
        return tuple(pages), machine, scan_urls

    def pdf_read(self, pdf: Pdf, texts: Sequence[str]) -> None:
        """Takes the text of each page of ``pdf`` as read elsewhere (readahead.py), as if read here."""
        self.pdf_pages[pdf] = _normal_pages(texts)

    def document(self, source: Source) -> Document:
        fields = {
            "title": source.title,
            "summary": html_text(source.summary_html),
            "body": html_text(source.body_html),
            "tags": "\n".join(source.tags),
        }
        normal = {name: normalise(value) for name, value in fields.items()}
        pages, machine, scan_urls = self.printed(source)
        # typed and read by machine: two fields, the second weighed less (bm25.FIELDS)
        normal["pdf"] = "\n".join(page for n, page in enumerate(pages, 1) if n not in machine)
        normal["scan"] = "\n".join(pages[n - 1] for n in machine)
        lines = [normal[name] for name in ("title", "summary", "body") if normal[name]]
        tags = [normal["tags"]] if normal["tags"] else []
        text = "\n".join([*lines, *pages, *tags])  # a page without text keeps its (empty) line
        part_ends: tuple[tuple[int, int], ...] = ()
        part_chunks: list[list[str]] = []
        if _utf16_length(text) > LONG_UNITS:
            part_ends, part_chunks, found_in = _long(normal, lines, pages, machine, tags)
        else:
            found_in = {name: chunks(fold(normal[name])) for name, _boost in FIELDS}
        counted: list[tuple[dict[str, int], int]] = []
        lao_chunks: set[str] = set()
        spellings: set[str] = set()
        for name, _boost in FIELDS:
            found = found_in[name]
            if not found:
                counted.append(({}, 0))
                continue
            distinct = set(found)  # what holds or is a chunk, not how often: each chunk once
            spellings.update(chain.from_iterable(map(self.chunk_spellings.__getitem__, distinct)))
            if LAO_LETTER.search(normal[name]):
                lao_chunks.update(filter(LAO_LETTER.search, distinct))
            terms = list(chain.from_iterable(map(self.chunk_terms.__getitem__, found)))
            counted.append((dict(Counter(terms)), len(terms)))
        part_keys = tuple(self._keys_of(set(found), lao_chunks) for found in part_chunks)
        return Document(
            url=source.url,
            title=source.title,
            kind=source.kind,
            date=source.date,
            date_text=source.date_text,
            text=text,
            tags=normal["tags"].count("\n") + 1 if normal["tags"] else 0,
            fields=tuple(counted),
            chunks=tuple(lao_chunks),
            pdf_url=source.pdf_url if pages and not scan_urls else "",
            pdf_pages=_starts(lines, pages),
            part_ends=part_ends,
            part_keys=part_keys,
            pdf_script=script_of(pages) if pages else "",
            spellings=tuple(spellings),
            scan_urls=scan_urls,
            machine_read=machine,
        )

    def _keys_of(self, found: set[str], lao_chunks: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the distinct chunks that hold Lao letters, the distinct terms without Lao letters) of a part whose
        distinct chunks are ``found``, of a document whose chunks that hold Lao letters are ``lao_chunks``. A Lao
        term is inside each chunk it is a term of, so the parts that hold the chunks that hold it are its parts
        (index.py)."""
        terms = set(chain.from_iterable(map(self.chunk_other_terms.__getitem__, found)))
        return tuple(found & lao_chunks), tuple(terms)


def _normal_pages(texts: Iterable[str]) -> tuple[str, ...]:
    """The normal spelling of each page's text; none at all when no page has text (a scan)."""
    pages = tuple(normalise(text).strip() for text in texts)
    return pages if any(pages) else ()


def script_of(pages: Iterable[str]) -> str:
    """The script of ``pages``, which decides the language a PDF's text is indexed in: "lo" when most of their
    letters are Lao, else "other"."""
    lao = sum(len(LAO_LETTER.findall(page)) for page in pages)
    letters = sum(sum(char.isalpha() for char in page) for page in pages)
    return "lo" if lao * 2 > letters else "other"


def _sections(lines: list[str], pages: Sequence[str], tags: list[str]) -> list[tuple[str, int]]:
    """The sections of a long document's text (joined by line breaks, as Document.text), each (text, page): the
    article's own ``lines``, then each of ``pages`` (numbered from 1), then the ``tags``; each but the last with the
    line break before the next. A part never holds text of two sections."""
    sections = [("\n".join(lines), 0)] if lines else []
    sections += [(page, number) for number, page in enumerate(pages, 1)]
    sections += [("\n".join(tags), 0)] if tags else []
    last = len(sections) - 1
    return [(section + "\n" if i < last else section, page) for i, (section, page) in enumerate(sections)]


def _long(
    normal: Mapping[str, str], lines: list[str], pages: Sequence[str], machine: Sequence[int], tags: list[str]
) -> tuple[tuple[tuple[int, int], ...], list[list[str]], dict[str, list[str]]]:
    """(where each of its parts ends in its text, with the part's page; each part's chunks of folded text; each
    field's) of a long document, from the normal text of its fields (``normal``; ``lines`` and ``tags`` as
    Document.text has them) and its printed ``pages`` (``machine``: the numbers of those read by machine). Its
    sections (``_sections``), which joined are its text, are cut into parts of at most PART_UNITS after whitespace
    (``cut``), so that a string without whitespace (a query's part) lies inside one part; each part is folded and
    cut into chunks once, and each field's chunks are its parts' in a row. Folding changes no whitespace and no
    character across it in normal text (``normalise`` removed U+FEFF, which a final sigma's lower case would look
    through), and parts, sections and fields all end at whitespace, so the chunks are the same as the fields' own
    (tests/test_documents.py holds the two to each other)."""
    part_ends: list[tuple[int, int]] = []
    end = 0  # the sections, joined, are the document's text (Document.text)
    part_chunks: list[list[str]] = []
    in_section: list[list[str]] = []  # each section's chunks, its parts' in a row
    for section, page in _sections(lines, pages, tags):
        found: list[str] = []
        for piece in cut(section, PART_UNITS):
            end += len(piece)
            part_ends.append((end, page))
            part_chunks.append(chunks(fold(piece)))
            found += part_chunks[-1]
        in_section.append(found)
    found_in = {name: chunks(fold(normal[name])) for name in ("title", "summary")}  # a line each: short
    first_page = 1 if lines else 0  # the sections: the article's own text (if any), the pages, the tags (if any)
    own = in_section[0] if lines else []
    found_in["body"] = own[len(found_in["title"]) + len(found_in["summary"]) :]
    page_chunks = in_section[first_page : first_page + len(pages)]
    found_in["pdf"] = [c for n, found in enumerate(page_chunks, 1) if n not in machine for c in found]
    found_in["scan"] = [c for n in machine for c in page_chunks[n - 1]]
    found_in["tags"] = in_section[-1] if tags else []
    return tuple(part_ends), part_chunks, found_in


_WHITESPACE_RUN = re.compile(f"[{WHITESPACE}]+")  # what a query is split at too (text.chunks)
# In the text read backwards: the last character of a whitespace run (where a piece may end), found forwards
_RUN_END_BACKWARDS = re.compile(f"(?<![{WHITESPACE}])[{WHITESPACE}]")


def cut(text: str, units: int) -> list[str]:
    """``text`` in pieces of at most ``units`` UTF-16 code units each, each but the last ending after whitespace:
    joined, they are ``text``. A run without whitespace longer than ``units`` is a piece of its own. "" gives [""],
    so that an empty page keeps its part."""
    if _utf16_length(text) != len(text):
        return _cut_by_offsets(text, units)
    # Each piece ends at the last end of a whitespace run that fits, else at the first (a long run): one search
    # each, backwards from where the piece must end at the latest, rather than a step per whitespace run.
    backwards = text[::-1]
    length = len(text)
    pieces: list[str] = []
    start = 0
    while length - start > units:
        fits = _RUN_END_BACKWARDS.search(backwards, length - start - units, length - start)
        if fits:
            end = length - fits.start()
        else:
            longer = _WHITESPACE_RUN.search(text, start)
            if not longer:
                break
            end = longer.end()
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut_by_offsets(text: str, units: int) -> list[str]:
    """``cut`` of a text with characters beyond the Basic Multilingual Plane (never Lao), which take two UTF-16
    code units: a step per whitespace run, by where each character starts in UTF-16 (the browser's offsets)."""
    offset = [0, *accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]
    pieces: list[str] = []
    start = 0
    end = 0  # where the piece could end: after the last whitespace seen
    for match in _WHITESPACE_RUN.finditer(text):
        stop = match.end()
        if offset[stop] - offset[start] > units and end > start:
            pieces.append(text[start:end])
            start = end
        end = stop
    if offset[len(text)] - offset[start] > units and end > start:
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _starts(lines: list[str], pages: Sequence[str]) -> tuple[int, ...]:
    """Where each of ``pages`` begins in the text of ``lines`` and ``pages``, a line each (empty pages too), in
    UTF-16 code units: the browser's string offsets."""
    starts: list[int] = []
    at = sum(map(_utf16_length, lines)) + len(lines)  # each line and its line break
    for page in pages:
        starts.append(at)
        at += _utf16_length(page) + 1
    return tuple(starts)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
