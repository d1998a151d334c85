"""`invoke ocr` (tools/ocr.py): which pages it reads, where it keeps their text, what it never touches, and that
Tesseract's Lao model reads a page the test prints."""

import json
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from archive import machinetext
from tools import ocr

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
EDITION = """Title: ໜັງສືພິມ ສະບັບເລກທີ 7
Date: 2024-03-01
Lang: lo
Slug: edition-7
Category: newspaper
Edition: 7
Pages: images/newspaper/7-1.png, images/newspaper/7-2.png
{pdf}
ສະບັບນີ້.
"""
ISSUE = """Title: ວາລະສານ
Date: 2024-03-01
Lang: lo
Slug: i-7
Category: magazine
Issue: 7
Month: 2024-03
Cover: images/magazine/cover.png
PDF: files/{pdf}

ບົດ.
"""


def blank(path, size=(62, 88)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", size, 240).save(path)


def content_with(tmp_path, edition_pdf=None, issue_pdf="scan.pdf"):
    """A content folder: an edition of two page scans (and a PDF, when named), and an issue whose PDF is
    ``issue_pdf`` (from tests/fixtures/pdf) with a cover, which is no page and is never read."""
    content = tmp_path / "content"
    (content / "newspaper").mkdir(parents=True)
    (content / "magazine").mkdir()
    (content / "files").mkdir()
    for page in (1, 2):
        blank(content / "images" / "newspaper" / f"7-{page}.png")
    blank(content / "images" / "magazine" / "cover.png")
    pdf_line = f"PDF: files/{edition_pdf}\n" if edition_pdf else ""
    (content / "newspaper" / "edition-7.lo.md").write_text(EDITION.format(pdf=pdf_line), encoding="utf-8")
    (content / "magazine" / "i-7.lo.md").write_text(ISSUE.format(pdf=issue_pdf), encoding="utf-8")
    for name in {edition_pdf, issue_pdf} - {None}:
        shutil.copy(FIXTURES / name, content / "files" / name)
    return content


def planned(content, **options):
    todo, notes = ocr.plan(str(content), **options)
    return {text: [(page.source, page.number) for page in pages] for text, (pages, _count) in todo.items()}, notes


def test_every_page_scan_and_every_pdf_page_without_text_is_read_not_a_cover(tmp_path):
    content = content_with(tmp_path)
    todo, notes = planned(content)
    assert todo == {
        "files/scan.pdf.txt": [("files/scan.pdf", 1)],
        "images/newspaper/7-1.png.txt": [("images/newspaper/7-1.png", 0)],
        "images/newspaper/7-2.png.txt": [("images/newspaper/7-2.png", 0)],
    }
    assert notes == []


def test_a_pdf_with_a_text_layer_is_not_read_nor_the_scans_of_its_edition(tmp_path):
    content = content_with(tmp_path, edition_pdf="lao-news.pdf", issue_pdf="lao-news.pdf")
    todo, notes = planned(content)
    assert todo == {}
    assert notes == [
        f"images/newspaper/7-{n}.png: skipped, the text of its item's PDF files/lao-news.pdf is typed" for n in (1, 2)
    ]


def read_by_size(image):
    """Tesseract's place taken by a reader that says which image it read (module-level: the pages are read in
    other processes)."""
    return f"ອ່ານ {image.width}×{image.height}"


def test_the_text_of_each_page_is_written_beside_it_and_recorded(tmp_path):
    content = content_with(tmp_path)
    said = []
    assert ocr.run(str(content), workers=2, say=said.append, recognise=read_by_size) == 0
    scan_text = (content / "images" / "newspaper" / "7-1.png.txt").read_text(encoding="utf-8")
    assert scan_text.startswith("ອ່ານ ") and scan_text.endswith("\n")
    assert machinetext.read_pages(str(content / "files" / "scan.pdf.txt"))[0].startswith("ອ່ານ ")
    record = json.loads((content / ocr.RECORD).read_text(encoding="utf-8"))
    assert sorted(record) == ["files/scan.pdf.txt", "images/newspaper/7-1.png.txt", "images/newspaper/7-2.png.txt"]
    assert said[0] == "OCR: 3 page(s) of 3 file(s), 2 at a time (Tesseract lao+eng) …"
    assert said[-1].startswith("OCR: 3/3 pages")
    # a second run has nothing to do
    said.clear()
    assert ocr.run(str(content), say=said.append, recognise=read_by_size) == 0
    assert said == ["OCR: every scan and image-only PDF page has its text."]


def test_force_reads_again_what_ocr_wrote_a_replaced_scan_is_read_again(tmp_path):
    content = content_with(tmp_path)
    ocr.run(str(content), say=lambda line: None, recognise=read_by_size)
    assert planned(content)[0] == {}
    assert len(planned(content, force=True)[0]) == 3
    scan = content / "images" / "newspaper" / "7-2.png"
    os.utime(scan.with_name("7-2.png.txt"), (1_000, 1_000))  # the scan is newer than its text
    assert list(planned(content)[0]) == ["images/newspaper/7-2.png.txt"]


def test_a_text_an_editor_changed_is_never_replaced_unless_asked(tmp_path):
    content = content_with(tmp_path)
    ocr.run(str(content), say=lambda line: None, recognise=read_by_size)
    text = content / "images" / "newspaper" / "7-1.png.txt"
    text.write_text("ຂໍ້ຄວາມທີ່ບັນນາທິການແກ້ໄຂ\n", encoding="utf-8")  # corrected by an editor
    os.utime(text, (1_000, 1_000))  # and older than the scan
    todo, notes = planned(content, force=True)
    assert "images/newspaper/7-1.png.txt" not in todo
    assert notes == [
        "images/newspaper/7-1.png.txt: older than images/newspaper/7-1.png, kept: an editor changed it "
        "(--replace-edited)"
    ]
    assert ocr.run(str(content), force=True, say=lambda line: None, recognise=read_by_size) == 0
    assert text.read_text(encoding="utf-8") == "ຂໍ້ຄວາມທີ່ບັນນາທິການແກ້ໄຂ\n"
    assert "images/newspaper/7-1.png.txt" in planned(content, replace_edited=True)[0]


def test_a_record_that_cannot_be_read_stops_the_run_saying_what_to_do(tmp_path):
    content = content_with(tmp_path)
    (content / ocr.RECORD).write_text("{not json", encoding="utf-8")
    with pytest.raises(ocr.OcrError, match=r"cannot be read .*: restore it from git, or delete it"):
        ocr.run(str(content), say=lambda line: None, recognise=read_by_size)


def test_a_text_an_editor_wrote_before_any_ocr_is_theirs(tmp_path):
    content = content_with(tmp_path)
    (content / "images" / "newspaper" / "7-1.png.txt").write_text("ພິມເອງ\n", encoding="utf-8")
    assert "images/newspaper/7-1.png.txt" not in planned(content, force=True)[0]


def test_a_page_that_cannot_be_read_is_named_and_its_text_not_written(tmp_path):
    content = content_with(tmp_path)
    (content / "images" / "newspaper" / "7-2.png").write_bytes(b"not a picture")
    said = []
    assert ocr.run(str(content), say=said.append, recognise=read_by_size) == 1
    assert any(line.startswith("content/images/newspaper/7-2.png: cannot be read as an image: ") for line in said)
    assert not (content / "images" / "newspaper" / "7-2.png.txt").exists()
    assert (content / "images" / "newspaper" / "7-1.png.txt").exists()


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື ່ສານ", "ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"),  # a space inside a syllable
        ("ນັກຮຽນໄດ້ເຂົ້າ\nຮຽນອອນລາຍ", "ນັກຮຽນໄດ້ເຂົ້າຮຽນອອນລາຍ"),  # Lao wraps without a space: one word again
        ("ລະບົບ 5G\nໃນແຂວງ", "ລະບົບ 5G\nໃນແຂວງ"),  # after a digit or a Latin letter the line stays
        ("ໜ້າ 1  \n\n\n\nໜ້າ 2\f", "ໜ້າ 1\n\nໜ້າ 2"),
    ],
)
def test_tesseracts_text_is_tidied_as_lao_is_written(raw, kept):
    assert ocr.tidy(raw) == kept


def page_of_lines(body, gap):
    """Two columns of lines of bars ``body`` pixels high, ``gap`` apart, the second column half a line lower."""
    image = Image.new("L", (1000, 1400), 250)
    draw = ImageDraw.Draw(image)
    for column, offset in ((60, 0), (540, (body + gap) // 2)):
        for y in range(80 + offset, 1300, body + gap):
            for x in range(column, column + 400, 60):
                draw.rectangle((x, y, x + 45, y + body - 1), fill=30)
    return image


@pytest.mark.parametrize(("body", "scale"), [(10, 1.3), (13, 1.0), (12, 1.0), (24, 13 / 24), (5, 2.5), (60, 0.4)])
def test_a_scan_is_scaled_to_bring_its_lines_to_the_height_tesseract_reads_best(body, scale):
    page = page_of_lines(body, gap=body)
    assert ocr.text_height(page) == body
    assert ocr.scale_of(page) == pytest.approx(scale)  # within MOST_SCALE either way, 1 when near


def test_a_page_without_text_is_not_scaled():
    assert ocr.text_height(Image.new("L", (600, 800), 250)) is None
    assert ocr.scale_of(Image.new("L", (600, 800), 250)) == 1


def lines_image(angle):
    """Black lines of text-like bars on white, turned by ``angle`` degrees."""
    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 1500, 40):
        for x in range(100, 1100, 90):
            draw.rectangle((x, y, x + 70, y + 14), fill=0)
    return image.rotate(angle, fillcolor=255)


@pytest.mark.parametrize("angle", [-2.0, 0.0, 1.4])
def test_the_tilt_of_lines_of_text_is_found_and_undone(angle):
    assert ocr.skew_of(lines_image(angle)) == pytest.approx(-angle, abs=0.25)


def lao_font():
    for path in (
        "/usr/share/fonts/truetype/lao/Phetsarath_OT.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf",
    ):
        if os.path.exists(path):
            return path
    pytest.fail("no Lao font: `make test` installs fonts-lao (Phetsarath OT)")


# Words written for this test, printed in Phetsarath OT on a small page as a 150-dpi scan shows 11-point text.
WORDS = ["ກະຊວງ", "ເຕັກໂນໂລຊີ", "ການສື່ສານ", "ໜັງສືພິມ", "ອິນເຕີເນັດ", "ໂຮງຮຽນ", "ວິທະຍາສາດ", "ປະເທດລາວ"]
WORDS += ["ຫ້ອງສະໝຸດ", "ນັກສຶກສາ", "ຄອມພິວເຕີ", "ໂທລະສັບ", "ເສດຖະກິດ", "ກະສິກຳ", "ສາທາລະນະສຸກ", "ແຂວງ"]


def test_tesseract_reads_most_lao_words_of_a_printed_page(tmp_path):
    """Runs Tesseract (installed by `make test`) on one small page: a few seconds."""
    try:
        ocr.check_tesseract()
    except ocr.OcrUnavailable as error:
        pytest.fail(f"{error} (`make test` installs it)")
    font = ImageFont.truetype(lao_font(), 24, layout_engine=ImageFont.Layout.RAQM)
    page = Image.new("L", (1240, 600), 245)
    draw = ImageDraw.Draw(page)
    for i in range(0, len(WORDS), 4):
        draw.text((80, 80 + i * 12), " ".join([*WORDS[i : i + 4], "2024"]), font=font, fill=20)
    scan = tmp_path / "page.png"
    page.rotate(0.8, fillcolor=245).save(scan)
    _page, text, problem = ocr.read_page(str(tmp_path), ocr.Page("page.png"))
    assert problem is None
    found = [word for word in WORDS if word in text.replace(" ", "")]
    assert len(found) >= 0.75 * len(WORDS), text
    assert "2024" in text
