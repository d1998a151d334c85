"""Where a link leads: one set of rules for the links editors write in content and the links in built pages.

A link leads out of the site (a web address, ``mailto:``, a Pelican ``{tag}`` link), to a place on the same page
(``#part``), or to a file, relative to the file it is written in. A link that starts at the server root (``/x``)
or climbs out of the folder is a problem in both: the site must open from a folder on disk as well as from a server.
"""

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_OUTSIDE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")  # a scheme (https:, mailto:, data:) or //host
_DIRECTIVE = re.compile(r"^(?:\{(\w+)\}|\|(\w+)\|)(.*)$")  # Pelican's {filename}, {static}, {tag}... (|x|: old)
FILE_DIRECTIVES = ("static", "attach", "filename")
PAGE_DIRECTIVES = ("tag", "category", "author", "index")  # pages Pelican makes, not files


@dataclass(frozen=True)
class Target:
    path: str  # the file, relative to the root (of the content or of the site); "" for the same page
    fragment: str
    problem: str | None = None  # why the link cannot work, as the end of a sentence starting with the link


def resolve(base: str, url: str) -> Target | None:
    """Where ``url``, written in the file ``base`` (a root-relative path with "/"), leads: a Target, or None when
    it leads out of the site."""
    address, _, fragment = url.partition("#")
    address = unquote(address.split("?", 1)[0])
    fragment = unquote(fragment)
    directive = _DIRECTIVE.match(address)
    if directive:
        name = directive.group(1) or directive.group(2)
        if name in PAGE_DIRECTIVES:
            return None
        if name not in FILE_DIRECTIVES:  # Pelican leaves the link as it is: it leads nowhere
            known = ", ".join(f"{{{d}}}" for d in FILE_DIRECTIVES)
            return Target(address, fragment, f"uses {{{name}}}, which Pelican does not know: write one of {known}")
        address = directive.group(3)
        if address.startswith("/"):  # Pelican's rule: {static}/x is from the content root
            return _within(address.lstrip("/"), fragment)
    elif _OUTSIDE.match(address):
        return None
    if not address:
        return Target("", fragment)
    if address.startswith("/"):
        return Target(address, fragment, "starts at the server root: it breaks when the site is opened from disk")
    return _within(posixpath.join(posixpath.dirname(base), address), fragment)


def _within(path: str, fragment: str) -> Target:
    path = posixpath.normpath(path)
    if path == ".." or path.startswith("../"):
        return Target(path, fragment, "leads out of the site")
    return Target(path, fragment)


def relative_root(path: str) -> str:
    """The way from the page or folder at ``path`` (site-relative, "/"-separated: "en/news/a.html", "en/") back to
    the site's root: "../" per folder it is in, "" at the root."""
    return "../" * path.count("/")


def relative(page: str, target: str) -> str:
    """The link from the page at ``page`` to ``target`` (both site-relative, "/"-separated): the folders they share
    left out, then ``relative_root`` of the rest of the page's path ("en/search.html" to "en/news/a.html":
    "news/a.html"; to "files/a.pdf": "../files/a.pdf"; to "en/": "./")."""
    shared = page[: page.rfind("/") + 1]
    while not target.startswith(shared):
        shared = shared[: shared.rstrip("/").rfind("/") + 1]
    return relative_root(page[len(shared) :]) + target[len(shared) :] or "./"
