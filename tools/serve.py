"""The built site over HTTP on 127.0.0.1, as a web server serves it: each file with its type (text in UTF-8), a
folder's index.html, the 404.html of the language a missing address is in, gzip when the browser asks for it, and
nothing outside the site. One server for the editor's screenshots, the benchmarks and the audit; the preview's
web app (preview.py) answers with the same types and 404 pages.
"""

from __future__ import annotations

import gzip
import mimetypes
import multiprocessing
import os
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from archive.layout import SiteLayout

GZIP_LEVEL = 6  # what web servers commonly use (nginx's gzip_comp_level is 1, Apache's default 6)
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".woff": "font/woff", ".woff2": "font/woff2"}
PYTHON_TYPES = mimetypes.MimeTypes()  # Python's own table, not the system's: every machine answers alike


def content_type(path: str) -> str:
    """The Content-Type of a built file, by its extension; the build writes text in UTF-8."""
    extension = os.path.splitext(path)[1].lower()
    kind = TYPES.get(extension) or PYTHON_TYPES.guess_type("file" + extension)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith(("xml", "json")) else kind


def not_found_pages(layout: SiteLayout, path: str) -> list[str]:
    """The 404 pages that may answer a missing URL ``path``, in order: the one of the language whose folder the
    address is in (en/404.html for /en/…), then the default language's (at the root)."""
    pages = [layout.page(layout.lang_of(path.lstrip("/")), "notfound"), layout.page(layout.languages[0], "notfound")]
    return list(dict.fromkeys(pages))


class SiteFiles:
    """The built site's files (laid out as ``layout`` says), read and gzipped once (in memory): what the server
    sends and what a file:// page is counted as having loaded."""

    def __init__(self, root: str, layout: SiteLayout) -> None:
        self.root = os.path.realpath(root)
        self.layout = layout
        self.cache: dict[str, tuple[bytes, bytes]] = {}

    def path_of(self, relative: str) -> str | None:
        """The file of ``relative`` (a path in the site; a folder means its index.html), or None outside it."""
        path = os.path.realpath(os.path.join(self.root, relative.lstrip("/")))
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        return path if path.startswith(self.root + os.sep) and os.path.isfile(path) else None

    def not_found_page(self, asked: str) -> str | None:
        """The 404 page of the language ``asked`` is in (en/404.html for /en/…), else the root's, else None."""
        for page in not_found_pages(self.layout, asked):
            found = self.path_of(page)
            if found:
                return found
        return None

    def get(self, path: str) -> tuple[bytes, bytes]:
        """(raw bytes, gzip bytes) of the file ``path``."""
        if path not in self.cache:
            with open(path, "rb") as f:
                data = f.read()
            self.cache[path] = (data, gzip.compress(data, GZIP_LEVEL, mtime=0))
        return self.cache[path]

    def sizes_of_url(self, url: str) -> tuple[int, int]:
        """(raw, gzip) sizes of the site's file a file:// URL names."""
        found = self.path_of(os.path.relpath(unquote(urlsplit(url).path), self.root))
        if found is None:
            return 0, 0
        raw, packed = self.get(found)
        return len(raw), len(packed)


def handler_for(files: SiteFiles) -> type[BaseHTTPRequestHandler]:
    """A request handler class serving ``files`` (http.server takes a class, so the files come in by closure)."""

    class Handler(BaseHTTPRequestHandler):
        """GET and HEAD of the site's files, gzipped when the browser accepts it, as a web server would."""

        protocol_version = "HTTP/1.1"  # keep-alive, as browsers and servers speak
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait for a delayed ACK

        def do_GET(self) -> None:
            self.respond(body=True)

        def do_HEAD(self) -> None:
            self.respond(body=False)

        def respond(self, body: bool) -> None:
            asked = unquote(urlsplit(self.path).path)
            path: str | None = files.path_of(asked)
            status = HTTPStatus.OK
            if path is None:  # the site's own 404 page, of the language the address is in, as a server is set up
                path, status = files.not_found_page(asked), HTTPStatus.NOT_FOUND
            if path is None:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            raw, packed = files.get(path)
            compress = "gzip" in self.headers.get("Accept-Encoding", "")
            data = packed if compress else raw
            self.send_response(status)
            self.send_header("Content-Type", content_type(path))
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Vary", "Accept-Encoding")
            if compress:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            """Quiet: a request log would bury the figures."""

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a kept-alive connection is no error worth a traceback."""


def serve_forever(files: SiteFiles, connection: Connection, port: int = 0) -> None:
    """The server's process: tells its port, then serves until killed."""
    server = QuietServer(("127.0.0.1", port), handler_for(files))
    connection.send(server.server_address[1])
    server.serve_forever()


@contextmanager
def served(files: SiteFiles, port: int = 0) -> Iterator[str]:
    """The site on http://127.0.0.1:<port, or a free one>/, for the length of the block, from a process of its
    own: in this one, Playwright's event handling would hold the GIL the server needs and slow every response."""
    context = multiprocessing.get_context("fork")  # the child inherits ``files`` and what it has gzipped
    ours, theirs = context.Pipe()
    process = context.Process(target=serve_forever, args=(files, theirs, port), daemon=True)
    process.start()
    try:
        yield f"http://127.0.0.1:{ours.recv()}/"
    finally:
        process.terminate()
        process.join()
