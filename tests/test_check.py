"""`invoke check`: what it finds in a built site, and what it lists without failing."""

import datetime
import os

import pytest

from archive.metadata import read_source
from tools.check import check_page, missing_translations, run

PAGE = '<!DOCTYPE html><html><head></head><body><main id="main">{}</main></body></html>'


@pytest.fixture
def site(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_text("x")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "x.svg").write_text("<svg/>")
    return str(tmp_path)


@pytest.mark.parametrize(
    "body, message",
    [
        ('<a href="news/missing.html">x</a>', "link 'news/missing.html' leads to a file that does not exist"),
        ('<img src="images/none.png" alt="">', "image 'images/none.png' leads to a file that does not exist"),
        ('<a href="news/">x</a>', "link 'news/' names a folder: from disk a browser shows no index.html for it"),
        ('<a href="/news/a.html">x</a>', "link '/news/a.html' starts at the server root"),
        ('<a href="#nowhere">x</a>', "link to #nowhere, which is not on the page"),
        ("<div><span>x</div>", "<span> from line 1 is not closed before </div>"),
        ("<section>x", "<section> from line 1 is not closed before </main>"),
        ("x</em>", "</em> closes nothing that is open"),
        ('<p id="a">x</p><p id="a">y</p>', "id 'a' is used twice (first on line 1)"),
    ],
)
def test_check_page_finds(site, body, message):
    findings = check_page(site, "index.html", PAGE.format(body))
    assert [f.message for f in findings if f.message.startswith(message)], findings


def test_check_page_accepts_a_clean_page(site):
    body = (
        '<a href="news/a.html#top">x</a><img src="images/x.svg" alt=""><a href="#main">skip</a>'
        '<a href="https://itu.int/">ITU</a><ul><li>one<li>two</ul><p>open paragraph<br>'
    )
    assert check_page(site, "index.html", PAGE.format(body)) == []


def test_missing_translations_are_listed_per_language():
    sources = {
        p: read_source(t)
        for p, t in {
            "news/a.lo.md": "Slug: a\nLang: lo\n\n",
            "news/a.en.md": "Slug: a\nLang: en\n\n",
            "news/b.lo.md": "Slug: b\nLang: lo\n\n",
            "news/c.en.md": "Slug: c\nLang: en\n\n",
        }.items()
    }
    assert missing_translations(sources, ("lo", "en")) == {"lo": ["news/c.en.md"], "en": ["news/b.lo.md"]}


def test_check_of_the_sample_content_is_clean(tmp_path):
    lines = []
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    assert run(os.path.join(root, "content"), str(tmp_path / "out"), out=lines.append) == 0
    assert lines[-1] == "No errors."


def test_check_reports_content_errors_with_their_file(tmp_path):
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "a.md").write_text("Title: x\nLang: lo\n\nບົດ.\n", encoding="utf-8")
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 1
    assert "content/news/a.md:1: missing required fields Date, Slug, Category" in lines


def test_an_element_left_open_at_the_end_is_reported(site):
    findings = check_page(site, "index.html", "<div><section>x")
    assert [f.message for f in findings] == ["<div> is never closed", "<section> is never closed"]


def test_a_problem_in_a_built_page_names_the_content_file_it_was_built_from(tmp_path):
    folder = tmp_path / "content" / "2026" / "campaign"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(
        "Title: x\nDate: 2024-03-04\nLang: lo\nSlug: story\nCategory: news\n\n[ບົດ](#nowhere)\n",
        encoding="utf-8",
    )  # (a body's HTML cannot be left open: sanitising rewrites it whole)
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 1
    built = [line for line in lines if "link to #nowhere, which is not on the page" in line]
    assert built and built[0].startswith("content/2026/campaign/a.md (built as news/story.html:"), lines


def test_a_date_in_the_future_is_named_but_not_an_error(tmp_path):
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "a.md").write_text(
        "Title: x\nDate: 2099-01-01\nLang: lo\nSlug: a\nCategory: news\n\nບົດ.\n", encoding="utf-8"
    )
    lines = []
    assert (
        run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append, today=datetime.date(2026, 11, 25)) == 0
    )
    assert (
        "content/news/a.md:2: Date 2099-01-01 is in the future: it is listed first until then (not an error)" in lines
    )


def test_content_problems_and_page_problems_are_reported_in_one_run(tmp_path):
    news = tmp_path / "content" / "news"
    news.mkdir(parents=True)
    (news / "bad.md").write_text("Title: x\nLang: lo\n\nບົດ.\n", encoding="utf-8")
    (news / "good.md").write_text(
        "Title: x\nDate: 2024-03-04\nLang: lo\nSlug: good\nCategory: news\n\n[ບົດ](#nowhere)\n",
        encoding="utf-8",
    )
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 2
    assert "content/news/bad.md:1: missing required fields Date, Slug, Category" in lines
    assert any(line.startswith("content/news/good.md (built as news/good.html:") for line in lines), lines


def test_a_scanned_pdf_is_named_as_not_searchable_but_not_an_error(tmp_path):
    import shutil

    (tmp_path / "content" / "magazine").mkdir(parents=True)
    (tmp_path / "content" / "files").mkdir()
    (tmp_path / "content" / "images").mkdir()
    (tmp_path / "content" / "images" / "c.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    fixtures = os.path.join(os.path.dirname(__file__), "fixtures", "pdf")
    shutil.copy(os.path.join(fixtures, "scan.pdf"), tmp_path / "content" / "files" / "scan.pdf")
    (tmp_path / "content" / "magazine" / "i.md").write_text(
        "Title: ວາລະສານ\nDate: 2024-03-01\nLang: lo\nSlug: i-7\nCategory: magazine\nIssue: 7\nMonth: 2024-03\n"
        "Cover: images/c.svg\nPDF: files/scan.pdf\n\nບົດ.\n",
        encoding="utf-8",
    )
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 0
    assert (
        "content/magazine/i.md:9: files/scan.pdf has no text layer (a scan?): search cannot find its words "
        "(not an error)" in lines
    )


def scanned_edition(tmp_path):
    """A content folder with an edition given as two page scans (PNG), neither read yet."""
    from PIL import Image

    (tmp_path / "content" / "newspaper").mkdir(parents=True)
    (tmp_path / "content" / "images" / "newspaper").mkdir(parents=True)
    for page in (1, 2):
        Image.new("L", (62, 88), 240).save(tmp_path / "content" / "images" / "newspaper" / f"7-{page}.png")
    (tmp_path / "content" / "newspaper" / "e.md").write_text(
        "Title: ໜັງສືພິມ\nDate: 2024-03-01\nLang: lo\nSlug: e-7\nCategory: newspaper\nEdition: 7\n"
        "Pages: images/newspaper/7-1.png, images/newspaper/7-2.png\n\nສະບັບ.\n",
        encoding="utf-8",
    )
    return tmp_path / "content"


def test_scans_without_text_and_texts_older_than_their_scan_are_named_but_not_errors(tmp_path):
    content = scanned_edition(tmp_path)
    text = content / "images" / "newspaper" / "7-2.png.txt"
    text.write_text("ຂ່າວ\n", encoding="utf-8")
    os.utime(text, (1_000, 1_000))
    lines = []
    assert run(str(content), str(tmp_path / "out"), out=lines.append) == 0
    assert (
        "content/newspaper/e.md:7: images/newspaper/7-1.png has no text yet: `invoke ocr` reads it (not an error)"
        in lines
    )
    assert (
        "content/newspaper/e.md:7: images/newspaper/7-2.png has a text older than itself: `invoke ocr` reads it "
        "(not an error)" in lines
    )


def test_a_scans_text_that_is_not_utf8_stops_the_build_naming_it(tmp_path):
    content = scanned_edition(tmp_path)
    (content / "images" / "newspaper" / "7-1.png.txt").write_bytes("ລາວ".encode("utf-16"))
    lines = []
    assert run(str(content), str(tmp_path / "out"), out=lines.append) == 1
    assert (
        "content/newspaper/e.md:7: the text of Pages 'images/newspaper/7-1.png', 'images/newspaper/7-1.png.txt', "
        "not UTF-8 text (byte 0 cannot be read); save it as UTF-8" in lines
    )


def test_what_sanitising_drops_from_a_body_is_a_warning_with_its_line_and_the_page_is_built(tmp_path, caplog):
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "a.md").write_text(
        "Title: x\nDate: 2024-03-04\nLang: lo\nSlug: a\nCategory: news\n\nບົດ.\n\n"
        '<p onclick="alert(1)">ຄລິກ</p>\n\n[ລິ້ງ](javascript:alert(2))\n<script>alert(3)</script>\n',
        encoding="utf-8",
    )
    lines = []
    assert run(str(tmp_path / "content"), str(tmp_path / "out"), out=lines.append) == 0
    warnings = [line for line in lines if ": warning: " in line]
    assert warnings == [
        "content/news/a.md:9: warning: dropped onclick='alert(1)' from <p> (not an attribute a body may have)",
        "content/news/a.md:11: warning: dropped href='javascript:alert(2)' from <a> (a link must be http(s), "
        "mailto, tel or relative)",
        "content/news/a.md:12: warning: dropped <script> (not an element a body may have)",
    ]
    assert lines[-1] == "No errors."
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "dropped" in r.getMessage()] == [
        w.removeprefix("content/") for w in warnings
    ]
    page = (tmp_path / "out" / "news" / "a.html").read_text(encoding="utf-8")
    assert "ຄລິກ" in page and "alert" not in page
