"""The web editor's local backend (decap-server, from npm) for `make edit`, the browser tests and the screenshots
of the editor in docs/: started on 127.0.0.1 only, writing into the content folder alone; and the screenshots
themselves: `.venv/bin/python -m tools.editor` writes docs/screenshots/editor/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .browser import CHROMIUM, launch
from .build import ROOT, site_layout
from .preview import LOCALHOST, free_port

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

SERVER = os.path.join(ROOT, "node_modules", "decap-server", "dist", "index.js")
SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots", "editor")


def proxy_backend(port: int, host: str = LOCALHOST) -> dict[str, str]:
    """Decap's backend setting (EDITOR_BACKEND) for decap-server on ``port``."""
    return {"name": "proxy", "proxy_url": f"http://{host}:{port}/api/v1", "branch": "main"}


def start_backend(
    content: str | os.PathLike[str], port: int, host: str = LOCALHOST, origin: str | None = None
) -> subprocess.Popen[bytes]:
    """decap-server writing into the content folder ``content`` and nowhere else (EDITOR_ROOT = ""), listening on
    host:port once this returns; ``origin`` (``http://127.0.0.1:8000``): the one web page it answers (by
    default, any page on this computer)."""
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": host,
        "GIT_REPO_DIRECTORY": str(content),
        "MODE": "fs",  # writes the files; committing them is git's (or the published editor's) business
        "LOG_LEVEL": "warn",  # not a line per request
    }
    if origin:
        env["ORIGIN"] = origin  # CORS: other pages' scripts cannot call it
    server = subprocess.Popen(["node", SERVER], env=env)
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError(f"decap-server stopped at once (exit {server.returncode}); see its message above")
        with socket.socket() as probe:
            if probe.connect_ex((host, port)) == 0:
                return server
        time.sleep(0.05)
    server.terminate()
    raise RuntimeError(f"decap-server did not listen on {host}:{port} within 15 s")


@contextlib.contextmanager
def backend(content: str | os.PathLike[str], port: int, host: str = LOCALHOST) -> Iterator[dict[str, str]]:
    """decap-server on ``content`` while the block runs; gives EDITOR_BACKEND."""
    server = start_backend(content, port, host)
    try:
        yield proxy_backend(port, host)
    finally:
        server.terminate()
        server.wait(10)


def screenshots(out: str = SCREENSHOTS, chromium: str = CHROMIUM) -> str:
    """The editor writing a Lao news item beside its English translation, and the preview pane, at 1440 px."""
    from playwright.sync_api import sync_playwright

    from .build import build
    from .serve import SiteFiles, served

    os.makedirs(out, exist_ok=True)
    layout = site_layout()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(tmp, "content"))
        with backend(os.path.join(tmp, "content"), free_port()) as decap:
            site = build(os.path.join(tmp, "content"), os.path.join(tmp, "output"), EDITOR_BACKEND=decap)
            with served(SiteFiles(site, layout)) as root, sync_playwright() as p:
                browser = launch(p, chromium)
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                page.goto(root + layout.editor)
                page.get_by_role("button", name="Login").click()
                page.get_by_text("Collections").first.wait_for()
                page.screenshot(path=os.path.join(out, "collections.png"))
                page.goto(root + layout.editor + "#/collections/news/new")
                fill(page, "Published", 0, "2026-12-01")
                fill(page, "Slug", 0, "post-office-bill-payments-2026")
                fill(page, "Tags", 0, "ໄປສະນີ, ບໍລິການລັດ")
                fill(page, "Summary", 0, "ປະຊາຊົນ ໃນ 12 ເມືອງ ສາມາດຊຳລະຄ່ານ້ຳ ແລະ ຄ່າໄຟຟ້າ ຢູ່ຫ້ອງການໄປສະນີ.")
                fill(page, "By", 0, "ສລດ")
                page.locator("[data-slate-editor]").nth(0).click()
                page.keyboard.type("ວັນທີ 1 ທັນວາ 2026, ໄປສະນີລາວ ໄດ້ເປີດບໍລິການຊຳລະຄ່ານ້ຳ ແລະ ຄ່າໄຟຟ້າ ຜ່ານລະບົບອອນລາຍ.")
                fill(
                    page, "Summary", 1, "People in 12 districts can pay water and electricity bills at the post office."
                )
                fill(page, "Title", 1, "District post offices take water and electricity bills online")
                fill(page, "Title", 0, "ຫ້ອງການໄປສະນີເມືອງ ເປີດບໍລິການຊຳລະຄ່ານ້ຳ-ຄ່າໄຟ ທາງອອນລາຍ")  # last: the top in view
                page.screenshot(path=os.path.join(out, "writing-lao-beside-english.png"))
                page.get_by_role("button", name="Toggle preview").first.click()
                page.wait_for_timeout(1000)
                page.screenshot(path=os.path.join(out, "preview.png"))
                browser.close()
    return out


def field(page: Page, label: str, pane: int = 0) -> Locator:
    """The input of the field labelled ``label`` in the ``pane``-th language pane (0: Lao, 1: English)."""
    target = page.locator("label", has_text=label).nth(pane).get_attribute("for")
    return page.locator(f'[id="{target}"]')


def fill(page: Page, label: str, pane: int, text: str) -> None:
    field(page, label, pane).fill(text)


if __name__ == "__main__":
    print("wrote", screenshots())
