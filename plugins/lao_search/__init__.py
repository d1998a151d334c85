"""Lao search: each language's search data, made from the articles Pelican has read (not from the pages it wrote).

Pelican glue only; the work is in pure modules: text.py (spelling, folding, ICU words), segment.py (units, query
words), extract.py (HTML to text), documents.py (one article as the search sees it), bm25.py (term weights as lunr
scores them), substrings.py (which articles contain which Lao strings), codec.py and index.py (the files). Needs
the archive plugin, whose collected sites say which articles each language has.

The work starts once every generator has its context (all articles read, all links resolvable) and runs beside
the writing of the pages, in a background process where that is safe (background.py); the search generator's
output phase waits for it and fails the build if it failed.
"""
import os
import shutil
from dataclasses import dataclass
from functools import partial

from pelican import signals
from pelican.generators import Generator

from archive.dates import format_day  # the archive plugin is a prerequisite (see above)
from archive.settings import read_group

from .background import Job
from .cache import DocumentCache
from .documents import Analyzer, Source
from .index import Layout, order, search_files
from .progress import Progress, say, stepper

PREFIX = "LAO_SEARCH_"
DATA_FOLDER = "search-data"  # beside each language's search.html


@dataclass(frozen=True)
class SearchSettings:
    shard_bytes: int = Layout.shard_bytes  # see index.Layout
    inline_bytes: int = Layout.inline_bytes
    background: bool = True  # index beside the page writing, in another process, where that is safe

    @classmethod
    def from_pelican(cls, settings):
        return read_group(cls, settings, PREFIX)

    def layout(self):
        return Layout(shard_bytes=self.shard_bytes, inline_bytes=self.inline_bytes)


def source_of(article, root, lang):
    """What the search takes from a Pelican article: its text as Pelican holds it, and what a result shows."""
    return Source(
        url=article.url[len(root):], title=article.title, kind=article.details.kind,
        date=article.date.strftime("%Y-%m-%d"), date_text=format_day(article.date, lang),
        summary_html=article.summary if article.metadata.get("summary") else "",
        body_html=article.content, tags=tuple(tag.name for tag in getattr(article, "tags", ()) or ()))


def write_files(folder, files):
    """Replaces ``folder`` with ``files`` ({relative name: text}); returns the bytes written."""
    shutil.rmtree(folder, ignore_errors=True)
    made = set()
    written = 0
    for name, text in files.items():
        path = os.path.join(folder, name)
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)
    return written


def build_search(sites, root_of, pelican_settings, output_path, settings, report):
    """Reads every language's articles, writes its search data; returns what to log. ``report(label, done,
    total)`` is told how far it has come."""
    cache = DocumentCache.from_settings(pelican_settings)
    analyzer = Analyzer(cache.pieces)
    summary = []
    for lang, site in sites.items():
        root = root_of(lang)
        documents = []
        advance = stepper(report, f"Search ({lang}): articles read", len(site.articles))
        for article in site.articles:
            documents.append(cache.document(source_of(article, root, lang), analyzer.document))
            advance()
        files = search_files(lang, order(documents), analyzer.pieces, settings.layout())
        written = write_files(os.path.join(output_path, root, DATA_FOLDER), files)
        summary.append(f"Search ({lang}): {len(documents)} articles, {len(files)} files, "
                       f"{written / 1024:.0f} KB in {root}{DATA_FOLDER}/")
    cache.save(analyzer.pieces)
    return summary


class SearchIndexGenerator(Generator):
    """Starts the indexing when every generator has its context; its output phase waits for the result."""

    def generate_context(self):
        self.job = None

    def start(self):
        settings = SearchSettings.from_pelican(self.settings)
        runtime = self.context["archive_runtime"]
        task = partial(build_search, runtime.sites, runtime.settings.root, self.settings, self.output_path, settings)
        self.job = Job(lambda report: task(lambda *step: report("step", *step)), background=settings.background)

    def generate_output(self, writer):
        if self.job is None:
            self.start()
        with Progress() as progress:
            summary = self.job.wait(lambda message: progress.step(*message[1:]))
        for line in summary:
            say(line)


def start_indexing(generators):
    for generator in generators:
        if isinstance(generator, SearchIndexGenerator):
            generator.start()


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_indexing)
