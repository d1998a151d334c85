"""`invoke import`: an existing archive into content/, as checked Markdown of the archive's kinds.

Readers turn a source into posts (wxr.py: a WordPress export; feed.py: RSS or Atom; pdfs.py: a folder of back
issues); plan.py makes the files an import would write (body.py: HTML to Markdown; uploads.py: the old site's
files); verify.py runs the archive's own checks over content/ as it would be; writing.py writes all of it or
nothing. ``run`` ties them together and prints what it did.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .model import Source, SourceError
from .plan import Options, Plan, make_plan
from .verify import problems as check
from .writing import Decision, decide, write

if TYPE_CHECKING:
    from archive.schema import Schema

__all__ = ["Options", "SourceError", "run"]


def content_slugs(
    content: str, schema: Schema
) -> tuple[dict[tuple[str | None, str | None], str], dict[tuple[str | None, str | None], str]]:
    """({(slug, lang): path}, {(slug, lang): date}) of the Markdown files in ``content``."""
    from archive.validate import read_sources

    sources, _unreadable = read_sources(content, multiline=schema.multiline) if os.path.isdir(content) else ({}, [])
    slugs: dict[tuple[str | None, str | None], str] = {}
    dates: dict[tuple[str | None, str | None], str] = {}
    for path, source in sorted(sources.items()):
        key = (source.meta.get("slug"), source.meta.get("lang"))
        slugs.setdefault(key, path)
        dates.setdefault(key, source.meta.get("date") or "")
    return slugs, dates


def run(
    read: Callable[[], Source],
    content: str,
    options: Options,
    update: bool = False,
    dry_run: bool = False,
    out: Callable[[str], object] = print,
    settings_file: str | None = None,
) -> int:
    """Import what ``read()`` returns (a model.Source) into ``content``; returns the exit status (0: done, or
    nothing to do; 1: problems, nothing written)."""
    from pelican.settings import read_settings

    from tools.build import SETTINGS, site_schema

    settings_file = settings_file or SETTINGS
    try:
        source = read()
    except SourceError as error:
        out(f"import: {error}")
        return 1
    schema = site_schema(settings_file)
    markdown_settings = read_settings(settings_file)["MARKDOWN"]
    slugs, dates = content_slugs(content, schema)
    plan = make_plan(source, schema, content, slugs, options, dates)
    decision = decide(plan, content, slugs, update)
    labels = {file.path: file.item for file, _state in decision.writes.values()}
    found = list(plan.problems)
    if decision.writes:
        found += check(content, {p: f for p, (f, _s) in decision.writes.items()}, schema, markdown_settings, labels)
    if found:
        out(f"import: {len(found)} problem(s) in {source.path}; nothing was written:")
        for label, sentence in sorted(set(found)):
            out(f"  {label}: {sentence}")
        return 1
    if dry_run:
        for path, (_file, state) in sorted(decision.writes.items()):
            out(f"would write content/{path} ({state})")
    else:
        try:
            write(content, decision.writes)
        except OSError as error:
            out(f"import: {error.filename or content}: cannot be written ({error.strerror}); nothing was written")
            return 1
    _summary(out, source, plan, decision, dry_run)
    return 0


def _summary(out: Callable[[str], object], source: Source, plan: Plan, decision: Decision, dry_run: bool) -> None:
    verb = "would be" if dry_run else "were"
    items = decision.written_items
    copies = sum(1 for file, _state in decision.writes.values() if not file.markdown)
    if items or copies:
        langs = Counter(file.lang for files in items for file in files)
        by_lang = ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items()))
        paired = sum(1 for files in items if len(files) > 1)
        out(
            f"Imported from {source.path}: {len(items)} item(s) {verb} written as {sum(langs.values())} Markdown "
            f"file(s) ({by_lang}; {paired} item(s) with a translation), {copies} file(s) {verb} copied into content/"
        )
    else:
        out(f"Imported from {source.path}: nothing to write")
    if decision.unchanged:
        out(f"  unchanged: {decision.unchanged} item(s), in content/ as this import writes them")
    for label, why in decision.in_the_way:
        out(f"  not written: {label}: {why} (--update replaces it)")
    skipped = sum(plan.skipped.values())
    if skipped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(plan.skipped.items(), key=lambda r: (-r[1], r[0])))
        out(f"  skipped: {skipped} entries that are not published posts: {reasons}")
    for label, note in plan.notes:
        out(f"  note: {label}: {note}")


def main(
    wordpress: str | None = None,
    feed: str | None = None,
    pdfs: str | None = None,
    uploads: str | None = None,
    csv: str | None = None,
    kinds: Iterable[str] | None = (),
    lang: str | None = None,
    update: bool = False,
    dry_run: bool = False,
    drop_missing: bool = False,
    content: str = "content",
    out: Callable[[str], object] = print,
    settings_file: str | None = None,
) -> int:
    """`invoke import`'s options to an exit status; a mistake in them is one line naming it."""
    from tools.build import SETTINGS, site_layout, site_schema

    from . import feed as feeds
    from . import pdfs as folders
    from . import wxr
    from .uploads import Uploads

    given = [name for name, value in (("--wordpress", wordpress), ("--feed", feed), ("--pdfs", pdfs)) if value]
    if len(given) != 1:
        out("import: give one of --wordpress EXPORT.xml, --feed FILE_OR_URL, --pdfs FOLDER")
        return 2
    schema = site_schema(settings_file or SETTINGS)
    rules: list[tuple[str, str]] = []
    for rule in kinds or ():
        category, _, kind = rule.rpartition("=")
        if pdfs and not category:
            category = "*"
        if not category or kind not in schema.kinds:
            out(f"import: --kind {rule!r}: write CATEGORY=KIND, KIND one of {', '.join(schema.kinds)}")
            return 2
        rules.append((category.strip(), kind.strip()))
    if lang and lang not in schema.languages:
        out(f"import: --lang {lang!r}: one of {', '.join(schema.languages)}")
        return 2
    if uploads and not os.path.isdir(uploads):
        out(f"import: --uploads {uploads}: no such folder")
        return 2
    if csv and not pdfs:
        out("import: --csv goes with --pdfs")
        return 2
    layout = site_layout(settings_file or SETTINGS)
    options = Options(layout.images, layout.files, kinds=rules, uploads=uploads, lang=lang, drop_missing=drop_missing)
    if wordpress:
        read = lambda: wxr.read(wordpress)  # noqa: E731
    elif feed:
        read = lambda: feeds.read(feed)  # noqa: E731
    else:
        assert pdfs is not None  # one of the three was given
        pdf_kind = rules[0][1] if rules else None
        places = Uploads(None, content, layout.images, layout.files)
        read = lambda: folders.read(pdfs, pdf_kind, schema, places, csv, lang)  # noqa: E731
    return run(read, content, options, update=update, dry_run=dry_run, out=out, settings_file=settings_file)
