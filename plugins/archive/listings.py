"""The listing pages of every language: home, one list per kind, years, tags, registration, search, feed.

A generator in Pelican's shape: the context is gathered by ``collect`` (see __init__.py), ``generate_output``
writes the pages. Pelican's own listing pages are switched off in pelicanconf.py, so both languages go through
this one path and look alike.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from pelican.generators import Generator

from .collect import Article, LanguageSite
from .dates import iso_day
from .fieldtypes import Kind
from .links import relative
from .sitemap import robots_txt, sitemap_xml

if TYPE_CHECKING:
    from pelican.writers import Writer

    from . import Runtime

# [(name, site-relative URL, or None for the page itself)]: a breadcrumb
Trail = list[tuple[str, str | None]]
# (site-relative URL, {lang: URL of each version}, lastmod ISO date or None)
SitemapPage = tuple[str, dict[str, str], str | None]


def item_trail(runtime: Runtime, article: Article) -> Trail:
    """The breadcrumb of an item's page: the home page, its kind's list, the journal issue it appears in."""
    strings, lang, details = runtime.strings, article.lang, article.details
    trail: Trail = [
        (strings.get(lang, "nav.home"), runtime.layout.url(lang, "home")),
        (strings.get(lang, f"kind.{details.kind}"), runtime.layout.url(lang, "kind", kind=details.kind)),
    ]
    issue = details.in_issue
    if issue is not None:
        trail.append((strings.get(lang, f"number.{issue.details.kind}", n=issue.details.number), issue.details.url))
    return trail


# A list's place under another page ({page name: (its parent's page name, the parent's title's string)}); a list
# named here is under the home page only.
PARENTS = {"year": ("archive", "archive.title"), "tag": ("tags", "tags.title")}


class ListingGenerator(Generator):
    def generate_context(self) -> None:
        pass  # the sites are collected when the articles are (article_generator_pretaxonomy)

    def generate_output(self, writer: Writer) -> None:
        from . import runtime_of  # the package's glue imports this module: asked for when run

        runtime = runtime_of(self)
        pages: list[SitemapPage] = []  # (URL, alternates, lastmod) of every page, for the sitemap
        for site in runtime.sites.values():
            pages += _LanguagePages(self, writer, runtime, site).write_all()
            pages += [(a.url, a.details.alternates, iso_day(a.date)) for a in site.articles]
        self._write_citations(runtime)
        layout, site_url = runtime.layout, self.settings["SITEURL"]
        if not self.settings["RELATIVE_URLS"]:  # a sitemap needs absolute URLs: publishing builds only
            self._write(layout.sitemap, sitemap_xml(site_url, pages))
            self._write(layout.robots, robots_txt(site_url, runtime.hidden_folders, layout.sitemap))

    def _write_citations(self, runtime: Runtime) -> None:
        """Every item's RIS and BibTeX beside its page (drafts' and hidden items' too: their pages link them); then
        the forms are kept for the next build (the item pages, written before this generator runs, made theirs)."""
        for article in runtime.all_articles:
            for path, text in runtime.citations.of(article).files(article).items():
                self._write(path, text)
        runtime.citations.save()

    def _write(self, name: str, text: str) -> None:
        """A file of the site that is no page (sitemap, robots.txt, a manifest), at ``name`` under the output."""
        target = os.path.join(self.output_path, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)


class _LanguagePages:
    def __init__(self, generator: ListingGenerator, writer: Writer, runtime: Runtime, site: LanguageSite) -> None:
        self.generator, self.writer, self.runtime, self.site = generator, writer, runtime, site
        self.lang = site.lang
        self.layout = runtime.layout
        self.others = [lang for lang in runtime.sites if lang != self.lang]
        self.written: list[SitemapPage] = []  # (URL, alternates, lastmod)

    def write_all(self) -> list[SitemapPage]:
        site, strings = self.site, self.runtime.strings
        self.page(
            "home",
            "home",
            strings.get(self.lang, "site.name"),
            {"sites": site, "latest": self.runtime.settings.home_latest},
        )
        for kind in self.runtime.schema.kinds.values():
            self.listing(
                ("kind", {"kind": kind.name}),
                strings.get(self.lang, f"kind.{kind.name}"),
                site.by_kind[kind.name],
                kind=kind,
            )
        self.page("archive", "archive", strings.get(self.lang, "archive.title"), {"years": site.by_year})
        for year, articles in site.by_year.items():
            alternates = {
                lang: self.layout.url(lang, "year", year=year)
                if year in self.runtime.sites[lang].by_year
                else self.layout.url(lang, "archive")
                for lang in self.runtime.sites
            }
            counts = {kind: sum(a.details.kind == kind for a in articles) for kind in self.runtime.schema.kinds}
            self.listing(
                ("year", {"year": year}),
                strings.get(self.lang, "archive.year", year=year),
                articles,
                alternates=alternates,
                grouping="month",
                kind_counts={kind: n for kind, n in counts.items() if n},
            )
        self.page("tags", "tags", strings.get(self.lang, "tags.title"), {"tags": site.by_tag})
        for slug, (name, articles) in site.by_tag.items():
            alternates = {lang: self.layout.url(lang, "tags") for lang in self.others}
            alternates[self.lang] = self.layout.url(self.lang, "tag", tag=slug)
            self.listing(
                ("tag", {"tag": slug}), strings.get(self.lang, "tags.one", tag=name), articles, alternates=alternates
            )
        self.page(
            "registration",
            "registration",
            strings.get(self.lang, "registration.title"),
            {"reports": site.registrations},
        )
        self.page(
            "search",
            "search",
            strings.get(self.lang, "search.title"),
            {
                "search_strings": strings.with_prefix(self.lang, "search."),
                # where the same query is counted in the other languages when nothing matches in this one: their
                # search pages and search data (site-relative)
                "other_searches": [
                    {
                        "lang": other,
                        "page": self.layout.url(other, "search"),
                        "data": self.layout.url(other, "search_data"),
                    }
                    for other in self.others
                ],
                "kind_names": {k: strings.get(self.lang, f"kind_one.{k}") for k in self.runtime.schema.kinds},
            },
        )
        self.page("notfound", "404", strings.get(self.lang, "notfound.title"), {}, listed=False)
        self.page("offline", "offline", strings.get(self.lang, "offline.title"), {}, listed=False)
        self.manifest()
        # Feeds of no articles are not written: their date would be the build's, and the site the same twice.
        feed_context = {**self.generator.context, "SITENAME": strings.get(self.lang, "site.name")}
        if site.articles:
            self.writer.write_feed(
                site.articles[:50],
                feed_context,
                self.layout.page(self.lang, "feed"),
                self.layout.url(self.lang, "feed"),
            )
        for name in (k for k in self.runtime.schema.kinds if site.by_kind[k]):
            self.writer.write_feed(
                site.by_kind[name][:50],
                feed_context,
                self.layout.page(self.lang, "kind_feed", kind=name),
                self.layout.url(self.lang, "kind_feed", kind=name),
                feed_title=strings.get(self.lang, f"kind.{name}"),
            )
        return self.written

    def manifest(self) -> None:
        """The web app manifest of this language's pages: its name, its start page, the icon, the colours."""
        path = self.layout.page(self.lang, "manifest")
        strings = self.runtime.strings
        manifest = {
            "name": strings.get(self.lang, "site.name"),
            "short_name": strings.get(self.lang, "site.short_name"),
            "description": strings.get(self.lang, "site.tagline"),
            "lang": self.lang,
            # the language's folder ("./"), which a server answers with its home page
            "start_url": relative(path, self.layout.folder(self.lang)),
            "scope": relative(path, self.layout.folder(self.lang)),
            "display": "browser",
            "background_color": self.runtime.palette.light["bg"],
            "theme_color": self.runtime.palette.light["header-bg"],
            "icons": [
                {
                    "src": relative(path, f"{self.layout.theme}/favicon.svg"),
                    "sizes": "any",
                    "type": "image/svg+xml",
                }
            ],
        }
        self.generator._write(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")

    SECTIONS: ClassVar[dict[str, str]] = {
        "registration": "registration",
        "archive": "archive",
        "year": "archive",
        "tags": "tags",
        "tag": "tags",
    }

    def _context(
        self, title: str, alternates: dict[str, str], name: str | None = None, kind: Kind | None = None
    ) -> dict[str, Any]:
        """What every page of this language is rendered with; ``page_section``: the menu item to mark, "page" when
        this is that item's own page, "true" when it is inside it (a year of the archive)."""
        context = {
            **self.generator.context,
            "page_lang": self.lang,
            "page_title": title,
            "page_alternates": alternates,
            "page_name": name,
            "page_trail": None,
        }
        section = kind.name if kind else self.SECTIONS.get(name or "")
        if section:
            own = name in ("kind", "registration", "archive", "tags")
            context.update(page_section=section, page_section_current="page" if own else "true")
        return context

    def page(self, name: str, template: str, title: str, values: dict[str, Any], listed: bool = True) -> None:
        """A page of this language; ``listed``: in the sitemap (a 404 page is not)."""
        alternates = {lang: self.layout.url(lang, name) for lang in self.runtime.sites}
        path = self.layout.page(self.lang, name)
        if listed:
            self.written.append((quote(path), alternates, None))
        self.writer.write_file(
            path,
            self.generator.get_template(template),
            self._context(title, alternates, name),
            relative_urls=self.generator.settings["RELATIVE_URLS"],
            **values,
        )

    def listing(
        self,
        target: tuple[str, dict[str, Any]],
        title: str,
        articles: list[Article],
        alternates: dict[str, str] | None = None,
        kind: Kind | None = None,
        grouping: str | None = None,
        kind_counts: dict[str, int] | None = None,
    ) -> None:
        """A list of ``articles``, paginated; ``grouping``: "month" (a year's page), "year-month" (a kind listed
        as editions), or none; ``kind_counts``: {kind: how many}, said under the title."""
        name, values = target
        path = self.layout.page(self.lang, name, **values)
        if alternates is None:
            alternates = {lang: self.layout.url(lang, name, **values) for lang in self.runtime.sites}
        self.written.append((quote(path), alternates, None))
        context = self._context(title, alternates, name, kind)
        context["page_trail"] = self.trail(name, title)
        self.writer.write_file(
            path,
            self.generator.get_template("listing"),
            context,
            relative_urls=self.generator.settings["RELATIVE_URLS"],
            paginated={"articles": articles},
            template_name="listing",
            url=quote(path),
            articles=articles,
            listing_style=kind.listing if kind else "cards",
            grouping=grouping or ("year-month" if kind and kind.listing == "editions" else None),
            kind_counts=kind_counts,
            page_feed=self.layout.url(self.lang, "kind_feed", kind=kind.name) if kind and articles else None,
        )

    def trail(self, name: str, title: str) -> Trail:
        """The breadcrumb of a list: the home page, the page it is under (a year: the archive), then itself."""
        strings = self.runtime.strings
        trail: Trail = [(strings.get(self.lang, "nav.home"), self.layout.url(self.lang, "home"))]
        if name in PARENTS:
            parent, parent_title = PARENTS[name]
            trail.append((strings.get(self.lang, parent_title), self.layout.url(self.lang, parent)))
        return [*trail, (title, None)]
