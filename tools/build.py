"""Build a content folder with the project's Pelican settings, in this process."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETTINGS = os.path.join(ROOT, "pelicanconf.py")
if TYPE_CHECKING:
    from pelican.generators import Generator

    from archive.layout import SiteLayout
    from archive.schema import Schema
    from archive.validate import Problem

PUBLISH_SETTINGS = os.path.join(ROOT, "publishconf.py")


def build(
    content: str,
    output: str,
    settings_file: str = SETTINGS,
    record: dict[str, str] | None = None,
    warnings: list[Problem] | None = None,
    **overrides: Any,
) -> str:
    """Build ``content`` into ``output`` as `invoke build` does (``overrides``: Pelican settings); returns output.

    ``record``: a dict filled with {built page: content file} (site- and content-relative, "/"), as Pelican
    read and wrote them. ``warnings``: a list given the build's warnings (archive.Problem: what it changed in the
    content without failing, such as what sanitising dropped from a body), which it also logs.
    """
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from archive import every_article, runtime_of

    def remember(generator: Generator) -> None:
        assert record is not None  # connected only when there is one
        for article in every_article(generator):
            source = os.path.relpath(article.source_path, generator.path).replace(os.sep, "/")
            record[article.save_as.replace(os.sep, "/")] = source

    def warned(generators: Sequence[Generator]) -> None:
        assert warnings is not None  # connected only when there is a list
        warnings.extend(runtime_of(generators[0]).warnings)  # every article and static file read

    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output, **overrides})
    if record is not None:
        signals.article_generator_finalized.connect(remember)
    if warnings is not None:
        signals.all_generators_finalized.connect(warned)
    try:
        Pelican(settings).run()
    finally:
        signals.article_generator_finalized.disconnect(remember)
        signals.all_generators_finalized.disconnect(warned)
    return output


def site_schema(settings_file: str = SETTINGS) -> Schema:
    """The content schema with the site's languages (ARCHIVE_LANGUAGES in the settings)."""
    from pelican.settings import read_settings

    from archive.schema import Schema
    from archive.settings import ArchiveSettings

    return Schema(ArchiveSettings.from_pelican(read_settings(settings_file)).languages)


def site_layout(settings_file: str = SETTINGS, **overrides: Any) -> SiteLayout:
    """Where the site built with ``settings_file`` (and ``overrides``) has its pages, and where its preview listens
    (archive/layout.py): what the tools and benchmarks read, as the build does."""
    from pelican.settings import read_settings

    from archive.layout import SiteLayout

    return SiteLayout.from_pelican(read_settings(settings_file, override=overrides))
