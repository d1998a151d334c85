"""schema.org structured data (JSON-LD) of every page, for search engines: what the content schema declares.

Which field is which property is data in schema.py (``Field.ld``, ``Kind.ld``, ``LD_NODES``); this module only
walks it: a field's value is written at each of its paths (``about.location.name``: the property ``name`` of the
node ``about.location``, a Place), a value at the path of a declared node becomes that node (an organiser's name
becomes an Organization). What no field says is added here once for every kind: the page's URL, its language, the
publisher, its translations, the issue it appears in, an issue's contents, the Periodical an issue belongs to.

Knows nothing of Pelican but the attributes of its articles; ``Facts`` is what a page's data is built from.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from markupsafe import Markup

from .fields import LD_NODES

CONTEXT = "https://schema.org"
END_OF_DAY = ("endDate", "validThrough")  # a day without a time, as the end of something: the whole day counts
# Listing pages (listings.paths names) and their type; the home page is the WebSite.
if TYPE_CHECKING:
    from .collect import Article
    from .fieldtypes import Field, Kind
    from .schema import Schema
    from .settings import ArchiveSettings

Node = dict[str, Any]  # a JSON-LD node
PAGE_TYPES: dict[str | None, str] = {"search": "SearchResultsPage", "notfound": "WebPage", "offline": "WebPage"}
COLLECTION = "CollectionPage"


@dataclass(frozen=True)
class Facts:
    """What one language's pages are described with."""

    site_url: str  # absolute, without a trailing slash
    lang: str
    schema: Schema
    settings: ArchiveSettings
    site_name: str
    home: str  # site-relative URL of this language's home page
    search: str  # ... of its search page
    logo: str  # the publisher's logo, a file of the site (site-relative path, as the operator wrote it)
    timezone: str = "UTC"

    def url(self, path: str) -> str:
        """The absolute URL of a site-relative path (already percent-encoded: Pelican's URLs, listings.link)."""
        return f"{self.site_url}/{path}"

    def file_url(self, path: str) -> str:
        """The absolute URL of a content file (a path as an editor wrote it)."""
        return self.url(quote(path))

    def publisher(self) -> Node:
        return {
            "@type": "Organization",
            "@id": f"{self.site_url}/#publisher",
            "name": self.settings.publisher[self.lang],
            "url": self.url(self.home),
            "logo": {"@type": "ImageObject", "url": self.file_url(self.logo)},
        }

    def periodical(self, kind: Kind) -> Node | None:
        """The Periodical an item of ``kind`` is an issue of (None: it is no issue)."""
        if not kind.periodical:
            return None
        name, issn = self.settings.periodical(kind.periodical, self.lang)
        return {"@type": "Periodical", "name": name, "issn": issn} if issn else {"@type": "Periodical", "name": name}

    def moment(self, value: datetime.datetime, text: str, end: bool = False) -> str:
        """A date field's value in ISO 8601 with the site's offset; a day written without a time starts at 00:00
        and, as an end (``end``), lasts until 23:59:59."""
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            return value.isoformat()
        day_only = len(text.strip()) <= 10
        if day_only and end:
            value = value.replace(hour=23, minute=59, second=59)
        return value.replace(tzinfo=ZoneInfo(self.timezone)).isoformat()


# --- one item --------------------------------------------------------------------------------------------------------


def pelican_value(article: Article, key: str) -> Any:
    """The value of a field Pelican reads itself, as the page shows it; None when the editor did not write it."""
    if key == "title":
        return article.title
    if key == "date":
        return article.date
    if key == "modified":
        return article.modified if "modified" in article.metadata else None
    if key == "tags":
        return [tag.name for tag in getattr(article, "tags", []) or []] or None
    if key == "summary":
        return Markup(article.summary).striptags() or None
    if key == "author":
        return article.author.name if "author" in article.metadata else None
    return None


def field_values(article: Article, schema: Schema) -> Iterator[tuple[Field, Any, str]]:
    """(field, value, text as written) of every field of the item's kind that is written and has ``ld`` paths."""
    details = article.details
    for f in schema.fields_of(details.kind):
        if not f.ld or (f.needs and not details.values.get(f.needs)):
            continue
        value = pelican_value(article, f.key) if f.pelican else details.values[f.key]
        if value not in (None, "", []):
            yield f, value, str(article.metadata.get(f.key, ""))


class _Tree:
    """The nodes of one item by path ("" the item's own), made as the first property is put into them."""

    def __init__(self, declared: Mapping[str, tuple[str, dict[str, str]]], root: Node) -> None:
        self.declared = declared  # path -> (type, constants)
        self.nodes: dict[str, Node] = {"": root}

    def node(self, path: str) -> Node:
        if path not in self.nodes:
            parent, _, name = path.rpartition(".")
            kind, constants = self.declared[path]
            self.nodes[path] = {"@type": kind, **constants}
            self.node(parent)[name] = self.nodes[path]
        return self.nodes[path]

    def put(self, path: str, value: Any) -> None:
        """``value`` at ``path``; a path into a node the kind does not have is not written (a news item has no
        ``about`` event). A value at a declared node's path becomes that node, named by it (a MediaObject's file
        is its ``contentUrl``, a web address a ``url``, other text a ``name``); a list, one node each."""
        parent, _, name = path.rpartition(".")
        if parent and parent not in self.declared:
            return
        if path not in self.declared:
            self.node(parent)[name] = value
            return
        kind, constants = self.declared[path]
        key = "contentUrl" if kind == "MediaObject" else "url" if _is_url(value) else "name"
        nodes = [{"@type": kind, **constants, key: v} for v in (value if isinstance(value, list) else [value])]
        if len(nodes) == 1:
            self.node(path).update(nodes[0])  # with what its own properties put there already (an Offer's date)
        else:
            self.node(parent)[name] = nodes


def _is_url(value: object) -> bool:
    first = value[0] if isinstance(value, list) and value else value
    return isinstance(first, str) and first.startswith(("https://", "http://"))


def _typed(facts: Facts, f: Field, value: Any, text: str, path: str) -> Any:
    """A field's value as JSON-LD writes it."""
    if isinstance(value, datetime.datetime):
        return facts.moment(value, text, end=path.rsplit(".", 1)[-1] in END_OF_DAY)
    if f.type.name == "file":
        return facts.file_url(value)
    if f.type.name == "files":
        return [facts.file_url(v) for v in value]
    if isinstance(value, int):
        return str(value)
    return value


def item_nodes(
    article: Article, facts: Facts, trail: Sequence[tuple[str, str | None]] = (), front_page: str | None = None
) -> list[Node]:
    """The top-level nodes of an item's page: the item (its ``url`` the canonical URL), what it is about (a
    report's Event) and the page's BreadcrumbList. ``trail``: [(name, site-relative URL)] of the visible
    breadcrumb; ``front_page``: site-relative URL of a picture of the item's first page, when it has no image."""
    schema, details = facts.schema, article.details
    kind = schema.kinds[details.kind]
    url = facts.url(details.url)
    root_type, constants = kind.ld[""]
    root: Node = {"@type": root_type, **constants, "@id": url, "url": url, "inLanguage": article.lang}
    tree = _Tree({**LD_NODES, **kind.ld}, root)
    for f, value, text in field_values(article, schema):
        for path in f.ld:
            tree.put(path, _typed(facts, f, value, text, path))
    if "image" not in root and front_page:
        root["image"] = facts.url(front_page)
    root["publisher"] = facts.publisher()
    periodical = facts.periodical(kind)
    if periodical:
        root["isPartOf"] = periodical
    _link_translations(article, root, facts)
    _link_issue(article, root, facts)
    top = [root]
    # What the item is about is a thing of its own (a report's Event): its own node, linked both ways.
    for path in [p for p in tree.nodes if p and "." not in p and p in kind.ld]:
        node = tree.nodes[path]
        node.update({"@id": f"{url}#{path}", "url": url})
        if node["@type"] == "Event":
            _event_defaults(node)
        node["subjectOf"] = {"@id": url}
        # Only the reference: a typed copy would be a second, incomplete Event to a reader that does not join
        # nodes by @id (Google's test reports an Event without startDate or location as an error).
        root[path] = {"@id": node["@id"]}
        top.append(node)
    if trail:
        top.append(breadcrumb(trail, facts))
    return top


def _event_defaults(event: Node) -> None:
    """A one-day event written as a day: it ends when that day does."""
    start = event.get("startDate", "")
    if start and "endDate" not in event and start[10:19] == "T00:00:00":
        event["endDate"] = start[:10] + "T23:59:59" + start[19:]


def _ref(article: Article, facts: Facts) -> Node:
    url = facts.url(article.details.url)
    kind = facts.schema.kinds[article.details.kind]
    return {"@type": kind.ld[""][0], "@id": url, "url": url, "inLanguage": article.lang, "name": article.title}


def _link_translations(article: Article, root: Node, facts: Facts) -> None:
    """The item's other languages: it translates its original, and an original has translations."""
    others = [t for t in getattr(article, "translations", []) if t.lang != article.lang]
    if not others:
        return
    refs = [_ref(other, facts) for other in sorted(others, key=lambda t: t.lang)]
    key = "translationOfWork" if article.metadata.get("translation") else "workTranslation"
    root[key] = refs if len(refs) > 1 else refs[0]


def _link_issue(article: Article, root: Node, facts: Facts) -> None:
    """An article in an issue is part of it (and so of its Periodical); an issue has its contents as parts."""
    details = article.details
    issue = details.in_issue
    if issue is not None:
        issue_kind = facts.schema.kinds[issue.details.kind]
        part_of = {**_ref(issue, facts), "issueNumber": str(issue.details.number)}
        periodical = facts.periodical(issue_kind)
        if periodical:
            part_of["isPartOf"] = periodical
        root["isPartOf"] = part_of
    parts = [*details.contents, *details.contents_elsewhere]
    if parts:
        root["hasPart"] = [{**_ref(part, facts), "headline": part.title} for part in parts]


# --- other pages -----------------------------------------------------------------------------------------------------


def breadcrumb(trail: Sequence[tuple[str, str | None]], facts: Facts) -> Node:
    """The BreadcrumbList of a visible breadcrumb: [(name, site-relative URL or None for the page itself)]."""
    items: list[Node] = []
    for position, (name, url) in enumerate(trail, start=1):
        item = {"@type": "ListItem", "position": position, "name": name}
        if url is not None:
            item["item"] = facts.url(url)
        items.append(item)
    return {"@type": "BreadcrumbList", "itemListElement": items}


def website_nodes(facts: Facts) -> list[Node]:
    """The home page: the WebSite, with the search engines' search box into search.html, and its publisher."""
    home = facts.url(facts.home)
    publisher = facts.publisher()
    return [
        {
            "@type": "WebSite",
            "@id": f"{home}#website",
            "url": home,
            "name": facts.site_name,
            "inLanguage": facts.lang,
            "publisher": {"@id": publisher["@id"]},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": facts.url(facts.search) + "?q={search_term_string}"},
                "query-input": "required name=search_term_string",
            },
        },
        publisher,
    ]


def page_nodes(
    name: str | None, title: str | None, path: str, facts: Facts, trail: Sequence[tuple[str, str | None]] = ()
) -> list[Node]:
    """Any other page of the site: a list (CollectionPage), the search page, a 404 page."""
    home = facts.url(facts.home)
    node = {
        "@type": PAGE_TYPES.get(name, COLLECTION),
        "@id": facts.url(path),
        "url": facts.url(path),
        "name": title,
        "inLanguage": facts.lang,
        "isPartOf": {"@type": "WebSite", "@id": f"{home}#website", "url": home, "name": facts.site_name},
    }
    return [node, breadcrumb(trail, facts)] if trail else [node]


# --- into the page ---------------------------------------------------------------------------------------------------

# Inside <script> the HTML parser ends the element at the first "</script" whatever JSON says: these characters
# are written as JSON escapes, which mean the same to a JSON parser and nothing to the HTML parser.
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# a search for the few characters (a character-by-character walk, or str.translate, costs ten times as much on Lao)
_UNSAFE_FOUND = re.compile("[" + "".join(_UNSAFE) + "]")


def to_json(node: Node) -> str:
    text = json.dumps({"@context": CONTEXT, **node}, ensure_ascii=False, separators=(",", ":"))
    return _UNSAFE_FOUND.sub(lambda found: _UNSAFE[found.group()], text)


def script_elements(nodes: Iterable[Node]) -> Markup:
    """One ``<script type="application/ld+json">`` data block per node: data, not run (the page's CSP allows no
    inline script, and none is needed)."""
    return Markup("\n".join(f'<script type="application/ld+json">{to_json(node)}</script>' for node in nodes))
