"""Rules over the whole content folder: every problem found, with the file and line it is in.

Pure: ``check_sources`` takes the parsed files, the schema and a function telling whether a content file exists.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import links, machinetext
from .metadata import Source, read_source
from .settings import MARKDOWN_EXTENSIONS

if TYPE_CHECKING:
    from .schema import Schema

# (suffixes, what is done, open): a file with one of the suffixes cannot be <what is done> when open(path) raises
# ValueError
Opener = tuple[tuple[str, ...], str, Callable[[str], object]]


_INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE_LINK = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content folder, with "/" separators
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check_sources(
    sources: Mapping[str, Source],
    schema: Schema,
    exists: Callable[[str], bool],
    size: Callable[[str], int] | None = None,
    openers: Iterable[Opener] = (),
    read_text: Callable[[str], object] | None = None,
) -> list[Problem]:
    """All problems of ``sources`` ({path: metadata.Source}) under ``schema`` as a sorted list of Problem.

    ``exists(path)`` tells whether a content-relative path names a file; ``size(path)``, when given, is a file's
    size in bytes; ``openers``: (suffixes, what is done, open) each, ``open(path)`` raising ValueError saying why a
    file with one of those suffixes cannot be "opened as a PDF", "read as an image"...; ``read_text(path)``, when
    given, reads the text kept beside a file (machinetext.py), raising ValueError saying why it cannot.
    """
    problems: list[Problem] = []
    for path, source in sources.items():
        problems += [Problem(path, line, message) for line, message in source.problems]
        problems += [
            Problem(path, source.line_of(key) if key else 1, message) for key, message in schema.check(source.meta)
        ]
        for name, target in schema.files_named(source.meta):
            line = source.line_of(name.lower())
            limit = schema.fields[name.lower()].type.max_bytes
            if not exists(target):
                problems.append(Problem(path, line, f"{name} names {target!r}, which is not a file under content/"))
            elif size and limit and size(target) > limit:
                mb = size(target) / 1_000_000
                problems.append(
                    Problem(
                        path,
                        line,
                        f"{name} {target!r} is {mb:.1f} MB: at most {limit // 1_000_000} MB; make it smaller",
                    )
                )
            else:
                for suffixes, what, open_file in openers:
                    if target.lower().endswith(suffixes):
                        try:
                            open_file(target)
                        except ValueError as error:
                            problems.append(Problem(path, line, f"{name} {target!r} cannot be {what}: {error}"))
                if read_text:
                    try:
                        read_text(machinetext.text_path(target))
                    except ValueError as error:
                        text = machinetext.text_path(target)
                        problems.append(Problem(path, line, f"the text of {name} {target!r}, {text!r}, {error}"))
        problems += _missing_links(path, source, exists)
    problems += _slug_problems(sources)
    problems += _number_problems(sources, schema)
    return sorted(set(problems))


def link_targets(body: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of every link and image in a Markdown body, inline, by reference or in raw HTML."""
    for pattern in (_INLINE_LINK, _REFERENCE_LINK, _HTML_LINK):
        for match in pattern.finditer(body):
            yield match.start(1), match.group(1)


def _missing_links(path: str, source: Source, exists: Callable[[str], bool]) -> Iterator[Problem]:
    for offset, url in link_targets(source.body):
        target = links.resolve(path, url)
        if target is None or not target.path:
            continue
        line = source.body_line + source.body.count("\n", 0, offset)
        if target.problem:
            yield Problem(path, line, f"link {url!r} {target.problem}")
        elif not exists(target.path):
            yield Problem(path, line, f"links to {url!r}, but there is no such file under content/")


def _slug_problems(sources: Mapping[str, Source]) -> Iterator[Problem]:
    groups: defaultdict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)  # slug -> [(path, meta)]
    lines = {path: source.line_of("slug") for path, source in sources.items()}
    line_of = {path: source.line_of for path, source in sources.items()}
    for path, source in sources.items():
        if source.meta.get("slug"):
            groups[source.meta["slug"]].append((path, source.meta))
    for slug, members in groups.items():
        by_lang: defaultdict[str | None, list[str]] = defaultdict(list)
        for path, meta in members:
            by_lang[meta.get("lang")].append(path)
        for lang, paths in by_lang.items():
            if len(paths) > 1:
                for path in paths:
                    others = ", ".join(p for p in paths if p != path)
                    yield Problem(
                        path, lines[path], f"duplicate Slug {slug!r} in language {lang!r}: also used by {others}"
                    )
        originals = [(p, m) for p, m in members if m.get("translation", "").lower() != "true"]
        for path, meta in members:
            if meta.get("translation", "").lower() != "true":
                continue
            if not [p for p, m in originals if m.get("lang") != meta.get("lang")]:
                yield Problem(
                    path,
                    line_of[path]("translation"),
                    f"Translation: true, but no original in another language has Slug {slug!r}",
                )
            for other, other_meta in members:
                if other != path and other_meta.get("category") != meta.get("category"):
                    yield Problem(
                        path,
                        line_of[path]("category"),
                        f"Category {meta.get('category')!r} differs from its translation "
                        f"{other} ({other_meta.get('category')!r})",
                    )


def _number_problems(sources: Mapping[str, Source], schema: Schema) -> Iterator[Problem]:
    """Each numbered kind's numbers are unique per language; a field that refers to a number names one that exists."""
    numbered: defaultdict[tuple[str, str, str | None], list[str]] = defaultdict(list)  # (kind, number, lang) -> paths
    for path, source in sources.items():
        found = schema.number_of(source.meta)
        if found:
            numbered[(*found, source.meta.get("lang"))].append(path)
    for (kind, number, lang), paths in numbered.items():
        if len(paths) > 1:
            key = schema.kinds[kind].number or ""  # numbered: a kind that has a number
            for path in paths:
                yield Problem(
                    path,
                    sources[path].line_of(key),
                    f"{schema.name_of(key)} {number} in language {lang!r} is also in "
                    + ", ".join(p for p in paths if p != path),
                )
    for field in schema.fields.values():
        if not field.refers_to:
            continue
        number_name = schema.name_of(schema.kinds[field.refers_to].number or "")
        for path, source in sources.items():
            wanted, lang = source.meta.get(field.key, ""), source.meta.get("lang")
            if wanted.isdigit() and (field.refers_to, wanted.lstrip("0") or "0", lang) not in numbered:
                yield Problem(
                    path,
                    source.line_of(field.key),
                    f"{field.name} {wanted} does not exist: no {field.refers_to} file in language {lang!r} "
                    f"has {number_name}: {wanted}",
                )


def inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies below it (both real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def file_in(root: str) -> Callable[[str], bool]:
    """``exists(path)`` for check_sources: a regular file inside ``root`` once every link is followed."""
    real_root = os.path.realpath(root)

    def exists(path: str) -> bool:
        full = os.path.realpath(os.path.join(root, path))
        return inside(full, real_root) and os.path.isfile(full)

    return exists


def link_problems(root: str) -> Iterator[Problem]:
    """Every symbolic link under ``root`` that leads out of it, to nothing, or into a loop: the build would copy
    what it points at (a file outside content/ would be published) or walk it without end."""
    real_root = os.path.realpath(root)
    for folder, dirs, names in os.walk(root):  # links to folders are listed, not followed
        for name in sorted(dirs + names):
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                continue
            path = os.path.relpath(full, root).replace(os.sep, "/")
            written = os.readlink(full)
            try:
                target = os.path.realpath(full, strict=True)
            except OSError:
                yield Problem(path, 1, f"is a symbolic link to {written!r}, which loops or leads to nothing")
                continue
            if not inside(target, real_root):
                yield Problem(
                    path, 1, f"is a symbolic link to {written!r}, outside content/: copy the file into content/"
                )
            elif os.path.isdir(target) and inside(os.path.realpath(folder), target):
                yield Problem(path, 1, f"is a symbolic link to {written!r}, a folder that holds it: a loop")


# Files a browser opens as a document that may run script, on the site's own origin (where the web editor keeps
# its sign-in): not published from the static folders. An SVG is published made inert (plugins/images/svg.py).
ACTIVE = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".svgz")


def active_file_problems(root: str, folders: Iterable[str]) -> Iterator[Problem]:
    """Every file under the ``folders`` of ``root`` (its static folders) with an extension of ACTIVE."""
    for folder in folders:
        for base, _dirs, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                extension = os.path.splitext(name)[1]
                if extension.lower() in ACTIVE:
                    path = os.path.relpath(os.path.join(base, name), root).replace(os.sep, "/")
                    yield Problem(
                        path,
                        1,
                        f"is a {extension} file, which a browser would open as a page of the site, scripts and all: "
                        "publish it as a PDF, or link to it where it is",
                    )


def extension_problems(paths: Iterable[str], extensions: tuple[str, ...]) -> Iterator[Problem]:
    """Pelican reads ``a.md`` but not ``a.MD``: a file it would skip is named, with the name to give it."""
    for path in paths:
        if not path.endswith(extensions):
            stem, extension = os.path.splitext(path)
            yield Problem(
                path,
                1,
                f"has the extension {extension!r}, which Pelican does not read: rename it {stem}{extension.lower()}",
            )


def content_files(root: str, extensions: tuple[str, ...]) -> list[str]:
    """Every file under ``root`` with one of ``extensions``, as sorted content-relative paths (hidden ones too)."""
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.lower().endswith(extensions):
                found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(found)


def read_sources(
    root: str, extensions: tuple[str, ...] = MARKDOWN_EXTENSIONS, multiline: Collection[str] = ("summary",)
) -> tuple[dict[str, Source], list[Problem]]:
    """({path: metadata.Source} of every Markdown file under ``root``, [Problem] of the files that cannot be read)."""
    sources: dict[str, Source] = {}
    unreadable: list[Problem] = []
    for path in content_files(root, extensions):
        full = os.path.join(root, path)
        if os.path.islink(full) and not os.path.exists(full):
            continue  # a link that loops or leads nowhere: link_problems names it
        try:
            with open(full, encoding="utf-8") as f:
                sources[path] = read_source(f.read(), multiline)
        except UnicodeDecodeError as error:
            unreadable.append(Problem(path, 1, f"cannot be read as UTF-8 text ({error}): save it as UTF-8"))
        except OSError as error:
            unreadable.append(Problem(path, 1, f"cannot be read: {error.strerror}"))
    return sources, unreadable
