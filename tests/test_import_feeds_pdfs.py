"""`invoke import --feed` and `--pdfs`, and the round trip: import, build, and the search finds what came in."""

import os
import subprocess
import sys

import pytest
from PIL import Image

from tests import import_sources as sources
from tests.fixture_site import ROOT, build
from tests.import_sources import (
    ATOM,
    RSS,
    make_pdf,
    markdown_files,
    meta,
    picture,
    run_import,
    tree,
)
from tools.importer import main
from tools.importer.pdfs import from_name

old_site = pytest.fixture(sources.old_site, name="old_site")
back_issues = pytest.fixture(sources.back_issues, name="back_issues")


def import_magazines(back_issues, lines):
    """`invoke import --pdfs … --kind magazine --csv meta.csv` of the back issues' folder; its exit status."""
    return main(
        pdfs=str(back_issues / "pdfs"),
        kinds=["magazine"],
        csv=str(back_issues / "meta.csv"),
        content=str(back_issues / "content"),
        out=lines.append,
    )


# --- feeds ---------------------------------------------------------------------------------------------------------


def test_a_feed_imports_each_entry_with_its_full_text(tmp_path):
    picture(str(tmp_path / "uploads/2024/09/dish.png"), "white")
    (tmp_path / "rss.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "atom.xml").write_text(ATOM, encoding="utf-8")
    content = tmp_path / "content"
    for feed in ("rss.xml", "atom.xml"):
        lines = []
        status = main(
            feed=str(tmp_path / feed), uploads=str(tmp_path / "uploads"), content=str(content), out=lines.append
        )
        assert status == 0, lines
    files = markdown_files(content)
    assert sorted(files) == ["news/satellite-link.lo.md", "news/spectrum-auction.en.md"]
    lo = files["news/satellite-link.lo.md"]
    assert meta(lo)["Date"] == "2024-09-03 01:30"  # feedparser gives UTC
    assert meta(lo)["Author"] == "ສລດ" and meta(lo)["Tags"] == "ວິທະຍາສາດ"
    assert "ສະຖານີ ພາກພື້ນດິນ ຮັບສັນຍານ ດາວທຽມ ໄດ້ຊັດເຈນ." in lo
    assert "![ຈານ]({static}/images/dish.png)" in lo and "script" not in lo and "x()" not in lo
    en = files["news/spectrum-auction.en.md"]
    assert "Three operators won licences in the auction." in en and meta(en)["Summary"] == "Short."


def test_a_file_that_is_no_feed_is_one_line(tmp_path):
    (tmp_path / "feed.xml").write_text("this is not a feed < at all", encoding="utf-8")
    lines = []
    assert main(feed=str(tmp_path / "feed.xml"), content=str(tmp_path / "c"), out=lines.append) == 1
    assert lines[0].startswith(f"import: {tmp_path / 'feed.xml'}: not a"), lines


# --- PDFs -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "number", "date"),
    [
        ("edition-345-2026-03-05.pdf", "345", "2026-03-05"),
        ("ict-journal-14-2026-06.pdf", "14", "2026-06"),
        ("2025_07_issue_009.pdf", "9", "2025-07"),
        ("newspaper 12 20240105.pdf", "12", "2024-01-05"),
        ("scan.pdf", None, None),
    ],
)
def test_number_and_date_from_a_file_name(name, number, date):
    assert from_name(name)[:2] == (number, date)


def test_a_folder_of_pdfs_is_one_item_each_with_a_cover_drawn_from_its_first_page(back_issues):
    (back_issues / "meta.csv").write_text(
        "file,number,date,title,title_en,summary\n"
        "ict-journal-15-2026-09.pdf,15,2026-09-15,ວາລະສານ ສະບັບພິເສດ,ICT Journal special issue,ລະຫັດໄປສະນີ\n",
        encoding="utf-8",
    )
    lines = []
    status = import_magazines(back_issues, lines)
    assert status == 0, lines
    files = tree(back_issues / "content")
    assert sorted(files) == [
        "files/magazine/ict-journal-14-2026-06.pdf",
        "files/magazine/ict-journal-15-2026-09.pdf",
        "images/magazine/ict-journal-14-2026-06.jpg",
        "images/magazine/ict-journal-15-2026-09.jpg",
        "magazine/ict-journal-14.lo.md",
        "magazine/ict-journal-15.en.md",
        "magazine/ict-journal-15.lo.md",
    ]
    fourteen = meta(files["magazine/ict-journal-14.lo.md"].decode())
    assert fourteen == {
        "Title": "ວາລະສານ ໄອຊີທີ ສະບັບທີ 14",
        "Date": "2026-06-01",
        "Lang": "lo",
        "Slug": "ict-journal-14",
        "Category": "magazine",
        "Cover": "images/magazine/ict-journal-14-2026-06.jpg",
        "Issue": "14",
        "Month": "2026-06",
        "PDF": "files/magazine/ict-journal-14-2026-06.pdf",
    }
    fifteen = meta(files["magazine/ict-journal-15.en.md"].decode())
    assert (fifteen["Title"], fifteen["Date"], fifteen["Translation"]) == (
        "ICT Journal special issue",
        "2026-09-15",
        "true",
    )
    cover = Image.open(back_issues / "content" / "images/magazine/ict-journal-14-2026-06.jpg")
    assert cover.format == "JPEG" and cover.width == 1200 and cover.height > cover.width
    lines.clear()
    assert import_magazines(back_issues, lines) == 0
    assert (
        tree(back_issues / "content") == files
        and "  unchanged: 2 item(s), in content/ as this import writes them" in lines
    )


def test_newspaper_pdfs_need_no_cover_and_a_pdf_without_number_stops_the_import(back_issues):
    make_pdf(str(back_issues / "pdfs" / "front-page.pdf"), ["No number here"])
    lines = []
    args = {"pdfs": str(back_issues / "pdfs"), "kinds": ["newspaper"], "content": str(back_issues / "content")}
    assert main(out=lines.append, **args) == 1
    assert "front-page.pdf: no Edition number: put it in the file's name or the CSV" in "\n".join(lines)
    assert tree(back_issues / "content") == {}
    (back_issues / "pdfs" / "front-page.pdf").unlink()
    assert main(out=lines.append, **args) == 0
    edition = meta(tree(back_issues / "content")["newspaper/ict-journal-14.lo.md"].decode())
    assert (edition["Edition"], edition["PDF"], "Cover" in edition) == (
        "14",
        "files/newspaper/ict-journal-14-2026-06.pdf",
        False,
    )


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        ("name,number\nx.pdf,1\n", "the first line must name the columns, one of them `file`"),
        ("file,number\n,1\n", ":2: the row names no file"),
        ("file,number\nmissing.pdf,3\n", "names 'missing.pdf', which is not a PDF in"),
        ("file,number\nict-journal-14-2026-06.pdf,xiv\n", "the number 'xiv' of "),
    ],
)
def test_a_bad_csv_is_named(back_issues, csv, message):
    (back_issues / "meta.csv").write_text(csv, encoding="utf-8")
    lines = []
    status = import_magazines(back_issues, lines)
    assert status == 1
    assert message in "\n".join(lines) and "meta.csv" in "\n".join(lines)
    assert tree(back_issues / "content") == {}


# --- the round trip: import, build, search ----------------------------------------------------------------------------


def test_what_was_imported_builds_and_the_search_finds_it(old_site, back_issues):
    from tests.test_pdf_search import found

    content = str(old_site / "content")
    assert run_import(old_site)[0] == 0
    (old_site / "rss.xml").write_text(RSS.replace("dish-1024x683.png", "dish.png"), encoding="utf-8")
    picture(str(old_site / "uploads/2024/09/dish.png"), "white")
    lines = []
    assert (
        main(feed=str(old_site / "rss.xml"), uploads=str(old_site / "uploads"), content=content, out=lines.append) == 0
    )
    assert main(pdfs=str(back_issues / "pdfs"), kinds=["magazine"], content=content, out=lines.append) == 0, lines
    site = build(content, str(old_site / "output"))
    page = (old_site / "output" / "en/news/fibre-backbone-plan.html").read_text(encoding="utf-8")
    assert "wp-content" not in page and "[caption" not in page and "<!-- wp:" not in page
    assert 'src="../../images/bridge.jpg"' in page
    lo = found(site, "", ["ແຜນແມ່ບົດ", "ສັນຍານ ດາວທຽມ", "ໂທລະສັບມືຖື"])
    assert lo["ແຜນແມ່ບົດ"][:1] == ["news/fibre-backbone-plan.html"]
    assert lo["ສັນຍານ ດາວທຽມ"][:1] == ["news/satellite-link.html"]
    assert lo["ໂທລະສັບມືຖື"][:1] == ["news/village-phones.html"]
    en = found(site, "en", ["backbone", "downlink", "cloud servers"])
    assert en["backbone"][:1] == ["news/fibre-backbone-plan.html"]
    assert en["downlink"] == [] and found(site, "", ["downlink"])["downlink"][:1] == ["magazine/ict-journal-14.html"]
    assert en["cloud servers"][:1] == ["reports/cloud-workshop.html"]


def test_invoke_import_runs_from_the_command_line(old_site):
    result = subprocess.run(
        [
            os.path.join(os.path.dirname(sys.executable), "invoke"),
            "import",
            "--wordpress",
            str(old_site / "export.xml"),
            "--uploads",
            str(old_site / "uploads"),
            "--kind",
            "workshops=reports",
            "--content",
            str(old_site / "content"),
            "--dry-run",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would write content/news/fibre-backbone-plan.lo.md (new)" in result.stdout
    assert tree(old_site / "content") == {}
