"""Lists of article numbers and weights as short strings, decoded by js/src/codec.js.

A data file is a script (see index.py), so lists travel inside JSON strings: 64 characters that need no escaping
(base64url's), each carrying five bits of a number and a flag saying that more follow (a variable-length number,
lowest bits first). Rising article numbers are written as the gaps between them; a set of articles is written as
a bitmap instead, after a "!", when that is shorter. The work runs in ``map`` stages: it is done per posting.
"""

import base64
import math
from collections.abc import Iterable, Sequence
from operator import sub

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
MORE = 32
BITMAP = "!"
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def length_level(terms: int) -> int:
    """0-63 for a number of terms: 8 steps per doubling of (1 + terms / 32); js/src/rank.js reads it back."""
    return min(63, int(8 * math.log2(1 + terms / 32)))


def number(value: int) -> str:
    """One number (0 or more) as characters."""
    out: list[str] = []
    while value >= MORE:
        out.append(ALPHABET[MORE | (value & (MORE - 1))])
        value >>= 5
    out.append(ALPHABET[value])
    return "".join(out)


class _Encoded(dict[int, str]):
    def __missing__(self, value: int) -> str:
        text = self[value] = number(value)
        return text


_ENCODED = _Encoded()


def numbers(values: Iterable[int]) -> str:
    """Numbers (0 or more) one after the other."""
    return "".join(map(_ENCODED.__getitem__, values))


def gaps(refs: Iterable[int]) -> list[int]:
    """Rising numbers as the gaps between them (the first from -1): 3, 4, 9 -> 3, 0, 4."""
    if not refs:
        return []
    refs = list(refs)
    return [refs[0], *map(sub, refs[1:], map((1).__add__, refs))]


def int_set(bits: int) -> str:
    """A set held as the bits of a Python integer (bit n: article n): its gaps, or a bitmap when that is shorter."""
    if not bits:
        return ""
    size = (bits.bit_length() + 7) // 8
    if bits.bit_count() <= _bitmap_length(size):  # a list has a character per article at least
        listed = numbers(gaps_of_int(bits))
        if len(listed) <= _bitmap_length(size):
            return listed
    return _bitmap(bits.to_bytes(size, "little"))


class SetTexts(dict[int, str]):
    """``int_set`` of each set asked for, kept: a language's search data ask for most sets again (the articles and
    parts that hold a key hold many of the keys beside it: 72% of the sets at 10,000 news). Kept up to ``limit``
    bytes, then begun again, so that what it holds is bounded however large the site: at 10,000 news the Lao data
    took 13.1 s of CPU without it, 10.0 s with 32 MB, 9.5 s with 64 MB (the largest moment of a build's memory);
    since the other savings of 2026-12-06, 8.8 s with 32 MB, 8.0 s with 64 MB, 7.9 s with 256 MB."""

    def __init__(self, limit: int = 64 << 20) -> None:
        super().__init__()
        self.limit = limit
        self.size = 0  # bytes held, about: each set's digits, its text and their keeping

    def __missing__(self, bits: int) -> str:
        if self.size > self.limit:
            self.clear()
            self.size = 0
        text = self[bits] = int_set(bits)
        self.size += bits.bit_length() // 8 + len(text) + 200
        return text


FEW_BITS = 8  # up to this many, a set's gaps are found bit by bit: else by reading all its digits


def gaps_of_int(bits: int) -> list[int]:
    """The gaps between the set bits of ``bits`` (the first from -1): the runs of zeros between its ones."""
    if bits.bit_count() > FEW_BITS:
        return list(map(len, bin(bits)[:1:-1].split("1")[:-1]))
    out: list[int] = []  # most sets have a few articles or parts, of thousands: their lowest bits one by one
    last = -1
    while bits:
        lowest = bits & -bits
        at = lowest.bit_length() - 1
        out.append(at - last - 1)
        last = at
        bits ^= lowest
    return out


FEW_REFS = 64  # up to this many, a set's integer is made bit by bit: else as a byte per possible article


def int_of_refs(refs: Sequence[int]) -> int:
    """The integer whose bits are ``refs`` (rising, no two the same)."""
    if not refs:
        return 0
    if len(refs) <= FEW_REFS:  # each bit an integer as large as the set: cheap for a few of them
        return sum(map((1).__lshift__, refs))
    flags = bytearray(refs[-1] + 1)  # a byte per article, then read as a binary number
    for ref in refs:
        flags[ref] = 1
    return int(flags[::-1].translate(_DIGITS), 2)


def _bitmap_length(size: int) -> int:
    return 1 + (size * 4 + 2) // 3


def _bitmap(data: bytes) -> str:
    return BITMAP + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def postings(refs: Sequence[int], weights: Iterable[int]) -> str:
    """Articles with a weight each (refs rising): how many, their gaps, then the weights."""
    if not refs:
        return ""
    return number(len(refs)) + numbers(gaps(refs)) + numbers(weights)
