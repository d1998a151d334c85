// Search over one language's index and documents. Pure: no DOM, so node's test runner runs it as the page does.
//
// A Lao part of a query matches an article whose normalised text contains it, wherever ICU put word boundaries
// in the article or would put them in the query (it splits the same word differently in different sentences).
// A part without Lao letters is made of words that must be indexed terms after the index's search pipeline, as
// a lunr clause with presence REQUIRED would require. The reader's text is never parsed as a lunr query (':' '^'
// '~' '+' '-' '*' would be syntax there): terms are looked up one by one.
import lunr from "lunr";
import { folded, hasLao, latinWords } from "./normalise.js";
import { trim } from "./pipeline.js";
import { createScorer } from "./score.js";
import { makeSegmenter } from "./segment.js";

const K1 = 1.2; // BM25's, as lunr's
const B = 0.75;
const MAX_COUNT = 50; // occurrences counted per document and needle; BM25 has long saturated by then

/**
 * The parts of a query: normalised, lower-cased, split at spaces, punctuation trimmed from their ends; the Lao
 * parts (matched as they are) and the words of the others (matched as indexed terms).
 */
export function parseQuery(raw) {
  const parts = unique(folded(String(raw ?? "")).split(/\s+/).map(trim).filter(Boolean));
  const lao = parts.filter(hasLao);
  const words = unique(parts.filter((p) => !hasLao(p)).flatMap(latinWords));
  return { parts, lao, words };
}

/**
 * A search over `docs` ([{url, title, kind, date, dateText, text}], ref = position) and the lunr index built
 * over them by plugins/lao_search/index.py. search(raw) gives {mode, parts, needles, words, results}: mode is
 * "exact", "all-words" (no article has a Lao part as typed; these have each of its words), "none" or "empty";
 * needles are the Lao strings every result contains; results [{ref, doc, score}] are in rank order.
 */
export function createSearch({ index: serialised, docs }) {
  const index = lunr.Index.load(serialised); // needs the pipeline functions, which ./pipeline.js registered
  const scorer = createScorer(index);
  const texts = docs.map((d) => d.text.toLowerCase());
  const titles = docs.map((d) => folded(d.title));
  const averageLength = texts.reduce((sum, t) => sum + t.length, 0) / Math.max(1, texts.length);
  const vocabulary = new Set(Object.keys(index.invertedIndex).filter(hasLao));
  const segment = makeSegmenter(vocabulary);
  const allRefs = docs.map((_, ref) => ref);

  // Refs (ascending) of the documents with every term in some field; null when there are no terms.
  function withTerms(terms) {
    if (!terms.length) return null;
    const [rarest, ...others] = terms.map((t) => scorer.documents(t)).sort((a, b) => a.length - b.length);
    return rarest.filter((ref) => others.every((refs) => binaryHas(refs, ref)));
  }

  // Refs (ascending) of the documents whose text contains every needle, among `pool`.
  function containing(needles, pool) {
    let refs = pool;
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
      refs = refs.filter((ref) => texts[ref].includes(needle));
      if (!refs.length) break;
    }
    return refs;
  }

  // Title matches first; then lunr's score of the query's words (the Lao ones as the index has them) plus BM25
  // over how often the needles occur in the text; then the newer; then the first in the data.
  function rank(refs, needles, terms, wordTerms) {
    const results = refs.map((ref) => {
      const inTitle = needles.every((n) => titles[ref].includes(n))
        && wordTerms.every((t) => scorer.occurs(t, ref, "title"));
      const norm = K1 * (1 - B + (B * texts[ref].length) / averageLength);
      let score = scorer.score(ref, terms);
      for (const needle of needles) {
        const tf = occurrences(texts[ref], needle);
        score += (tf * (K1 + 1)) / (tf + norm);
      }
      return { ref, doc: docs[ref], score, inTitle };
    });
    results.sort((a, b) => b.inTitle - a.inTitle || b.score - a.score || compare(b.doc.date, a.doc.date)
      || a.ref - b.ref);
    return results.map(({ ref, doc, score }) => ({ ref, doc, score }));
  }

  function search(raw) {
    const { parts, lao, words } = parseQuery(raw);
    const outcome = (mode, needles, results) => ({ mode, parts, needles, words, results });
    if (!parts.length) return outcome("empty", [], []);
    if (!lao.length && !words.length) return outcome("none", [], []);
    const split = lao.map(segment);
    const wordTerms = unique(words.flatMap((w) => index.pipeline.runString(w)));
    const terms = [...unique(split.flat().filter((w) => vocabulary.has(w))), ...wordTerms];
    const pool = withTerms(wordTerms) || allRefs;
    const exact = containing(lao, pool);
    if (exact.length) return outcome("exact", lao, rank(exact, lao, terms, wordTerms));
    // Words typed together that never stand together: the articles that have them all, labelled as such.
    if (split.some((pieces) => pieces.length > 1)) {
      const needles = unique(split.flat());
      const all = containing(needles, pool);
      if (all.length) return outcome("all-words", needles, rank(all, needles, terms, wordTerms));
    }
    return outcome("none", lao, []);
  }

  return { size: docs.length, vocabulary, segment, search };
}

function occurrences(text, needle) {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < MAX_COUNT; at = text.indexOf(needle, at + needle.length)) {
    count++;
  }
  return count;
}

function binaryHas(sorted, value) {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(items) {
  return [...new Set(items)];
}
