"""Lao text, made searchable: one normal form, then words.

Pure functions, no Pelican. The browser runs the same rules (js/src/normalise.js); the tests hold both to the
same table.

Normal form (what both sides index and query):
  * NFC, then zero-width spaces and joiners, word joiners, soft hyphens and BOMs removed;
  * SARA AM composed: NIGGAHITA + AA (``ໍາ``) becomes ``ຳ``, also with a tone mark typed between them (``ນໍ້າ``);
  * a tone mark typed after ``ຳ`` goes before it (``ນຳ້`` -> ``ນ້ຳ``);
  * HO NO / HO MO typed as two letters (``ຫນ``, ``ຫມ``) become the ligatures ``ໜ`` / ``ໝ``.
This is the direction ICU's Lao dictionary knows; NFKC would go the other way.
"""
import re
import unicodedata
from functools import lru_cache

import icu

LAO = "\u0e80-\u0eff"
TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
NIGGAHITA, AA, AM = "\u0ecd", "\u0eb2", "\u0eb3"

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPELLINGS = [
    (re.compile(f"{NIGGAHITA}([{TONES}]){AA}"), f"\\1{AM}"),  # ໍ + tone + າ
    (re.compile(f"{NIGGAHITA}{AA}"), AM),  # ໍ + າ
    (re.compile(f"{AM}([{TONES}])"), f"\\1{AM}"),  # ຳ + tone
    (re.compile("\u0eab\u0e99"), "\u0edc"),  # ຫ + ນ
    (re.compile("\u0eab\u0ea1"), "\u0edd"),  # ຫ + ມ
]
_HAS_LAO = re.compile(f"[{LAO}]")
# Inside one ICU word, a change of script is a boundary (editors paste Lao and Latin with only a zero-width space
# between them). Outside Lao script a word is a run of letters (marks included) or of digits, as English readers
# count words: "don't" is don + t, "covid-19" is covid + 19.
_PIECES = re.compile(f"[{LAO}]+|[^\\W\\d_{LAO}]+|\\d+")


def normalise(text):
    """The one spelling of ``text`` that both the index and the query use (case is kept)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def has_lao(text):
    return bool(_HAS_LAO.search(text))


@lru_cache(maxsize=None)
def _word_iterator():
    # One iterator per process: creating it loads ICU's Lao dictionary. Not shared across threads.
    return icu.BreakIterator.createWordInstance(icu.Locale("lo"))


def icu_words(text):
    """ICU's word boundaries over ``text``, as (word, is_word) pairs; spaces and punctuation are not words."""
    it = _word_iterator()
    it.setText(text)
    start = it.first()
    for end in it:
        yield text[start:end], it.getRuleStatus() != icu.UWordBreak.NONE
        start = end


def words(text):
    """Lower-cased words of ``text`` after normalisation: ICU words for Lao, letter and digit runs elsewhere."""
    out = []
    for piece, is_word in icu_words(normalise(text).lower()):
        if is_word:
            out.extend(_PIECES.findall(piece))
    return out
