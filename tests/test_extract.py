"""The text the search takes from the HTML Pelican rendered for an article's body and summary."""

import glob
import os

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from lao_search.extract import BLOCKS, SKIPPED, html_text
from tests.fixture_site import FIXTURE


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>a  b\n c</p><p>d</p>", "a b c\nd"),
        ("<p>ລັດ<b>ດິ</b><i>ຈິ</i>ຕອນ</p>", "ລັດດິຈິຕອນ"),  # inline markup joins a word split by it
        ("<p>line<br>next</p>", "line\nnext"),
        ("<table><tr><td>ກ</td><td>ຂ</td></tr></table>", "ກ\nຂ"),
        ("<p>x&nbsp;&amp;&nbsp;y &lt;b&gt;</p>", "x & y <b>"),  # entities are text, decoded once
        (
            "<p>ສູນ<strong>ລັດ</strong></p><script>var x = '<p>ບໍ່</p>';</script><ul><li>ໜຶ່ງ</li></ul><!-- ຄຳເຫັນ -->",
            "ສູນລັດ\nໜຶ່ງ",
        ),
        ('<p><a href="x" title="a > b">ລິ້ງ</a> <img alt="ຮູບ" src="i.png"></p>', "ລິ້ງ"),  # ">" in an attribute
        ("<STYLE>p{}</STYLE><P>ກ</P>", "ກ"),
        ("<svg><text>no</text></svg>ok", "ok"),
        ("\t <p> \u00a0 </p>\n\n<p>  ກ  </p>", "ກ"),
        ("", ""),
    ],
)
def test_html_text(html, text):
    assert html_text(html) == text


def reference_text(html):
    """The text as beautifulsoup4 reads the same HTML (what the search read before): a line per block."""
    pieces = []

    def walk(node):
        for child in node.children:
            if type(child) is NavigableString:
                pieces.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag) and child.name not in SKIPPED:
                block = child.name in BLOCKS
                pieces.append("\n" if block else "")
                walk(child)
                pieces.append("\n" if block else "")

    walk(BeautifulSoup(html, "html.parser"))
    lines = (" ".join(line.replace("\u00a0", " ").split(" ")).split() for line in "".join(pieces).split("\n"))
    return "\n".join(" ".join(words) for words in lines if words)


def test_html_text_reads_the_fixture_articles_as_beautifulsoup_does():
    converter = markdown.Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.meta"])
    sources = glob.glob(os.path.join(FIXTURE, "**", "*.md"), recursive=True)
    assert len(sources) >= 8
    for source in sources:
        with open(source, encoding="utf-8") as f:
            html = converter.reset().convert(f.read())
        assert html_text(html) == reference_text(html), source
