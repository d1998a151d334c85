"""Lists of article numbers and weights as the browser reads them (js/src/codec.js; js/test/agreement.test.mjs
decodes what this encodes)."""

import random

import pytest

from lao_search.codec import FEW_BITS, SetTexts, gaps, gaps_of_int, int_of_refs, int_set, number, numbers, postings


@pytest.mark.parametrize("value, text", [(0, "A"), (1, "B"), (31, "f"), (32, "gB"), (1023, "_f"), (1024, "ggB")])
def test_a_number_is_five_bits_a_character_lowest_first(value, text):
    assert number(value) == text


def test_numbers_and_gaps():
    assert numbers([0, 1, 31]) == "ABf"
    assert gaps([3, 4, 9]) == [3, 0, 4]
    assert gaps([]) == []


def test_a_set_is_its_gaps_or_a_bitmap_whichever_is_shorter():
    assert int_set(int_of_refs([3, 4, 9])) == "DAE"
    dense = list(range(0, 300, 2))
    assert int_set(int_of_refs(dense)).startswith("!")
    assert len(int_set(int_of_refs(dense))) < len(numbers(gaps(dense)))
    assert int_set(0) == ""


def test_sets_as_integers_and_their_gaps():
    rnd = random.Random(5)
    for _ in range(200):  # a few (made bit by bit) and many (made as bytes)
        refs = sorted(rnd.sample(range(3000), rnd.choice([rnd.randint(1, 64), rnd.randint(65, 2500)])))
        bits = int_of_refs(refs)
        assert bits == sum(1 << ref for ref in refs)
        assert gaps_of_int(bits) == gaps(refs)
    for count in (0, FEW_BITS, FEW_BITS + 1):  # the gaps of a few bits are found bit by bit, of more from the digits
        refs = sorted(rnd.sample(range(3000), count))
        assert gaps_of_int(int_of_refs(refs)) == gaps(refs)


def test_postings_count_gaps_then_weights():
    assert postings([0, 5], [1000, 70000]) == "C" + "AE" + number(1000) + number(70000)
    assert postings([], []) == ""


def test_sets_asked_for_again_give_the_same_text_and_what_is_kept_stays_bounded():
    rng = random.Random(7)
    sets = [sum(1 << r for r in rng.sample(range(5000), rng.randint(1, 300))) for _ in range(40)] + [0]
    texts = SetTexts(limit=20_000)  # a few sets' worth: begun again many times
    asked = [rng.choice(sets) for _ in range(2000)]
    assert [texts[bits] for bits in asked] == [int_set(bits) for bits in asked]
    assert texts.size <= 20_000 + 5000 // 8 + 2000 + 200 and len(texts) < len(sets)
