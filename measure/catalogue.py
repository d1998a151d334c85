"""A generated back catalogue: the archive's four kinds at the size a real one has, for `invoke bench --catalogue`.

At scale 1: 1,600 news items and 200 reports, each in Lao with its English translation; 24 magazine issues, each a
1200×1700 JPEG cover and a 48-96-page A4 Lao PDF; 60 newspaper editions, each 8 page scans of 1240×1754 (the page
rendered, then greyed, tilted, blurred and noised as a photograph of paper is) and the same 8 pages as a PDF. The
PDFs are printed by headless Chromium in Phetsarath OT (Debian's fonts-lao, the government's standard Lao font)
three times in five, in Noto Sans Lao or Noto Serif Lao (fonts-noto-core) otherwise.

Text comes from the sentence pairs of ../shared/corpus/flores200-sib-lo-en.jsonl (CC BY-SA 4.0; see bench.py).
One pair in five is kept for the PDFs alone and each of those goes into one to three PDFs, so the words only
they hold are words a reader can find only inside a PDF; the manifest (catalogue.json) lists every PDF's
sentences, from which bench_catalogue.py chooses those words and the articles relevant to each.

Generation is slow (some 600 Chromium renderings), so it runs on every core, each item's randomness is its own
(so any part can be made again alone), every file is written whole or not at all, and a folder that already
holds the catalogue of the same version, seed and scale is used as it is:

    .venv/bin/python -m measure.catalogue DIR [--scale 0.1] [--variant]

``--variant`` (``invoke bench --catalogue --variant``) makes the same catalogue otherwise, as a held-out one may
be: each magazine issue printed by LibreOffice Writer instead (``soffice --convert-to pdf``, Debian's
libreoffice-writer: one column, so some 90-200 pages, in Phetsarath OT, Noto Serif Lao and Noto Sans Lao in turn)
and the page scans at A4 200 dpi (1654×2339, the same pages made larger). It is kept apart from the catalogue:
neither is ever reused as the other (the manifest's key; ``make_room``).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import random
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from itertools import pairwise, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.browser import launch

from .generate import article
from .pdf_measure import libreoffice, missing_font, page_count

if TYPE_CHECKING:
    from playwright._impl._api_structures import Clip
    from playwright.sync_api import Browser

VERSION = 2  # of what this module writes: a catalogue of another version is made again
MANIFEST = "catalogue.json"
MAKING = "making.json"  # the key of the catalogue being made in a folder, written before its first file
Pair = Mapping[str, str]  # {"lo": text, "en": text}
PairsOf = tuple[list[Pair], list[Pair]]  # (pairs for articles, pairs for PDFs only)
Ref = tuple[str, int]  # a sentence: ("b", i) into the article pairs, ("p", i) into the PDF-only pairs
Item = dict[str, Any]  # one planned item: see plan()
Job = tuple[str, Item]  # ("issue" or "edition", the item)
SENTENCES_PER_PDF_ONLY = 5  # one pair in this many goes into PDFs only
FONTS = ["Phetsarath OT", "Phetsarath OT", "Phetsarath OT", "Noto Sans Lao", "Noto Serif Lao"]  # by PDF, in turn
COVER_SIZE = (1200, 1700)
SCAN_SIZE = (1240, 1754)
MAGAZINE_PAGE_SENTENCES = 21  # fits an A4 page of two columns in each of the three fonts (measured)
EDITION_PAGE_SENTENCES = 22  # beside a picture, in four columns of 1240×1754


@dataclass(frozen=True)
class Size:
    news: int = 1600
    reports: int = 200
    issues: int = 24
    editions: int = 60
    issue_pages: tuple[int, int] = (48, 96)
    edition_pages: int = 8
    issue_page_sentences: int = MAGAZINE_PAGE_SENTENCES
    edition_page_sentences: int = EDITION_PAGE_SENTENCES

    @classmethod
    def scaled(cls, scale: float) -> Size:
        """The catalogue's counts times ``scale`` (at least one of each kind); a PDF keeps its real length."""
        full = cls()
        return cls(*(max(1, round(getattr(full, name) * scale)) for name in ("news", "reports", "issues", "editions")))


# --- the plan: every item's text, decided in one process, deterministically --------------------------------------


def split_pairs(pairs: Sequence[Pair]) -> PairsOf:
    """(pairs for articles, pairs for PDFs only): every SENTENCES_PER_PDF_ONLY-th pair goes to the PDFs."""
    body = [p for i, p in enumerate(pairs) if i % SENTENCES_PER_PDF_ONLY != 3]
    only = [p for i, p in enumerate(pairs) if i % SENTENCES_PER_PDF_ONLY == 3]
    return body, only


def item_random(seed: int, kind: str, n: int | str) -> random.Random:
    return random.Random(f"{seed}-{kind}-{n}")


def day(rnd: random.Random, first_year: int, years: int) -> str:
    """A date, YYYY-MM-DD, in the ``years`` years from ``first_year`` (days 1-28: every month has them)."""
    return f"{first_year + rnd.randrange(years)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"


def run_of(rnd: random.Random, pool: Sized, low: int, high: int) -> list[int]:
    start = rnd.randrange(len(pool))
    return [(start + i) % len(pool) for i in range(rnd.randint(low, high))]


def pdf_pages(
    rnd: random.Random, body: Sized, count: int, per_page: int, only_sentences: Iterable[Ref]
) -> list[list[Ref]]:
    """``count`` pages of [sentence refs], stories of 4-10 consecutive article pairs with ``only_sentences`` (refs
    of PDF-only pairs) put in at random places. A ref is ("b", i) into the article pairs, ("p", i) into the
    PDF-only pairs."""
    refs: list[Ref] = []
    while len(refs) < count * per_page:
        refs.extend(("b", i) for i in run_of(rnd, body, 4, 10))
    refs = refs[: count * per_page]
    for ref in only_sentences:
        refs.insert(rnd.randrange(len(refs) + 1), ref)
    edges = [len(refs) * k // count for k in range(count + 1)]  # exactly ``count`` pages, as even as can be
    return [refs[a:b] for a, b in pairwise(edges)]


def plan(pairs: Sequence[Pair], size: Size, seed: int) -> dict[str, list[Item]]:
    """Everything the catalogue holds, as plain data: {"news": [...], "reports": [...], "issues": [...],
    "editions": [...]}; a PDF's pages are lists of sentence refs (see pdf_pages)."""
    body, only = split_pairs(pairs)
    pdfs = [("issue", n) for n in range(1, size.issues + 1)] + [("edition", n) for n in range(size.editions)]
    placed: dict[tuple[str, int], list[Ref]] = {pdf: [] for pdf in pdfs}
    rnd = random.Random(f"{seed}-pdf-only")
    for i in range(len(only)):
        for pdf in rnd.sample(pdfs, min(len(pdfs), rnd.randint(1, 3))):
            placed[pdf].append(("p", i))
    issues: list[Item] = []
    for n in range(1, size.issues + 1):
        rnd = item_random(seed, "issue", n)
        year, quarter = 2019 + (n - 1) // 4 % 8, (n - 1) % 4
        issues.append(
            {
                "n": n,
                "slug": f"journal-{n:03d}",
                "month": f"{year}-{1 + 3 * quarter:02d}",
                "editorial": run_of(rnd, body, 4, 8),
                "font": FONTS[(n - 1) % len(FONTS)],
                "pages": pdf_pages(
                    rnd, body, rnd.randint(*size.issue_pages), size.issue_page_sentences, placed[("issue", n)]
                ),
            }
        )
    editions: list[Item] = []
    for n in range(size.editions):
        rnd = item_random(seed, "edition", n)
        number = 201 + n
        editions.append(
            {
                "n": number,
                "slug": f"edition-{number}",
                "date": f"{2021 + n // 12 % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "headlines": [rnd.randrange(len(body)) for _ in range(3)],
                "font": FONTS[(n + 3) % len(FONTS)],
                "pages": pdf_pages(rnd, body, size.edition_pages, size.edition_page_sentences, placed[("edition", n)]),
            }
        )
    news: list[Item] = []
    for n in range(size.news):
        rnd = item_random(seed, "news", n)
        news.append(
            {
                "slug": f"news-{n:05d}",
                "date": day(rnd, 2012, 15),
                "run": run_of(rnd, body, 12, 40),
                "issue": rnd.randint(1, size.issues) if rnd.random() < 0.2 else None,
            }
        )
    reports: list[Item] = []
    for n in range(size.reports):
        rnd = item_random(seed, "report", n)
        reports.append(
            {
                "slug": f"report-{n:04d}",
                "date": day(rnd, 2014, 13),
                "days": rnd.randint(0, 4),
                "run": run_of(rnd, body, 20, 60),
                "issue": rnd.randint(1, size.issues) if rnd.random() < 0.3 else None,
            }
        )
    return {"news": news, "reports": reports, "issues": issues, "editions": editions}


def sentence(pairs_of: PairsOf, ref: Sequence[Any], lang: str = "lo") -> str:
    """The text of a sentence ref, in ``lang``; ``pairs_of`` = (article pairs, PDF-only pairs)."""
    body, only = pairs_of
    return (body if ref[0] == "b" else only)[ref[1]][lang]


# --- Markdown: written in this process (fast) ---------------------------------------------------------------------

VENUES = [
    ("ຫ້ອງປະຊຸມ ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ, ນະຄອນຫຼວງວຽງຈັນ", "Ministry of Technology and Communications, Vientiane"),
    ("ສະຖາບັນເຕັກໂນໂລຊີ ແລະ ການສື່ສານ, ນະຄອນຫຼວງວຽງຈັນ", "Institute of Technology and Communications, Vientiane"),
    ("ຫໍປະຊຸມແຂວງ, ຫຼວງພະບາງ", "Provincial hall, Luang Prabang"),
    ("ມະຫາວິທະຍາໄລຈຳປາສັກ, ປາກເຊ", "Champasak University, Pakse"),
]
ORGANISERS = [
    ("ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ, ITU", "Ministry of Technology and Communications, ITU"),
    ("LaoCERT", "LaoCERT"),
]


def title_of(text: str) -> str:
    return re.sub(r"\s+", " ", text)[:80].strip()


def write_text(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_item(content: str, folder: str, slug: str, meta: Mapping[str, list[str]], bodies: Mapping[str, str]) -> None:
    """The Lao file and its English translation; ``meta`` is {lang: [Key: value lines]} after the common ones."""
    for lang in ("lo", "en"):
        lines = [*meta[lang][:2], f"Lang: {lang}", f"Slug: {slug}", *meta[lang][2:]]
        if lang == "en":
            lines.append("Translation: true")
        write_text(os.path.join(content, folder, f"{slug}.{lang}.md"), "\n".join(lines) + "\n\n" + bodies[lang] + "\n")


def write_markdown(content: str, pairs_of: PairsOf, planned: Mapping[str, list[Item]], seed: int) -> None:
    body = pairs_of[0]
    for item in planned["news"]:
        run = [body[i] for i in item["run"]]
        lao, english = article(item_random(seed, "news-text", item["slug"]), run)
        meta = {
            lang: [f"Title: {title_of(run[0][lang])}", f"Date: {item['date']}", "Category: news"]
            for lang in ["lo", "en"]
        }
        if item["issue"]:
            for lines in meta.values():
                lines.append(f"Journal_Issue: {item['issue']}")
        write_item(content, f"news/{item['slug'][5:8]}", item["slug"], meta, {"lo": lao, "en": english})
    for n, item in enumerate(planned["reports"]):
        run = [body[i] for i in item["run"]]
        lao, english = article(item_random(seed, "report-text", item["slug"]), run)
        venue, organisers = VENUES[n % len(VENUES)], ORGANISERS[n % len(ORGANISERS)]
        start = item["date"]
        meta = {}
        for k, lang in enumerate(("lo", "en")):
            meta[lang] = [
                f"Title: {title_of(run[0][lang])}",
                f"Date: {start}",
                "Category: reports",
                f"Event_Start: {start}",
                f"Venue: {venue[k]}",
                f"Organisers: {organisers[k]}",
            ]
            if item["issue"]:
                meta[lang].append(f"Journal_Issue: {item['issue']}")
        write_item(content, "reports", item["slug"], meta, {"lo": lao, "en": english})
    for item in planned["issues"]:
        n, slug = item["n"], item["slug"]
        editorial = [body[i] for i in item["editorial"]]
        meta = {
            lang: [
                f"Title: {title}",
                f"Date: {item['month']}-01",
                "Category: magazine",
                f"Issue: {n}",
                f"Month: {item['month']}",
                f"Cover: images/magazine/{slug}.jpg",
                f"PDF: files/magazine/{slug}.pdf",
                f"Summary: {title_of(editorial[0][lang])}",
            ]
            for lang, title in (("lo", f"ວາລະສານ ໄອຊີທີ ສະບັບທີ {n}"), ("en", f"ICT Journal, issue {n}"))
        }
        bodies = {lang: "\n\n".join(p[lang] for p in editorial) for lang in ("lo", "en")}
        write_item(content, "magazine", slug, meta, bodies)
    for item in planned["editions"]:
        n, slug = item["n"], item["slug"]
        headlines = [body[i] for i in item["headlines"]]
        pages = ", ".join(f"images/newspaper/{slug}-{k}.jpg" for k in range(1, len(item["pages"]) + 1))
        meta = {
            lang: [
                f"Title: {title}",
                f"Date: {item['date']}",
                "Category: newspaper",
                f"Edition: {n}",
                f"Pages: {pages}",
                f"PDF: files/newspaper/{slug}.pdf",
            ]
            for lang, title in (
                ("lo", f"ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ສະບັບເລກທີ {n}"),
                ("en", f"Technology and Communications newspaper, edition {n}"),
            )
        }
        bodies = {lang: "\n\n".join(f"## {title_of(p[lang])}\n{p[lang]}" for p in headlines) for lang in ("lo", "en")}
        write_item(content, "newspaper", slug, meta, bodies)


# --- media: in worker processes, each with its own Chromium ------------------------------------------------------


def magazine_html(item: Item, pairs_of: PairsOf) -> str:
    sections: list[str] = []
    for k, refs in enumerate(item["pages"], 1):
        texts = [sentence(pairs_of, ref) for ref in refs]
        paragraphs = "".join(f"<p>{html.escape(' '.join(texts[j : j + 3]))}</p>" for j in range(0, len(texts), 3))
        sections.append(
            f"<section><div class=run>ວາລະສານ ໄອຊີທີ · ສະບັບທີ {item['n']} · ໜ້າ {k}</div>"
            f"<h2>{html.escape(title_of(texts[0])[:48])}</h2><div class=cols>{paragraphs}</div></section>"
        )
    return (
        f"<!doctype html><html lang=lo><head><meta charset=utf-8><style>@page {{ size: A4; margin: 18mm 16mm }}"
        f"body {{ font-family: '{item['font']}'; font-size: 10.5pt; line-height: 1.55; margin: 0 }}"
        "section { break-after: page } .run { font-size: 8pt; color: #555; border-bottom: 1px solid #999 }"
        "h2 { font-size: 16pt; margin: 6pt 0 } .cols { columns: 2; column-gap: 8mm; text-align: justify }"
        "p { margin: 0 0 5pt }</style></head><body>" + "".join(sections) + "</body></html>"
    )


def edition_html(item: Item, pairs_of: PairsOf) -> str:
    width, height = SCAN_SIZE
    sections: list[str] = []
    for k, refs in enumerate(item["pages"], 1):
        texts = [sentence(pairs_of, ref) for ref in refs]
        head = (
            f"<h1>ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ</h1><div class=line>ສະບັບເລກທີ {item['n']} · {item['date']}</div>"
            if k == 1
            else f"<div class=run>ສະບັບເລກທີ {item['n']} · ໜ້າ {k}</div>"
        )
        stories = "".join(
            f"<h3>{html.escape(title_of(texts[j])[:40])}</h3><p>{html.escape(' '.join(texts[j : j + 6]))}</p>"
            for j in range(0, len(texts), 6)
        )
        hue = (item["n"] * 37 + k * 53) % 360
        sections.append(
            f"<section>{head}<div class=photo style='--h:{hue}'></div><div class=cols>{stories}</div></section>"
        )
    return (
        "<!doctype html><html lang=lo><head><meta charset=utf-8><style>"
        f"@page {{ size: {width}px {height}px; margin: 0 }}"
        f"body {{ margin: 0; font-family: '{item['font']}'; color: #1b1f24 }}"
        f"section {{ width: {width}px; height: {height}px; box-sizing: border-box; padding: 56px 60px;"
        " background: #f5f1e6; break-after: page }"
        "h1 { font-size: 54px; margin: 0; border-bottom: 5px double #1b1f24 } .line, .run { font-size: 19px;"
        " color: #4a5560; border-bottom: 1px solid #4a5560; margin-bottom: 18px }"
        " h3 { font-size: 23px; margin: 0 0 6px }"
        ".photo { height: 330px; margin-bottom: 18px; background: radial-gradient(circle at 30% 40%,"
        " hsl(var(--h) 40% 70%), hsl(var(--h) 30% 25%) 70%), linear-gradient(hsl(var(--h) 20% 50%), #222) }"
        ".cols { columns: 4; column-gap: 26px; font-size: 15.5px; line-height: 1.5; text-align: justify }"
        "p { margin: 0 0 12px }</style></head><body>" + "".join(sections) + "</body></html>"
    )


def cover_html(item: Item, pairs_of: PairsOf) -> str:
    width, height = COVER_SIZE
    hue = item["n"] * 47 % 360
    lines = "".join(
        f"<li>{html.escape(title_of(sentence(pairs_of, ('b', i)))[:42])}</li>" for i in item["editorial"][:3]
    )
    return (
        f"<!doctype html><html lang=lo><head><meta charset=utf-8><style>body {{ margin: 0; width: {width}px;"
        f" height: {height}px; overflow: hidden; font-family: '{item['font']}'; color: #fff;"
        f" background: radial-gradient(circle at 70% 55%, hsl({hue} 60% 60%), transparent 45%),"
        f" linear-gradient(160deg, hsl({hue} 70% 35%), hsl({hue + 40} 60% 15%)) }}"
        " h1 { font-size: 120px; margin: 0; padding: 90px 70px 0 } .n { font-size: 48px; padding: 0 70px }"
        " ul { position: absolute; bottom: 90px; font-size: 40px; line-height: 1.6; padding: 0 110px }"
        f"</style></head><body><h1>ວາລະສານ ໄອຊີທີ</h1><p class=n>ສະບັບທີ {item['n']} · {item['month']}</p>"
        f"<ul>{lines}</ul></body></html>"
    )


def photographed(png: bytes, seed: str, paper: bool = True) -> bytes:
    """A screenshot as a photograph of it: greyed (paper-tinted), a little tilted and blurred, noisy, unevenly lit,
    as JPEG bytes."""
    from PIL import Image, ImageChops, ImageFilter

    rnd = random.Random(seed)
    with Image.open(io.BytesIO(png)) as shot:
        image = shot.convert("L" if paper else "RGB")
    if paper:
        image = image.rotate(rnd.uniform(-0.6, 0.6), resample=Image.Resampling.BICUBIC, fillcolor=225)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
    noise = Image.effect_noise(image.size, 14 if paper else 6)
    if paper:
        image = ImageChops.add(image, noise, 1.0, -128)
        shade = Image.radial_gradient("L").resize(image.size).point(lambda v: v * 0.18)
        image = ImageChops.subtract(image, shade)
        image = Image.merge("RGB", (image.point(lambda v: min(255, v + 8)), image, image.point(lambda v: v * 0.92)))
    else:
        image = ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80 if paper else 88, optimize=True)
    return out.getvalue()


def write_whole(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.replace(path + ".part", path)


def print_pdf(browser: Browser, document: str, path: str, **options: Any) -> None:
    if os.path.exists(path):
        return
    page = browser.new_page()
    try:
        page.set_content(document)
        page.evaluate("document.fonts.ready")
        page.pdf(path=path + ".part", print_background=True, prefer_css_page_size=True, **options)
        os.replace(path + ".part", path)
    finally:
        page.close()


def make_issue(browser: Browser, content: str, item: Item, pairs_of: PairsOf) -> None:
    slug = item["slug"]
    print_pdf(browser, magazine_html(item, pairs_of), os.path.join(content, "files", "magazine", f"{slug}.pdf"))
    cover = os.path.join(content, "images", "magazine", f"{slug}.jpg")
    if not os.path.exists(cover):
        page = browser.new_page(viewport=dict(zip(("width", "height"), COVER_SIZE, strict=True)))  # type: ignore[arg-type]
        try:
            page.set_content(cover_html(item, pairs_of))
            page.evaluate("document.fonts.ready")
            write_whole(cover, photographed(page.screenshot(), slug, paper=False))
        finally:
            page.close()


OVERFLOWING_JS = """() => [...document.querySelectorAll("section")].flatMap((section, k) =>
  section.querySelector(".cols").getBoundingClientRect().bottom > section.getBoundingClientRect().bottom
    ? [k + 1] : [])"""


def make_edition(browser: Browser, content: str, item: Item, pairs_of: PairsOf) -> None:
    slug = item["slug"]
    document = edition_html(item, pairs_of)
    print_pdf(browser, document, os.path.join(content, "files", "newspaper", f"{slug}.pdf"))
    width, height = SCAN_SIZE
    scans = [os.path.join(content, "images", "newspaper", f"{slug}-{k}.jpg") for k in range(1, len(item["pages"]) + 1)]
    if all(map(os.path.exists, scans)):
        return
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.set_content(document)
        page.evaluate("document.fonts.ready")
        overflowing = page.evaluate(OVERFLOWING_JS)
        if overflowing:
            raise RuntimeError(f"{slug}: the text of page(s) {overflowing} does not fit the page")
        for k, scan in enumerate(scans):
            clip: Clip = {"x": 0, "y": k * height, "width": width, "height": height}
            write_whole(scan, photographed(page.screenshot(clip=clip, full_page=True), f"{slug}-{k}"))
    finally:
        page.close()


def make_media(content: str, jobs: Iterable[Job], pairs_of: PairsOf) -> None:
    """One worker: its own Chromium, its share of ``jobs`` [(kind, item)]; says what it made as it goes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            for kind, item in jobs:
                start = time.perf_counter()
                (make_issue if kind == "issue" else make_edition)(browser, content, item, pairs_of)
                print(
                    f"  {item['slug']}: {len(item['pages'])} pages in {item['font']}, "
                    f"{time.perf_counter() - start:.1f} s",
                    flush=True,
                )
        finally:
            browser.close()


def shares(jobs: Iterable[Job], workers: int) -> list[list[Job]]:
    """``jobs`` dealt to ``workers`` lists, the longest first to the least loaded (cost: pages to print)."""
    loads: list[list[Any]] = [[0, []] for _ in range(workers)]  # [pages, jobs] of each worker
    for job in sorted(jobs, key=lambda job: -len(job[1]["pages"]) * (3 if job[0] == "edition" else 1)):
        least = min(loads, key=lambda load: load[0])
        least[0] += len(job[1]["pages"]) * (3 if job[0] == "edition" else 1)  # a scan costs about 3 pages
        least[1].append(job)
    return [jobs for _load, jobs in loads if jobs]


# --- the whole catalogue ------------------------------------------------------------------------------------------


def key_of(size: Size, seed: int, variant: bool = False) -> dict[str, Any]:
    """What a catalogue is made from, as its manifest holds it (through JSON: tuples become lists)."""
    key = {"version": VERSION, "seed": seed, "size": asdict(size)}
    if variant:
        key["variant"] = VARIANT
    return json.loads(json.dumps(key))


# --- the variant: issues by LibreOffice, larger scans -------------------------------------------------------------

VARIANT = "issues by LibreOffice Writer, scans at 1654x2339"
VARIANT_FONTS = ["Phetsarath OT", "Noto Serif Lao", "Noto Sans Lao"]  # by issue, in turn
VARIANT_SCAN_SIZE = (1654, 2339)  # A4 at 200 dpi
VARIANT_PAGE_SENTENCES = 18  # a heading and six paragraphs of three sentences, on one page or two


def vary_issue(content: str, pdf: dict[str, Any], font: str, pairs_of: PairsOf) -> int:
    """Prints the issue of manifest entry ``pdf`` again by LibreOffice in ``font``; its page count."""
    texts = [sentence(pairs_of, ref) for ref in pdf["sentences"]]
    pages: list[tuple[str, list[str]]] = []
    for start in range(0, len(texts), VARIANT_PAGE_SENTENCES):
        part = texts[start : start + VARIANT_PAGE_SENTENCES]
        pages.append((f"ວາລະສານ ໜ້າ {len(pages) + 1}", [" ".join(part[k : k + 3]) for k in range(0, len(part), 3)]))
    path = os.path.join(content, pdf["path"])
    temporary = f"{path}.{os.getpid()}.part"
    try:
        why = libreoffice(pages, Path(temporary), font)
    except subprocess.CalledProcessError as error:
        why = f"soffice failed ({error.returncode}): {error.stderr.decode('utf-8', 'replace').strip()}"
    if why:
        raise SystemExit(f"Catalogue: cannot print the variant's issues: {why}")
    os.replace(temporary, path)
    return page_count(path)


def enlarge_scan(path: str) -> None:
    """The page scan at ``path`` made VARIANT_SCAN_SIZE (Lanczos), written whole."""
    from PIL import Image

    with Image.open(path) as scan:
        larger = scan.resize(VARIANT_SCAN_SIZE, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    larger.save(out, "JPEG", quality=85)
    write_whole(path, out.getvalue())


def vary(folder: str, manifest: dict[str, Any], pairs_of: PairsOf, workers: int, say: Callable[[str], object]) -> None:
    """Makes the catalogue in ``folder`` (its ``manifest``, updated) the variant (see the module's docstring)."""
    content = os.path.join(folder, "content")
    issues = [pdf for _slug, pdf in sorted(manifest["pdfs"].items()) if pdf["kind"] == "issue"]
    scans = sorted(
        os.path.join(content, "images", "newspaper", name)
        for name in os.listdir(os.path.join(content, "images", "newspaper"))
        if name.endswith(".jpg")
    )
    say(f"Catalogue: the variant: {len(issues)} issues by LibreOffice, {len(scans)} scans at 1654x2339 …")
    with ProcessPoolExecutor(workers) as pool:
        fonts = [VARIANT_FONTS[k % len(VARIANT_FONTS)] for k in range(len(issues))]
        counts = pool.map(vary_issue, repeat(content), issues, fonts, repeat(pairs_of))
        for pdf, font, count in zip(issues, fonts, counts, strict=True):
            pdf.update(font=f"{font} (LibreOffice)", pages=count)
        list(pool.map(enlarge_scan, scans, chunksize=16))


def read_manifest(folder: str) -> dict[str, Any] | None:
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def soffice() -> str | None:
    """Where LibreOffice's ``soffice`` is, which the variant's issues are printed by (None: not installed)."""
    return shutil.which("soffice")


def make_room(folder: str, key: Mapping[str, Any]) -> None:
    """Before the catalogue of ``key`` is made in ``folder``: what a run that made another one left there (its
    content/, made by other rules, and its manifest) is removed, so that no file of it is taken for one of this
    (make_media keeps a file already there); what an unfinished run making this same one left is kept, to go on
    from."""
    try:
        with open(os.path.join(folder, MAKING), encoding="utf-8") as f:
            started = json.load(f)
    except (OSError, ValueError):
        started = None
    if started != key:
        shutil.rmtree(os.path.join(folder, "content"), ignore_errors=True)
        if os.path.exists(os.path.join(folder, MANIFEST)):
            os.remove(os.path.join(folder, MANIFEST))
        write_whole(os.path.join(folder, MAKING), json.dumps(key).encode("utf-8"))


def generate(
    folder: str,
    pairs: Sequence[Pair],
    size: Size = Size(),
    seed: int = 2026,
    workers: int | None = None,
    say: Callable[[str], object] = print,
    variant: bool = False,
) -> dict[str, Any]:
    """The catalogue in ``folder`` (its content/ and catalogue.json), made or, when ``folder`` already holds the
    same one, reused; returns the manifest: the key, every PDF's sentence refs and page count, and the split.
    ``variant``: made otherwise (see the module's docstring)."""
    key = key_of(size, seed, variant)
    found = read_manifest(folder)
    if found and found["key"] == key:
        say(f"Catalogue: reusing {folder} (version {VERSION}, seed {seed})")
        return found
    missing = [why for why in map(missing_font, sorted(set(FONTS))) if why]
    if variant and not soffice():
        missing.append("no soffice for the variant's issues (apt-get install libreoffice-writer)")
    if missing:  # Chromium would print in another font, and the figures would not be Phetsarath OT's
        raise SystemExit("Catalogue: cannot print the PDFs: " + "; ".join(missing))
    make_room(folder, key)
    content = os.path.join(folder, "content")
    planned = plan(pairs, size, seed)
    pairs_of = split_pairs(pairs)
    start = time.perf_counter()
    write_markdown(content, pairs_of, planned, seed)
    jobs = [("issue", item) for item in planned["issues"]] + [("edition", item) for item in planned["editions"]]
    workers = workers or os.cpu_count() or 1
    say(
        f"Catalogue: printing {len(jobs)} PDFs, {size.issues} covers and "
        f"{size.editions * size.edition_pages} page scans on {workers} workers …"
    )
    with ProcessPoolExecutor(workers) as pool:
        for done in [pool.submit(make_media, content, share, pairs_of) for share in shares(jobs, workers)]:
            done.result()
    pdfs: dict[str, dict[str, Any]] = {}
    for kind, item in jobs:
        path = os.path.join("files", "magazine" if kind == "issue" else "newspaper", f"{item['slug']}.pdf")
        pdfs[item["slug"]] = {
            "kind": kind,
            "path": path,
            "font": item["font"],
            "pages_planned": len(item["pages"]),
            "pages": page_count(os.path.join(content, path)),
            "sentences": [list(ref) for refs in item["pages"] for ref in refs],
        }
    manifest = {"key": key, "pdfs": pdfs, "pdf_only_pairs": len(pairs_of[1]), "article_pairs": len(pairs_of[0])}
    if variant:
        vary(folder, manifest, pairs_of, workers, say)
    write_whole(os.path.join(folder, MANIFEST), json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
    say(f"Catalogue: made in {time.perf_counter() - start:.0f} s")
    return manifest


def main() -> None:
    from .bench import load_pairs

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--variant", action="store_true", help="issues by LibreOffice, scans at 1654x2339")
    args = parser.parse_args()
    generate(os.path.abspath(args.folder), load_pairs(), Size.scaled(args.scale), args.seed, variant=args.variant)


if __name__ == "__main__":
    main()
