"""Text read by machine from page scans and image-only PDFs (`invoke ocr`) is searched as the edition's own: a field of
its own, weighed less than typed text; a match links to the page it is on, its scan or its page of the PDF."""

from dataclasses import replace

from lao_search.bm25 import FIELDS
from lao_search.documents import Analyzer, MachineText, Pdf, Source
from lao_search.index import order, search_files
from tests.test_size_limits import search, write

SCANS = ("images/newspaper/7-1.jpg", "images/newspaper/7-2.jpg")
EDITION = Source(
    url="newspaper/edition-7.html",
    title="ໜັງສືພິມ ສະບັບເລກທີ 7",
    kind="newspaper",
    date="2024-03-01",
    date_text="",
    body_html="<p>ສະບັບນີ້ມີແປດໜ້າ.</p>",
    lang="lo",
)
# What Tesseract read on each page (written for this test).
READ = {
    "7-1.jpg.txt": ["ຂ່າວເຕັກໂນໂລຊີ ປະຈຳອາທິດ\nກະຊວງ ເປີດລະບົບ 5G"],
    "7-2.jpg.txt": ["ນັກຮຽນ ໂຮງຮຽນມັດທະຍົມ ຮຽນຂຽນໂປຣແກຣມ ຊ້າງເຜືອກ"],
    "issue.pdf.txt": ["", "ໜ້າທີສອງ ອ່ານດ້ວຍເຄື່ອງ ຊ້າງເຜືອກ"],
}


def reader(path):
    return READ.get(path.rsplit("/", 1)[-1])


def scanned(edition=EDITION):
    return replace(
        edition,
        scans=tuple((f"../{scan}", MachineText(f"/content/{scan}.txt", 10, 1)) for scan in SCANS),
    )


def test_the_text_of_page_scans_is_the_editions_printed_pages_read_by_machine():
    document = Analyzer(read_machine=reader).document(scanned())
    assert document.scan_urls == tuple(f"../{scan}" for scan in SCANS)
    assert document.machine_read == (1, 2)
    assert document.pdf_url == ""
    assert "ຊ້າງເຜືອກ" in document.text.split("\n")[-1]  # after the body, page by page
    names = [name for name, _boost in FIELDS]
    scan_terms, _count = document.fields[names.index("scan")]
    assert scan_terms["ຊ້າງເຜືອກ"] == 1
    assert document.fields[names.index("pdf")] == ({}, 0)


def test_a_pdfs_pages_without_text_layer_take_their_text_read_by_machine_the_typed_ones_keep_theirs(tmp_path):
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    analyzer = Analyzer(read_pdf=lambda path: ["ໜ້າທຳອິດ ພິມດ້ວຍມື", ""], read_machine=reader)
    source = replace(
        EDITION, pdf=Pdf.at(str(pdf)), pdf_url="../files/issue.pdf", pdf_text=MachineText("/c/issue.pdf.txt", 5, 1)
    )
    document = analyzer.document(source)
    assert document.machine_read == (2,)  # page 1 has a text layer
    assert document.pdf_url == "../files/issue.pdf" and document.scan_urls == ()
    names = [name for name, _boost in FIELDS]
    assert "ທຳອິດ" in document.fields[names.index("pdf")][0] and "ທຳອິດ" not in document.fields[names.index("scan")][0]
    assert "ຊ້າງເຜືອກ" in document.fields[names.index("scan")][0]


def test_without_text_read_yet_a_scanned_edition_has_no_printed_pages():
    document = Analyzer(read_machine=lambda path: None).document(scanned())
    assert (document.scan_urls, document.machine_read, document.pdf_pages) == ((), (), ())


def test_a_word_read_on_a_scan_finds_the_edition_and_links_to_that_pages_scan_ranked_after_typed_text(tmp_path):
    analyzer = Analyzer(read_machine=reader)
    edition = analyzer.document(scanned())
    typed = analyzer.document(
        replace(EDITION, url="news/elephant.html", title="ຂ່າວ", body_html="<p>ນັກຮຽນ ໂຮງຮຽນມັດທະຍົມ ຊ້າງເຜືອກ</p>")
    )
    other = analyzer.document(replace(EDITION, url="news/other.html", title="ອື່ນ", body_html="<p>ລາວ</p>"))
    data = tmp_path / "search-data"
    write(data, search_files("lo", order([edition, typed, other]), analyzer.pieces))
    found = search(data, "ຊ້າງເຜືອກ")
    assert found["urls"] == ["news/elephant.html", "newspaper/edition-7.html"]  # the typed text first
    assert found["pages"] == [0, 2]
    shown = found["prints"][1]
    assert (shown["scans"], shown["read"]) == ([f"../{scan}" for scan in SCANS], [1, 2])  # the page's link, its note
