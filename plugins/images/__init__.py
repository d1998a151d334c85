"""The images plugin: pictures made for phones. Pelican glue only; the work is in thumbs.py.

Every cover and page image an item names gets its Picture (thumbs.plan) while Pelican gathers its context, and
its PDF when it has no page images (shown by its first page);
templates show one with the ``picture`` macro (partials/picture.html), which asks ``picture_of(path)``: WebP
candidates in a <picture>, the original (or a PDF's first page as JPEG) as the fallback, width and height always.
The thumbnails are written with the site, from a cache kept between builds (IMAGES_CACHE, default
CACHE_PATH/thumbs); the missing ones are made on every core. The archive's checks borrow ``thumbs.raster_size``: a
cover that is no readable image stops the build. What a picture's plan learns of its file (size, digest) is kept
by the archive (runtime.files, archive/filefacts.py), so a build with nothing changed opens no picture or PDF.

Every SVG under content/ (a cover, a newspaper page, a body's image, any file of images/ or files/) is published
made inert (svg.py) in place of Pelican's copy of it; one that is no SVG stops the build, naming it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pelican import signals
from pelican.generators import Generator

from archive import ContentError, runtime_in, runtime_of
from archive.collect import Article
from archive.links import relative_root
from archive.schema import Schema, pages_named
from archive.settings import read_group
from archive.validate import Problem

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.writers import Writer

    from archive import Runtime

from . import svg, thumbs

logger = logging.getLogger(__name__)
PREFIX = "IMAGES_"
CONTEXT = "archive_pictures"
SVG_CONTEXT = "archive_inert_svgs"  # {content path: the SVG's bytes made inert}
SVG_WRITTEN = "archive_svgs_written"  # {where in the site: the bytes}, written with the thumbnails
WORKERS = "archive_thumbnail_workers"  # the processes thumbnails are made in, forked before the content is read


@dataclass(frozen=True)
class ImageSettings:
    cache: str  # where thumbnails are kept between builds

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ImageSettings:
        return read_group(cls, settings, PREFIX, cache=os.path.join(settings["CACHE_PATH"], "thumbs"))


def pictured_files(article: Article, schema: Schema) -> list[str]:
    """The content-relative paths of the files an item's fields name that get thumbnails: its cover and page images,
    and its PDF (shown by its first page) unless it has page images. An edition's front page is its first page
    image, else its PDF's first page (edition.html, the editions' cards; an item's linked data when it has no
    picture at all): with page images, the PDF's first page is shown nowhere. Drawn for every PDF, the back
    catalogue's cold build made 60 editions' first pages and 300 thumbnails that no page showed."""
    named = [path for _name, path in schema.files_named(article.metadata)]
    if pages_named(article.metadata):
        return [path for path in named if not thumbs.is_pdf(path)]
    return named


class ImagesGenerator(Generator):
    """Plans every picture in the context phase (templates need their sizes), writes the thumbnails after."""

    encoding: thumbs.Encoding | None = None  # the thumbnails being made, from start_encoding to generate_output

    def generate_context(self) -> None:
        self.image_settings = ImageSettings.from_pelican(self.settings)
        runtime = runtime_of(self)
        widest: dict[str, int] = {}  # path -> the widest thumbnail it needs, of all the places it is shown
        for article in runtime.all_articles:
            pages = set(pages_named(article.metadata))
            for path in pictured_files(article, runtime.schema):
                wanted = thumbs.PAGE_WIDEST if path in pages else thumbs.WIDTHS[-1]
                widest[path] = max(widest.get(path, 0), wanted)
            for path in thumbs.body_images(article._content or ""):  # in a body: as wide as the article's column
                widest[path] = thumbs.WIDTHS[-1]
        pictures: dict[str, thumbs.Picture | None] = {}
        for path, width in widest.items():
            full = os.path.join(self.path, path)
            if os.path.isfile(full):
                pictures[path] = thumbs.plan(
                    full, path, runtime.files.learn, folder=runtime.layout.thumbs, widest=width
                )
        self.context[CONTEXT] = pictures
        for article in runtime.all_articles:  # images in bodies: <picture>, sizes, lazy loading
            if article._content:
                prefix = self.root_from(article.url)
                article._content = thumbs.with_pictures(article._content, pictures, prefix)

    def root_from(self, url: str) -> str:
        """The way from a page at ``url`` to the site's root: SITEURL when publishing, else ../ per folder."""
        if not self.settings["RELATIVE_URLS"]:
            return self.settings["SITEURL"].rstrip("/") + "/"
        return relative_root(url)

    def start_encoding(self) -> None:
        """The missing thumbnails start being made, on every core, while Pelican writes the pages with one (called
        once every generator has its context; otherwise by generate_output)."""
        made: dict[str, thumbs.Thumbnail] = {}
        for picture in self.context[CONTEXT].values():
            if picture:
                made.update(picture.made)
        self.encoding = thumbs.Encoding(made, self.image_settings.cache, pool=self.context.pop(WORKERS, None))

    def generate_output(self, writer: Writer) -> None:
        if self.encoding is None:
            self.start_encoding()
        encoding, self.encoding = self.encoding, None
        assert encoding is not None  # started just now, if not before
        for save_as, data in sorted(self.context.get(SVG_WRITTEN, {}).items()):
            target = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(data)
        encoded = encoding.wait()
        encoding.place(self.output_path)
        logger.info(
            "Images: %d thumbnails, %d made now, the rest from %s",
            len(encoding.made),
            encoded,
            self.image_settings.cache,
        )


def add_picture_helper(generator: Generator) -> None:
    context = generator.context

    def picture_of(path: str) -> thumbs.Picture | None:
        return context.get(CONTEXT, {}).get(path)

    generator.env.globals["picture_of"] = picture_of
    generator.env.globals["page_sizes"] = thumbs.PAGE_SIZES  # how wide a page image is shown (PAGE_WIDEST)
    runtime = runtime_in(context)
    if runtime is not None:
        runtime.add_opener(thumbs.RASTER, thumbs.READ, thumbs.raster_size)  # a raster image must open
        runtime.add_opener((".svg",), svg.READ, svg.check)  # and an SVG be one


def _made_inert(full: str, path: str, runtime: Runtime) -> bytes | Problem:
    """The bytes of the SVG at ``full`` (content-relative ``path``) made inert, or a Problem naming it; what it
    lost is a warning, as for bodies."""
    with open(full, "rb") as f:
        data = f.read()
    try:
        inert, dropped = svg.inert(data)
    except thumbs.Unreadable as error:
        return Problem(path, 1, f"cannot be {svg.READ}: {error}")
    if dropped:
        warning = Problem(path, 1, f"warning: made inert: dropped {', '.join(dropped)}")
        logger.warning("%s", warning)
        runtime.warnings.append(warning)
    return inert


def read_svgs(generator: Generator) -> None:
    """Before Pelican reads the articles (after the archive's checks): every SVG of the static folders made inert,
    or the build stopped with every one that is no SVG, before the search's indexing has started."""
    runtime = runtime_of(generator)
    paths = generator.get_files(generator.settings["STATIC_PATHS"], generator.settings["STATIC_EXCLUDES"], False)
    made = {
        p: _made_inert(os.path.join(generator.path, p), p, runtime) for p in sorted(paths) if p.lower().endswith(".svg")
    }
    problems = [answer for answer in made.values() if isinstance(answer, Problem)]
    if problems:
        raise ContentError(problems)
    generator.context[SVG_CONTEXT] = made


def inert_svgs(generator: Generator) -> None:
    """Once Pelican's static generator has listed the files it will copy: its SVGs are taken from that list, to
    be written made inert in their place (ImagesGenerator.generate_output runs before it copies). An SVG outside
    the static folders (linked with {attach}) is made inert here."""
    runtime = runtime_of(generator)
    made = generator.context.get(SVG_CONTEXT, {})
    inert: dict[str, bytes] = {}
    others: list[Any] = []
    for static in generator.context["staticfiles"]:
        path = os.path.relpath(static.source_path, generator.path).replace(os.sep, "/")
        if not path.lower().endswith(".svg"):
            others.append(static)
            continue
        answer = made[path] if path in made else _made_inert(static.source_path, path, runtime)
        if isinstance(answer, Problem):
            raise ContentError([answer])
        inert[static.save_as] = answer
    generator.context["staticfiles"] = others
    generator.context[SVG_WRITTEN] = inert


def start_workers(generator: Generator) -> None:
    """Before Pelican reads the content: the processes the thumbnails will be made in (thumbs.workers)."""
    generator.context[WORKERS] = thumbs.workers()


def start_encoding(generators: Sequence[Generator]) -> None:
    for generator in generators:
        if isinstance(generator, ImagesGenerator):
            generator.start_encoding()


def get_generators(pelican: Pelican) -> type[ImagesGenerator]:
    return ImagesGenerator


def register() -> None:
    signals.generator_init.connect(add_picture_helper)
    signals.get_generators.connect(get_generators)
    signals.article_generator_init.connect(read_svgs)
    signals.article_generator_init.connect(start_workers)
    signals.static_generator_finalized.connect(inert_svgs)
    signals.all_generators_finalized.connect(start_encoding)
