"""The text layer of a PDF (a magazine issue, a newspaper edition), page by page, as the search indexes it.

Pure functions, no Pelican. The text comes from PDFium (pypdfium2: BSD-3-Clause or Apache-2.0, wheels on PyPI
with the library inside, no other dependency). measure/pdf_measure.py compares it with pdfplumber (pdfminer.six),
pypdf and poppler's pdftotext on Lao PDFs printed by Chromium and LibreOffice in Phetsarath OT, Noto Sans Lao
and Noto Serif Lao: PDFium is the only one that reads
the /ActualText that Chromium writes around each Lao cluster whose glyphs have no Unicode of their own (a tone
mark moved down, the two halves of ``ຳ``); the others lose those marks or give U+0000 for them.

What PDFium still gets wrong, and what is done about it:
  * with a font whose glyphs have Unicode of their own (a system font: Phetsarath OT, Noto Sans or Serif Lao), it
    gives the /ActualText of a Chromium span once for each glyph in it (``ເຫັນ`` as ``ເຫ້ຫັນຫັ``): each span's
    text is kept at its first text object only (``_not_repeated``);
  * it guesses where spaces are from the gaps between glyphs, and the box it gives a cluster read from
    /ActualText is too short (``ກຳ`` ends where its ``ກ`` does), so it puts a space after many clusters
    (``ກຳ ລັງ``). A space PDFium made up between two Lao letters is dropped where the file draws no blank glyph
    there and the glyphs on either side are closer than a space is wide (``_made_up_spaces``);
  * LibreOffice draws each mark of Phetsarath OT as a text object of its own that starts right of its consonant,
    and PDFium, ordering a line's characters by position, puts the mark after the next letter (``ນັກຄົ້ນ`` as
    ``ນກຄັົນ``, 14% CER): a page where PDFium put a mark before a character drawn earlier is read in the order the
    file draws it, lines and spaces placed from the glyphs' boxes (``_in_drawing_order``, 0% CER);
  * it may put a line break or a space between a letter and its mark (``ຄົ\\n້``): ``repair`` joins them, and puts
    a tone mark read before ``ໍ`` after it (LuaLaTeX's and XeLaTeX's map of Noto's ligature of the two: ``ບ່ໍ``);
  * it gives a glyph the font maps to no Unicode as its code (fpdf2, XeLaTeX: ``ກຳ`` as ``ກຳe``): left out
    (``_Chars.unmapped``), its room kept, but for a font that codes characters by their Unicode (Tesseract's);
  * a file may set a font at one size and draw it at another (Cairo: size 1, scaled up): distances are measured in
    the size drawn (``_Chars.size``);
  * Typst gives each glyph of a cluster the whole cluster's text (``ຂ່າວ`` as ``ຂ່ຂ່າວ``): a cluster drawn over the
    same one is dropped (``_not_drawn_twice``).
  docs/pdf-and-scans.md has the measurements, by font and producer.
A Lao line that wraps on to the next inside a paragraph is joined to it (``_wraps_joined``): a line break is a
word boundary to the search, and Chromium and LibreOffice wrap Lao between words of one run. Other lines end in
``\\n``. PDFium is not thread-safe: call these from one thread of a process.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
from collections.abc import Generator, Iterable, Mapping, Sequence
from contextlib import closing
from functools import cached_property, partial
from itertools import compress, pairwise, repeat
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .text import LAO

# Where a space or line break is inside a syllable, never a word boundary (``repair`` takes it out):
#  * before a vowel or mark that follows its consonant: the combining marks ັ ິ ີ ຶ ື ຸ ູ ົ ຼ, the tones ່ ້ ໊ ໋, ໌ ໍ
#    and ໎ (U+0EB1, U+0EB4–U+0EBC, U+0EC8–U+0ECE) and the spacing vowels ະ າ ຳ ຽ (U+0EB0, U+0EB2, U+0EB3, U+0EBD).
#    Not ໆ (U+0EC6): some writers leave a space before it on purpose, and no extractor measured split it off;
#  * between a leading vowel ເ ແ ໂ ໃ ໄ (U+0EC0–U+0EC4) and its consonant. A space *before* a leading vowel is
#    often a word boundary (``ຢູ່ ໃນ``) and is kept;
#  * between ັ or ົ (U+0EB1, U+0EBB), with or without a tone mark, and a consonant: these two vowels never end a
#    syllable, the final consonant must follow (``ລັ ງ`` is ``ລັງ``).
FOLLOWING = "\u0eb0-\u0eb3\u0eb4-\u0ebd\u0ec8-\u0ece"
LEADING = "\u0ec0-\u0ec4"
CLOSED = "\u0eb1\u0ebb"
TONES = "\u0ec8-\u0ecb"
CONSONANTS = "\u0e81-\u0eae\u0edc-\u0edf"
_INSIDE_SYLLABLE = re.compile(
    f"\\s+(?=[{FOLLOWING}])"
    f"|(?<=[{LEADING}{CLOSED}])\\s+(?=[{CONSONANTS}])"
    f"|(?<=[{CLOSED}][{TONES}])\\s+(?=[{CONSONANTS}])"
)
# A tone mark before ``ໍ`` that is not the first half of ``ຳ``: the order some fonts' ligature of the two is mapped
# in (Noto Sans and Serif Lao through XeLaTeX and LuaLaTeX: ``ບ່ໍ``), where the writer typed ``ບໍ່``. Put back here,
# in what was read, not in text.normalise: a text or a query typed so is left as typed, as the reference normaliser
# of the search's checks leaves it.
_TONE_BEFORE_NIGGAHITA = re.compile(f"([{TONES}])\u0ecd(?!\u0eb2)")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_LAO = re.compile(f"[{LAO}]")
_MARKS = re.compile("[\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ece]")
_FOLLOWS = re.compile(f"[{FOLLOWING}]")
_NOT_LAO_OR_BLANK = re.compile(f"[^{LAO}\\s]")
_WHITESPACE = frozenset(" \t\r\n")
# Distances are in em (``_Chars.size``): the size a glyph is drawn at, in points, or in CSS pixels (3/4 pt) where a
# file draws its fonts smaller than it sets them. Chromium sets a font's size in pixels and draws it at 3/4 (times
# any scale it is printed at), wkhtmltopdf at 0.58, WeasyPrint at 3/4; LibreOffice and most others set points and
# draw them as they are; Cairo sets size 1 and scales it up to the size drawn. The thresholds below were measured on
# Chromium's and LibreOffice's PDFs, in the size each sets: those ems.
# A space PDFium made up between two Lao letters stays only where the file draws a blank glyph there (Chromium
# draws one for every space, each glyph its own text object) or the glyphs on either side are at least this far
# apart (in em). Measured with measure/pdf_measure.py on Noto Sans Lao: made-up spaces inside a word, 0.04-0.18 em;
# real spaces, 0.18-0.33 em, every one of them with its blank glyph in Chromium's PDFs.
SPACE_EM = 0.2
SAME_LINE_EM = 0.5  # baselines closer than this (in em) are one line
# A line wraps on to the next (``_wraps_joined``) when it is at most this many times the page's smallest step
# between lines of its size below it (Chromium rounds lines to pixels: steps of 1.17-1.24 em on one page), and
# ends at most this far (in em) left of the rightmost line starting where it does (99% of the wraps measured
# end within 1.1 em; a paragraph ends anywhere).
WRAP_STEP = 1.1
FULL_EM = 4.0
ALIGNED_EM = 2.0  # lines whose left edges are this close (in em) start at the same place
PIXEL = 0.75  # a CSS pixel, in points
DRAWN_SMALLER = 0.99  # a font drawn at less than this times the size set is set in pixels

# What PDFium's error codes mean to an editor (FPDF_ERR_*, fpdfview.h).
_REASONS = {
    pdfium_c.FPDF_ERR_FILE: "the file cannot be read",
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF, or damaged",
    pdfium_c.FPDF_ERR_PASSWORD: "it is protected by a password",
    pdfium_c.FPDF_ERR_SECURITY: "its security handler is not supported",
}


# (left, bottom, right, top)
Box = tuple[float, float, float, float]
# (the text of a page, in order; PDFium's index of each of its characters, or None for whitespace placed here)
Found = tuple[str, list[int | None]]


class PdfUnreadable(Exception):
    """A PDF that cannot be opened or read; ``str()`` says why, without the file's name."""


def repair(text: str) -> str:
    """``text`` without the spaces and line breaks that an extractor put inside a Lao syllable: before a vowel or
    mark that follows its consonant, or between a leading vowel and its consonant. A space before a leading vowel
    (``ຢູ່ ໃນ``) may be a real word boundary and is kept. A tone mark read before ``ໍ`` is put after it."""
    return _TONE_BEFORE_NIGGAHITA.sub("\u0ecd\\1", _INSIDE_SYLLABLE.sub("", text))


def page_texts(path: str | os.PathLike[str], *, repaired: bool = True) -> list[str]:
    """The text of each page of the PDF at ``path``, a string per page ("" for a page without text); through
    ``repair`` unless ``repaired`` is false (measure/pdf_measure.py measures both)."""
    return [repair(text) if repaired else text for text in _texts(path)]


def has_text_layer(path: str | os.PathLike[str]) -> bool:
    """Whether any page of the PDF has text to index (a scanned PDF without OCR has none); reads up to the first
    page that has."""
    with closing(_texts(path)) as texts:
        return any(text.strip() for text in texts)


def _open(path: str | os.PathLike[str]) -> Any:
    found = Path(path)
    if not found.is_file():
        raise PdfUnreadable("no such file" if not found.exists() else "not a file")
    try:
        return pdfium.PdfDocument(found)
    except pdfium.PdfiumError as error:
        raise PdfUnreadable(_REASONS.get(error.err_code, str(error))) from error
    except OSError as error:
        raise PdfUnreadable(error.strerror or "the file cannot be read") from error


def _texts(path: str | os.PathLike[str]) -> Generator[str, None, None]:
    document = _open(path)
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError as error:
                raise PdfUnreadable(f"page {index + 1}: {error}") from error
            try:
                yield _page_text(page, textpage)
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _unchecked(function: Any, restype: type = ctypes.c_int) -> Any:
    """PDFium's ``function`` without pypdfium2's checking and converting of each argument: a page printed by
    Chromium has some 4,000 characters and 2,000 text objects, and a checked call costs two to three times as
    much. Its arguments must be ctypes values or ints that fit a C int (a handle goes as ``ctypes.c_void_p``)."""
    unchecked = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    unchecked.restype = restype
    return unchecked


class _Handle(ctypes.c_void_p):
    """A handle returned as itself (ctypes gives a plain ``c_void_p`` result as an int), to pass on as it is."""


_char_unicode = _unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_char_object = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # its address, or None
_char_generated = _unchecked(pdfium_c.FPDFText_IsGenerated)
_char_size = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_char_matrix = _unchecked(pdfium_c.FPDFText_GetMatrix)
_char_map_error = _unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
_object_font = _unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)  # its address
_font_base_name = _unchecked(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t)
_char_box = _unchecked(pdfium_c.FPDFText_GetCharBox)
_char_origin = _unchecked(pdfium_c.FPDFText_GetCharOrigin)
_page_object = _unchecked(pdfium_c.FPDFPage_GetObject, _Handle)
_object_type = _unchecked(pdfium_c.FPDFPageObj_GetType)
_object_bounds = _unchecked(pdfium_c.FPDFPageObj_GetBounds)
_count_marks = _unchecked(pdfium_c.FPDFPageObj_CountMarks)
_object_mark = _unchecked(pdfium_c.FPDFPageObj_GetMark, ctypes.c_void_p)
_mark_value_type = _unchecked(pdfium_c.FPDFPageObjMark_GetParamValueType)
UNICODE_CODED_FONT = b"GlyphLessFont"  # the invisible font of Tesseract's text layer (OCRmyPDF's too)


def _font_name(font: int | None) -> bytes:
    """The base name of the font at address ``font`` (b"" when there is none)."""
    if font is None:
        return b""
    handle = ctypes.c_void_p(font)
    length = _font_base_name(handle, None, 0)  # with its closing NUL
    if not length:
        return b""
    name = ctypes.create_string_buffer(length)
    _font_base_name(handle, name, length)
    return name.value


class _Chars:
    """PDFium's list of characters of a page, each read once: its text (a character per index) and the address of
    the text object each character is drawn by (None for one PDFium made up); boxes, origins and sizes on asking."""

    def __init__(self, textpage: Any) -> None:
        self.handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        count = textpage.count_chars()
        # map() rather than a loop: a call a character, nothing else, on pages of thousands of characters
        self.text = "".join(map(chr, map(_char_unicode, repeat(self.handle, count), range(count))))
        self.objects = list(map(_char_object, repeat(self.handle, count), range(count)))
        self._doubles = [ctypes.c_double() for _ in range(4)]
        self._pointers = [ctypes.byref(value) for value in self._doubles]
        self._matrix = pdfium_c.FS_MATRIX()
        self._to_matrix = ctypes.byref(self._matrix)
        self._scales: dict[int, float] = {}  # text object -> the scale it draws its font at
        # The characters without Unicode from the font's map (or the file's /ActualText): PDFium's guess from the
        # glyph's code (fpdf2's shaped glyphs after a cluster's first, MuPDF's mark variants: ``ກຳ`` read as
        # ``ກຳe``). They are left out of the text, as pdftotext leaves them out, but their glyphs take up room. A font
        # that codes characters by their Unicode keeps its characters: Tesseract's and OCRmyPDF's text layer over a
        # scan (GlyphLessFont, whose map PDFium reads for the first 256 codes only), or a font whose code of a
        # character without a map is a Lao character. A guess from a code is seldom Lao: where no other character
        # lacks a map, none does (most pages: a call a character less).
        self.unmapped: frozenset[int] = frozenset()
        others = [m.start() for m in _NOT_LAO_OR_BLANK.finditer(self.text)]
        if 1 in map(_char_map_error, repeat(self.handle, len(others)), others):
            flags = map(_char_map_error, repeat(self.handle, count), range(count))
            errors = list(compress(range(count), map((1).__eq__, flags)))
            fonts = {i: _object_font(ctypes.c_void_p(self.objects[i])) for i in errors if self.objects[i] is not None}
            unicode_coded = {font for font in set(fonts.values()) if _font_name(font) == UNICODE_CODED_FONT}
            unicode_coded.update(fonts[i] for i in fonts if _LAO.match(self.text[i]))
            self.unmapped = frozenset(i for i in errors if fonts.get(i) not in unicode_coded)

    def generated(self, index: int) -> bool:
        return _char_generated(self.handle, index) == 1

    def size(self, index: int) -> float:
        """The character's em: the size it is drawn at, in points, or in CSS pixels where it is drawn smaller than
        its font's size is set (0.0 when unknown). Chromium's, drawn at 3/4 of the size set, is the size set."""
        size = _char_size(self.handle, index)
        obj = self.objects[index]
        scale = self._scales.get(obj) if obj is not None else None
        if scale is None:  # each text object's once: its characters share its matrix's scale
            if not _char_matrix(self.handle, index, self._to_matrix):
                return size
            # the height of its glyphs: a horizontal scaling (Tz, Tesseract's lines) is no larger type
            scale = math.hypot(self._matrix.c, self._matrix.d)
            scale = scale / PIXEL if scale < DRAWN_SMALLER else scale
            if obj is not None:
                self._scales[obj] = scale
        return size * scale

    def box(self, index: int) -> Box:
        """(left, bottom, right, top)"""
        left, right, bottom, top = self._doubles
        if not _char_box(self.handle, index, *self._pointers):
            return 0.0, 0.0, 0.0, 0.0
        return left.value, bottom.value, right.value, top.value

    def extent(self, indices: Iterable[int]) -> tuple[float, float]:
        """(leftmost, rightmost) edge of the boxes of the characters at ``indices``, (0.0, 0.0) for none"""
        left, right, _bottom, _top = self._doubles
        # the pointers one by one, not unpacked, and a running min and max (the same as min() and max() of the
        # boxes, which keep the first of equals): a call a character, the most of any on a page
        handle, (to_left, to_right, to_bottom, to_top) = self.handle, self._pointers
        leftmost: float | None = None
        rightmost = 0.0
        for i in indices:
            if _char_box(handle, i, to_left, to_right, to_bottom, to_top):
                edge, far = left.value, right.value
            else:
                edge = far = 0.0
            if leftmost is None:
                leftmost, rightmost = edge, far
            else:
                if edge < leftmost:
                    leftmost = edge
                if far > rightmost:
                    rightmost = far
        return (0.0, 0.0) if leftmost is None else (leftmost, rightmost)

    def baseline(self, index: int) -> float:
        if not _char_origin(self.handle, index, *self._pointers[:2]):
            return 0.0
        return self._doubles[1].value


class _Objects:
    """A page's text objects in the order it draws them: the handle of each, and where each is in that order by
    its address."""

    def __init__(self, handles: list[ctypes.c_void_p]) -> None:
        self.handles = handles
        self.rank = {handle.value: k for k, handle in enumerate(handles)}
        values = [ctypes.c_float() for _ in range(4)]
        self._floats = values, [ctypes.byref(value) for value in values]

    def bounds(self, start: int, stop: int) -> list[Box]:
        """(left, bottom, right, top) of the objects from ``start`` to before ``stop``"""
        values, pointers = self._floats
        out: list[Box] = []
        for handle in self.handles[start:stop]:
            ok = _object_bounds(handle, *pointers)
            left, bottom, right, top = (value.value for value in values)
            out.append((left, bottom, right, top) if ok else (0.0, 0.0, 0.0, 0.0))
        return out


def _page_text(page: Any, textpage: Any) -> str:
    """PDFium's text of one page, its own list of characters (not ``get_text_range``, whose indices may drift from
    it), each /ActualText once, without characters the font does not map to Unicode, with made-up spaces inside Lao
    words dropped."""
    chars = _Chars(textpage)
    kept = _not_drawn_twice(chars, _not_repeated(chars))
    objects, nested = _drawing_ranks(page)
    if _drawn_out_of_order(chars, kept, objects.rank):
        text, at = _in_drawing_order(chars, kept, objects)
    else:
        if chars.unmapped:
            kept = [i for i in kept if i not in chars.unmapped]
        text = "".join(map(chars.text.__getitem__, kept))
        at = list(kept)
        # the objects in the order the page draws them, with those inside its forms (pypdfium2's get_objects)
        drawn = _text_objects(page) if nested else objects
        drop = _made_up_spaces(chars, drawn, kept, text)
        if drop:
            staying = [k not in drop for k in range(len(text))]
            text, at = "".join(compress(text, staying)), list(compress(at, staying))
    return whole_characters(_CONTROLS.sub("", _wraps_joined(chars, (text, at))))


def whole_characters(text: str) -> str:
    """``text`` with a pair of surrogates (PDFium's halves of a character beyond the BMP) made that character, and a
    lone one (a damaged font's map to no character) left out: no UTF-8 file, nor the search data, can hold one."""
    if not _SURROGATES.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def _drawing_ranks(page: Any) -> tuple[_Objects, bool]:
    """The page's text objects in the order it draws them, and whether it draws a form (whose objects are not
    among them)."""
    handle = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    handles = list(map(_page_object, repeat(handle, count), range(count)))
    kinds = list(map(_object_type, handles))
    text = [obj for obj, kind in zip(handles, kinds, strict=True) if kind == pdfium_c.FPDF_PAGEOBJ_TEXT]
    return _Objects(text), pdfium_c.FPDF_PAGEOBJ_FORM in kinds


def _drawn_out_of_order(chars: _Chars, kept: Iterable[int], rank: Mapping[int | None, int]) -> bool:
    """Whether PDFium put a character of the file before one drawn earlier *on the same line*: LibreOffice draws
    each mark of Phetsarath OT as a text object of its own, placed after its consonant but starting to the right
    of where the consonant does, and PDFium, ordering by position, puts the mark after the next letter
    (``ນັກ`` as ``ນກັ``). Chromium draws a page in reading order (no such character in any font measured)."""
    last = -1
    for i in kept:
        where = rank.get(chars.objects[i])
        # a character of the object drawn last changes nothing, whether PDFium made it up or not
        if where is None or where == last or chars.generated(i):
            continue
        if where < last and _MARKS.match(chars.text[i]):
            return True
        last = where
    return False


def _in_drawing_order(chars: _Chars, kept: Iterable[int], objects: _Objects) -> Found:
    """(the text, PDFium's index of each of its characters or None for whitespace placed here) of the page's
    characters in the order the file draws them (each text object's characters in PDFium's order), without the
    whitespace PDFium made up; a line break where the baseline moves (or a letter goes back left of the one before
    it) and a space where two glyphs are as far apart as a space is wide. A text object that has no character
    (LibreOffice gives ``ຳ``'s Unicode to one of its two glyphs only), or a character without Unicode (``unmapped``),
    still takes up its room."""
    drawn = [i for i in kept if not chars.generated(i)]
    last = -1
    keys: list[int] = []
    for i in drawn:
        where = objects.rank.get(chars.objects[i])
        last = where if where is not None else last
        keys.append(last)
    drawn = [i for _key, i in sorted(zip(keys, drawn, strict=True), key=lambda pair: pair[0])]
    out: list[str] = []  # the characters, and PDFium's index of each
    out_at: list[int | None] = []
    baseline: float | None = None
    right: float | None = None
    previous = -1
    for key, i in zip(sorted(keys), drawn, strict=True):
        char = chars.text[i]
        size = chars.size(i) or 1.0
        left, _bottom, box_right, _top = chars.box(i)
        if right is not None and key > previous + 1:  # objects without a character drawn in between
            right = max(right, *(r for _l, _b, r, _t in objects.bounds(previous + 1, key)))
        previous = key
        if i in chars.unmapped:  # left out, but its glyph takes up its room
            right = box_right if right is None else max(right, box_right)
            continue
        mark = _MARKS.match(char) is not None
        blank = char in _WHITESPACE
        if baseline is not None and right is not None and not blank:  # a letter before it (not whitespace alone)
            y = chars.baseline(i)
            if not mark and (abs(y - baseline) > SAME_LINE_EM * size or left < right - SAME_LINE_EM * size):
                out.append("\n")
                out_at.append(None)
                right = None
            elif right is not None and out[-1] not in _WHITESPACE and (left - right) / size >= SPACE_EM:
                out.append(" ")
                out_at.append(None)
        if not blank:
            if not mark or baseline is None:
                baseline = chars.baseline(i)
            right = box_right if right is None else max(right, box_right)
        out.append(char)
        out_at.append(i)
    return "".join(out), out_at


def _not_repeated(chars: _Chars) -> list[int]:
    """PDFium's indices of the page's characters but those it gives again for /ActualText. Chromium marks a Lao
    cluster whose glyphs it moved (a tone mark over a vowel, the two halves of ``ຳ``) as one span with the
    cluster's text; PDFium gives that text for each glyph of the span that has a Unicode of its own (a system
    font's glyphs do, a web font subset's may not), so ``ຄົນ`` comes out ``ຄົນຄົ``. The first text object of the
    span keeps it."""
    first: dict[int, int] = {}  # span -> its first text object
    # text object -> whether its characters are kept, each object once in the order its characters come
    keeps: dict[int | None, bool] = dict.fromkeys(chars.objects, True)
    actual: dict[int, bool] = {}  # mark -> whether it has /ActualText
    objects = [where for where in keeps if where is not None]
    handles = list(map(ctypes.c_void_p, objects))
    # most text objects are in no marked content (two in three on a page printed by Chromium): their marks are
    # counted with a call each and no Python in between, and only the others are looked at
    for where, obj, count in zip(objects, handles, map(_count_marks, handles), strict=True):
        if count > 0:
            span = _span(obj, count, actual)
            keeps[where] = span is None or first.setdefault(span, where) == where
    return list(compress(range(len(chars.objects)), map(keeps.__getitem__, chars.objects)))


# A cluster (a letter and the vowels and marks after it) given twice in a row: where it is drawn over itself, the
# sign of a page whose text objects draw clusters again (``_not_drawn_twice``); the same syllable written twice
# (``ພະຍາຍາມ``, common) is drawn beside itself.
_CLUSTER_TWICE = re.compile(f"([{CONSONANTS}][{FOLLOWING}]+)\\s*\\1")  # PDFium may break the line between


def _drawn_over(chars: _Chars, kept: list[int], twice: re.Match[str]) -> bool:
    """Whether the second of a cluster given ``twice`` in a row (in the text of the characters ``kept``) is drawn
    over the first: by more than half the narrower one's width."""
    start, end = twice.span()
    size = len(twice.group(1))
    return _half_over(chars.extent(kept[start : start + size]), chars.extent(kept[end - size : end]))


def _half_over(one: tuple[float, float], other: tuple[float, float]) -> bool:
    """Whether two spans (left, right) overlap by more than half the narrower one's width."""
    (left, right), (other_left, other_right) = one, other
    overlap = min(right, other_right) - max(left, other_left)
    return overlap > 0.5 * max(min(right - left, other_right - other_left), 0.01)


def _not_drawn_twice(chars: _Chars, kept: list[int]) -> list[int]:
    """``kept`` without each Lao cluster (a letter and the vowels and marks after it, of one text object) that is
    drawn over the same cluster, or in the half after it and narrower, on the same line. Typst gives every glyph of a
    cluster the whole cluster's text, and draws a mark it moved (a tone mark raised over a vowel) as a text object of
    its own: ``ຂ່າວ`` came out ``ຂ່ຂ່າວ`` (61% CER in Phetsarath OT). The same syllable written twice (``ນານາ``) is
    drawn beside itself, as wide, and is kept. Only a page that has a cluster drawn over itself in a row (but for
    whitespace: in large type PDFium breaks the line between the two) is looked at (the other duplicates of such a
    page may be elsewhere in PDFium's order)."""
    text = "".join(map(chars.text.__getitem__, kept))
    if not any(map(partial(_drawn_over, chars, kept), _CLUSTER_TWICE.finditer(text))):
        return kept
    clusters: list[list[int]] = []
    for i in kept:
        if clusters and _FOLLOWS.match(chars.text[i]) and chars.objects[i] == chars.objects[clusters[-1][-1]]:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    seen: dict[str, list[tuple[float, float, float]]] = {}  # a cluster's text -> (left, right, baseline) of each
    drop: set[int] = set()
    for cluster in clusters:
        if len(cluster) < 2 or chars.objects[cluster[0]] is None or not _LAO.match(chars.text[cluster[0]]):
            continue
        text = "".join(map(chars.text.__getitem__, cluster))
        left, right = chars.extent(cluster)
        size = chars.size(cluster[0]) or 1.0
        y = chars.baseline(cluster[0])
        for other_left, other_right, other_y in seen.get(text, ()):
            if abs(y - other_y) > SAME_LINE_EM * size:
                continue
            narrower_after = (
                left >= other_left - 0.1 * size
                and right <= other_right + 0.6 * size
                and right - left <= 0.6 * (other_right - other_left)
            )
            if _half_over((left, right), (other_left, other_right)) or narrower_after:
                drop.update(cluster)
                break
        else:
            seen.setdefault(text, []).append((left, right, y))
    return [i for i in kept if i not in drop] if drop else kept


def _span(obj: ctypes.c_void_p, count: int, actual: dict[int, bool]) -> int | None:
    """The marked-content span with /ActualText that the text object ``obj`` with ``count`` marks is drawn in (its
    address: the objects of one span share it), or None. ``actual`` remembers whether each mark seen has
    /ActualText."""
    for k in range(count):
        mark = _object_mark(obj, k)
        if mark not in actual:
            kind = _mark_value_type(ctypes.c_void_p(mark), b"ActualText")
            actual[mark] = kind == pdfium_c.FPDF_OBJECT_STRING
        if actual[mark]:
            return mark
    return None


# whitespace between two Lao letters (a run of it whole: what comes before a run is never whitespace)
_BLANKS_IN_LAO = re.compile(f"(?<=[{LAO}])[ \t\r\n]+(?=[{LAO}])")
_LINE = re.compile("[^\r\n]+")


def _made_up_spaces(chars: _Chars, objects: _Objects, kept: Sequence[int], text: str) -> set[int]:
    """Positions in ``text`` (PDFium's characters ``kept``) of whitespace that PDFium made up between two Lao
    letters of one line where the file has none."""
    drop: set[int] = set()
    for blanks in _BLANKS_IN_LAO.finditer(text):
        i, end = blanks.span()
        run = range(i, end)
        if all(chars.generated(kept[k]) for k in run):
            start = i - 1  # the cluster before: its letter and the marks on it
            while start > 0 and _MARKS.match(text[start]):
                start -= 1
            cluster = [kept[k] for k in range(start, i)]
            if not _is_space(chars, objects, cluster, kept[end]):
                drop.update(run)
    return drop


def _text_objects(page: Any) -> _Objects:
    """The page's text objects in the order it draws them, those inside its forms too (as pypdfium2's
    ``get_objects`` walks them)."""
    return _Objects(
        [
            _Handle(ctypes.cast(obj.raw, ctypes.c_void_p).value)
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT])
        ]
    )


def _is_space(chars: _Chars, objects: _Objects, cluster: Sequence[int], after: int) -> bool:
    """Whether the file has a space between the ``cluster`` of characters (their indices) and the character at
    ``after``: they are on two lines, or a blank glyph is drawn between them, or they are as far apart
    as a space is wide.

    A cluster that PDFium read from /ActualText (Chromium writes it where the glyphs of a cluster have no Unicode of
    their own) has the box of its first glyph only; the text objects drawn after that glyph and before the next
    character are the rest of the cluster."""
    start = cluster[0]
    size = chars.size(start) or 1.0
    if abs(chars.baseline(start) - chars.baseline(after)) > SAME_LINE_EM * size:
        return True
    right = max(chars.box(k)[2] for k in cluster)
    first = objects.rank.get(chars.objects[start])
    last = objects.rank.get(chars.objects[after])
    if first is not None and last is not None and first < last:
        drawn = objects.bounds(first, last)
        if any(r - left <= 0.01 * size for left, _b, r, _t in drawn[1:]):
            return True
        right = max(right, *(r for _l, _b, r, _t in drawn))
    return (chars.box(after)[0] - right) / size >= SPACE_EM


class _Line:
    """A line of a page: its text (and PDFium's index of each of its characters, or None) and where it is."""

    def __init__(self, chars: _Chars, text: str, at: Sequence[int | None]) -> None:
        self.text = text
        self.at = at
        self._all = chars
        self._drawn = [i for char, i in zip(text, at, strict=True) if i is not None and char not in _WHITESPACE]
        # its first letter (or mark, in a line of marks alone) gives its size and baseline
        first = next((i for i in self._drawn if not _MARKS.match(chars.text[i])), None)
        if first is None and self._drawn:
            first = self._drawn[0]
        self.size = chars.size(first) if first is not None else 0.0
        self.baseline = chars.baseline(first) if first is not None else 0.0
        # ... and its last letter where it ends: a lower line when PDFium joined two (a word hyphenated at the end
        # of a line, ``Saffir-\nSimpson``, is one word to PDFium); the same line when it is less than a line lower
        # (a line of a scan read by OCR slopes with the page)
        last = next((i for i in reversed(self._drawn) if not _MARKS.match(chars.text[i])), first)
        end = self.baseline if last in (first, None) else chars.baseline(last)
        self.end_baseline = end if abs(end - self.baseline) > SAME_LINE_EM * self.size else self.baseline

    # the boxes of a line are read only where it may wrap (most lines of a page, not all)
    @cached_property
    def _extent(self) -> tuple[float, float]:
        return self._all.extent(self._drawn)

    @property
    def left(self) -> float:
        return self._extent[0]

    @property
    def right(self) -> float:
        return self._extent[1]

    def made_up(self, ends: range) -> int:
        """How many characters of its text, from one end (``ends``: its positions, outwards in), are whitespace
        that the file does not draw: PDFium's (or ours) where a line ends."""
        count = 0
        for k in ends:
            i = self.at[k]
            if self.text[k] not in _WHITESPACE or not _undrawn(self._all, i):
                break
            count += 1
        return count


def _undrawn(chars: _Chars, index: int | None) -> bool:
    """Whether a character of the text read is none the file draws: PDFium's (``generated``), or ours (None)."""
    return index is None or chars.generated(index)


def _lines(chars: _Chars, found: Found) -> list[_Line]:
    text, at = found
    # each line's runs of text between line breaks (start, end): a line that starts with a vowel or mark that
    # follows its consonant is the rest of the line before (PDFium puts a tone mark drawn higher on a line of its
    # own, ``ຄົ\n້``); a line of whitespace that the file does not draw is none (PDFium makes one up between the
    # lines of a heading that wraps in a narrow column)
    merged: list[list[tuple[int, int]]] = []
    for run in _LINE.finditer(text):
        if run.group().isspace() and all(_undrawn(chars, i) for i in at[run.start() : run.end()]):
            continue
        if merged and _FOLLOWS.match(text, run.start()):
            merged[-1].append(run.span())
        else:
            merged.append([run.span()])
    return [
        _Line(
            chars, "".join([text[start:end] for start, end in runs]), [i for start, end in runs for i in at[start:end]]
        )
        for runs in merged
    ]


def _wraps_joined(chars: _Chars, found: Found) -> str:
    """The text of ``found`` (its text, and each character's index in ``chars`` or None), a line break where the
    page's text goes on to a new line but for a Lao line that wraps on to the next: one line of the same font size
    below it, at the smallest step between two lines of that size on the page (a paragraph's lines; a paragraph's
    gap is more), or at the head of the next column (higher, to the right of where the line ends), the line ending
    near the right edge of the lines that start where it does, and the next starting with Lao. Chromium and LibreOffice
    wrap a Lao line between two words, mostly inside a run of words without a space (1,908 of 2,256 wraps measured; the
    other 348 at a space, which LibreOffice draws at the line's end and Chromium does not), so such a wrap is joined
    with nothing: ICU finds the words, and a phrase across a line's end is found too; a space PDFium made up at either
    side of such a wrap (it ends many a justified line with one: ``ພັດທະນາ ການ``, 157 words of 33,620 lost in the
    benchmark's newspapers in Phetsarath OT) is left out, one the file draws (LibreOffice's) kept. Two lines on one
    baseline (PDFium breaks a justified line at a wide gap) are joined with a space."""
    lines = _lines(chars, found)
    if not lines:
        return ""
    step: dict[float, float] = {}  # font size -> the smallest step between two lines of that size
    for before, after in pairwise(lines):
        down = before.end_baseline - after.baseline
        if before.size and _same_size(before, after) and down > SAME_LINE_EM * before.size:
            step[before.size] = min(step.get(before.size, down), down)
    # (font size, left) -> the right edge of the lines of that size starting there
    edges: dict[tuple[float, float], float] = {}
    between = [_between(lines, step, edges, before, after) for before, after in pairwise(lines)]
    # (from, to) of each line's text: where a wrap is joined with nothing, without the whitespace the file does not
    # draw at the end of the line or the start of the next (PDFium makes up a space at the end of a justified line)
    spans = [[0, len(line.text)] for line in lines]
    for k, join in enumerate(between):
        if not join:
            before, after = lines[k], lines[k + 1]
            spans[k][1] -= before.made_up(range(len(before.text) - 1, -1, -1))
            spans[k + 1][0] += after.made_up(range(len(after.text)))
    out = [lines[0].text[slice(*spans[0])]]
    for k, join in enumerate(between, 1):
        out.append(join)
        out.append(lines[k].text[slice(*spans[k])])
    return "".join(out)


def _same_size(before: _Line, after: _Line) -> bool:
    return abs(before.size - after.size) <= 0.01 * before.size


def _between(
    lines: list[_Line],
    step: Mapping[float, float],
    edges: dict[tuple[float, float], float],
    before: _Line,
    after: _Line,
) -> str:
    """What goes between two lines of a page: a line break, or nothing or a space where ``before`` wraps."""
    end, start = before.text.rstrip(), after.text.lstrip()
    if not (end and start and _LAO.match(end[-1]) and _LAO.match(start[0]) and _same_size(before, after)):
        return "\n"
    size = before.size
    down = before.end_baseline - after.baseline
    if abs(down) <= SAME_LINE_EM * size:
        return " "
    # below: the next line of a paragraph; above: the head of the next column, to the right
    wraps = down <= WRAP_STEP * step[size] if down > 0 else after.left >= before.right
    if not wraps:
        return "\n"
    key = (size, before.left)
    if key not in edges:
        # (not a line that PDFium ran on from one baseline to another, down a column or across to the next)
        edges[key] = max(
            (
                line.right
                for line in lines
                if _same_size(before, line)
                and abs(line.left - before.left) <= ALIGNED_EM * size
                and abs(line.end_baseline - line.baseline) <= SAME_LINE_EM * size
            ),
            default=before.right,
        )
    edge = edges[key]
    return "" if edge - before.right <= FULL_EM * size else "\n"
