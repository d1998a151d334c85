"""`invoke ocr-measure`: how well `invoke ocr` reads Lao page scans, step by step, on scans made here with known
text: pages of two columns of Lao sentences (with the Latin words and digits they carry) from
../shared/corpus/flores200-sib-lo-en.jsonl, printed by headless Chromium in Phetsarath OT, Noto Sans Lao and Noto
Serif Lao, shot at 150 and 300 dpi and made to look scanned (greyed newsprint, blurred, noisy, tilted: catalogue.py's
``photographed``; one set tilted 2° more).

For each step of tools/ocr.py's reading, cumulatively, it prints:
  * CER: the character error rate of the text read against the printed text, whitespace left out (Lao has none
    between words), both in the archive's normal spelling (edit distance by RapidFuzz, over the printed length);
  * word recall: of the printed text's Lao words (ICU's, three letters or more), those found whole, as the search
    finds them: inside one run of the text read without whitespace (a word cut by a line break is not found).
Figures to read, not a test.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from tools import ocr

if TYPE_CHECKING:
    from PIL import Image

FONTS = ("Phetsarath OT", "Noto Sans Lao", "Noto Serif Lao")
DPIS = (150, 300)
PAGE_INCHES = (8.27, 11.69)  # A4
SENTENCES = 26  # a page's worth in two columns at 10.5 pt
# (path, printed text, font, dpi, tilted) of a scan made
Scan = tuple[str, str, str, int, bool]
TILT = 2.0  # degrees, of the set that is tilted more


def page_html(sentences: Iterable[str], font: str) -> str:
    body = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    return (
        "<!doctype html><html lang=lo><head><meta charset=utf-8><style>"
        f"body {{ margin: 0; font-family: '{font}'; font-size: 10.5pt; line-height: 1.6; color: #1b1f24;"
        " background: #f5f1e6 } main { box-sizing: border-box; width: 8.27in; height: 11.69in; padding: 0.7in;"
        " columns: 2; column-gap: 0.35in; text-align: justify } p { margin: 0 0 6pt }"
        f"</style></head><body><main>{body}</main></body></html>"
    )


def make_scans(folder: str, pairs: Sequence[Mapping[str, str]], pages_per_font: int = 2, seed: int = 7) -> list[Scan]:
    """[(path, printed text, font, dpi, tilted)] of the scans made in ``folder`` (made once)."""
    import random

    from PIL import Image
    from playwright.sync_api import sync_playwright

    from tools.browser import launch

    from .catalogue import photographed

    rnd = random.Random(seed)
    lao = [pair["lo"] for pair in pairs]
    made: list[Scan] = []
    os.makedirs(folder, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            for font in FONTS:
                for k in range(pages_per_font):
                    start = rnd.randrange(len(lao) - SENTENCES)
                    sentences = lao[start : start + SENTENCES]
                    text = "\n".join(sentences)
                    for dpi in DPIS:
                        width, height = (round(inches * 96) for inches in PAGE_INCHES)
                        page = browser.new_page(
                            viewport={"width": width, "height": height}, device_scale_factor=dpi / 96
                        )
                        try:
                            page.set_content(page_html(sentences, font))
                            page.evaluate("document.fonts.ready")
                            shot = page.screenshot()
                        finally:
                            page.close()
                        for tilted in (False, True):
                            name = f"{font.replace(' ', '-')}-{k}-{dpi}{'-tilted' if tilted else ''}.jpg"
                            path = os.path.join(folder, name)
                            if not os.path.exists(path):
                                with Image.open(io.BytesIO(photographed(shot, name))) as shot_image:
                                    image: Image.Image = shot_image
                                    if tilted:
                                        image = image.rotate(
                                            TILT, resample=Image.Resampling.BICUBIC, fillcolor=(225,) * 3
                                        )
                                    image.save(path, "JPEG", quality=80, dpi=(dpi, dpi))
                            made.append((path, text, font, dpi, tilted))
        finally:
            browser.close()
    return made


# Each step adds to the one before (tools/ocr.py does all but those marked as left out).
GREY = {"grey": True}
LEVEL = {**GREY, "deskew": True}
SCALED = {**LEVEL, "scale": True}
STEPS: tuple[tuple[str, dict[str, bool]], ...] = (
    ("raw Tesseract (lao+eng, the scan as it is)", {}),
    ("grey", GREY),
    ("deskewed", LEVEL),
    ("scaled up to 300 dpi, left out", {**LEVEL, "dpi": True}),
    (f"scaled to lines {ocr.TEXT_HEIGHT} px high", SCALED),
    ("repairs: no spaces inside syllables, Lao lines joined", {**SCALED, "tidy": True}),
    ("binarised (Otsu), left out", {**SCALED, "tidy": True, "binarise": True}),
)


def read_with(path: str, step: Mapping[str, bool]) -> tuple[str, float]:
    from PIL import Image

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import pytesseract

    with Image.open(path) as image:
        image.load()
        work: Image.Image = image.convert("L") if step.get("grey") else image
        if step.get("deskew"):
            work = ocr.deskewed(work)
        if step.get("dpi"):  # from the resolution the scan declares
            work = ocr.scaled(work, max(1.0, 300 / image.info["dpi"][0]))
        if step.get("scale"):
            work = ocr.scaled(work, ocr.scale_of(work))
        if step.get("binarise"):
            work = ocr.binarised(work)
    started = time.perf_counter()
    text = pytesseract.image_to_string(work, lang="+".join(ocr.LANGUAGES), config="--psm 3")
    seconds = time.perf_counter() - started
    return (ocr.tidy(text) if step.get("tidy") else text), seconds


def words_of(text: str) -> list[str]:
    from lao_search.text import chunk_pieces, fold, normalise

    lao = re.compile("[\u0e80-\u0eff]")
    return [
        word
        for chunk in fold(normalise(text)).split()
        for _start, word in chunk_pieces(chunk)
        if lao.search(word) and len(word) >= 3
    ]


def scores(printed: str, read: str) -> tuple[float, float]:
    """(CER, word recall) of ``read`` against ``printed``."""
    from rapidfuzz.distance import Levenshtein

    from lao_search.text import fold, normalise

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", fold(normalise(text)))

    truth = squash(printed)
    cer = Levenshtein.distance(truth, squash(read)) / len(truth)
    runs = fold(normalise(read)).split()
    words = words_of(printed)
    recall = sum(any(word in run for run in runs) for word in words) / len(words)
    return cer, recall


def measure_one(job: tuple[str, str, int]) -> tuple[str, int, float, float, float]:
    path, printed, step_index = job
    read, seconds = read_with(path, STEPS[step_index][1])
    return path, step_index, *scores(printed, read), seconds


def run(
    folder: str,
    pairs: Sequence[Mapping[str, str]],
    pages_per_font: int = 2,
    workers: int | None = None,
    say: Callable[[str], object] = print,
    search_in: str | None = None,
) -> None:
    """Measures every step on the scans made in ``folder``; with ``search_in`` (a content folder), also how well
    the search finds what `invoke ocr` read (searched)."""
    scans = make_scans(folder, pairs, pages_per_font)
    if search_in:
        searched(folder, scans, search_in, workers, say)
        return
    jobs = [(path, printed, s) for path, printed, *_ in scans for s in range(len(STEPS))]
    say(f"OCR measured on {len(scans)} scans made in {folder}, {len(STEPS)} steps each …")
    results: dict[tuple[str, int], tuple[float, float, float]] = {}
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count()) as pool:
        for path, s, cer, recall, seconds in pool.map(measure_one, jobs):
            results[(path, s)] = (cer, recall, seconds)
    sets: dict[
        str, list[str]
    ] = {}  # name -> the scans of that font and resolution, level (and, the last, every tilted one)
    for path, _printed, font, dpi, tilted in scans:
        sets.setdefault("tilted 2° more" if tilted else f"{font}, {dpi} dpi", []).append(path)
    names = sorted(sets, key=lambda name: name.startswith("tilted"))

    def mean(paths: Sequence[str], s: int, k: int) -> float:
        return sum(results[(path, s)][k] for path in paths) / len(paths)

    say("")
    say("CER / word recall, the mean over each set's pages; the time is Tesseract's, of one core, per page")
    say("| step | " + " | ".join(names) + " | s a page |")
    say("| --- " * (len(names) + 2) + "|")
    for s, (label, _step) in enumerate(STEPS):
        cells = [f"{mean(sets[name], s, 0):.1%} / {mean(sets[name], s, 1):.1%}" for name in names]
        every = [path for paths in sets.values() for path in paths]
        say(f"| {label} | " + " | ".join(cells) + f" | {mean(every, s, 2):.1f} |")


# --- found by search: editions given only as page scans, read by `invoke ocr`, then built and searched ------------

SEARCHED = 20  # words searched for per edition
QUERY = """
import { pathToFileURL } from "node:url";
const [root, folder, queries] = process.argv.slice(1);
const { createSearch } = await import(pathToFileURL(`${root}/js/src/search.js`));
const { fileStore } = await import(pathToFileURL(`${root}/js/test/site-data.mjs`));
const found = {};
for (const query of JSON.parse(queries)) {
  const { store } = fileStore(folder, "lo");
  const outcome = await createSearch(store).search(query);
  found[query] = (await store.docs(outcome.results.slice(0, 10).map((r) => r.ref))).map((d) => d.url);
}
console.log(JSON.stringify(found));
"""


def searched(
    folder: str,
    scans: Sequence[Scan],
    project_content: str,
    workers: int | None = None,
    say: Callable[[str], object] = print,
) -> None:
    """Recall@10 of words printed only on page scans: an edition per font (its 150-dpi pages, level), added to a
    copy of ``project_content``, read by `invoke ocr` (tools/ocr.run), built, and searched by the page's own
    search code (js/src/search.js, under node) for SEARCHED Lao words of five letters or more that are printed on
    that edition's pages and nowhere else in the archive."""
    import json
    import random
    import shutil
    import subprocess

    from lao_search.text import fold, normalise
    from tools.build import build, site_layout

    site = os.path.join(folder, "site")
    shutil.rmtree(site, ignore_errors=True)
    content = os.path.join(site, "content")
    shutil.copytree(project_content, content, ignore=shutil.ignore_patterns("*.txt", ocr.RECORD))
    editions: dict[str, tuple[str, str]] = {}
    for n, font in enumerate(FONTS, 1):
        pages = [(path, printed) for path, printed, f, dpi, tilted in scans if f == font and dpi == 150 and not tilted]
        names = []
        for k, (path, _printed) in enumerate(pages, 1):
            name = f"images/newspaper/measured-{n}-{k}.jpg"
            os.makedirs(os.path.dirname(os.path.join(content, name)), exist_ok=True)
            shutil.copy(path, os.path.join(content, name))
            names.append(name)
        slug = f"edition-measured-{n}"
        with open(os.path.join(content, "newspaper", f"{slug}.lo.md"), "w", encoding="utf-8") as file:
            file.write(
                f"Title: ໜັງສືພິມ ສະບັບທົດລອງ {n}\nDate: 2019-01-{n:02d}\nLang: lo\nSlug: {slug}\n"
                f"Category: newspaper\nEdition: {9000 + n}\nPages: {', '.join(names)}\n\n"
            )
        editions[f"newspaper/{slug}.html"] = (font, "\n".join(printed for _path, printed in pages))
    say(f"Reading {len(FONTS)} editions' scans with `invoke ocr` …")
    ocr.run(content, workers=workers, say=lambda line: None)
    out = os.path.join(site, "output")
    build(content, out)
    elsewhere = {
        url: fold(normalise(" ".join(text for other, (_font, text) in editions.items() if other != url)))
        for url in editions
    }
    archive = fold(
        normalise(
            " ".join(
                Path(root, name).read_text(encoding="utf-8")
                for root, _dirs, files in os.walk(project_content)
                for name in files
                if name.endswith(".md")
            )
        )
    )
    queries: dict[str, list[str]] = {}
    for url, (_font, printed) in editions.items():
        only = sorted({w for w in words_of(printed) if len(w) >= 5 and w not in archive and w not in elsewhere[url]})
        random.Random(url).shuffle(only)
        queries[url] = only[:SEARCHED]
    root_folder = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    every = [query for words in queries.values() for query in words]
    layout = site_layout()
    data = layout.page(layout.languages[0], "search_data")  # the Lao search's: the editions are Lao
    result = subprocess.run(
        ["node", "--input-type=module", "-e", QUERY, root_folder, os.path.join(out, data), json.dumps(every)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    say("")
    say(
        f"Found by search: {SEARCHED} words printed only on each edition's scans, recall@10 (the edition in the top 10)"
    )
    for url, words in queries.items():
        hits = sum(url in found[word] for word in words)
        say(f"  {editions[url][0]:16} {hits}/{len(words)} = {hits / max(1, len(words)):.2f}")
