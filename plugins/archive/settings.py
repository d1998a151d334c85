"""The archive's settings: one ARCHIVE_ group in pelicanconf.py, read once, unknown keys reported.

``read_group`` serves every plugin of the project the same way (ASSETS_, LAO_SEARCH_).
"""

import os
from dataclasses import dataclass, fields

from .validate import MARKDOWN_EXTENSIONS


def read_group(cls, settings, prefix, **defaults):
    """An instance of the frozen dataclass ``cls`` from the ``prefix``-ed Pelican settings; unknown keys are an
    error naming the plugin's known ones, so that a typo is not silently ignored."""
    known = {prefix + f.name.upper() for f in fields(cls)}
    unknown = sorted(k for k in settings if k.startswith(prefix) and k not in known)
    if unknown:
        raise ValueError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    values = {f.name: settings[prefix + f.name.upper()] for f in fields(cls) if prefix + f.name.upper() in settings}
    return cls(**{**defaults, **values})


PREFIX = "ARCHIVE_"


@dataclass(frozen=True)
class ArchiveSettings:
    languages: tuple = ("lo", "en")  # the first is the site's default, at the root; the others under /<lang>/
    home_latest: int = 5  # articles per kind on a home page (listing pages have Pelican's DEFAULT_PAGINATION)
    strings: str = "strings.json"  # the UI strings table, inside the theme folder
    content_extensions: tuple = MARKDOWN_EXTENSIONS  # files that must be built or rejected

    @classmethod
    def from_pelican(cls, settings):
        archive = read_group(cls, settings, PREFIX)
        if archive.languages[0] != settings.get("DEFAULT_LANG", archive.languages[0]):
            raise ValueError(
                f"ARCHIVE_LANGUAGES starts with {archive.languages[0]!r} but DEFAULT_LANG is "
                f"{settings['DEFAULT_LANG']!r}: the site's default language must come first"
            )
        return archive

    def strings_path(self, theme):
        return os.path.join(theme, self.strings)

    def root(self, lang):
        """Where a language's pages live, relative to the site root: "" for the default, "en/" for English."""
        return "" if lang == self.languages[0] else f"{lang}/"
