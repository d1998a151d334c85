"""Front-end assets, put into the built site: the JS bundles and the stylesheet (built by esbuild from js/ and
theme/static/css/), the Lao web font from npm with its licence, and the site's icon; and, with ASSETS_OFFLINE
(publishconf.py), the service worker that keeps what a reader opened for reading offline (js/offline.mjs, once
every file is written: it lists the shell's files with their revisions).

Nothing third-party is committed: the font, lunr and stemmer come from node_modules/ (npm ci) at build time.
Templates name assets through ``asset("css/site.css")``, which gives the fingerprinted name
(``css/site.3f2a…c1.css``) when ASSETS_FINGERPRINT is on (publishconf.py), so browsers may cache them forever.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pelican import signals
from pelican.generators import Generator

from archive.layout import SiteLayout
from archive.settings import read_group  # one way to read settings for every plugin of the project

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.writers import Writer

PREFIX = "ASSETS_"
FONT_PACKAGE = "@fontsource/noto-sans-lao"
FONT_FILES = [f"noto-sans-lao-lao-{weight}-normal.{ext}" for weight in (400, 700) for ext in ("woff2", "woff")]
BUNDLES = {
    "js/search.js": "search.js",
    "js/site.js": "site.js",
    "js/admin.js": "admin.js",
    "css/site.css": "style.css",
    "css/admin.css": "admin-style.css",
}  # site name: esbuild's
# theme/static/icons/ -> the theme folder of the site, under stable names (manifests name them)
ICONS = ("favicon.svg",)


@dataclass(frozen=True)
class AssetSettings:
    project: str  # the folder holding package.json, node_modules/ and js/
    minify: bool = False
    fingerprint: bool = False
    offline: bool = False  # write sw.js and have pages register it (the published site; never the preview)

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> AssetSettings:
        return read_group(cls, settings, PREFIX, project=os.path.dirname(os.path.abspath(settings["THEME"])))


def fingerprinted(name: str, data: bytes) -> str:
    """``css/site.css`` -> ``css/site.<first 12 hex digits of its SHA-256>.css``."""
    stem, ext = os.path.splitext(name)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}{ext}"


def bundle(project: str, minify: bool) -> dict[str, bytes]:
    """{site name: bytes} of the bundles, built by js/build.mjs (esbuild)."""
    with tempfile.TemporaryDirectory() as staging:
        command = ["node", os.path.join(project, "js", "build.mjs"), staging] + (["--minify"] if minify else [])
        result = subprocess.run(command, cwd=project, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"assets: bundling failed ({' '.join(command)}):\n{result.stderr}")
        out: dict[str, bytes] = {}
        for name, built in BUNDLES.items():
            with open(os.path.join(staging, built), "rb") as f:
                out[name] = f.read()
        return out


class AssetsGenerator(Generator):
    """Bundles in the context phase, so that every template knows the assets' names; writes them afterwards."""

    def generate_context(self) -> None:
        self.asset_settings = AssetSettings.from_pelican(self.settings)
        node_modules = os.path.join(self.asset_settings.project, "node_modules")
        self.font_package = os.path.join(node_modules, *FONT_PACKAGE.split("/"))
        if not os.path.isdir(self.font_package):
            raise RuntimeError(f"assets: {node_modules} lacks {FONT_PACKAGE}; run `make build` (it runs npm ci)")
        self.files = bundle(self.asset_settings.project, self.asset_settings.minify)
        self.context["archive_assets"] = {
            name: fingerprinted(name, data) if self.asset_settings.fingerprint else name
            for name, data in self.files.items()
        }

    def generate_output(self, writer: Writer) -> None:
        static = os.path.join(self.output_path, SiteLayout.from_pelican(self.settings).theme)
        for name, data in self.files.items():
            target = os.path.join(static, self.context["archive_assets"][name])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(data)
        fonts = os.path.join(static, "fonts")
        os.makedirs(fonts, exist_ok=True)
        for name in FONT_FILES:
            shutil.copyfile(os.path.join(self.font_package, "files", name), os.path.join(fonts, name))
        shutil.copyfile(os.path.join(self.font_package, "LICENSE"), os.path.join(fonts, "LICENSE-noto-sans-lao.txt"))
        for name in ICONS:
            shutil.copyfile(os.path.join(self.settings["THEME"], "static", "icons", name), os.path.join(static, name))


def add_asset_helper(generator: Generator) -> None:
    context = generator.context

    def asset(name: str) -> str:
        return context["archive_assets"][name]

    generator.env.globals["asset"] = asset
    offline = AssetSettings.from_pelican(generator.settings).offline
    generator.env.globals["offline_worker"] = SiteLayout.from_pelican(generator.settings).worker if offline else ""


def write_worker(pelican: Pelican) -> None:
    """Once the whole site is written: its service worker, when ASSETS_OFFLINE is on."""
    if AssetSettings.from_pelican(pelican.settings).offline:
        make_worker(pelican.settings, pelican.output_path)


def make_worker(pelican_settings: Mapping[str, Any], output: str) -> None:
    """Writes the service worker (SiteLayout.worker) of the site built in ``output`` with ``pelican_settings``
    (js/offline.mjs, given the site's layout: each language's folder, offline page and search data, the theme's
    static folder, the worker's name, the web editor's folder, the content's folders, the thumbnails')."""
    settings = AssetSettings.from_pelican(pelican_settings)
    layout = SiteLayout.from_pelican(pelican_settings)
    site = {
        "languages": [
            {
                "folder": layout.folder(lang),
                "offline": layout.page(lang, "offline"),
                "search": layout.page(lang, "search_data"),
            }
            for lang in layout.languages
        ],
        "static": layout.theme,
        "worker": layout.worker,
        "editor": layout.editor,
        "documents": [f"{folder}/" for folder in layout.static],
        "thumbs": layout.thumbs,
    }
    command = ["node", os.path.join(settings.project, "js", "offline.mjs"), output, json.dumps(site)]
    result = subprocess.run(command + (["--minify"] if settings.minify else []), cwd=settings.project,
                            capture_output=True, text=True)  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"assets: the service worker could not be made ({' '.join(command[:3])}):\n{result.stderr}")


def get_generators(pelican: Pelican) -> type[AssetsGenerator]:
    return AssetsGenerator


def register() -> None:
    signals.generator_init.connect(add_asset_helper)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_worker)
