"""HTML from content made safe: Summary is Markdown (Pelican renders it), so its HTML keeps inline formatting and
links and loses everything else (scripts, event handlers, styles, javascript: links). Every other field is text,
escaped by the templates (Jinja's autoescape) and by the feed writer. An article's body keeps what an article may
hold (``clean_body``); what it loses is told, each with the line it was written on (``dropped``, ``locate``).
"""

from __future__ import annotations

import html as entities
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

SUMMARY_TAGS = {"p", "a", "em", "strong", "b", "i", "code", "br", "abbr", "sub", "sup", "span"}
SUMMARY_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "span": {"lang"}}


def clean_summary(html: str) -> str:
    """``html`` with only the elements, attributes and URL schemes a summary may have (nh3, i.e. ammonia)."""
    return nh3.clean(html, tags=SUMMARY_TAGS, attributes=SUMMARY_ATTRIBUTES, link_rel=None)


# An article's body: what editors paste from Word or from other sites and what Python-Markdown's "extra" writes
# (tables, footnotes, definition lists, abbreviations, fenced code), plus what the images plugin makes of a body's
# pictures (<picture>, <source>; thumbs.with_pictures runs after this, but a body may hold its own).
BODY_TAGS = frozenset(
    {
        *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "blockquote", "pre", "code"),
        *("em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q"),
        *("dfn", "kbd", "samp", "var", "time", "bdi", "bdo", "ruby", "rt", "rp", "wbr", "details", "summary"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("figure", "figcaption", "img", "picture", "source", "a"),
    }
)
BODY_ATTRIBUTES = {
    "*": {"lang", "dir", "title", "id", "class"},  # class: fenced code's language, footnotes; no style (the CSP)
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "th": {"align", "colspan", "rowspan", "scope", "headers"},  # align: tables' columns (pelicanconf.py)
    "td": {"align", "colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
}
# Links and pictures: the web, mail, phone, and relative paths (Pelican's {static} and {filename} among them).
# Not javascript: (runs), not data: (a page or script made of the link itself).
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Gone with all they hold (nh3's default is script and style): what would show as stray text once unwrapped.
REMOVED_WHOLE = frozenset({"script", "style", "template", "iframe", "noscript", "textarea", "select", "svg", "math"})


def clean_body(html: str) -> tuple[str, list[Dropped]]:
    """``html`` (an article's body, its links still in Pelican's {static} form) with only BODY_TAGS, BODY_ATTRIBUTES
    and links of URL_SCHEMES (nh3), and what that dropped: [Dropped], in the order of the body.

    Cleaned again until nothing changes: an element dropped with its children kept can leave a tree that HTML
    does not read back as written (``<p><object <p><p>`` becomes ``<p><p></p></p>``, which a browser reads as three
    paragraphs), and what is published must be what a second pass would publish."""
    cleaned = _clean(html)
    if cleaned == html:  # most bodies: nothing to clean, and a second pass would give the same again
        return cleaned, []
    for _ in range(MAX_PASSES):
        again = _clean(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned, dropped(html, cleaned)


MAX_PASSES = 8  # a pass that changes something is rare; one that changes something after the second, not seen


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=BODY_TAGS,
        clean_content_tags=REMOVED_WHOLE,
        attributes=BODY_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


@dataclass(frozen=True)
class Dropped:
    """An element, or an attribute (and its value) of one, that sanitising removed."""

    tag: str
    attribute: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        if self.attribute is None:
            why = "HTML drops it where it stands" if self.tag in BODY_TAGS else "not an element a body may have"
            return f"dropped <{self.tag}> ({why})"
        value = self.value or ""
        shown = value if len(value) <= 60 else value[:57] + "..."
        allowed = BODY_ATTRIBUTES.get(self.tag, set()) | BODY_ATTRIBUTES["*"]
        why = (
            "a link must be http(s), mailto, tel or relative"
            if self.attribute in allowed
            else "not an attribute a body may have"
        )
        return f"dropped {self.attribute}={shown!r} from <{self.tag}> ({why})"


class _Elements(HTMLParser):
    """Every element of a piece of HTML with its attributes, as (Dropped(tag), [Dropped(tag, name, value)])."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[Dropped, list[Dropped]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((Dropped(tag), [Dropped(tag, name, value or "") for name, value in attrs]))


def _elements(html: str) -> list[tuple[Dropped, list[Dropped]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


# A start tag as HTML writes it, its attributes quoted, single-quoted or bare (the HTML standard's syntax), and
# anything that starts a tag: a body whose tags all read this way is compared quickly (``_tags``).
_ATTRIBUTE = r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_START_TAG = re.compile(rf"<([a-zA-Z][^\s/>]*)((?:\s+{_ATTRIBUTE})*)\s*/?>")
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_TAG_OPEN = re.compile(r"<[a-zA-Z!?]")


def _tags(html: str) -> Counter[tuple[str, tuple[tuple[str, str], ...]]] | None:
    """Each start tag of ``html`` with its attributes, as a Counter of (tag, ((name, value), ...)), or None where
    a comment, declaration or a "<" that starts no tag of this syntax makes regular expressions no safe reading."""
    tags = _START_TAG.findall(html)
    if len(tags) != len(_TAG_OPEN.findall(html)):
        return None
    return Counter(
        (
            tag.lower(),
            tuple(
                sorted(
                    (name.lower(), entities.unescape(value[1:-1] if value[:1] in "\"'" else value))
                    for name, value in _ATTRIBUTES.findall(attributes)
                )
            ),
        )
        for tag, attributes, *_ in tags
    )


def dropped(before: str, after: str) -> list[Dropped]:
    """What is in the HTML ``before`` and not in ``after``, in the order of ``before``: elements, and attributes
    (with their values) of the elements kept. Read from the two, so that it is what nh3 did, not a second guess at
    its rules. Most bodies lose nothing: when both hold the same start tags, read quickly (``_tags``), nothing was
    dropped, and HTML's own parser, eight times as slow, is not needed."""
    quick = _tags(before)
    if quick is not None and quick == _tags(after):
        return []
    return dropped_as_parsed(before, after)


def dropped_as_parsed(before: str, after: str) -> list[Dropped]:
    """``dropped``, every body read by HTML's parser."""
    kept: Counter[Dropped] = Counter()
    for element, attributes in _elements(after):
        kept.update([element, *attributes])
    gone: list[Dropped] = []
    for element, attributes in _elements(before):
        if kept[element] <= 0:
            gone.append(element)
            continue
        kept[element] -= 1
        for attribute in attributes:
            if kept[attribute] > 0:
                kept[attribute] -= 1
            else:
                gone.append(attribute)
    return gone


def _patterns(part: Dropped) -> list[str]:
    """Where in a Markdown body a dropped part was written, most precise first."""
    if part.attribute is None:
        return [rf"<{re.escape(part.tag)}(?![\w-])"]
    name = re.escape(part.attribute)
    found = [re.escape(part.value)] if part.value and part.attribute in URL_ATTRIBUTES else []
    return [*found, rf"(?<![\w-]){name}\s*=", rf"(?<![\w-]){name}(?![\w-])"]


URL_ATTRIBUTES = {"href", "src", "cite", "srcset"}


def locate(body: str, first_line: int, parts: Iterable[Dropped]) -> list[tuple[int, Dropped]]:
    """(line, part) of each of ``parts`` in ``body``, the Markdown it was rendered from, whose first line is
    ``first_line`` of its file: the line of the first place not yet taken that matches how it is written, else
    the body's first line. A part written twice is found twice, in turn."""
    taken: dict[str, int] = {}  # pattern -> where its next search starts
    found: list[tuple[int, Dropped]] = []
    for part in parts:
        line = first_line
        for pattern in _patterns(part):
            match = re.compile(pattern, re.IGNORECASE).search(body, taken.get(pattern, 0))
            if match:
                taken[pattern] = match.end()
                line = first_line + body.count("\n", 0, match.start())
                break
        found.append((line, part))
    return found
