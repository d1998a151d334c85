// What a search returns, and in which order: the parts of the reader's query, and the articles ranked by lunr's
// BM25 score of the query's words (the build's per-article weights of each term, summed), the newer first among
// equals. Shared by the search over the split data (search.js) and the reference that reads everything
// (reference.js), so that both answer alike.
import { folded, hasLao, latinWords } from "./normalise.js";
import { trim } from "./pipeline.js";

/**
 * The parts of a query: normalised, folded, split at spaces, punctuation trimmed from their ends; the Lao parts
 * (matched as they are) and the words of the others (matched as indexed terms).
 */
export function parseQuery(raw) {
  const parts = unique(folded(String(raw ?? "")).split(/\s+/).map(trim).filter(Boolean));
  const lao = parts.filter(hasLao);
  const words = unique(parts.filter((p) => !hasLao(p)).flatMap(latinWords));
  return { parts, lao, words };
}

/**
 * `refs` (rising) ranked: the sum of the weights of `terms` ([{refs, weights}], postings of the query's terms) in
 * each, highest first, then the newer (the higher number: articles are numbered oldest first). `meta(ref)` gives
 * what the filters need, {kind, year}.
 */
export function rank(refs, terms, meta) {
  const scores = new Float64Array(refs.length);
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

/** The numbers in both rising lists. */
export function intersect(a, b) {
  const out = [];
  let j = 0;
  for (const value of a) {
    while (j < b.length && b[j] < value) j++;
    if (j < b.length && b[j] === value) out.push(value);
  }
  return out;
}

/** The numbers of rising list `a` that are not in rising list `b`. */
export function difference(a, b) {
  const out = [];
  let j = 0;
  for (const value of a) {
    while (j < b.length && b[j] < value) j++;
    if (j >= b.length || b[j] !== value) out.push(value);
  }
  return out;
}

export function unique(items) {
  return [...new Set(items)];
}
