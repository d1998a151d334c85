// What a search returns, and in which order: the parts of the reader's query, and the articles ranked by lunr's
// BM25 score of the query's words (the build's per-article weights of each term, summed), plus, for a Lao query,
// what holding it weighs in an article of that length (so that among articles that hold it only inside longer
// words, or where ICU split it, the short one about it beats the long one that mentions it), the newer first
// among equals. Shared by the search over the split data (search.js) and the reference that reads everything
// (reference.js), so that both answer alike.
import { digits } from "./codec.js";
import { unique } from "./lists.js";
import { folded, hasLao, latinWords } from "./normalise.js";
import { trim } from "./pipeline.js";

/**
 * The parts of a query: normalised, folded, split at spaces, punctuation trimmed from their ends; the Lao parts
 * (matched as they are) and the words of the others (matched as indexed terms).
 */
export function parseQuery(raw) {
  const parts = unique(
    folded(String(raw ?? ""))
      .split(/\s+/)
      .map(trim)
      .filter(Boolean),
  );
  const lao = parts.filter(hasLao);
  const words = unique(parts.filter((p) => !hasLao(p)).flatMap(latinWords));
  return { parts, lao, words };
}

const K1 = 1.2; // lunr's BM25 parameters
const B = 0.75;

/** The number of terms a level of the entry's `lengths` stands for (plugins/lao_search/codec.py, length_level). */
export function lengthOf(level) {
  return 32 * (2 ** (level / 8) - 1);
}

/**
 * A function giving, for article `ref`, what holding the query weighs there: BM25 of one occurrence in an
 * article of its length (`lengths`, the entry's), with the inverse document frequency of `found` articles of
 * `count`; in thousandths, like the terms' weights.
 */
export function presence(lengths, found) {
  const levels = digits(lengths).map(lengthOf);
  const average = levels.reduce((sum, n) => sum + n, 0) / Math.max(1, levels.length);
  const idf = Math.log(1 + Math.abs((levels.length - found + 0.5) / (found + 0.5)));
  return (ref) => Math.round((1000 * idf * (K1 + 1)) / (K1 * (1 - B + (B * levels[ref]) / (average || 1)) + 1));
}

/**
 * `refs` (rising) ranked: the sum of the weights of `terms` ([{refs, weights}], postings of the query's terms) in
 * each and of `bonus(ref)` (if given), highest first, then the newer (the higher number: articles are numbered
 * oldest first). `meta(ref)` gives what the filters need, {kind, year}.
 */
export function rank(refs, terms, meta, bonus = null) {
  const scores = new Float64Array(refs.length);
  if (bonus)
    refs.forEach((ref, i) => {
      scores[i] = bonus(ref);
    });
  for (const { refs: posted, weights } of terms) {
    // Both lists rise: walk them together.
    let i = 0;
    for (let k = 0; k < posted.length && i < refs.length; k++) {
      while (i < refs.length && refs[i] < posted[k]) i++;
      if (refs[i] === posted[k]) scores[i] += weights[k];
    }
  }
  const order = refs.map((_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || refs[b] - refs[a]);
  return order.map((i) => ({ ref: refs[i], score: scores[i], ...meta(refs[i]) }));
}
