"""`invoke ocr`: the text printed on every page scan (an item's Pages) and on every page of a PDF that has no text
layer, read by Tesseract with its Lao and English models and kept beside the file (plugins/archive/machinetext.py:
``images/newspaper/345-1.jpg.txt``, ``files/magazine/issue-3.pdf.txt``) for editors to correct and commit. The
build never runs OCR: it reads these texts, which the search then finds.

Pages are read in parallel, one Tesseract process per core. A page whose text exists and is newer than its file is
skipped (--force reads it again); a text an editor changed is never replaced unless asked (--replace-edited):
what OCR wrote to each text is recorded (its SHA-256, in content/.machine-text.json, committed with the texts).

Before Tesseract, a page is made grey and level, and scaled so that its lines of text are of the height Tesseract's
Lao model reads best (measure/ocr_measure.py measured each step: see docs/pdf-and-scans.md); after it, the spaces and
line breaks Tesseract puts inside Lao words are taken out (tidy).
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import statistics
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING

from archive import machinetext
from archive.schema import pages_named

LANGUAGES = ("lao", "eng")  # Tesseract's models: Debian's tesseract-ocr-lao and tesseract-ocr-eng
RECORD = ".machine-text.json"  # in the content folder: {text file: SHA-256 of what OCR wrote to it}
DPI = 300  # what a PDF's page is rendered at, then scaled as a scan is
TEXT_HEIGHT = 13  # pixels of a line's body (letters without the marks above and below) Tesseract reads best
MOST_SCALE = 2.5  # a scan is scaled by this at most, up or down
NEAR = 0.1  # a scale nearer 1 than this is not worth the blur
STRIPS = 8  # vertical strips a page's lines are measured in
INKED = 255 * 0.03  # a row of a strip with more ink than this is in a line
SMALLEST_RUN = 4  # pixels: a shorter run of inked rows is a rule or a speck, not a line
INSTALL = "sudo apt-get install -y tesseract-ocr tesseract-ocr-lao tesseract-ocr-eng"


if TYPE_CHECKING:
    from PIL import Image


class OcrError(Exception):
    """What stops `invoke ocr` before it reads a page; ``str()`` says what and what to do."""


class OcrUnavailable(OcrError):
    """Tesseract or one of its models is missing; ``str()`` says what to install."""


@dataclass(frozen=True)
class Page:
    """One page to read: a scan (``number`` 0) or a page of a PDF (from 1), both content-relative."""

    source: str
    number: int = 0


# (the pages of a text file to read, how many pages the text has)
Planned = tuple[list[Page], int]


# --- reading a page (in a worker process) -------------------------------------------------------------------------

LAO = "\u0e80-\u0eff"
# A line break (and the spaces around it) between two Lao letters: Lao wraps between words without a space, so
# the break is no word boundary, and a word cut by it would be two pieces to the search.
_WRAPPED = re.compile(f"(?<=[{LAO}])[ \\t]*\\n[ \\t]*(?=[{LAO}])")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Tesseract's ``text`` as the archive keeps it: without the spaces it puts inside a Lao syllable (the PDF
    text's repair), Lao lines of one paragraph joined, no trailing spaces, at most one blank line in a row."""
    from lao_search.pdftext import repair

    text = repair(text.replace("\f", "\n"))
    text = _WRAPPED.sub("", text)
    text = _TRAILING.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def inked(grey: Image.Image) -> Image.Image:
    """``grey`` with its ink white (255) and the rest black."""
    return grey.point(lambda v: 255 if v < 128 else 0)


def row_ink(ink: Image.Image) -> bytes:
    """The mean ink of each row of ``ink`` (inked), top to bottom, 0-255."""
    from PIL import Image

    return ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()


def text_height(grey: Image.Image) -> float | None:
    """The height (pixels) of the body of a line of text on ``grey`` (level): the median height of the runs of
    rows with ink, in eight vertical strips (so that columns side by side need not line up); None without text."""
    ink = inked(grey)
    heights: list[int] = []
    for k in range(STRIPS):
        rows = row_ink(ink.crop((k * ink.width // STRIPS, 0, (k + 1) * ink.width // STRIPS, ink.height)))
        start: int | None = None
        for y, mean in enumerate([*rows, 0]):
            if mean > INKED and start is None:
                start = y
            elif mean <= INKED and start is not None:
                if y - start >= SMALLEST_RUN:
                    heights.append(y - start)
                start = None
    return statistics.median(heights) if heights else None


def scale_of(grey: Image.Image) -> float:
    """How much to scale ``grey`` (level) for Tesseract: to bring its lines' bodies to about TEXT_HEIGHT pixels
    (measured: measure/ocr_measure.py), within MOST_SCALE either way; 1 when they are near it already."""
    height = text_height(grey)
    if not height:
        return 1.0
    scale = min(MOST_SCALE, max(1 / MOST_SCALE, TEXT_HEIGHT / height))
    return 1.0 if abs(scale - 1) < NEAR else scale


def scaled(grey: Image.Image, scale: float) -> Image.Image:
    if scale == 1:
        return grey
    from PIL import Image

    return grey.resize(
        (max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), Image.Resampling.LANCZOS
    )


SKEWS = [step / 5 for step in range(-15, 16)]  # the tilts tried, in degrees: ±3° by 0.2°
SKEW_WIDTH = 800  # the width of the copy the tilt is measured on


def skew_of(grey: Image.Image) -> float:
    """The tilt (degrees) that lines of text on ``grey`` have: the rotation that makes the ink's rows most uneven
    (lines dark, the space between them light), measured on a small copy."""
    from PIL import Image

    small = grey.resize((SKEW_WIDTH, max(1, round(grey.height * SKEW_WIDTH / grey.width))), Image.Resampling.BOX)
    ink = inked(small)

    def unevenness(angle: float) -> float:
        rows = row_ink(ink.rotate(angle, resample=Image.Resampling.NEAREST))
        mean = sum(rows) / len(rows)
        return sum((row - mean) ** 2 for row in rows)

    return max(SKEWS, key=lambda angle: (unevenness(angle), -abs(angle)))


def deskewed(grey: Image.Image) -> Image.Image:
    """``grey`` turned so that its lines of text are level (when they are off by 0.3° or more)."""
    from PIL import Image

    angle = skew_of(grey)
    if abs(angle) < 0.3:
        return grey
    return grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def binarised(grey: Image.Image) -> Image.Image:
    """``grey`` in black and white at Otsu's threshold (measured, and left out: Tesseract's own does better)."""
    histogram = grey.histogram()[:256]
    total = sum(histogram)
    everything = sum(i * count for i, count in enumerate(histogram))
    below = weight = 0
    best: float = -1
    threshold = 128
    for i, count in enumerate(histogram):
        weight += count
        below += i * count
        if not weight or weight == total:
            continue
        between = weight * (total - weight) * (below / weight - (everything - below) / (total - weight)) ** 2
        if between > best:
            best, threshold = between, i
    return grey.point(lambda v: 255 if v > threshold else 0)


def prepared(image: Image.Image) -> Image.Image:
    """``image`` as Tesseract reads it best (measured: measure/ocr_measure.py): grey, level, its text scaled to about
    TEXT_HEIGHT."""
    level = deskewed(image.convert("L"))
    return scaled(level, scale_of(level))


def recognise(image: Image.Image) -> str:
    """The text Tesseract reads on ``image`` (prepared), tidied."""
    import pytesseract

    return tidy(pytesseract.image_to_string(image, lang="+".join(LANGUAGES), config="--psm 3"))


def page_image(content: str, page: Page) -> Image.Image:
    """The image of ``page``: the scan, or the PDF's page rendered at DPI."""
    from PIL import Image

    path = os.path.join(content, page.source)
    if not page.number:
        with Image.open(path) as image:
            image.load()
            return prepared(image)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    try:
        rendered = pdf[page.number - 1].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    return prepared(rendered)


def read_page(
    content: str, page: Page, recognise: Callable[[Image.Image], str] = recognise
) -> tuple[Page, str | None, str | None]:
    """(page, its text, None) or (page, None, why it could not be read); ``recognise``: image -> text."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per process: the pages run side by side
    try:
        image = page_image(content, page)
    except Exception as error:  # noqa: BLE001 - any file an editor put there: say which, go on with the others
        return page, None, f"cannot be read as an image: {error}"
    try:
        return page, recognise(image), None
    except Exception as error:  # noqa: BLE001 - Tesseract's own failure on this page
        return page, None, f"Tesseract failed: {str(error).strip() or type(error).__name__}"


def check_tesseract() -> None:
    """Raises OcrUnavailable when Tesseract or a model it needs is missing."""
    import pytesseract

    try:
        found = set(pytesseract.get_languages())
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable(f"Tesseract is not installed: {INSTALL}") from None
    missing = [lang for lang in LANGUAGES if lang not in found]
    if missing:
        raise OcrUnavailable(f"Tesseract has no model for {', '.join(missing)}: {INSTALL}")


# --- what to read -------------------------------------------------------------------------------------------------


def digest(path: str) -> str:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def load_record(content: str) -> dict[str, str]:
    path = os.path.join(content, RECORD)
    try:
        with open(path, encoding="utf-8") as file:
            record = json.load(file)
    except FileNotFoundError:
        return {}
    except (ValueError, UnicodeDecodeError) as error:
        raise OcrError(
            f"{path} cannot be read ({error}): restore it from git, or delete it to keep every text"
        ) from None
    if not isinstance(record, dict) or not all(isinstance(value, str) for value in record.values()):
        raise OcrError(f"{path} is not what `invoke ocr` writes: restore it from git, or delete it to keep every text")
    return record


def save_record(content: str, record: Mapping[str, str]) -> None:
    path = os.path.join(content, RECORD)
    with open(path + ".partial", "w", encoding="utf-8") as file:
        json.dump(dict(sorted(record.items())), file, ensure_ascii=False, indent=1)
        file.write("\n")
    os.replace(path + ".partial", path)


def printed_files(content: str) -> tuple[list[str], dict[str, str]]:
    """(the scans and PDFs every item names, sorted; {scan: the PDF of its item})."""
    from archive.validate import read_sources

    from .build import site_schema

    schema = site_schema()
    sources, _unreadable = read_sources(content, multiline=schema.multiline)
    named: set[str] = set()
    pdf_of: dict[str, str] = {}
    for source in sources.values():
        pdfs = [target for _name, target in schema.files_named(source.meta) if target.lower().endswith(".pdf")]
        scans = [target for target in pages_named(source.meta) if machinetext.is_scan(target)]
        named.update(pdfs, scans)
        for scan in scans:
            if pdfs:
                pdf_of.setdefault(scan, pdfs[0])
    return sorted(named), pdf_of


def pages_without_text(path: str) -> tuple[list[int], int] | None:
    """(the numbers, from 1, of the pages of the PDF at ``path`` that have no text layer, how many it has); None
    when it is no file or cannot be read (the build names it)."""
    from lao_search import pdftext

    if not os.path.isfile(path):
        return None
    try:
        texts = pdftext.page_texts(path, repaired=False)
    except pdftext.PdfUnreadable:
        return None
    return [n for n, text in enumerate(texts, 1) if not text.strip()], len(texts)


def plan(content: str, force: bool = False, replace_edited: bool = False) -> tuple[dict[str, Planned], list[str]]:
    """({text file: (its pages, how many pages the text has)}, [what was left and why]) of ``content``."""
    targets, pdf_of = printed_files(content)
    record = load_record(content)
    textless = functools.cache(lambda pdf: pages_without_text(os.path.join(content, pdf)))
    todo: dict[str, Planned] = {}
    notes: list[str] = []
    for target in targets:
        full = os.path.join(content, target)
        if not os.path.isfile(full):
            continue  # the build names it
        if machinetext.is_scan(target):
            typed = target in pdf_of and textless(pdf_of[target])
            if typed and not typed[0]:
                notes.append(f"{target}: skipped, the text of its item's PDF {pdf_of[target]} is typed")
                continue
            pages, count = [Page(target)], 1
        else:
            found = textless(target)
            if not found or not found[0]:
                continue  # every page has text (or it cannot be read)
            pages, count = [Page(target, n) for n in found[0]], found[1]
        text = machinetext.text_path(full)
        relative = machinetext.text_path(target)
        if os.path.exists(text):
            edited = record.get(relative) != digest(text)
            older = machinetext.is_older(full)
            if edited and not replace_edited:
                if older:
                    notes.append(f"{relative}: older than {target}, kept: an editor changed it (--replace-edited)")
                continue
            if not edited and not older and not force:
                continue
        todo[relative] = (pages, count)
    return todo, notes


# --- the run ------------------------------------------------------------------------------------------------------


def run(
    content: str,
    force: bool = False,
    replace_edited: bool = False,
    workers: int | None = None,
    say: Callable[[str], object] = print,
    recognise: Callable[[Image.Image], str] = recognise,
) -> int:
    """Reads what plan() finds in ``content``; returns the number of pages that could not be read. ``recognise``
    (image -> text, a module-level function: the pages are read in other processes) is Tesseract's."""
    content = os.path.abspath(content)
    todo, notes = plan(content, force=force, replace_edited=replace_edited)
    for note in notes:
        say(note)
    pages = [page for page_list, _count in todo.values() for page in page_list]
    if not pages:
        say("OCR: every scan and image-only PDF page has its text.")
        return 0
    check_tesseract()
    workers = workers or os.cpu_count() or 1
    say(f"OCR: {len(pages)} page(s) of {len(todo)} file(s), {workers} at a time (Tesseract {'+'.join(LANGUAGES)}) …")
    record = load_record(content)
    texts: dict[Page, str] = {}  # page -> text
    failed = 0
    started = time.perf_counter()
    text_of = {page: relative for relative, (page_list, _count) in todo.items() for page in page_list}
    left: dict[str, int | None] = {relative: len(page_list) for relative, (page_list, _count) in todo.items()}
    # Processes started afresh (forkserver), not forked: a fork of a process with threads (a caller's server, a
    # browser's driver) may hang on a lock one of them held.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver")) as pool:
        futures = [pool.submit(read_page, content, page, recognise) for page in pages]
        for done, future in enumerate(as_completed(futures), 1):
            page, text, problem = future.result()
            relative = text_of[page]
            if problem:
                failed += 1
                where = f"{page.source}, page {page.number}" if page.number else page.source
                say(f"content/{where}: {problem}")
                left[relative] = None  # not written: a text with a page missing would look complete
            elif text is not None:
                texts[page] = text
            remaining = left[relative]
            if remaining is not None:
                left[relative] = remaining - 1
                if remaining == 1:
                    write_text(content, relative, todo[relative], texts, record)
            elapsed = time.perf_counter() - started
            each = elapsed * workers / done
            say(
                f"OCR: {done}/{len(pages)} pages, {each:.1f} s of a core per page, "
                f"about {(len(pages) - done) * elapsed / done / 60:.1f} min left"
            )
    save_record(content, record)
    return failed


def write_text(
    content: str, relative: str, planned: Planned, texts: Mapping[Page, str], record: dict[str, str]
) -> None:
    pages, count = planned
    if pages[0].number:  # a PDF: every page, those with a text layer left empty
        by_number = {page.number: texts[page] for page in pages}
        machinetext.write_pages(os.path.join(content, relative), [by_number.get(n, "") for n in range(1, count + 1)])
    else:
        machinetext.write_pages(os.path.join(content, relative), [texts[pages[0]]])
    record[relative] = digest(os.path.join(content, relative))
