"""What the build side (plugins/lao_search) makes of the tables the JS tests share with it, as JSON.

Reads on stdin {"texts", "trim", "stem", "segment": {"words", "texts"}, "block", "numbers", "sets", "postings",
"near", "closeSpellings": {"lao", "latin"}, "sites": {name: [article, ...]}, "folder"} (js/test/tables.mjs and the
tests) and writes what normalise, folded, words, trim, stem, units, segment, the codec and the close spellings'
skeleton, deletions, neighbourhood and toned give, and builds each site's search data (index.search_files) into
<folder>/<name>/. Run with the project's Python (.venv/bin/python), where the plugins are installed.
"""

import json
import os
import sys

from lao_search import codec
from lao_search.documents import Analyzer, Source
from lao_search.index import Layout, order, search_files
from lao_search.indexing import write_files
from lao_search.near import LAO_SHORTEST, LATIN_SHORTEST, deletions, neighbourhood, skeleton, toned
from lao_search.pipeline import stem, trim
from lao_search.segment import lao_units, segment, units
from lao_search.text import folded, normalise, words

HERE = os.path.dirname(os.path.abspath(__file__))

# Small shards and records, so that the tests cross shard boundaries and load records from files of their own (and
# of the commonest words' from theirs); the close and the toned spellings too are cut into several shards.
SMALL = Layout(shard_bytes=300, inline_bytes=24, common=4, near_bytes=200)


def build_site(articles, folder, lang):
    """Search data of ``articles`` ({url, title, kind, date, date_text, summary_html, body_html, tags}) into
    ``folder``."""
    analyzer = Analyzer()
    documents = [
        analyzer.document(Source(**{**article, "tags": tuple(article.get("tags", ()))})) for article in articles
    ]
    write_files(folder, search_files(lang, order(documents), analyzer.pieces, SMALL))


def main():
    table = json.load(sys.stdin)
    with open(os.path.join(HERE, "fixtures", "english-words.txt"), encoding="utf-8") as f:
        english = f.read().split()
    vocabulary = set(table["segment"]["words"])
    longest = max(map(len, vocabulary), default=1)
    for name, site in table.get("sites", {}).items():
        build_site(site["articles"], os.path.join(table["folder"], name), site.get("lang", "lo"))
    json.dump(
        {
            "normalise": [normalise(t) for t in table["texts"]],
            "folded": [folded(t) for t in table["texts"]],
            "words": [words(t) for t in table["texts"]],
            "units": [units(t) for t in table["texts"]],
            "laoUnits": [lao_units(t) for t in table["texts"]],
            "trim": [trim(w) for w in table["trim"]],
            "stem": {w: stem(w) for w in english + table["stem"]},
            "english": english,
            "segment": [segment(t, vocabulary.__contains__, longest) for t in table["segment"]["texts"]],
            "blockUnits": [units(t) for t in table["block"]],
            "blockTrim": [trim(t) for t in table["block"]],
            "numbers": codec.numbers(table["numbers"]),
            "sets": [codec.int_set(codec.int_of_refs(refs)) for refs in table["sets"]],
            "postings": [codec.postings(p["refs"], p["weights"]) for p in table["postings"]],
            "skeleton": [skeleton(t) for t in table["near"]],
            "deletions": [[sorted(deletions(t, times)) for times in (1, 2)] for t in table["near"]],
            "shortest": {"lao": LAO_SHORTEST, "latin": LATIN_SHORTEST},
            "neighbourhood": neighbourhood(
                dict.fromkeys(table["closeSpellings"]["lao"], 1), dict.fromkeys(table["closeSpellings"]["latin"], 1)
            ),
            "toned": toned(dict.fromkeys(table["closeSpellings"]["lao"], 1)),
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
