"""Close spellings: what a reader probably meant when what they typed is found nowhere as typed.

The build keeps, beside the index, a deletion neighbourhood (as SymSpell does) of the archive's spellings: of
each Lao key of three code points or more (a word, two words side by side, a unit or two of them: substrings.py),
its skeleton (the key without its tone marks) and the skeleton with any one character left out; of each Latin
word of four letters or more as the articles write it (before the stemmer), the word, and from five letters the
word with one character left out, from eight with two. A reader's typing reaches a spelling when the two share
one of these strings, and the browser (js/src/near.js, the same rules) then measures how far apart they really
are. Each spelling comes with the number of articles that contain it, by which the likelier of two equally close
ones is chosen.

Pure functions; index.py cuts the neighbourhood into files as it cuts the dictionary.
"""

TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
_NO_TONES = dict.fromkeys(map(ord, TONES))
LAO_SHORTEST = 3  # code points of the shortest Lao spelling a close one may lead to
LAO_SLIP_FROM = 3  # the shortest skeleton whose one-slip neighbours are kept
LATIN_SHORTEST = 4  # letters of the shortest Latin word a close one may lead to
# A reader's word reaches a Latin word with one slip from five letters in the longer of the two, with two from nine
# typed (js/src/near.js). A word is found by the variants of both: of four letters, one slip away from what was
# typed only if the reader added a letter, it needs no variant but itself; of seven, two slips from nine typed
# letters only if both were added, the same.
LATIN_ONE_FROM = 5  # letters from which a Latin word's variants leave one out
LATIN_TWO_FROM = 8  # ... and two


def skeleton(text):
    """``text`` without its Lao tone marks: a reader who leaves them out, or types another, still reaches it."""
    return text.translate(_NO_TONES)


def deletions(text, times):
    """``text`` and every string made of it by leaving out up to ``times`` characters (a set)."""
    out = {text}
    edge = {text}
    for _ in range(times):
        edge = {word[:i] + word[i + 1 :] for word in edge for i in range(len(word))}
        out |= edge
    return out


def lao_variants(key):
    """The strings a Lao ``key`` is found by: its skeleton and, when that is long enough, the skeleton with one
    character left out."""
    bare = skeleton(key)
    return deletions(bare, 1 if len(bare) >= LAO_SLIP_FROM else 0)


def latin_variants(word):
    """The strings a Latin ``word`` is found by: itself, with one character left out from LATIN_ONE_FROM letters,
    with two from LATIN_TWO_FROM."""
    return deletions(word, 2 if len(word) >= LATIN_TWO_FROM else 1 if len(word) >= LATIN_ONE_FROM else 0)


def neighbourhood(lao, latin):
    """{variant: [spelling, articles, spelling, articles, ...]}, each list by articles (most first), then
    spelling: ``lao`` and ``latin`` are {spelling: how many articles contain it}; spellings shorter than
    LAO_SHORTEST or LATIN_SHORTEST are left out."""
    found = {}
    for spellings, variants, shortest in ((lao, lao_variants, LAO_SHORTEST), (latin, latin_variants, LATIN_SHORTEST)):
        for spelling, count in spellings.items():
            if len(spelling) < shortest:
                continue
            for variant in variants(spelling):
                found.setdefault(variant, []).append((spelling, count))
    out = {}
    for variant, spellings in found.items():
        spellings.sort(key=lambda each: (-each[1], each[0].encode("utf-16-be")))
        out[variant] = [item for each in spellings for item in each]
    return out
