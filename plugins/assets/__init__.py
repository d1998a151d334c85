"""Front-end assets from npm, put into the built site: the Lao web font (with its licence) and the JS bundles.

Nothing third-party is committed: the files come from node_modules/ (npm ci) at build time.
"""
import os
import shutil
import subprocess
from dataclasses import dataclass, fields

from pelican import signals

PREFIX = "ASSETS_"
FONT_PACKAGE = "@fontsource/noto-sans-lao"
FONT_FILES = [f"noto-sans-lao-lao-{weight}-normal.{ext}" for weight in (400, 700) for ext in ("woff2", "woff")]


@dataclass(frozen=True)
class AssetSettings:
    project: str  # the folder holding package.json, node_modules/ and js/
    minify: bool = False

    @classmethod
    def from_pelican(cls, settings):
        known = {f.name.upper() for f in fields(cls)}
        unknown = sorted(k for k in settings if k.startswith(PREFIX) and k[len(PREFIX):] not in known)
        if unknown:
            raise ValueError(f"assets plugin: unknown setting(s) {', '.join(unknown)}")
        project = settings.get(PREFIX + "PROJECT") or os.path.dirname(os.path.abspath(settings["THEME"]))
        return cls(project=project, minify=settings.get(PREFIX + "MINIFY", False))


def copy_font(node_modules, target):
    package = os.path.join(node_modules, *FONT_PACKAGE.split("/"))
    os.makedirs(target, exist_ok=True)
    for name in FONT_FILES:
        shutil.copyfile(os.path.join(package, "files", name), os.path.join(target, name))
    shutil.copyfile(os.path.join(package, "LICENSE"), os.path.join(target, "LICENSE-noto-sans-lao.txt"))


def bundle_scripts(project, target, minify):
    command = ["node", os.path.join(project, "js", "build.mjs"), target] + (["--minify"] if minify else [])
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"assets: bundling the scripts failed ({' '.join(command)}):\n{result.stderr}")


def write_assets(pelican):
    settings = AssetSettings.from_pelican(pelican.settings)
    node_modules = os.path.join(settings.project, "node_modules")
    if not os.path.isdir(os.path.join(node_modules, *FONT_PACKAGE.split("/"))):
        raise RuntimeError(f"assets: {node_modules} lacks {FONT_PACKAGE}; run `make build` (it runs npm ci)")
    static = os.path.join(pelican.output_path, pelican.settings["THEME_STATIC_DIR"])
    copy_font(node_modules, os.path.join(static, "fonts"))
    bundle_scripts(settings.project, os.path.join(static, "js"), settings.minify)


def register():
    signals.finalized.connect(write_assets)
