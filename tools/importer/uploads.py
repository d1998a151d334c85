"""The old site's uploads: which file an address under ``wp-content/uploads/`` names, and where in content/ it goes.

An address names a file of the uploads folder the operator copied (``--uploads``), whatever the host (the site may
have moved, or served its pictures from a CDN). WordPress writes smaller copies named ``photo-300x200.jpg`` beside
``photo.jpg``; a link to one leads to the original when the folder has it. Pictures go to ``content/images/``,
other files to ``content/files/``, under their own names; a name another file already has there gets ``-2``,
``-3``… (the same file, byte for byte, is the same name: a second import finds what the first copied).
"""

import filecmp
import os
import posixpath
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from archive.fieldtypes import IMAGE_SUFFIXES
from archive.validate import ACTIVE

MARKER = "wp-content/uploads/"
_SIZED = re.compile(r"^(?P<stem>.+)-[0-9]+x[0-9]+(?P<ext>\.[A-Za-z0-9]+)$")
# A site of a WordPress network (multisite) keeps its uploads in uploads/sites/<id>/.
_NETWORK_SITE = re.compile(r"^sites/[0-9]+/")
# WordPress 5.3+ keeps a large upload as ``photo.jpg`` and shows ``photo-scaled.jpg`` (or ``-rotated``).
_SCALED = re.compile(r"^(?P<stem>.+)-(?:scaled|rotated)(?P<ext>\.[A-Za-z0-9]+)$")
# What a Markdown link or a comma-separated field cannot hold in a file name.
_UNSAFE_NAME = re.compile(r"[\s()\[\]<>,#?%\"'`\\]+")


def upload_path(url: str) -> str | None:
    """The path under the uploads folder that ``url`` names, or None when it is not an upload."""
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    index = path.find(MARKER)
    if index < 0 or (index > 0 and path[index - 1] != "/"):
        return None
    relative = posixpath.normpath(path[index + len(MARKER) :])
    if relative in (".", "") or relative.startswith("../") or relative == "..":
        return None
    return relative


def original(relative: str | None) -> str | None:
    """The path of the upload a resized copy (``2023/05/photo-300x200.jpg``) was made of; a path that is none, as
    it is."""
    sized = _SIZED.match(relative or "")
    return sized.group("stem") + sized.group("ext") if sized else relative


def safe_name(name: str) -> str:
    """The name a copied file gets: its own, in NFC (as the Markdown naming it), without what a link cannot hold."""
    stem, ext = os.path.splitext(unicodedata.normalize("NFC", name))
    stem = _UNSAFE_NAME.sub("-", stem).strip("-.") or "file"
    return stem + ext.lower()


class Uploads:
    """Resolves upload addresses to files of ``folder`` (None: no folder given) and places them under ``content``:
    pictures in its folder ``images``, other files in ``files`` (SiteLayout.images, .files)."""

    def __init__(self, folder: str | None, content: str, images: str, files: str) -> None:
        self.folder = folder
        self.content = content
        self.images, self.files = images, files
        self.placed: dict[str, str] = {}  # real source path -> content-relative path
        self.taken: dict[str, str] = {}  # content-relative path -> real source path (of this import)

    def find(self, relative: str) -> tuple[str, None] | tuple[None, str]:
        """(file, None) or (None, why not): the original of a resized copy when the folder has it (or the copy
        WordPress 5.3+ made of a big original, ``photo-scaled.jpg``, and the other way round)."""
        if self.folder is None:
            return None, "no uploads folder was given (--uploads)"
        sized = _SIZED.match(relative)
        original = sized.group("stem") + sized.group("ext") if sized else relative
        scaled = _SCALED.match(original)  # the big upload, or the copy WordPress shows of it
        stem, ext = (scaled.group("stem"), scaled.group("ext")) if scaled else os.path.splitext(original)
        candidates = [original, stem + ext, f"{stem}-scaled{ext}", f"{stem}-rotated{ext}", relative]
        site = _NETWORK_SITE.match(relative)  # a network's site: its uploads folder, or the whole network's
        if site:
            candidates += [candidate[site.end() :] for candidate in candidates]
        for candidate in candidates:
            full = os.path.join(self.folder, *candidate.split("/"))
            if os.path.isfile(full):
                return os.path.realpath(full), None
        largest = self._largest_copy(stem, ext) or (site and self._largest_copy(stem[site.end() :], ext))
        if largest:
            return largest, None
        return None, f"{relative!r} is not in the uploads folder {self.folder}"

    def _largest_copy(self, stem: str, ext: str) -> str | None:
        """The largest of the resized copies WordPress made of ``stem + ext`` (``stem-1024x683.jpg``…), for a
        picture whose original the uploads folder lacks; None when it has none."""
        assert self.folder is not None  # find() looks only when a folder was given
        folder, name = posixpath.split(stem)
        full = os.path.join(self.folder, *folder.split("/")) if folder else self.folder
        try:
            names = os.listdir(full)
        except OSError:
            return None
        sizes: list[tuple[int, str]] = []
        for other in names:
            sized = _SIZED.match(other)
            if sized and sized.group("stem") == name and sized.group("ext").lower() == ext.lower():
                width, height = re.findall(r"[0-9]+", other[len(name) :])[-2:]
                sizes.append((int(width) * int(height), other))
        return os.path.realpath(os.path.join(full, max(sizes)[1])) if sizes else None

    def place(self, source: str, folder: str | None = None) -> str:
        """The content-relative path ``source`` (a real path) is copied to."""
        if source in self.placed:
            return self.placed[source]
        name = safe_name(os.path.basename(source))
        if folder is None:
            folder = self.images if name.lower().endswith(IMAGE_SUFFIXES) else self.files
        stem, ext = os.path.splitext(name)
        n = 1
        while True:
            path = f"{folder}/{stem}{'' if n == 1 else f'-{n}'}{ext}"
            existing = os.path.join(self.content, *path.split("/"))
            if path not in self.taken and (not os.path.exists(existing) or _same(existing, source)):
                break
            n += 1
        self.placed[source], self.taken[path] = path, source
        return path


def _same(a: str, b: str) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def active(name: str) -> bool:
    """Whether a browser would run a file of this name as a page of the site (it is not copied: validate.ACTIVE)."""
    return os.path.splitext(name)[1].lower() in ACTIVE
