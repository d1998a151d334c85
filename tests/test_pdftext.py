"""The text layer of a PDF, page by page: what the search indexes of a magazine issue or a newspaper edition.

The fixtures in tests/fixtures/pdf/ are made by `.venv/bin/python -m measure.pdf_measure --fixtures`: lao-news.pdf
is measure.pdf_measure.FIXTURE_PAGES printed by Chromium in the site's Noto Sans Lao, <font>-<producer>.pdf
FONT_FIXTURE_PAGES in each system font from Chromium and LibreOffice (the fonts are embedded: the tests need none
installed), scan.pdf a picture of lao-news.pdf's first page and no text, locked.pdf a blank page behind a password.
Those in tests/fixtures/pdf/producers/ are a page of its pages.json each from other producers (fpdf2, Cairo, Typst,
wkhtmltopdf, LuaLaTeX, XeLaTeX, Tesseract's text layer), made by its make/make.sh.
"""

import ctypes
import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from lao_search import pdftext
from lao_search.pdftext import _LAO, PdfUnreadable, _Chars, has_text_layer, page_texts, repair, whole_characters
from measure.pdf_measure import (
    FIXTURE_PAGES,
    FONT_FIXTURE_PAGES,
    NEWSPAPER_FIXTURE,
    NEWSPAPER_FIXTURE_PAGES,
    _letters,
    breaks_wrong,
    cer,
    fixture_name,
    known_text,
    words_found,
)

PDFS = Path(__file__).parent / "fixtures" / "pdf"
NEWS = PDFS / "lao-news.pdf"


@pytest.mark.parametrize(
    "extracted, expected",
    [
        ("ຢູ່ໃນປ່ າ", "ຢູ່ໃນປ່າ"),  # before a vowel written after its consonant: າ
        ("ກ ະ", "ກະ"),  # ະ
        ("ກ ຳລັງ", "ກຳລັງ"),  # ຳ
        ("ຮ ຽນ", "ຮຽນ"),  # ຽ
        ("ນ ັກ", "ນັກ"),  # a vowel sign above
        ("ສ ຸດ", "ສຸດ"),  # ... or below
        ("ຫ ຼາຍ", "ຫຼາຍ"),  # the semivowel ລ
        ("ປ່ ຽນ", "ປ່ຽນ"),
        ("ຄົ\n້ນ", "ຄົ້ນ"),  # a line break before a tone mark
        ("ຂ  \t່າວ", "ຂ່າວ"),  # any run of whitespace
        ("ເ ກົ່າ", "ເກົ່າ"),  # between a leading vowel and its consonant
        ("ໄ\nຊເບີ", "ໄຊເບີ"),
        ("ລັ ງ", "ລັງ"),  # ັ never ends a syllable: its final consonant follows
        ("ຄົ້ ນ", "ຄົ້ນ"),  # nor does ົ, with a tone mark or without
        ("ນັ ກຄົ້ ນຄວ້ າ", "ນັກຄົ້ນຄວ້າ"),  # all at once
        ("ບ່ໍ", "ບໍ່"),  # a tone mark read before ໍ (a font's ligature of the two mapped tone first) goes after it
        ("ບ່ໍໄດ້ ຕ໋ໍ", "ບໍ່ໄດ້ ຕໍ໋"),
    ],
)
def test_repair_joins_what_an_extractor_split_inside_a_syllable(extracted, expected):
    assert repair(extracted) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ຢູ່ ໃນປ່າ",  # a space before a leading vowel may be a word boundary: kept
        "ເພື່ອ\nໃຫ້",  # a line break too
        "ພາສາ ທີ່",  # before a consonant, after a syllable that may end there
        "ນ້ຳ ແລະ ການ",
        "ນ້ໍາ",  # a tone mark before ໍ and າ: text.normalise makes it ນ້ຳ
        "ເລື້ອຍ ໆ",  # some write a space before ໆ on purpose
        "ເຄືອຂ່າຍ 5G ໄປ",
        "QR code  and\n  more",  # nothing but Lao is changed
        "",
    ],
)
def test_repair_keeps_spaces_that_may_be_word_boundaries(text):
    assert repair(text) == text


def test_page_texts_reads_each_page_as_printed():
    assert page_texts(NEWS) == [known_text(page) for page in FIXTURE_PAGES]


def test_page_texts_drops_the_spaces_pdfium_makes_up_inside_words():
    # Read as PDFium reads it, the fixture has "ກຳ ລັງ" and "ປຶ້ ມ" (measure/pdf_measure.py); no repair needed here.
    pages = page_texts(NEWS, repaired=False)
    assert "ກຳລັງ" in pages[0] and "ປຶ້ມເກົ່າ" in pages[0]
    assert pages == page_texts(NEWS)


FONTS = ["Phetsarath OT", "Noto Sans Lao", "Noto Serif Lao"]


@pytest.mark.parametrize(
    "font, producer",
    [
        *[(font, "chromium") for font in FONTS],
        ("Phetsarath OT", "libreoffice"),
        ("Noto Sans Lao", "libreoffice"),
        ("Noto Serif Lao", "libreoffice"),
    ],
)
def test_each_font_and_producer_reads_back_every_letter_once(font, producer):
    # Phetsarath OT from Chromium: PDFium gave each /ActualText span once per glyph (``ຄົນ`` as ``ຄົນຄົ``, 22.7% CER);
    # from LibreOffice: PDFium put each mark after the next letter (``ນັກຄົ້ນ`` as ``ນກຄັົນ``, 14% CER)
    pages = page_texts(PDFS / fixture_name(font, producer))
    known = [known_text(page) for page in FONT_FIXTURE_PAGES]
    assert len(pages) == len(known)
    for page, text in zip(known, pages, strict=True):
        assert cer(page, text) == 0
        assert words_found(page, text) == words_found(page, page)  # every Lao word inside one run, as a query is
        made_up, lost = breaks_wrong(page, text)
        assert made_up == 0  # no space inside a word, every wrapped Lao line joined to the next
        # lost: a line wrapped at a space the producer does not draw at the line's end (Chromium, LibreOffice in
        # Phetsarath OT) is joined with nothing
        assert lost <= 2


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])
def test_a_wrapped_lao_paragraph_is_one_line_and_paragraphs_stay_apart(font, producer):
    # the fixture's second page: three paragraphs of several lines each, each ending in Lao without a full stop
    heading, paragraphs = FONT_FIXTURE_PAGES[1]
    text = page_texts(PDFS / fixture_name(font, producer))[1]
    lines = text.split("\n")
    assert lines[0] == heading  # a larger size: not joined
    within = [_letters(paragraph) for paragraph in paragraphs]
    for line in lines[1:]:  # no line runs across two paragraphs: the breaks between them are kept
        assert any(_letters(line) in paragraph for paragraph in within), line
    # every wrap between two Lao letters is joined, with nothing: ``ຊາວກະສິກອນ...ສະພາບອາກາດ`` is one line
    assert "ສະພາບອາກາດ" in text and "ຊາວກະສິກອນນຳໃຊ້" in text
    lao_wraps = [k for k, line in enumerate(lines[1:-1], 1) if _LAO.match(line[-1:]) and _LAO.match(lines[k + 1][:1])]
    assert len(lao_wraps) == len(paragraphs) - 1  # only the ends of paragraphs


def test_a_long_pdf_keeps_a_text_per_page(tmp_path):
    # 300 pages: the news fixture's two, again and again (pypdfium2 copies pages; no font needed). How fast it is
    # read is a figure of measure/pdf_measure.py, not a test's: a timed test fails on a busy machine.
    source = pdfium.PdfDocument(NEWS)
    long = pdfium.PdfDocument.new()
    for _ in range(150):
        long.import_pages(source)
    long.save(tmp_path / "long.pdf")
    assert page_texts(tmp_path / "long.pdf") == [known_text(page) for page in FIXTURE_PAGES] * 150


@pytest.mark.parametrize("name", ["lao-news.pdf", "phetsarath-ot-chromium.pdf", "phetsarath-ot-libreoffice.pdf"])
def test_the_characters_read_without_pypdfium2s_checks_are_pypdfium2s(name):
    # pdftext calls PDFium without pypdfium2's conversion of arguments (for speed): the same answers
    document = pdfium.PdfDocument(PDFS / name)
    for page in document:
        textpage = page.get_textpage()
        chars = _Chars(textpage)
        count = textpage.count_chars()
        assert chars.text == "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
        objects = [pdfium_c.FPDFText_GetTextObject(textpage, i) for i in range(count)]
        assert chars.objects == [ctypes.cast(obj, ctypes.c_void_p).value for obj in objects]
        for i in range(count):
            left, bottom, right, top = textpage.get_charbox(i)
            assert chars.box(i) == (left, bottom, right, top)
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
            assert chars.baseline(i) == y.value
            matrix = pdfium_c.FS_MATRIX()
            assert pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            assert 0.75 <= scale <= 1  # Chromium's pixels drawn at 3/4, LibreOffice's points: the size set
            assert chars.size(i) == pdfium_c.FPDFText_GetFontSize(textpage, i)
            assert chars.generated(i) == (pdfium_c.FPDFText_IsGenerated(textpage, i) == 1)
        assert not chars.unmapped and all(pdfium_c.FPDFText_HasUnicodeMapError(textpage, i) == 0 for i in range(count))
        assert chars.extent(range(count)) == (
            min((textpage.get_charbox(i)[0] for i in range(count)), default=0.0),
            max((textpage.get_charbox(i)[2] for i in range(count)), default=0.0),
        )
        textpage.close()
        page.close()
    document.close()


def test_a_character_given_in_two_halves_is_one_and_a_lone_half_is_no_text():
    # PDFium gives a character beyond the BMP as two surrogates, and a damaged font's map may give one alone, which
    # no UTF-8 file can hold: the search data of such a page could not be written
    assert whole_characters("ກ\ud83d\ude00ຂ\ud800 ຄ\udc00") == "ກ😀ຂ ຄ"
    assert whole_characters("ລາວ 😀") == "ລາວ 😀"


def test_page_texts_accepts_a_path_as_a_string():
    assert page_texts(str(NEWS)) == page_texts(NEWS)


def test_a_printed_pdf_has_a_text_layer():
    assert has_text_layer(NEWS)


def test_a_scan_has_no_text_layer():
    assert page_texts(PDFS / "scan.pdf") == [""]
    assert not has_text_layer(PDFS / "scan.pdf")


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"%PDF-1.7\nnot really", "not a PDF, or damaged"),
        (b"<html>an issue</html>", "not a PDF, or damaged"),
        (b"", "not a PDF, or damaged"),
        (NEWS.read_bytes()[:2000], "not a PDF, or damaged"),  # cut short
        ((PDFS / "locked.pdf").read_bytes(), "it is protected by a password"),
    ],
)
def test_a_pdf_that_cannot_be_opened_says_why(tmp_path, content, reason):
    path = tmp_path / "issue.pdf"
    path.write_bytes(content)
    for read in (page_texts, has_text_layer):
        with pytest.raises(PdfUnreadable) as error:
            read(path)
        assert str(error.value) == reason  # the caller adds "file X: PDF cannot be opened: "


def test_a_missing_file_cannot_be_opened(tmp_path):
    with pytest.raises(PdfUnreadable, match=r"^no such file$"):
        page_texts(tmp_path / "missing.pdf")
    with pytest.raises(PdfUnreadable, match=r"^not a file$"):
        page_texts(tmp_path)


PRODUCERS = PDFS / "producers"
PRODUCED = json.loads((PRODUCERS / "pages.json").read_text(encoding="utf-8"))


def known_page(text_set):
    """The known text of the page of ``text_set`` (pages.json) that the producers printed."""
    (heading, paragraphs), *_ = PRODUCED[text_set]
    return known_text((heading, paragraphs))


@pytest.mark.parametrize(
    "name",
    [
        # fpdf2 with HarfBuzz gives a shaped cluster's text to its first glyph and codes without Unicode to the
        # others, which PDFium gave as those codes (``ກຳ`` as ``ກຳe``, 0.9% CER)
        "fpdf2-shaped-phetsarath.pdf",
        # Cairo sets each font at size 1 and scales it up: every gap of 0.2 pt was a space (31 of 82 words found)
        "pangocairo-phetsarath.pdf",
        # wkhtmltopdf draws its font at 0.58 of the size it sets: real spaces were taken for made-up ones (10 lost)
        "wkhtmltopdf-phetsarath.pdf",
        # Typst gives every glyph of a cluster the cluster's text and draws a moved mark on its own (61% CER)
        "typst-phetsarath.pdf",
        # LuaLaTeX and Noto Sans Lao: ໍ and a tone mark, one glyph, mapped tone first (``ບ່ໍ``, 1.4% CER)
        "lualatex-notosans.pdf",
    ],
)
def test_pdfs_of_other_producers_read_back_every_letter_once(name):
    known = known_page("news")
    (text,) = page_texts(PRODUCERS / name)
    assert cer(known, text) == 0
    assert words_found(known, text) == words_found(known, known)
    made_up, lost = breaks_wrong(known, text)
    assert made_up == 0
    assert lost <= 1  # a wrap at a space the producer does not draw, joined with nothing


@pytest.mark.parametrize(
    "name",
    [
        "typst-phetsarath-doubled.pdf",
        # in large type PDFium puts a line break between a cluster and Typst's copy of it (``ຄັ້\nຄັ້ງ``, 5% CER)
        "typst-notosans-doubled-28pt.pdf",
    ],
)
def test_the_same_syllable_written_twice_is_kept_where_clusters_drawn_twice_are_dropped(name):
    # Typst's page of ``ນານາ``, ``ກີກີ``, ``ບໍ່ບໍ່``...: each written twice is drawn beside itself, and kept
    known = known_page("doubled")
    (text,) = page_texts(PRODUCERS / name)
    assert cer(known, text) == 0
    assert "ກີກີ" in text and "ບໍ່ບໍ່" in text and "ນ້ຳນ້ຳ" in text and "ນັ້ນນັ້ນ" in text


def test_a_glyph_without_unicode_is_left_out_not_read_as_its_code():
    # XeLaTeX maps some of Noto Sans Lao's tone marks to nothing: PDFium gave their codes (``ຕັ້ງ`` as ``ຕັlງ``). Left
    # out, the marks are lost (no reader has them) but no letter is made up: every Latin word is one printed.
    known = known_page("news")
    (text,) = page_texts(PRODUCERS / "xelatex-notosans.pdf")
    assert set(re.findall("[A-Za-z]+", text)) == set(re.findall("[A-Za-z]+", known))
    found, words = words_found(known, text)
    assert found >= words - 2
    assert cer(known, text) < 0.02


def test_a_text_layer_read_by_ocr_keeps_its_characters():
    # Tesseract's text layer codes each character by its Unicode and maps none: its characters are the text (not
    # guesses to leave out, as fpdf2's are). What differs from the page printed is what the OCR misread.
    known = known_page("news")
    (text,) = page_texts(PRODUCERS / "tesseract-phetsarath.pdf")
    assert cer(known, text) < 0.1
    found, words = words_found(known, text)
    assert found >= 0.8 * words


def test_a_font_whose_characters_without_a_map_are_lao_codes_them_by_unicode(monkeypatch):
    # a code that is a Lao letter is no guess from a simple font's byte: such a font is kept whole, by any name
    monkeypatch.setattr(pdftext, "UNICODE_CODED_FONT", b"no font is named so")
    (text,) = page_texts(PRODUCERS / "tesseract-phetsarath.pdf")
    assert cer(known_page("news"), text) < 0.1


def test_a_text_layer_read_by_ocr_keeps_characters_beyond_latin_1():
    # Tesseract's font maps codes to Unicode in a range PDFium reads for the first 256 codes only: the rest (quotation
    # marks, dashes, a euro sign; Lao) are characters without a map, and GlyphLessFont's are kept all the same
    (text,) = page_texts(PRODUCERS / "tesseract-english.pdf")
    for printed in ("“best”", "yet — prices", "(about 5 €)", "it’s", "the ‘digital’"):
        assert printed in text


def test_the_fixtures_stay_small():
    # the news fixture, a scan, a locked file (27 KB) and six font and producer fixtures, ~30 KB each (a font subset)
    assert sum(path.stat().st_size for path in PDFS.glob("*.pdf")) < 250_000
    # a page each from seven other producers and Typst's twice more (a font subset each, 15-35 KB), and two text
    # layers alone (4 KB)
    assert sum(path.stat().st_size for path in PRODUCERS.glob("*.pdf")) < 220_000


class _FakeChars:
    """What _in_drawing_order reads of a page's characters: each drawn by its own text object, one per em."""

    def __init__(self, text):
        self.text = text
        self.objects = list(range(len(text)))
        self.unmapped = frozenset()

    def generated(self, index):
        return False

    def size(self, index):
        return 10.0

    def box(self, index):
        return 10.0 * index, 0.0, 10.0 * index + 10, 10.0

    def baseline(self, index):
        return 0.0


class _FakeObjects:
    def __init__(self, count):
        self.rank = {k: k for k in range(count)}

    def bounds(self, start, stop):
        return [(10.0 * k, 0.0, 10.0 * k + 10, 10.0) for k in range(start, stop)]


def test_a_line_that_starts_with_a_mark_is_the_rest_of_the_line_before():
    """PDFium puts a tone mark drawn higher on a line of its own (``ຄົ\\n້ນ``): it joins the line before, its
    characters' indices with it, without the line break."""
    from lao_search.pdftext import _lines

    lines = _lines(_FakeChars("ຄົ\n້ນ\nກາ"), ("ຄົ\n້ນ\nກາ", [0, 1, None, 3, 4, None, 6, 7]))
    assert [line.text for line in lines] == ["ຄົ້ນ", "ກາ"]
    assert [line._drawn for line in lines] == [[0, 1, 3, 4], [6, 7]]


def test_a_page_drawn_out_of_order_may_start_with_whitespace():
    """A space drawn before any letter of the page has no line to compare with (it once raised a TypeError)."""
    from lao_search.pdftext import _in_drawing_order

    chars = _FakeChars(" ກາ")
    text, at = _in_drawing_order(chars, range(3), _FakeObjects(3))
    assert (text, at) == (" ກາ", [0, 1, 2])


def test_a_newspapers_columns_read_back_every_word_without_a_space_made_up():
    # Four justified columns (measure/pdf_measure.py chromium_newspaper, as the benchmark's newspaper editions): PDFium
    # ends many a line with a space the file does not have (``ພັດທະນາ ການ`` where a word wraps: 7 on this page), and
    # the text runs from the foot of one column to the head of the next
    (text,) = page_texts(PDFS / NEWSPAPER_FIXTURE)
    (page,) = (known_text(page) for page in NEWSPAPER_FIXTURE_PAGES)
    assert cer(page, text) == 0
    assert words_found(page, text) == words_found(page, page)
    made_up, lost = breaks_wrong(page, text)
    assert made_up == 0
    assert lost <= 4  # lines wrapped at a space that Chromium does not draw, joined with nothing


class _PlacedChars:
    """A page's characters as PDFium lists them, each where it is drawn: ``lines`` of runs (text, left, baseline),
    a run's letters 5 apart in type of 10, a line break made up between two lines; whitespace made up too, unless
    its run is marked drawn (``(text, left, baseline, "drawn")``)."""

    def __init__(self, lines):
        self.text = ""
        self.places = []
        self.made_up = set()
        for k, runs in enumerate(lines):
            if k:
                self._add("\r\n", 0.0, 0.0, made_up=True)
            for text, left, baseline, *drawn in runs:
                for j, char in enumerate(text):
                    self._add(char, left + 5.0 * j, baseline, made_up=char.isspace() and not drawn)

    def _add(self, text, left, baseline, made_up):
        for char in text:
            if made_up:
                self.made_up.add(len(self.text))
            self.text += char
            self.places.append((left, baseline))

    def read(self):
        return pdftext._wraps_joined(self, (self.text, list(range(len(self.text)))))

    def generated(self, index):
        return index in self.made_up

    def size(self, index):
        return 10.0

    def baseline(self, index):
        return self.places[index][1]

    def extent(self, indices):
        lefts = [self.places[i][0] for i in indices]
        return (min(lefts), max(lefts) + 5.0) if lefts else (0.0, 0.0)


FULL = "ກາ" * 20  # a line of a column 200 wide
LONG_FULL = "ນາ" * 20  # ... another


def test_a_space_made_up_where_a_lao_line_wraps_is_dropped_and_one_drawn_is_kept():
    made_up = _PlacedChars([[(FULL + " ", 0, 100)], [(LONG_FULL, 0, 88)], [("ມາ", 0, 76)]])
    assert made_up.read() == FULL + LONG_FULL + "ມາ"
    drawn = _PlacedChars([[(FULL + " ", 0, 100, "drawn")], [(LONG_FULL, 0, 88)]])  # LibreOffice draws its spaces
    assert drawn.read() == FULL + " " + LONG_FULL
    # ... at the start of the line after too
    assert _PlacedChars([[(FULL, 0, 100)], [(" " + LONG_FULL, 0, 88)]]).read() == FULL + LONG_FULL
    assert _PlacedChars([[(FULL, 0, 100)], [(" " + LONG_FULL, 0, 88, "drawn")]]).read() == FULL + " " + LONG_FULL


def test_a_lao_line_at_the_foot_of_a_column_wraps_to_the_head_of_the_next():
    column = [[(FULL, 0, 100)], [(LONG_FULL, 0, 88)]]
    next_column = [[(FULL, 230, 100)], [("ມາມາ", 230, 88)], [("ສາ", 230, 64)]]  # a paragraph's end, another
    assert _PlacedChars(column + next_column).read() == FULL + LONG_FULL + FULL + "ມາມາ\nສາ"
    # a paragraph that ends short of the column's edge goes on as another in the next column
    ended = _PlacedChars([[(FULL, 0, 100)], [("ກາກາ", 0, 88)], [("ມາມາ", 230, 100)]])
    assert ended.read() == FULL + "ກາກາ\nມາມາ"
    # a line higher up and to the left is no wrap to a new column
    assert _PlacedChars([[(FULL, 230, 100)], [("ມາມາ", 0, 120)]]).read() == FULL + "\nມາມາ"


def test_a_line_pdfium_ran_across_two_columns_is_not_their_edge():
    # the foot of the first column and the head of the second read as one line, 330 wide: the first column's lines
    # still end at its edge (200), and wrap
    lines = [[(FULL, 0, 100)], [(FULL, 0, 88)], [("ກາ" * 10, 0, 76), ("ນາ" * 10, 230, 100)]]
    assert _PlacedChars(lines).read() == FULL + FULL + "ກາ" * 10 + "ນາ" * 10


def test_a_line_pdfium_joined_over_a_hyphen_wraps_from_where_it_ends():
    # PDFium reads ``Saffir-`` at a line's end and ``Simpson`` after it as one word: that line ends a step lower
    hyphenated = [("ກາ" * 18 + "Saffir\x02", 0, 100), ("Simpson" + "ກາ" * 16, 0, 88)]
    text = _PlacedChars([[(FULL, 0, 112)], hyphenated, [(LONG_FULL, 0, 76)]]).read()
    assert text.endswith("ກາ" * 16 + LONG_FULL)


def test_a_sloping_line_steps_to_the_next_from_where_it_starts():
    # a scan's line read by OCR, a little lower at its end than at its start: the step to the next line is the
    # paragraph's, not the slope's more (measured from its end, it would be a paragraph's gap)
    sloping = [("ກາ" * 10, 0, 100), ("ກາ" * 10, 100, 96)]  # 4 lower across the line (the type is 10)
    lines = [[(FULL, 0, 112)], sloping, [(LONG_FULL, 0, 88)], [("ມາ", 0, 76)]]
    assert _PlacedChars(lines).read() == FULL + FULL + LONG_FULL + "ມາ"
