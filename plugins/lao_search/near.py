"""Close spellings: what a reader probably meant when what they typed is found nowhere as typed.

The build keeps, beside the index, a deletion neighbourhood (as SymSpell does) of the archive's spellings: of
each Lao key of three code points or more that begins where a word may (a word, two words side by side, a unit or
two of them: substrings.py), its skeleton (the key without its tone marks) and the skeleton with any one character
left out; of each Latin
word of four letters or more as the articles write it (before the stemmer), the word, and from five letters the
word with one character left out, from seven with two; of a long one, only its first PREFIX characters. A
reader's typing reaches a spelling when the two share one of these strings, and the browser (js/src/near.js, the
same rules) then measures how far apart they really are. Each spelling comes with the number of articles that
contain it, by which the likelier of two equally close ones is chosen.

Beside it, the spellings with tone marks under their skeleton alone (``toned``): a reader who typed none is asked
about those first, and they are a file away from the entry where the neighbourhood is two.

Pure functions; index.py cuts the neighbourhood into files as it cuts the dictionary.
"""

from collections import defaultdict
from collections.abc import Mapping

from .segment import may_begin

TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
_NO_TONES = dict.fromkeys(map(ord, TONES))
LAO_SHORTEST = 3  # code points of the shortest Lao spelling a close one may lead to
LAO_SLIP_FROM = 3  # the shortest skeleton whose one-slip neighbours are kept
LATIN_SHORTEST = 4  # letters of the shortest Latin word a close one may lead to
# A reader's word reaches a Latin word with one slip from five letters in the longer of the two, with two from nine
# typed (js/src/near.js). A word is found when the variants of both share one, as many slips deep on both sides:
# of four letters, one slip from what was typed only if the reader added a letter, it needs no variant but itself;
# two slips from nine typed letters, a word has seven at least.
LATIN_ONE_FROM = 5  # letters from which a Latin word's variants leave one out
LATIN_TWO_FROM = 7  # ... and two
# Only the beginning of a spelling is varied (SymSpell's prefix): two strings a slip or two apart have beginnings
# that share a variant, and a long word costs no more variants than a short one; the browser measures the whole.
PREFIX = 7


def skeleton(text: str) -> str:
    """``text`` without its Lao tone marks: a reader who leaves them out, or types another, still reaches it."""
    return text.translate(_NO_TONES)


def deletions(text: str, times: int) -> set[str]:
    """``text`` and every string made of it by leaving out up to ``times`` characters (a set)."""
    out = {text}
    edge = {text}
    for _ in range(times):
        edge = {word[:i] + word[i + 1 :] for word in edge for i in range(len(word))}
        out |= edge
    return out


def lao_variants(key: str) -> set[str]:
    """The strings a Lao ``key`` is found by: the beginning of its skeleton (PREFIX) and, when the skeleton is
    long enough, that beginning with one character left out."""
    bare = skeleton(key)
    return deletions(bare[:PREFIX], 1 if len(bare) >= LAO_SLIP_FROM else 0)


def latin_variants(word: str) -> set[str]:
    """The strings a Latin ``word`` is found by: its beginning (PREFIX), with one character left out from
    LATIN_ONE_FROM letters, with two from LATIN_TWO_FROM."""
    return deletions(word[:PREFIX], 2 if len(word) >= LATIN_TWO_FROM else 1 if len(word) >= LATIN_ONE_FROM else 0)


def neighbourhood(lao: Mapping[str, int], latin: Mapping[str, int]) -> dict[str, list[str | int]]:
    """{variant: [spelling, articles, spelling, articles, ...]}, each list by articles (most first), then
    spelling: ``lao`` and ``latin`` are {spelling: how many articles contain it}; spellings shorter than
    LAO_SHORTEST or LATIN_SHORTEST are left out, and Lao ones that begin where no word may (the end of a unit
    that substrings.py keeps as a key, ັດຕັ້ງ: no reader means it)."""
    spellings = [
        (spelling, count, variants)
        for found, variants, shortest in ((lao, lao_variants, LAO_SHORTEST), (latin, latin_variants, LATIN_SHORTEST))
        for spelling, count in _kept(found, shortest)
    ]
    # In that order once, so that every list comes out in it
    spellings.sort(key=lambda each: _order((each[0], each[1])))
    out: defaultdict[str, list[str | int]] = defaultdict(list)
    for spelling, count, variants in spellings:
        pair = (spelling, count)
        for variant in variants(spelling):
            out[variant] += pair
    return dict(out)


def toned(lao: Mapping[str, int]) -> dict[str, list[str | int]]:
    """{skeleton: [spelling, articles, spelling, articles, ...]}: each Lao spelling of ``lao`` ({spelling: how many
    articles contain it}) that has tone marks, under its skeleton, in neighbourhood()'s order and of the spellings it
    keeps. What a reader who typed no tone mark may have meant, in one look-up: the same spellings the skeleton's
    neighbourhood lists with that skeleton, without the others it lists (js/src/search.js, tonedLookup)."""
    out: dict[str, list[str | int]] = {}
    for spelling, count in _kept(lao, LAO_SHORTEST):
        bare = skeleton(spelling)
        if bare != spelling:
            out.setdefault(bare, []).extend((spelling, count))
    return out


def _kept(found: Mapping[str, int], shortest: int) -> list[tuple[str, int]]:
    """The (spelling, articles) of ``found`` that a close spelling may lead to (from ``shortest`` code points,
    beginning where a word may), in the order of every list: by articles (most first), then spelling."""
    kept = [(spelling, n) for spelling, n in found.items() if len(spelling) >= shortest and may_begin(spelling[0])]
    return sorted(kept, key=_order)


def _order(each: tuple[str, int]) -> tuple[int, bytes]:
    return -each[1], each[0].encode("utf-16-be")
