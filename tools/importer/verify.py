"""The archive's own checks over content/ as it would be after an import, before anything is written.

The files an import would write are checked with the files already there, by the same functions the build runs
(archive.validate.check_sources, with the readers the images and search plugins lend it: a picture must open, a PDF
must open), and each body is rendered with the site's Markdown settings and sanitised as the build does: what the
sanitiser would drop is a problem too, since the import should not bring it in. Only problems the import causes are
the import's; those content/ has already are counted apart.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import markdown

from archive import machinetext
from archive.metadata import Source, read_source
from archive.sanitise import clean_body
from archive.validate import Opener, Problem, check_sources, file_in, read_sources

if TYPE_CHECKING:
    from archive.schema import Schema

    from .plan import File


def openers() -> list[Opener]:
    """(suffixes, what is done, open(full path)) of the files the build opens: as its plugins lend them."""
    from images import svg, thumbs
    from lao_search import open_pdf

    return [
        (thumbs.RASTER, thumbs.READ, thumbs.raster_size),
        ((".svg",), svg.READ, svg.check),
        ((".pdf",), "opened as a PDF", open_pdf),
    ]


def problems(
    content: str,
    writes: Mapping[str, File],
    schema: Schema,
    markdown_settings: Mapping[str, Any],
    labels: Mapping[str, str],
) -> list[tuple[str, str]]:
    """[(item label, sentence)] of the problems the files an import would write have or cause, in content/ as it
    would be. ``writes``: {content-relative path: File}; ``labels``: {path: item label}. A problem content/ has
    without the import is not the import's; one the import causes is reported on the import's file too (both files
    of a duplicate slug are named), so the problems of the files written are all of them.
    """
    sources: dict[str, Source] = read_sources(content, multiline=schema.multiline)[0] if os.path.isdir(content) else {}
    found: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="import-check-") as made:
        where: dict[str, str] = {}
        for path, file in writes.items():
            if file.source:
                where[path] = file.source
            else:
                where[path] = os.path.join(made, str(len(where)) + os.path.splitext(path)[1])
                with open(where[path], "wb") as f:
                    f.write(file.data or b"")
            if file.markdown:
                sources[path] = read_source((file.data or b"").decode("utf-8"), schema.multiline)
        for problem in _check(content, sources, where, schema):
            if problem.path in writes:
                found.append((labels[problem.path], f"content/{problem}"))
        named = {target for path in writes if path in sources for _n, target in schema.files_named(sources[path].meta)}
        for path, file in writes.items():  # a picture in a body: the build reads it too, for its thumbnails
            if file.markdown or path in named:
                continue
            for suffixes, what, open_file in openers():
                if path.lower().endswith(suffixes) and not path.lower().endswith(".pdf"):
                    try:
                        open_file(where[path])
                    except ValueError as error:
                        shown = file.source or path
                        found.append((labels[path], f"{shown}, copied to content/{path}, cannot be {what}: {error}"))
    renderer = site_markdown(markdown_settings)
    for path, file in writes.items():
        if file.markdown:
            html = renderer.reset().convert(sources[path].body)
            for part in clean_body(html)[1]:
                found.append((labels[path], f"content/{path}: the site would change the body: {part}"))
    return found


def site_markdown(markdown_settings: Mapping[str, Any]) -> markdown.Markdown:
    """Python-Markdown as Pelican's Markdown reader makes it from the MARKDOWN setting (every extension that has a
    configuration is used)."""
    settings = dict(markdown_settings)
    extensions = list(settings.get("extensions", []))
    extensions += [name for name in settings.get("extension_configs", {}) if name not in extensions]
    settings["extensions"] = extensions
    return markdown.Markdown(**settings)


def _check(content: str, sources: Mapping[str, Source], where: Mapping[str, str], schema: Schema) -> list[Problem]:
    """check_sources over ``sources``; the files the import writes (``where``: {path: the file now}) are opened as
    the build opens them, the ones in content/ already are not opened again (the build checks them)."""
    in_content = file_in(content)

    def exists(path: str) -> bool:
        return path in where or in_content(path)

    def opened(open_file: Callable[[str], object]) -> Callable[[str], object]:
        return lambda path: open_file(where[path]) if path in where else None

    return check_sources(
        sources,
        schema,
        exists,
        size=lambda path: os.path.getsize(where[path]) if path in where else 0,
        openers=[(suffixes, what, opened(open_file)) for suffixes, what, open_file in openers()],
        read_text=lambda path: machinetext.read_pages(where.get(path) or os.path.join(content, path)),
    )
