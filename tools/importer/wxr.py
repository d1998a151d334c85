"""Reading a WordPress export (WXR 1.0–1.2, Tools → Export): its published posts, and a count of what is not one.

The XML is read with defusedxml (no entities, nothing fetched). Namespaces are matched by what they are, not by
their version (``http://wordpress.org/export/1.1/`` and ``…/1.2/`` alike). Translations: Polylang writes each
post's language and translation group as terms (``<category domain="language">``, ``domain="post_translations"``);
WPML's "Export and Import" writes them as custom fields (``_wpml_import_language_code``,
``_wpml_import_translation_group``, ``_wpml_import_source_language_code``).
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as ElementTree
from defusedxml import DefusedXmlException

from archive.metadata import CONTROL

from .model import Post, Source, SourceError

WPML_LANGUAGE = ("_wpml_import_language_code", "_wpml_language", "wpml_language", "_icl_lang")
WPML_GROUP = ("_wpml_import_translation_group", "_wpml_translation_group", "_icl_trid")
WPML_SOURCE = ("_wpml_import_source_language_code", "_wpml_source_language")
# Why a post is not imported, by post type and by status (anything else: "post type X", "status X").
TYPES = {
    "page": "pages",
    "wp_block": "reusable blocks (shown inside the posts that use them)",
    "revision": "revisions",
    "nav_menu_item": "menu items",
    "attachment": "attachments",
}
STATUSES = {
    "draft": "drafts",
    "auto-draft": "drafts",
    "private": "private posts",
    "trash": "trashed posts",
    "pending": "posts pending review",
    "future": "scheduled posts",
}


Children = dict[tuple[str, str], list[Element]]  # {(kind, name): [child element]}


def _kind(tag: str) -> tuple[str, str]:
    """('wp'|'content'|'excerpt'|'dc'|'', local name) of an element's tag."""
    if not tag.startswith("{"):
        return "", tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith("http://wordpress.org/export/"):
        return ("excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"), local
    if "purl.org/rss/1.0/modules/content" in uri:
        return "content", local
    if "purl.org/dc/elements" in uri:
        return "dc", local
    return "other", local


def _children(element: Element) -> Children:
    """{(kind, name): [child element]}."""
    found: Children = {}
    for child in element:
        found.setdefault(_kind(child.tag), []).append(child)
    return found


def _text(children: Children, kind: str, name: str) -> str:
    elements = children.get((kind, name))
    return (elements[0].text or "").strip() if elements else ""


def read(path: str) -> Source:
    """The Source of the WXR file at ``path``; SourceError when it is not one."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read: {error.strerror}") from None
    root, removed = _parse(path, data)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise SourceError(f"{path}: not a WordPress export (no <rss><channel>)")
    parts = _children(channel)
    if not any(kind == "wp" for kind, _ in parts):
        raise SourceError(f"{path}: an RSS file without WordPress's elements: import it with --feed")
    source = Source(path)
    if removed:
        source.notes.append(
            (
                path,
                f"{removed} control character(s) XML cannot hold were removed (WordPress exports "
                "what was pasted into posts as it is)",
            )
        )
    for kind, name in (("", "link"), ("wp", "base_site_url"), ("wp", "base_blog_url")):
        host = urlsplit(_text(parts, kind, name)).hostname
        if host:
            source.hosts.add(host)
    authors: dict[str, str] = {}
    for author in parts.get(("wp", "author"), []):
        a = _children(author)
        authors[_text(a, "wp", "author_login")] = _text(a, "wp", "author_display_name") or _text(
            a, "wp", "author_login"
        )
    translations = _polylang_groups(parts.get(("wp", "term"), []))
    items = channel.findall("item")
    children: dict[str, list[str]] = {}  # post id -> URLs of its attachments
    blocks: dict[str, str] = {}  # id -> content of a reusable block (wp_block), which a post names by its id
    for item in items:
        fields = _children(item)
        if _text(fields, "wp", "post_type") == "wp_block":
            blocks[_text(fields, "wp", "post_id")] = _text(fields, "content", "encoded")
        if _text(fields, "wp", "post_type") == "attachment":
            url = _text(fields, "wp", "attachment_url") or _text(fields, "", "guid")
            post_id = _text(fields, "wp", "post_id")
            source.attachments[post_id] = url
            source.alts[post_id] = _meta(fields).get("_wp_attachment_image_alt", "")
            for address in (_text(fields, "", "link"), f"?attachment_id={post_id}"):
                source.attachment_pages[address] = url
            children.setdefault(_text(fields, "wp", "post_parent"), []).append(url)
    for item in items:
        post_type = _text(_children(item), "wp", "post_type") or "post"
        status = _text(_children(item), "wp", "status") or "publish"
        reason = _reason(post_type, status, _text(_children(item), "wp", "post_password"))
        if reason:
            source.skip(reason)
        else:
            post = _post(item, authors, source.attachments, children, translations)
            post.body = _REUSABLE.sub(lambda m: blocks.get(m.group(1), ""), post.body)
            source.posts.append(post)
    return source


_REUSABLE = re.compile(r"<!--\s*wp:block\s*\{[^}]*\"ref\"\s*:\s*([0-9]+)[^}]*\}\s*/?-->")


def _parse(path: str, data: bytes) -> tuple[Element, int]:
    """(root element, how many control characters were removed): an export holding characters XML 1.0 cannot
    carry (a vertical tab pasted from a word processor, which WordPress exports as it is) is read without them; so
    is the blank line a theme or plugin often prints before the XML declaration (XML allows nothing there)."""
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    data = start if start.startswith(b"<") else data
    try:
        return ElementTree.fromstring(data), 0
    except DefusedXmlException as error:
        raise SourceError(f"{path}: not a readable WordPress export (XML: {error})") from None
    except ParseError as error:
        first = error
    text = data.decode("utf-8", errors="replace")
    cleaned, removed = CONTROL.subn("", text)
    try:
        return ElementTree.fromstring(cleaned.encode("utf-8")), removed
    except (ParseError, DefusedXmlException):
        raise SourceError(f"{path}: not a readable WordPress export (XML: {first})") from None


_SERIALIZED_ID = re.compile(r's:[0-9]+:"([^"]*)";i:([0-9]+);')


def _polylang_groups(terms: Iterable[Element]) -> dict[str, tuple[str, str]]:
    """{post id: (translation group, language)} from Polylang's ``post_translations`` terms of the export's head,
    whose description is the group as PHP writes an array (``a:2:{s:2:"lo";i:12;s:2:"en";i:14;}``): what a post's
    own terms say, for a post whose terms do not say it."""
    found: dict[str, tuple[str, str]] = {}
    for term in terms:
        t = _children(term)
        if _text(t, "wp", "term_taxonomy") == "post_translations":
            slug = unquote(_text(t, "wp", "term_slug"))
            for lang, post_id in _SERIALIZED_ID.findall(_text(t, "wp", "term_description")):
                found.setdefault(post_id, (f"polylang {slug}", lang))
    return found


def _reason(post_type: str, status: str, password: str) -> str | None:
    if post_type != "post":
        return TYPES.get(post_type, f"post type {post_type}")
    if status != "publish":
        return STATUSES.get(status, f"status {status}")
    if password:
        return "password-protected posts"
    return None


def _meta(fields: Children) -> dict[str, str]:
    """{key: value} of an item's custom fields (the first value of a key)."""
    meta: dict[str, Any] = {}
    for element in fields.get(("wp", "postmeta"), []):
        m: dict[tuple[str, str], list[Any]] = _children(element)
        meta.setdefault(_text(m, "wp", "meta_key"), (m.get(("wp", "meta_value")) or [None])[0])
    return {key: (value.text or "").strip() if value is not None else "" for key, value in meta.items()}


def _post(
    item: Element,
    authors: Mapping[str, str],
    attachments: Mapping[str, str],
    children: Mapping[str, list[str]],
    translations: Mapping[str, tuple[str, str]],
) -> Post:
    fields = _children(item)
    meta = _meta(fields)
    post_id = _text(fields, "wp", "post_id")
    categories: list[str] = []
    tags: list[str] = []
    lang: str | None = None
    group: str | None = None
    for category in fields.get(("", "category"), []):
        domain, nicename = category.get("domain", ""), unquote(category.get("nicename", ""))
        name = (category.text or "").strip()
        if domain == "category":
            categories += [nicename, name]
        elif domain == "post_tag":
            tags.append(name)
        elif domain == "language":
            lang = nicename
        elif domain == "post_translations":
            group = f"polylang {nicename}"
    polylang_group, polylang_lang = translations.get(post_id, (None, None))
    group, lang = group or polylang_group, lang or polylang_lang
    wpml_lang = next((meta[k] for k in WPML_LANGUAGE if meta.get(k)), None)
    wpml_group = next((meta[k] for k in WPML_GROUP if meta.get(k)), None)
    link, guid = _text(fields, "", "link"), _text(fields, "", "guid")
    addresses = {a for a in (link, guid) if a}
    thumbnail = meta.get("_thumbnail_id")
    return Post(
        id=f"post {post_id}",
        title=_text(fields, "", "title"),
        date=_date(fields),
        name=unquote(_text(fields, "wp", "post_name")),
        lang=lang or wpml_lang,
        author=authors.get(_text(fields, "dc", "creator"), _text(fields, "dc", "creator")),
        excerpt=_text(fields, "excerpt", "encoded"),
        body=_with_footnotes(_text(fields, "content", "encoded"), meta.get("footnotes")),
        tags=tags,
        categories=categories,
        group=group or (wpml_group and f"wpml {wpml_group}"),
        source_lang=next((meta[k] for k in WPML_SOURCE if meta.get(k)), None),
        addresses=addresses | {f"?p={post_id}"},
        names=[unquote(n) for n in (_text(fields, "wp", "post_name"), meta.get("_wp_old_slug")) if n],
        cover=attachments.get(thumbnail) if thumbnail else None,
        attached=children.get(post_id, []),
        fields={k.lower(): v for k, v in meta.items() if not k.startswith("_") and v},
    )


_FOOTNOTES = re.compile(r"<!--\s*wp:footnotes\b.*?-->(?:.*?<!--\s*/wp:footnotes\s*-->)?", re.DOTALL)


def _with_footnotes(body: str, footnotes: str | None) -> str:
    """``body`` with its footnotes, which the block editor (WordPress 6.3+) keeps apart, in the custom field
    ``footnotes`` (JSON: [{"id", "content"}]), and shows where the body has its footnotes block: there (or at the
    end), as a numbered list."""
    try:
        notes = json.loads(footnotes or "[]")
    except ValueError:
        return body
    contents = [n.get("content") or "" for n in notes if isinstance(n, dict)] if isinstance(notes, list) else []
    if not contents:
        return body
    listed = "<ol>" + "".join(f"<li>{content}</li>" for content in contents) + "</ol>"
    if _FOOTNOTES.search(body):
        return _FOOTNOTES.sub(lambda _match: listed, body, count=1)
    return body + listed


def _date(fields: Children) -> str:
    """wp:post_date as YYYY-MM-DD HH:MM; the GMT one or pubDate when WordPress left it empty (0000-00-00)."""
    for name in ("post_date", "post_date_gmt"):
        value = _text(fields, "wp", name)
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}", value) and not value.startswith("0000"):
            return value[:16]
    try:
        return f"{email.utils.parsedate_to_datetime(_text(fields, '', 'pubDate')):%Y-%m-%d %H:%M}"
    except (TypeError, ValueError):
        return ""
