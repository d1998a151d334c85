"""Reading an RSS or Atom feed (feedparser) into posts: the full text where the feed has it (``content:encoded``,
Atom's ``<content>``), else its summary. A feed says nothing of translations: each entry is an item of its own."""

import os
import time
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser

from .model import Post, Source, SourceError


def read(location: str) -> Source:
    """The Source of the feed at ``location`` (a file or an http(s) address); SourceError when it is none."""
    if not location.startswith(("http://", "https://")) and not os.path.isfile(location):
        raise SourceError(f"{location}: no such file")
    parsed = feedparser.parse(location)
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"{location}: not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
    if not parsed.entries and not parsed.get("feed"):
        raise SourceError(f"{location}: not an RSS or Atom feed")
    source = Source(location)
    host = urlsplit(parsed.feed.get("link", "")).hostname
    if host:
        source.hosts.add(host)
    language = parsed.feed.get("language")
    for n, entry in enumerate(parsed.entries, 1):
        source.posts.append(_post(n, entry, language))
    return source


def _post(n: int, entry: Any, language: str | None) -> Post:
    contents = entry.get("content") or []
    full = next((c for c in contents if "html" in c.get("type", "")), contents[0] if contents else None)
    summary = entry.get("summary", "")
    body = full.value if full else summary
    link = entry.get("link", "")
    name = unquote(urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]) if link else ""
    name = name.rsplit(".", 1)[0] if name.endswith((".html", ".htm", ".php")) else name
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return Post(
        id=f"entry {n} ({entry.get('id') or link or 'no id'})",
        title=entry.get("title", ""),
        date=time.strftime("%Y-%m-%d %H:%M", when) if when else "",
        name=name,
        lang=(full.get("language") if full else None) or entry.get("language") or language,
        author=entry.get("author", ""),
        excerpt=summary if full and summary and summary.strip() != body.strip() else "",
        body=body,
        tags=[tag.get("term", "") for tag in entry.get("tags", [])],
        categories=[tag.get("term", "") for tag in entry.get("tags", [])],
        addresses={a for a in (link, entry.get("id", "")) if a},
        cover=_enclosed_picture(entry),
    )


def _enclosed_picture(entry: Any) -> str | None:
    """An enclosure or media:thumbnail that is a picture: the entry's cover."""
    for enclosure in entry.get("enclosures", []):
        if enclosure.get("type", "").startswith("image/") and enclosure.get("href"):
            return enclosure["href"]
    thumbnails = entry.get("media_thumbnail") or []
    return thumbnails[0].get("url") if thumbnails else None
