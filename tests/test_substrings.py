"""Which articles contain which Lao strings: every key with every article whose folded text holds it."""

from itertools import pairwise

from lao_search.segment import units
from lao_search.substrings import PAIR, UNIT, WORD, chunk_keys, containing, unit_keys
from lao_search.text import chunk_pieces, chunks, folded

ARTICLES = ["ລັດຖະບານ ສະໜອງ ນ້ຳສະອາດ", "ການສະໜອງບໍລິການ ລັດດິຈິຕອນ ITU", "ສະໜ ອງ ແຍກກັນ ດິຈິຕອນ", "ໜັງສືພິມ ເດີ ດີ"]


def test_keys_of_a_chunk_are_its_words_and_the_pairs_icu_put_side_by_side():
    pieces = chunk_pieces("ລັດດິຈິຕອນitu")
    keys = chunk_keys(pieces)
    words = [p for _, p in pieces if p != "itu"]
    assert all(keys[w] & WORD for w in words)
    assert all(keys[a + b] & PAIR for a, b in pairwise(words))
    assert "itu" not in keys and not any("itu" in k for k in keys)  # Lao keys only
    assert chunk_keys([(0, "ລັດ"), (4, "ດິ")]) == {"ລັດ": WORD, "ດິ": WORD}  # not side by side: no pair


def test_unit_keys_are_units_two_and_three_in_a_row_and_letters_and_two_in_a_row():
    units = {"ສັ", "ນ", "ຍາ", "ສັນ", "ນຍາ"}
    letters = {"ສ", "ັ", "ນ", "ຍ", "າ", "ສັ", "ັນ", "ນຍ", "ຍາ"}
    ends = {"ັນຍາ"}  # the end of ສັ with the units after it (that of ຍາ is a letter)
    assert unit_keys("ສັນຍາ ITU") == dict.fromkeys(units | letters | ends | {"ສັນຍາ"}, UNIT)


def test_unit_keys_are_kept_also_from_after_the_vowels_written_before_their_consonant():
    # ເເ typed for ແ: a query that begins at the second ເ, or at ຊ, still begins a key
    keys = unit_keys("ເເຊິງ")
    assert {"ເເຊິ", "ເຊິ", "ຊິ", "ເເຊິງ", "ເຊິງ", "ຊິງ"} <= set(keys)
    assert "ິງ" in keys  # two letters in a row, as ever
    assert "ິ" in keys and "ງ" in keys


def test_unit_keys_are_kept_also_from_inside_a_unit_with_the_three_units_after_it():
    # ັດຕັ້ງ: ຈັດຕັ້ງ (to organise) with its first letter left out, as a reader may type it; and ້ງຂຶ້ນ, begun at
    # a tone mark. At the end of the run, fewer units follow.
    keys = unit_keys("ຈັດຕັ້ງຂຶ້ນ")
    assert {"ັດຕັ້ງ", "ັ້ງຂຶ້ນ", "້ງຂຶ້ນ", "ຶ້ນ", "້ນ"} <= set(keys)
    assert "ັດຕັ້ງຂຶ້" not in keys  # the end of a unit and three units, no more
    # a run that begins inside a unit (a vowel sign after a Latin letter): from its first letter on
    assert "ັດຕັ້ງ" in unit_keys("Xັດຕັ້ງ")


def test_every_key_has_every_article_that_contains_it_anywhere():
    texts = [folded(t) for t in ARTICLES]
    pieces = {chunk: chunk_pieces(chunk) for text in texts for chunk in chunks(text)}
    articles = {chunk: sum(1 << ref for ref, text in enumerate(texts) if chunk in text.split()) for chunk in pieces}
    kinds, found, _parts = containing(pieces, articles.__getitem__)
    assert set(kinds) == set(found)
    for key, bits in found.items():
        assert bits == sum(1 << ref for ref, text in enumerate(texts) if key in text), key
    assert found["ສະໜອງ"] == 0b11  # alone in 0, inside ການສະໜອງ in 1, apart in 2
    assert found["ດີ"] == 0b1000 and kinds["ດີ"] & WORD  # ເດີ holds ດີ as letters: a key's articles hold its letters
    assert all(u in found for u in units("ດິຈິຕອນ"))
    assert found["ີ"] == 0b1000  # a letter alone is a key: only article 3 writes ີ


def test_a_set_many_keys_share_is_kept_once():
    """One object (its text then written once, codec.SetTexts); articles numbered from 1000, as Python itself
    shares small numbers."""
    texts = [folded(t) for t in ARTICLES]
    pieces = {chunk: chunk_pieces(chunk) for text in texts for chunk in chunks(text)}
    articles = {
        chunk: sum(1 << 1000 + ref for ref, text in enumerate(texts) if chunk in text.split()) for chunk in pieces
    }
    _kinds, found, _parts = containing(pieces, articles.__getitem__)
    assert len({id(bits) for bits in found.values()}) == len(set(found.values())) < len(found)


def test_no_chunks_no_keys():
    assert containing({}, {}.get) == ({}, {}, {})
