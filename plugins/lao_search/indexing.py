"""The indexing of one build: what the search takes from each Pelican article (``source_of``), its analysis in
the background beside Pelican (``Analysis``, background.py), and the search data of each language written, kept or
linked again (``index``, ``Indexer``). Pelican hands articles over through the glue in __init__.py; the work on
text is in the pure modules (documents.py, index.py, …).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pelican.contents import Article

from archive import machinetext
from archive.dates import format_day, iso_day  # the archive plugin is a prerequisite (see above)
from archive.links import relative
from archive.schema import pages_named
from archive.settings import read_group

from . import pdftext
from .background import Job
from .cache import DocumentCache, fingerprint
from .documents import Analyzer, MachineText, Pdf, Source
from .index import Layout, article_files, articles_folder, dictionary_files, digest_of, order_key, part_names
from .kept import NAME as KEPT
from .kept import KeptData, made_of, stamp
from .progress import Progress
from .readahead import PdfReadahead

if TYPE_CHECKING:
    from archive.collect import LanguageSite
    from archive.layout import SiteLayout

    from .background import Inbox
    from .documents import Document

# [(lang, its search data's folder in the site, [key of each of its articles])]: what the indexing makes, language
# by language
Plan = list[tuple[str, str, list[str]]]

logger = logging.getLogger(__name__)
PREFIX = "LAO_SEARCH_"
MANIFEST = "files.json"  # in it: every file of the folder and their size, which "keep the whole search" fetches
BATCH = 50  # articles sent to the indexing at a time
STAGING = ".search-data-staging"  # in the output folder while the search data are written: the articles' files
REPLACED = ".search-data-replaced"  # in the output folder while the build runs: the search data it replaces


@dataclass(frozen=True)
class SearchSettings:
    shard_bytes: int = Layout.shard_bytes  # see index.Layout
    inline_bytes: int = Layout.inline_bytes
    common: int = Layout.common
    near_bytes: int = Layout.near_bytes
    background: bool = True  # index beside Pelican, in another process, where there is fork
    cache: bool = True  # keep the analysed articles (cache.py) and the search data (kept.py) in CACHE_PATH
    keep_all: bool = False  # keep every analysed article, not only those holding a PDF's text (the preview's)

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any]) -> SearchSettings:
        return read_group(cls, settings, PREFIX)

    def layout(self) -> Layout:
        return Layout(
            shard_bytes=self.shard_bytes, inline_bytes=self.inline_bytes, common=self.common, near_bytes=self.near_bytes
        )


def source_of(article: Article, search_page: str, content: str) -> Source:
    """What the search takes from a Pelican article as read: its text (summary and body as the reader's HTML; the
    links in it are not resolved yet, and need not be), its PDF and page scans (paths under ``content``, copied to
    the same paths in the site) with the text read from them by machine, and what a result shows. URLs are
    relative to the language's search page, at ``search_page`` (site-relative)."""
    pdf = article.metadata.get("pdf")
    pages = pages_named(article.metadata)  # every page, a drawn one too: a page's number is its place
    scans = tuple(
        (relative(search_page, quote(page)), MachineText.at(machinetext.text_path(os.path.join(content, page))))
        for page in pages
    )
    return Source(
        url=relative(search_page, article.url),
        title=article.title,
        kind=article.category.slug,
        date=iso_day(article.date),
        date_text=format_day(article.date, article.lang),
        summary_html=article.metadata.get("summary", ""),
        body_html=article._content or "",
        tags=tuple(tag.name for tag in getattr(article, "tags", ()) or ()),
        pdf=Pdf.at(os.path.join(content, pdf)) if pdf else None,
        pdf_url=relative(search_page, quote(pdf)) if pdf else "",  # a "#" or "?" in its name is no URL syntax
        lang=article.lang,
        pdf_text=MachineText.at(machinetext.text_path(os.path.join(content, pdf))) if pdf else None,
        scans=scans,
    )


def pdf_once(sources: Mapping[str, Source], documents: Mapping[str, Document]) -> set[str]:
    """The keys of ``documents`` whose printed pages' text (a PDF's, or page scans') another article indexes
    instead: a PDF named by items in several languages (an issue and its translation) is indexed once, with the
    item in the language it is written in (a Lao PDF with the Lao item, one in Latin letters with another's), else
    with the first of them."""
    by_pdf: dict[str | tuple[str, ...], list[str]] = {}
    for key in sorted(documents, key=lambda key: (sources[key].lang, key)):
        document = documents[key]
        if document.pdf_script:
            source = sources[key]
            printed: str | tuple[str, ...] = (
                source.pdf.path if source.pdf else tuple(text.path for _url, text in source.scans)
            )
            by_pdf.setdefault(printed, []).append(key)
    elsewhere: set[str] = set()
    for keys in by_pdf.values():
        fits = [key for key in keys if (sources[key].lang == "lo") == (documents[key].pdf_script == "lo")]
        keeper = (fits or keys)[0]
        elsewhere.update(key for key in keys if key != keeper)
    return elsewhere


def set_aside(folder: str, aside: str) -> None:
    """Moves ``folder``, if it is there, into the folder ``aside``, to be deleted once the files that replace it are
    made (the indexing's: Analysis.close; the benchmark's: measure/bench.py). A rename frees no inode, and on ext4
    without a journal (the project's machine) each file made within a minute or five of many deletions costs the
    kernel a scan past every inode deleted then (fs/ext4/ialloc.c, ``recently_deleted``; docs/benchmarks.md,
    "Builds right after a deletion")."""
    if os.path.lexists(folder):
        os.makedirs(aside, exist_ok=True)
        os.rename(folder, os.path.join(tempfile.mkdtemp(dir=aside), os.path.basename(folder)))  # a new name each


def write_new(path: str, data: bytes) -> None:
    """Writes ``data`` into a file at ``path`` (a new one: the folders it is written into are new). With os.open
    and os.write: a buffered file object (open) costs a fifth more again for the tens of thousands of small files of
    the search data (11,000 files of 4 KB: 30 against 36 µs each on the project's machine)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:  # a regular file takes it all at once, but os.write may say it took less
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_files(folder: str, files: Mapping[str, str]) -> dict[str, int]:
    """Writes ``files`` ({relative name: text}) into ``folder``, which is not there yet; returns {relative name:
    bytes written}."""
    made: set[str] = set()
    written: dict[str, int] = {}
    for name, text in files.items():
        path = os.path.join(folder, name)
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        data = text.encode("utf-8")
        write_new(path, data)
        written[name] = len(data)
    return written


def write_articles(folder: str, documents: Iterable[Document]) -> tuple[str, dict[str, int]]:
    """Writes what a result shows of each of ``documents`` (in article order: index.article_files) into ``folder``,
    which is not there yet, each file under its numbered name (index.part_names); returns (the name of their folder in
    the search data, made of all their contents: index.articles_folder; {name: bytes written}).

    They are written once every article is read, not as each is: numbered as they will be, no file is moved
    afterwards (renaming the 23,000 files of 10,000 news cost the indexing some 0.6 s of the kernel's time)."""
    os.makedirs(folder)
    digests: list[str] = []
    sizes: dict[str, int] = {}
    for ref, document in enumerate(documents):
        scripts = article_files(document)
        for name, script in zip(part_names(ref, len(scripts)), scripts, strict=True):
            data = script.encode("utf-8")
            write_new(os.path.join(folder, name), data)
            digests.append(digest_of(data))
            sizes[name] = len(data)
    return articles_folder(digests), sizes


class Analysis:
    """One build's analysis of its articles, made on the first article that needs one: the document cache read,
    PDFs read ahead on every core; then each language's search data written (``write``)."""

    def __init__(self, pelican_settings: Mapping[str, Any], output_path: str, settings: SearchSettings) -> None:
        if settings.cache:
            self.cache = DocumentCache.from_settings(pelican_settings, every=settings.keep_all)
        else:
            self.cache = DocumentCache()  # nothing read, nothing kept
        self.analyzer = Analyzer(self.cache.pieces)
        self.staging = os.path.join(output_path, STAGING)  # the articles' files, until their folder has its name
        self.replaced = os.path.join(output_path, REPLACED)  # what the data written replace, deleted last
        self.readahead = PdfReadahead(pdftext.page_texts)
        self.documents: dict[str, Document] = {}
        # key -> (source, fingerprint) of an article whose PDF is being read
        self.waiting: dict[str, tuple[Source, bytes]] = {}

    def start(self, key: str, source: Source, digest: bytes) -> None:
        """Analyses ``source`` (``digest``: its fingerprint), once its PDF is read if it has one to read."""
        if source.pdf and source.pdf not in self.analyzer.pdf_pages and not self.cache.has(source, digest):
            self.readahead.want(source.pdf)  # read on another core while the others are analysed
            self.waiting[key] = (source, digest)
        else:
            self.analyse(key, source, digest)

    def analyse(self, key: str, source: Source, digest: bytes | None = None) -> None:
        self.documents[key] = self.cache.document(source, self.analyzer.document, digest)

    def take(self, read: Iterable[tuple[Pdf, list[str]]]) -> None:
        for pdf, texts in read:
            self.analyzer.pdf_read(pdf, texts)
        read_now = [key for key, (source, _digest) in self.waiting.items() if source.pdf in self.analyzer.pdf_pages]
        for key in read_now:
            self.analyse(key, *self.waiting.pop(key))

    def finish(self, sources: Mapping[str, Source]) -> None:
        """Every article analysed, a PDF's text with one article only (pdf_once)."""
        self.take(self.readahead.wait())
        self.readahead.close()  # every PDF is read: its processes go before the data are written, the largest moment
        for key in pdf_once(sources, self.documents):  # its own text only: the PDF's pages are already memoised
            self.analyse(key, replace(sources[key], pdf=None, pdf_url="", pdf_text=None, scans=()))

    def write(
        self,
        plan: Plan,
        output_path: str,
        layout: Layout,
        report: Callable[..., object],
        on_written: Callable[[int, str, int], object] | None = None,
    ) -> list[str]:
        """Each language's search data; returns what to say of them. ``on_written(n, folder, files)`` is told of
        each language's once they are all in their folder (the n-th of ``plan``, how many files)."""
        summary: list[str] = []
        total = sum(len(keys) for _lang, _folder, keys in plan)
        indexed = 0
        for lang, data_folder, keys in plan:
            keys = sorted(keys, key=lambda key: order_key(self.documents[key]))
            documents = [self.documents[k] for k in keys]
            set_aside(self.staging, self.replaced)  # a failed build's
            folder, shown = write_articles(self.staging, documents)
            files = dictionary_files(lang, documents, self.analyzer.pieces, layout, folder)
            target = os.path.join(output_path, data_folder)
            set_aside(target, self.replaced)
            sizes = write_files(target, files)
            os.rename(self.staging, os.path.join(target, folder))
            sizes.update((f"{folder}/{name}", size) for name, size in shown.items())
            size = sum(sizes.values()) + write_manifest(target, sizes)
            if on_written:
                on_written(len(summary), target, len(sizes) + 1)  # and the manifest
            summary.append(
                f"Search ({lang}): {len(keys)} articles, {len(sizes)} files, {size / 1024:.0f} KB in {data_folder}"
            )
            indexed += len(keys)
            report("step", "Search: articles indexed", indexed, total)
        return summary

    def close(self) -> None:
        self.readahead.close()
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(self.replaced, ignore_errors=True)

    def save(self) -> None:
        self.cache.save(self.analyzer.pieces)


def write_manifest(folder: str, sizes: Mapping[str, int]) -> int:
    """Writes MANIFEST into ``folder``: {"bytes": their size, "files": [every file of it, sorted]}, of ``sizes``
    ({name in the folder, "/" between folders: bytes}, every file written there); returns its size. A reader
    keeping a language's whole search for offline reading fetches them all (js/src/offline/page.js)."""
    names = sorted(sizes)
    data = json.dumps({"bytes": sum(sizes.values()), "files": names}, separators=(",", ":")).encode("utf-8")
    with open(os.path.join(folder, MANIFEST), "wb") as file:
        file.write(data)
    return len(data)


def index(
    pelican_settings: Mapping[str, Any], output_path: str, layout: Layout, inbox: Inbox, report: Callable[..., object]
) -> list[str]:
    """The indexing: analyses the articles of each ("sources", [(key, Source)...]) of ``inbox`` as they come,
    then, given ("plan", [(lang, data folder, [key...])]), at once writes each language's search data; returns what to
    say of them.

    While every article so far is one the last build's search data were made of (kept.py), none is analysed: if
    the plan then asks for the same data, they are linked from the cache; at the first article that differs, those
    held back are analysed and the build goes on as any other."""
    with _collector_spared():
        return _index(pelican_settings, output_path, layout, inbox, report)


@contextmanager
def _collector_spared() -> Iterator[None]:
    """While the indexing runs, Python's cyclic collector is off. What it makes lives until the data are written,
    and no article leaves cyclic garbage behind (the one cycle, the analyser and its memos, lives to the end anyway),
    so the collector would only scan the same articles over and over: at 10,000 articles it took 3.1 s of the
    indexing's CPU, 0.8 s with each batch frozen out of its way (``gc.freeze``, as before 2026-12-07). It is handed
    back at the end, also when the indexing fails: the indexing may run in Pelican's own process (no fork, or the
    preview's)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _index(
    pelican_settings: Mapping[str, Any], output_path: str, layout: Layout, inbox: Inbox, report: Callable[..., object]
) -> list[str]:
    settings = SearchSettings.from_pelican(pelican_settings)
    kept = None
    if settings.cache:
        folder = os.path.join(pelican_settings.get("CACHE_PATH") or "cache", KEPT)
        kept = KeptData(folder, stamp(layout))
    sources: dict[str, Source] = {}
    fingerprints: dict[str, bytes] = {}
    held: list[str] | None = [] if kept and kept.made_of else None  # keys not analysed yet, while all may be as kept
    analysis: Analysis | None = None
    plan: Plan | None = None
    try:
        for message in inbox:
            if message[0] == "sources":
                for key, source in message[1]:
                    sources[key] = source
                    fingerprints[key] = fingerprint(source)
                    if held is not None and kept is not None and kept.may_hold(fingerprints[key]):
                        held.append(key)
                        continue
                    if analysis is None:
                        analysis = Analysis(pelican_settings, output_path, settings)
                    for each in held or ():
                        analysis.start(each, sources[each], fingerprints[each])
                    held = None
                    analysis.start(key, source, fingerprints[key])
                if analysis:
                    analysis.take(analysis.readahead.ready())
                report("step", "Search: articles analysed", len(sources), None)
            elif message[0] == "plan":
                plan = message[1]
                inbox.close()  # the rest is done while Pelican writes the pages, progress shown as it goes
                break
        if plan is None:
            raise RuntimeError("the build stopped before every article was read")
        made = made_of(plan, fingerprints)
        if held is not None and kept is not None and kept.fits(made):
            try:
                return kept.publish(output_path)
            except OSError as error:
                logger.warning("Search: the kept search data could not be used (%s); making them anew", error)
        analysis = analysis or Analysis(pelican_settings, output_path, settings)
        for key in held or ():
            analysis.start(key, sources[key], fingerprints[key])
        analysis.finish(sources)
        sources.clear()  # the articles' HTML, read: what the search data are made of is in the documents now
        if kept:
            kept.begin()
        try:
            summary = analysis.write(plan, output_path, layout, report, kept.link if kept else None)
        except BaseException:
            if kept:
                kept.abandon()  # what was kept before stays
            raise
    finally:
        if analysis:
            analysis.close()
    analysis.save()
    if kept:
        kept.keep(made, summary)
    return summary


class Indexer:
    """One build's indexing: given each article as Pelican reads it, then each language's list of articles."""

    def __init__(self, pelican_settings: Mapping[str, Any], output_path: str, layout: SiteLayout) -> None:
        settings = SearchSettings.from_pelican(pelican_settings)
        self.site = layout
        self.content = pelican_settings["PATH"]
        self.given: set[str] = set()
        self.batch: list[tuple[str, Source]] = []  # sent a few dozen at a time: a message costs more than its bytes
        self.job = Job(partial(index, pelican_settings, output_path, settings.layout()), background=settings.background)

    def give(self, article: Article) -> None:
        search_page = self.site.page(article.lang, "search")
        self.batch.append((article.source_path, source_of(article, search_page, self.content)))
        self.given.add(article.source_path)
        if len(self.batch) >= BATCH:
            self.send_batch()

    def send_batch(self) -> None:
        if self.batch:
            self.job.send(("sources", self.batch))
            self.batch = []

    def plan(self, sites: Mapping[str, LanguageSite]) -> None:
        """Each language's articles, in the order of its site; those Pelican took from its cache (read before
        this build, so not given as read) are given now."""
        plan: Plan = []
        for lang, site in sites.items():
            for article in site.articles:
                if article.source_path not in self.given:
                    self.give(article)
            plan.append((lang, self.site.page(lang, "search_data"), [article.source_path for article in site.articles]))
        self.send_batch()
        self.job.send(("plan", plan))

    def result(self) -> list[str]:
        started = time.perf_counter()
        with Progress() as progress:
            summary = self.job.wait(lambda message: progress.step(*message[1:]))
        logger.debug("Search: waited %.1f s for the indexing", time.perf_counter() - started)
        return summary
