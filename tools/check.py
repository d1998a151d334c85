"""Checks of a built site: links and images that lead nowhere, HTML that does not parse cleanly, and the list of
articles that have no translation yet. Pure functions over a folder; `invoke check` runs them after a build.
"""

import datetime
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from archive import links, machinetext
from archive.metadata import Source
from archive.schema import Schema, pages_named, parse_date
from archive.validate import Problem

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets an author leave out; the checker does not ask for them.
OPTIONAL_END = {
    "li",
    "dt",
    "dd",
    "p",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "option",
    "colgroup",
    "caption",
    "rt",
    "rp",
    "optgroup",
    "html",
    "head",
    "body",
}


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # of the built file, relative to the site, or of the content file it was built from
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class _PageParser(HTMLParser):
    """Collects links, ids and tag-structure problems of one page, with line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.problems: list[tuple[int, str]] = []
        self.links: list[tuple[int, str]] = []  # (line, URL)
        self.ids: dict[str, int] = {}  # id -> the line it is first on

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name) is not None and not (tag == "link" and attributes.get("rel") == "canonical"):
                self.links.append((line, attributes[name] or ""))
        element_id = attributes.get("id")
        if element_id:
            if element_id in self.ids:
                self.problems.append((line, f"id {element_id!r} is used twice (first on line {self.ids[element_id]})"))
            self.ids.setdefault(element_id, line)
        if tag not in VOID:
            self.stack.append((tag, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in VOID:
            return
        if not any(open_tag == tag for open_tag, _ in self.stack):
            self.problems.append((line, f"</{tag}> closes nothing that is open"))
            return
        while self.stack:
            open_tag, opened = self.stack.pop()
            if open_tag == tag:
                return
            if open_tag not in OPTIONAL_END:
                self.problems.append((line, f"<{open_tag}> from line {opened} is not closed before </{tag}>"))

    def close(self) -> None:
        super().close()
        for tag, line in self.stack:
            if tag not in OPTIONAL_END:
                self.problems.append((line, f"<{tag}> is never closed"))


def check_page(site: str, path: str, html: str) -> list[Finding]:
    """Findings of one built page: its structure, and every local link or image that leads nowhere."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    findings = [Finding(path, line, message) for line, message in parser.problems]
    for line, url in parser.links:
        problem = _broken(site, path, url, parser.ids)
        if problem:
            findings.append(Finding(path, line, problem))
    return findings


def _broken(site: str, path: str, url: str, ids: Mapping[str, int]) -> str | None:
    target = links.resolve(path, url)
    if target is None:
        return None
    if not target.path:
        return (
            None
            if not target.fragment or target.fragment in ids
            else f"link to #{target.fragment}, which is not on the page"
        )
    if target.problem:
        return f"link {url!r} {target.problem}"
    full = os.path.join(site, target.path)
    if os.path.isdir(full):
        return f"link {url!r} names a folder: from disk a browser shows no index.html for it"
    if not os.path.isfile(full):
        kind = "image" if re.search(r"\.(png|jpe?g|gif|svg|webp|avif)$", target.path, re.IGNORECASE) else "link"
        return f"{kind} {url!r} leads to a file that does not exist"
    return None


def check_site(site: str) -> list[Finding]:
    """Findings of every HTML page of a built site, sorted."""
    site = os.path.abspath(site)
    findings: list[Finding] = []
    for folder, _dirs, names in os.walk(site):
        for name in names:
            if name.endswith(".html"):
                full = os.path.join(folder, name)
                with open(full, encoding="utf-8") as f:
                    findings += check_page(site, os.path.relpath(full, site).replace(os.sep, "/"), f.read())
    return sorted(findings)


def missing_translations(sources: Mapping[str, Source], languages: Iterable[str]) -> dict[str, list[str]]:
    """{lang: [content paths of items with no version in lang]} — a list to work through, not an error."""
    by_slug: dict[str | None, dict[str | None, str]] = {}
    for path, source in sources.items():
        by_slug.setdefault(source.meta.get("slug"), {})[source.meta.get("lang")] = path
    missing: dict[str, list[str]] = {lang: [] for lang in languages}
    for versions in by_slug.values():
        for lang in languages:
            if lang not in versions:
                missing[lang].extend(sorted(versions.values()))
    return {lang: sorted(paths) for lang, paths in missing.items()}


def future_dates(sources: Mapping[str, Source], today: datetime.date) -> list[tuple[str, int, str]]:
    """(path, line, date) of items dated after ``today``: listed first until then. The build itself does not read
    the clock (two builds of one content give the same site), so only `invoke check` says so."""
    found: list[tuple[str, int, str]] = []
    for path, source in sources.items():
        text = source.meta.get("date", "")
        try:
            date = parse_date(text).date()
        except ValueError:
            continue
        if date > today:
            found.append((path, source.line_of("date"), text))
    return sorted(found)


def build_what_can_be_built(
    content: str,
    output: str,
    record: dict[str, str],
    rounds: int = 5,
    warnings: list[Problem] | None = None,
) -> tuple[Sequence[Problem], bool]:
    """Build ``content``; when some files have problems, build the others (from a copy without them) so that
    their pages can be checked in the same run. Returns the content's problems (empty when it all built) and
    whether any site was built; ``warnings`` (a list) is given the warnings of the build that succeeded. Problems
    that only leaving files out causes (a link to one of them) are not reported; they only leave more files out."""
    import shutil
    import tempfile

    from archive import ContentError

    from .build import build as build_once

    kept: list[Problem] = [] if warnings is None else warnings

    def build(folder: str, output: str, record: dict[str, str]) -> None:
        kept.clear()  # of an attempt that failed
        build_once(folder, output, record=record, warnings=kept)

    try:
        build(content, output, record=record)
        return [], True
    except ContentError as error:
        problems = error.problems
    left_out = {p.path for p in problems}
    # Beside the output: `invoke check` builds into .checked-site-…/, whose leftovers the next check removes.
    folder, name = os.path.split(os.path.abspath(output))
    with tempfile.TemporaryDirectory(prefix=f"{name}-rest-", dir=folder) as tmp:
        rest = os.path.join(tmp, "content")
        for _ in range(rounds):
            shutil.rmtree(rest, ignore_errors=True)
            shutil.copytree(content, rest, symlinks=True, ignore=_leaving_out(content, left_out))
            shutil.rmtree(output, ignore_errors=True)
            try:
                build(rest, output, record=record)
                return problems, True
            except ContentError as error:
                more = {p.path for p in error.problems} - left_out
                if not more:
                    break
                left_out |= more
    return problems, False


def _leaving_out(root: str, paths: Collection[str]) -> Callable[[str, list[str]], list[str]]:
    def ignore(folder: str, names: list[str]) -> list[str]:
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        return [n for n in names if (n if relative == "." else f"{relative}/{n}") in paths]

    return ignore


def unsearchable_pdfs(content: str, sources: Mapping[str, Source], schema: Schema) -> list[tuple[str, int, str]]:
    """(path, line, PDF) of the PDFs named by ``sources`` that hold no text (scans without OCR) and have no text
    read by machine beside them: their words cannot be found by the search. A note, not an error."""
    from lao_search import pdftext

    found: list[tuple[str, int, str]] = []
    for path, source in sources.items():
        for name, target in schema.files_named(source.meta):
            full = os.path.join(content, target)
            if os.path.exists(machinetext.text_path(full)):
                continue  # read by machine: searchable (scans_without_text names one older than its PDF)
            if target.lower().endswith(".pdf") and os.path.isfile(full):
                try:
                    searchable = pdftext.has_text_layer(full)
                except pdftext.PdfUnreadable:
                    continue  # the build has said so
                if not searchable:
                    found.append((path, source.line_of(name.lower()), target))
    return sorted(found)


def scans_without_text(content: str, sources: Mapping[str, Source], schema: Schema) -> list[tuple[str, int, str, str]]:
    """(path, line, file, why) of the page scans named by ``sources`` that have no text yet, and of the scans and
    PDFs whose text read by machine is older than they are (replaced since): `invoke ocr` reads them. A note."""
    found: list[tuple[str, int, str, str]] = []
    for path, source in sources.items():
        scans = set(pages_named(source.meta))
        for name, target in schema.files_named(source.meta):
            full = os.path.join(content, target)
            if not os.path.isfile(full):
                continue  # the build names it
            if target in scans and machinetext.is_scan(target) and not os.path.exists(machinetext.text_path(full)):
                found.append((path, source.line_of(name.lower()), target, "has no text yet"))
            elif machinetext.is_older(full):
                found.append((path, source.line_of(name.lower()), target, "has a text older than itself"))
    return sorted(found)


def run(content: str, output: str, out: Callable[[str], object] = print, today: datetime.date | None = None) -> int:
    """Build ``content`` into ``output`` and report every problem, of the content and of the built pages (of the
    files without content problems, when some have them), in one run; returns the number of errors."""
    from archive.validate import read_sources

    from .build import site_schema

    out(f"Building {content} into {output} …")
    built_from: dict[str, str] = {}  # built page -> content file, as the build recorded them
    warnings: list[Problem] = []
    problems, built = build_what_can_be_built(content, output, built_from, warnings=warnings)
    for problem in problems:
        out(f"content/{problem}")
    if problems:
        out(f"{len(problems)} error(s) in the content.")
    for warning in sorted(set(warnings)):
        out(f"content/{warning}")  # "warning: …": published without it, not an error
    findings: list[Finding] = []
    if built:
        out("Checking the built pages" + (" of the other files …" if problems else " …"))
        findings = check_site(output)
        for finding in findings:
            source = built_from.get(finding.path)
            out(f"content/{source} (built as {finding})" if source else str(finding))
    schema = site_schema()
    sources, _ = read_sources(content, multiline=schema.multiline)
    for path, line, pdf in unsearchable_pdfs(content, sources, schema):
        out(f"content/{path}:{line}: {pdf} has no text layer (a scan?): search cannot find its words (not an error)")
    for path, line, scan, why in scans_without_text(content, sources, schema):
        out(f"content/{path}:{line}: {scan} {why}: `invoke ocr` reads it (not an error)")
    for path, line, date in future_dates(sources, today or datetime.date.today()):
        out(f"content/{path}:{line}: Date {date} is in the future: it is listed first until then (not an error)")
    for lang, paths in missing_translations(sources, schema.languages).items():
        if paths:
            out(f"No {lang} version yet ({len(paths)}, not an error): " + ", ".join(paths))
    if findings:
        out(f"{len(findings)} error(s) in the built site.")
    if not problems and not findings:
        out("No errors.")
    return len(problems) + len(findings)
