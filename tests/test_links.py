"""Every link and anchor of the built fixture site leads somewhere, checked by LinkChecker (a crawler that knows
nothing of this project) from disk and over HTTP."""

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

import pytest

from tests.fixture_site import FIXTURE, build

# Anchors checked, nothing outside the site (no network), no throttling of the local server (see Handler).
CONFIG = "[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n[output]\nlog=text\n"


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static server that tells LinkChecker it may go at full speed (its "LinkChecker" response header)."""

    def end_headers(self):
        self.send_header("LinkChecker", "test server")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    # LinkChecker run by root drops to "nobody": the site must be readable by all (pytest's tmp_path is not).
    root = tempfile.mkdtemp(prefix="linkcheck-")
    os.chmod(root, 0o755)
    with open(os.path.join(root, "linkcheckerrc"), "w") as f:
        f.write(CONFIG)
    try:
        yield build(FIXTURE, os.path.join(root, "site")), os.path.join(root, "linkcheckerrc")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def linkcheck(config, *urls):
    """(links checked, warnings, errors, report) of LinkChecker crawling from ``urls``."""
    executable = os.path.join(os.path.dirname(os.path.abspath(sys.executable)), "linkchecker")
    result = subprocess.run(
        [executable, "-f", config, "--no-status", *urls], capture_output=True, text=True, timeout=600
    )
    found = re.search(r"(\d+) links? in \d+ URLs checked\. (\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert found, result.stdout + result.stderr
    return int(found.group(1)), int(found.group(2)), int(found.group(3)), result.stdout


def test_every_link_and_anchor_resolves_from_disk(site):
    folder, config = site
    links, warnings, errors, report = linkcheck(config, f"file://{folder}/index.html", f"file://{folder}/en/index.html")
    assert links > 100
    assert (warnings, errors) == (0, 0), report


def test_every_link_and_anchor_resolves_over_http(site):
    folder, config = site
    handler = functools.partial(Handler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        links, warnings, errors, report = linkcheck(config, f"{base}/index.html", f"{base}/en/index.html")
    finally:
        server.shutdown()
    assert links > 100
    assert (warnings, errors) == (0, 0), report


def test_the_checker_finds_a_broken_link_and_anchor(site, tmp_path):
    folder, config = site
    broken = os.path.join(folder, "broken.html")
    with open(broken, "w", encoding="utf-8") as f:
        f.write(
            '<!DOCTYPE html><html><body><a href="index.html#no-such-part">x</a><a href="gone.html">y</a></body></html>'
        )
    try:
        _links, warnings, errors, _report = linkcheck(config, f"file://{broken}")
    finally:
        os.remove(broken)
    assert (warnings, errors) == (1, 1)
