"""The site's colours as its stylesheet declares them (the custom properties of ``:root``, light and, in
``@media (prefers-color-scheme: dark)``, dark), for what cannot read CSS: the web app manifest and the browser's
theme-color. Colours are chosen in site.css alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

STYLESHEET = "static/css/site.css"  # in the theme folder
_ROOT = re.compile(r"(?<![\w-]):root\s*\{([^}]*)\}")
_DARK = re.compile(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{\s*:root\s*\{([^}]*)\}")
_PROPERTY = re.compile(r"--([\w-]+)\s*:\s*([^;]+?)\s*;")


@dataclass(frozen=True)
class Palette:
    light: dict[str, str]
    dark: dict[str, str]


def palette(css: str) -> Palette:
    """The custom properties ({name without --: value}) of the stylesheet ``css``'s first ``:root`` and of its
    dark scheme's; ValueError when it has no ``:root`` (a theme without the colours the pages name)."""
    light = _ROOT.search(css)
    if light is None:
        raise ValueError("the stylesheet declares no :root colours")
    dark = _DARK.search(css)
    return Palette(
        light=dict(_PROPERTY.findall(light.group(1))),
        dark=dict(_PROPERTY.findall(dark.group(1))) if dark else {},
    )


def read(theme: str) -> Palette:
    """The palette of the theme folder ``theme``'s stylesheet."""
    with open(f"{theme}/{STYLESHEET}", encoding="utf-8") as f:
        return palette(f.read())
