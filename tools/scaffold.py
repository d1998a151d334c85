"""New content files, correctly filled: what `invoke new` and `invoke translate` write.

A new file starts as a draft (``Status: draft``): it builds (into drafts/, listed nowhere) and passes every
check, and the editor publishes it by deleting that line.
"""

import os
import re
import unicodedata

from archive.model import KINDS, LANGUAGES, field_name
from archive.validate import read_sources

BODY = {"lo": "ຂຽນເນື້ອໃນທີ່ນີ້.", "en": "Write the text here."}
TRANSLATE = {"lo": "ແປເນື້ອໃນທີ່ນີ້.", "en": "Translate the text here."}


def slug_for(title, date, kind):
    """A readable slug from the Latin words of a title; ``<kind>-<date>`` when the title has none (Lao only)."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words[:8]) if words else f"{kind}-{date:%Y-%m-%d}"


def read_all(content):
    sources, unreadable = read_sources(content)
    if unreadable:
        raise ValueError("; ".join(map(str, unreadable)))
    return {path: source.meta for path, source in sources.items()}


def free_slug(slug, taken):
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def next_number(existing, kind, field):
    numbers = [int(m[field]) for m in existing.values() if m.get("category") == kind and m.get(field, "").isdigit()]
    return max(numbers, default=0) + 1


def new_item(content, kind, lang, title, date, **fields):
    """(content-relative path, Markdown) of a new draft; ``fields``: the kind's own (venue=…, cover=…)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    if not title.strip():
        raise ValueError("give a title")
    existing = read_all(content)
    slug = free_slug(slug_for(title, date, kind), {m.get("slug") for m in existing.values()})
    meta = {
        "Title": title.strip(),
        "Date": f"{date:%Y-%m-%d}",
        "Lang": lang,
        "Slug": slug,
        "Category": kind,
        "Status": "draft",
    }
    meta.update(_kind_fields(kind, date, existing, fields))
    return f"{kind}/{slug}.{lang}.md", _render(meta, BODY[lang])


def _kind_fields(kind, date, existing, given):
    def need(name, hint):
        if not given.get(name):
            raise ValueError(f"a {kind} item needs --{name.replace('_', '-')} ({hint})")
        return given[name]

    if kind == "reports":
        return {
            "Event_Start": given.get("event_start") or f"{date:%Y-%m-%d}",
            "Venue": need("venue", "where it takes place"),
            "Organisers": need("organisers", "comma-separated"),
        }
    if kind == "magazine":
        return {
            "Issue": given.get("issue") or str(next_number(existing, "magazine", "issue")),
            "Month": given.get("month") or f"{date:%Y-%m}",
            "Cover": need("cover", "an image under content/"),
        }
    if kind == "newspaper":
        files = {"PDF": given.get("pdf")} if given.get("pdf") else {"Pages": need("pages", "page images, or --pdf")}
        return {"Edition": given.get("edition") or str(next_number(existing, "newspaper", "edition")), **files}
    return {}


def translation(content, slug, lang=None):
    """(path, Markdown) of the other language's draft of the item ``slug``: same slug, kind and facts."""
    existing = read_all(content)
    versions = {m.get("lang"): path for path, m in existing.items() if m.get("slug") == slug}
    if not versions:
        raise ValueError(f"no content file has Slug: {slug}")
    originals = [p for lang_, p in versions.items() if existing[p].get("translation", "").lower() != "true"]
    source = originals[0] if originals else next(iter(versions.values()))
    meta = existing[source]
    lang = lang or next(other for other in LANGUAGES if other != meta.get("lang"))
    if lang in versions:
        raise ValueError(f"{versions[lang]} already is the {lang} version of {slug}")
    skip = {"title", "lang", "slug", "category", "date", "translation", "summary", "tags", "status", "author"}
    fields = {
        "Title": meta.get("title", ""),
        "Date": meta.get("date", ""),
        "Lang": lang,
        "Slug": slug,
        "Category": meta.get("category", ""),
        "Translation": "true",
        "Status": "draft",
    }
    fields.update({field_name(k): v for k, v in meta.items() if k not in skip})
    folder = os.path.dirname(source)
    return f"{folder}/{slug}.{lang}.md" if folder else f"{slug}.{lang}.md", _render(fields, TRANSLATE[lang])


def _render(meta, body):
    return "".join(f"{key}: {value}\n" for key, value in meta.items()) + "\n" + body + "\n"
