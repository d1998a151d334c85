"""Where everything of the built site is, and where the preview listens: one SiteLayout, made once from the Pelican
settings and read by the plugins, the templates (``layout``), the tools, the editor's configuration and the
benchmarks. A new language or another URL scheme is a setting in pelicanconf.py; nothing else spells a path out.

- The languages, the default first (ARCHIVE_LANGUAGES): the default's pages at the site's root, every other's in
  its folder (ARCHIVE_LANGUAGE_FOLDER, "{lang}/").
- An item's page: Pelican's own ARTICLE_URL and ARTICLE_SAVE_AS (the default language's), ARTICLE_LANG_URL and
  ARTICLE_LANG_SAVE_AS (the others', which must start with the language's folder), DRAFT_… likewise. Pelican
  writes them, and every article knows its own ``url`` and ``save_as``; the layout holds the patterns for those
  who have no article (the editor's "view" link) and checks them against the language folders.
- The archive's own files in each language's folder: one table, PAGES (ARCHIVE_PAGES changes an entry).
- The site's own folders and files, once for the whole site (the web editor, the thumbnails, the service worker,
  the sitemap), and the theme's static folder (THEME_STATIC_DIR).
- The content's folders copied as they are (STATIC_PATHS), among them where pictures and other files are put
  (ARCHIVE_IMAGES, ARCHIVE_FILES: the web editor's uploads, the importers').
- The preview's address (Pelican's own BIND and PORT) and the web editor's local backend's port (the proxy_url
  of EDITOR_BACKEND).

Pure: of Pelican it knows only a settings mapping. Paths are site-relative, "/"-separated, not percent-encoded
(``url`` encodes); a folder ends with "/".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from urllib.parse import quote, urlsplit

from .settings import ArchiveSettings

# What the archive writes in each language's folder, by name: its pages, feeds, web app manifest and the search's
# data folder. ``{kind}``, ``{year}``, ``{tag}`` are filled in per page.
PAGES: Mapping[str, str] = MappingProxyType(
    {
        "home": "index.html",
        "kind": "{kind}/index.html",
        "archive": "archive/index.html",
        "year": "archive/{year}.html",
        "tags": "tag/index.html",
        "tag": "tag/{tag}.html",
        "registration": "registration.html",
        "search": "search.html",
        "search_data": "search-data/",  # the search's files (plugins/lao_search)
        "feed": "feeds/atom.xml",
        "kind_feed": "feeds/{kind}.atom.xml",
        "notfound": "404.html",
        "offline": "offline.html",
        "manifest": "manifest.webmanifest",
    }
)


@dataclass(frozen=True)
class Item:
    """Where Pelican writes a kind of item's page and how it is linked: a ``{NAME}_URL``, ``{NAME}_SAVE_AS`` pair."""

    url: str
    save_as: str


@dataclass(frozen=True)
class SiteLayout:
    languages: tuple[str, ...]  # the default first
    language_folder: str  # the folder of every language but the default, with {lang}
    pages: Mapping[str, str]  # PAGES, with ARCHIVE_PAGES
    article: Item  # the default language's (ARTICLE_URL, ARTICLE_SAVE_AS)
    article_lang: Item  # the other languages' (ARTICLE_LANG_URL, ARTICLE_LANG_SAVE_AS)
    draft: Item
    draft_lang: Item
    static: tuple[str, ...]  # STATIC_PATHS: content folders copied as they are
    images: str  # the one of them pictures are put in
    files: str  # the one other files (PDFs) are put in
    theme: str  # THEME_STATIC_DIR: the theme's files (stylesheet, scripts, font, icon)
    bind: str  # BIND: where the preview listens
    port: int  # PORT
    editor_port: int | None  # the web editor's local backend (EDITOR_BACKEND's proxy_url); None: it has none
    # The site's own folders and files, once for every language, at the root (a worker serves its folder and
    # those under it; robots.txt and the sitemap are looked for there).
    editor: str = "admin/"  # the web editor (plugins/editor)
    thumbs: str = "thumbs/"  # the pictures made for phones (plugins/images)
    worker: str = "sw.js"  # the service worker (plugins/assets, ASSETS_OFFLINE)
    sitemap: str = "sitemap.xml"
    robots: str = "robots.txt"

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SiteLayout:
        """The layout the Pelican ``settings`` (a mapping, as read_settings gives) describe; a setting that
        contradicts another is a ValueError naming both."""
        archive = ArchiveSettings.from_pelican(settings)
        unknown = sorted(set(archive.pages) - set(PAGES))
        if unknown:
            raise ValueError(f"ARCHIVE_PAGES names {', '.join(unknown)}; the archive's pages are {', '.join(PAGES)}")
        layout = cls(
            languages=archive.languages,
            language_folder=archive.language_folder,
            pages=MappingProxyType({**PAGES, **archive.pages}),
            article=Item(settings["ARTICLE_URL"], settings["ARTICLE_SAVE_AS"]),
            article_lang=Item(settings["ARTICLE_LANG_URL"], settings["ARTICLE_LANG_SAVE_AS"]),
            draft=Item(settings["DRAFT_URL"], settings["DRAFT_SAVE_AS"]),
            draft_lang=Item(settings["DRAFT_LANG_URL"], settings["DRAFT_LANG_SAVE_AS"]),
            static=tuple(settings["STATIC_PATHS"]),
            images=archive.images,
            files=archive.files,
            theme=settings["THEME_STATIC_DIR"],
            bind=settings["BIND"],
            port=int(settings["PORT"]),
            editor_port=_proxy_port(settings.get("EDITOR_BACKEND")),
        )
        layout._check()
        return layout

    def _check(self) -> None:
        folder = self.language_folder
        folders = [self.folder(lang) for lang in self.languages[1:]]
        if not folder.endswith("/") or folder.startswith("/") or len(set(folders)) < len(folders):
            raise ValueError(
                f"ARCHIVE_LANGUAGE_FOLDER {folder!r} must name a folder of the site, one for each language but "
                f"the first ({', '.join(self.languages[1:])}): '{{lang}}/'"
            )
        for name, item in (("ARTICLE_LANG", self.article_lang), ("DRAFT_LANG", self.draft_lang)):
            for part, value in (("URL", item.url), ("SAVE_AS", item.save_as)):
                if not value.startswith(folder):
                    raise ValueError(
                        f"{name}_{part} {value!r} must start with ARCHIVE_LANGUAGE_FOLDER {folder!r}: each "
                        f"language's pages are in its folder (write {name}_{part} = ARCHIVE_LANGUAGE_FOLDER + …)"
                    )
        for name in ("images", "files"):
            if getattr(self, name) not in self.static:
                raise ValueError(
                    f"ARCHIVE_{name.upper()} {getattr(self, name)!r} is not one of STATIC_PATHS {list(self.static)}"
                )

    # --- the languages' folders and pages -------------------------------------------------------------------

    def folder(self, lang: str) -> str:
        """Where a language's pages are: "" for the default, its folder ("en/") for every other."""
        return "" if lang == self.languages[0] else self.language_folder.format(lang=lang)

    def lang_of(self, path: str) -> str:
        """The language whose pages the site-relative ``path`` is among: the one whose folder holds it (the
        deepest, should one folder hold another), else the default."""
        inside = [lang for lang in self.languages[1:] if path.startswith(self.folder(lang))]
        return max(inside, key=lambda lang: len(self.folder(lang)), default=self.languages[0])

    def page(self, lang: str, name: str, **values: object) -> str:
        """The path of the archive's page ``name`` (PAGES) in ``lang``, its placeholders filled from ``values``."""
        return self.folder(lang) + self.pages[name].format(**values)

    def url(self, lang: str, name: str, **values: object) -> str:
        """``page``, percent-encoded: what links to it (a tag's page has the tag's Lao name in its file name)."""
        return quote(self.page(lang, name, **values))


def _proxy_port(backend: Mapping[str, Any] | None) -> int | None:
    """The port of Decap's local backend (decap-server) that EDITOR_BACKEND names, or None when it names none."""
    if not backend or backend.get("name") != "proxy":
        return None
    port = urlsplit(backend["proxy_url"]).port
    if port is None:
        raise ValueError(f"EDITOR_BACKEND's proxy_url names no port: {backend['proxy_url']}")
    return port
