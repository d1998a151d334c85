import os

import pytest

from tools.browser import CHROMIUM, launch


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        stop_stray_children()
        browser.close()


def stop_stray_children():
    """Stops the processes the session's builds forked and left (a build that fails before its search indexing is
    waited for leaves that process waiting, until its Job is collected: a failed test's traceback may hold it). Each
    holds a copy of the browser driver's pipes: left running, the driver never sees the session end, and the run
    hangs there (seen three times in a day)."""
    import gc
    import multiprocessing

    gc.collect()  # what is collectable stops its own child (lao_search/background.py, Job)
    for child in multiprocessing.active_children():
        child.terminate()
        child.join(5)


def pytest_terminal_summary(terminalreporter):
    """How much the fuzz tests tried (tests/test_fuzz.py), when they ran."""
    import sys

    fuzz = sys.modules.get("tests.test_fuzz")
    if fuzz and fuzz.RUN["examples"]:
        run = fuzz.RUN
        terminalreporter.write_line(
            f"fuzz: {run['examples']} generated content folders: {run['built']} built, {run['refused']} refused "
            f"with every problem naming a file (FUZZ_EXAMPLES={fuzz.EXAMPLES})"
        )
