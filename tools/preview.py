"""The preview (`make serve`): one Pelican kept for the whole session, its content cache on disk, so that a rebuild
reads again only the files that changed; a web app that serves the built site and, while the last build failed,
shows why in place of every page; and the checks and addresses `make serve` prints before it starts."""

from __future__ import annotations

import errno
import functools
import html
import json
import os
import socket
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archive.settings import ArchiveSettings
from archive.strings import Strings

from .build import ROOT, SETTINGS
from .serve import content_type, not_found_pages

if TYPE_CHECKING:
    from wsgiref.types import StartResponse

    from archive.layout import SiteLayout

LOCALHOST = "127.0.0.1"
EVERY_NETWORK = ("0.0.0.0", "::", "")  # hosts that listen on every network of the computer


# What the preview's builds keep between them: Pelican's content cache (on in pelicanconf.py too) and every article
# as the search analysed it, so that a save costs the search the articles it changed only.
PREVIEW_CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "LAO_SEARCH_KEEP_ALL": True}


def preview_settings(settings_file: str = SETTINGS, cache: str | None = None, **overrides: Any) -> dict[str, Any]:
    """Pelican's settings for the preview: the project's, with its caches (PREVIEW_CACHE) in ``cache``."""
    from pelican.settings import read_settings

    cache = cache or os.path.join(ROOT, "cache")
    override = {**PREVIEW_CACHE, "CACHE_PATH": cache, **overrides}
    return read_settings(settings_file, override=override)


@dataclass(frozen=True)
class Failure:
    """Why a build failed, as ``(where, what)`` pairs shown ``where: what``; ``content``: they are the content's
    problems (``path:line``, message), not an exception of the build (its type or file and line, its message)."""

    problems: tuple[tuple[str, str], ...]
    content: bool


def failure_of(error: BaseException) -> Failure:
    """The Failure that an exception raised by a build stands for."""
    from archive import ContentError

    if isinstance(error, ContentError):
        return Failure(tuple((f"{p.path}:{p.line}", p.message) for p in error.problems), content=True)
    name, filename, line = type(error).__name__, getattr(error, "filename", None), getattr(error, "lineno", None)
    if filename and line:  # a template's or Python's syntax error says where it is (and str() says it again)
        return Failure(((f"{filename}:{line}", f"{name}: {error.args[0] if error.args else error}"),), content=False)
    return Failure(((name, str(error)),), content=False)


class LastBuild:
    """How the preview's last build went, shared by the rebuild function and the web app: ``failure`` is None when
    it succeeded."""

    def __init__(self) -> None:
        self.failure: Failure | None = None


def rebuilder(
    settings: dict[str, Any], out: Callable[[str], object] = print, last: LastBuild | None = None
) -> Callable[[], bool]:
    """A function that builds the site again and returns whether it succeeded; a build error is reported with
    ``out`` and recorded in ``last`` (a LastBuild), and does not raise."""
    from pelican import Pelican

    pelican = Pelican(settings)
    shared = last or LastBuild()

    def rebuild() -> bool:
        try:
            pelican.run()
        except Exception as error:  # noqa: BLE001 - an editor's mistake must not stop the preview: show it
            out(f"\nBuild failed: {error}\n")
            shared.failure = failure_of(error)
            return False
        shared.failure = None
        return True

    return rebuild


STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.6;margin:0 auto;max-width:48rem;padding:1rem}"
    "h1{color:#a40000;font-size:1.4rem}li{margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}"
)
# The build's messages (problems, errors) are in English.
PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<h1>{heading}</h1>
<p>{lead}</p>
<ol class="build-problems" lang="en">
{problems}
</ol>
<p>{hint}</p>
</body>
</html>
"""


@functools.cache
def _site() -> tuple[Strings, tuple[str, ...]]:
    """The interface table of the theme (theme/strings.json, where the preview's words are with the site's) and the
    site's languages, from the project's settings."""
    from pelican.settings import read_settings

    settings = read_settings(SETTINGS)
    archive = ArchiveSettings.from_pelican(settings)
    return Strings.load(archive.strings_path(settings["THEME"])), archive.languages


def _texts(key: str, **values: object) -> list[tuple[str, str]]:
    """[(language, the text ``key`` in it, escaped for HTML)], the site's first language first."""
    strings, languages = _site()
    return [(lang, html.escape(strings.get(lang, key, **values))) for lang in languages]


def _lines(key: str, **values: object) -> str:
    """The text ``key`` in every language of the site, a line each, each marked with its language but the first."""
    first, *others = _texts(key, **values)
    return "<br>".join([first[1], *(f'<span lang="{lang}">{text}</span>' for lang, text in others)])


def error_page(failure: Failure) -> bytes:
    """The page shown in place of every page while a build has failed (UTF-8 bytes): the problems, in every
    language of the site, Lao first."""
    n = len(failure.problems)
    lead = "preview.problems" if failure.content else "preview.error"
    problems = "\n".join(
        f"<li><code>{html.escape(where)}</code>: {html.escape(what)}</li>" for where, what in failure.problems
    )
    titles = _texts("preview.title")
    page = PAGE.format(
        lang=titles[0][0],
        title=" · ".join(text for _lang, text in titles),
        heading=_lines("preview.title"),
        lead=_lines(lead, n=n),
        hint=_lines("preview.hint"),
        style=STYLE,
        problems=problems,
    )
    return page.encode("utf-8")


HTML = content_type("page.html")


def is_page(path: str) -> bool:
    """Whether a URL path asks for a page (HTML, or a folder's index.html) rather than a stylesheet, image, …"""
    return os.path.splitext(path.rsplit("/", 1)[-1])[1].lower() in ("", ".html", ".htm")


def request_path(environ: Mapping[str, Any]) -> str:
    """The URL path a WSGI request asks for, as text (PEP 3333 hands it over as bytes in a latin-1 string)."""
    return environ.get("PATH_INFO", "/").encode("latin-1", "replace").decode("utf-8", "replace") or "/"


BUILD_STATUS = "build-status.json"  # in the web editor's folder


def build_status(failure: Failure | None) -> bytes:
    """What the editor's page asks the preview after each save (UTF-8 JSON): whether the last build succeeded and,
    if not, its problems as ``[where, what]`` pairs."""
    problems = [list(problem) for problem in failure.problems] if failure else []
    return json.dumps({"ok": failure is None, "problems": problems}, ensure_ascii=False).encode("utf-8")


class PreviewApp:
    """The preview's web app (WSGI, served by livereload's Server, which adds its reload script to each page): the
    site built in ``root`` as it is on disk, a folder's index.html, the site's 404.html for what is not there; while
    ``last`` (a LastBuild) holds a failure, every page is the error page instead, with status 500, but the editor's
    (admin/), which says it itself after asking build-status.json, so that the editor can fix the file (when no
    build ever made it, its address shows the error page too). ``layout``: where the site has its pages."""

    def __init__(self, root: str, last: LastBuild, layout: SiteLayout) -> None:
        self.root = root
        self.last = last
        self.layout = layout

    def __call__(self, environ: Mapping[str, Any], start_response: StartResponse) -> list[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, HEAD"), ("Content-Length", "0")])
            return [b""]
        status, headers, body = self.respond(request_path(environ))
        start_response(status, [*headers, ("Content-Length", str(len(body))), ("Cache-Control", "no-cache")])
        return [b"" if method == "HEAD" else body]

    def respond(self, path: str) -> tuple[str, list[tuple[str, str]], bytes]:
        """(status, headers, body) for a URL path."""
        editor = self.layout.editor  # the web editor's folder: usable while a build fails, and told why
        if path.lstrip("/") == editor + BUILD_STATUS:
            return "200 OK", [("Content-Type", content_type(BUILD_STATUS))], build_status(self.last.failure)
        target = self.file_of(path)
        if target and os.path.isdir(target):
            if not path.endswith("/"):  # the site's links are relative to the folder: send the browser into it
                return "301 Moved Permanently", [("Location", urllib.parse.quote(path) + "/")], b""
            target = os.path.join(target, "index.html")
        built_editor = path.lstrip("/").startswith(editor) and target and os.path.isfile(target)
        if self.last.failure and is_page(path) and not built_editor:
            return "500 Internal Server Error", [("Content-Type", HTML)], error_page(self.last.failure)
        if target and os.path.isfile(target):
            return "200 OK", [("Content-Type", content_type(target))], _read(target)
        found = self.not_found_page(path)
        if found:
            return "404 Not Found", [("Content-Type", HTML)], found
        return "404 Not Found", [("Content-Type", content_type("not-found.txt"))], f"Not found: {path}\n".encode()

    def not_found_page(self, path: str) -> bytes | None:
        """The 404 page of the language the address is in (en/404.html for /en/…, else the root's), with a <base>
        naming its own folder: its links are relative to where it was written, not to the missing address."""
        for page in not_found_pages(self.layout, path):
            full = os.path.join(os.path.realpath(self.root), *page.split("/"))
            if os.path.isfile(full):
                base = f'<base href="/{page[: page.rfind("/") + 1]}">'.encode()
                return _read(full).replace(b"<head>", b"<head>\n" + base, 1)
        return None

    def file_of(self, path: str) -> str | None:
        """The file or folder under root that a URL path names, or None for one outside it."""
        if "\0" in path:
            return None
        root = os.path.realpath(self.root)  # output/ is a link that each `make build` moves: follow it every time
        full = os.path.realpath(os.path.join(root, *(part for part in path.split("/") if part)))
        return full if full == root or full.startswith(root + os.sep) else None


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def listen_error(host: str, port: int) -> OSError | None:
    """The OSError that listening on host:port would raise now, or None: tried as Tornado listens, on each address
    the host gives, with SO_REUSEADDR (a port another program listens on is refused all the same)."""
    try:
        addresses = socket.getaddrinfo(host or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
    except OSError as error:
        return error
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                return error
    return None


def free_port(host: str = LOCALHOST, port: int | None = None, tries: int = 100) -> int:
    """A port ``host`` could listen on now: the first after ``port`` (``port + 1`` if none of ``tries`` is free),
    or, without ``port``, one the system chooses (for a server of a test or a measurement)."""
    if port is None:
        with socket.socket() as probe:
            probe.bind((host, 0))
            return int(probe.getsockname()[1])
    return next((p for p in range(port + 1, min(port + tries, 65535) + 1) if listen_error(host, p) is None), port + 1)


def cannot_listen(host: str, port: int, command: str = "make serve") -> str | None:
    """One line saying why the preview cannot listen on host:port and what to type instead, or None if it can."""
    error = listen_error(host, port)
    if error is None:
        return None
    again = command if host == LOCALHOST else f"{command} HOST={host}"
    if error.errno == errno.EADDRINUSE:
        return f"port {port} is in use; choose another: {again} PORT={free_port(host, port)}"
    if error.errno == errno.EACCES:
        return f"port {port} is reserved for the system; choose one from 1024 up: {again} PORT=8000"
    if error.errno == errno.EADDRNOTAVAIL or isinstance(error, socket.gaierror):
        return f"{host} is not an address of this computer; to listen on every network: {command} HOST=0.0.0.0"
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


def lan_address() -> str | None:
    """This computer's address on the network of its default route (the Wi-Fi a phone shares), or None. Connecting
    a UDP socket sends nothing; it only makes the system choose the address it would send from."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): routed like the internet, never reached
            address = probe.getsockname()[0]
        except OSError:  # no network at all
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def preview_lines(host: str, port: int, lan: str | None) -> list[str]:
    """What `make serve` prints once the site is built: the address(es) to open and on what. ``lan``: this
    computer's address on the network (lan_address()), shown when the preview listens on every network."""
    lines = ["Previewing the archive (Ctrl-C to stop):"]
    if host not in EVERY_NETWORK:
        return [*lines, f"  http://{f'[{host}]' if ':' in host else host}:{port}/"]
    lines.append(f"  http://{LOCALHOST}:{port}/  on this computer")
    if lan:
        return [*lines, f"  http://{lan}:{port}/  on a phone or another computer on the same network"]
    return [*lines, "  (no network found: join this computer to the phone's Wi-Fi, then start again)"]


# A request for a file with an extension other than .html/.htm: what is_page() calls no page.
_FILE_PATH = r".*\.(?!html?$)[^/.]+"


def live_server(app: PreviewApp) -> Any:  # livereload's Server (livereload ships no types)
    """livereload's Server for the WSGI ``app``, putting its reload script into pages only. livereload puts it
    before the first "</head>" of any response, scripts included: decap-cms.js, the web editor's, holds one in a
    string, and would break. Files are served by a plain WSGI container; pages and folders by livereload's."""
    from livereload import Server
    from livereload.server import LiveScriptContainer
    from tornado import web
    from tornado.wsgi import WSGIContainer

    class PagesOnly(Server):
        def application(self, port: int, host: str, **options: Any) -> Any:
            self.page_port = port
            return super().application(port, host, **options)

        def get_web_handlers(self, script: bytes) -> list[tuple[str, type, dict[str, Any]]]:
            # livereload's script is inline, which the pages' Content-Security-Policy refuses (script-src 'self'):
            # its client as a file of this server instead, which finds the port in its own address
            script = f'<script src="/livereload.js?port={self.page_port}"></script>'.encode()
            return [
                (_FILE_PATH, web.FallbackHandler, {"fallback": WSGIContainer(self.app)}),
                (r".*", web.FallbackHandler, {"fallback": LiveScriptContainer(self.app, script)}),
            ]

    return PagesOnly(app=app)
