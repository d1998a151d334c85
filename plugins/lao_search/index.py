"""Build one lunr index per language, loadable by lunr.js 2.3, and the documents the browser shows.

Pure functions: entries in, JSON-ready data out. The Pelican glue is in ``__init__.py``.
"""
import json
from dataclasses import dataclass

from lunr.builder import Builder

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION

from .pipeline import STEMMER, lao_stemmer, lao_trimmer
from .text import normalise, words

FORMAT = 1
FIELDS = (("title", 10), ("tags", 5), ("summary", 2), ("body", 1))
RECEIVER = "LaoArchive.receive"  # the bundle's one global; see js/src/search-page.js


@dataclass(frozen=True)
class Entry:
    """One article as the search sees it: its fields' text and what a result shows."""

    url: str
    title: str
    kind: str
    date: str  # ISO date, for sorting and the year filter
    date_text: str  # the date as the page's language writes it
    tags: str = ""
    summary: str = ""
    body: str = ""

    def searchable_text(self):
        """Normalised text of every field, title first and tags last (a snippet shows what follows the title);
        the browser matches Lao queries against it."""
        return "\n".join(normalise(part) for part in (self.title, self.summary, self.body, self.tags) if part)


def build_index(entries):
    """The serialised lunr index over ``entries``; each document's ref is its position in the list."""
    builder = Builder()
    builder.pipeline.add(lao_trimmer, lao_stemmer)
    builder.search_pipeline.add(lao_stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, entry in enumerate(entries):
        doc = {name: words(getattr(entry, name)) for name, _ in FIELDS}
        builder.add({"ref": str(ref), **doc})
    if not entries:  # lunr.py cannot average field lengths over no documents; this is what it would write
        return {"version": LUNR_VERSION, "fields": [name for name, _ in FIELDS], "fieldVectors": [],
                "invertedIndex": [], "pipeline": [STEMMER]}
    return builder.build().serialize()


def document(entry):
    return {
        "url": entry.url,
        "title": entry.title,
        "kind": entry.kind,
        "date": entry.date,
        "dateText": entry.date_text,
        "text": entry.searchable_text(),
    }


def search_parts(lang, entries, docs_per_part):
    """The files of one language's search data, as {file name: payload}.

    ``index.js`` holds the lunr index and names the document parts; each ``docs-N.js`` holds a slice of the
    documents, so that a large archive can later load only the parts a query needs.
    """
    docs = [document(e) for e in entries]
    names = [f"docs-{n}.js" for n in range(max(1, -(-len(docs) // docs_per_part)))]
    parts = {
        "index.js": {"format": FORMAT, "lang": lang, "part": "index", "count": len(docs), "docParts": names,
                     "index": build_index(entries)},
    }
    for n, name in enumerate(names):
        start = n * docs_per_part
        parts[name] = {"format": FORMAT, "lang": lang, "part": name, "start": start,
                       "docs": docs[start:start + docs_per_part]}
    return parts


def as_script(payload):
    """A classic script that hands ``payload`` to the search page: pages opened from disk cannot fetch JSON."""
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # "</" would end a script element if this were ever inlined; U+2028/9 are line ends to old JS parsers.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{RECEIVER}({data});\n"
