"""Lists of article numbers and weights as the browser reads them (js/src/codec.js; js/test/agreement.test.mjs
decodes what this encodes)."""
import random

import pytest

from lao_search.codec import gaps, int_of_refs, int_set, number, numbers, postings, ref_set, refs_of_int


@pytest.mark.parametrize("value, text", [(0, "A"), (1, "B"), (31, "f"), (32, "gB"), (1023, "_f"), (1024, "ggB")])
def test_a_number_is_five_bits_a_character_lowest_first(value, text):
    assert number(value) == text


def test_numbers_and_gaps():
    assert numbers([0, 1, 31]) == "ABf"
    assert gaps([3, 4, 9]) == [3, 0, 4]
    assert gaps([]) == []


def test_a_set_is_its_gaps_or_a_bitmap_whichever_is_shorter():
    assert ref_set([3, 4, 9]) == "DAE"
    dense = list(range(0, 300, 2))
    assert ref_set(dense).startswith("!") and len(ref_set(dense)) < len(numbers(gaps(dense)))
    assert ref_set([]) == int_set(0) == ""


def test_sets_from_lists_and_from_integers_agree():
    rnd = random.Random(5)
    for _ in range(200):
        refs = sorted(rnd.sample(range(3000), rnd.randint(1, 2500)))
        bits = int_of_refs(refs)
        assert bits == sum(1 << ref for ref in refs)
        assert refs_of_int(bits) == refs
        assert int_set(bits) == ref_set(refs)


def test_postings_count_gaps_then_weights():
    assert postings([0, 5], [1000, 70000]) == "C" + "AE" + number(1000) + number(70000)
    assert postings([], []) == ""
