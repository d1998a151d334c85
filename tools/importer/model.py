"""What the readers (wxr.py, feed.py, pdfs.py) hand to the planner: posts, and what they left out and why."""

from collections import Counter
from dataclasses import dataclass, field


class SourceError(Exception):
    """An input that cannot be read at all (not XML, not a feed, a CSV without its columns); the message names
    the file and says why."""


@dataclass
class Post:
    """One published post of the old site, as read: text still HTML, addresses still the old site's."""

    id: str  # how the operator finds it in the source: "post 12", a feed entry's id, a PDF's name
    title: str
    date: str  # YYYY-MM-DD or YYYY-MM-DD HH:MM
    name: str = ""  # the old slug, percent-decoded
    lang: str | None = None  # None: told from its text
    author: str = ""
    excerpt: str = ""  # HTML
    body: str = ""  # HTML
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # names and slugs of its categories, as written
    group: str | None = None  # posts of one translation group share it (Polylang's post_translations, WPML's trid)
    source_lang: str | None = None  # WPML: the language it was translated from
    addresses: set[str] = field(default_factory=set)  # the URLs that lead to it on the old site
    names: list[str] = field(default_factory=list)  # its slugs there, now and before (WordPress redirects from those)
    cover: str | None = None  # URL of its featured image
    # URLs of the attachments uploaded to it (a [gallery] without ids)
    attached: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)  # other archive fields by key (venue=…), from custom fields
    # {key: (source file or bytes, path)} (PDF imports)
    files: dict[str, tuple[str | bytes, str]] = field(default_factory=dict)


@dataclass
class Source:
    """Everything one reader found: the posts to import, what it left out (reason -> count, with examples), and
    the addresses of its attachments by id (for featured images and galleries)."""

    path: str
    posts: list[Post] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    attachments: dict[str, str] = field(default_factory=dict)  # id -> URL
    alts: dict[str, str] = field(default_factory=dict)  # id -> an attachment's alt text (_wp_attachment_image_alt)
    attachment_pages: dict[str, str] = field(default_factory=dict)  # an attachment's page address -> its file's URL
    hosts: set[str] = field(default_factory=set)  # the old site's host names: links to them may lead to posts
    # (where, sentence): what stops the import (a PDF that won't open)
    problems: list[tuple[str, str]] = field(default_factory=list)
    # (where, sentence): what the reader changed, for the operator
    notes: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1
