"""Term weights as lunr scores them: the build's own computation held to lunr.py's Builder."""

import random
from collections import Counter

from lunr.builder import Builder

from lao_search.bm25 import FIELDS, K1, SCALE, B, idf, weights
from lao_search.pipeline import lao_stemmer, lao_trimmer
from lao_search.text import words

ARTICLES = [
    {
        "title": "ຫນັງສືພິມ ດິຈິຕອນ",
        "tags": "ITU",
        "summary": "",
        "body": "ສູນບໍລິຫານລັດດິຈິຕອນ ນໍ້າສະອາດ ລັດ ລັດ",
        "pdf": "ລັດ ດິຈິຕອນ ນ້ຳສະອາດ ໃຫ້ ບ້ານ",
    },
    {
        "title": "Broadband for villages",
        "tags": "",
        "summary": "Villages connected",
        "body": "The team played away and connected 40 villages; the villages played along.",
    },
    {
        "title": "ການສະໜອງນ້ຳ",
        "tags": "ນ້ຳ\nITU",
        "summary": "ໂຄງການນ້ໍາສະອາດ",
        "body": "ລັດຖະບານ ສະຫນອງ ນ້ຳສະອາດ ໃຫ້ ບ້ານ. ບໍລິການ ດິຈິຕອນ ແລະ ລັດ. " * 3,
    },
    {"title": "ITU", "tags": "", "summary": "", "body": ""},
]


def fields_of(article):
    out = []
    for name, _boost in FIELDS:
        terms = [lao_stemmer_term(w) for w in words(article.get(name, ""))]
        out.append((dict(Counter(terms)), len(terms)))
    return tuple(out)


def lao_stemmer_term(word):
    from lao_search.pipeline import stem, trim

    return stem(trim(word))


def lunr_weights():
    """{(term, ref): summed field score in thousandths}, from lunr.py's own Builder."""
    builder = Builder()
    builder.pipeline.add(lao_trimmer, lao_stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, article in enumerate(ARTICLES):
        builder.add({"ref": str(ref), **{name: words(article.get(name, "")) for name, _ in FIELDS}})
    index = builder.build()
    terms = {posting["_index"]: term for term, posting in index.inverted_index.items()}
    out = Counter()
    for field_ref, vector in index.field_vectors.items():
        ref = int(field_ref.split("/")[1])  # lunr's field refs are "field/ref"
        for position, value in zip(vector.elements[::2], vector.elements[1::2], strict=True):
            out[terms[position], ref] += round(value * SCALE)
    return out


def test_weights_are_lunrs_field_scores_in_thousandths():
    weighed = weights([fields_of(a) for a in ARTICLES])
    theirs = lunr_weights()
    flat = {
        (term, ref): w
        for term in weighed.terms
        for ref, w in zip(weighed.refs_of(term), weighed.weights_of(term), strict=True)
    }
    assert set(flat) == set(theirs)
    for key, weight in flat.items():
        assert abs(weight - theirs[key]) <= len(FIELDS), key  # lunr rounds each field, this the sum once


def article(body, title=None):
    """Fields of an article whose body (and title) are {term: count}, every field ten terms long."""
    given = {"title": (title, 10) if title else ({}, 0), "body": (body, 10)}
    return tuple(given.get(name, ({}, 0)) for name, _boost in FIELDS)


def test_more_occurrences_weigh_more_a_title_more_than_a_body_and_a_short_field_more():
    weighed = weights([article({"x": 1}), article({"x": 3}), article({}, {"x": 1}), article({"y": 1})])
    refs, ws = weighed.refs_of("x"), weighed.weights_of("x")
    assert refs == [0, 1, 2]  # rising, and only where the term is
    assert weighed.refs_of("y") == [3] and weighed.refs_of("z") == [] == weighed.weights_of("z")
    assert ws[1] > ws[0]  # three times beats once
    assert ws[2] > ws[1]  # a title (boost 10) beats the body
    long_body = article({"x": 1})
    short_body = tuple(({"x": 1}, 2) if name == "body" else ({}, 0) for name, _boost in FIELDS)
    ws = weights([long_body, short_body]).weights_of("x")
    assert ws[1] > ws[0]  # once in a short body beats once in a long one


def formula(articles):
    """{(term, ref): weight}: lunr's score of each term in each field, one at a time in Python's floats, rounded to
    thousandths (Python's round: a half to even) and summed over the fields."""
    count = len(articles)
    df = Counter(term for fields in articles for counts, _length in fields for term in counts)
    averages = [sum(fields[f][1] for fields in articles) / count for f in range(len(FIELDS))]
    out = Counter()
    for ref, fields in enumerate(articles):
        for (counts, length), (_name, boost), average in zip(fields, FIELDS, averages, strict=True):
            norm = K1 * (1 - B + B * (length / average)) if counts else 0
            for term, tf in counts.items():
                score = idf(df[term], count) * ((K1 + 1) * tf) / (norm + tf)
                out[term, ref] += round(score * boost * SCALE) if boost != 1 else round(score * SCALE)
    return out


def test_weights_are_the_formula_to_the_thousandth_for_any_counts_and_lengths():
    rnd = random.Random(19)
    for _ in range(40):
        articles = []
        for _article in range(rnd.randint(1, 30)):
            fields = []
            for _field in FIELDS:
                counts = {
                    f"t{rnd.randint(0, 40)}": rnd.choice([1, 2, 3, rnd.randint(1, 100_000)])
                    for _ in range(rnd.randint(0, 6))
                }
                fields.append((counts, sum(counts.values()) + rnd.choice([0, 0, rnd.randint(1, 500)])))
            articles.append(tuple(fields))
        weighed = weights(articles)
        found = {
            (t, ref): w for t in weighed.terms for ref, w in zip(weighed.refs_of(t), weighed.weights_of(t), strict=True)
        }
        assert found == formula(articles)


def test_no_articles_no_weights():
    weighed = weights([])
    assert weighed.terms == [] and weighed.refs_of("x") == []
    assert weights([article({}), article({})]).terms == []  # articles without a term
