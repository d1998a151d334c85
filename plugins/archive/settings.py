"""The archive's settings: one ARCHIVE_ group in pelicanconf.py, read once, unknown keys reported."""
import os
from dataclasses import dataclass, fields

PREFIX = "ARCHIVE_"


@dataclass(frozen=True)
class ArchiveSettings:
    languages: tuple = ("lo", "en")  # the first is the site's default, at the root; the others under /<lang>/
    per_page: int = 20  # articles per listing page
    home_latest: int = 5  # articles per kind on a home page
    strings: str = "strings.json"  # the UI strings table, inside the theme folder
    content_extensions: tuple = (".md", ".markdown", ".mkd", ".mdown")  # files that must be built or rejected

    @classmethod
    def from_pelican(cls, settings):
        known = {f.name.upper() for f in fields(cls)}
        unknown = sorted(k for k in settings if k.startswith(PREFIX) and k[len(PREFIX):] not in known)
        if unknown:
            raise ValueError(f"archive plugin: unknown setting(s) {', '.join(unknown)}; known: "
                             + ", ".join(PREFIX + k for k in sorted(known)))
        values = {f.name: settings[PREFIX + f.name.upper()] for f in fields(cls) if PREFIX + f.name.upper() in settings}
        return cls(**values)

    def strings_path(self, theme):
        return os.path.join(theme, self.strings)

    def root(self, lang):
        """Where a language's pages live, relative to the site root: "" for the default, "en/" for English."""
        return "" if lang == self.languages[0] else f"{lang}/"
