"""Where a Lao word may begin, the units between those places, and a query's words against a vocabulary."""

import pytest

from lao_search.segment import breaks, lao_units, segment, units

WORDS = {"ລັດ", "ດິ", "ຈິ", "ຕອນ", "ດິຈິຕອນ", "ການ", "ສ້າງ", "ການສ້າງ", "ນ", "ເມືອງ", "ເມ"}


@pytest.mark.parametrize(
    "text, i, expected",
    [
        ("ນ້ຳ", 1, False),  # before a tone mark
        ("ນ້ຳ", 2, False),  # before ຳ
        ("ນາ", 1, False),  # before າ
        ("ເມ", 1, False),  # after ເ
        ("ນ້ອຍໆ", 4, False),  # before ໆ
        ("ລັດດິ", 3, True),
        ("ລັດ", 0, True),
        ("ລັດ", 3, True),
        ("ກ\u0eceກ", 1, False),  # a mark since Unicode 15, which Python 3.11 does not know: the Lao marks are listed
    ],
)
def test_where_a_word_may_begin(text, i, expected):
    assert (i in breaks(text)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ສັນຍາ", ["ສັ", "ນ", "ຍາ"]),
        ("ເກົ່າ", ["ເກົ່າ"]),
        ("ນ້ຳໃຈ", ["ນ້ຳ", "ໃຈ"]),
        ("", []),
    ],
)
def test_units(text, expected):
    assert units(text) == expected
    assert "".join(units(text)) == text


def test_lao_units_run_by_run():
    assert lao_units("ລັດ ITU ສັນຍາ") == [["ລັ", "ດ"], ["ສັ", "ນ", "ຍາ"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ລັດດິຈິຕອນ", ["ລັດ", "ດິຈິຕອນ"]),  # the most letters covered, then the fewest words
        ("ການສ້າງລັດ", ["ການສ້າງ", "ລັດ"]),
        ("ຊ້າງລັດ", ["ຊ້າງ", "ລັດ"]),  # letters no word covers stay together
        ("ນ້ຳ", ["ນ້ຳ"]),  # ນ is a word, but no word starts with a tone mark or ຳ
        ("ເມືອງລັດ", ["ເມືອງ", "ລັດ"]),  # nor ends with ເ
        ("", []),
    ],
)
def test_segment(text, expected):
    assert segment(text, WORDS.__contains__, 7) == expected
