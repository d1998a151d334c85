"""New content files, correctly filled: what `invoke new` and `invoke translate` write.

A new file starts as a draft (``Status: draft``): it builds (into drafts/, listed nowhere) and passes every
check, and the editor publishes it by deleting that line.
"""

import datetime
import os
import re
import unicodedata
from collections.abc import Container, Mapping

from archive.fieldtypes import Field, Invalid
from archive.schema import Schema
from archive.validate import read_sources

BODY = {"lo": "ຂຽນເນື້ອໃນທີ່ນີ້.", "en": "Write the text here."}
TRANSLATE = {"lo": "ແປເນື້ອໃນທີ່ນີ້.", "en": "Translate the text here."}
SET_BY_NEW = ("title", "date", "lang", "slug", "category", "status", "translation", "modified")


def slug_for(title: str, date: datetime.date, kind: str) -> str:
    """A readable slug from the Latin words of a title; ``<kind>-<date>`` when the title has none (Lao only)."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words[:8]) if words else f"{kind}-{date:%Y-%m-%d}"


def read_all(content: str, schema: Schema) -> dict[str, dict[str, str]]:
    sources, unreadable = read_sources(content, multiline=schema.multiline)
    if unreadable:
        raise ValueError("; ".join(map(str, unreadable)))
    return {path: source.meta for path, source in sources.items()}


def free_slug(slug: str, taken: Container[str | None]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def next_number(existing: Mapping[str, Mapping[str, str]], kind: str, field: str) -> int:
    numbers = [int(m[field]) for m in existing.values() if m.get("category") == kind and m.get(field, "").isdigit()]
    return max(numbers, default=0) + 1


def options(schema: Schema) -> list[Field]:
    """The fields `invoke new` takes as options (``--venue``): every field it does not fill in itself."""
    return [f for f in schema.fields.values() if f.key not in SET_BY_NEW]


def new_item(
    content: str,
    kind: str,
    lang: str,
    title: str,
    date: datetime.date,
    schema: Schema | None = None,
    **given: str | None,
) -> tuple[str, str]:
    """(content-relative path, Markdown) of a new draft; ``given``: other fields by key (venue=…, cover=…)."""
    schema = schema or Schema()
    if kind not in schema.kinds:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(schema.kinds)}")
    if lang not in schema.languages:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(schema.languages)}")
    if not title.strip():
        raise ValueError("give a title")
    existing = read_all(content, schema)
    slug = free_slug(slug_for(title, date, kind), {m.get("slug") for m in existing.values()})
    meta = {
        "Title": title.strip(),
        "Date": f"{date:%Y-%m-%d}",
        "Lang": lang,
        "Slug": slug,
        "Category": kind,
        "Status": "draft",
    }
    meta.update(_kind_fields(schema, kind, date, existing, {k: v for k, v in given.items() if v}))
    problems = [message for _key, message in schema.check({k.lower(): v for k, v in meta.items()})]
    if problems:  # what no single option shows (an end before the start...)
        raise ValueError("; ".join(problems))
    return f"{kind}/{slug}.{lang}.md", _render(meta, BODY[lang])


def _kind_fields(
    schema: Schema,
    kind: str,
    date: datetime.date,
    existing: Mapping[str, Mapping[str, str]],
    given: Mapping[str, str],
) -> dict[str, str]:
    """The fields of ``kind`` beyond the ones every item has, then the optional common ones given, in schema order."""
    wrong = [key for key in given if key not in schema.fields or not schema.fields[key].used_by(kind)]
    if wrong:
        raise ValueError(", ".join(f"--{_option(key)}" for key in wrong) + f" is not a field of a {kind} item")
    number = schema.kinds[kind].number
    written: dict[str, str] = {}
    for f in schema.own_fields(kind) + [f for f in options(schema) if f.kinds is None]:
        value = given.get(f.key)
        if value is None and number is not None and f.key == number:
            value = str(next_number(existing, kind, number))
        if value is None and f.suggest:
            value = schema.suggestion(f, date)
        if value is None and f.required_by(kind):
            raise ValueError(f"a {kind} item needs --{_option(f.key)} ({f.help['en']})")
        if value is not None:
            try:
                f.type.parse(f.name, value)
            except Invalid as error:
                raise ValueError(f"--{_option(f.key)}: {error}") from None
            written[f.name] = value
    one_of = schema.kinds[kind].one_of
    if one_of and not any(schema.name_of(key) in written for key in one_of):
        raise ValueError(f"a {kind} item needs " + " or ".join(f"--{_option(key)}" for key in one_of))
    return written


def _option(key: str) -> str:
    return key.replace("_", "-")


def translation(content: str, slug: str, lang: str | None = None, schema: Schema | None = None) -> tuple[str, str]:
    """(path, Markdown) of the other language's draft of the item ``slug``: same slug, kind and facts."""
    schema = schema or Schema()
    existing = read_all(content, schema)
    versions = {m.get("lang"): path for path, m in existing.items() if m.get("slug") == slug}
    if not versions:
        raise ValueError(f"no content file has Slug: {slug}")
    originals = [p for lang_, p in versions.items() if existing[p].get("translation", "").lower() != "true"]
    source = originals[0] if originals else next(iter(versions.values()))
    meta = existing[source]
    lang = lang or next(other for other in schema.languages if other != meta.get("lang"))
    if lang not in schema.languages:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(schema.languages)}")
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
    fields.update({schema.name_of(k): v for k, v in meta.items() if k not in skip})
    folder = os.path.dirname(source)
    return f"{folder}/{slug}.{lang}.md" if folder else f"{slug}.{lang}.md", _render(fields, TRANSLATE[lang])


def _render(meta: Mapping[str, str], body: str) -> str:
    return "".join(f"{key}: {value}\n" for key, value in meta.items()) + "\n" + body + "\n"
