"""The content model: what an editor writes at the top of a Markdown file, read and checked without Pelican.

``read_source(text)`` splits a file into its raw metadata and body; ``check_metadata(meta)`` returns the problems
of one file in plain language. Collection-wide rules (slugs, translations, issues, links) are in validate.py.
"""

import datetime
import re
from dataclasses import dataclass

LANGUAGES = ("lo", "en")
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")  # what Pelican reads as Markdown
KINDS = ("news", "reports", "magazine", "newspaper")
COMMON_FIELDS = ("title", "date", "lang", "slug", "category")
KIND_FIELDS = {
    "news": (),
    "reports": ("event_start", "venue", "organisers"),
    "magazine": ("issue", "month", "cover"),
    "newspaper": ("edition",),
}
DATE_FIELDS = ("date", "modified", "event_start", "event_end", "registration_deadline")
NUMBER_FIELDS = ("issue", "edition", "journal_issue")
FILE_FIELDS = ("cover", "pdf", "pages")  # paths relative to content/; "pages" is a comma-separated list

_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")  # as Python-Markdown's meta
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Source:
    """A Markdown file as written: lower-cased metadata keys with their raw values, the body, its first line."""

    meta: dict
    body: str
    body_line: int  # line number of the body's first line, for messages


def read_source(text):
    """Split ``text`` into metadata and body the way Pelican's Markdown reader does."""
    lines = text.lstrip("\ufeff").split("\n")
    meta, key, n = {}, None, 0
    while n < len(lines) and lines[n].strip():
        more = _META_MORE.match(lines[n])
        match = _META_LINE.match(lines[n])
        if match:
            key = match.group("key").lower()
            meta[key] = match.group("value").strip()
        elif more and key:
            meta[key] = f"{meta[key]} {more.group('value').strip()}"
        else:
            break
        n += 1
    return Source(meta=meta, body="\n".join(lines[n:]), body_line=n + 1)


def parse_date(value):
    """An ISO date or date and time (``2023-05-18``, ``2023-05-18 09:30``); ValueError otherwise."""
    if not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD (optionally followed by HH:MM)")
    try:
        return datetime.datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


def split_list(value):
    return [item.strip() for item in value.split(",") if item.strip()]


def files_named(meta):
    """The content-relative paths of the files this metadata points at (cover, PDF, page images)."""
    return [(field, path) for field in FILE_FIELDS for path in split_list(meta.get(field, ""))]


def check_metadata(meta):
    """Every problem with one file's metadata, as plain-language sentences (empty when all is well)."""
    problems = []
    kind = meta.get("category", "")
    required = COMMON_FIELDS + KIND_FIELDS.get(kind, ())
    missing = [f for f in required if not meta.get(f)]
    if missing:
        problems.append(
            "missing required field" + ("s " if len(missing) > 1 else " ") + ", ".join(field_name(f) for f in missing)
        )
    if meta.get("lang") and meta["lang"] not in LANGUAGES:
        problems.append(f"unknown Lang {meta['lang']!r}: write one of {', '.join(LANGUAGES)}")
    if kind and kind not in KINDS:
        problems.append(f"unknown Category {kind!r}: write one of {', '.join(KINDS)}")
    if meta.get("slug") and not _SLUG.match(meta["slug"]):
        problems.append(f"Slug {meta['slug']!r} must be lower-case ASCII letters, digits and single hyphens")
    for field in DATE_FIELDS:
        if meta.get(field):
            try:
                parse_date(meta[field])
            except ValueError as error:
                problems.append(f"unparsable {field_name(field)}: {error}")
    for field in NUMBER_FIELDS:
        if meta.get(field) and not meta[field].isdigit():
            problems.append(f"{field_name(field)} must be a whole number, not {meta[field]!r}")
    if meta.get("month") and not _MONTH.match(meta["month"]):
        problems.append(f"Month {meta['month']!r} must be written as YYYY-MM")
    if meta.get("registration_url") and not _URL.match(meta["registration_url"]):
        problems.append(f"Registration_URL {meta['registration_url']!r} must start with https:// or http://")
    if kind == "newspaper" and not (meta.get("pdf") or meta.get("pages")):
        problems.append("a newspaper edition needs a PDF or Pages (page images)")
    if meta.get("translation", "false").lower() not in ("true", "false"):
        problems.append(f"Translation must be true or false, not {meta['translation']!r}")
    problems.extend(_check_event_dates(meta))
    return problems


def _check_event_dates(meta):
    try:
        start, end = parse_date(meta["event_start"]), parse_date(meta["event_end"])
    except (KeyError, ValueError):
        return []
    return ["Event_End is before Event_Start"] if end < start else []


def field_name(key):
    """The field as an editor writes it: ``event_start`` -> ``Event_Start``, ``pdf`` -> ``PDF``."""
    return "PDF" if key == "pdf" else "_".join(part.capitalize() for part in key.split("_"))
