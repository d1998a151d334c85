"""Lao search: each language's search data, made from the articles Pelican reads (not from the pages it writes).

Pelican glue only: the signals, handing each article to the indexing of the build (indexing.py), and its result.
The work is in pure modules: text.py (spelling, folding, ICU words), segment.py (units, query words), extract.py
(HTML to text), documents.py (one article as the search sees it), bm25.py (term weights as lunr scores them),
substrings.py (which articles contain which Lao strings), codec.py and index.py (the files). Needs the archive
plugin, whose collected sites say which articles each language has.

The indexing runs beside Pelican (background.py): each article is handed over as Pelican reads it, and analysed
while Pelican reads the next; once every generator has its context, the list of each language's articles follows,
and the search data are made and written while Pelican writes the pages. The search generator's output phase
waits for them, and fails the build if the indexing failed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from archive import runtime_in, runtime_of
from archive.links import relative

from . import pdftext
from .indexing import MANIFEST, Indexer
from .progress import say
from .text import words

if TYPE_CHECKING:
    from pelican import Pelican
    from pelican.contents import Content
    from pelican.writers import Writer

INDEXER = "lao_search_indexer"  # its key in the context Pelican's generators share


def lend_readers(generator: Generator) -> None:
    """What the archive's checks borrow from the search: ICU's words (to relate articles) and the PDF reader (a
    PDF the search will read must open)."""
    runtime = runtime_in(generator.context)
    if runtime is not None:
        runtime.lend_words(words)
        runtime.add_opener((".pdf",), "opened as a PDF", open_pdf)


def open_pdf(path: str) -> bool:
    """Whether the PDF at ``path`` has a text layer (the archive keeps the answer with the file's other facts);
    raises ValueError (why) when it cannot be opened and read."""
    try:
        return pdftext.has_text_layer(path)
    except pdftext.PdfUnreadable as error:
        raise ValueError(str(error)) from None


def start_indexer(generator: Generator) -> None:
    """Before Pelican reads the articles: the indexer they will be given to."""
    runtime = runtime_of(generator)
    generator.context[INDEXER] = Indexer(generator.settings, generator.output_path, runtime.layout)


def give_article(content: Content) -> None:
    """Each article, as Pelican has read it."""
    context = getattr(content, "_context", None) or {}
    if isinstance(content, Article) and INDEXER in context:
        context[INDEXER].give(content)


def plan_indexing(generators: Sequence[Generator]) -> None:
    """Once every generator has its context: each language's articles."""
    context = generators[0].context
    context[INDEXER].plan(runtime_of(generators[0]).sites)


class SearchIndexGenerator(Generator):
    """Its output phase waits for the indexing and says what it wrote."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Writer) -> None:
        for line in self.context[INDEXER].result():
            say(line)


def get_generators(pelican: Pelican) -> type[SearchIndexGenerator]:
    return SearchIndexGenerator


def add_template_globals(generator: Generator) -> None:
    layout = runtime_of(generator).layout
    # {lang: where its search page finds its data}
    generator.env.globals["search_data"] = {
        lang: relative(layout.page(lang, "search"), layout.page(lang, "search_data")) for lang in layout.languages
    }
    generator.env.globals["search_manifest"] = MANIFEST


def register() -> None:
    signals.generator_init.connect(add_template_globals)
    signals.generator_init.connect(lend_readers)
    signals.article_generator_init.connect(start_indexer)
    signals.content_object_init.connect(give_article)
    signals.all_generators_finalized.connect(plan_indexing)
    signals.get_generators.connect(get_generators)
