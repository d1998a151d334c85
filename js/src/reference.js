// The reference search: every article's text and every term in memory, each Lao part looked for in every text.
// This is what the archive's search means (the full scan it did before its data were split); search.js must give
// the same answers, in the same order, while loading only what a query needs. The tests hold the two together;
// the page never loads this.
import lunr from "lunr";
import { fold, hasLao } from "./normalise.js";
import "./pipeline.js";
import { intersect, unique } from "./lists.js";
import { parseQuery, presence, rank } from "./rank.js";
import { segment } from "./segment.js";

/**
 * A search over all the data of a language: `docs` (by ref, {text, ...}), `terms` (Map: term -> {refs, weights}),
 * `longest` (the longest Lao term), `pipeline` (the names of the search pipeline's functions), `meta(ref)` (the
 * kind and year of an article), `lengths` (the entry's rough lengths of the articles). search(raw) gives what search.js's search gives, at once.
 */
export function createReference({ docs, terms, longest, pipeline, meta, lengths }) {
  const texts = docs.map((doc) => fold(doc.text));
  const words = new Set([...terms.keys()].filter(hasLao));
  const isWord = (w) => words.has(w);
  const queryPipeline = lunr.Pipeline.load(pipeline);
  const everyRef = texts.map((_, ref) => ref);

  function ranked(refs, termList, lao) {
    return rank(
      refs,
      termList.map((t) => terms.get(t)),
      meta,
      lao ? presence(lengths, refs.length) : null,
    );
  }

  function search(raw) {
    const { parts, lao, words: latin } = parseQuery(raw);
    const outcome = (mode, needles, results) => ({ mode, parts, needles, words: latin, results });
    if (!parts.length) return outcome("empty", [], []);
    if (!lao.length && !latin.length) return outcome("none", [], []);
    const wordTerms = unique(latin.flatMap((w) => queryPipeline.runString(w)));
    if (wordTerms.some((t) => !terms.has(t))) return outcome("none", lao, []);
    let pool = everyRef;
    for (const t of wordTerms) pool = intersect(pool, terms.get(t).refs);
    const split = lao.map((part) => segment(part, isWord, longest));
    const termList = unique([...split.flat().filter(isWord), ...wordTerms]);
    const exact = pool.filter((ref) => lao.every((needle) => texts[ref].includes(needle)));
    if (exact.length) return outcome("exact", lao, ranked(exact, termList, lao.length > 0));
    if (split.some((pieces) => pieces.length > 1)) {
      const needles = unique(split.flat());
      const all = pool.filter((ref) => needles.every((needle) => texts[ref].includes(needle)));
      if (all.length) return outcome("all-words", needles, ranked(all, termList, true));
    }
    return outcome("none", lao, []);
  }

  return { search };
}
