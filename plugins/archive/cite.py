"""Citations of an item, for reference managers and for readers: one CSL-JSON record, written as RIS (rispy), as
BibTeX (bibtexparser, values LaTeX-escaped by pylatexenc), as a formatted line (citeproc-py and a CSL style), and,
for the journal, as Highwire ``citation_*`` tags (what Google Scholar and Zotero read).

The record is in the item's language: its title, byline and the names of the journal, newspaper and publisher as
the operator set them (ARCHIVE_ settings). What a citation calls each kind is data in schema.py (``Kind.cite``).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import subprocess
import sys
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import bibtexparser
import rispy
from bibtexparser import model
from bibtexparser.entrypoint import default_unparse_stack
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexEncoder, get_builtin_conversion_rules

if TYPE_CHECKING:
    from .collect import Article
    from .schema import Schema
    from .settings import ArchiveSettings

logger = logging.getLogger(__name__)
IN_ISSUE = ("article-journal", "JOUR", "article")  # an item listed in a journal issue's contents
Csl = dict[str, Any]  # a CSL-JSON record
Types = tuple[str, str, str]  # (CSL type, RIS type, BibTeX type)
# Forms to make, at least, before they are made in another process (Citations.start): below that, starting the
# process costs more than it saves. Module constants, so that tests can send a few there.
BESIDE_FROM = 500
BATCH = 100  # forms the other process makes per message: few messages, and the first pages never wait long


@dataclass(frozen=True)
class Source:
    """What an item's citation is made with beyond the item."""

    schema: Schema
    settings: ArchiveSettings
    site_url: str  # absolute, without a trailing slash; "" for a build that opens from disk (no URLs cited)
    style: str  # the path of the CSL style of the formatted line

    def url(self, path: str) -> str | None:
        return f"{self.site_url}/{path}" if self.site_url else None


def beside(path: str, suffix: str) -> str:
    """The path of the citation file ``suffix`` ("ris", "bib") beside the page at ``path`` (an .html path)."""
    return path.rsplit(".", 1)[0] + "." + suffix


def types_of(article: Article, schema: Schema) -> Types:
    """(CSL type, RIS type, BibTeX type) of an item."""
    return IN_ISSUE if article.details.in_issue is not None else schema.kinds[article.details.kind].cite


def record(article: Article, source: Source) -> Csl:
    """The item as CSL-JSON (the citation-style language's data): what every form below is made from."""
    details, settings = article.details, source.settings
    kind = source.schema.kinds[details.kind]
    lang = article.lang
    csl: Csl = {
        "id": f"{article.slug}-{lang}",
        "type": types_of(article, source.schema)[0],
        "title": article.title,
        "issued": {"date-parts": [[article.date.year, article.date.month, article.date.day]]},
        "language": lang,
        "publisher": settings.publisher[lang],
    }
    if "author" in article.metadata:
        csl["author"] = [{"literal": article.author.name}]
    issue = details.in_issue if details.in_issue is not None else (article if kind.periodical else None)
    if issue is not None:
        periodical = source.schema.kinds[issue.details.kind].periodical
        assert periodical is not None  # an issue's kind is a periodical's (schema.Kind.periodical)
        name, issn = settings.periodical(periodical, lang)
        csl["container-title"] = name
        csl["issue"] = str(issue.details.number)
        if issn:
            csl["ISSN"] = issn
    tags = [tag.name for tag in getattr(article, "tags", []) or []]
    if tags:
        csl["keyword"] = ", ".join(tags)
    url = source.url(details.url)
    if url:
        csl["URL"] = url
    pdf = details.values.get("pdf")
    if pdf and source.site_url:
        csl["pdf"] = f"{source.site_url}/{quote(pdf)}"  # not CSL: for citation_pdf_url and RIS's L1
    return csl


def _year(csl: Csl) -> str:
    return str(csl["issued"]["date-parts"][0][0])


def _day(csl: Csl, separator: str) -> str:
    return separator.join(f"{part:02d}" for part in csl["issued"]["date-parts"][0])


class _RisWriter(rispy.RisWriter):
    def set_header(self, count: int) -> str:
        return ""  # no "1." line before the record: TY comes first, as reference managers expect


def ris(csl: Csl, ris_type: str) -> str:
    """The record as RIS (a reference manager's import), UTF-8 text."""
    entry: dict[str, Any] = {
        "type_of_reference": ris_type,
        "title": csl["title"],
        "year": _year(csl),
        "date": _day(csl, "/"),
        "language": csl["language"],
        "publisher": csl["publisher"],
        "id": csl["id"],
    }
    if "author" in csl:
        entry["authors"] = [a["literal"] for a in csl["author"]]
    if "container-title" in csl:
        entry["secondary_title"] = csl["container-title"]  # T2: the journal or newspaper
        entry["number"] = csl["issue"]
    if "ISSN" in csl:
        entry["issn"] = csl["ISSN"]
    if "keyword" in csl:
        entry["keywords"] = csl["keyword"].split(", ")
    if "URL" in csl:
        entry["urls"] = [csl["URL"]]
    if "pdf" in csl:
        entry["file_attachments1"] = csl["pdf"]
    return rispy.dumps([entry], implementation=_RisWriter)


LATEX_RULES = "defaults"


@cache
def _latex() -> UnicodeToLatexEncoder:
    # Lao has no LaTeX spelling and needs none (UTF-8, as biber reads it): kept as it is, without a warning.
    return UnicodeToLatexEncoder(conversion_rules=[LATEX_RULES], unknown_char_policy="keep", unknown_char_warning=False)


@cache
def _latex_spelt() -> frozenset[str] | None:
    """The characters the encoder writes otherwise (``&``, ``é``...), when its rules are tables of them (None: they
    are not, and every value goes through it)."""
    rules = get_builtin_conversion_rules(LATEX_RULES)
    if any(rule.rule_type != RULE_DICT for rule in rules):
        return None
    return frozenset(chr(code) for rule in rules for code in rule.rule)


def _tex(text: str) -> str:
    # A value with none of those characters (most Lao titles and names) comes out as it went in: not walked through
    # the encoder character by character (a fifth of a millisecond an item).
    spelt = _latex_spelt()
    return text if spelt is not None and spelt.isdisjoint(text) else _latex().unicode_to_latex(text)


def bibtex(csl: Csl, entry_type: str) -> str:
    """The record as BibTeX: values LaTeX-escaped (``&``, ``{``, ``%``...), Lao as it is (UTF-8); the URL as written."""
    text = _tex
    fields = [("title", text(csl["title"]))]
    if "author" in csl:
        # {…} around each: a unit's name ("Department of Post") is not a first and a last name
        fields.append(("author", " and ".join("{" + text(a["literal"]) + "}" for a in csl["author"])))
    if "container-title" in csl:
        key = "journal" if entry_type == "article" else "howpublished" if entry_type == "misc" else "series"
        fields += [(key, text(csl["container-title"])), ("number", csl["issue"])]
    if "ISSN" in csl:
        fields.append(("issn", csl["ISSN"]))
    fields += [("year", _year(csl)), ("month", str(csl["issued"]["date-parts"][0][1]))]
    fields.append(("institution" if entry_type == "techreport" else "publisher", text(csl["publisher"])))
    fields.append(("language", csl["language"]))
    if "keyword" in csl:
        fields.append(("keywords", text(csl["keyword"])))
    if "URL" in csl:
        fields.append(("url", csl["URL"]))
    key = f"{csl['id'].replace('-', '_')}_{_year(csl)}"
    library = bibtexparser.Library([model.Entry(entry_type, key, [model.Field(k, v) for k, v in fields])])
    # the library is this call's own: enclosed in braces in place, not deep-copied first (bibtexparser's default)
    return bibtexparser.write_string(library, unparse_stack=default_unparse_stack(allow_inplace_modification=True))


@cache
def _style(path: str) -> CitationStylesStyle:
    # No CSL locale for Lao exists: the style uses no term of any language (no "Available at"), so en-US serves
    # only for punctuation and both languages read alike.
    _keep_lookups()
    return CitationStylesStyle(path, validate=False, locale="en-US")


@cache
def _keep_lookups() -> None:
    """citeproc-py finds its way through a style with XPath, and for every item it formats it asks the same
    elements the same questions (some 25 an item, 40% of its time: 0.68 against 0.39 ms an item). Nothing it does
    to a style or its locale changes an answer (it copies attributes onto a date part, but never its name, all that
    a question tests of it, and may add a name element outside the style's namespace, which no question names), so
    each answer is kept, by element and expression: the elements it was asked of stay alive with it, and lxml gives
    them back as the same objects. For the whole process, then: every style it formats with stays in memory (as
    ``_style`` keeps them anyway). tests/test_found_and_cited.py holds the lines to those citeproc-py makes without
    it."""
    search = CitationStylesElement.xpath_search
    answers: dict[tuple[CitationStylesElement, str], tuple[Any, ...]] = {}

    def kept(element: CitationStylesElement, expression: str) -> tuple[Any, ...]:
        key = (element, expression)
        found = answers.get(key)
        if found is None:
            found = answers[key] = tuple(search(element, expression))
        return found

    CitationStylesElement.xpath_search = kept


def formatted(csl: Csl, style: str) -> str:
    """One line, as a bibliography would list the item (the project's style: author (year). Title. Journal,
    issue. Publisher. URL)."""
    csl = {key: value for key, value in csl.items() if key != "pdf"}
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([csl]), formatter.plain)
    bibliography.register(Citation([CitationItem(csl["id"])]))
    return str(bibliography.bibliography()[0])


def highwire(csl: Csl) -> list[tuple[str, str]]:
    """Highwire Press ``citation_*`` tags [(name, content)] of a journal issue or an article in one."""
    tags = [("citation_title", csl["title"])]
    tags += [("citation_author", a["literal"]) for a in csl.get("author", [])]
    tags += [
        ("citation_publication_date", _day(csl, "/")),
        ("citation_journal_title", csl["container-title"]),
        ("citation_publisher", csl["publisher"]),
    ]
    if "ISSN" in csl:
        tags.append(("citation_issn", csl["ISSN"]))
    tags += [("citation_issue", csl["issue"]), ("citation_language", csl["language"])]
    if "keyword" in csl:
        tags.append(("citation_keywords", csl["keyword"].replace(", ", "; ")))
    if "URL" in csl:
        tags.append(("citation_abstract_html_url", csl["URL"]))
    if "pdf" in csl:
        tags.append(("citation_pdf_url", csl["pdf"]))
    return tags


def is_journal(article: Article, schema: Schema) -> bool:
    """A journal issue, or an item in one's contents: what Highwire tags describe."""
    details = article.details
    numbered = details.in_issue if details.in_issue is not None else article
    return schema.kinds[numbered.details.kind].periodical == "journal"


@dataclass(frozen=True)
class Cited:
    """What an item page shows and links: the formatted line, and its RIS and BibTeX files (site-relative URLs)."""

    text: str
    ris: str
    bib: str


@dataclass(frozen=True)
class Forms:
    """One item's citation in every form: its record and what is made from it."""

    record: Csl  # highwire() reads it
    text: str  # the formatted line
    ris: str
    bib: str

    def cited(self, article: Article) -> Cited:
        # the files' own paths, beside the page's file (its URL may be its folder: ARTICLE_URL "{slug}/")
        return Cited(Markup.escape(self.text), beside(article.save_as, "ris"), beside(article.save_as, "bib"))

    def files(self, article: Article) -> dict[str, str]:
        """{site-relative path: text} of the item's citation files, written beside its page."""
        return {beside(article.save_as, "ris"): self.ris, beside(article.save_as, "bib"): self.bib}


def make_forms(csl: Csl, types: Types, style: str) -> list[str]:
    """[the formatted line, RIS, BibTeX] of one record."""
    return [formatted(csl, style), ris(csl, types[1]), bibtex(csl, types[2])]


class Beside:
    """Forms made by another process (citeworker.py) from ``batches`` of (record, types), in order: ``forms(batch,
    place)`` waits for that batch's answer. None where it could not make one (its process died, or a record
    failed there): the caller makes that one itself."""

    def __init__(self, style: str, batches: Sequence[Sequence[tuple[Csl, Types]]]) -> None:
        # the folder holding this package, first on the child's path: it needs the plugin as this process finds it
        plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        path = os.pathsep.join([plugins, *filter(None, [os.environ.get("PYTHONPATH")])])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "archive.citeworker", style],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # what goes wrong there is said here (forms), once, and the build goes on
            env={**os.environ, "PYTHONPATH": path},
            encoding="utf-8",
        )
        self.answers: list[list[list[str] | None]] = []
        self.failed = False  # no more answers are read: the caller makes the rest
        # stopped with this object, should a build fail before it is closed: no process left behind
        self._stop = weakref.finalize(self, self.process.kill)
        # fed from a thread: the child answers while it is still being sent, and two full pipes would wait for ever
        self._feeder = threading.Thread(target=self._feed, args=(self.process.stdin, batches), daemon=True)
        self._feeder.start()

    @staticmethod
    def _feed(stdin: Any, batches: Sequence[Sequence[tuple[Csl, Types]]]) -> None:
        try:
            for batch in batches:
                stdin.write(json.dumps(batch, ensure_ascii=False) + "\n")
            stdin.close()
        except OSError:  # the child is gone: forms() finds no answer and the build makes the rest
            pass

    def forms(self, batch: int, place: int) -> list[str] | None:
        while len(self.answers) <= batch:
            line = self.process.stdout.readline() if self.process.stdout and not self.failed else ""
            try:
                self.answers.append(json.loads(line))
            except ValueError:  # it ended, or what came is no answer (seen under a sampling profiler's ptrace)
                if not self.failed:
                    logger.warning("Citations: the process making them beside the build stopped; made here instead")
                self.failed = True
                return None
        return self.answers[batch][place]

    def close(self) -> None:
        self.failed = True
        self.process.kill()
        self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self._stop.detach()


def _made_with(style: str) -> str:
    """What the forms are made with besides the record: the libraries, this module and the style. Forms kept by a
    build made with other ones are made again."""
    libraries = [importlib.metadata.version(name) for name in ("citeproc-py", "rispy", "bibtexparser", "pylatexenc")]
    digest = hashlib.sha256(repr(libraries).encode())
    for path in (__file__, style):
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


class Citations:
    """Every item's citation forms, each made once a build (the page's line, Highwire tags and the two files all
    come from one record), and kept between builds in ``path`` (a file in the cache folder) by what they were made
    from: an item whose record has not changed is not formatted again. None: nothing is kept."""

    def __init__(self, source: Source, path: str | None = None) -> None:
        self.source, self.path = source, path
        self.made_with = _made_with(source.style)
        self.made: dict[str, Forms] = {}  # the article's source path -> Forms, this build
        self.used: dict[str, list[str]] = {}  # key -> [text, ris, bib] of this build's records: what save() keeps
        self.kept: dict[str, list[str]] = {}
        self.records: dict[str, tuple[Csl, Types, str]] = {}  # source path -> (record, types, key), once started
        self.coming: dict[str, tuple[int, int]] = {}  # key -> (its batch, its place there) in ``beside``
        self.beside: Beside | None = None
        kept: object = {}  # no path, no file yet, or one cut short: nothing is kept
        if path is not None:
            with contextlib.suppress(OSError, ValueError), open(path, encoding="utf-8") as f:
                kept = json.load(f)
        if isinstance(kept, dict) and kept.get("made_with") == self.made_with:
            self.kept = kept["forms"]

    def of(self, article: Article) -> Forms:
        forms = self.made.get(article.source_path)
        if forms is None:
            forms = self.made[article.source_path] = self._make(article)
        return forms

    def start(self, articles: Iterable[Article]) -> None:
        """Makes the records of ``articles`` (in the order their pages will be written) and, when many of their
        forms are not kept, has another process make those while this one writes the pages: on a first build,
        formatting (citeproc-py) is some 7% of a build's CPU without search (2.9 s of 39 at 10,000 news), and
        Pelican writes with one core."""
        missing: dict[str, tuple[Csl, Types]] = {}
        for article in articles:
            csl = record(article, self.source)
            types = types_of(article, self.source.schema)
            key = _key(csl, types)
            self.records[article.source_path] = (csl, types, key)
            if key not in self.kept:
                missing[key] = (csl, types)
        if len(missing) < BESIDE_FROM:
            return
        keys, jobs = list(missing), list(missing.values())
        self.beside = Beside(self.source.style, [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)])
        self.coming = {key: divmod(i, BATCH) for i, key in enumerate(keys)}

    def _make(self, article: Article) -> Forms:
        started = self.records.get(article.source_path)
        if started is None:
            csl = record(article, self.source)
            types = types_of(article, self.source.schema)
            key = _key(csl, types)
        else:
            csl, types, key = started
        made = self.kept.get(key)
        if made is None and self.beside is not None and key in self.coming:
            made = self.beside.forms(*self.coming[key])
        if made is None:
            made = make_forms(csl, types, self.source.style)
        self.used[key] = made
        return Forms(csl, *made)

    def close(self) -> None:
        """Stops the other process, if one was started: every form this build uses has been asked for."""
        if self.beside is not None:
            self.beside.close()
            self.beside = None

    def save(self) -> None:
        """Keeps this build's forms (only: an item removed is forgotten) for the next, when they changed."""
        self.close()
        if not self.path or self.used == self.kept:
            return
        folder, name = os.path.split(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")  # one per process: builds may share a cache
        try:
            with open(temporary, "w", encoding="utf-8") as f:
                json.dump({"made_with": self.made_with, "forms": self.used}, f, ensure_ascii=False)
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)


def _key(csl: Csl, types: Types) -> str:
    """What a record's forms are kept by."""
    return hashlib.sha256(json.dumps([csl, types], sort_keys=True).encode()).hexdigest()
