// The lunr pipeline functions of the archive, registered under the names plugins/lao_search/pipeline.py uses.
// lunr.js's own trimmer strips Lao letters (its \W is ASCII-only); its Porter stemmer disagrees with lunr.py's
// on ~2% of English words (played, away, lay...), so English goes through wooorm's `stemmer` instead.
import lunr from "lunr";
import { stemmer as porter } from "stemmer";
import { hasLao } from "./normalise.js";

export const TRIMMER = "lao-trimmer";
export const STEMMER = "lao-stemmer";
// All of the Lao block is kept, whatever Unicode version names its newest characters (as pipeline.py keeps it).
const EDGES = /^[^\p{L}\p{M}\p{N}\u0e80-\u0eff]+|[^\p{L}\p{M}\p{N}\u0e80-\u0eff]+$/gu;

/** `word` without leading or trailing characters that are not letters, marks or numbers. */
export function trim(word) {
  return word.replace(EDGES, "");
}

// Where wooorm's Porter stemmer and lunr.py's part (tried on ~76,000 words, real and made up): a word that is
// nothing but a suffix, which wooorm's rules want a letter before. (Also runs of "yy", as in "byyed": left be.)
const BARE_SUFFIXES = new Map([
  ["ies", "i"],
  ["sses", "ss"],
  ["eed", "eed"],
  ["eeds", "eed"],
]);

/** English words are Porter-stemmed as lunr.py stems them; Lao words are kept whole. */
export function stem(word) {
  if (hasLao(word)) return word;
  return BARE_SUFFIXES.get(word) ?? porter(word);
}

export function laoTrimmer(token) {
  return token.update((s) => trim(s));
}

export function laoStemmer(token) {
  return token.update((s) => stem(s));
}

lunr.Pipeline.registerFunction(laoTrimmer, TRIMMER);
lunr.Pipeline.registerFunction(laoStemmer, STEMMER);
