"""Break Lao into pieces that need no context: where a word may begin, the syllable-like units between those
places, and a query's words against a vocabulary. The browser has the same functions (js/src/segment.js) and
the agreement tests hold both to one table.

Unlike ICU, none of this depends on the neighbours of a piece: a string has the same units alone and inside a
longer text (except at its two ends), which is what lets the index look up parts of what a reader typed.
"""

import re
import unicodedata
from collections.abc import Callable
from itertools import compress, pairwise, repeat
from operator import and_

LAO_RUN = re.compile("[\u0e80-\u0eff]+")
# Vowels and signs written after a consonant (ະ າ ຳ ຽ ໆ) begin no word; vowels written before one (ເ ແ ໂ ໃ ໄ) end
# none. Every combining mark (Lao vowel signs and tones among them) belongs to the letter before it. The Lao marks
# are listed, not looked up: Python and the browser know different Unicode versions (U+0ECE is a mark since 15.0).
LAO_MARKS = frozenset("\u0eb1" + "".join(map(chr, range(0x0EB4, 0x0EBD))) + "".join(map(chr, range(0x0EC8, 0x0ECF))))
_NO_START = frozenset("\u0eb0\u0eb2\u0eb3\u0ebd\u0ec6") | LAO_MARKS
_NO_END = frozenset("\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


class _Begins(dict[str, bool]):
    """Whether a word may begin with a character, looked up at C speed once known."""

    def __missing__(self, char: str) -> bool:
        lao = "\u0e80" <= char <= "\u0eff"
        value = self[char] = not (char in _NO_START or (not lao and unicodedata.category(char)[0] == "M"))
        return value


_BEGINS = _Begins()
_ENDS = dict.fromkeys(_NO_END, False)  # whether a word may end with a character (default: yes)


def may_begin(char: str) -> bool:
    """Whether a word may begin with ``char`` (where the letter before it may end one)."""
    return _BEGINS[char]


def breaks(text: str) -> list[int]:
    """Every place of ``text`` where a word may begin (and the one before end), both ends included."""
    if len(text) < 2:
        return list(range(len(text) + 1))
    allowed = map(and_, map(_BEGINS.__getitem__, text[1:]), map(_ENDS.get, text[:-1], repeat(True)))
    return [0, *compress(range(1, len(text)), allowed), len(text)]


def units(text: str) -> list[str]:
    """``text`` cut at every place where a word may begin: consonants with their vowels and marks."""
    at = breaks(text)
    return [text[a:b] for a, b in pairwise(at)]


def lao_units(text: str) -> list[list[str]]:
    """The units of each run of Lao letters in ``text``, run by run."""
    return [units(run) for run in LAO_RUN.findall(text)]


def segment(text: str, is_word: Callable[[str], bool], longest: int) -> list[str]:
    """``text`` broken into words for which ``is_word`` holds (none longer than ``longest``): the most characters
    covered by words, then the fewest pieces; characters no word covers stay together as one piece. Words begin
    and end only at ``breaks``. Deterministic: among equal choices the longer last word wins."""
    at = breaks(text)
    # For the text up to at[k]: characters covered by words, pieces, index of the last piece's start, and whether
    # that piece is a word. j runs towards longer last words, which win ties.
    best = [(0, 0, 0, False)]
    for k in range(1, len(at)):
        end = at[k]
        covered, pieces = best[k - 1][0], best[k - 1][1] + 1
        choice = (covered, pieces, k - 1, False)
        j = k - 1
        while j >= 0 and end - at[j] <= longest:
            if is_word(text[at[j] : end]):
                covered, pieces = best[j][0] + end - at[j], best[j][1] + 1
                if covered > choice[0] or (covered == choice[0] and pieces <= choice[1]):
                    choice = (covered, pieces, j, True)
            j -= 1
        best.append(choice)
    out: list[str] = []
    loose = ""  # characters no word covers, gathered backwards
    k = len(at) - 1
    while k > 0:
        start = best[k][2]
        piece = text[at[start] : at[k]]
        if best[k][3]:
            if loose:
                out.append(loose)
            loose = ""
            out.append(piece)
        else:
            loose = piece + loose
        k = start
    if loose:
        out.append(loose)
    out.reverse()
    return out
