"""The web editor at admin/ of the built site: Decap CMS from npm, configured from the content schema.

Writes admin/index.html (theme/templates/admin.html), admin/config.yml (config.py, from the schema and the
EDITOR_ settings) and Decap's own files from node_modules/decap-cms/dist/, so that nothing is loaded from another
host. The editor's own code (file format, language widgets, preview) is js/src/admin/, bundled with the site's
scripts by plugins/assets. admin/ is in no listing, sitemap or search index; robots.txt disallows it.

EDITOR_BACKEND is Decap's backend: by default the local proxy (`make edit` starts decap-server beside the
preview); publishconf.py names the GitHub repository. None: no admin/ is written.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from archive import runtime_of
from archive.links import relative_root
from archive.policy import editor_policy, render
from archive.settings import read_group

from .config import CONTENT, decap_config, page_data, words_of

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.writers import Writer

log = logging.getLogger(__name__)

PREFIX = "EDITOR_"
PACKAGE = os.path.join("node_modules", "decap-cms", "dist")


@dataclass(frozen=True)
class EditorSettings:
    backend: dict[str, Any] | None = None  # Decap's backend; None: no editor in this build
    site_url: str = ""  # where "view live" leads (the preview's address); publishing: SITEURL
    root: str = CONTENT  # where content/ is in the backend's repository; "": decap-server serving content/ itself

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> EditorSettings:
        return read_group(cls, settings, PREFIX)


def decap_files(project: str) -> list[tuple[str, str]]:
    """Decap's script, the chunks it loads on demand, its WebAssembly and licence: (path, name in admin/)."""
    dist = os.path.join(project, PACKAGE)
    if not os.path.isfile(os.path.join(dist, "decap-cms.js")):
        raise RuntimeError(f"editor: {dist} lacks decap-cms.js; run `make build` (it runs npm ci)")
    names = ["decap-cms.js", "decap-cms.js.LICENSE.txt"]
    names += [os.path.basename(p) for p in glob.glob(os.path.join(dist, "*.decap-cms.js"))]
    names += [os.path.basename(p) for p in glob.glob(os.path.join(dist, "*.wasm"))]
    return [(os.path.join(dist, name), name) for name in sorted(names)]


class EditorGenerator(Generator):
    def generate_context(self) -> None:
        self.editor = EditorSettings.from_pelican(self.settings)
        if self.editor.backend:
            runtime = runtime_of(self)
            runtime.hide_folder(runtime.layout.editor)

    def generate_output(self, writer: Writer) -> None:
        if not self.editor.backend:
            log.info("editor: EDITOR_BACKEND is None: this site has no admin/ (the web editor)")
            return
        runtime = runtime_of(self)
        schema, layout = runtime.schema, runtime.layout
        site_url = self.editor.site_url or ("" if self.settings["RELATIVE_URLS"] else self.settings["SITEURL"])
        words = words_of(runtime.strings, schema.languages)
        config = decap_config(schema, self.editor.backend, layout, words, site_url, self.editor.root)
        folder = os.path.join(self.output_path, layout.editor)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config.yml"), "w", encoding="utf-8") as f:
            f.write("# Decap CMS's configuration, made from the content schema by plugins/editor: do not edit.\n")
            f.write("# (JSON is YAML.)\n")
            json.dump(config, f, ensure_ascii=False, indent=1)
            f.write("\n")
        project = os.path.dirname(os.path.abspath(self.settings["THEME"]))
        for path, name in decap_files(project):
            shutil.copyfile(path, os.path.join(folder, name))
        page = f"{layout.editor}index.html"
        writer.write_file(
            page,
            self.get_template("admin"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            editor_page=page_data(schema, [(a.category.name, a.slug, a.lang) for a in runtime.all_articles], words),
            page_lang=schema.languages[0],
            site_root=relative_root(page),  # the theme's files are there, whatever SITEURL says
            content_security_policy=Markup(render(editor_policy(self.editor.backend))),
        )


def get_generators(pelican: Pelican) -> type[EditorGenerator]:
    return EditorGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
