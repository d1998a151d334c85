"""What the build side (plugins/lao_search) makes of the agreement tables: JSON for js/test/agreement.test.mjs."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "plugins"))

from lao_search.index import Entry, build_index  # noqa: E402
from lao_search.pipeline import stem, trim  # noqa: E402
from lao_search.text import normalise, words  # noqa: E402

table = json.load(sys.stdin)
with open(os.path.join(HERE, "fixtures", "english-words.txt"), encoding="utf-8") as f:
    english = f.read().split()
entries = [Entry(**entry) for entry in table["entries"]]
json.dump({
    "normalise": [normalise(t) for t in table["texts"]],
    "words": [words(t) for t in table["texts"]],
    "trim": [trim(w) for w in table["trim"]],
    "stem": {w: stem(w) for w in english + table["lao_words"]},
    "index": build_index(entries),
}, sys.stdout, ensure_ascii=False)
