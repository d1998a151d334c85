"""Which articles contain which Lao strings: the keys a Lao query is looked up by, each with every article whose
folded text contains it anywhere, whatever word boundaries ICU put around it.

The keys are what readers type and what a longer query is made of:
  * words: ICU's Lao words of the archive;
  * pairs: two words ICU put side by side (a two-word phrase typed without a space, or a word ICU split in two);
  * units: the pieces between the places where a word may begin (segment.units), one, two and three in a row, so
    that any string has keys inside it however it was typed; and each without the vowels written before its
    consonant (ເ ແ ໂ ໃ ໄ), from any of them on; and each unit's end (its letters after the first, from any of
    them on: ັດ of ຈັດ) with the three units after it, so that every place a query can begin in a text begins a
    key there, also a query whose first letter was left out (ັດຕັ້ງ for ຈັດຕັ້ງ): a query of up to three units
    (and the end of one before them) is then answered by the keys that begin with it, and one found nowhere is
    known to be nowhere, without reading a text (js/src/search.js fromKeys);
  * letters: every Lao character, and every two in a row, which need no rule at all: if a string is anywhere in
    the archive, so is each of its characters and each two of them in a row, and a query that has one the
    archive lacks is found nowhere without reading a text.
A query that is a key is answered by its key alone; any other is answered from the articles that contain all
of its keys, checked against their text in the browser (js/src/search.js).

Pure functions: chunks of folded text (text.chunks) in, {key: articles as the bits of an integer} out. Each
distinct chunk is matched once (Aho-Corasick, pyahocorasick), however many articles repeat it.
"""

from collections.abc import Callable, Iterable, Mapping
from operator import add

import ahocorasick

from .segment import LAO_RUN, lao_units, may_begin
from .text import has_lao

WORD, PAIR, UNIT = 1, 2, 4  # kinds of key, as bits: a word may also be a unit
UNITS_IN_KEYS = 3  # units in a row kept as one key, at most (js/src/search.js's UNITS_IN_KEYS)
LEADING_VOWELS = "\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4"  # ເ ແ ໂ ໃ ໄ: written before their consonant, they end no word


def chunk_keys(pieces: Iterable[tuple[int, str]]) -> dict[str, int]:
    """{key: kind bits} of one chunk, from its word pieces [(start, piece)] in order; Lao keys only."""
    keys: dict[str, int] = {}
    previous: tuple[int, str] | None = None
    for start, piece in pieces:
        if not has_lao(piece):
            previous = None
            continue
        keys[piece] = keys.get(piece, 0) | WORD
        if previous is not None and previous[0] + len(previous[1]) == start:
            pair = previous[1] + piece
            keys[pair] = keys.get(pair, 0) | PAIR
        previous = (start, piece)
    return keys


def unit_keys(chunk: str) -> dict[str, int]:
    """{key: UNIT} of one chunk: its units and every two and three units in a row, each also without the vowels
    written before its consonant, from each of them on (what a query that begins after them begins with); each
    unit's letters after its first, from each of them on, with the (up to) three units after it (what a query
    that begins inside a unit begins with); and its characters and every two in a row; run of Lao letters by run."""
    keys: dict[str, int] = {}
    for units in lao_units(chunk):
        for i, unit in enumerate(units):
            key = unit
            for n in range(min(i + 1, UNITS_IN_KEYS)):
                if n:
                    key = units[i - n] + key  # the units from i - n to i
                for start in range(len(key) - len(key.lstrip(LEADING_VOWELS)) + 1):
                    keys[key[start:]] = UNIT
            after = "".join(units[i + 1 : i + 1 + UNITS_IN_KEYS])
            unit = unit.lstrip(LEADING_VOWELS)
            # the first unit of a run may itself be the end of one (a mark after a Latin letter): from its first on
            for start in range(1 if unit and may_begin(unit[0]) else 0, len(unit)):
                keys[unit[start:] + after] = UNIT
    for run in LAO_RUN.findall(chunk):
        keys.update(dict.fromkeys(run, UNIT))
        keys.update(dict.fromkeys(map(add, run, run[1:]), UNIT))
    return keys


def containing(
    chunks: Mapping[str, Iterable[tuple[int, str]]],
    articles_of: Callable[[str], int],
    terms: Iterable[str] = (),
    parts_of: Callable[[str], int] | None = None,
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """({key: kind bits}, {key: articles}, {key: parts}) for every key of ``chunks`` ({chunk: its word pieces},
    text.chunks of folded text), and every Lao term of ``terms`` (a word, though the pipeline changed it): the
    articles (bits of an integer) of every chunk that holds the key anywhere. ``articles_of(chunk)`` gives a
    chunk's own articles; ``parts_of(chunk)``, when given, the parts of long articles that hold it (bits too),
    which the third dict gathers in the same way (keys in no such part left out)."""
    kinds = dict.fromkeys(terms, WORD)
    units: dict[str, int] = {}  # every unit key once (a dict keeps the order they come in)
    for chunk, pieces in chunks.items():
        units.update(unit_keys(chunk))
        for key, kind in chunk_keys(pieces).items():
            kinds[key] = kinds.get(key, 0) | kind
    for key in units:
        kinds[key] = kinds.get(key, 0) | UNIT
    if not kinds:
        return {}, {}, {}
    automaton = ahocorasick.Automaton()
    for key in kinds:
        automaton.add_word(key, key)
    automaton.make_automaton()
    found = dict.fromkeys(kinds, 0)
    found_parts: dict[str, int] = {}
    for chunk in chunks:
        bits = articles_of(chunk)
        parts = parts_of(chunk) if parts_of else 0
        for key in {key for _end, key in automaton.iter(chunk)}:
            found[key] |= bits
            if parts:
                found_parts[key] = found_parts.get(key, 0) | parts
    # each set kept once: the articles that hold a key hold many of the keys beside it (72% of the sets at 10,000
    # news are another key's too), and the search data's writing memoises each set's text by it (codec.SetTexts)
    same: dict[int, int] = {}
    found = {key: same.setdefault(bits, bits) for key, bits in found.items()}
    found_parts = {key: same.setdefault(bits, bits) for key, bits in found_parts.items()}
    return kinds, found, found_parts
