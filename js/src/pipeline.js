// The lunr pipeline functions of the archive, registered under the names plugins/lao_search/pipeline.py uses.
// lunr's own trimmer strips Lao letters; its Porter stemmer disagrees with lunr.py's on ~2% of English words.
import lunr from "lunr";
import { stemmer as porter } from "stemmer";
import { hasLao } from "./normalise.js";

export const TRIMMER = "lao-trimmer";
export const STEMMER = "lao-stemmer";
const EDGES = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;

/** `word` without leading or trailing characters that are not letters, marks or numbers. */
export function trim(word) {
  return word.replace(EDGES, "");
}

/** English words are Porter-stemmed (the same algorithm as lunr.py's); Lao words are kept whole. */
export function stem(word) {
  return hasLao(word) ? word : porter(word);
}

export function laoTrimmer(token) {
  return token.update((s) => trim(s));
}

export function laoStemmer(token) {
  return token.update((s) => stem(s));
}

lunr.Pipeline.registerFunction(laoTrimmer, TRIMMER);
lunr.Pipeline.registerFunction(laoStemmer, STEMMER);
