"""The one Chromium the project drives through Playwright (the tests, the editor's screenshots, the benchmarks, the
audit, the printing of PDFs): Debian's, or the one $CHROMIUM names, with the same arguments everywhere."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# $CHROMIUM, else Debian's chromium on the PATH (a name that exists nowhere when it is not installed, which the tests
# and measurements report)
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
# No sandbox (root in a container), no GPU (headless), and nothing fetched behind the page's back, which would
# disturb what the benchmarks count.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def launch(playwright: Playwright, executable: str = CHROMIUM) -> Browser:
    """Chromium started headless by ``playwright``: ``executable``, with ARGS."""
    return playwright.chromium.launch(executable_path=executable, args=ARGS)
