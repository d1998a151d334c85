"""Lao text, made searchable: one spelling to show, one folded form to match, then words.

Pure functions, no Pelican. The browser runs the same rules (js/src/normalise.js); the tests hold both to the
same table.

Normal form (what snippets show, as the article spells it):
  * NFC, then zero-width spaces and joiners, word joiners, soft hyphens and BOMs removed;
  * SARA AM composed: NIGGAHITA + AA (``ໍາ``) becomes ``ຳ``, also with a tone mark typed between them (``ນໍ້າ``);
  * a tone mark typed after ``ຳ`` goes before it (``ນຳ້`` -> ``ນ້ຳ``);
  * HO NO / HO MO typed as two letters (``ຫນ``, ``ຫມ``) become the ligatures ``ໜ`` / ``ໝ``.
This is the direction ICU's Lao dictionary knows; NFKC would go the other way.

Folded form (what the index holds and a query is matched in), from the normal form:
  * HO + LO (``ຫລ``, as many keyboards and older texts write it) becomes HO + SEMIVOWEL LO (``ຫຼ``), then RO
    (``ຣ``, the older orthography of names and loan words) becomes LO (``ລ``), in that order, as the reference
    normaliser of ../shared/tools/search_eval.py does;
  * accents of Latin letters are dropped (``bogotá`` -> ``bogota``): combining marks of the diacritics blocks;
  * lower case.
Each Lao letter folds to one letter, so offsets in Lao text are the same in both forms.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

import icu

LAO = "\u0e80-\u0eff"
TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
NIGGAHITA, AA, AM = "\u0ecd", "\u0eb2", "\u0eb3"
HO, LO, RO, SEMIVOWEL_LO = "\u0eab", "\u0ea5", "\u0ea3", "\u0ebc"
# What JavaScript's \s matches: a query is split there, so the text is too (Python's own \s differs a little).
WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# (a letter without which the rule has nothing to do, pattern, replacement), in this order
_SPELLINGS = [
    (NIGGAHITA, re.compile(f"{NIGGAHITA}([{TONES}]){AA}"), f"\\1{AM}"),  # ໍ + tone + າ
    (NIGGAHITA, re.compile(f"{NIGGAHITA}{AA}"), AM),  # ໍ + າ
    (AM, re.compile(f"{AM}([{TONES}])"), f"\\1{AM}"),  # ຳ + tone
    (HO, re.compile("\u0eab\u0e99"), "\u0edc"),  # ຫ + ນ
    (HO, re.compile("\u0eab\u0ea1"), "\u0edd"),  # ຫ + ມ
]
# Combining Diacritical Marks, their Extended and Supplement blocks, those for Symbols, and Half Marks.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Runs of text outside ASCII and Lao: only there can accents be (Lao marks and their order stay as they are).
_ACCENTED_RUNS = re.compile("[^\u0000-\u007f\u0e80-\u0eff]+")
LAO_LETTER = re.compile(f"[{LAO}]")  # any character of the Lao block
_CHUNKS = re.compile(f"[^{WHITESPACE}]+")
_PYTHON_ONLY_SPACES = "\x1c\x1d\x1e\x1f\x85"  # whitespace to str.split, not to JavaScript
# Inside one ICU word, a change of script is a boundary (editors paste Lao and Latin with only a zero-width space
# between them). Outside Lao script a word is a run of letters (marks included) or of digits, as English readers
# count words: "don't" is don + t, "covid-19" is covid + 19.
_PIECES = re.compile(f"[{LAO}]+|[^\\W\\d_{LAO}]+|\\d+")


def normalise(text: str) -> str:
    """The one spelling of ``text`` that snippets show and folding starts from (case is kept)."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    for letter, pattern, replacement in _SPELLINGS:
        if letter in text:
            text = pattern.sub(replacement, text)
    return text


def fold(normal: str) -> str:
    """What is matched of normalised text: Lao letters typed two ways as one, Latin without accents, lower case."""
    text = normal.replace(HO + LO, HO + SEMIVOWEL_LO).replace(RO, LO)
    return _ACCENTED_RUNS.sub(_without_accents, text).lower()


def _without_accents(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", match.group())))


def folded(text: str) -> str:
    """``fold(normalise(text))``: the form both the index and a query are compared in."""
    return fold(normalise(text))


def has_lao(text: str) -> bool:
    return bool(LAO_LETTER.search(text))


def chunks(text: str) -> list[str]:
    """The runs of ``text`` between whitespace (chunks): a query has none, so it matches inside one of them."""
    if any(space in text for space in _PYTHON_ONLY_SPACES):  # five scans cost a fifteenth of one regex search
        return _CHUNKS.findall(text)
    return text.split()  # the same, faster


@cache
def _word_iterator() -> Any:  # icu.BreakIterator (PyICU ships no types)
    # One iterator per process: creating it loads ICU's Lao dictionary. Not shared across threads.
    return icu.BreakIterator.createWordInstance(icu.Locale("lo"))


def icu_words(text: str) -> Iterator[tuple[str, bool]]:
    """ICU's word boundaries over ``text``, as (word, is_word) pairs; spaces and punctuation are not words."""
    it = _word_iterator()
    it.setText(text)
    start = it.first()
    for end in it:
        yield text[start:end], it.getRuleStatus() != icu.UWordBreak.NONE
        start = end


def chunk_pieces(chunk: str) -> list[tuple[int, str]]:
    """Words of one folded run without whitespace, with where each starts: ICU words for Lao, letter and digit
    runs elsewhere."""
    out: list[tuple[int, str]] = []
    at = 0
    for word, is_word in icu_words(chunk):
        if is_word:
            if _PIECES.fullmatch(word):  # most words are one piece
                out.append((at, word))
            else:
                out.extend((at + m.start(), m.group()) for m in _PIECES.finditer(word))
        at += len(word)
    return out


def words(text: str) -> list[str]:
    """Words of ``text`` once folded (ICU breaks Lao; whitespace is always a boundary, so run by run)."""
    return [word for chunk in chunks(folded(text)) for _start, word in chunk_pieces(chunk)]
