// Search over one language's index and documents. Pure: no DOM, so node's test runner runs it as the page does.
//
// A Lao part of a query matches an article whose normalised text contains it, wherever ICU put word boundaries
// in the article or would put them in the query (it splits the same word differently in different sentences).
// A part without Lao letters is made of words that must be indexed terms after the same stemmer as the build.
import lunr from "lunr";
import "./pipeline.js";
import { hasLao, latinWords, normalise } from "./normalise.js";
import { makeSegmenter } from "./segment.js";

const { REQUIRED, OPTIONAL } = lunr.Query.presence;
const K1 = 1.2; // BM25, as lunr
const B = 0.75;
const TITLE_WEIGHT = 3; // an occurrence in the title counts as this many more

/** The parts of a query: normalised, lower-cased, split at spaces; Lao parts and the words of the others. */
export function parseQuery(raw) {
  const parts = normalise(raw).toLowerCase().split(/\s+/).filter(Boolean);
  const lao = parts.filter(hasLao);
  const words = [...new Set(parts.filter((p) => !hasLao(p)).flatMap(latinWords))];
  return { parts, lao, words };
}

export function createSearch({ index: serialised, docs }) {
  const index = lunr.Index.load(serialised);
  const texts = docs.map((d) => d.text.toLowerCase());
  const titles = texts.map((t) => t.slice(0, t.indexOf("\n") + 1 || t.length));
  const averageLength = texts.reduce((sum, t) => sum + t.length, 0) / Math.max(1, texts.length);
  const segment = makeSegmenter(Object.keys(index.invertedIndex).filter(hasLao));

  // ref -> lunr score of `terms`; with `required`, only documents that have every term.
  function scores(terms, required) {
    const found = new Map();
    if (!terms.length) return found;
    const hits = index.query((q) => {
      for (const { term, usePipeline } of terms) {
        q.term(term, { usePipeline, presence: required ? REQUIRED : OPTIONAL, wildcard: lunr.Query.wildcard.NONE });
      }
    });
    for (const hit of hits) found.set(Number(hit.ref), hit.score);
    return found;
  }

  function matching(needles, wordScores) {
    const refs = [];
    for (let ref = 0; ref < docs.length; ref++) {
      if (wordScores && !wordScores.has(ref)) continue;
      if (needles.every((n) => texts[ref].includes(n))) refs.push(ref);
    }
    return refs;
  }

  // Every document in `refs` matches. The order is BM25 over the query's Lao parts counted in the text (so a short
  // article about the word comes before a long one that mentions it in passing; the title counts extra), plus
  // lunr's BM25 over the query's words, which favours whole indexed words over the same letters inside longer
  // words (ສັນຍາ in ສັນຍານ); then the newer article.
  function rank(refs, needles, words) {
    const laoTerms = needles.flatMap(segment).map((term) => ({ term, usePipeline: false }));
    const relevance = scores([...laoTerms, ...words.map((term) => ({ term, usePipeline: true }))], false);
    const weights = needles.map((n) => idf(n));
    const scored = refs.map((ref) => {
      let score = relevance.get(ref) || 0;
      needles.forEach((n, i) => {
        const tf = occurrences(texts[ref], n) + TITLE_WEIGHT * occurrences(titles[ref], n);
        score += weights[i] * (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * texts[ref].length) / averageLength));
      });
      return { ref, doc: docs[ref], score };
    });
    return scored.sort((a, b) => b.score - a.score || (a.doc.date < b.doc.date) - (a.doc.date > b.doc.date)
      || a.ref - b.ref);
  }

  function idf(needle) {
    let df = 0;
    for (const text of texts) if (text.includes(needle)) df++;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  }

  return {
    size: docs.length,
    search(raw) {
      const { parts, lao, words } = parseQuery(raw);
      if (!parts.length) return { mode: "empty", parts, needles: [], words, results: [] };
      const wordScores = words.length ? scores(words.map((term) => ({ term, usePipeline: true })), true) : null;
      const exact = matching(lao, wordScores);
      if (exact.length) return { mode: "exact", parts, needles: lao, words, results: rank(exact, lao, words) };
      // Words typed together that never stand together: the articles that have them all, labelled as such.
      const split = lao.flatMap(segment).filter((w) => w.length > 1);
      if (split.length > lao.length) {
        const all = matching(split, wordScores);
        if (all.length) return { mode: "all-words", parts, needles: split, words, results: rank(all, split, words) };
      }
      return { mode: "none", parts, needles: lao, words, results: [] };
    },
  };
}

function occurrences(text, needle) {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < 100; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
