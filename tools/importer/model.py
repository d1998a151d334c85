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
    lang: str = None  # None: told from its text
    author: str = ""
    excerpt: str = ""  # HTML
    body: str = ""  # HTML
    tags: list = field(default_factory=list)
    categories: list = field(default_factory=list)  # names and slugs of its categories, as written
    group: str = None  # posts of one translation group share it (Polylang's post_translations, WPML's trid)
    source_lang: str = None  # WPML: the language it was translated from
    addresses: set = field(default_factory=set)  # the URLs that lead to it on the old site
    names: list = field(default_factory=list)  # its slugs there, now and before (WordPress redirects from those)
    cover: str = None  # URL of its featured image
    attached: list = field(default_factory=list)  # URLs of the attachments uploaded to it (a [gallery] without ids)
    fields: dict = field(default_factory=dict)  # other archive fields by key (venue=…), from custom fields
    files: dict = field(default_factory=dict)  # {field key: (source file, content-relative path)} (PDF imports)


@dataclass
class Source:
    """Everything one reader found: the posts to import, what it left out (reason -> count, with examples), and
    the addresses of its attachments by id (for featured images and galleries)."""

    path: str
    posts: list = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    attachments: dict = field(default_factory=dict)  # id -> URL
    alts: dict = field(default_factory=dict)  # id -> an attachment's alt text (_wp_attachment_image_alt)
    attachment_pages: dict = field(default_factory=dict)  # an attachment's page address -> its file's URL
    hosts: set = field(default_factory=set)  # the old site's host names: links to them may lead to posts
    problems: list = field(default_factory=list)  # (where, sentence): what stops the import (a PDF that won't open)
    notes: list = field(default_factory=list)  # (where, sentence): what the reader changed, for the operator

    def skip(self, reason):
        self.skipped[reason] += 1
