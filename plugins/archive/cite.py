"""Citations of an item, for reference managers and for readers: one CSL-JSON record, written as RIS (rispy), as
BibTeX (bibtexparser, values LaTeX-escaped by pylatexenc), as a formatted line (citeproc-py and a CSL style), and,
for the journal, as Highwire ``citation_*`` tags (what Google Scholar and Zotero read).

The record is in the item's language: its title, byline and the names of the journal, newspaper and publisher as
the operator set them (ARCHIVE_ settings). What a citation calls each kind is data in schema.py (``Kind.cite``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import bibtexparser
import rispy
from bibtexparser import model
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from markupsafe import Markup
from pylatexenc.latexencode import UnicodeToLatexEncoder

if TYPE_CHECKING:
    from .collect import Article
    from .schema import Schema
    from .settings import ArchiveSettings

IN_ISSUE = ("article-journal", "JOUR", "article")
Csl = dict[str, Any]  # a CSL-JSON record  # an item listed in a journal issue's contents


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


def types_of(article: Article, schema: Schema) -> tuple[str, str, str]:
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


@cache
def _latex() -> UnicodeToLatexEncoder:
    # Lao has no LaTeX spelling and needs none (UTF-8, as biber reads it): kept as it is, without a warning.
    return UnicodeToLatexEncoder(unknown_char_policy="keep", unknown_char_warning=False)


def bibtex(csl: Csl, entry_type: str) -> str:
    """The record as BibTeX: values LaTeX-escaped (``&``, ``{``, ``%``...), Lao as it is (UTF-8); the URL as written."""
    text = _latex().unicode_to_latex
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
    return bibtexparser.write_string(library)


@cache
def _style(path: str) -> CitationStylesStyle:
    # No CSL locale for Lao exists: the style uses no term of any language (no "Available at"), so en-US serves
    # only for punctuation and both languages read alike.
    return CitationStylesStyle(path, validate=False, locale="en-US")


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


def files(article: Article, source: Source) -> dict[str, str]:
    """{site-relative path: text} of the item's citation files, written beside its page."""
    csl = record(article, source)
    _csl_type, ris_type, bibtex_type = types_of(article, source.schema)
    return {
        beside(article.save_as, "ris"): ris(csl, ris_type),
        beside(article.save_as, "bib"): bibtex(csl, bibtex_type),
    }


def cited(article: Article, source: Source) -> Cited:
    return Cited(
        text=Markup.escape(formatted(record(article, source), source.style)),
        ris=beside(article.url, "ris"),
        bib=beside(article.url, "bib"),
    )
