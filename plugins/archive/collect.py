"""Articles grouped as the site shows them: per language, per kind, per year, per tag, per journal issue.

Works on Pelican's content objects but knows nothing else of Pelican; ``collect`` is called once per build.
"""

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from . import machinetext
from .schema import Schema, pages_named

# Pelican's content objects (pelican.contents.Article; Pelican ships no types)
Article = Any
WordsOf = Callable[[str], Iterable[str]]


class Details:
    """What the templates need beyond Pelican's fields: the schema's fields typed (dates are dates, numbers are
    numbers, lists are lists; the empty value when not written), read as attributes (``details.venue``)."""

    def __init__(
        self,
        kind: str,
        alternates: dict[str, str],
        values: dict[str, Any],
        facts: list[tuple[str, str, Any]],
        number: int | None,
        url: str = "",
    ) -> None:
        self.kind = kind
        self.url = url  # the article's site-relative URL, computed once (Pelican's url property reformats it)
        self.alternates = alternates  # lang -> site-relative URL of this article in that language (itself too)
        self.values = values
        self.facts = facts  # [(key, type name, value)] of the kind's fact fields that are written, in order
        self.number = number  # the issue or edition number of a numbered kind
        self.contents: list[Article] = []  # a magazine issue's articles
        self.contents_elsewhere: list[Article] = []  # its articles that are only in another language
        self.in_issue: Article | None = None  # the magazine issue an article appears in
        self.newer: Article | None = None  # the next item of its kind and language, by date
        self.older: Article | None = None  # the previous one
        self.related: list[Article] = []  # up to RELATED items of its language: shared tags first, then shared words
        self.sizes: dict[str, int] = {}  # file field key -> bytes of the file it names (a download says its size)
        # the text read by machine of each printed page ("" for none yet), in order
        self.page_texts: list[str] = []
        # every file it names (cover, PDF, page scans), content-relative: kept for offline together
        self.files: list[str] = []
        self.files_bytes = 0  # their size

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(f"no field {name!r} in the content schema")


@dataclass
class LanguageSite:
    """One language's articles, newest first, and the ways the site lists them."""

    lang: str
    articles: list[Article]
    by_kind: dict[str, list[Article]]
    by_year: dict[int, list[Article]]
    by_tag: dict[str, tuple[str, list[Article]]]  # tag slug -> (tag name, articles)
    registrations: list[Article]  # reports that take registrations, latest deadline first


def details_of(article: Article, schema: Schema) -> Details:
    kind = article.category.slug
    values = schema.values(kind, article.metadata)
    facts = [(f.key, f.type.name, values[f.key]) for f in schema.fields_of(kind) if f.fact and values[f.key]]
    number_field = schema.kinds[kind].number
    url = article.url
    return Details(
        kind=kind,
        url=url,
        alternates=dict([(article.lang, url), *((t.lang, t.url) for t in article.translations)]),
        values=values,
        facts=facts,
        number=values[number_field] if number_field else None,
    )


SYMBOLS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", "%": "percent", "*": "star", "=": "equals"}


def tag_slug(name: str) -> str:
    """A file name for a tag that no other tag shares: letters (Lao with its vowel signs) and digits kept, lower
    case; spaces, hyphens, dots and the like become one hyphen; other symbols are spelled (``C++`` -> ``c-plus-plus``,
    ``C#`` -> ``c-sharp``) or written as their code point (``u1f680``). Tags that differ only in case or spacing
    are one tag."""
    parts = []
    for char in unicodedata.normalize("NFC", name).lower().strip():
        if unicodedata.category(char)[0] in "LMN":
            parts.append(char)
        elif char.isspace() or char in "-_./,:;'’\"()[]":
            parts.append("-")
        else:
            parts.append(f"-{SYMBOLS.get(char, f'u{ord(char):x}')}-")
    return re.sub(r"-+", "-", "".join(parts)).strip("-")


def newest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def prepare(articles: Iterable[Article], schema: Schema, content: str | None = None) -> None:
    """Attach Details and the template of its kind to every article (drafts and hidden ones too); ``content``:
    the folder the file fields name files in (for their sizes)."""
    for article in articles:
        article.details = details_of(article, schema)
        article.template = schema.kinds[article.details.kind].template
        if content:
            for field in schema.file_fields:
                value = article.details.values.get(field.key)
                if value and isinstance(value, str):
                    article.details.sizes[field.key] = os.path.getsize(os.path.join(content, value))
            article.details.page_texts = [page_text(content, page) for page in pages_named(article.metadata)]
            files = [target for _name, target in schema.files_named(article.metadata)]
            article.details.files = files
            article.details.files_bytes = sum(os.path.getsize(os.path.join(content, target)) for target in files)


def page_text(content: str, page: str) -> str:
    """The text read by machine of the page scan ``page`` (content-relative), "" when there is none yet (the checks
    have read it: it is text)."""
    pages = machinetext.read_pages(machinetext.text_path(os.path.join(content, page)))
    return "\n".join(pages).strip() if pages else ""


RELATED = 3
COMMON = 0.05  # a word or tag in more than this share of a language's articles says little about relatedness
CLUES = 8  # an article's rarest words that are looked up: bounded work per article, whatever the archive's size


def link_neighbours(by_kind: Mapping[str, Sequence[Article]]) -> None:
    """Each item's newer and older item of the same kind (``by_kind``: {kind: newest first})."""
    for items in by_kind.values():
        for newer, older in pairwise(items):
            newer.details.older, older.details.newer = older, newer


def link_related(articles: Sequence[Article], words_of: WordsOf, count: int = RELATED) -> None:
    """Each article's ``count`` most related others of ``articles`` (one language, newest first): by shared tags,
    then by shared words of title and summary (``words_of``), ties to the newer; decided at build time, through
    an inverted index (no pair of articles compared twice, however large the archive)."""
    features: dict[Article, dict[tuple[str, str], int]] = {}  # article -> {feature: weight}
    postings: defaultdict[tuple[str, str], list[Article]] = defaultdict(list)  # feature -> articles
    for article in articles:
        mine = {("tag", tag_slug(t.name)): 10 for t in getattr(article, "tags", []) or []}
        text = f"{article.title} {article.metadata.get('summary', '')}"
        mine.update({("word", w): 1 for w in set(words_of(text)) if len(w) > 1})
        features[article] = mine
        for feature in mine:
            postings[feature].append(article)
    order = {article: i for i, article in enumerate(articles)}
    limit = max(2, min(50, int(len(articles) * COMMON)))
    for article, mine in features.items():
        shared = {f: len(postings[f]) for f in mine if len(postings[f]) > 1}  # features another article has too
        tags = [f for f, n in shared.items() if f[0] == "tag" and n <= max(limit, len(articles) * COMMON)]
        # the rarest first, then in the words' order: a set's order changes from one process to the next
        words = sorted((f for f, n in shared.items() if f[0] == "word" and n <= limit), key=lambda f: (shared[f], f))
        scores: defaultdict[Article, int] = defaultdict(int)
        for feature in tags + words[:CLUES]:
            for other in postings[feature]:
                if other is not article:
                    scores[other] += mine[feature]
        ranked = sorted(scores, key=lambda other: (-scores[other], order[other]))
        article.details.related = ranked[:count]


def simple_words(text: str) -> list[str]:
    """Words split at spaces and punctuation: what relates articles when no better word breaker is given (the
    lao_search plugin gives ICU's, which also breaks Lao, written without spaces)."""
    return re.findall(r"\w+", text.lower())


def collect(articles: Sequence[Article], schema: Schema, words_of: WordsOf = simple_words) -> dict[str, LanguageSite]:
    """Group ``articles`` (the published ones of every language, prepared) as the site lists them."""
    sites: dict[str, LanguageSite] = {}
    for lang in schema.languages:
        mine = newest_first(a for a in articles if a.lang == lang)
        _link_issues(mine, schema)
        by_tag: defaultdict[str, list[Any]] = defaultdict(lambda: [None, []])  # slug -> [tag name, articles]
        for article in mine:
            for slug, tag in {tag_slug(t.name): t for t in reversed(getattr(article, "tags", []))}.items():
                entry = by_tag[slug]  # an article listed once under a tag, however often it names it
                entry[0] = entry[0] or tag.name
                entry[1].append(article)
        by_year: defaultdict[int, list[Article]] = defaultdict(list)
        for article in mine:
            by_year[article.date.year].append(article)
        by_kind = {kind: [a for a in mine if a.details.kind == kind] for kind in schema.kinds}
        link_neighbours(by_kind)
        link_related(mine, words_of)
        sites[lang] = LanguageSite(
            lang=lang,
            articles=mine,
            by_kind=by_kind,
            by_year=dict(sorted(by_year.items(), reverse=True)),
            by_tag={slug: tuple(v) for slug, v in sorted(by_tag.items())},
            registrations=sorted(
                (a for a in mine if a.details.registration_url),
                key=lambda a: (a.details.registration_deadline or a.date.replace(tzinfo=None), a.slug),
                reverse=True,
            ),
        )
    link_contents_elsewhere(sites)
    return sites


def link_contents_elsewhere(sites: Mapping[str, LanguageSite]) -> None:
    """An issue's table of contents lists, after its own language's articles, those of the issue that exist only
    in another language: every reader sees the whole issue."""
    for lang, site in sites.items():
        numbered = {(a.details.kind, a.details.number): a for a in site.articles if a.details.number is not None}
        for other_lang, other in sites.items():
            if other_lang == lang:
                continue
            for article in reversed(other.articles):  # oldest first, as the contents read
                issue = article.details.in_issue
                if issue is None or lang in article.details.alternates:
                    continue
                here = numbered.get((issue.details.kind, issue.details.number))
                if here is not None:
                    here.details.contents_elsewhere.append(article)


def _link_issues(articles: Sequence[Article], schema: Schema) -> None:
    """An article whose field refers to a numbered item (Journal_Issue: 14) is in that item's table of contents."""
    for field in (f for f in schema.fields.values() if f.refers_to):
        numbered = {a.details.number: a for a in articles if a.details.kind == field.refers_to}
        for article in reversed(articles):  # oldest first, so a table of contents reads in publication order
            issue = numbered.get(article.details.values[field.key])
            if issue is not None and issue is not article:
                article.details.in_issue = issue
                issue.details.contents.append(article)
