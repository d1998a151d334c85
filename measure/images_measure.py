"""What pictures and PDFs cost a build: plain Pelican, the project cold (no cache/) and warm (nothing changed).

python -m measure.images_measure [--covers 20] [--editions 8] [--articles 200] [--keep FOLDER]

The content is made here, in a temporary folder (or FOLDER): magazine issues each with a 1200x1700 JPEG cover and
a PDF of 8 to 48 pages, newspaper editions each with 8 page scans of 1240x1754 JPEG and an 8-page PDF (the PDFs'
pages are pictures, as a scanned edition's are), and news articles from measure/generate.py. The pictures look like
photographs to an encoder (smooth light and shade with grain), not like noise or flat colour. Each build is
Pelican run directly, as measure/bench.py runs it; the warm build reuses the cold one's cache folder.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter

from tools.build import SETTINGS

from .bench import load_pairs, pelican_command, plain_pelicanconf
from .generate import generate

COVER = (1200, 1700)
SCAN = (1240, 1754)
PAGES_PER_EDITION = 8


def photograph(size: tuple[int, int], seed: int) -> Image.Image:
    """A picture an encoder treats as a photograph: gradients, a few soft shapes, grain."""
    rnd = random.Random(seed)
    width, height = size
    base = Image.linear_gradient("L").resize(size).rotate(rnd.randrange(360), expand=False)
    channels: list[Image.Image] = []
    for _ in "rgb":
        strength = 0.3 + 0.6 * rnd.random()
        channels.append(base.point(lambda v, strength=strength: int(40 + v * strength)))
    tint = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(tint)
    for _ in range(12):
        x, y, r = rnd.randrange(width), rnd.randrange(height), rnd.randrange(60, 400)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    tint = tint.filter(ImageFilter.GaussianBlur(24))
    grain = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(tint, grain, 0.12)


def write_pdf(path: str, pages: int, seed: int) -> None:
    first = photograph((620, 877), seed).convert("RGB")
    rest = [photograph((620, 877), seed + n).convert("RGB") for n in range(1, min(pages, 8))]
    rest = [rest[n % len(rest)] for n in range(pages - 1)] if rest else []
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=72)


def item(folder: str, slug: str, lines: Sequence[str], body: str) -> None:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{slug}.en.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n\n" + body + "\n")


def make_content(content: str, covers: int, editions: int, articles: int) -> None:
    pairs = load_pairs()
    generate(content, pairs, articles)
    images, files = os.path.join(content, "images"), os.path.join(content, "files")
    os.makedirs(images, exist_ok=True)
    os.makedirs(files, exist_ok=True)
    for n in range(1, covers + 1):
        photograph(COVER, n).save(os.path.join(images, f"issue-{n}.jpg"), quality=85)
        write_pdf(os.path.join(files, f"issue-{n}.pdf"), 8 + (n % 5) * 10, n)
        item(
            os.path.join(content, "magazine"),
            f"issue-{n}",
            [
                f"Title: Issue {n}",
                f"Date: 2020-{n % 12 + 1:02d}-01",
                "Lang: en",
                f"Slug: issue-{n}",
                "Category: magazine",
                f"Issue: {n}",
                f"Month: {2000 + n}-01",
                f"Cover: images/issue-{n}.jpg",
                f"PDF: files/issue-{n}.pdf",
                "Summary: A generated issue.",
            ],
            "An issue.",
        )
    for n in range(1, editions + 1):
        pages = []
        for page in range(1, PAGES_PER_EDITION + 1):
            name = f"images/edition-{n}-{page}.jpg"
            photograph(SCAN, 1000 + n * 10 + page).save(os.path.join(content, name), quality=85)
            pages.append(name)
        write_pdf(os.path.join(files, f"edition-{n}.pdf"), PAGES_PER_EDITION, 5000 + n)
        item(
            os.path.join(content, "newspaper"),
            f"edition-{n}",
            [
                f"Title: Edition {n}",
                f"Date: 2021-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                "Lang: en",
                f"Slug: edition-{n}",
                "Category: newspaper",
                f"Edition: {n}",
                f"Pages: {', '.join(pages)}",
                f"PDF: files/edition-{n}.pdf",
                "Summary: A generated edition.",
            ],
            "An edition.",
        )


def timed(work: str, name: str, content: str, settings_file: str, cache: str) -> tuple[float, float]:
    output = os.path.join(work, f"output-{name}")
    shutil.rmtree(output, ignore_errors=True)
    command = [pelican_command(), content, "-s", settings_file, "-o", output, "--cache-path", cache, "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=work)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"the {name} build failed")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--covers", type=int, default=20)
    parser.add_argument("--editions", type=int, default=8)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--keep", help="make the content in this folder and keep it (made only if missing)")
    options = parser.parse_args()
    work = options.keep or tempfile.mkdtemp(prefix="images-measure-")
    content = os.path.join(work, "content")
    if not os.path.isdir(content):
        started = time.perf_counter()
        make_content(content, options.covers, options.editions, options.articles)
        print(f"content made in {time.perf_counter() - started:.0f} s: {content}", file=sys.stderr)
    plain = os.path.join(work, "plain-pelicanconf.py")
    with open(plain, "w") as f:
        f.write(plain_pelicanconf())
    cache = os.path.join(work, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    figures = {
        "plain Pelican": timed(work, "plain", content, plain, tempfile.mkdtemp(dir=work)),
        "project, cold": timed(work, "cold", content, SETTINGS, cache),
        "project, warm": timed(work, "warm", content, SETTINGS, cache),
    }
    base = figures["plain Pelican"][0]
    print(f"{options.covers} covers, {options.editions * PAGES_PER_EDITION} page scans, {options.articles} articles")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:15} {wall:6.1f} s wall {cpu:6.1f} s CPU  {wall / base:5.2f}x plain Pelican")
    if not options.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
