"""The preview (`make serve`): its web app serves the built site as files and, while the last build has failed,
answers every page with the problems, file:line: message, until a build succeeds again (livereload reloads the
page after each build). The app is called as WSGI, without a network. A port already taken stops `make serve` with
one line, before it builds; on every network, it says which address a phone opens."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import wsgiref.simple_server
import wsgiref.util

import pytest
from bs4 import BeautifulSoup
from jinja2 import TemplateSyntaxError

from tests.fixture_site import FIXTURE, ROOT
from tools.build import site_layout
from tools.preview import (
    Failure,
    LastBuild,
    PreviewApp,
    cannot_listen,
    content_type,
    error_page,
    failure_of,
    free_port,
    lan_address,
    listen_error,
    preview_lines,
    preview_settings,
    rebuilder,
)

LAYOUT = site_layout()  # the project's: where the site has its pages

SITE = {
    "index.html": "<html><head></head><body>home</body></html>",
    "news/index.html": "<html><head></head><body>news list</body></html>",
    "news/launch.html": "<html><head></head><body>launch</body></html>",
    "tag/ຂໍ້ມູນເປີດ.html": "<html><head></head><body>open data</body></html>",
    "theme/css/site.css": "body{margin:0}",
}


def get(app, path, method="GET"):
    """(status, headers, body) of a request, ``path`` as the server hands it over: percent-decoded, its bytes in a
    latin-1 string (PEP 3333)."""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path.encode("utf-8").decode("latin-1")}
    wsgiref.util.setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body.decode("utf-8")


@pytest.fixture
def site(tmp_path):
    for path, text in SITE.items():
        (tmp_path / "site" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site" / path).write_text(text, encoding="utf-8")
    return tmp_path / "site"


@pytest.fixture
def app(site):
    return PreviewApp(str(site), LastBuild(), LAYOUT)


def test_a_file_is_served_with_its_content_type(app):
    status, headers, body = get(app, "/theme/css/site.css")
    assert (status, headers["Content-Type"], body) == ("200 OK", "text/css; charset=utf-8", "body{margin:0}")
    assert headers["Content-Length"] == "14" and headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "path, expected",
    [
        ("news/launch.html", "text/html; charset=utf-8"),
        ("theme/js/search.js", "text/javascript; charset=utf-8"),
        ("search-data/lo-0.js", "text/javascript; charset=utf-8"),
        ("theme/fonts/noto-sans-lao.woff2", "font/woff2"),
        ("images/covers/issue-14.svg", "image/svg+xml; charset=utf-8"),
        ("feeds/atom.xml", "text/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("files/edition-345.PDF", "application/pdf"),
        ("files/unknown.xyz", "application/octet-stream"),
    ],
)
def test_content_types(path, expected):
    assert content_type(path) == expected


def test_a_folder_is_its_index_html(app):
    assert get(app, "/")[::2] == ("200 OK", "<html><head></head><body>home</body></html>")
    assert get(app, "/news/")[::2] == ("200 OK", "<html><head></head><body>news list</body></html>")


def test_a_folder_without_its_slash_is_sent_into_it_so_relative_links_work(app):
    status, headers, _ = get(app, "/news")
    assert (status, headers["Location"]) == ("301 Moved Permanently", "/news/")


def test_a_page_named_in_lao(app):
    assert get(app, "/tag/ຂໍ້ມູນເປີດ.html")[::2] == ("200 OK", "<html><head></head><body>open data</body></html>")


def test_a_missing_page_is_a_404_with_the_sites_404_page_when_it_has_one(app, site):
    assert get(app, "/news/nothing.html")[::2] == ("404 Not Found", "Not found: /news/nothing.html\n")
    (site / "404.html").write_text("<html><head></head><body>lost</body></html>", encoding="utf-8")
    status, headers, body = get(app, "/news/nothing.html")
    assert (status, headers["Content-Type"], body) == (
        "404 Not Found",
        "text/html; charset=utf-8",
        '<html><head>\n<base href="/"></head><body>lost</body></html>',  # its relative links work at any depth
    )
    (site / "en").mkdir(exist_ok=True)
    (site / "en" / "404.html").write_text("<html><head></head><body>not found</body></html>", encoding="utf-8")
    assert (
        get(app, "/en/news/nothing.html")[2] == '<html><head>\n<base href="/en/"></head><body>not found</body></html>'
    )


def test_nothing_outside_the_site_is_served(app, site):
    (site.parent / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(site.parent / "secret.txt", site / "link.txt")
    for path in ("/../secret.txt", "/news/../../secret.txt", "/link.txt", "/a\0b"):
        assert get(app, path)[0] == "404 Not Found", path


def test_head_and_other_methods(app):
    status, headers, body = get(app, "/theme/css/site.css", method="HEAD")
    assert (status, headers["Content-Length"], body) == ("200 OK", "14", "")
    assert get(app, "/", method="POST")[0] == "405 Method Not Allowed"


def problems_shown(body):
    return [li.get_text() for li in BeautifulSoup(body, "html.parser").select("ol.build-problems li")]


def preview_of(folder):
    """The preview of a copy of the fixture content in ``folder``: (rebuild, app)."""
    shutil.copytree(FIXTURE, folder / "content")
    settings = preview_settings(
        cache=str(folder / "cache"), PATH=str(folder / "content"), OUTPUT_PATH=str(folder / "output")
    )
    last = LastBuild()
    return rebuilder(settings, out=lambda message: None, last=last), PreviewApp(str(folder / "output"), last, LAYOUT)


def test_while_a_build_has_failed_every_page_names_its_problems_until_a_build_succeeds(tmp_path):
    rebuild, app = preview_of(tmp_path)
    assert rebuild() is True
    assert get(app, "/news/cyber-drill.html")[0] == "200 OK"

    source = tmp_path / "content" / "news" / "cyber-drill.lo.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("Date: 2023-11-20", "Date: 20/11/2023"), encoding="utf-8")
    assert rebuild() is False
    for path in ("/", "/news/", "/news/cyber-drill.html", "/en/news/fibre-backbone.html", "/no-such-page.html"):
        status, headers, body = get(app, path)
        assert (status, headers["Content-Type"]) == ("500 Internal Server Error", "text/html; charset=utf-8"), path
        assert problems_shown(body) == [
            "news/cyber-drill.lo.md:2: unparsable Date: '20/11/2023' is not a date written as YYYY-MM-DD "
            "(optionally followed by HH:MM)"
        ]
        assert "</head>" in body  # where livereload puts its script, which reloads the page after the next build
    stylesheet = next((tmp_path / "output" / "theme" / "css").iterdir()).name
    assert get(app, f"/theme/css/{stylesheet}")[0] == "200 OK"  # what is not a page is served as it is

    source.write_text(good, encoding="utf-8")
    assert rebuild() is True
    status, _, body = get(app, "/news/cyber-drill.html")
    assert status == "200 OK" and "ການຊ້ອມຮັບມືໄພຄຸກຄາມທາງໄຊເບີ" in body and not problems_shown(body)


def test_the_error_page_is_in_lao_then_english_counts_the_problems_and_says_what_to_do():
    failure = Failure((("news/a.lo.md:2", "unparsable Date"), ("news/b.en.md:6", "no original")), content=True)
    page = BeautifulSoup(error_page(failure).decode("utf-8"), "html.parser")
    assert page.html["lang"] == "lo" and page.title.get_text() == "ສ້າງເວັບໄຊບໍ່ສຳເລັດ · The site could not be built"
    lead, hint = (p.get_text("|") for p in page.select("p"))
    assert lead == "ພົບ 2 ບັນຫາໃນເນື້ອໃນ:|2 problems in the content:"
    assert hint == "ແກ້ໄຂໄຟລ໌ ແລ້ວບັນທຶກ: ໜ້ານີ້ຈະໂຫຼດຄືນເອງ.|Fix the file and save: this page reloads by itself."
    assert problems_shown(str(page)) == ["news/a.lo.md:2: unparsable Date", "news/b.en.md:6: no original"]
    one = BeautifulSoup(error_page(Failure(failure.problems[:1], content=True)), "html.parser")
    assert "1 problem in the content:" in one.p.get_text()


def test_what_a_file_says_reaches_the_error_page_as_text_and_the_page_has_no_script_of_its_own():
    failure = Failure((("news/<i>.md:1", "Title '<script>alert(1)</script>' & more"),), content=True)
    body = error_page(failure).decode("utf-8")
    assert "<script" not in body and "<i>" not in body
    assert problems_shown(body) == ["news/<i>.md:1: Title '<script>alert(1)</script>' & more"]


@pytest.mark.parametrize(
    "error, shown",
    [
        (KeyError("Venue"), ("KeyError", "'Venue'")),
        (RuntimeError("no search data"), ("RuntimeError", "no search data")),
        (
            TemplateSyntaxError("unexpected '}'", 12, filename="theme/templates/base.html"),
            ("theme/templates/base.html:12", "TemplateSyntaxError: unexpected '}'"),
        ),
    ],
)
def test_any_other_build_error_is_shown_with_its_type_and_message(error, shown):
    failure = failure_of(error)
    assert failure == Failure((shown,), content=False)
    body = error_page(failure).decode("utf-8")
    assert "The build stopped with an error:" in body and problems_shown(body) == [": ".join(shown)]


def listening(host):
    """A socket listening on host, on a port the system chose."""
    taken = socket.socket()
    taken.bind((host, 0))
    taken.listen()
    return taken


@pytest.mark.parametrize("host, again", [("127.0.0.1", "make serve"), ("0.0.0.0", "make serve HOST=0.0.0.0")])
def test_a_port_in_use_is_one_line_that_names_a_free_one(host, again):
    with listening(host) as taken:
        port = taken.getsockname()[1]
        message = cannot_listen(host, port, "make serve")
        found = re.fullmatch(rf"port {port} is in use; choose another: {again} PORT=(\d+)", message)
        assert found, message
        assert int(found[1]) > port and cannot_listen(host, int(found[1])) is None


def test_a_host_that_is_not_this_computer_is_one_line():
    assert cannot_listen("nowhere.invalid", 8000, "make serve") == (
        "nowhere.invalid is not an address of this computer; to listen on every network: make serve HOST=0.0.0.0"
    )


def test_make_serve_stops_with_one_line_before_building_when_the_port_is_in_use():
    with listening("127.0.0.1") as taken:
        port = taken.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "invoke", "serve", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,  # a preview that started instead would run for ever
        )
    assert run.returncode != 0
    assert re.fullmatch(rf"serve: port {port} is in use; choose another: make serve PORT=\d+\n", run.stderr), run.stderr
    assert run.stdout == ""  # nothing was built


def test_make_hands_host_and_port_to_the_preview():
    for target in ("serve", "livereload"):
        run = subprocess.run(
            ["make", "-n", "-s", target, "HOST=0.0.0.0", "PORT=8080"], cwd=ROOT, capture_output=True, text=True
        )
        assert run.stdout.splitlines()[-1] == f".venv/bin/invoke {target} --host '0.0.0.0' --port '8080'"


@pytest.mark.parametrize(
    "host, lan, expected",
    [
        ("127.0.0.1", "192.168.1.20", ["  http://127.0.0.1:8000/"]),
        (
            "0.0.0.0",
            "192.168.1.20",
            [
                "  http://127.0.0.1:8000/  on this computer",
                "  http://192.168.1.20:8000/  on a phone or another computer on the same network",
            ],
        ),
        (
            "0.0.0.0",
            None,
            [
                "  http://127.0.0.1:8000/  on this computer",
                "  (no network found: join this computer to the phone's Wi-Fi, then start again)",
            ],
        ),
        ("::1", None, ["  http://[::1]:8000/"]),
    ],
)
def test_the_addresses_to_open(host, lan, expected):
    assert preview_lines(host, 8000, lan) == ["Previewing the archive (Ctrl-C to stop):", *expected]


def test_the_network_address_is_one_a_phone_can_reach_or_none():
    address = lan_address()
    assert address is None or not address.startswith("127.")


def test_the_editor_stays_usable_while_a_build_has_failed_and_is_told_why(tmp_path):
    rebuild, app = preview_of(tmp_path)
    assert rebuild() is True
    assert json.loads(get(app, "/admin/build-status.json")[2]) == {"ok": True, "problems": []}

    source = tmp_path / "content" / "reports" / "open-data-forum.lo.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Lang: lo", "Lang: lo\nJournal_Issue: 99"))
    assert rebuild() is False
    status, headers, body = get(app, "/admin/")
    assert status == "200 OK" and "decap-cms.js" in body and "</head>" not in body  # no livereload: no reload
    status, headers, body = get(app, "/admin/build-status.json")
    assert (status, headers["Content-Type"]) == ("200 OK", "application/json; charset=utf-8")
    assert json.loads(body) == {
        "ok": False,
        "problems": [
            [
                "reports/open-data-forum.lo.md:4",
                "Journal_Issue 99 does not exist: no magazine file in language 'lo' has Issue: 99",
            ]
        ],
    }
    assert get(app, "/reports/open-data-forum.html")[0] == "500 Internal Server Error"


def test_when_no_build_ever_made_the_editor_its_address_shows_the_problems(tmp_path):
    rebuild, app = preview_of(tmp_path)
    source = tmp_path / "content" / "news" / "cyber-drill.lo.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Date: 2023-11-20", "Date: 2023-11-31"))
    assert rebuild() is False
    status, _, body = get(app, "/admin/")
    assert status == "500 Internal Server Error"
    assert problems_shown(body) == ["news/cyber-drill.lo.md:2: unparsable Date: '2023-11-31' is not a real date"]


def test_make_edit_prints_the_editors_address_at_once_then_serves_it_with_its_backend(browser):
    port = free_port("127.0.0.1", 20000 + os.getpid() % 20000)
    backend_port = free_port("127.0.0.1", port)
    edit = subprocess.Popen(
        [sys.executable, "-m", "invoke", "edit", "--port", str(port), "--backend-port", str(backend_port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        first = edit.stdout.readline()  # before the build: printed and flushed at once
        assert first.startswith(f"Web editor: http://127.0.0.1:{port}/admin/"), first
        for line in edit.stdout:
            if line.strip() == f"Web editor: http://127.0.0.1:{port}/admin/":
                break
        page = fetch(f"http://127.0.0.1:{port}/admin/")
        assert "decap-cms.js" in page and "livereload" not in page
        news = fetch(f"http://127.0.0.1:{port}/news/index.html")
        assert "livereload.js" in news  # pages reload after each build
        with open(os.path.join(ROOT, "node_modules", "decap-cms", "dist", "decap-cms.js"), encoding="utf-8") as f:
            script = f.read()
        assert "</head>" in script and fetch(f"http://127.0.0.1:{port}/admin/decap-cms.js") == script  # untouched
        config = json.loads(fetch(f"http://127.0.0.1:{port}/admin/config.yml").split("\n", 2)[2])
        assert config["backend"]["proxy_url"] == f"http://127.0.0.1:{backend_port}/api/v1"
        info = fetch(config["backend"]["proxy_url"], data=b'{"action": "info"}')
        assert json.loads(info)["type"] == "local_fs"
        page, errors = browser.new_page(), []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{port}/admin/")
        page.get_by_role("button", name="Login").click()
        page.get_by_text("ຂ່າວ · News").first.wait_for()  # the project's collections, read through the backend
        page.on("console", lambda message: errors.append(message.text) if "Security Policy" in message.text else None)
        with page.expect_websocket() as reload:  # a page reloads after each build, under its CSP (a file's script)
            page.goto(f"http://127.0.0.1:{port}/news/index.html")
        assert reload.value.url == f"ws://127.0.0.1:{port}/livereload"
        page.close()
        assert errors == []
    finally:
        edit.terminate()
        edit.wait(20)
    assert listen_error("127.0.0.1", backend_port) is None  # the backend stopped with it


def fetch(url, data=None):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.read().decode("utf-8")
        except ConnectionError:
            time.sleep(0.2)
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionError):
                raise
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_after_a_save_that_breaks_the_build_the_editor_shows_the_problems_until_one_fixes_them(tmp_path, browser):
    rebuild, app = preview_of(tmp_path)
    assert rebuild() is True
    server = wsgiref.simple_server.make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/admin/")
        banner = page.locator(".archive-build-status")
        banner.wait_for(state="attached")
        assert banner.is_hidden()
        source = tmp_path / "content" / "news" / "cyber-drill.lo.md"
        good = source.read_text(encoding="utf-8")
        source.write_text(good.replace("Date: 2023-11-20", "Date: 2023-11-31"), encoding="utf-8")
        assert rebuild() is False
        banner.wait_for(state="visible")
        assert "news/cyber-drill.lo.md:2: unparsable Date: '2023-11-31' is not a real date" in banner.inner_text()
        assert banner.get_attribute("role") == "alert"
        source.write_text(good, encoding="utf-8")
        assert rebuild() is True
        banner.wait_for(state="hidden")
    finally:
        page.close()
        server.shutdown()


class QuietHandler(wsgiref.simple_server.WSGIRequestHandler):
    def log_message(self, *args):
        pass
