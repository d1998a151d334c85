"""How well each PDF library reads Lao back: the measurement behind plugins/lao_search/pdftext.py.

Prints PDFs of known Lao text (with Latin words and digits; a 3-page news document and a 36-page one whose
paragraphs wrap over many lines) in each Lao font Lao publishers use (Phetsarath OT, the government's standard,
Debian's fonts-lao; Noto Sans Lao and Noto Serif Lao, fonts-noto-core; the site's Noto Sans Lao web font) with
each producer (Chromium through Playwright, plain, in two justified columns and in a newspaper's four; LibreOffice
Writer from HTML), reads each page back with each library installed (pypdfium2, our pdftext, pdfplumber, pypdf,
poppler's pdftotext), and compares it with the text printed, after the search's own normalisation
(lao_search.text.folded):
  * CER: character error rate, the edit distance over the length of the known text, whitespace left out of
    both (so it counts letters and marks lost, added, moved or doubled, not spaces);
  * words: how many of the page's Lao words (ICU's, as the index finds them) are found inside one
    whitespace-free run of the text read, as a query is; a space inside a word loses it;
  * breaks: where the letters are all right, whitespace between two Lao letters made up (a space inside a word,
    a wrapped line not joined) and lost.

    .venv/bin/python -m measure.pdf_measure                   # the table (~2 minutes)
    .venv/bin/python -m measure.pdf_measure --document news   # the short document only
    .venv/bin/python -m measure.pdf_measure --keep DIR        # ... and keep the PDFs in DIR
    .venv/bin/python -m measure.pdf_measure --fixtures        # write tests/fixtures/pdf/
    .venv/bin/python -m measure.pdf_measure --producers       # tests/fixtures/pdf/producers/: other producers

Only pypdfium2 is needed by pdftext; to compare the others, install them, e.g.
`.venv/bin/pip install pdfplumber==0.11.10 pypdf==7.1.1`, and Debian's poppler-utils, libreoffice-writer,
fonts-lao and fonts-noto-core. Those missing are named under the table.
"""

import argparse
import base64
import html
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from lao_search import pdftext
from lao_search.text import chunks, folded, has_lao, words
from tools.browser import CHROMIUM, launch

ROOT = Path(__file__).resolve().parent.parent
FONTSOURCE = ROOT / "node_modules" / "@fontsource" / "noto-sans-lao"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
# (heading, paragraphs) of a printed page
PrintedPage = tuple[str, list[str]]

# (heading, paragraphs) of each page: ICT news written for this test. Every mark and vowel that follows its
# consonant, the leading vowels, ຳ, ໍ, ຼ, ຽ, ໆ, ໜ and ໝ, Latin letters and digits.
PAGES = [
    (
        "ຂ່າວເຕັກໂນໂລຊີ",
        [
            "ນັກຄົ້ນຄວ້າລາວກຳລັງພັດທະນາແບບຈຳລອງພາສາ ທີ່ເຂົ້າໃຈຄຳເວົ້າພາສາລາວ.",
            "ຫ້ອງສະໝຸດແຫ່ງຊາດກຳລັງສະແກນປຶ້ມເກົ່າ ເພື່ອໃຫ້ທຸກຄົນອ່ານໄດ້ທາງອອນລາຍ.",
            "ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ໄດ້ເປີດນຳໃຊ້ລະບົບອິນເຕີເນັດຄວາມໄວສູງ ໃນເຂດຊົນນະບົດ.",
            "ບໍລິສັດໂທລະຄົມມະນາຄົມປະກາດຂະຫຍາຍເຄືອຂ່າຍ 5G ໄປທົ່ວນະຄອນຫຼວງວຽງຈັນ.",
        ],
    ),
    (
        "ການສຶກສາ ແລະ ຄວາມປອດໄພ",
        [
            "ຜູ້ຊ່ຽວຊານເຕືອນໃຫ້ປ່ຽນລະຫັດຜ່ານເລື້ອຍໆ ເພື່ອປ້ອງກັນການໂຈມຕີທາງໄຊເບີ.",
            "ກ້ອງດິຈິຕອນຖ່າຍຮູບສັດປ່າ ຢູ່ໃນປ່າສະຫງວນ ໃນເດືອນມັງກອນ 2026.",
            "ນັກສຶກສາຫຼາຍຄົນໄດ້ຮຽນຂຽນໂປຣແກຣມຄອມພິວເຕີ ຢູ່ມະຫາວິທະຍາໄລແຫ່ງຊາດ.",
            "ໄວໜຸ່ມລາວເຂົ້າຮ່ວມການແຂ່ງຂັນຫຸ່ນຍົນ ແລະ ໄດ້ຮັບລາງວັນທີສອງ.",
        ],
    ),
    (
        "ເສດຖະກິດດິຈິຕອນ",
        [
            "ທະນາຄານຫຼາຍແຫ່ງເປີດບໍລິການ QR ໃຫ້ລູກຄ້າຊຳລະເງິນໄດ້ໄວຂຶ້ນ.",
            "ຊາວກະສິກອນນຳໃຊ້ໂທລະສັບສະຫຼາດ ເພື່ອກວດເບິ່ງລາຄາເຂົ້າ ແລະ ສະພາບອາກາດ.",
            "ສູນຂໍ້ມູນແຫ່ງໃໝ່ຈະເກັບຮັກສາຂໍ້ມູນຂອງພາກລັດຢ່າງປອດໄພ.",
            "ໂຮງຮຽນໃນແຂວງຫຼວງພະບາງໄດ້ຮັບຄອມພິວເຕີໃໝ່ ສຳລັບຫ້ອງທົດລອງ.",
        ],
    ),
]
# Sentences with Latin words and digits, for the long document's paragraphs.
MIXED = [
    "ໂຄງການ e-Government ໄລຍະທີ 2 ຈະເຊື່ອມຕໍ່ 148 ເມືອງ ເຂົ້າກັບເຄືອຂ່າຍ LaoNet ພາຍໃນປີ 2027.",
    "ລາຄາແພັກເກັດ Wi-Fi ຫຼຸດລົງເຫຼືອ 99.000 ກີບຕໍ່ເດືອນ ສຳລັບນັກຮຽນ ແລະ ຄູອາຈານ.",
    "ກອງປະຊຸມ ASEAN Digital Forum ຄັ້ງທີ 5 ຈັດຂຶ້ນຢູ່ນະຄອນຫຼວງວຽງຈັນ ມີຜູ້ເຂົ້າຮ່ວມ 1.200 ຄົນ.",
    "ແອັບ LaoPay ມີຜູ້ໃຊ້ຫຼາຍກວ່າ 350.000 ຄົນ ແລະ ຮອງຮັບ Android ກັບ iOS.",
]
SENTENCES = [sentence for _heading, paragraphs in PAGES for sentence in paragraphs] + MIXED
HEADINGS = [heading for heading, _paragraphs in PAGES] + ["ໂທລະຄົມ ແລະ ອິນເຕີເນັດ"]


def long_document(count: int = 36) -> list[PrintedPage]:
    """``count`` pages, each a heading and three paragraphs of several sentences that wrap over many lines."""
    pages: list[PrintedPage] = []
    for n in range(count):
        paragraphs = [
            " ".join(SENTENCES[(n * 5 + k * 3 + s) % len(SENTENCES)] for s in range(2 + (n + k) % 2)) for k in range(3)
        ]
        pages.append((f"{HEADINGS[n % len(HEADINGS)]} {n + 1}", paragraphs))
    return pages


DOCUMENTS = {"news": PAGES, "long": long_document()}
# The committed fixtures: two pages, two paragraphs each (small, and with the clusters that go wrong), and a page of
# the long document's (its paragraphs wrap).
FIXTURE_PAGES = [(heading, paragraphs[:2]) for heading, paragraphs in PAGES[:2]]
# A page of each: what tests/test_pdftext.py reads in each font and producer. The long document's page, its
# paragraphs without their last full stop: paragraphs that wrap over lines and end in Lao (a break to keep).
FONT_FIXTURE_PAGES = [
    (PAGES[0][0], PAGES[0][1][:2]),
    (DOCUMENTS["long"][1][0], [paragraph.removesuffix(".") for paragraph in DOCUMENTS["long"][1][1]]),
]
# Fonts: a family fontconfig knows (Debian's fonts-lao, fonts-noto-core), or the site's web font (fontsource's
# Noto Sans Lao, with unicode ranges: Latin letters come from another font), which only Chromium can use.
FONTS = {
    "Phetsarath OT": "fonts-lao",
    "Noto Sans Lao": "fonts-noto-core",
    "Noto Serif Lao": "fonts-noto-core",
}
WEB_FONT = "Noto Sans Lao (web)"


def known_text(page: PrintedPage) -> str:
    heading, paragraphs = page
    return "\n".join([heading, *paragraphs])


# Producers: each writes the pages to a PDF at `path` in a font, or returns why it cannot on this machine.


def _fontsource_css(weights: Iterable[int]) -> str:
    """The site's @font-face rules for Noto Sans Lao (fontsource's, with their unicode ranges), the fonts inlined:
    a page set from a string has no base URL to load them from."""
    rules: list[str] = []
    for weight in weights:
        css = (FONTSOURCE / f"{weight}.css").read_text(encoding="utf-8")
        css = re.sub(r", url\([^)]*\.woff\) format\('woff'\)", "", css)
        rules.append(re.sub(r"url\(\./files/([^)]+\.woff2)\)", _data_url, css))
    return "\n".join(rules)


def _data_url(match: re.Match[str]) -> str:
    data = base64.b64encode((FONTSOURCE / "files" / match.group(1)).read_bytes()).decode("ascii")
    return f"url(data:font/woff2;base64,{data})"


def missing_font(font: str) -> str | None:
    """Why ``font`` cannot be printed on this machine, or None."""
    if font == WEB_FONT:
        return None if FONTSOURCE.is_dir() else f"no {FONTSOURCE.relative_to(ROOT)} (npm install)"
    fonts = subprocess.run(["fc-list", f":family={font}"], capture_output=True, text=True).stdout
    return None if fonts.strip() else f"no system {font} (apt-get install {FONTS[font]})"


def page_html(pages: Iterable[PrintedPage], css: str, layout: str = "", family: str = "Noto Sans Lao") -> str:
    sections = "\n".join(
        "<section>"
        + f"<h1>{html.escape(heading)}</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</section>"
        for heading, paragraphs in pages
    )
    return (
        '<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>'
        f"{css}\nbody {{ font-family: '{family}', sans-serif; font-size: 13pt; line-height: 1.6 }}"
        "h1 { font-size: 20pt } section + section { break-before: page }"
        f"{layout}</style></head><body>{sections}</body></html>"
    )


def _chromium(pages: Iterable[PrintedPage], path: Path, font: str, layout: str = "", paper: str = "A5") -> str | None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        return f"no {CHROMIUM}"
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            if font == WEB_FONT:
                page.set_content(page_html(pages, _fontsource_css((400, 700)), layout))
            else:
                page.set_content(page_html(pages, "", layout, family=font))
            page.evaluate("document.fonts.ready")
            page.pdf(path=str(path), format=paper, margin={"top": "15mm", "bottom": "15mm", "left": "15mm"})
        finally:
            browser.close()
    return None


def chromium(pages: Iterable[PrintedPage], path: Path, font: str) -> str | None:
    """Chromium (through Playwright), A5."""
    return _chromium(pages, path, font)


def chromium_columns(pages: Iterable[PrintedPage], path: Path, font: str) -> str | None:
    """Chromium, set as a newspaper is: two justified columns of smaller type."""
    return _chromium(pages, path, font, "section { font-size: 10pt; columns: 2; text-align: justify }")


def chromium_newspaper(pages: Iterable[PrintedPage], path: Path, font: str) -> str | None:
    """Chromium, set as measure/catalogue.py sets a newspaper edition: four justified columns of 15.5 px type on
    A4, the text running from the foot of one column to the head of the next (PDFium makes up a space at the end of
    many of those lines)."""
    layout = (
        "section { columns: 4; column-gap: 26px; font-size: 15.5px; line-height: 1.5; text-align: justify }"
        "h1 { font-weight: normal }"  # as chromium_small's: no bold made up in a Type 3 font, a small fixture
    )
    return _chromium(pages, path, font, layout, paper="A4")


def libreoffice(pages: Iterable[PrintedPage], path: Path, font: str) -> str | None:
    """LibreOffice Writer from HTML (`soffice --convert-to pdf`)."""
    soffice = shutil.which("soffice")
    if not soffice:
        return "no soffice (apt-get install libreoffice-writer)"
    if font == WEB_FONT:
        return "the web font is for browsers"
    body = "".join(
        f'<h1 style="page-break-before: {"always" if k else "auto"}">{html.escape(heading)}</h1>'
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for k, (heading, paragraphs) in enumerate(pages)
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "pages.html")
        source.write_text(
            '<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>'
            f'body {{ font-family: "{font}"; font-size: 13pt }}</style></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
        profile = Path(tmp, "profile").as_uri()  # its own profile: no lock on, or change to, the user's
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(tmp, "pages.pdf"), path)
    return None


PRODUCERS = {
    "chromium": chromium,
    "chromium-columns": chromium_columns,
    "chromium-newspaper": chromium_newspaper,
    "libreoffice": libreoffice,
}


# Extractors: each reads the text of each page of a PDF, or raises ImportError / FileNotFoundError when missing.


def read_pypdfium2(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def read_pdftext(path: Path) -> list[str]:
    return pdftext.page_texts(path)


def read_pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a warning for each of Chromium's Type 3 fonts

    with pdfplumber.open(path) as document:
        return [page.extract_text() or "" for page in document.pages]


def read_pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def read_pdftotext(path: Path) -> list[str]:
    if not shutil.which("pdftotext"):
        raise FileNotFoundError("pdftotext (apt-get install poppler-utils)")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True)
    return out.stdout.split("\f")[:-1]


EXTRACTORS = {
    "pypdfium2": read_pypdfium2,
    "pdftext (ours)": read_pdftext,
    "pdfplumber": read_pdfplumber,  # pdfminer.six's layout
    "pypdf": read_pypdf,
    "pdftotext": read_pdftotext,
}


# Measures


def distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings."""
    while a and b and a[0] == b[0]:  # the same start and end cost nothing (and most pages are read exactly)
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _letters(text: str) -> str:
    return "".join(chunks(folded(text)))


def cer(known: str, got: str) -> float:
    letters = _letters(known)
    return distance(letters, _letters(got)) / len(letters)


def breaks(text: str) -> set[int]:
    """Where ``text`` has whitespace between two Lao letters: after how many of its letters."""
    runs = chunks(folded(text))
    where: set[int] = set()
    letters = 0
    for run, following in pairwise(runs):
        letters += len(run)
        if has_lao(run[-1]) and has_lao(following[0]):
            where.add(letters)
    return where


def breaks_wrong(known: str, got: str) -> tuple[int, int] | None:
    """(made up, lost): whitespace between Lao letters that ``got`` has and ``known`` has not (a space inside a
    word, a wrapped line not joined), and the other way round; None when the letters differ."""
    if _letters(known) != _letters(got):
        return None
    known_breaks, got_breaks = breaks(known), breaks(got)
    return len(got_breaks - known_breaks), len(known_breaks - got_breaks)


def lao_words(text: str) -> list[str]:
    return sorted({word for word in words(text) if has_lao(word)})


def words_found(known: str, got: str) -> tuple[int, int]:
    """(found, all) of the distinct Lao words of ``known``, each looked for inside one run of ``got``."""
    runs = chunks(folded(got))
    wanted = lao_words(known)
    return sum(any(word in run for run in runs) for word in wanted), len(wanted)


def measure(
    path: Path, pages: Sequence[PrintedPage], read: Callable[[Path], list[str]], runs: int = 2
) -> dict[str, Any] | None:
    seconds: list[float] = []
    got: list[str] = []
    for _ in range(runs):  # the best of a few: the first run of a library also imports it
        start = time.perf_counter()
        got = read(path)
        seconds.append(time.perf_counter() - start)
    if len(got) != len(pages):
        return None
    known = [known_text(page) for page in pages]
    found = [words_found(k, g) for k, g in zip(known, got, strict=True)]
    wrong = [breaks_wrong(k, g) for k, g in zip(known, got, strict=True)]
    both = [w for w in wrong if w is not None]  # every page's, when none of them reads other letters
    return {
        "cer": sum(cer(k, g) * len(_letters(k)) for k, g in zip(known, got, strict=True))
        / sum(len(_letters(k)) for k in known),
        "found": (sum(f for f, _ in found), sum(n for _, n in found)),
        "breaks": tuple(sum(w[k] for w in both) for k in (0, 1)) if len(both) == len(wrong) else None,
        "ms": 1000 * min(seconds) / len(pages),
    }


def page_count(path: str | Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def slug(font: str) -> str:
    return re.sub(r"[^a-z]+", "-", font.lower()).strip("-")


def printed(folder: str | Path, documents: Iterable[str], notes: list[str]) -> dict[tuple[str, str, str], Path]:
    """{(font, producer, document): path} of the PDFs printed into ``folder``; why the others are not, in
    ``notes``."""
    pdfs: dict[tuple[str, str, str], Path] = {}
    for font in [*FONTS, WEB_FONT]:
        why = missing_font(font)
        if why:
            notes.append(f"{font}: not measured, {why}")
            continue
        for producer, produce in PRODUCERS.items():
            for document in documents:
                pages = DOCUMENTS[document]
                path = Path(folder, f"{slug(font)}-{producer}-{document}.pdf")
                why = produce(pages, path, font)
                if why:
                    notes.append(f"{font}, {producer}: not measured, {why}")
                    break
                if page_count(path) != len(pages):
                    notes.append(f"{font}, {producer}, {document}: {page_count(path)} pages, not {len(pages)}")
                    continue
                pdfs[font, producer, document] = path
    return pdfs


def table(folder: str | Path, documents: Iterable[str] = tuple(DOCUMENTS)) -> None:
    notes: list[str] = []
    pdfs = printed(folder, documents, notes)
    print("CER: letters and marks wrong, spaces aside; words: Lao words found inside one run of the text read;")
    print("breaks: whitespace between Lao letters made up (a space in a word, a wrapped line) / lost; ms a page")
    print(f"{'font':<20} {'producer':<17} {'doc':<5} {'library':<15} {'CER':>6} {'words':>9} {'breaks':>9} {'ms':>5}")
    missing: set[str] = set()
    for (font, producer, document), path in pdfs.items():
        _rows(f"{font:<20} {producer:<17} {document:<5}", path, DOCUMENTS[document], missing, notes)
    for (font, producer, document), path in pdfs.items():
        missed = {
            word
            for page, got in zip(DOCUMENTS[document], pdftext.page_texts(path), strict=True)
            for word in lao_words(known_text(page))
            if not any(word in run for run in chunks(folded(got)))
        }
        if missed:
            print(f"missed by pdftext, {font}, {producer}, {document}: {' '.join(sorted(missed)[:12])}")
    for note in notes:
        print(note)


def _rows(label: str, path: Path, pages: Sequence[PrintedPage], missing: set[str], notes: list[str]) -> None:
    """A row for each library installed (not in ``missing``, which gains those that are not) reading ``path``."""
    for extractor, read in EXTRACTORS.items():
        if extractor in missing:
            continue
        try:
            m = measure(path, pages, read)
        except (ImportError, FileNotFoundError) as error:
            notes.append(f"{extractor}: not measured, {error}")
            missing.add(extractor)
            continue
        row = f"{label} {extractor:<15}"
        if m is None:
            print(f"{row} (another number of pages)")
            continue
        found = "{}/{}".format(*m["found"])
        wrong = "{}/{}".format(*m["breaks"]) if m["breaks"] else "-"
        print(f"{row} {m['cer']:>6.1%} {found:>9} {wrong:>9} {m['ms']:>5.1f}")


PRODUCER_FIXTURES = FIXTURES / "producers"


def producers_table() -> None:
    """The committed PDFs of other producers (tests/fixtures/pdf/producers/, made by its make/make.sh: fpdf2, Cairo,
    Typst, wkhtmltopdf, LuaLaTeX, Tesseract's text layer), each a page of its pages.json, read by each library."""
    sets = json.loads((PRODUCER_FIXTURES / "pages.json").read_text(encoding="utf-8"))
    print(f"{'PDF':<32} {'library':<15} {'CER':>6} {'words':>9} {'breaks':>9} {'ms':>5}")
    missing: set[str] = set()
    notes: list[str] = []
    for path in sorted(PRODUCER_FIXTURES.glob("*.pdf")):
        text_set = next((name for name in sets if path.stem.endswith(name)), "news")  # ...-doubled, ...-english
        pages = [(heading, paragraphs) for heading, paragraphs in sets[text_set]]
        _rows(f"{path.name:<32}", path, pages, missing, notes)
    for note in notes:
        print(note)


# The committed fixtures of tests/test_pdftext.py


def chromium_small(pages: Iterable[PrintedPage], path: Path, font: str) -> str | None:
    """Chromium, headings in regular weight: a font without a bold (Phetsarath OT) is made bold in a Type 3 font,
    100 KB for a page."""
    return _chromium(pages, path, font, "h1 { font-weight: normal }")


FIXTURE_PRODUCERS = {"chromium": chromium_small, "libreoffice": libreoffice}
# A newspaper's page: a page of the long document in four justified columns (chromium_newspaper), in the font whose
# lines PDFium ends with made-up spaces most often (7 inside words on this page, read as the file has them).
NEWSPAPER_FONT = "Phetsarath OT"
NEWSPAPER_FIXTURE_PAGES = [DOCUMENTS["long"][10]]
NEWSPAPER_FIXTURE = "phetsarath-ot-newspaper.pdf"


def fixture_name(font: str, producer: str) -> str:
    return f"{slug(font)}-{producer}.pdf"


def fixtures(folder: Path) -> None:
    """lao-news.pdf: FIXTURE_PAGES printed by Chromium in the site's web font; for each system font and producer, a
    page of FIXTURE_PAGES and a page whose paragraphs wrap (FONT_FIXTURE_PAGES); NEWSPAPER_FIXTURE, a page set as a
    newspaper's; scan.pdf: a picture of lao-news.pdf's first page and no text; locked.pdf: a blank page that only
    opens with a password (made with pypdf, left as it is without it)."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    why = chromium(FIXTURE_PAGES, folder / "lao-news.pdf", WEB_FONT)
    if why:
        sys.exit(why)
    for font in FONTS:
        for producer in FIXTURE_PRODUCERS:
            why = missing_font(font) or FIXTURE_PRODUCERS[producer](
                FONT_FIXTURE_PAGES, folder / fixture_name(font, producer), font
            )
            if why:
                sys.exit(f"{font}, {producer}: {why}")
    why = missing_font(NEWSPAPER_FONT) or chromium_newspaper(
        NEWSPAPER_FIXTURE_PAGES, folder / NEWSPAPER_FIXTURE, NEWSPAPER_FONT
    )
    if why:
        sys.exit(f"{NEWSPAPER_FIXTURE}: {why}")
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 120})
            page.set_content(page_html(FIXTURE_PAGES[:1], _fontsource_css((400, 700))))
            page.evaluate("document.fonts.ready")
            picture = base64.b64encode(page.screenshot(type="jpeg", quality=40)).decode("ascii")
            page.set_content(f'<body style="margin:0"><img src="data:image/jpeg;base64,{picture}"></body>')
            page.pdf(path=str(folder / "scan.pdf"), width="360px", height="120px")
        finally:
            browser.close()
    try:
        import pypdf
    except ImportError:
        print("locked.pdf left as it is: pypdf is not installed")
    else:
        locked = pypdf.PdfWriter()
        locked.add_blank_page(width=100, height=100)
        locked.encrypt(user_password="secret", algorithm="RC4-128")
        locked.write(folder / "locked.pdf")
    for path in sorted(folder.glob("*.pdf")):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--fixtures", action="store_true", help=f"write the test fixtures to {FIXTURES}")
    parser.add_argument("--document", choices=DOCUMENTS, action="append", help="only these documents")
    parser.add_argument("--producers", action="store_true", help=f"measure the PDFs of {PRODUCER_FIXTURES}")
    args = parser.parse_args(argv)
    documents = tuple(args.document or DOCUMENTS)
    if args.fixtures:
        fixtures(FIXTURES)
    elif args.producers:
        producers_table()
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        table(args.keep, documents)
    else:
        with tempfile.TemporaryDirectory() as folder:
            table(folder, documents)


if __name__ == "__main__":
    main()
