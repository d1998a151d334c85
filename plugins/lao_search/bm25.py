"""How much each term weighs in each article, as lunr scores it: BM25 per field, times the field's boost.

lunr.py's ``Builder`` computes the same numbers (tests/test_bm25.py holds the two to each other), but it runs its
pipeline on every occurrence of every word and keeps per-occurrence metadata: 92 s of a 10,000-article build.
This takes the term counts the archive has already made, once per distinct word. A query's score of an article
is the sum of its terms' weights there (lunr's dot product of the query and field vectors; see docs/search.md).
"""

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import add, mul, truediv

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


def weights(
    articles: Sequence[Sequence[tuple[Mapping[str, int], int]]],
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """({term: [ref]}, {term: [weight]}) over ``articles``: for each, one ({term: count}, length) pair per field
    of FIELDS.

    An article's ref is its position, so each list rises; a weight is the sum over fields of lunr's score in whole
    thousandths (lunr keeps three decimals; it may round a tie the other way). The arithmetic of a field runs in
    ``map`` stages, the same operations in the same order as lunr's, for any count of any term.
    """
    count = len(articles)
    if not count:
        return {}, {}
    totals = [0] * len(FIELDS)
    field_df: Counter[str] = Counter()
    for fields in articles:
        for f, (counts, length) in enumerate(fields):
            totals[f] += length
            field_df.update(counts.keys())
    average = [total / count for total in totals]
    idfs = {term: idf(df, count) for term, df in field_df.items()}
    refs: defaultdict[str, list[int]] = defaultdict(list)
    weights_of: defaultdict[str, list[int]] = defaultdict(list)
    for ref, fields in enumerate(articles):
        summed: dict[str, int] | None = None
        for f in BODY_FIRST:
            counts, length = fields[f]
            if not counts:
                continue
            scores = _field_scores(counts, length / average[f], FIELDS[f][1], idfs)
            if summed is None:
                summed = scores
            else:
                for term, weight in scores.items():
                    summed[term] = summed.get(term, 0) + weight
        for term, weight in (summed or {}).items():
            refs[term].append(ref)
            weights_of[term].append(weight)
    return dict(refs), dict(weights_of)


BODY_FIRST = sorted(range(len(FIELDS)), key=lambda f: FIELDS[f][0] != "body")  # the long field first


def _field_scores(
    counts: Mapping[str, int], relative_length: float, boost: float, idfs: Mapping[str, float]
) -> dict[str, int]:
    """{term: thousandths} of one field of one article."""
    norm = K1 * (1 - B + B * relative_length)
    tfs = counts.values()
    # score = idf * ((k1 + 1) * tf) / (norm + tf); score *= boost; then in thousandths
    numerators = map(mul, map(idfs.__getitem__, counts), map(mul, repeat(K1 + 1), tfs))
    scores = map(truediv, numerators, map(add, repeat(norm), tfs))
    if boost != 1:  # a product by 1 changes nothing
        scores = map(mul, scores, repeat(boost))
    return dict(zip(counts, map(round, map(mul, scores, repeat(SCALE))), strict=True))
