"""Articles grouped as the site shows them: per language, per kind, per year, per tag, per journal issue.

Works on Pelican's content objects but knows nothing else of Pelican; ``collect`` is called once per build.
"""

import datetime
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from pelican.utils import slugify

from .model import KINDS, parse_date, split_list

TEMPLATES = {"news": "article", "reports": "report", "magazine": "issue", "newspaper": "edition"}


@dataclass
class Details:
    """What the templates need beyond Pelican's fields, typed (dates are dates, numbers are numbers)."""

    kind: str
    alternates: dict  # lang -> site-relative URL of this article in that language (itself included)
    event_start: datetime.datetime = None
    event_end: datetime.datetime = None
    venue: str = ""
    organisers: list = field(default_factory=list)
    participants: str = ""
    registration_url: str = ""
    registration_deadline: datetime.datetime = None
    issue: int = None
    month: datetime.date = None
    edition: int = None
    journal_issue: int = None
    cover: str = ""
    pdf: str = ""
    pages: list = field(default_factory=list)
    contents: list = field(default_factory=list)  # a magazine issue's articles
    in_issue: object = None  # the magazine issue an article appears in


@dataclass
class LanguageSite:
    """One language's articles, newest first, and the ways the site lists them."""

    lang: str
    articles: list
    by_kind: dict
    by_year: dict
    by_tag: dict  # tag slug -> (tag name, articles)
    registrations: list  # reports that take registrations, latest deadline first


def details_of(article):
    meta = article.metadata

    def date(key):
        return parse_date(meta[key]) if meta.get(key) else None

    def number(key):
        return int(meta[key]) if str(meta.get(key, "")).isdigit() else None

    month = meta.get("month")
    return Details(
        kind=article.category.slug,
        alternates={t.lang: t.url for t in [article, *article.translations]},
        event_start=date("event_start"),
        event_end=date("event_end"),
        venue=meta.get("venue", ""),
        organisers=split_list(meta.get("organisers", "")),
        participants=meta.get("participants", ""),
        registration_url=meta.get("registration_url", ""),
        registration_deadline=date("registration_deadline"),
        issue=number("issue"),
        month=datetime.date(*map(int, month.split("-")), 1) if month else None,
        edition=number("edition"),
        journal_issue=number("journal_issue"),
        cover=meta.get("cover", ""),
        pdf=meta.get("pdf", ""),
        pages=split_list(meta.get("pages", "")),
    )


def tag_slug(name):
    """A file name for a tag: Pelican's slug for Latin tags; Lao tags keep their letters (and vowel signs)."""
    if name.isascii():
        return slugify(name, regex_subs=[(r"[^\w\s-]", ""), (r"[-\s]+", "-")])
    name = unicodedata.normalize("NFC", name).lower().strip()
    return re.sub(r"[-\s]+", "-", "".join(c for c in name if unicodedata.category(c)[0] in "LMN" or c in " -"))


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def prepare(articles):
    """Attach Details and the template of its kind to every article (drafts and hidden ones too)."""
    for article in articles:
        article.details = details_of(article)
        article.template = TEMPLATES[article.details.kind]


def collect(articles, languages):
    """Group ``articles`` (the published ones of every language, prepared) as the site lists them."""
    sites = {}
    for lang in languages:
        mine = newest_first(a for a in articles if a.lang == lang)
        _link_issues(mine)
        by_tag = defaultdict(lambda: [None, []])
        for article in mine:
            for tag in getattr(article, "tags", []):
                entry = by_tag[tag_slug(tag.name)]
                entry[0] = entry[0] or tag.name
                entry[1].append(article)
        by_year = defaultdict(list)
        for article in mine:
            by_year[article.date.year].append(article)
        sites[lang] = LanguageSite(
            lang=lang,
            articles=mine,
            by_kind={kind: [a for a in mine if a.details.kind == kind] for kind in KINDS},
            by_year=dict(sorted(by_year.items(), reverse=True)),
            by_tag={slug: tuple(v) for slug, v in sorted(by_tag.items())},
            registrations=sorted(
                (a for a in mine if a.details.registration_url),
                key=lambda a: (a.details.registration_deadline or a.date.replace(tzinfo=None), a.slug),
                reverse=True,
            ),
        )
    return sites


def _link_issues(articles):
    issues = {a.details.issue: a for a in articles if a.details.kind == "magazine"}
    for article in reversed(articles):  # oldest first, so a table of contents reads in publication order
        issue = issues.get(article.details.journal_issue)
        if issue is not None and issue is not article:
            article.details.in_issue = issue
            issue.details.contents.append(article)
