"""What the first visit to the home page costs with the published site's service worker (issue: at most 350 KB,
page and worker together, in its first 20 seconds): the built site is given its worker (plugins/assets, as
ASSETS_OFFLINE does), served over HTTP on 127.0.0.1 by a server that counts every byte it sends (and what gzip at
level 6 would make of it), and opened in a fresh Chromium profile, which registers the worker as site.js does.
Figures to read, not a test."""

import functools
import http.server
import io
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, BinaryIO

from archive.layout import SiteLayout
from assets import make_worker
from tools.browser import launch
from tools.build import ROOT, site_layout

from .bench_page import gzipped_size

WATCHED_SECONDS = 20
Sent = tuple[str, int, int]  # (path, raw bytes, gzipped bytes) of a file the server sent


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site and adds each file it sends to ``sent`` (path, raw bytes, gzipped bytes)."""

    sent: list[Sent]

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        body = super().send_head()
        if body is not None:
            data = body.read()
            body.close()
            self.sent.append((self.path, len(data), gzipped_size(data)))
            return io.BytesIO(data)
        return body


def first_visit(site: str, settings: Mapping[str, Any]) -> list[Sent]:
    """[(path, raw, gzipped)] of everything the home page's first visit fetched in WATCHED_SECONDS, the worker's
    own fetches (its script and the shell it keeps) included."""
    from playwright.sync_api import sync_playwright

    make_worker(settings, site)  # as a published build does (plugins/assets)
    worker = SiteLayout.from_pelican(settings).worker
    sent: list[Sent] = []
    handler = functools.partial(type("Handler", (Counting,), {"sent": sent}), directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = launch(p)
            try:
                page = browser.new_context().new_page()
                page.goto(root)
                page.evaluate("worker => navigator.serviceWorker.register(worker)", worker)  # as site.js does
                started = time.perf_counter()
                while time.perf_counter() - started < WATCHED_SECONDS:
                    page.wait_for_timeout(500)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return list(sent)


def report(sent: Sequence[Sent], say: Callable[[str], object]) -> None:
    raw = sum(size for _path, size, _gz in sent)
    packed = sum(gz for _path, _size, gz in sent)
    worker_path = "/" + site_layout().worker  # the site was built with the project's settings
    worker = sum(gz for path, _size, gz in sent if path.startswith(worker_path))
    say(
        f"\nFirst visit to the home page with the service worker ({WATCHED_SECONDS} s, a fresh profile): "
        f"{len(sent)} files, {raw / 1024:,.0f} KB raw, {packed / 1024:,.0f} KB gzipped (the worker "
        f"{worker / 1024:,.0f} KB of it)  {'PASS' if packed <= 350 * 1024 else 'MISS'} (≤ 350 KB)"
    )
    for path, size, gz in sorted(sent, key=lambda item: -item[2])[:8]:
        say(f"    {gz / 1024:7,.1f} KB gz  {size / 1024:7,.1f} KB  {path}")


if __name__ == "__main__":  # python -m measure.bench_offline SITE: a site built with the project's settings
    import sys

    from pelican.settings import read_settings

    from tools.build import SETTINGS

    from .bench_page import say

    report(
        first_visit(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "output"), read_settings(SETTINGS)), say
    )
