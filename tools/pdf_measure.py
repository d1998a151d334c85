"""How well each PDF library reads Lao back: the measurement behind plugins/lao_search/pdftext.py.

Prints PDFs of known Lao text with the producers this machine has (Chromium through Playwright, with the site's
Noto Sans Lao; LibreOffice when `soffice` and a system Noto Sans Lao are installed), reads each page back with
each library installed (pypdfium2, our pdftext, pdfplumber, pypdf, poppler's pdftotext), and compares it with the
text printed, after the search's own normalisation (lao_search.text.folded):
  * CER: character error rate, the edit distance over the length of the known text, whitespace left out of
    both (so it counts letters and marks lost, added, moved or doubled, not spaces);
  * words: how many of the page's distinct Lao words (ICU's, as the index finds them) are found inside one
    whitespace-free run of the text read, as a query is; a space inside a word loses it. Read as is, then after
    ``pdftext.repair``.

    .venv/bin/python -m tools.pdf_measure             # the table
    .venv/bin/python -m tools.pdf_measure --keep DIR  # ... and keep the PDFs in DIR
    .venv/bin/python -m tools.pdf_measure --fixtures  # write tests/fixtures/pdf/

Only pypdfium2 is needed by pdftext; to compare the others, install them, e.g.
`.venv/bin/pip install pdfplumber==0.11.10 pypdf==7.1.1`, and Debian's poppler-utils, libreoffice-writer-nogui
and fonts-noto-core. Those missing are named under the table.
"""

import argparse
import base64
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lao_search import pdftext
from lao_search.text import chunks, folded, has_lao, words

ROOT = Path(__file__).resolve().parent.parent
FONTSOURCE = ROOT / "node_modules" / "@fontsource" / "noto-sans-lao"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # as tests/conftest.py
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

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
# The committed fixture: two pages, two paragraphs each (small, and with the clusters that go wrong).
FIXTURE_PAGES = [(heading, paragraphs[:2]) for heading, paragraphs in PAGES[:2]]


def known_text(page):
    heading, paragraphs = page
    return "\n".join([heading, *paragraphs])


# Producers: each writes the pages to a PDF at `path`, or returns why it cannot on this machine.


def _fontsource_css(weights):
    """The site's @font-face rules for Noto Sans Lao (fontsource's, with their unicode ranges), the fonts inlined:
    a page set from a string has no base URL to load them from."""
    rules = []
    for weight in weights:
        css = (FONTSOURCE / f"{weight}.css").read_text(encoding="utf-8")
        css = re.sub(r", url\([^)]*\.woff\) format\('woff'\)", "", css)
        rules.append(re.sub(r"url\(\./files/([^)]+\.woff2)\)", _data_url, css))
    return "\n".join(rules)


def _data_url(match):
    data = base64.b64encode((FONTSOURCE / "files" / match.group(1)).read_bytes()).decode("ascii")
    return f"url(data:font/woff2;base64,{data})"


def page_html(pages, css, layout=""):
    sections = "\n".join(
        "<section>"
        + f"<h1>{html.escape(heading)}</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</section>"
        for heading, paragraphs in pages
    )
    return (
        '<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>'
        f"{css}\nbody {{ font-family: 'Noto Sans Lao', sans-serif; font-size: 13pt; line-height: 1.6 }}"
        "h1 { font-size: 20pt } section + section { break-before: page }"
        f"{layout}</style></head><body>{sections}</body></html>"
    )


def _chromium(pages, path, weights, layout=""):
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        return f"no {CHROMIUM}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(page_html(pages, _fontsource_css(weights), layout))
            page.evaluate("document.fonts.ready")
            page.pdf(path=str(path), format="A5", margin={"top": "15mm", "bottom": "15mm", "left": "15mm"})
        finally:
            browser.close()
    return None


def chromium(pages, path):
    """Chromium with the site's fonts (regular and bold)."""
    return _chromium(pages, path, (400, 700))


def chromium_fake_bold(pages, path):
    """Chromium with the regular font only: it makes the bold of headings up (a Type 3 font in the PDF)."""
    return _chromium(pages, path, (400,))


def chromium_columns(pages, path):
    """Chromium with the site's fonts, set as a newspaper is: two justified columns of smaller type."""
    return _chromium(pages, path, (400, 700), "section { font-size: 10pt; columns: 2; text-align: justify }")


def libreoffice(pages, path):
    """LibreOffice Writer from HTML, in the system's Noto Sans Lao (Debian's fonts-noto-core)."""
    soffice = shutil.which("soffice")
    if not soffice:
        return "no soffice (apt-get install libreoffice-writer-nogui)"
    fonts = subprocess.run(["fc-list", ":family=Noto Sans Lao"], capture_output=True, text=True).stdout
    if not fonts.strip():
        return "no system Noto Sans Lao for LibreOffice (apt-get install fonts-noto-core)"
    body = "".join(
        f'<h1 style="page-break-before: {"always" if k else "auto"}">{html.escape(heading)}</h1>'
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for k, (heading, paragraphs) in enumerate(pages)
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "pages.html")
        source.write_text(
            '<!doctype html><html lang="lo"><head><meta charset="utf-8"><style>'
            'body { font-family: "Noto Sans Lao"; font-size: 13pt }</style></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
        profile = Path(tmp, "profile").as_uri()  # its own profile: no lock on, or change to, the user's
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf"]
            + ["--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(tmp, "pages.pdf"), path)
    return None


PRODUCERS = {
    "chromium": chromium,
    "chromium-fake-bold": chromium_fake_bold,
    "chromium-columns": chromium_columns,
    "libreoffice": libreoffice,
}


# Extractors: each reads the text of each page of a PDF, or raises ImportError / FileNotFoundError when missing.


def read_pypdfium2(path):
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def read_pdftext(path):
    return pdftext.page_texts(path, repaired=False)


def read_pdfplumber(path):
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # a warning for each of Chromium's Type 3 fonts

    with pdfplumber.open(path) as document:
        return [page.extract_text() or "" for page in document.pages]


def read_pypdf(path):
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def read_pdftotext(path):
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


def distance(a, b):
    """Levenshtein distance between two strings."""
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _letters(text):
    return "".join(chunks(folded(text)))


def cer(known, got):
    known = _letters(known)
    return distance(known, _letters(got)) / len(known)


def lao_words(text):
    return sorted({word for word in words(text) if has_lao(word)})


def words_found(known, got):
    """(found, all) of the distinct Lao words of ``known``, each looked for inside one run of ``got``."""
    runs = chunks(folded(got))
    wanted = lao_words(known)
    return sum(any(word in run for run in runs) for word in wanted), len(wanted)


def measure(path, pages, read, runs=3):
    seconds = []
    for _ in range(runs):  # the best of a few: the first run of a library also imports it
        start = time.perf_counter()
        got = read(path)
        seconds.append(time.perf_counter() - start)
    if len(got) != len(pages):
        return None
    known = [known_text(page) for page in pages]
    found = [words_found(k, g) for k, g in zip(known, got, strict=True)]
    repaired = [words_found(k, pdftext.repair(g)) for k, g in zip(known, got, strict=True)]
    return {
        "cer": sum(cer(k, g) * len(_letters(k)) for k, g in zip(known, got, strict=True))
        / sum(len(_letters(k)) for k in known),
        "found": (sum(f for f, _ in found), sum(n for _, n in found)),
        "repaired": (sum(f for f, _ in repaired), sum(n for _, n in repaired)),
        "ms": 1000 * min(seconds) / len(pages),
    }


def page_count(path):
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def table(folder):
    notes = []
    pdfs = {}
    for name, produce in PRODUCERS.items():
        path = Path(folder, f"{name}.pdf")
        why = produce(PAGES, path)
        if why:
            notes.append(f"{name}: not measured, {why}")
        elif page_count(path) != len(PAGES):
            notes.append(f"{name}: not measured, {page_count(path)} pages printed, not {len(PAGES)}")
        else:
            pdfs[name] = path
    print(f"{'library':<16} {'producer':<19} {'CER':>6} {'words':>8} {'repaired':>8} {'ms/page':>8}")
    for extractor, read in EXTRACTORS.items():
        for producer, path in pdfs.items():
            try:
                m = measure(path, PAGES, read)
            except (ImportError, FileNotFoundError) as error:
                notes.append(f"{extractor}: not measured, {error}")
                break
            if m is None:
                print(f"{extractor:<16} {producer:<19} (another number of pages)")
                continue
            found, repaired = ("{}/{}".format(*m[key]) for key in ("found", "repaired"))
            print(f"{extractor:<16} {producer:<19} {m['cer']:>6.1%} {found:>8} {repaired:>8} {m['ms']:>8.1f}")
    for producer, path in pdfs.items():
        missed = [
            word
            for page, got in zip(PAGES, pdftext.page_texts(path), strict=True)
            for word in lao_words(known_text(page))
            if not any(word in run for run in chunks(folded(got)))
        ]
        print(f"missed by pdftext, {producer}: {' '.join(missed) or 'none'}")
    for note in notes:
        print(note)


# The committed fixtures of tests/test_pdftext.py


def fixtures(folder):
    """lao-news.pdf: FIXTURE_PAGES printed by Chromium; scan.pdf: a picture of its first page and no text;
    locked.pdf: a blank page that only opens with a password (made with pypdf, left as it is without it)."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    why = chromium(FIXTURE_PAGES, folder / "lao-news.pdf")
    if why:
        sys.exit(why)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("--fixtures", action="store_true", help=f"write the test fixtures to {FIXTURES}")
    args = parser.parse_args(argv)
    if args.fixtures:
        fixtures(FIXTURES)
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        table(args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            table(folder)


if __name__ == "__main__":
    main()
