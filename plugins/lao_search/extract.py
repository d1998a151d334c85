"""The visible text of an article's HTML (what Pelican rendered from its Markdown), as the search indexes it.

The search reads Pelican's own objects, not the pages it wrote; this turns the HTML of a body or summary into
text, a line per block. Regular expressions, not a parser: the HTML is Python-Markdown's (and any raw HTML an
editor wrote), and a tree is not needed to drop tags; tests/test_extract.py holds this to beautifulsoup4's
reading of the same HTML.
"""

import html
import re

# Elements that end a line of text; inline ones (a, em, strong, span...) join their neighbours, so that a Lao word
# split by markup (ລັດ<b>ດິຈິຕອນ</b>) stays one run of text.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
SKIPPED = ("script", "style", "template", "noscript", "svg")  # elements whose content is not text

_SKIPPED_NAMES = "|".join(SKIPPED)
_SKIPPED = re.compile(rf"<({_SKIPPED_NAMES})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_SPACES = re.compile(r"[\t\r\f\v\u00a0][ \t\r\f\v\u00a0]*| [ \t\r\f\v\u00a0]+")  # not a lone space
_ODD_SPACES = ("  ", "\t", "\r", "\f", "\v", "\u00a0")


def _tag(match: re.Match[str]) -> str:
    return "\n" if match.group(1).lower() in BLOCKS else ""


def html_text(markup: str | None) -> str:
    """The text of ``markup``: a line per block, spaces collapsed, entities decoded, no empty lines."""
    if not markup:
        return ""
    text = _COMMENT.sub("", _SKIPPED.sub("", markup.replace("\r\n", " ").replace("\n", " ")))
    text = html.unescape(_TAG.sub(_tag, text))
    if any(space in text for space in _ODD_SPACES):  # most text has none: skip the slow part
        text = _SPACES.sub(" ", text)
    return "\n".join(filter(None, map(str.strip, text.split("\n"))))
