"""Rules over the whole content folder: every problem found, with the file (and line) it is in.

Pure: ``check_sources`` takes the parsed files and a function telling whether a content file exists.
"""

import os
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote

from .model import MARKDOWN_EXTENSIONS, check_metadata, field_name, files_named, read_source

_INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE_LINK = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PELICAN_LINK = re.compile(r"^(?:\{|%7B|\|)(\w+)(?:\}|%7D|\|)(.*)$")
_FILE_DIRECTIVES = ("static", "attach", "filename")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content folder, with "/" separators
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


def check_sources(sources, exists):
    """All problems of ``sources`` ({path: model.Source}) as a sorted list of Problem.

    ``exists(path)`` tells whether a content-relative path names a file.
    """
    problems = []
    for path, source in sources.items():
        problems += [Problem(path, 1, message) for message in check_metadata(source.meta)]
        problems += [
            Problem(path, 1, f"{field_name(field)} names {target!r}, which is not a file under content/")
            for field, target in files_named(source.meta)
            if not exists(target)
        ]
        problems += _missing_links(path, source, exists)
    problems += _slug_problems(sources)
    problems += _issue_problems(sources)
    return sorted(set(problems))


def link_targets(body):
    """(offset, target) of every link and image in a Markdown body, inline, by reference or in raw HTML."""
    for pattern in (_INLINE_LINK, _REFERENCE_LINK, _HTML_LINK):
        for match in pattern.finditer(body):
            yield match.start(1), match.group(1)


def resolve_link(source_path, target):
    """The content-relative file a link points at, or None when it points outside the content (a web URL...)."""
    target = unquote(target.split("#", 1)[0].split("?", 1)[0])
    directive = _PELICAN_LINK.match(target)
    if directive:
        if directive.group(1) not in _FILE_DIRECTIVES:
            return None  # {tag}, {category}, {index}...: not a file
        target = directive.group(2)
    elif not target or _SCHEME.match(target):
        return None
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_path), target))


def _missing_links(path, source, exists):
    for offset, target in link_targets(source.body):
        resolved = resolve_link(path, target)
        if resolved is not None and (resolved.startswith("../") or not exists(resolved)):
            line = source.body_line + source.body.count("\n", 0, offset)
            yield Problem(path, line, f"links to {target!r}, but there is no such file under content/")


def _slug_problems(sources):
    groups = defaultdict(list)  # slug -> [(path, meta)]
    for path, source in sources.items():
        if source.meta.get("slug"):
            groups[source.meta["slug"]].append((path, source.meta))
    for slug, members in groups.items():
        by_lang = defaultdict(list)
        for path, meta in members:
            by_lang[meta.get("lang")].append(path)
        for lang, paths in by_lang.items():
            if len(paths) > 1:
                for path in paths:
                    others = ", ".join(p for p in paths if p != path)
                    yield Problem(path, 1, f"duplicate Slug {slug!r} in language {lang!r}: also used by {others}")
        originals = [(p, m) for p, m in members if m.get("translation", "").lower() != "true"]
        for path, meta in members:
            if meta.get("translation", "").lower() != "true":
                continue
            if not [p for p, m in originals if m.get("lang") != meta.get("lang")]:
                yield Problem(path, 1, f"Translation: true, but no original in another language has Slug {slug!r}")
            for other, other_meta in members:
                if other != path and other_meta.get("category") != meta.get("category"):
                    yield Problem(
                        path,
                        1,
                        f"Category {meta.get('category')!r} differs from its translation "
                        f"{other} ({other_meta.get('category')!r})",
                    )


def _issue_problems(sources):
    issues = defaultdict(list)  # (kind, number, lang) -> paths
    for path, source in sources.items():
        meta = source.meta
        for kind, field in (("magazine", "issue"), ("newspaper", "edition")):
            if meta.get("category") == kind and meta.get(field):
                issues[(kind, meta[field].lstrip("0") or "0", meta.get("lang"))].append(path)
    for (kind, number, lang), paths in issues.items():
        if len(paths) > 1:
            field = "Issue" if kind == "magazine" else "Edition"
            for path in paths:
                yield Problem(
                    path,
                    1,
                    f"{field} {number} in language {lang!r} is also in " + ", ".join(p for p in paths if p != path),
                )
    for path, source in sources.items():
        wanted = source.meta.get("journal_issue", "")
        if wanted.isdigit() and ("magazine", wanted.lstrip("0") or "0", source.meta.get("lang")) not in issues:
            yield Problem(
                path,
                1,
                f"Journal_Issue {wanted} does not exist: no magazine file in language "
                f"{source.meta.get('lang')!r} has Issue: {wanted}",
            )


def content_files(root, extensions):
    """Every file under ``root`` with one of ``extensions``, as sorted content-relative paths (hidden ones too)."""
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if name.lower().endswith(extensions):
                found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(found)


def read_sources(root, extensions=MARKDOWN_EXTENSIONS):
    """({path: model.Source} of every Markdown file under ``root``, [Problem] of the files that cannot be read)."""
    sources, unreadable = {}, []
    for path in content_files(root, extensions):
        try:
            with open(os.path.join(root, path), encoding="utf-8") as f:
                sources[path] = read_source(f.read())
        except (OSError, UnicodeDecodeError) as error:
            unreadable.append(Problem(path, 1, f"cannot be read as UTF-8 text ({error}): save it as UTF-8"))
    return sources, unreadable
