"""The archive plugin: the content model, its checks, both languages' listing pages and the interface strings.

Pelican glue only; the logic is in schema.py (what content may say), metadata.py (reading it), validate.py,
links.py, collect.py, listings.py, strings.py, dates.py and reading.py (Pelican's Markdown reader, its Markdown kept).
"""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator

from . import cite, contentcache, dates, linkeddata, machinetext, palette, policy
from .collect import Article, LanguageSite, WordsOf, collect, prepare, simple_words, tag_slug
from .filefacts import NAME as FILE_FACTS
from .filefacts import FileFacts
from .layout import SiteLayout
from .listings import ListingGenerator, item_trail
from .metadata import read_source
from .reading import start_reading_ahead, stop_reading_ahead, use_kept_markdown
from .sanitise import clean_body, clean_summary, locate
from .schema import Schema
from .settings import ArchiveSettings
from .strings import Strings
from .validate import (
    Problem,
    active_file_problems,
    check_sources,
    content_files,
    extension_problems,
    file_in,
    link_problems,
    read_sources,
)

if TYPE_CHECKING:
    from jinja2.runtime import Context
    from pelican import Pelican
    from pelican.generators import Generator
    from pelican.settings import Settings

    from .listings import Trail

log = logging.getLogger(__name__)
CITATIONS = "citations.json"  # in the cache folder: the citation forms of the last build (cite.Citations)


class ContentError(Exception):
    """The content folder has problems; the message lists every one, a line each, with file and line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(
            f"{len(problems)} {noun} in the content; nothing was published:\n" + "\n".join(f"  {p}" for p in problems)
        )


class Runtime:
    """What one build of the archive shares: settings, strings and, once collected, each language's site."""

    def __init__(self, pelican_settings: Settings) -> None:
        self.settings = ArchiveSettings.from_pelican(pelican_settings)
        self.layout = SiteLayout.from_pelican(pelican_settings)  # where every page and folder of the site is
        self.schema = Schema(self.settings.languages)
        names = self.schema.strings()
        for lang, row in self.settings.names().items():  # the operator's names (publisher, journal, newspaper)
            names.setdefault(lang, {}).update(row)
        self.strings = Strings.load(self.settings.strings_path(pelican_settings["THEME"]), names)
        self.sites: dict[str, LanguageSite] = {}
        self.words: WordsOf = simple_words  # what relates articles; the lao_search plugin gives ICU's word breaker
        # {suffixes: (what is done, open)} of the files the other plugins read and so check: lao_search opens PDFs,
        # images reads pictures (validate.check_sources); set on every generator's start, so a dict, not a list
        self.openers: dict[tuple[str, ...], tuple[str, Callable[[str], object]]] = {}
        # what opening and reading the content's files taught (filefacts.py): the checks and the images plugin
        # ask it, and it answers from the last build for a file that has not changed
        self.cache_path: str = pelican_settings.get("CACHE_PATH") or "cache"
        self.files = FileFacts.load(os.path.join(self.cache_path, FILE_FACTS))
        self.all_articles: list[Article] = []  # every article of the build, drafts and hidden ones too, once read
        # folders other plugins write that search engines must not read (robots.txt)
        self.hidden_folders: set[str] = set()
        # Problem: what the build changed in the content without failing (sanitised bodies)
        self.warnings: list[Problem] = []
        self.theme = pelican_settings["THEME"]
        self.palette = palette.read(self.theme)  # the colours site.css declares, for the manifest and theme-color
        self.timezone = pelican_settings.get("TIMEZONE") or "UTC"
        # the site's address in what is cited (RIS, BibTeX, the citation line): a published build's, else none
        self.cited_url = "" if pelican_settings.get("RELATIVE_URLS") else pelican_settings.get("SITEURL", "")

    # What the other plugins lend the archive, each by a method of its own (their signals run before the archive's
    # checks read the content): ICU's word breaker, the opening of the files they read, the folders they write.

    def lend_words(self, words: WordsOf) -> None:
        """What relates articles (lao_search: ICU's words; otherwise simple_words)."""
        self.words = words

    def add_opener(self, suffixes: tuple[str, ...], what: str, open_file: Callable[[str], object]) -> None:
        """Files with ``suffixes`` must open with ``open_file`` (``what``: "opened as a PDF"), which raises
        ValueError saying why not; the checks try every such file (validate.check_sources)."""
        self.openers[suffixes] = (what, open_file)

    def hide_folder(self, folder: str) -> None:
        """A folder of the site search engines must not read (robots.txt)."""
        self.hidden_folders.add(folder)

    def facts(self, lang: str, site_url: str) -> linkeddata.Facts:
        """What the structured data of ``lang``'s pages are made with (linkeddata.py)."""
        return linkeddata.Facts(
            site_url=site_url,
            lang=lang,
            schema=self.schema,
            settings=self.settings,
            site_name=self.strings.get(lang, "site.name"),
            home=self.layout.url(lang, "home"),
            search=self.layout.url(lang, "search"),
            logo=self.settings.publisher_logo or f"{self.layout.theme}/favicon.svg",
            timezone=self.timezone,
        )

    @cached_property
    def citations(self) -> cite.Citations:
        """Every item's citation forms (cite.py), made once a build and kept between builds in the cache folder."""
        source = cite.Source(self.schema, self.settings, self.cited_url, self.settings.citation_style_path(self.theme))
        return cite.Citations(source, os.path.join(self.cache_path, CITATIONS))


RUNTIME = "archive_runtime"  # its key in the context Pelican's generators share


def runtime_of(generator: Generator) -> Runtime:
    """The build's runtime, made by the first generator that asks. Generators of one build share one context dict;
    a new build starts a new one, so edits are seen."""
    context = generator.context
    if RUNTIME not in context:
        context[RUNTIME] = Runtime(generator.settings)
    return context[RUNTIME]


def runtime_in(context: Mapping[str, Any]) -> Runtime | None:
    """The build's runtime in a context (a generator's, or the one an article was read with), if it was made."""
    return context.get(RUNTIME)


def check_content(generator: Generator) -> None:
    """Before Pelican reads anything: every Markdown file under content/, checked; any problem stops the build."""
    runtime = runtime_of(generator)
    root = generator.path
    schema = runtime.schema
    sources, unreadable = read_sources(root, runtime.settings.content_extensions, schema.multiline)
    openers = [
        (suffixes, what, _opener(runtime.files, root, what, open_file))
        for suffixes, (what, open_file) in runtime.openers.items()
    ]
    problems = unreadable + check_sources(
        sources,
        schema,
        file_in(root),
        size=lambda target: os.path.getsize(os.path.join(root, target)),
        openers=openers,
        read_text=lambda text: machinetext.read_pages(os.path.join(root, text)),
    )
    problems += _outside_articles(generator, sources)
    problems += link_problems(root)
    problems += extension_problems(sources, runtime.settings.content_extensions)
    problems += active_file_problems(root, generator.settings["STATIC_PATHS"])
    if problems:
        runtime.files.save()
        raise ContentError(sorted(set(problems)))


def _opener(files: FileFacts, root: str, what: str, open_file: Callable[[str], object]) -> Callable[[str], object]:
    """``open_file`` for a path under ``root``, kept as ``what``: a file unchanged since the last build is not opened
    again, its answer (or why it cannot be read) is the one kept."""
    return lambda target: files.learn(os.path.join(root, target), what, open_file)


def _outside_articles(generator: Generator, sources: Iterable[str]) -> Iterator[Problem]:
    """Markdown files Pelican would not read as articles (excluded or static folders) are errors, not skipped."""
    settings = generator.settings
    excluded = [*settings["ARTICLE_EXCLUDES"], *settings["STATIC_PATHS"], *settings.get("PAGE_PATHS", [])]
    for path in sources:
        folder = next((e for e in excluded if e and (path == e or path.startswith(e.rstrip("/") + "/"))), None)
        if folder is not None:
            yield Problem(
                path,
                1,
                f"is inside {folder!r}, which is not read as articles: move it to a kind's folder such as news/",
            )


# Where Pelican's articles generator keeps what it read: published, drafts and hidden, originals and translations.
ARTICLE_GROUPS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
# The order Pelican writes them in (ArticlesGenerator.generate_articles, then generate_drafts)
WRITTEN = ("translations", "articles", "hidden_translations", "hidden_articles", "drafts", "drafts_translations")


def every_article(generator: Generator) -> list[Article]:
    return [article for group in ARTICLE_GROUPS for article in getattr(generator, group, [])]


def collect_sites(generator: Generator) -> None:
    runtime = runtime_of(generator)
    runtime.all_articles = every_article(generator)
    prepare(runtime.all_articles, runtime.schema, generator.path)
    runtime.sites = collect([*generator.articles, *generator.translations], runtime.schema, runtime.words)


def check_everything_read(generator: Generator) -> None:
    """Pelican logs and skips a file it cannot process; here that stops the build instead."""
    runtime = runtime_of(generator)
    read = {os.path.relpath(a.source_path, generator.path).replace(os.sep, "/") for a in every_article(generator)}
    missing = [p for p in content_files(generator.path, runtime.settings.content_extensions) if p not in read]
    if missing:
        raise ContentError(
            [Problem(p, 1, "was not built: Pelican could not read it (see the messages above)") for p in missing]
        )


def add_template_helpers(generator: Generator) -> None:
    runtime = runtime_of(generator)

    def page_lang(ctx: Context) -> str:
        return ctx.get("page_lang") or ctx["article"].lang

    @pass_context
    def t(ctx: Context, key: str, **values: Any) -> str:
        return runtime.strings.get(page_lang(ctx), key, **values)

    def t_in(lang: str, key: str, **values: Any) -> str:
        """A text in another language than the page's (the language switcher names each language in itself)."""
        return runtime.strings.get(lang, key, **values)

    @pass_context
    def page_link(ctx: Context, name: str, lang: str | None = None, **values: Any) -> str:
        return runtime.layout.url(lang or page_lang(ctx), name, **values)

    @pass_context
    def feed(ctx: Context) -> str | None:
        """The URL of the page language's feed; None when it has no articles, and so no feed."""
        lang = page_lang(ctx)
        site = runtime.sites.get(lang)
        return runtime.layout.url(lang, "feed") if site and site.articles else None

    @pass_context
    def filesize(ctx: Context, value: int) -> str:
        return dates.format_size(value, page_lang(ctx))

    @pass_context
    def day(ctx: Context, value: datetime.date) -> str:
        return dates.format_day(value, page_lang(ctx))

    @pass_context
    def month(ctx: Context, value: datetime.date) -> str:
        return dates.format_month(value, page_lang(ctx))

    @pass_context
    def day_range(ctx: Context, start: datetime.datetime, end: datetime.datetime | None) -> str:
        return dates.format_range(start, end, page_lang(ctx))

    @pass_context
    def breadcrumb(ctx: Context) -> Trail:
        """[(name, site-relative URL, None for the page itself)] of the page's breadcrumb: one trail, shown and
        given to search engines alike."""
        if ctx.get("page_trail") is not None:
            return ctx["page_trail"]
        article = ctx.get("article")
        return item_trail(runtime, article) if article is not None else []

    @pass_context
    def page_path(ctx: Context) -> str:
        """The site-relative URL of the page being rendered, percent-encoded as every link to it is (a tag's page
        has the tag's Lao name in its file name): its canonical URL, og:url and the ``url`` of its data."""
        article = ctx.get("article")
        return article.details.url if article is not None else quote(ctx["output_file"].replace(os.sep, "/"))

    @pass_context
    def linked_data(ctx: Context) -> Markup:
        """The page's schema.org data blocks (linkeddata.py), for a build with absolute URLs."""
        facts = runtime.facts(page_lang(ctx), ctx["SITEURL"])
        article = ctx.get("article")
        if article is not None:
            # a PDF's first page, drawn by the images plugin: the picture of an edition that has no page images
            picture_of = ctx.get("picture_of")
            front = picture_of(article.details.pdf) if picture_of and article.details.values.get("pdf") else None
            nodes = linkeddata.item_nodes(article, facts, breadcrumb(ctx), front_page=front.src if front else None)
        elif ctx.get("page_name") == "home":
            nodes = linkeddata.website_nodes(facts)
        else:
            nodes = linkeddata.page_nodes(
                ctx.get("page_name"), ctx.get("page_title"), page_path(ctx), facts, breadcrumb(ctx)
            )
        return linkeddata.script_elements(nodes)

    @pass_context
    def highwire(ctx: Context) -> list[tuple[str, str]]:
        """Highwire ``citation_*`` tags [(name, content)] of a journal issue or an article in one; else none."""
        article = ctx.get("article")
        if article is None or not cite.is_journal(article, runtime.schema):
            return []
        return cite.highwire(runtime.citations.of(article).record)  # a published build's: its URLs are SITEURL's

    @pass_context
    def citation(ctx: Context) -> cite.Cited:
        return runtime.citations.of(ctx["article"]).cited(ctx["article"])

    generator.env.globals.update(
        breadcrumb=breadcrumb,
        page_path=page_path,
        linked_data=linked_data,
        highwire=highwire,
        citation=citation,
        t=t,
        t_in=t_in,
        link=page_link,
        feed=feed,
        languages=runtime.layout.languages,
        layout=runtime.layout,
        palette=runtime.palette,
        kinds=runtime.schema.kinds,
        tag_slug=tag_slug,
        content_security_policy=Markup(policy.render(policy.PAGES)),  # render() lets through no quote
    )
    generator.env.filters.update(day=day, month=month, day_range=day_range, iso_day=dates.iso_day, filesize=filesize)


def clean_html(content: Content) -> None:
    """Summary (the one field that is HTML, rendered from Markdown) and the body, sanitised as soon as Pelican has
    read them, before any page, feed, search index or picture uses them; what the body lost is a warning, logged
    and kept for `invoke check`. The body's links are still in their {static} form, which Pelican replaces later."""
    if "summary" in content.metadata:
        content.metadata["summary"] = clean_summary(content.metadata["summary"])
        content._summary = content.metadata["summary"]
    if not content._content:  # a static file
        return
    content._content, dropped = clean_body(content._content)
    if dropped:
        runtime = content._context[RUNTIME]
        path = os.path.relpath(content.source_path, content.settings["PATH"]).replace(os.sep, "/")
        with open(content.source_path, encoding="utf-8") as f:
            source = read_source(f.read(), runtime.schema.multiline)
        for line, part in locate(source.body, source.body_line, dropped):
            warning = Problem(path, line, f"warning: {part}")
            log.warning("%s", warning)
            runtime.warnings.append(warning)


def keep_file_facts(generators: Sequence[Generator]) -> None:
    """Once every generator has its context (the checks and the pictures have asked what they need)."""
    runtime = runtime_in(generators[0].context)
    if runtime is not None:
        runtime.files.save()


def start_citations(generators: Sequence[Generator]) -> None:
    """Before any page is written: the citation forms not kept are made beside the build (cite.Citations.start),
    in the order the item pages will ask for them."""
    runtime = runtime_in(generators[0].context)
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if runtime is not None and articles is not None:
        runtime.citations.start(a for group in WRITTEN for a in getattr(articles, group, []))


def forget_rendered_content(pelican: Pelican) -> None:
    """Pelican memoizes Content.get_content and get_summary in caches that live as long as the process, keyed by
    the articles: a preview (`make serve`) that builds again and again would keep every build's articles. A build
    that has finished needs none of them."""
    for name in ("get_content", "get_summary"):
        Content.__dict__[name].cache.clear()


def forget_stale_content_cache(pelican: Pelican) -> None:
    """Before anything is read: Pelican's content cache, if it was read with another Markdown (contentcache.py)."""
    contentcache.forget_if_stale(pelican.settings)


def get_generators(pelican: Pelican) -> type[ListingGenerator]:
    return ListingGenerator


def register() -> None:
    signals.initialized.connect(forget_stale_content_cache)
    signals.readers_init.connect(use_kept_markdown)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_init.connect(start_reading_ahead)  # first: converting while the content is checked
    signals.article_generator_init.connect(check_content)
    signals.article_generator_pretaxonomy.connect(stop_reading_ahead)
    signals.article_generator_pretaxonomy.connect(collect_sites)
    signals.article_generator_finalized.connect(check_everything_read)
    signals.content_object_init.connect(clean_html)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(keep_file_facts)
    signals.all_generators_finalized.connect(start_citations)
    signals.finalized.connect(forget_rendered_content)
