"""Text of a rendered article page, field by field, as the search indexes it.

The article template marks what is searchable with ``data-search="title|tags|summary|body"``; navigation,
scripts and everything else on the page are left out.
"""
import re

from bs4 import BeautifulSoup, NavigableString, Tag

FIELDS = ("title", "tags", "summary", "body")
# Elements that end a line of text; inline ones (a, em, strong, span...) join their neighbours, so that a Lao word
# split by markup (ລັດ<b>ດິຈິຕອນ</b>) stays one run of text.
BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
          "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
          "section", "table", "td", "th", "tr", "ul"}
SKIPPED = {"script", "style", "template", "noscript", "svg"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def fields_of(html):
    """{field: text} of an article page; each text has one line per block, spaces collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    found = {name: [] for name in FIELDS}
    for element in soup.select("[data-search]"):
        name = element["data-search"]
        if name not in found:
            raise ValueError(f"unknown data-search field {name!r}; known: {', '.join(FIELDS)}")
        found[name].append(block_text(element))
    return {name: "\n".join(t for t in texts if t) for name, texts in found.items()}


def block_text(element):
    """The visible text of ``element``, with a line break at each block boundary."""
    pieces = []
    _walk(element, pieces)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node, pieces):
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, CDATA or doctype
                pieces.append(str(child).replace("\n", " "))
        elif isinstance(child, Tag) and child.name not in SKIPPED:
            block = child.name in BLOCKS
            if block:
                pieces.append("\n")
            _walk(child, pieces)
            if block:
                pieces.append("\n")
