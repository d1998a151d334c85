"""Articles grouped as the site shows them: per language, per kind, per year, per tag, per journal issue.

Works on Pelican's content objects but knows nothing else of Pelican; ``collect`` is called once per build.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass


class Details:
    """What the templates need beyond Pelican's fields: the schema's fields typed (dates are dates, numbers are
    numbers, lists are lists; the empty value when not written), read as attributes (``details.venue``)."""

    def __init__(self, kind, alternates, values, facts, number):
        self.kind = kind
        self.alternates = alternates  # lang -> site-relative URL of this article in that language (itself too)
        self.values = values
        self.facts = facts  # [(key, type name, value)] of the kind's fact fields that are written, in order
        self.number = number  # the issue or edition number of a numbered kind
        self.contents = []  # a magazine issue's articles
        self.in_issue = None  # the magazine issue an article appears in

    def __getattr__(self, name):
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(f"no field {name!r} in the content schema")


@dataclass
class LanguageSite:
    """One language's articles, newest first, and the ways the site lists them."""

    lang: str
    articles: list
    by_kind: dict
    by_year: dict
    by_tag: dict  # tag slug -> (tag name, articles)
    registrations: list  # reports that take registrations, latest deadline first


def details_of(article, schema):
    kind = article.category.slug
    values = schema.values(kind, article.metadata)
    facts = [(f.key, f.type.name, values[f.key]) for f in schema.fields_of(kind) if f.fact and values[f.key]]
    number_field = schema.kinds[kind].number
    return Details(
        kind=kind,
        alternates={t.lang: t.url for t in [article, *article.translations]},
        values=values,
        facts=facts,
        number=values[number_field] if number_field else None,
    )


SYMBOLS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", "%": "percent", "*": "star", "=": "equals"}


def tag_slug(name):
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


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def prepare(articles, schema):
    """Attach Details and the template of its kind to every article (drafts and hidden ones too)."""
    for article in articles:
        article.details = details_of(article, schema)
        article.template = schema.kinds[article.details.kind].template


def collect(articles, schema):
    """Group ``articles`` (the published ones of every language, prepared) as the site lists them."""
    sites = {}
    for lang in schema.languages:
        mine = newest_first(a for a in articles if a.lang == lang)
        _link_issues(mine, schema)
        by_tag = defaultdict(lambda: [None, []])
        for article in mine:
            for slug, tag in {tag_slug(t.name): t for t in reversed(getattr(article, "tags", []))}.items():
                entry = by_tag[slug]  # an article listed once under a tag, however often it names it
                entry[0] = entry[0] or tag.name
                entry[1].append(article)
        by_year = defaultdict(list)
        for article in mine:
            by_year[article.date.year].append(article)
        sites[lang] = LanguageSite(
            lang=lang,
            articles=mine,
            by_kind={kind: [a for a in mine if a.details.kind == kind] for kind in schema.kinds},
            by_year=dict(sorted(by_year.items(), reverse=True)),
            by_tag={slug: tuple(v) for slug, v in sorted(by_tag.items())},
            registrations=sorted(
                (a for a in mine if a.details.registration_url),
                key=lambda a: (a.details.registration_deadline or a.date.replace(tzinfo=None), a.slug),
                reverse=True,
            ),
        )
    return sites


def _link_issues(articles, schema):
    """An article whose field refers to a numbered item (Journal_Issue: 14) is in that item's table of contents."""
    for field in (f for f in schema.fields.values() if f.refers_to):
        numbered = {a.details.number: a for a in articles if a.details.kind == field.refers_to}
        for article in reversed(articles):  # oldest first, so a table of contents reads in publication order
            issue = numbered.get(article.details.values[field.key])
            if issue is not None and issue is not article:
                article.details.in_issue = issue
                issue.details.contents.append(article)
