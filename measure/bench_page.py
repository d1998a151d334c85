"""The search page of a built site, measured as a reader's browser loads it: part of `invoke bench` (bench.py).

Headless Chromium (Python Playwright) opens search.html?q=… from file:// and over http:// (a local server that
gzips as a web server would) and counts what the page loads before its first result is shown, how long that
takes, the page's JavaScript heap, and what the "more" button loads; and, on a phone's profile (PHONE: a slow
network, a CPU four times slower, a 390×844 mobile viewport, over http://, nothing cached), how long until the
first result.
"""

from __future__ import annotations

import gzip
import statistics
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from tools.browser import launch
from tools.build import site_layout
from tools.serve import GZIP_LEVEL, SiteFiles, served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

FONTS = (".woff", ".woff2")  # cached by any reader after the first page; not the search's cost
FIRST_RESULT_TIMEOUT_MS = 60_000
# A new context keeps both cores busy for a while (a renderer starting, the last context's closing): navigating
# at once measured the median query at 218 ms, spread 147-373 ms; after a pause, 134 ms, spread 104-165 ms.
SETTLE_SECONDS = 1.0
# (label, language of the query): the kinds of query measured, each on its language's search page
KINDS = [
    ("lo-common", "lo"),
    ("lo-phrase", "lo"),
    ("lo-rare", "lo"),
    ("lo-pdf", "lo"),  # a word found only inside PDFs (the back catalogue's: bench_catalogue.py)
    ("en-word", "en"),
    # the same words misspelt (measure/misspell.py): found by their close spellings (js/src/near.js)
    ("lo-toneless", "lo"),
    ("lo-slip", "lo"),
    ("en-slip", "en"),
]


# A phone on a mobile network, as Chromium's DevTools emulate one: the context's options, then what the page's
# DevTools session is sent before it navigates (Network.emulateNetworkConditions takes bytes per second).
PHONE_CONTEXT: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 3,
}
PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
PHONE_CPU_SLOWDOWN = 4


def say(text: str) -> None:
    print(text, flush=True)


def kb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024:,.0f}"


def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1024 / 1024:,.1f}"


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


# --- the search page in Chromium ------------------------------------------------------------------------------


@dataclass
class Measure:
    kind: str
    query: str
    total: int | None = None  # data-total: matching articles
    shown: int | None = None  # <li> on the first page
    first_raw: int | None = None  # bytes loaded until the first result, fonts excluded
    first_gzip: int | None = None
    first_files: int | None = None
    first_ms: float | None = None  # archive-search:first-result, from navigation start (None: never shown)
    page_ms: float | None = None  # archive-search:shown: the whole first page of results
    heap: int | None = None  # bytes of JS heap in use once the results are shown, after a garbage collection
    next_raw: int | None = None  # bytes loaded for the next page of results (None: no "more" button)
    next_gzip: int | None = None
    problems: list[str] = field(default_factory=list)


RESOURCES_JS = """() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .map((e) => [e.name, e.decodedBodySize, e.encodedBodySize])"""
RESULTS_JS = """() => { const list = document.getElementById("search-results");
  return [Number(list.dataset.total), list.querySelectorAll(":scope > li").length]; }"""
NEXT_PAGE_JS = """(before) => { const list = document.getElementById("search-results");
  return list.children.length > before && list.getAttribute("aria-busy") === "false"; }"""
MARK_JS = """(name) => { const mark = performance.getEntriesByName(name)[0];
  return mark ? mark.startTime : null; }"""  # the marks js/src/search-page.js makes


def loaded(page: Page, mode: str, finished: Iterable[str], files: SiteFiles) -> dict[str, tuple[int, int]]:
    """{url: (raw, gzip)} of everything the page has loaded so far, fonts excluded.

    Over http: the Resource Timing API (decodedBodySize, encodedBodySize). From file:// Chromium keeps no
    resource entries (only the navigation's), so the requests Playwright saw finish are counted by their files."""
    if mode == "http":
        entries = {url: (raw, packed) for url, raw, packed in page.evaluate(RESOURCES_JS)}
    else:
        entries = {url: files.sizes_of_url(url) for url in finished}
    return {url: sizes for url, sizes in entries.items() if not urlsplit(url).path.endswith(FONTS)}


def total_sizes(resources: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    return sum(raw for raw, _ in resources.values()), sum(packed for _, packed in resources.values())


def watch(page: Page, problems: list[str]) -> None:
    """Collects into ``problems`` what went wrong on ``page``: script errors, console errors (with the URL they
    name, a 404 among them), failed requests."""

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url") or ""
            problems.append(f"console: {message.text}" + (f" [{where}]" if where else ""))

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} ({request.failure})"))


def measure(
    browser: Browser, url: str, mode: str, files: SiteFiles, kind: str, query: str, phone: bool = False
) -> Measure:
    """One query in a fresh context (nothing cached): the figures of its first page, then of its next page; on
    the phone's profile (``phone``), those of its first page only."""
    from playwright.sync_api import Error as PlaywrightError

    figures = Measure(kind, query)
    context = browser.new_context(**(PHONE_CONTEXT if phone else {}))
    page = context.new_page()
    finished: list[str] = []
    page.on("requestfinished", lambda request: finished.append(request.url))
    watch(page, figures.problems)
    page.add_init_script("performance.setResourceTimingBufferSize(100000)")  # the default keeps 250 entries
    session = context.new_cdp_session(page)
    if phone:
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        session.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    time.sleep(SETTLE_SECONDS)
    try:
        page.goto(url)
        page.wait_for_selector('#search-results[aria-busy="false"]', state="attached", timeout=FIRST_RESULT_TIMEOUT_MS)
        first = loaded(page, mode, finished, files)
        figures.first_raw, figures.first_gzip = total_sizes(first)
        figures.first_files = len(first)
        figures.first_ms = page.evaluate(MARK_JS, "archive-search:first-result")
        figures.page_ms = page.evaluate(MARK_JS, "archive-search:shown")
        figures.total, figures.shown = page.evaluate(RESULTS_JS)
        if phone:
            return figures
        session.send("HeapProfiler.collectGarbage")
        figures.heap = session.send("Runtime.getHeapUsage")["usedSize"]
        if page.locator("#search-more").count():
            page.click("#search-more")
            page.wait_for_function(NEXT_PAGE_JS, arg=figures.shown, timeout=FIRST_RESULT_TIMEOUT_MS)
            after = loaded(page, mode, finished, files)
            figures.next_raw, figures.next_gzip = total_sizes(
                {url: sizes for url, sizes in after.items() if url not in first}
            )
    except PlaywrightError as error:
        figures.problems.append(f"stopped: {str(error).splitlines()[0]}")
    finally:
        context.close()
    return figures


def browser_figures(
    site: str, queries: Mapping[str, list[str]], modes: Iterable[str], phone_queries: int | None = 0
) -> dict[str, list[Measure]]:
    """{mode: [Measure]} for every query of ``queries`` ({kind: [query]}), from file:// and/or over http://, and
    under "phone" the first ``phone_queries`` of each kind (None: every one) over http:// on the phone's profile.
    The site is one built with the project's settings (its layout)."""
    from playwright.sync_api import sync_playwright

    layout = site_layout()
    files = SiteFiles(site, layout)
    pages = {kind: layout.page(lang, "search") for kind, lang in KINDS}
    runs: list[tuple[str, str, Mapping[str, list[str]]]] = [(mode, mode, queries) for mode in modes]
    if phone_queries != 0:
        runs.append(("phone", "http", {kind: asked[:phone_queries] for kind, asked in queries.items()}))
    results: dict[str, list[Measure]] = {}
    with sync_playwright() as p:
        browser = launch(p)
        try:
            for name, mode, asked in runs:
                say(
                    f"Measuring the search page over {mode}://"
                    + (" on the phone's profile" if name == "phone" else "")
                    + " …"
                )
                with served(files) if mode == "http" else file_base(files.root) as base:
                    results[name] = [
                        measure(
                            browser, f"{base}{pages[kind]}?q={quote(query)}", mode, files, kind, query, name == "phone"
                        )
                        for kind, each in asked.items()
                        for query in each
                    ]
        finally:
            browser.close()
    return results


@contextmanager
def file_base(root: str) -> Iterator[str]:
    """The file:// base of the site, shaped like served() so that both modes run alike."""
    yield "file://" + quote(root) + "/"


# --- printing -------------------------------------------------------------------------------------------------


def median_max(values: Iterable[float | None], show: Callable[[float], str]) -> str:
    found = [v for v in values if v is not None]
    if not found:
        return f"{'-':>8s} {'-':>7s}"
    return f"{show(statistics.median(found)):>8s} {show(max(found)):>7s}"


def print_browser(results: Mapping[str, list[Measure]], count: int) -> None:
    say(f"\nSearch page in headless Chromium, up to {count} queries per kind, each in a fresh context (no cache).")
    say(
        "  first = everything loaded until #search-results is aria-busy=false (the page, its CSS and scripts, the "
        "search data;\n  fonts excluded); first ms = until the first result is on the page (results are shown "
        'as they come, in rank order);\n  page ms = until the whole first page is; next = what the "more" button '
        "loads; heap = JS heap in use after the first\n  page, after a GC."
    )
    say("  Sizes in KB; each column median then max.")
    if "phone" in results:
        say(
            f"  phone = over http:// with {PHONE_NETWORK['latency']} ms latency, "
            f"{PHONE_NETWORK['downloadThroughput'] * 8 / 1e6:.1f} Mbit/s down, "
            f"{PHONE_NETWORK['uploadThroughput'] * 8 / 1e3:.0f} kbit/s up, the CPU {PHONE_CPU_SLOWDOWN}× slower, "
            f"{PHONE_CONTEXT['viewport']['width']}×{PHONE_CONTEXT['viewport']['height']} mobile viewport, cold cache."
        )
    for mode, measures in results.items():
        label = "phone" if mode == "phone" else f"{mode}://"
        say(
            f"\n  {label:9s}   {'n':>3s}  {'first raw':>16s}  {'first gzip':>16s}  {'first ms':>16s}  "
            f"{'page ms':>16s}  {'heap MB':>16s}  {'next raw':>16s}  {'next gzip':>16s}  {'files':>5s}"
        )
        for kind, _lang in KINDS:
            if not any(m.kind == kind for m in measures):
                continue
            rows = [m for m in measures if m.kind == kind and m.first_ms is not None]
            files = statistics.median(m.first_files for m in rows) if rows else 0  # type: ignore[type-var]  # set with first_ms
            say(
                f"  {kind:10s} {len(rows):3d}  "
                + "  ".join(
                    median_max([getattr(m, name) for m in rows], show)
                    for name, show in (
                        ("first_raw", kb),
                        ("first_gzip", kb),
                        ("first_ms", lambda v: f"{v:,.0f}"),
                        ("page_ms", lambda v: f"{v:,.0f}"),
                        ("heap", mb),
                        ("next_raw", kb),
                        ("next_gzip", kb),
                    )
                )
                + f"  {files:5.0f}"
            )
    say(
        "\n  Every query: matching articles (data-total), results shown, first raw/gzip KB, ms, heap MB, "
        "next raw/gzip KB"
    )
    for mode, measures in results.items():
        for m in measures:
            ms = "-" if m.first_ms is None else f"{m.first_ms:,.0f}"
            page = "-" if m.page_ms is None else f"{m.page_ms:,.0f}"
            say(
                f"  {mode:5s} {m.kind:10s} {m.query:24s} total {m.total if m.total is not None else '-':>5} "
                f"shown {m.shown if m.shown is not None else '-':>2}  first {kb(m.first_raw):>5s}/"
                f"{kb(m.first_gzip):>4s} KB {ms:>6s} ms (page {page:>6s})  heap {mb(m.heap):>5s} MB  "
                f"next {kb(m.next_raw):>4s}/{kb(m.next_gzip):>3s} KB"
            )
    problems = [(mode, m, p) for mode, measures in results.items() for m in measures for p in m.problems]
    say(f"\n  Page problems (errors, failed requests, queries that never finished): {len(problems) or 'none'}")
    for mode, m, problem in problems:
        say(f"  {mode:5s} {m.kind:10s} {m.query}: {problem}")
