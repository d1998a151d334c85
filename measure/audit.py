"""The published site audited as reviewers audit it: `invoke audit`.

The project's content is built with publishconf.py for http://127.0.0.1:<port>, served gzip-compressed (the
benchmark's server, measure/bench_page.py, with each language's 404.html for missing addresses), and each page
below is audited, in both languages:

- Lighthouse 12.2.3 (mobile preset, the npm package, run by node with the Chromium the tests use): performance,
  accessibility, best practices and SEO scores;
- axe-core 4.14.1 in that Chromium (Playwright), in the light and the dark colour scheme: every violation, of any
  impact;
- screenshots of the dark mode, the print view, the 404 page and the search that finds nothing, into docs/.

Both tools are measurement tools, not dependencies of the site: they are installed at the pinned versions into
.bench/audit/ on first use (npm), never into node_modules/. Figures to read, not a test.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from tools.browser import launch
from tools.build import PUBLISH_SETTINGS, ROOT, build, site_layout
from tools.preview import free_port
from tools.serve import SiteFiles, served

from .bench_page import say

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from archive.layout import SiteLayout

ColorScheme = Literal["light", "dark"]

TOOLS = {"lighthouse": "12.2.3", "axe-core": "4.14.1"}
FOLDER = os.path.join(ROOT, ".bench", "audit")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


# The items audited and pictured, by their content file (without ".<lang>.md"): the page built from it is theirs
ITEMS = {
    "article": "news/online-public-services-portal-2026",
    "report": "reports/asean-digital-skills-forum-2025",
    "issue": "magazine/ict-journal-14",
    "edition": "newspaper/edition-345",
}


def site_paths(layout: SiteLayout, built: Mapping[str, str], lang: str, query: str) -> dict[str, str]:
    """{what: its path in the site} of the pages audited and pictured in ``lang``: the archive's own pages where
    the layout puts them, the items where the build wrote them (``built``: {content file: page}), a search for
    ``query`` and one that finds nothing, and an address the site lacks."""
    page = functools.partial(layout.page, lang)

    def item(name: str) -> str:
        return built[f"{ITEMS[name]}.{lang}.md"]

    return {
        "home": page("home"),
        "news list": page("kind", kind="news"),
        "article": item("article"),
        "report": item("report"),
        "journal covers": page("kind", kind="magazine"),
        "issue": item("issue"),
        "newspaper editions": page("kind", kind="newspaper"),
        "edition": item("edition"),
        "year": page("year", year=2026),
        "tags": page("tags"),
        "registration": page("registration"),
        "search": f"{page('search')}?q={query}",
        "no results": f"{page('search')}?q=zzqqxx",
        "page not found": page("notfound"),
        "missing": layout.folder(lang) + "no-such-page.html",
    }


# (label, what) of what is audited in each language
AUDITED = [
    ("home", "home"),
    ("article", "article"),
    ("magazines", "journal covers"),
    ("issue", "issue"),
    ("newspapers", "newspaper editions"),
    ("edition", "edition"),
    ("search", "search"),
    ("no results", "no results"),
    ("404", "missing"),
]


def pages(paths: Mapping[str, Mapping[str, str]], missing: bool = True) -> list[tuple[str, str]]:
    """(label, path) of what is audited in each language (``paths``: {lang: site_paths}): home, an article, the
    journal's and the newspaper's lists, an issue, an edition, a search that finds and one that does not, the 404
    page (at an address the site lacks, answered with status 404; ``missing=False``: at its own address, for
    Lighthouse, which audits no page that comes with an error status)."""
    return [
        (f"{lang} {label}", where[what if missing or what != "missing" else "page not found"])
        for lang, where in paths.items()
        for label, what in AUDITED
    ]


def install_tools() -> None:
    """The pinned audit tools in .bench/audit/node_modules, installed when missing or of another version."""
    for name, version in TOOLS.items():
        package = os.path.join(FOLDER, "node_modules", name, "package.json")
        try:
            with open(package, encoding="utf-8") as f:
                if json.load(f)["version"] == version:
                    continue
        except (OSError, ValueError, KeyError):
            pass
        say(f"Installing {name}@{version} into {os.path.relpath(FOLDER, ROOT)}/ …")
        os.makedirs(FOLDER, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", FOLDER, "--no-audit", "--no-fund", "--no-save", f"{name}@{version}"],
            check=True,
            capture_output=True,
        )


def lighthouse(url: str, chromium: str) -> tuple[dict[str, int], list[str]]:
    """({category: score 0–100}, the ids of the pass-or-fail audits that failed) of Lighthouse's mobile run on
    ``url``."""
    cli = os.path.join(FOLDER, "node_modules", "lighthouse", "cli", "index.js")
    command = [
        "node",
        cli,
        url,
        f"--chrome-path={chromium}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores, failing


def axe_violations(browser: Browser, url: str, scheme: ColorScheme) -> list[tuple[str, str, int]]:
    """[(rule id, impact, how many nodes)] of axe-core's violations on ``url`` in the ``scheme`` colour scheme."""
    with open(os.path.join(FOLDER, "node_modules", "axe-core", "axe.min.js"), encoding="utf-8") as f:
        axe = f.read()
    context = browser.new_context(color_scheme=scheme)
    # axe-core arrives as the browser's own script before the page's (not a <script> of the page, which the pages'
    # Content-Security-Policy refuses), and the page keeps its policy while it is audited
    context.add_init_script(axe)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        found = page.evaluate("async () => (await axe.run(document)).violations")
        return [(v["id"], v["impact"], len(v["nodes"])) for v in found]
    finally:
        context.close()


def screenshots(browser: Browser, base: str, paths: Mapping[str, Mapping[str, str]]) -> list[str]:
    """docs/screenshots/: dark mode, print view, the 404 page and the search that finds nothing (``paths``: {lang:
    site_paths})."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    first, other = list(paths.values())[:2]
    shots: list[tuple[str, str, dict[str, Any], Literal["print"] | None]] = [
        ("dark-mode.png", first["home"], {"color_scheme": "dark"}, None),
        ("dark-mode-article.png", first["article"], {"color_scheme": "dark"}, None),
        ("print.png", first["article"], {}, "print"),
        ("404.png", first["missing"], {}, None),
        ("search-no-results.png", other["no results"], {}, None),
    ]
    for name, path, options, media in shots:
        context = browser.new_context(viewport={"width": 412, "height": 900}, device_scale_factor=1, **options)
        try:
            page = context.new_page()
            if media:
                page.emulate_media(media=media)
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=media == "print")
        finally:
            context.close()
    return [name for name, *_ in shots]


GALLERY = os.path.join(SCREENSHOTS, "pages")
PAGE_KINDS = [
    "home",
    "news list",
    "article",
    "report",
    "journal covers",
    "issue",
    "newspaper editions",
    "edition",
    "year",
    "tags",
    "registration",
    "search",
    "page not found",
]
WIDTHS = (390, 1280)


def gallery(browser: Browser, base: str, paths: Mapping[str, Mapping[str, str]]) -> int:
    """docs/screenshots/pages/: every kind of page in every language at a phone's and a desktop's width (the first
    screen of each, as JPEG), and an index of them (README.md there); ``paths``: {lang: site_paths}."""
    os.makedirs(GALLERY, exist_ok=True)
    rows = [
        "# Every kind of page, in both languages",
        "",
        "| page | lang | 390 px | 1280 px |",
        "| --- | --- | --- | --- |",
    ]
    for label in PAGE_KINDS:
        for lang, where in paths.items():
            cells: list[str] = []
            for width in WIDTHS:
                name = f"{lang}-{label.replace(' ', '-')}-{width}.jpg"
                context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
                try:
                    page = context.new_page()
                    page.goto(base + where[label], wait_until="networkidle")
                    page.screenshot(path=os.path.join(GALLERY, name), type="jpeg", quality=70)
                finally:
                    context.close()
                cells.append(f"![{label}, {lang}, {width} px]({name})")
            rows.append(f"| {label} | {lang} | {cells[0]} | {cells[1]} |")
    with open(os.path.join(GALLERY, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    return len(PAGE_KINDS) * len(paths) * len(WIDTHS)


def run(chromium: str, query: Mapping[str, str] | None = None, shots: bool = True) -> bool:
    """Build, serve, audit and print; returns whether every target was met."""
    from playwright.sync_api import sync_playwright

    install_tools()
    query = query or {"lo": "ລັດດິຈິຕອນ", "en": "broadband"}
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    work = tempfile.mkdtemp(prefix="archive-audit-")
    os.environ["SITEURL"] = base.rstrip("/")
    try:
        say(f"Building the published site for {base} …")
        built: dict[str, str] = {}
        site = build(os.path.join(ROOT, "content"), os.path.join(work, "site"), PUBLISH_SETTINGS, record=built)
        layout = site_layout(PUBLISH_SETTINGS)
        from_file = {source: page for page, source in built.items()}
        paths = {lang: site_paths(layout, from_file, lang, query[lang]) for lang in layout.languages}
        ok = True
        with served(SiteFiles(site, layout), port=port):
            say("\nLighthouse 12.2.3, mobile preset (performance, accessibility, best practices, SEO)")
            for label, path in pages(paths, missing=False):
                scores, failing = lighthouse(base + path, chromium)
                met = all(scores[name] >= TARGETS[name] for name in CATEGORIES)
                ok &= met
                figures = "  ".join(f"{scores[name]:>3d}" for name in CATEGORIES)
                say(
                    f"  {label:14s} {figures}  {'PASS' if met else 'MISS'}"
                    + (f"  ({', '.join(failing)})" if failing else "")
                )
            with sync_playwright() as p:
                browser = launch(p, chromium)
                say("\naxe-core 4.14.1: violations of any impact, light and dark colour schemes")
                for label, path in pages(paths):
                    for scheme in ("light", "dark"):
                        found = axe_violations(browser, base + path, scheme)
                        ok &= not found
                        listed = ", ".join(f"{rule} ({impact}, {n})" for rule, impact, n in found) or "none"
                        say(f"  {label:14s} {scheme:5s}  {listed}")
                if shots:
                    names = screenshots(browser, base, paths)
                    say(f"\nScreenshots in {os.path.relpath(SCREENSHOTS, ROOT)}/: {', '.join(names)}")
                    count = gallery(browser, base, paths)
                    say(f"{count} screenshots of every kind of page in {os.path.relpath(GALLERY, ROOT)}/")
                browser.close()
        say(f"\n{'Every target met.' if ok else 'Some targets missed (MISS above).'}")
        return ok
    finally:
        os.environ.pop("SITEURL", None)
        shutil.rmtree(work, ignore_errors=True)
