"""Lao text in, one spelling and words out: the rules both the index and the query follow."""
import pytest

from lao_search.text import normalise, words

NAM = "ນ້ຳ"  # water: NO, tone MAI THO, SARA AM


@pytest.mark.parametrize("typed, expected", [
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
])
def test_normalise_gives_one_spelling(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize("text, expected", [
    ("ຫນັງສືພິມ", ["ໜັງສືພິມ"]),  # one dictionary word once normalised, not ຫນັງສື|ພິມ
    ("ນໍ້າ ນ້ໍາ ນຳ້", [NAM, NAM, NAM]),
    ("ການສ້າງຄວາມອາດສາມາດ", ["ການສ້າງ", "ຄວາມ", "ອາດ", "ສາມາດ"]),
    ("ສູນບໍລິຫານລັດດິຈິຕອນ ITU", ["ສູນ", "ບໍ", "ລິ", "ຫານ", "ລັດ", "ດິ", "ຈິ", "ຕອນ", "itu"]),
    ("ດິຈິຕອນ\u200bGovStack", ["ດິ", "ຈິ", "ຕອນ", "govstack"]),  # scripts split even with no space left
    ("ປີ 2023 ມີ 5G", ["ປີ", "2023", "ມີ", "5", "g"]),
    ("ປະຊຸມ (ITU).", ["ປະຊຸມ", "itu"]),  # punctuation is not a word
    ("ເດັກນ້ອຍໆ", ["ເດັກ", "ນ້ອຍໆ"]),
    ("Low-income U.S. countries don't", ["low", "income", "u", "s", "countries", "don", "t"]),
    ("", []),
])
def test_words(text, expected):
    assert words(text) == expected


def test_every_spelling_breaks_into_the_same_words():
    spellings = ["ໂຄງການນ້ຳສະອາດ ແລະ ໜັງສືພິມ", "ໂຄງການນໍ້າສະອາດ ແລະ ຫນັງສືພິມ", "ໂຄງການນ້ໍາສະອາດ ແລະ ຫນັງສືພິມ"]
    assert len({tuple(words(s)) for s in spellings}) == 1
