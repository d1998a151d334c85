import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; CI may name another


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


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
