"""What the build side (plugins/lao_search) makes of the agreement tables: JSON for js/test/agreement.test.mjs.

Reads {"texts": [...], "trim": [...], "stem": [...], "entries": [...]} on stdin (js/test/tables.mjs) and writes
what normalise, words, trim and stem give, and the search data search_parts writes for the entries, as JSON.
Run with the project's Python (.venv/bin/python); plugins/ is put on sys.path here.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plugins"))

from lao_search.index import Entry, search_parts  # noqa: E402
from lao_search.pipeline import stem, trim  # noqa: E402
from lao_search.text import normalise, words  # noqa: E402


def main():
    table = json.load(sys.stdin)
    with open(os.path.join(HERE, "fixtures", "english-words.txt"), encoding="utf-8") as f:
        english = f.read().split()
    entries = [Entry(**entry) for entry in table["entries"]]
    json.dump({
        "normalise": [normalise(t) for t in table["texts"]],
        "words": [words(t) for t in table["texts"]],
        "trim": [trim(w) for w in table["trim"]],
        "stem": {w: stem(w) for w in english + table["stem"]},
        "english": english,
        "parts": search_parts("lo", entries, docs_per_part=2),
    }, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
