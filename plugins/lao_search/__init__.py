"""Lao search: after the article pages are written, read their text back and write each language's index.

Pelican glue only; text.py (normalise, break into words), extract.py (HTML to fields), index.py (lunr index and
data files) do the work. Needs the archive plugin, whose collected sites say which articles each language has.
"""
import os
from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from archive.dates import format_day  # the archive plugin is a prerequisite (see above)
from archive.settings import read_group

from .extract import fields_of
from .index import Entry, as_script, search_parts

PREFIX = "LAO_SEARCH_"
DATA_FOLDER = "search-data"  # beside each language's search.html
PROGRESS_EVERY = 1000  # articles between two progress lines of a long build


@dataclass(frozen=True)
class SearchSettings:
    docs_per_part: int = 1000  # documents per docs-N.js file

    @classmethod
    def from_pelican(cls, settings):
        return read_group(cls, settings, PREFIX)


def entry_of(article, html, root, date_text):
    text = fields_of(html)
    return Entry(url=article.url[len(root):], title=text["title"] or article.title, kind=article.details.kind,
                 date=article.date.strftime("%Y-%m-%d"), date_text=date_text, tags=text["tags"],
                 summary=text["summary"], body=text["body"])


class SearchIndexGenerator(Generator):
    """Runs after the articles generator has written the pages it reads."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        settings = SearchSettings.from_pelican(self.settings)
        runtime = self.context["archive_runtime"]
        for lang, site in runtime.sites.items():
            root = runtime.settings.root(lang)
            entries = []
            for n, article in enumerate(site.articles, 1):
                with open(os.path.join(self.output_path, article.save_as), encoding="utf-8") as f:
                    entries.append(entry_of(article, f.read(), root, format_day(article.date, lang)))
                if n % PROGRESS_EVERY == 0:
                    print(f"Search ({lang}): {n} of {len(site.articles)} articles read", flush=True)
            folder = os.path.join(self.output_path, root, DATA_FOLDER)
            os.makedirs(folder, exist_ok=True)
            written = 0
            for name, payload in search_parts(lang, entries, settings.docs_per_part).items():
                script = as_script(payload)
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(script)
                written += len(script.encode("utf-8"))
            print(f"Search ({lang}): {len(entries)} articles indexed, {written / 1024:.0f} KB in {root}{DATA_FOLDER}/")


def get_generators(pelican):
    return SearchIndexGenerator


def register():
    signals.get_generators.connect(get_generators)
