// Search over one language's index and documents. Pure: no DOM, so node's test runner runs it as the page does.
//
// A Lao part of a query matches an article whose normalised text contains it, wherever ICU put word boundaries
// in the article or would put them in the query (it splits the same word differently in different sentences).
// A part without Lao letters is made of words that must be indexed terms after the same stemmer as the build.
// lunr only ranks Lao matches; queries are built clause by clause, never parsed from the reader's text, in which
// ':' '^' '~' '+' '-' '*' would be query syntax.
import lunr from "lunr";
import { folded, hasLao, latinWords } from "./normalise.js";
import { stem, trim } from "./pipeline.js";
import { makeSegmenter } from "./segment.js";

const { REQUIRED, OPTIONAL } = lunr.Query.presence;
const K1 = 1.2; // BM25's, as lunr's
const B = 0.75;
const MAX_COUNT = 50; // occurrences counted per document and part; BM25 saturates long before

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
  const index = lunr.Index.load(serialised);
  const texts = docs.map((d) => d.text.toLowerCase());
  const titles = docs.map((d) => folded(d.title));
  const averageLength = texts.reduce((sum, t) => sum + t.length, 0) / Math.max(1, texts.length);
  const vocabulary = new Set(Object.keys(index.invertedIndex).filter(hasLao));
  const segment = makeSegmenter(vocabulary);

  // lunr's hits: documents with every English word (if any), scored by those and by the Lao words.
  function lunrHits(laoTerms, words) {
    if (!laoTerms.length && !words.length) return null;
    const hits = index.query((q) => {
      for (const term of laoTerms) q.term(term, { usePipeline: false, presence: OPTIONAL });
      for (const term of words) q.term(term, { usePipeline: true, presence: REQUIRED });
    });
    const stems = words.map(stem);
    const found = new Map();
    for (const { ref, score, matchData } of hits) {
      const inTitle = stems.every((s) => matchData.metadata[s] && "title" in matchData.metadata[s]);
      found.set(Number(ref), { score, inTitle });
    }
    return found;
  }

  // Refs (ascending) of the documents whose text contains every needle; among `pool` if given.
  function containing(needles, pool) {
    let refs = pool || docs.map((_, ref) => ref);
    for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
      refs = refs.filter((ref) => texts[ref].includes(needle));
      if (!refs.length) break;
    }
    return refs;
  }

  // Title matches first; then lunr's score plus BM25 over how often the needles occur; then newer; then ref.
  function rank(refs, needles, words, hits) {
    const results = refs.map((ref) => {
      const hit = hits && hits.get(ref);
      const inTitle = needles.every((n) => titles[ref].includes(n)) && (!words.length || hit.inTitle);
      const norm = K1 * (1 - B + (B * texts[ref].length) / averageLength);
      let score = hit ? hit.score : 0;
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
    const laoTerms = unique(split.flat().filter((w) => vocabulary.has(w)));
    // With English words lunr says which articles have them all, so it runs first; else only to rank matches.
    let hits = words.length ? lunrHits(laoTerms, words) : null;
    const pool = hits && [...hits.keys()].sort((a, b) => a - b);
    const ranked = (refs, needles) => rank(refs, needles, words, hits || (hits = lunrHits(laoTerms, words)));
    const exact = containing(lao, pool);
    if (exact.length) return outcome("exact", lao, ranked(exact, lao));
    // Words typed together that never stand together: the articles that have them all, labelled as such.
    if (split.some((pieces) => pieces.length > 1)) {
      const needles = unique(split.flat());
      const all = containing(needles, pool);
      if (all.length) return outcome("all-words", needles, ranked(all, needles));
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

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unique(items) {
  return [...new Set(items)];
}
