"""The lunr pipeline functions of the archive, registered under the names the browser registers too.

lunr's own trimmer strips Lao (its ``\\W`` misses Lao vowel signs in Python and every Lao letter in JS) and its
stemmer is English only; js/src/pipeline.js registers the same two names with the same behaviour, and
js/test/agreement.test.mjs holds the two sides to each other over a word list.
"""

import unicodedata

from lunr.pipeline import Pipeline
from lunr.stemmer import porter_stemmer
from lunr.token import Token

from .text import has_lao

TRIMMER = "lao-trimmer"
STEMMER = "lao-stemmer"


def _is_kept(char: str) -> bool:
    # letters, marks (Lao vowels and tones), numbers; all of the Lao block, whatever Unicode version names its
    # newest characters (Python's and the browser's differ)
    return "\u0e80" <= char <= "\u0eff" or unicodedata.category(char)[0] in "LMN"


def trim(word: str) -> str:
    """``word`` without leading or trailing characters that are not letters, marks or numbers."""
    start, end = 0, len(word)
    while start < end and not _is_kept(word[start]):
        start += 1
    while end > start and not _is_kept(word[end - 1]):
        end -= 1
    return word[start:end]


def stem(word: str) -> str:
    """English words are Porter-stemmed (lunr.py's stemmer); Lao words are kept whole."""
    return word if has_lao(word) else porter_stemmer.stem(word)


def lao_trimmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, metadata=None: trim(s))


def lao_stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda s, metadata=None: stem(s))


Pipeline.register_function(lao_trimmer, TRIMMER)
Pipeline.register_function(lao_stemmer, STEMMER)
