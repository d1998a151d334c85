"""The archive's own checks over content/ as it would be after an import, before anything is written.

The files an import would write are checked with the files already there, by the same functions the build runs
(archive.validate.check_sources, with the readers the images and search plugins lend it: a picture must open, a PDF
must open), and each body is rendered with the site's Markdown settings and sanitised as the build does: what the
sanitiser would drop is a problem too, since the import should not bring it in. Only problems the import causes are
the import's; those content/ has already are counted apart.
"""

import os
import tempfile

import markdown

from archive import machinetext
from archive.metadata import read_source
from archive.sanitise import clean_body
from archive.validate import check_sources, file_in, read_sources


def openers():
    """(suffixes, what is done, open(full path)) of the files the build opens: as its plugins lend them."""
    from images import svg, thumbs
    from lao_search import open_pdf

    return [
        (thumbs.RASTER, thumbs.READ, thumbs.raster_size),
        ((".svg",), svg.READ, svg.check),
        ((".pdf",), "opened as a PDF", open_pdf),
    ]


def problems(content, writes, schema, markdown_settings, labels):
    """(new problems as [(item label, sentence)], how many problems content/ has already).

    ``writes``: {content-relative path: File} of what the import would write; ``labels``: {path: item label}.
    """
    existing, unreadable = read_sources(content, multiline=schema.multiline) if os.path.isdir(content) else ({}, [])
    with tempfile.TemporaryDirectory(prefix="import-check-") as made:
        where = {}
        for path, file in writes.items():
            if file.source:
                where[path] = file.source
            else:
                where[path] = os.path.join(made, str(len(where)) + os.path.splitext(path)[1])
                with open(where[path], "wb") as f:
                    f.write(file.data)
        before = set(_check(content, existing, {}, schema))
        after_sources = dict(existing)
        for path, file in writes.items():
            if file.markdown:
                after_sources[path] = read_source(file.data.decode("utf-8"), schema.multiline)
        after = _check(content, after_sources, where, schema)
    found = []
    for problem in after:
        if problem in before:
            continue
        found.append((labels.get(problem.path, f"content/{problem.path}"), f"content/{problem}"))
    renderer = markdown.Markdown(**markdown_settings)
    for path, file in writes.items():
        if file.markdown:
            source = read_source(file.data.decode("utf-8"), schema.multiline)
            html = renderer.reset().convert(source.body)
            for part in clean_body(html)[1]:
                found.append((labels[path], f"content/{path}: the site would change the body: {part}"))
    return found, len(before) + len(unreadable)


def _check(content, sources, where, schema):
    in_content = file_in(content)

    def full(path):
        return where.get(path) or os.path.join(content, *path.split("/"))

    def exists(path):
        return path in where or in_content(path)

    def read_text(path):
        return machinetext.read_pages(full(path))

    return check_sources(
        sources,
        schema,
        exists,
        size=lambda path: os.path.getsize(full(path)),
        openers=[(suffixes, what, lambda path, o=open_file: o(full(path))) for suffixes, what, open_file in openers()],
        read_text=read_text,
    )
