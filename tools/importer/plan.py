"""From the posts a reader found to the files an import would write: items, their translations, slugs, kinds,
Markdown, and the uploads they need copied. Pure apart from looking at the uploads folder and content/.

A translation group (Polylang, WPML) becomes one item: the version in the site's first language that the group
has is the original, the others its translations (same slug, ``Translation: true``), in
``content/<kind>/<slug>.<lang>.md``, as `invoke new` and `invoke translate` write them.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from archive.metadata import CONTROL
from tools.scaffold import slug_for

from . import body as bodies
from .model import Post, Source
from .uploads import Uploads, active, original, upload_path

if TYPE_CHECKING:
    from archive.schema import Schema

# rewrite(url, picture): what a link or picture of a body becomes in the archive (None: dropped)
Rewrite = Callable[[str, bool], str | None]

# Language codes old sites use for the archive's languages (Polylang's slugs, WPML's codes, locales).
ALIASES = {"la": "lo", "lao": "lo", "lo_la": "lo", "eng": "en"}
# Fields the import writes itself; custom fields of these names are not taken.
OWN = {"title", "date", "lang", "slug", "category", "translation", "status", "tags", "summary", "author", "cover"}
LAO = re.compile("[\u0e80-\u0eff]")
LATIN = re.compile("[A-Za-z]")


@dataclass
class Options:
    # where pictures and other files are put in the content (the site's layout: ARCHIVE_IMAGES, ARCHIVE_FILES)
    images: str
    files: str
    # [(category, kind)] in the operator's order; "*": everything else
    kinds: list[tuple[str, str]] = field(default_factory=list)
    uploads: str | None = None
    lang: str | None = None  # the language of posts that say none (default: told from their text)
    drop_missing: bool = False  # a missing upload is dropped with a warning instead of stopping the import


@dataclass
class File:
    """One file an import writes: Markdown (``data``) or a copy (``source``, a file, or ``data``, made bytes)."""

    path: str  # content-relative
    item: str  # the source item it comes from: "post 12 “Title”"
    data: bytes | None = None
    source: str | None = None
    markdown: bool = False
    slug: str | None = None
    lang: str | None = None
    fields: dict[str, str | None] | None = None  # a Markdown file's metadata, by key


@dataclass
class Plan:
    files: list[File] = field(default_factory=list)
    # ([Markdown File of each language, original first], {copied path})
    units: list[tuple[list[File], set[str]]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (item, sentence)
    # (item, sentence): what changed that the operator may check
    notes: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def language(code: str | None, languages: Collection[str]) -> str | None:
    code = (code or "").strip().lower().replace("-", "_")
    code = ALIASES.get(code, code.split("_")[0])
    return code if code in languages else None


def told_language(post: Post, languages: Sequence[str]) -> str:
    """The language of a post that says none: Lao when its letters are mostly Lao, else the site's other one."""
    text = post.title + " " + bodies.plain_text(post.body)
    lao, latin = len(LAO.findall(text)), len(LATIN.findall(text))
    lo = "lo" if "lo" in languages else languages[0]
    return lo if lao and lao >= latin / 4 else next((lang for lang in languages if lang != lo), lo)


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def one_line(text: str | None) -> str:
    return " ".join(CONTROL.sub(" ", unicodedata.normalize("NFC", text or "")).split())


def markdown_line(text: str) -> str:
    """Text for a field Pelican renders as Markdown (Summary): what would be markup written as text."""
    text = one_line(text)
    text = re.sub(r"([\\`*_\[\]{}])", r"\\\1", text)
    return text.replace("<", "&lt;")


def item_label(post: Post) -> str:
    return f"{post.id} “{one_line(post.title) or '(no title)'}”"


def make_plan(
    source: Source,
    schema: Schema,
    content: str,
    content_slugs: Mapping[tuple[str | None, str | None], str],
    options: Options,
    content_dates: Mapping[tuple[str | None, str | None], str] | None = None,
) -> Plan:
    """The Plan for ``source`` (model.Source) into the folder ``content``; ``content_slugs``: {(slug, lang): path}
    of the Markdown files already there, ``content_dates`` {(slug, lang): their Date}."""
    plan = Plan(skipped=Counter(source.skipped), problems=list(source.problems), notes=list(source.notes))
    posts: list[Post] = []
    for post in sorted(source.posts, key=lambda p: (p.date, _number(p.id), p.id)):
        lang = language(post.lang, schema.languages) if post.lang else None
        if post.lang and lang is None:
            plan.skipped[f"posts in a language the archive does not have ({post.lang})"] += 1
            continue
        posts.append(replace(post, lang=lang or options.lang or told_language(post, schema.languages)))
    units: list[tuple[list[Post], str, str]] = []
    taken: set[str] = set()
    in_content: dict[str | None, dict[str | None, str]] = {}  # slug -> {language content/ has it in: its Date there}
    for slug, lang in content_slugs:
        in_content.setdefault(slug, {})[lang] = (content_dates or {}).get((slug, lang), "")
    for group in _units(posts, schema.languages):
        kind = _kind(group, options.kinds)
        slug = _free(_slug(group, kind), taken, in_content, {post.lang: post.date for post in group})
        taken.add(slug)
        units.append((group, kind, slug))
    links = Links(source.hosts)
    for group, kind, slug in units:
        for post in group:
            path = content_slugs.get((slug, post.lang)) or f"{kind}/{slug}.{post.lang}.md"
            links.add(post.addresses, path, post.names)
    for address, url in source.attachment_pages.items():
        links.add_attachment(address, url)
    uploads = Uploads(options.uploads, content, options.images, options.files)
    for group, kind, slug in units:
        files: list[File] = []
        copied: dict[str, File] = {}
        for post in group:
            copies: dict[str, str] = {}
            rewrite = _rewriter(item_label(post), plan, uploads, options, links, copies)
            original = files[0] if files else None
            files.append(_item_file(post, kind, slug, original, schema, rewrite, plan, source))
            for path, upload in copies.items():
                copied.setdefault(path, File(path, item_label(post), source=upload))
            for given, path in post.files.values():  # a PDF import's PDF and cover
                made = given if isinstance(given, bytes) else None
                copied.setdefault(
                    path, File(path, item_label(post), data=made, source=None if made is not None else str(given))
                )
        plan.files += [*copied.values(), *files]
        plan.units.append((files, set(copied)))
    once: dict[str, File] = {}
    for file in plan.files:
        once.setdefault(file.path, file)  # an upload two items show is copied once
    plan.files = list(once.values())
    return plan


def _item_file(
    post: Post,
    kind: str,
    slug: str,
    original: File | None,
    schema: Schema,
    rewrite: Rewrite,
    plan: Plan,
    source: Source,
) -> File:
    """The Markdown File of one version of an item; ``original``: the File of the item's first version, whose
    cover and fields a translation takes when it has none of its own."""
    label = item_label(post)
    attachments = source.attachments

    def gallery(ids: list[str] | None) -> list[str]:
        return [attachments[i] for i in ids if i in attachments] if ids else post.attached

    markdown, notes = bodies.to_markdown(post.body, rewrite, gallery, _alt_of(source))
    plan.notes += [(label, note) for note in notes]
    title = one_line(bodies.plain_text(post.title))
    if not title:  # WordPress publishes posts without a title; the archive needs one
        title = _first_words(markdown)
        plan.notes.append((label, f"it has no title: its first words are its title, {title!r}"))
    meta: dict[str, str | None] = {
        "title": title,
        "date": post.date,
        "lang": post.lang,
        "slug": slug,
        "category": kind,
        "translation": "true" if original else "",
        "tags": ", ".join(_tags(post.tags)),
        "summary": markdown_line(bodies.plain_text(post.excerpt)),
        "author": one_line(post.author),
    }
    cover = rewrite(post.cover, True) if post.cover and schema.fields["cover"].used_by(kind) else None
    if cover:
        meta["cover"] = cover.removeprefix("{static}/")
    fields = {**(original.fields or {} if original else {}), **post.fields}
    for key, value in fields.items():
        f = schema.fields.get(key)
        if f and key not in OWN and f.used_by(kind):
            meta[key] = one_line(value)
    for key, (_file, path) in post.files.items():
        meta[key] = path
    if original and original.fields and not meta.get("cover") and original.fields.get("cover"):
        meta["cover"] = original.fields["cover"]
    text = _render(meta, schema, markdown)
    return File(
        f"{kind}/{slug}.{post.lang}.md", label, text.encode(), markdown=True, slug=slug, lang=post.lang, fields=meta
    )


def _alt_of(source: Source) -> Callable[[str | None, str], str]:
    """``alt_of(attachment id or None, address)`` for body.to_markdown: an attachment's alt text, by its id, or by
    the upload its address names (a gallery's picture, the classic editor's, a resized copy)."""
    by_upload: dict[str | None, str] = {}
    for attachment, url in sorted(source.attachments.items()):
        path = upload_path(url)
        if path and source.alts.get(attachment):
            by_upload.setdefault(original(path), source.alts[attachment])

    def alt_of(attachment: str | None, src: str) -> str:
        path = upload_path(src)
        by_id = source.alts.get(attachment) if attachment else None
        return by_id or (path and by_upload.get(original(path))) or ""

    return alt_of


def _free(
    slug: str,
    taken: Container[str],
    in_content: Mapping[str | None, Mapping[str | None, str]],
    dates: Mapping[str | None, str],
) -> str:
    """``slug``, or with ``-2``, ``-3``… when another imported item has it, or content/ has it in a language only
    (Pelican would pair that file and this item as translations of each other), or content/ has another item of
    that slug: one of another date. When content/ has it in the item's languages with the item's dates, it is this
    item, imported before (reported if an editor has changed its text since). ``dates``: {lang: the item's date}."""
    candidate, n = slug, 2
    while candidate in taken or not _this_item(in_content.get(candidate), dates):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _this_item(there: Mapping[str | None, str] | None, dates: Mapping[str | None, str]) -> bool:
    """Whether the files of a slug in content/ (``there``: {lang: Date}, None: none) can be this item's."""
    if there is None:
        return True
    shared = there.keys() & dates.keys()
    return bool(shared) and all(_minute(there[lang]) in ("", _minute(dates[lang])) for lang in shared)


def _minute(date: str | None) -> str:
    """A Date as YYYY-MM-DD HH:MM (a day alone at midnight), to compare the Date written with a post's."""
    text = " ".join(str(date or "").replace("T", " ").split())
    return text[:16] if len(text) > 10 else (text + " 00:00" if text else "")


def _first_words(markdown: str, most: int = 60) -> str:
    """The start of a body's text, cut at a space, as a title (Markdown's marks and links left out)."""
    text = one_line(re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown))
    text = re.sub(r"[\\*_#>`]", "", text).strip()
    if len(text) > most:
        text = text[:most].rsplit(" ", 1)[0] + "…"
    return text


def _number(post_id: str) -> int:
    digits = re.findall(r"[0-9]+", post_id)
    return int(digits[-1]) if digits else 0


def _units(posts: Iterable[Post], languages: Sequence[str]) -> list[list[Post]]:
    """Posts grouped as items: a translation group's first post in each language, the rest alone."""
    groups: dict[str, dict[str | None, Post]] = {}
    units: list[dict[str | None, Post]] = []
    for post in posts:
        if post.group:
            group = groups.setdefault(post.group, {})
            if post.lang not in group:
                group[post.lang] = post
                if len(group) == 1:
                    units.append(group)
                continue
        units.append({post.lang: post})
    order: dict[str | None, int] = {lang: n for n, lang in enumerate(languages)}
    return [[unit[lang] for lang in sorted(unit, key=order.__getitem__)] for unit in units]


def _kind(unit: Iterable[Post], rules: Iterable[tuple[str, str]]) -> str:
    """The first rule (in the operator's order) that names a category of one of the unit's posts; else "*"."""
    names = {c.strip().lower() for post in unit for c in post.categories}
    for category, kind in rules:
        if category.lower() in names:
            return kind
    return next((kind for category, kind in rules if category == "*"), "news")


def _slug(unit: Sequence[Post], kind: str) -> str:
    """The old slug when it is ASCII (a Lao one decoded is not a slug here), else the first version's; else the
    Latin words of a title, as `invoke new` makes them; else ``<kind>-<date>``."""
    for post in unit:
        if post.name.isascii() and ascii_slug(post.name):
            return ascii_slug(post.name)[:80].strip("-")
    for post in unit:
        words = ascii_slug(bodies.plain_text(post.title)).split("-")
        if any(re.search("[a-z]", w) for w in words):
            return "-".join(words[:8])
    return slug_for("", _day(unit[0].date), kind)


def _day(date: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(date[:10])
    except ValueError:
        return datetime.date(1970, 1, 1)


def _tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        tag = one_line(bodies.plain_text(tag).replace(",", " "))
        if tag and any(unicodedata.category(c)[0] in "LN" for c in tag) and tag not in seen:
            seen.append(tag)
    return seen


def _address_key(url: str, hosts: Iterable[str]) -> str | None:
    """What identifies a post's address: ``?p=ID``, or its path (decoded, without the last "/"); None when it
    leads to another site."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.hostname and parts.hostname.removeprefix("www.") not in {h.removeprefix("www.") for h in hosts}:
        return None
    query = parse_qs(parts.query)
    post_id = query.get("p") or query.get("page_id") or query.get("attachment_id")  # one sequence of ids
    if post_id:
        return f"?p={post_id[0]}"
    path = unquote(parts.path).rstrip("/").lower()
    return path or None


class Links:
    """Where the old site's addresses lead in the archive: to an imported post's file, or to an attachment's file."""

    def __init__(self, hosts: Iterable[str]) -> None:
        self.hosts = hosts
        self.posts: dict[str | None, str] = {}  # address key -> content-relative path of the post's file
        self.attachments: dict[str | None, str] = {}  # address key -> the URL of the attachment's file
        # a post's slug on the old site, now or before -> content-relative path of its file
        self.names: dict[str, str] = {}

    def add(self, addresses: Iterable[str], path: str, names: Iterable[str] = ()) -> None:
        for address in addresses:
            key = _address_key(address, self.hosts)
            if key:
                self.posts.setdefault(key, path)
        for name in names:
            self.names.setdefault(name.lower(), path)

    def add_attachment(self, address: str, url: str) -> None:
        key = _address_key(address, self.hosts)
        if key and key not in self.posts:
            self.attachments.setdefault(key, url)

    def post(self, url: str) -> str | None:
        """The file of the post ``url`` leads to: by its address; else, for an address of the old site that is no
        post's (another permalink structure, an old slug: WordPress redirects both), by the slug it ends with."""
        key = _address_key(url, self.hosts)
        if key is None or key in self.posts or key.startswith("?"):
            return self.posts.get(key)
        return self.names.get(key.rsplit("/", 1)[-1])

    def attachment(self, url: str) -> str | None:
        return self.attachments.get(_address_key(url, self.hosts))


def _rewriter(
    label: str, plan: Plan, uploads: Uploads, options: Options, links: Links, copies: dict[str, str]
) -> Rewrite:
    """``rewrite(url, picture)`` for body.to_markdown: an upload becomes the file it is copied to ({static}), an
    imported post its file ({filename}), a picture from elsewhere nothing; what is copied is added to ``copies``."""

    def rewrite(url: str, picture: bool) -> str | None:
        relative = upload_path(url)
        if relative is not None:
            if active(relative):
                plan.notes.append((label, f"a link to {url} was removed: a browser would run that file"))
                return None
            file, why = uploads.find(relative)
            if file is None:
                if options.drop_missing:
                    plan.notes.append((label, f"{url} was left out: {why}"))
                else:
                    plan.problems.append((label, f"{url}: {why}"))
                return None
            path = uploads.place(file)
            copies[path] = file
            return "{static}/" + path
        if attachment := links.attachment(url):
            return rewrite(attachment, picture)
        if post := links.post(url):  # not its #fragment: the old theme's anchors (#comments) are not in the archive
            return "{filename}/" + post
        if picture:
            if url.startswith(("http://", "https://", "//")):
                plan.notes.append(
                    (label, f"a picture from another site was left out (the archive shows its own): {url}")
                )
            return None
        return url

    return rewrite


def _render(meta: Mapping[str, str | None], schema: Schema, markdown: str) -> str:
    lines = [f"{schema.name_of(key)}: {meta[key]}" for key in schema.fields if meta.get(key)]
    return "\n".join(lines) + "\n\n" + markdown
