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

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from archive.settings import ArchiveSettings
from tools.browser import launch
from tools.build import PUBLISH_SETTINGS, ROOT, build
from tools.preview import free_port
from tools.serve import SiteFiles, served

from .bench_page import say

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ColorScheme = Literal["light", "dark"]

TOOLS = {"lighthouse": "12.2.3", "axe-core": "4.14.1"}
FOLDER = os.path.join(ROOT, ".bench", "audit")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")
# (language, the folder of its pages) of each of the site's languages, as the archive lays them out
ROOTS = [(lang, ArchiveSettings().root(lang)) for lang in ArchiveSettings().languages]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def pages(query: Mapping[str, str], missing: bool = True) -> list[tuple[str, str]]:
    """(label, path) of what is audited: home, an article, the journal's and the newspaper's lists, an issue, an
    edition, a search that finds and one that does not, the 404
    page (at an address the site lacks, answered with status 404; ``missing=False``: at its own address, for
    Lighthouse, which audits no page that comes with an error status)."""
    found: list[tuple[str, str]] = []
    for lang, root in ROOTS:
        found += [
            (f"{lang} home", f"{root}index.html"),
            (f"{lang} article", f"{root}news/online-public-services-portal-2026.html"),
            (f"{lang} magazines", f"{root}magazine/index.html"),
            (f"{lang} issue", f"{root}magazine/ict-journal-14.html"),
            (f"{lang} newspapers", f"{root}newspaper/index.html"),
            (f"{lang} edition", f"{root}newspaper/edition-345.html"),
            (f"{lang} search", f"{root}search.html?q={query[lang]}"),
            (f"{lang} no results", f"{root}search.html?q=zzqqxx"),
            (f"{lang} 404", f"{root}no-such-page.html" if missing else f"{root}404.html"),
        ]
    return found


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


def screenshots(browser: Browser, base: str) -> list[str]:
    """docs/screenshots/: dark mode, print view, the 404 page and the search that finds nothing."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    shots: list[tuple[str, str, dict[str, Any], Literal["print"] | None]] = [
        ("dark-mode.png", "index.html", {"color_scheme": "dark"}, None),
        ("dark-mode-article.png", "news/online-public-services-portal-2026.html", {"color_scheme": "dark"}, None),
        ("print.png", "news/online-public-services-portal-2026.html", {}, "print"),
        ("404.png", "no-such-page.html", {}, None),
        ("search-no-results.png", f"{ArchiveSettings().root('en')}search.html?q=zzqqxx", {}, None),
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
    ("home", "index.html"),
    ("news list", "news/index.html"),
    ("article", "news/online-public-services-portal-2026.html"),
    ("report", "reports/asean-digital-skills-forum-2025.html"),
    ("journal covers", "magazine/index.html"),
    ("issue", "magazine/ict-journal-14.html"),
    ("newspaper editions", "newspaper/index.html"),
    ("edition", "newspaper/edition-345.html"),
    ("year", "archive/2026.html"),
    ("tags", "tag/index.html"),
    ("registration", "registration.html"),
    ("search", "search.html?q={query}"),
    ("page not found", "404.html"),
]
WIDTHS = (390, 1280)


def gallery(browser: Browser, base: str, query: Mapping[str, str]) -> int:
    """docs/screenshots/pages/: every kind of page in both languages at a phone's and a desktop's width (the first
    screen of each, as JPEG), and an index of them (README.md there)."""
    os.makedirs(GALLERY, exist_ok=True)
    rows = [
        "# Every kind of page, in both languages",
        "",
        "| page | lang | 390 px | 1280 px |",
        "| --- | --- | --- | --- |",
    ]
    for label, path in PAGE_KINDS:
        for lang, root in ROOTS:
            cells: list[str] = []
            for width in WIDTHS:
                name = f"{lang}-{label.replace(' ', '-')}-{width}.jpg"
                context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
                try:
                    page = context.new_page()
                    page.goto(base + root + path.format(query=query[lang]), wait_until="networkidle")
                    page.screenshot(path=os.path.join(GALLERY, name), type="jpeg", quality=70)
                finally:
                    context.close()
                cells.append(f"![{label}, {lang}, {width} px]({name})")
            rows.append(f"| {label} | {lang} | {cells[0]} | {cells[1]} |")
    with open(os.path.join(GALLERY, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    return len(PAGE_KINDS) * 2 * len(WIDTHS)


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
        site = build(os.path.join(ROOT, "content"), os.path.join(work, "site"), settings_file=PUBLISH_SETTINGS)
        ok = True
        with served(SiteFiles(site), port=port):
            say("\nLighthouse 12.2.3, mobile preset (performance, accessibility, best practices, SEO)")
            for label, path in pages(query, missing=False):
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
                for label, path in pages(query):
                    for scheme in ("light", "dark"):
                        found = axe_violations(browser, base + path, scheme)
                        ok &= not found
                        listed = ", ".join(f"{rule} ({impact}, {n})" for rule, impact, n in found) or "none"
                        say(f"  {label:14s} {scheme:5s}  {listed}")
                if shots:
                    names = screenshots(browser, base)
                    say(f"\nScreenshots in {os.path.relpath(SCREENSHOTS, ROOT)}/: {', '.join(names)}")
                    count = gallery(browser, base, query)
                    say(f"{count} screenshots of every kind of page in {os.path.relpath(GALLERY, ROOT)}/")
                browser.close()
        say(f"\n{'Every target met.' if ok else 'Some targets missed (MISS above).'}")
        return ok
    finally:
        os.environ.pop("SITEURL", None)
        shutil.rmtree(work, ignore_errors=True)
