"""How much each term weighs in each article, as lunr scores it: BM25 per field, times the field's boost.

lunr.py's ``Builder`` computes the same numbers (tests/test_bm25.py holds the two to each other), but it runs its
pipeline on every occurrence of every word and keeps per-occurrence metadata: 92 s of a 10,000-article build.
This takes the term counts the archive has already made, once per distinct word. A query's score of an article
is the sum of its terms' weights there (lunr's dot product of the query and field vectors; see docs/search.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# The text of an issue's or edition's PDF is a field of its own, weighed as a body is: BM25 measures a field's
# length against that field's average, and a PDF (a whole issue) may be a hundred times an article's length. In the
# body it would raise the average every article's body is measured against, and bury the issue's own introduction.
# Text read by machine from scans and image-only PDFs (OCR) is a field of its own too, weighed half as much: a match
# in it ranks after the same match in typed text, which has no misread letters.
FIELDS = (("title", 10), ("tags", 5), ("summary", 2), ("body", 1), ("pdf", 1), ("scan", 0.5))
K1 = 1.2  # lunr's defaults
B = 0.75
SCALE = 1000  # lunr keeps three decimals of each field's score: weights are whole thousandths, rounded once


def idf(documents_with_term: int, count: int) -> float:
    """lunr's inverse document frequency; a term in two fields of one article counts twice, as in lunr."""
    x = (count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


@dataclass(frozen=True, eq=False)
class Weights:
    """Every term's articles and its weight in each: term ``n`` of ``terms`` (in the order the articles first
    have them) has the articles ``refs[starts[n]:starts[n + 1]]``, rising, and the weights at the same places of
    ``weights``."""

    terms: list[str]
    number: dict[str, int]  # {term: its place in ``terms``}
    starts: np.ndarray
    refs: np.ndarray
    weights: np.ndarray

    def refs_of(self, term: str) -> list[int]:
        """The articles that have ``term`` (none: [])."""
        n = self.number.get(term)
        return [] if n is None else self.refs[self.starts[n] : self.starts[n + 1]].tolist()

    def weights_of(self, term: str) -> list[int]:
        """Its weight in each of them."""
        n = self.number.get(term)
        return [] if n is None else self.weights[self.starts[n] : self.starts[n + 1]].tolist()


def weights(articles: Sequence[Sequence[tuple[Mapping[str, int], int]]]) -> Weights:
    """Every term's articles and weights over ``articles``: for each, one ({term: count}, length) pair per field of
    FIELDS. An article's ref is its position.

    A weight is the sum over fields of lunr's score in whole thousandths (lunr keeps three decimals; it may round a
    tie the other way). Each field's scores are computed for all its terms at once (numpy), the same operations in
    the same order as lunr's on the same 64-bit floats, for any count of any term: at 10,000 news, 1.1 s for both
    languages where a loop over each field's terms took 2.6 s. Its arrays take 130 MB at their largest for the 5,000
    Lao news (2 million counts), let go before the rest of the search data are made; what it returns, 32 MB, is what
    the lists it replaces kept until the data were written, 94 MB."""
    import numpy as np  # here: the indexing's process needs it, not Pelican's and those it forks (15 MB each)

    count = len(articles)
    terms = list(dict.fromkeys(chain.from_iterable(counts for fields in articles for counts, _length in fields)))
    number = dict(zip(terms, range(len(terms)), strict=True))
    df = np.zeros(len(terms), np.int64)
    found = []  # (field, the term of each count, the count, how many terms each article has there, its length)
    for f in range(len(FIELDS)):
        counts = [fields[f][0] for fields in articles]
        sizes = np.fromiter(map(len, counts), np.int64, count)
        total = int(sizes.sum())
        if total:
            ids = np.fromiter(map(number.__getitem__, chain.from_iterable(counts)), np.int32, total)
            tf = np.fromiter(chain.from_iterable(each.values() for each in counts), np.float64, total)
            length = np.fromiter((fields[f][1] for fields in articles), np.float64, count)
            df += np.bincount(ids, minlength=len(terms))
            found.append((f, ids, tf, sizes, length))
    idfs = np.array([idf(n, count) for n in df.tolist()], np.float64)
    keys: list[np.ndarray] = []  # term * count + ref of each score
    scores: list[np.ndarray] = []
    while found:
        f, ids, tf, sizes, length = found.pop(0)  # each field's arrays let go once scored
        refs = np.repeat(np.arange(count, dtype=np.int64), sizes)
        norm = K1 * (1 - B + B * (length / (length.sum() / count)))
        # score = idf * ((k1 + 1) * tf) / (norm + tf); score *= boost; then in thousandths
        score = idfs[ids] * ((K1 + 1) * tf) / (norm[refs] + tf)
        if FIELDS[f][1] != 1:  # a product by 1 changes nothing
            score *= FIELDS[f][1]
        keys.append(ids * np.int64(count) + refs)
        scores.append(np.rint(score * SCALE).astype(np.int32))  # rint rounds a half to even, as Python's round
    if not keys:
        empty = np.zeros(0, np.int64)
        return Weights([], {}, np.zeros(1, np.int64), empty, empty)
    key = np.concatenate(keys)
    del keys
    order = np.argsort(key, kind="stable")
    key = key[order]
    score = np.concatenate(scores)[order]
    del scores, order
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])  # a term's scores in one article, one per field
    term, refs = np.divmod(key[first], count)
    summed = np.add.reduceat(score.astype(np.int64), first)
    starts = np.searchsorted(term, np.arange(len(terms) + 1))
    return Weights(terms, number, starts, refs, summed)
