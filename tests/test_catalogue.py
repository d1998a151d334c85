"""The back catalogue of `invoke bench --catalogue` (measure/catalogue.py), made tiny: every kind written as the
schema wants it, the PDFs with a text layer in the fonts asked, the pictures at their sizes, the whole built by the
project's settings, and a second call reusing what the first made; the variant (--variant) never taken for it."""

import json
import os
import shutil

import pypdfium2
import pytest
from PIL import Image

from measure import catalogue
from measure.catalogue import (
    COVER_SIZE,
    SCAN_SIZE,
    VARIANT_SCAN_SIZE,
    Size,
    enlarge_scan,
    generate,
    key_of,
    make_room,
)
from measure.generate import pairs_from_content
from tests.fixture_site import ROOT
from tools.build import build

TINY = Size(
    news=3, reports=2, issues=1, editions=2, issue_pages=(2, 2), edition_pages=2, issue_page_sentences=3,
    edition_page_sentences=2,
)  # fmt: skip


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("catalogue"))
    said = []
    manifest = generate(
        folder, pairs_from_content(os.path.join(ROOT, "content")), TINY, seed=3, workers=1, say=said.append
    )
    return folder, manifest, said


def test_every_kind_is_written_in_both_languages(made):
    folder, _manifest, _said = made
    content = os.path.join(folder, "content")
    for kind, slugs in (
        ("news", ["news/000/news-00000", "news/000/news-00002"]),
        ("reports", ["reports/report-0001"]),
        ("magazine", ["magazine/journal-001"]),
        ("newspaper", ["newspaper/edition-201", "newspaper/edition-202"]),
    ):
        for slug in slugs:
            for lang in ("lo", "en"):
                with open(os.path.join(content, f"{slug}.{lang}.md"), encoding="utf-8") as f:
                    text = f.read()
                assert f"Category: {kind}" in text and f"Lang: {lang}" in text
                assert ("Translation: true" in text) == (lang == "en")


def test_pdfs_have_lao_text_in_the_fonts_asked_and_pictures_their_sizes(made):
    folder, manifest, _said = made
    content = os.path.join(folder, "content")
    assert {pdf["font"] for pdf in manifest["pdfs"].values()} == {"Phetsarath OT", "Noto Sans Lao", "Noto Serif Lao"}
    for slug, pdf in manifest["pdfs"].items():
        path = os.path.join(content, pdf["path"])
        with open(path, "rb") as f:
            assert pdf["font"].replace(" ", "").encode() in f.read(), slug  # the font embedded by name
        document = pypdfium2.PdfDocument(path)
        assert pdf["pages_planned"] == 2 and len(document) == pdf["pages"] >= 2
        assert any("\u0e80" <= c <= "\u0eff" for c in document[0].get_textpage().get_text_range()), slug
        document.close()
    with Image.open(os.path.join(content, "images", "magazine", "journal-001.jpg")) as cover:
        assert (cover.format, cover.size) == ("JPEG", COVER_SIZE)
    with Image.open(os.path.join(content, "images", "newspaper", "edition-202-2.jpg")) as scan:
        assert (scan.format, scan.size) == ("JPEG", SCAN_SIZE)
        assert len(scan.convert("L").getcolors(256)) > 100  # a photograph's greys, not a few flat colours


def test_the_catalogue_builds_and_is_reused(made, tmp_path):
    folder, manifest, _said = made
    site = build(os.path.join(folder, "content"), str(tmp_path / "site"))
    for page in ("magazine/journal-001.html", "en/newspaper/edition-202.html", "reports/report-0000.html"):
        assert os.path.isfile(os.path.join(site, page)), page
    said = []
    again = generate(folder, pairs_from_content(os.path.join(ROOT, "content")), TINY, seed=3, say=said.append)
    assert again == manifest and said == [f"Catalogue: reusing {folder} (version 2, seed 3)"]


def test_the_variant_is_never_taken_for_the_catalogue_nor_the_catalogue_for_it(made, tmp_path):
    folder, manifest, _said = made
    assert "variant" not in manifest["key"]  # the catalogue's key as before: a kept one is reused
    assert key_of(TINY, 3, variant=True) == {
        **manifest["key"],
        "variant": "issues by LibreOffice Writer, scans at 1654x2339",
    }
    scan = os.path.join(folder, "content", "images", "newspaper", "edition-202-2.jpg")
    larger = str(tmp_path / "scan.jpg")
    shutil.copyfile(scan, larger)
    enlarge_scan(larger)
    with Image.open(larger) as page:
        assert (page.format, page.size) == ("JPEG", VARIANT_SCAN_SIZE)


def test_a_folder_is_emptied_of_another_catalogue_before_one_is_made_in_it(tmp_path):
    # make_media keeps a file already there (an unfinished run goes on): one of another catalogue must not be kept
    folder, content = str(tmp_path), tmp_path / "content"
    content.mkdir()
    (content / "left.md").write_text("from a run before this rule")
    make_room(folder, {"seed": 1})
    assert not content.exists()  # no record of what it was made for
    assert json.loads((tmp_path / "making.json").read_text()) == {"seed": 1}
    content.mkdir()
    (content / "half.md").write_text("an unfinished run of the same")
    make_room(folder, {"seed": 1})
    assert (content / "half.md").exists()
    make_room(folder, {"seed": 1, "variant": "another"})
    assert not content.exists()


def test_the_catalogue_made_where_the_variant_was_is_the_catalogue(tmp_path, monkeypatch):
    pdf = os.path.join(ROOT, "tests", "fixtures", "pdf", "noto-serif-lao-libreoffice.pdf")

    def printed(pages, path, font):  # LibreOffice's part, without LibreOffice: a PDF it printed
        shutil.copyfile(pdf, path)

    monkeypatch.setattr(catalogue, "libreoffice", printed)
    monkeypatch.setattr(catalogue, "soffice", lambda: "/usr/bin/soffice")
    folder = str(tmp_path / "catalogue")
    pairs = pairs_from_content(os.path.join(ROOT, "content"))
    scan = os.path.join(folder, "content", "images", "newspaper", "edition-202-2.jpg")
    issue = os.path.join(folder, "content", "files", "magazine", "journal-001.pdf")
    made = generate(folder, pairs, TINY, seed=3, workers=1, say=lambda _: None, variant=True)
    assert made["pdfs"]["journal-001"]["font"].endswith("(LibreOffice)")
    with open(issue, "rb") as f, open(pdf, "rb") as printed_one:
        assert f.read() == printed_one.read()
    with Image.open(scan) as page:
        assert page.size == VARIANT_SCAN_SIZE
    again = generate(folder, pairs, TINY, seed=3, workers=1, say=lambda _: None)
    assert "variant" not in again["key"] and not again["pdfs"]["journal-001"]["font"].endswith("(LibreOffice)")
    with open(issue, "rb") as f, open(pdf, "rb") as printed_one:
        assert f.read() != printed_one.read()  # printed again, by Chromium
    with Image.open(scan) as page:
        assert page.size == SCAN_SIZE
