"""Thumbnails of the pictures an item names, without Pelican: what to make, and making it.

A raster image (PNG, JPEG, GIF, WebP, AVIF) gets WebP copies at the widths of WIDTHS that are smaller than it; a
PDF gets its first page drawn (pypdfium2) and kept as a JPEG, with WebP copies of it too; an SVG is used as it is,
its width and height read from it. Names carry a digest of the source's bytes, so a changed image gets new names
and a cache (any folder) keeps what was made: an unchanged image is never encoded twice.
"""

import hashlib
import io
import math
import os
import re
import shutil
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError

WIDTHS = (
    160,
    320,
    400,
    640,
    1280,
)  # a phone column at 1x, 2x (400: a 1.75x phone's half-width cover), a tablet, a wide screen
PDF_WIDTH = 800  # a PDF's first page is drawn this wide
QUALITY = 70  # WebP at 70 looks as 80 does on a phone and weighs a fifth less: 20 covers stay under 300 KB
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
FOLDER = "thumbs"  # in the site


class Unreadable(ValueError):
    """A picture that cannot be read; the message says why, without the file's name."""


@dataclass
class Picture:
    """What a template needs to show a picture: the fallback's URL (site-relative), its size, WebP candidates."""

    src: str
    width: int
    height: int
    webp: list = field(default_factory=list)  # [(width, site-relative path)]
    made: dict = field(default_factory=dict)  # site-relative path -> (source file, width, format), to write


def digest(path):
    """Names a source's thumbnails: its bytes and how they are encoded (a new quality is a new name, not a stale
    file from the cache)."""
    sha = hashlib.sha256(f"webp q{QUALITY}, pdf {PDF_WIDTH} px\n".encode())
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def svg_size(path):
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


def raster_size(path):
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


def plan(path, site_path):
    """The Picture of the file at ``path`` (shown in the site at ``site_path``), or None for another kind of file."""
    lower = path.lower()
    if lower.endswith(".svg"):
        size = svg_size(path)
        return Picture(site_path, *size) if size else None
    if lower.endswith(".pdf"):
        key = digest(path)
        width, height = _pdf_page_size(path)
        src = f"{FOLDER}/{key}-page1.jpg"
        picture = Picture(src, PDF_WIDTH, math.ceil(height * PDF_WIDTH / width))  # as pdfium draws it
        picture.made[src] = (path, PDF_WIDTH, "JPEG")
        _add_webp(picture, path, key, PDF_WIDTH)
        return picture
    if lower.endswith(RASTER):
        width, height = raster_size(path)
        picture = Picture(site_path, width, height)
        _add_webp(picture, path, digest(path), width)
        return picture
    return None


def _add_webp(picture, path, key, full_width):
    for width in [w for w in WIDTHS if w < full_width] + ([full_width] if full_width <= WIDTHS[-1] else []):
        name = f"{FOLDER}/{key}-{width}.webp"
        picture.webp.append((width, name))
        picture.made[name] = (path, width, "WEBP")


def _pdf_page_size(path):
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise Unreadable(f"not a PDF that can be opened ({error})") from None
    try:
        return document[0].get_size()
    finally:
        document.close()


def _source_image(path):
    if path.lower().endswith(".pdf"):
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


def encode(path, width, image_format):
    """The bytes of the picture at ``path`` ``width`` pixels wide, as ``image_format`` ("WEBP" or "JPEG")."""
    image = _source_image(path)
    if image.width != width:
        image = image.resize((width, max(1, round(image.height * width / image.width))), Image.Resampling.LANCZOS)
    if image_format == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    out = io.BytesIO()
    image.save(out, image_format, quality=QUALITY, method=4) if image_format == "WEBP" else image.save(
        out, image_format, quality=QUALITY, optimize=True
    )
    return out.getvalue()


def write(made, output, cache):
    """Write every thumbnail of ``made`` ({site path: (source, width, format)}) under ``output``, from ``cache``
    when it holds it (names carry the source's digest); returns how many were encoded now."""
    encoded = 0
    os.makedirs(cache, exist_ok=True)
    for site_path, (source, width, image_format) in sorted(made.items()):
        target = os.path.join(output, site_path)
        cached = os.path.join(cache, os.path.basename(site_path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.isfile(cached):
            data = encode(source, width, image_format)
            with open(cached + ".part", "wb") as f:
                f.write(data)
            os.replace(cached + ".part", cached)
            encoded += 1
        shutil.copyfile(cached, target)
    return encoded


BODY_SIZES = "(min-width: 42rem) 42rem, 100vw"  # an article's column
_BODY_IMAGE = re.compile(r'<img\b(?P<before>[^>]*?)\ssrc="\{static\}/?(?P<path>[^"]+)"(?P<after>[^>]*)>')


def body_images(html):
    """The content-relative paths of the pictures a body shows through {static} links."""
    return [m.group("path") for m in _BODY_IMAGE.finditer(html)]


def with_pictures(html, pictures, prefix):
    """``html`` (a body, its links still in Pelican's {static} form) with each of its images that ``pictures``
    ({path: Picture}) has as a <picture>: WebP candidates (``prefix``: the way from the page to the site's root),
    the original as the fallback, its width and height, lazy loading."""

    def replace(match):
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
