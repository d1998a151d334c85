"""The archive's settings: one ARCHIVE_ group in pelicanconf.py, read once, unknown keys reported.

``read_group`` serves every plugin of the project the same way (ASSETS_, LAO_SEARCH_).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")  # what Pelican reads as Markdown


def read_group(cls: type[T], settings: Mapping[str, Any], prefix: str, **defaults: Any) -> T:
    """An instance of the frozen dataclass ``cls`` from the ``prefix``-ed Pelican settings; unknown keys are an
    error naming the plugin's known ones, so that a typo is not silently ignored."""
    known = {prefix + f.name.upper() for f in fields(cls)}
    unknown = sorted(k for k in settings if k.startswith(prefix) and k not in known)
    if unknown:
        raise ValueError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    values = {f.name: settings[prefix + f.name.upper()] for f in fields(cls) if prefix + f.name.upper() in settings}
    return cls(**{**defaults, **values})


PREFIX = "ARCHIVE_"
# The site's languages when ARCHIVE_LANGUAGES does not say: the first is the default, at the root; the others each
# in its folder (ARCHIVE_LANGUAGE_FOLDER; layout.py). The content schema's default too (schema.Schema).
LANGUAGES = ("lo", "en")
PUBLISHER_EN = "Ministry of Technology and Communications"
NEWSPAPER_EN = "Technology and Communications newspaper"


def _both(lo: str, en: str) -> dict[str, str]:
    return {"lo": lo, "en": en}


@dataclass(frozen=True)
class ArchiveSettings:
    languages: tuple[str, ...] = LANGUAGES
    # Where the site is (layout.SiteLayout reads these): the folder of each language but the first; the archive's
    # pages whose path is not PAGES' ({name: path in a language's folder}); the folders of STATIC_PATHS where
    # pictures and other files (PDFs) are put.
    language_folder: str = "{lang}/"
    pages: dict[str, str] = field(default_factory=dict)
    images: str = "images"
    files: str = "files"
    home_latest: int = 5  # articles per kind on a home page (listing pages have Pelican's DEFAULT_PAGINATION)
    strings: str = "strings.json"  # the UI strings table, inside the theme folder
    content_extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS  # files that must be built or rejected
    # What only the operator knows, for search engines and reference managers (structured data, Highwire tags,
    # RIS and BibTeX): names in every language of the site, {lang: name}.
    publisher: dict[str, str] = field(default_factory=lambda: _both("ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", PUBLISHER_EN))
    publisher_logo: str = ""  # a file of the site (site-relative, e.g. images/logo.png); "": the site's icon
    journal: dict[str, str] = field(default_factory=lambda: _both("ວາລະສານ ໄອຊີທີ", "ICT Journal"))
    issn: str = ""  # the journal's ISSN (1234-5678), when it has one
    citation_style: str = "citation/short.csl"  # the CSL style of the line under "Cite this item", in the theme
    newspaper: dict[str, str] = field(default_factory=lambda: _both("ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", NEWSPAPER_EN))

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> ArchiveSettings:
        archive = read_group(cls, settings, PREFIX)
        if archive.languages[0] != settings.get("DEFAULT_LANG", archive.languages[0]):
            raise ValueError(
                f"ARCHIVE_LANGUAGES starts with {archive.languages[0]!r} but DEFAULT_LANG is "
                f"{settings['DEFAULT_LANG']!r}: the site's default language must come first"
            )
        for name in ("publisher", "journal", "newspaper"):
            missing = [lang for lang in archive.languages if not getattr(archive, name).get(lang)]
            if missing:
                raise ValueError(f"ARCHIVE_{name.upper()} has no name in {', '.join(missing)}: give one per language")
        if archive.issn and not re.fullmatch(r"[0-9]{4}-[0-9]{3}[0-9X]", archive.issn):
            raise ValueError(f"ARCHIVE_ISSN {archive.issn!r} is not an ISSN: write it as 1234-5678")
        return archive

    def names(self) -> dict[str, dict[str, str]]:
        """{lang: {key: text}}: the operator's names, merged into the interface strings (as the schema's are)."""
        return {
            lang: {f"site.{name}": getattr(self, name)[lang] for name in ("publisher", "journal", "newspaper")}
            for lang in self.languages
        }

    def periodical(self, name: str, lang: str) -> tuple[str, str]:
        """(its name in ``lang``, its ISSN or "") of the periodical ``name`` ("journal", "newspaper": Kind.periodical);
        only the journal has an ISSN."""
        return getattr(self, name)[lang], self.issn if name == "journal" else ""

    def citation_style_path(self, theme: str) -> str:
        return os.path.join(theme, self.citation_style)

    def strings_path(self, theme: str) -> str:
        return os.path.join(theme, self.strings)
