"""Lao text in, one spelling and words out: the rules both the index and the query follow."""

import pytest

from lao_search.text import WHITESPACE, chunks, fold, folded, normalise, words

NAM = "ນ້ຳ"  # water: NO, tone MAI THO, SARA AM


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ນ້ຳ", NAM),
        ("ນ້ໍາ", NAM),  # tone, then NIGGAHITA + AA
        ("ນໍ້າ", NAM),  # NIGGAHITA, tone, AA: common in real text
        ("ນຳ້", NAM),  # tone typed after SARA AM
        ("ກໍານົດ", "ກຳນົດ"),
        ("ຫນັງສືພິມ", "ໜັງສືພິມ"),  # HO + NO as two letters
        ("ຫມາກ", "ໝາກ"),  # HO + MO as two letters
        ("ກະຊວງ\u200bເຕັກໂນໂລຊີ", "ກະຊວງເຕັກໂນໂລຊີ"),  # zero-width space
        ("ຂໍ້ມູນ\u00adຂ່າວ\u200dສານ\u2060", "ຂໍ້ມູນຂ່າວສານ"),  # soft hyphen, joiner, word joiner
        ("\ufeffລາວ", "ລາວ"),  # byte-order mark
        ("GovStack ແລະ ITU", "GovStack ແລະ ITU"),  # case is kept: snippets show text as written
        ("café", "café"),  # NFC
    ],
)
def test_normalise_gives_one_spelling(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ຫນັງສືພິມ", ["ໜັງສືພິມ"]),  # one dictionary word once normalised, not ຫນັງສື|ພິມ
        ("ນໍ້າ ນ້ໍາ ນຳ້", [NAM, NAM, NAM]),
        ("ການສ້າງຄວາມອາດສາມາດ", ["ການສ້າງ", "ຄວາມ", "ອາດ", "ສາມາດ"]),
        ("ສູນບໍລິຫານລັດດິຈິຕອນ ITU", ["ສູນ", "ບໍ", "ລິ", "ຫານ", "ລັດ", "ດິ", "ຈິ", "ຕອນ", "itu"]),
        ("ດິຈິຕອນ\u200bGovStack", ["ດິ", "ຈິ", "ຕອນ", "govstack"]),  # scripts split even with no space left
        ("ປີ 2023 ມີ 5G", ["ປີ", "2023", "ມີ", "5", "g"]),
        ("ປະຊຸມ (ITU).", ["ປະຊຸມ", "itu"]),  # punctuation is not a word
        ("ນະຄອນຫລວງ Bogotá", ["ນະຄອນຫຼວງ", "bogota"]),  # words of the folded text
        ("ເດັກນ້ອຍໆ", ["ເດັກ", "ນ້ອຍໆ"]),
        ("Low-income U.S. countries don't", ["low", "income", "u", "s", "countries", "don", "t"]),
        ("", []),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_every_spelling_breaks_into_the_same_words():
    spellings = ["ໂຄງການນ້ຳສະອາດ ແລະ ໜັງສືພິມ", "ໂຄງການນໍ້າສະອາດ ແລະ ຫນັງສືພິມ", "ໂຄງການນ້ໍາສະອາດ ແລະ ຫນັງສືພິມ"]
    assert len({tuple(words(s)) for s in spellings}) == 1


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("ນະຄອນຫລວງ", "ນະຄອນຫຼວງ"),  # HO + LO, as many keyboards type HO + SEMIVOWEL LO
        ("ຫລາຍ", "ຫຼາຍ"),
        ("ອາເມຣິກາ", "ອາເມລິກາ"),  # RO of the older orthography is LO
        ("ຫຣ", "ຫລ"),  # RO becomes LO after HO + LO became HO + SEMIVOWEL LO: the reference normaliser's order
        ("Bogotá", "bogota"),  # accents of Latin letters are dropped
        ("naïve cafe\u0301 ÉTÉ", "naive cafe ete"),
        ("ŋ̈a", "ŋa"),
        ("ນ້ຳ ITU", "ນ້ຳ itu"),
    ],
)
def test_fold(typed, expected):
    assert folded(typed) == expected


def test_folding_keeps_lao_offsets():
    text = normalise("ນະຄອນຫລວງ ແລະ ອາເມຣິກາ ນໍ້າ")
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


def test_chunks_split_where_a_browser_splits_a_query():
    assert chunks("ກ ຂ\u3000ຄ\u00a0ງ\nຈ") == ["ກ", "ຂ", "ຄ", "ງ", "ຈ"]
    assert chunks("ກ\x1cຂ\x85ຄ") == ["ກ\x1cຂ\x85ຄ"]  # whitespace to Python, not to JavaScript's \\s
    assert "\u00a0" in WHITESPACE and "\x1c" not in WHITESPACE
