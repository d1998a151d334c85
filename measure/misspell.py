"""Misspelt queries for the search-quality task: the development corpus's words as readers mistype them.

Made once from ``../shared/corpus/dev-queries.json`` with a fixed seed and kept in the repository
(``measure/data/misspelt-queries.json``), so that every run measures the same queries:

  lo-toneless  a Lao word typed without its tone marks (ການສື່ສານ -> ການສືສານ), from 3 code points typed
  lo-slip      a Lao word with one slip: a letter dropped, two in a row swapped, or one doubled, from 4 typed
  en-slip      an English word with one slip: dropped, swapped, doubled, or a neighbouring key, from 5 letters

Each is judged by the articles relevant to the word the reader meant (the dev query's own ``rel``), as the issue
that asked for them measured: a slip that gives the word back unchanged is not kept, but one that happens to spell
another string of the corpus is (a reader cannot know).

  python -m measure.misspell ../shared/corpus/dev-queries.json measure/data/misspelt-queries.json
"""

import argparse
import json
import random
import re
from collections.abc import Callable, Iterable
from typing import Any

TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
SEED = 2112
Query = dict[str, Any]  # a query of ../shared's dev-queries.json: kind, q, lang, rel
PER_KIND = 100
# Neighbours on a QWERTY keyboard, each letter's row and the keys beside it.
_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
NEIGHBOURS = {
    key: "".join(
        _ROWS[r][j]
        for r in range(max(0, row - 1), min(len(_ROWS), row + 2))
        for j in range(max(0, i - 1), min(len(_ROWS[r]), i + 2))
        if _ROWS[r][j] != key
    )
    for row, keys in enumerate(_ROWS)
    for i, key in enumerate(keys)
}


def toneless(word: str) -> str:
    return re.sub(f"[{TONES}]", "", word)


def slip(word: str, rnd: random.Random, keyboard: bool = False) -> str:
    """``word`` with one slip, chosen by ``rnd``: a letter dropped, two in a row swapped, one doubled, or (with
    ``keyboard``) one replaced by a neighbouring key."""
    kinds = ["drop", "swap", "double"] + (["key"] if keyboard else [])
    kind = rnd.choice(kinds)
    i = rnd.randrange(len(word))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "double":
        return word[: i + 1] + word[i:]
    if kind == "swap":
        i = min(i, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    near = NEIGHBOURS.get(word[i])
    return word[:i] + rnd.choice(near) + word[i + 1 :] if near else word


def make(queries: Iterable[Query], seed: int = SEED, per_kind: int = PER_KIND) -> list[Query]:
    """The misspelt queries: [{kind, q, meant, lang, rel}], ``per_kind`` of each kind at most."""
    rnd = random.Random(seed)
    lao = [q for q in queries if q["kind"] == "lo-word"]
    english = [q for q in queries if q["kind"] == "en-word"]
    out: list[Query] = []

    def add(kind: str, query: Query, typed: str) -> bool:
        if typed == query["q"]:
            return False
        out.append({"kind": kind, "q": typed, "meant": query["q"], "lang": query["lang"], "rel": query["rel"]})
        return True

    def fill(kind: str, pool: Iterable[Query], typing: Callable[[str], str]) -> None:
        shuffled = list(pool)
        rnd.shuffle(shuffled)
        made = 0
        for query in shuffled:
            if made < per_kind and add(kind, query, typing(query["q"])):
                made += 1

    fill("lo-toneless", (q for q in lao if toneless(q["q"]) != q["q"] and len(toneless(q["q"])) >= 3), toneless)
    fill("lo-slip", (q for q in lao if len(q["q"]) >= 4), lambda w: slip(w, rnd))
    fill("en-slip", (q for q in english if len(q["q"]) >= 5), lambda w: slip(w, rnd, keyboard=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("queries", help="dev-queries.json")
    parser.add_argument("out")
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = json.load(f)
    made = make(queries)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(made, f, ensure_ascii=False, indent=0)
        f.write("\n")
    kinds: dict[str, int] = {}
    for query in made:
        kinds[query["kind"]] = kinds.get(query["kind"], 0) + 1
    print(f"wrote {len(made)} misspelt queries to {args.out}: {kinds}")


if __name__ == "__main__":
    main()
