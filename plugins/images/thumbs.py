"""Thumbnails of the pictures an item names, without Pelican: what to make, and making it.

A raster image (PNG, JPEG, GIF, WebP, AVIF) gets WebP copies at the widths of WIDTHS that are smaller than it,
and at its own width when that is no wider than the widest of WIDTHS; a JPEG or WebP is that widest candidate itself
(see AS_IS). A PDF gets its first page drawn (pypdfium2) and kept as a JPEG, with WebP copies of it too; an SVG is
used as it is, its width and height read from it. Names carry a digest of the source's bytes, so a changed image
gets new names and a cache (any folder) keeps what was made: an unchanged image is never encoded twice.

What planning needs to know of a file (its size in pixels, its digest, a PDF's first page) comes through
``known(path, kind, learn)`` (the archive's filefacts.FileFacts.learn keeps it between builds), so that a build
with nothing changed opens no picture. What is missing from the cache is made in other processes, one per core
(PDFium is not thread-safe), each source decoded once for all of its widths.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from archive.processes import forked_pool  # the archive plugin is the images plugin's prerequisite

WIDTHS = (
    160,
    320,
    400,
    640,
    1280,
)  # a phone column at 1x, 2x (400: a 1.75x phone's half-width cover), a tablet, a wide screen
PDF_WIDTH = 800  # a PDF's first page is drawn this wide
# A newspaper's page image is shown small, on its edition's page and card, at PAGE_SIZES (the templates' ``sizes``;
# site.css lays both out so, two columns on a phone): at most 12rem on a wide screen and 45vw on a phone, so 640 px
# at most even on a phone of 474 CSS px at 3x. Its wider WebP copies would be made for no reader (a scan at 300 dpi
# is 2480 px wide, and the copy at 1280 px cost a third of its time), and the scan itself is a link away, as it is.
PAGE_SIZES = "(min-width: 40rem) 12rem, 45vw"
PAGE_WIDEST = 640
QUALITY = 70  # WebP at 70 looks as 80 does on a phone and weighs a fifth less: 20 covers stay under 300 KB
# libwebp's effort (0-6): 2. Measured on 28 catalogue scans, covers and charts at 160-640 px: 2.2x as fast as 4
# (0.87 s against 1.93 s) for 0.3% more bytes; the thumbnails were half of a cold build's CPU. A photograph or scan
# (a JPEG) takes 1: on 60 catalogue scans and covers at 160-640 px 25% faster than 2 for 1.4% more bytes, where
# the sample's drawn covers and charts (PNG) would weigh a fifth more (115 KB against 96).
METHOD = 2
PHOTO_METHOD = 1
PHOTOS = (".jpg", ".jpeg")
# Pillow's own thumbnail filter: on 25 catalogue scans at 640 px 1.4 times as fast as Lanczos, 1.9 of 255 from it
# (root mean square), which no reader of a thumbnail sees.
RESAMPLE = Image.Resampling.BICUBIC
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
# Sources that are their own full-width candidate: a WebP copy of a JPEG at its own width weighs about what the JPEG
# does (a page scan: 562 KB for 646 KB) and was half of a scan's encoding time, for the wide screens only (phones
# take 640 px or less). Every browser that shows WebP shows JPEG, so the original sits in the WebP <source>'s
# srcset. A PNG or GIF (a photograph saved losslessly: often several times the WebP) and an AVIF (not every browser
# that shows WebP shows AVIF) still get their full-width WebP.
AS_IS = (".jpg", ".jpeg", ".webp")
# part of every thumbnail's name: a new quality, effort or filter, new names
ENCODING = f"webp q{QUALITY} m{METHOD}/{PHOTO_METHOD}, {RESAMPLE.name}, pdf {PDF_WIDTH} px"
# What plan asks ``known`` for; READ is also what the archive's check of a picture is called ("cannot be read as
# an image"), so the check and the plan share one answer.
READ = "read as an image"
DIGEST = f"digest ({ENCODING})"
FIRST_PAGE = "first page's size"


# (file, width, format): a thumbnail to encode
Thumbnail = tuple[str, int, str]
# known(path, kind, learn): what learn(path) says of a file, kept as kind (archive's FileFacts.learn)
Known = Callable[[str, str, Callable[[str], Any]], Any]


class Unreadable(ValueError):
    """A picture that cannot be read; the message says why, without the file's name."""


@dataclass
class Picture:
    """What a template needs to show a picture: the fallback's URL (site-relative), its size, WebP candidates."""

    src: str
    width: int
    height: int
    webp: list[tuple[int, str]] = field(default_factory=list)  # [(width, site-relative path)]
    # site-relative path -> (source file, width, format), to write
    made: dict[str, Thumbnail] = field(default_factory=dict)


def digest(path: str) -> str:
    """Names a source's thumbnails: its bytes and how they are encoded (a new quality is a new name, not a stale
    file from the cache)."""
    sha = hashlib.sha256(f"{ENCODING}\n".encode())
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def svg_size(path: str) -> tuple[int, int] | None:
    """(width, height) an SVG declares (width/height attributes, else its viewBox), or None."""
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    tag = re.search(r"<svg\b[^>]*>", head, re.DOTALL)
    if not tag:
        return None
    attributes = dict(re.findall(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', tag.group()))
    width, height = (re.match(r"[\d.]+", attributes.get(k, "")) for k in ("width", "height"))
    if width and height:
        return round(float(width.group())), round(float(height.group()))
    box = attributes.get("viewBox", "").replace(",", " ").split()
    return (round(float(box[2])), round(float(box[3]))) if len(box) == 4 else None


def raster_size(path: str) -> tuple[int, int]:
    try:
        with Image.open(path) as image:
            image.verify()  # a truncated or corrupt file fails here, not later while the site is written
        with Image.open(path) as image:
            return image.size
    except UnidentifiedImageError:
        raise Unreadable("its bytes are not a PNG, JPEG, GIF, WebP or AVIF image") from None
    except Image.DecompressionBombError:
        raise Unreadable(f"it has more than {Image.MAX_IMAGE_PIXELS:,} pixels: make it smaller") from None
    except (OSError, SyntaxError):
        raise Unreadable("it is damaged or cut short") from None


def learn_now(path: str, kind: str, learn: Callable[[str], Any]) -> Any:
    """``known`` that keeps nothing: every answer learnt anew."""
    return learn(path)


def is_pdf(path: str) -> bool:
    """Whether ``path`` names a PDF, which is pictured by its first page."""
    return path.lower().endswith(".pdf")


def plan(
    path: str, site_path: str, known: Known = learn_now, *, folder: str, widest: int = WIDTHS[-1]
) -> Picture | None:
    """The Picture of the file at ``path`` (shown in the site at ``site_path``), or None for another kind of file,
    its thumbnails in the site's ``folder`` ("thumbs/"), none wider than ``widest``; what it needs of the file from
    ``known``."""
    lower = path.lower()
    if lower.endswith(".svg"):
        size = svg_size(path)
        return Picture(site_path, *size) if size else None
    if is_pdf(path):
        key = known(path, DIGEST, digest)
        width, height = known(path, FIRST_PAGE, _pdf_page_size)
        src = f"{folder}{key}-page1.jpg"
        picture = Picture(src, PDF_WIDTH, math.ceil(height * PDF_WIDTH / width))  # as pdfium draws it
        picture.made[src] = (path, PDF_WIDTH, "JPEG")
        _add_webp(picture, path, key, PDF_WIDTH, folder, widest)
        return picture
    if lower.endswith(RASTER):
        width, height = known(path, READ, raster_size)
        picture = Picture(site_path, width, height)
        as_is = site_path if lower.endswith(AS_IS) else None
        _add_webp(picture, path, known(path, DIGEST, digest), width, folder, widest, as_is)
        return picture
    return None


def _add_webp(
    picture: Picture, path: str, key: str, full_width: int, folder: str, widest: int, as_is: str | None = None
) -> None:
    """WebP candidates of ``picture`` up to ``full_width`` and ``widest``; the full-width one is ``as_is`` (the
    original's site path) when given."""
    for width in [w for w in WIDTHS if w < full_width and w <= widest] + ([full_width] if full_width <= widest else []):
        if width == full_width and as_is:
            picture.webp.append((width, as_is))
            continue
        name = f"{folder}{key}-{width}.webp"
        picture.webp.append((width, name))
        picture.made[name] = (path, width, "WEBP")


def _pdf_page_size(path: str) -> tuple[float, float]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise Unreadable(f"not a PDF that can be opened ({error})") from None
    try:
        return document[0].get_size()
    finally:
        document.close()


def _source_image(path: str) -> Image.Image:
    if is_pdf(path):
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(path)
        try:
            page = document[0]
            return page.render(scale=PDF_WIDTH / page.get_width()).to_pil().convert("RGB")
        finally:
            document.close()
    image = Image.open(path)
    image.load()
    return image


def encode(image: Image.Image, image_format: str, method: int = METHOD) -> bytes:
    """The bytes of ``image`` (a Pillow image) as ``image_format`` ("WEBP", with libwebp's effort ``method``, or
    "JPEG")."""
    if image_format == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    out = io.BytesIO()
    if image_format == "WEBP":
        image.save(out, image_format, quality=QUALITY, method=method)
    else:
        image.save(out, image_format, quality=QUALITY, optimize=True)
    return out.getvalue()


def make(source: str, wanted: Sequence[Thumbnail]) -> int:
    """Encodes the thumbnails ``wanted`` ([(file, width, format)]) of the picture at ``source``, each written whole
    or not at all (a temporary file moved into place); returns how many.

    The source is decoded once; the widest thumbnail is resized from it and each narrower one from the one before
    (RESAMPLE each time): on a 1240x1754 scan 2.5 times as fast as each from the source, within 0.6 of 255 of it
    (Lanczos, measured)."""
    image = _source_image(source)
    method = PHOTO_METHOD if source.lower().endswith(PHOTOS) else METHOD
    source_width, source_height = image.size  # each height from the source's, not from a rounded one
    for path, width, image_format in sorted(wanted, key=lambda thumbnail: -thumbnail[1]):
        if image.width != width:
            height = max(1, round(source_height * width / source_width))
            image = image.resize((width, height), RESAMPLE)
        data = encode(image, image_format, method)
        temporary = f"{path}.{os.getpid()}.part"  # one per process: two builds may share a cache
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    return len(wanted)


def workers(count: int | None = None) -> ProcessPoolExecutor | None:
    """``count`` processes (default: one per core) to make thumbnails in, forked now, for an Encoding to be given
    later: the images plugin starts them before Pelican reads the content, while the build is small. A process
    forked once every article is read counts the build's whole memory as its own too (a resident copy of each page
    it shares), and makes its thumbnails while the build writes its pages: at the back catalogue the process tree
    summed 1.8 GB that way. None where there is one core."""
    count = count or os.cpu_count() or 1
    if count < 2:
        return None
    pool = forked_pool(count)
    pool.submit(int).result()  # a pool of forked processes starts every one of them with its first task
    return pool


class Encoding:
    """The thumbnails of ``made`` ({site path: (source, width, format)}) that ``cache`` lacks (names carry the
    source's digest), being made: started when made, so that the build goes on meanwhile (the images plugin starts
    it before Pelican writes the pages, which take one core), and ``wait()``-ed for; ``place(output)`` then puts
    every thumbnail of ``made`` under ``output``.

    The missing ones are made by ``workers`` processes (default: one per core; processes, as PDFium is not
    thread-safe), a source each at a time, started as archive/processes.py starts a build's processes: forked,
    silent, and nicer than the build, as thumbnails are wanted only once the pages are written (at the back catalogue
    a cold build took 59 s rather than 64 once the search's PDF readers went first)."""

    def __init__(
        self,
        made: Mapping[str, Thumbnail],
        cache: str,
        workers: int | None = None,
        pool: ProcessPoolExecutor | None = None,
    ) -> None:
        self.made, self.cache = made, cache
        os.makedirs(cache, exist_ok=True)
        missing: dict[str, list[Thumbnail]] = {}  # source -> [(cached file, width, format)]
        for site_path, (source, width, image_format) in sorted(made.items()):
            cached = os.path.join(cache, os.path.basename(site_path))
            if not os.path.isfile(cached):
                missing.setdefault(source, []).append((cached, width, image_format))
        self.missing = missing
        # processes started before (``workers()``), or else started here when there is work for two
        count = min(workers or os.cpu_count() or 1, len(missing))
        if pool is None and count > 1:
            pool = forked_pool(count)
        self.pool = pool
        self.futures: list[Future[int]] = []
        if self.pool is not None:
            self.futures = [self.pool.submit(make, source, wanted) for source, wanted in missing.items()]

    def wait(self) -> int:
        """How many thumbnails were encoded, once all are (here, one by one, where no pool was started); a source
        that failed raises here."""
        if self.pool is None:
            return sum(make(source, wanted) for source, wanted in self.missing.items())
        try:
            return sum(future.result() for future in self.futures)
        finally:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def place(self, output: str) -> None:
        _place_all(self.made, output, self.cache)


def write(made: Mapping[str, Thumbnail], output: str, cache: str, workers: int | None = None) -> int:
    """Write every thumbnail of ``made`` ({site path: (source, width, format)}) under ``output``, from ``cache``
    when it holds it, the missing ones made now (Encoding); returns how many were encoded now."""
    encoding = Encoding(made, cache, workers)
    encoded = encoding.wait()
    encoding.place(output)
    return encoded


def _place_all(made: Mapping[str, Thumbnail], output: str, cache: str) -> None:
    made_folders: set[str] = set()
    for site_path in sorted(made):
        target = os.path.join(output, site_path)
        if os.path.dirname(target) not in made_folders:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            made_folders.add(os.path.dirname(target))
        _place(os.path.join(cache, os.path.basename(site_path)), target)


def _place(cached: str, target: str) -> None:
    """The cached thumbnail at ``target``: a hard link where the file system allows one (no bytes read or written,
    as Pelican's STATIC_CREATE_LINKS does for static files), else a copy."""
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


BODY_SIZES = "(min-width: 42rem) 42rem, 100vw"  # an article's column
_BODY_IMAGE = re.compile(r'<img\b(?P<before>[^>]*?)\ssrc="\{static\}/?(?P<path>[^"]+)"(?P<after>[^>]*)>')


def body_images(html: str) -> list[str]:
    """The content-relative paths of the pictures a body shows through {static} links."""
    return [m.group("path") for m in _BODY_IMAGE.finditer(html)]


def with_pictures(html: str, pictures: Mapping[str, Picture | None], prefix: str) -> str:
    """``html`` (a body, its links still in Pelican's {static} form) with each of its images that ``pictures``
    ({path: Picture}) has as a <picture>: WebP candidates (``prefix``: the way from the page to the site's root),
    the original as the fallback, its width and height, lazy loading."""

    def replace(match: re.Match[str]) -> str:
        picture = pictures.get(match.group("path"))
        if picture is None:
            return match.group(0)
        rest = re.sub(r'\s(?:width|height|loading)="[^"]*"', "", match.group("before") + match.group("after"))
        img = (
            f'<img{rest.rstrip(" /")} src="{{static}}/{match.group("path")}" width="{picture.width}" '
            f'height="{picture.height}" loading="lazy">'
        )
        if not picture.webp:
            return img
        srcset = ", ".join(f"{prefix}{name} {width}w" for width, name in picture.webp)
        source = f'<source type="image/webp" srcset="{srcset}" sizes="{BODY_SIZES}">'
        return f"<picture>{source}{img}</picture>"

    return _BODY_IMAGE.sub(replace, html)
