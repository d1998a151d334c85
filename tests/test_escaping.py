"""Metadata is text or sanitised HTML wherever it lands: pages, lists, feeds. A contributor's <script> runs nowhere."""

import glob
import os
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.fixture_site import build

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
REPORT = f"""Title: Forum {PAYLOAD}
Date: 2024-03-04
Lang: en
Slug: forum
Category: reports
Event_Start: 2024-03-05
Venue: Hall {PAYLOAD}
Organisers: MTC, {PAYLOAD}
Participants: 40 {PAYLOAD}
Tags: open data, {PAYLOAD}
Author: MTC {PAYLOAD}
Summary: A *forum* on [open data](https://data.example.la/) {PAYLOAD} <a href="javascript:alert(1)">x</a>

The body.
"""


def unsafe(html):
    """Elements and attributes of ``html`` that would run script: inline <script>, on* handlers, javascript: URLs."""
    soup = BeautifulSoup(html, "html.parser")
    found = [
        str(tag) for tag in soup.find_all("script") if not tag.get("src") and tag.get("type") != "application/json"
    ]
    for tag in soup.find_all(True):
        found += [f"{tag.name} {name}" for name in tag.attrs if name.lower().startswith("on")]
        found += [
            f"{tag.name} {v}" for v in (tag.get("href"), tag.get("src")) if v and v.lower().startswith("javascript:")
        ]
    return found


def test_no_field_brings_markup_into_pages_or_feeds(tmp_path):
    (tmp_path / "content" / "reports").mkdir(parents=True)
    (tmp_path / "content" / "reports" / "forum.md").write_text(REPORT, encoding="utf-8")
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    pages = glob.glob(os.path.join(output, "**", "*.html"), recursive=True)
    for path in pages:
        with open(path, encoding="utf-8") as f:
            assert unsafe(f.read()) == [], path
    feeds = glob.glob(os.path.join(output, "**", "*.xml"), recursive=True)
    assert feeds
    for path in feeds:  # the HTML a feed reader shows (type="html": summaries, contents); the rest is text
        for element in ET.parse(path).iter():
            if element.get("type") == "html" or element.tag.endswith("description"):
                assert unsafe(element.text or "") == [], path
    with open(os.path.join(output, "en", "reports", "forum.html"), encoding="utf-8") as f:
        page = f.read()
    assert '<em>forum</em> on <a href="https://data.example.la/">open data</a>' in page  # Markdown kept
    assert "Hall &lt;script&gt;" in page  # text fields escaped, not dropped


def test_a_scans_text_read_by_machine_is_text_on_the_editions_page(tmp_path):
    from PIL import Image

    (tmp_path / "content" / "newspaper").mkdir(parents=True)
    (tmp_path / "content" / "images").mkdir()
    Image.new("L", (62, 88), 240).save(tmp_path / "content" / "images" / "e-1.png")
    (tmp_path / "content" / "images" / "e-1.png.txt").write_text(f"ໜ້າ 1 {PAYLOAD}\n", encoding="utf-8")
    (tmp_path / "content" / "newspaper" / "e.md").write_text(
        "Title: ໜັງສືພິມ\nDate: 2024-03-01\nLang: lo\nSlug: e-7\nCategory: newspaper\nEdition: 7\n"
        "Pages: images/e-1.png\n\nສະບັບ.\n",
        encoding="utf-8",
    )
    output = build(str(tmp_path / "content"), str(tmp_path / "output"))
    with open(os.path.join(output, "newspaper", "e-7.html"), encoding="utf-8") as f:
        page = f.read()
    assert unsafe(page) == []
    assert "ໜ້າ 1 &lt;script&gt;" in page  # shown, as text
