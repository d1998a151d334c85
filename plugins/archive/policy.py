"""The Content-Security-Policy of the published pages, declared here once: every page's (``PAGES``, rendered into
theme/templates/base.html) and the web editor's (``editor_policy``, admin/index.html), each source with why.

A static host sets no headers, so the policy is a ``<meta http-equiv>``; what a meta policy cannot enforce
(frame-ancestors, report-uri, sandbox) is in docs/development.md ("Bad input"), with the header an operator should set.

Measured in Chromium (tests/test_inert.py): from a page opened from disk, 'self' matches the site's files (and any
other local file: Chromium gives file:// pages a "file" self), so one policy serves file:// and http(s)://.
"""

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

NONE, SELF = "'none'", "'self'"
# (directive, its sources, why), in order
Policy = tuple[tuple[str, tuple[str, ...], str], ...]

# (directive, sources, why). default-src 'none': whatever a directive below does not name is refused.
PAGES = (
    ("default-src", (NONE,), "nothing that no directive below allows"),
    ("script-src", (SELF,), "the site's script files: theme/js/*.js and the search index's search-data/*.js"),
    ("style-src", (SELF,), "theme/css/site.css; no <style> or style attribute (bodies lose theirs: sanitise.py)"),
    ("img-src", (SELF,), "covers, thumbnails, page scans, body images, the favicon: files of the site"),
    ("font-src", (SELF,), "Noto Sans Lao in theme/fonts/"),
    ("manifest-src", (SELF,), "manifest.webmanifest"),
    ("connect-src", (SELF,), "the preview's live reload (a WebSocket to the page's host); the site fetches nothing"),
    ("worker-src", (SELF,), "sw.js, the published site's service worker (offline reading)"),
    ("object-src", (NONE,), "no plugins: <object> and <embed> load nothing"),
    ("base-uri", (NONE,), "no <base>: a relative link always means the site's file"),
    ("form-action", (SELF,), "the search form, sent to search.html"),
)

# The web editor (Decap CMS) on top of PAGES, measured in Chromium under `make edit` (tests/test_editor.py fails on
# any violation). No page of the site but admin/ has these sources, and admin/ shows no content's HTML but in its
# preview (Decap's own Markdown renderer).
EDITOR = (
    # Decap validates config.yml with AJV, which compiles each JSON schema to a function (new Function): without
    # eval Decap stops before its sign-in page ("Error compiling schema"). Still no inline script.
    ("script-src", (SELF, "'unsafe-eval'"), "decap-cms.js, its chunks and theme/js/admin.js, all in the site"),
    ("style-src", (SELF, "'unsafe-inline'"), "Decap's components style themselves with <style> elements (emotion)"),
    ("img-src", (SELF, "blob:"), "the pictures an editor has chosen to upload, shown before they are saved"),
    (
        "connect-src",
        (SELF, "blob:"),
        "config.yml, the preview's build status, and the pictures an editor has chosen (blob:), which Decap reads "
        "back to keep a draft in the browser; Decap's backend is added by editor_policy",
    ),
    # Left out, as the editor runs without them: data: images, frame-src (the preview pane is an about:blank frame).
)
# The GitHub backend (publishconf.py) cannot be tried here (no network in the tests): its hosts are the ones
# Decap's code talks to, the API (unless the backend names its api_root) and the signed-in editor's picture. Its
# sign-in is a pop-up window at the backend's base_url, which no directive of this page governs.
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


_SOURCE = re.compile(r"[\w'.:/*+-]+")  # keywords, schemes, hosts: nothing to escape in an attribute


def render(policy: Policy) -> str:
    """The value of the meta element: ``directive source …`` joined by "; "."""
    for directive, sources, _why in policy:
        bad = [source for source in sources if not _SOURCE.fullmatch(source)]
        if bad:
            raise ValueError(f"Content-Security-Policy: {directive} cannot allow {bad[0]!r}: not a source")
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources, _why in policy)


def origin(url: str) -> str:
    """scheme://host[:port] of ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def editor_policy(backend: Mapping[str, Any]) -> Policy:
    """PAGES with EDITOR's directives, and the hosts Decap's ``backend`` (its config's ``backend``) talks to."""
    hosts: dict[str, tuple[str, ...]] = {}
    if backend.get("name") == "proxy":  # decap-server beside the preview (`make edit`)
        hosts = {"connect-src": (origin(backend["proxy_url"]),)}
    elif backend.get("name") == "github":
        hosts = {"connect-src": (origin(backend.get("api_root", GITHUB_API)),), "img-src": (GITHUB_AVATARS,)}
    editor = {directive: (sources + hosts.get(directive, ()), why) for directive, sources, why in EDITOR}
    return tuple((directive, *editor.get(directive, (sources, why))) for directive, sources, why in PAGES)
