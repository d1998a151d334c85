"""The text read by machine from a scan or an image-only PDF, kept beside it as plain UTF-8 (archive.machinetext)."""

import os

import pytest

from archive import machinetext


def test_a_scans_text_is_kept_beside_it_with_txt_after_its_name():
    assert machinetext.text_path("images/newspaper/345-1.jpg") == "images/newspaper/345-1.jpg.txt"
    assert machinetext.is_scan("images/newspaper/345-1.JPG") and machinetext.is_scan("a/b.tiff")
    assert not machinetext.is_scan("images/newspaper/345-1.svg")  # drawn, not scanned
    assert not machinetext.is_scan("files/magazine/issue-3.pdf")


def test_a_scans_text_is_one_page_written_and_read_back(tmp_path):
    path = tmp_path / "345-1.jpg.txt"
    machinetext.write_pages(str(path), ["ຂ່າວເຕັກໂນໂລຊີ\nລະບົບ 5G"])
    assert path.read_text(encoding="utf-8") == "ຂ່າວເຕັກໂນໂລຊີ\nລະບົບ 5G\n"  # a text file an editor can open
    assert machinetext.read_pages(str(path)) == ["ຂ່າວເຕັກໂນໂລຊີ\nລະບົບ 5G\n"]
    assert not os.path.exists(f"{path}.partial")


def test_a_pdfs_text_is_its_pages_each_ended_by_a_form_feed_a_typed_page_left_empty(tmp_path):
    path = tmp_path / "issue-3.pdf.txt"
    machinetext.write_pages(str(path), ["ໜ້າທຳອິດ", "", "ໜ້າທີສາມ"])
    assert path.read_text(encoding="utf-8") == "ໜ້າທຳອິດ\n\f\n\fໜ້າທີສາມ\n\f"
    assert [page.strip() for page in machinetext.read_pages(str(path))] == ["ໜ້າທຳອິດ", "", "ໜ້າທີສາມ"]


def test_an_editors_text_in_windows_line_endings_or_with_a_bom_reads_as_any(tmp_path):
    path = tmp_path / "x.jpg.txt"
    path.write_bytes("\ufeffແຖວໜຶ່ງ\r\nແຖວສອງ\r\n".encode())
    assert machinetext.read_pages(str(path)) == ["ແຖວໜຶ່ງ\nແຖວສອງ\n"]


def test_no_text_yet_is_none(tmp_path):
    assert machinetext.read_pages(str(tmp_path / "none.jpg.txt")) is None


@pytest.mark.parametrize(
    ("data", "why"),
    [(b"\xff\xfeabc", "not UTF-8 text (byte 0"), ("ລາວ\0".encode(), "NUL")],
)
def test_a_text_that_is_no_utf8_text_says_why(tmp_path, data, why):
    path = tmp_path / "x.jpg.txt"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=why.replace("(", r"\(")):
        machinetext.read_pages(str(path))


def test_a_text_older_than_its_scan_is_told(tmp_path):
    scan = tmp_path / "345-1.jpg"
    scan.write_bytes(b"scan")
    assert not machinetext.is_older(str(scan))  # no text at all
    text = tmp_path / "345-1.jpg.txt"
    text.write_text("ລາວ", encoding="utf-8")
    os.utime(text, (1_000, 1_000))
    assert machinetext.is_older(str(scan))
    os.utime(text, (4_000_000_000, 4_000_000_000))
    assert not machinetext.is_older(str(scan))
