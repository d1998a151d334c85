// The reference search: every article's text and every term in memory, each Lao part looked for in every text.
// This is what the archive's search means (the full scan it did before its data were split); search.js must give
// the same answers, in the same order, while loading only what a query needs. The tests hold the two together;
// the page never loads this.
import lunr from "lunr";
import { intersect, unique } from "./lists.js";
import {
  alternatives,
  closest,
  hasTones,
  LAO_SHORTEST,
  LATIN_SHORTEST,
  mended,
  others,
  rebuilt,
  stages,
  TRIED,
  tolerance,
  tonedFrom,
  tooFew,
  undone,
} from "./near.js";
import { fold, hasLao, latinWords } from "./normalise.js";
import "./pipeline.js";
import { parseQuery, presence, rank } from "./rank.js";
import { breaks, mayBegin, segment } from "./segment.js";

/**
 * A search over all the data of a language: `docs` (by ref, {text, ...}), `terms` (Map: term -> {refs, weights}),
 * `longest` (the longest Lao term), `pipeline` (the names of the search pipeline's functions), `meta(ref)` (the
 * kind and year of an article), `lengths` (the entry's rough lengths of the articles), `keys` (the Lao strings
 * the archive keeps, of which close spellings are chosen). search(raw) gives what search.js's search gives, at
 * once: a close spelling is looked for among every key and every word of every text, each counted in every text.
 */
export function createReference({ docs, terms, longest, pipeline, meta, lengths, keys = [] }) {
  const texts = docs.map((doc) => fold(doc.text));
  const words = new Set([...terms.keys()].filter(hasLao));
  const isWord = (w) => words.has(w);
  const queryPipeline = lunr.Pipeline.load(pipeline);
  const everyRef = texts.map((_, ref) => ref);
  const spellings = everySpelling(texts, keys);
  const keySet = new Set(keys);

  function ranked(refs, termList, lao) {
    return rank(
      refs,
      termList.map((t) => terms.get(t)),
      meta,
      lao ? presence(lengths, refs.length) : null,
    );
  }

  function prepare(raw) {
    const { parts, lao, words: latin } = parseQuery(raw);
    const outcome = (mode, needles, results) => ({ mode, parts, needles, words: latin, results });
    const query = { parts, lao, latin, outcome };
    if (!parts.length) return { ...query, answer: outcome("empty", [], []) };
    if (!lao.length && !latin.length) return { ...query, answer: outcome("none", [], []) };
    const wordTerms = unique(latin.flatMap((w) => queryPipeline.runString(w)));
    if (wordTerms.some((t) => !terms.has(t))) return { ...query, answer: outcome("none", lao, []) };
    let pool = everyRef;
    for (const t of wordTerms) pool = intersect(pool, terms.get(t).refs);
    const split = lao.map((part) => segment(part, isWord, longest));
    const termList = unique([...split.flat().filter(isWord), ...wordTerms]);
    return { ...query, pool, split, termList };
  }

  function exactly({ lao, pool, termList, outcome }) {
    const exact = pool.filter((ref) => lao.every((needle) => texts[ref].includes(needle)));
    return exact.length ? outcome("exact", lao, ranked(exact, termList, lao.length > 0)) : null;
  }

  function allWords({ lao, pool, split, termList, outcome }) {
    if (split.some((pieces) => pieces.length > 1)) {
      const needles = unique(split.flat());
      const all = pool.filter((ref) => needles.every((needle) => texts[ref].includes(needle)));
      if (all.length) return outcome("all-words", needles, ranked(all, termList, true));
    }
    return outcome("none", lao, []);
  }

  function corrected(query) {
    const wrong = [
      ...query.lao.filter((part) => !texts.some((text) => text.includes(part))),
      ...query.latin.filter((word) => queryPipeline.runString(word).some((t) => !terms.has(t))),
    ];
    const rebuild = (replacements) => rebuilt(query.parts, replacements);
    const inPieces = (piece) => {
      if (tolerance(piece) < 0) return [];
      const text = mended(
        piece,
        breaks(piece),
        (p) => keySet.has(p),
        (p) => tonedFrom(p, spellings)?.text,
      );
      return text ? [{ text }] : [];
    };
    const closeTo = (tonesOnly) =>
      new Map(
        wrong.map((piece) => {
          const found = closest(piece, spellings);
          return [piece, tonesOnly && hasLao(piece) ? found.filter((s) => s.slips === 0) : found];
        }),
      );
    const tried = new Set();
    let close = null;
    for (const stage of stages(wrong)) {
      if (stage === "tones" || stage === "slips") close = closeTo(stage === "tones");
      const mendedClose = () => new Map([...close].map(([p, found]) => [p, hasLao(p) ? inPieces(p) : found]));
      const offered = stage === "undone" ? [] : alternatives(stage === "mended" ? mendedClose() : close, rebuild);
      const queries =
        stage === "undone"
          ? undone(wrong[0]).map((text) => rebuild(new Map([[wrong[0], text]])))
          : offered.slice(0, TRIED);
      for (const attempt of queries.filter((q) => !tried.has(q))) {
        tried.add(attempt);
        const other = prepare(attempt);
        const found = other.answer || exactly(other);
        if (found?.mode === "exact") {
          const changed = (q) => parseQuery(q).lao.filter((part) => !query.lao.includes(part));
          const words = (part) => segment(part, isWord, longest).every(isWord);
          const suggestions = others(offered, attempt, (w) => queryPipeline.runString(w)).filter((q) =>
            changed(q).every(words),
          );
          return { ...found, mode: "corrected", typed: query.parts, query: attempt, suggestions };
        }
      }
    }
    return null;
  }

  function search(raw, { asTyped = false } = {}) {
    const query = prepare(raw);
    if (query.answer) {
      if (asTyped || query.answer.mode === "empty") return query.answer;
      return corrected(query) || query.answer;
    }
    const exact = exactly(query);
    if (exact) return (!asTyped && fewFound(exact, query)) || exact;
    return (!asTyped && corrected(query)) || allWords(query);
  }

  function fewFound(exact, { parts, lao }) {
    if (parts.length !== 1 || lao.length !== 1 || hasTones(lao[0]) || tolerance(lao[0]) < 0) return null;
    const toned = tonedFrom(lao[0], spellings);
    if (!tooFew(exact.results.length, toned)) return null;
    const other = prepare(toned.text);
    const found = other.answer || exactly(other);
    if (found?.mode !== "exact") return null;
    return { ...found, mode: "corrected", typed: parts, query: toned.text, suggestions: [], few: exact.results.length };
  }

  return { search };
}

// Every spelling a close one may be, as near.js's closest() takes them (one list under one name): each of `keys`
// and each Latin word of the texts, with the number of texts that contain it (a Lao key anywhere, a word whole).
function everySpelling(texts, keys) {
  const list = [];
  for (const key of keys) {
    if (!hasLao(key) || key.length < LAO_SHORTEST || !mayBegin(key[0])) continue; // as near.py: where a word may begin
    list.push(key, texts.filter((text) => text.includes(key)).length);
  }
  const counts = new Map();
  for (const text of texts) {
    for (const word of new Set(latinWords(text))) {
      if (word.length >= LATIN_SHORTEST && !/\d/.test(word)) counts.set(word, (counts.get(word) || 0) + 1);
    }
  }
  for (const [word, count] of counts) list.push(word, count);
  return new Map([["every spelling", list]]);
}
