// Search over one language's split search data (store.js). Pure but for the store: node's test runner runs it as
// the page does, over data read from disk.
//
// A Lao part of a query matches an article whose folded text contains it, wherever ICU put word boundaries in
// the article or would put them in the query. A part that is a key of the archive (a word, two words ICU put side
// by side, a unit or two of them: plugins/lao_search/substrings.py) comes with every article that contains it; any
// other is looked for in the articles that contain all of its keys, checked against their text. A part without
// Lao letters is made of words that must be indexed terms after the index's search pipeline, as a lunr clause
// with presence REQUIRED would require. The reader's text is never parsed as a lunr query (':' '^' '~' '+' '-'
// '*' would be syntax there): terms are looked up one by one. reference.js gives the same answers from all the
// data at once; the tests hold the two to each other.
import lunr from "lunr";
import { difference, intersect, union, unique } from "./lists.js";
import {
  alternatives,
  closest,
  hasTones,
  mended,
  others,
  piecesAt,
  rebuilt,
  skeleton,
  stages,
  TOO_FEW,
  TRIED,
  tolerance,
  tonedFrom,
  tonesVariant,
  tooFew,
  undone,
  variantsOf,
} from "./near.js";
import { fold, hasLao } from "./normalise.js";
import "./pipeline.js"; // registers the pipeline functions the entry names
import { parseQuery, presence, rank } from "./rank.js";
import { breaks, candidateWords, mayBegin, segment } from "./segment.js";

const CHECKED_AT_ONCE = 40; // articles whose text is loaded together when a part must be checked in the text
const LONGER_KEYS = 8; // keys that begin with a part that is no key, whose articles need no check
const UNITS_IN_KEYS = 3; // substrings.py keeps every unit, and every two and three in a row, as keys
const SHOWN_WITH_CHECK = 10; // candidates this few are loaded with what their results show (a page of results)
const BEGUN_KEYS = 64; // keys beginning with a needle read to tell where it is, at most (their records are loaded)
const LAO_RUN = /[\u0e80-\u0eff]+/g;
const ALL_LAO = /^[\u0e80-\u0eff]+$/;

/**
 * Keys that every text holding `needle` has as well: each Lao character of it, and each two in a row
 * (plugins/lao_search/substrings.py makes every one of the archive's a key). One the archive lacks, and the needle
 * is nowhere.
 */
export function requiredKeys(needle) {
  const out = [];
  for (const [run] of needle.matchAll(LAO_RUN)) {
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i) out.push(run[i - 1] + run[i]);
    }
  }
  return unique(out);
}

/** [from, to) of each run of Lao letters in `text`. */
function laoRuns(text) {
  return [...text.matchAll(LAO_RUN)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A search over `store`. search(raw) gives a promise of {mode, parts, needles, words, results}: mode is "exact",
 * "corrected" (nothing holds it as typed; these hold the closest spelling that finds articles), "all-words" (no
 * article has a Lao part as typed; these have each of its words), "none" or "empty"; needles are the Lao strings
 * every result contains; results [{ref, score, kind, year}] are in rank order.
 */
export function createSearch(store) {
  const texts = new Map(); // "ref" (or "ref-k", part k of a long one) -> folded text, of those checked so far
  const where = new Map(); // needle -> Map: long article -> the parts of its text known to hold the needle
  let entry = null;
  let pipeline = null;

  async function setup() {
    if (!entry) {
      entry = await store.open();
      pipeline = lunr.Pipeline.load(entry.pipeline); // lunr.js names the functions pipeline.js registered
    }
  }

  // The pieces of a Lao part against the archive's Lao words: [{text, word}], as segment.py made them for a key.
  async function piecesOf(part, records) {
    const record = records.get(part) || (await store.lookup([part])).get(part);
    if (record?.words) return record.words.map((text, i) => ({ text, word: !record.loose[i] }));
    const candidates = candidateWords(part, entry.longest).filter(hasLao);
    // The shards of a short part's words are asked for beside the list of words they are found in, not after it:
    // the part is ranked by the words' records, a round trip sooner (a long part has too many pieces to ask for).
    if (!runsOf(part).long) store.known(candidates).catch(() => {}); // a failure is met again when they are used
    const found = await store.words(candidates);
    const isWord = (w) => found.has(w);
    return segment(part, isWord, entry.longest).map((text) => ({ text, word: isWord(text) }));
  }

  // {refs, parts}: the articles that must hold `needle`, from the Lao keys inside it (null when it has none), and
  // for each long one among them the parts that may (Map: ref -> [k]). `known` are keys inside it found already
  // (fromKeys'): when their articles are few enough to check, no other is asked for; else the widest keys inside
  // it. When those leave more than a batch to check, the keys any text holding it would have (requiredKeys) are
  // looked up too, and one the archive lacks makes it []: asked only then, as they fall in many shards. Without
  // keys inside it, the two-letter ones tell which parts of long articles to check.
  async function candidatesFor(needle, known = []) {
    let { refs, records } = await articlesOfAll(known);
    if (!refs || refs.length > CHECKED_AT_ONCE) ({ refs, records } = await articlesOfAll(await widestInside(needle)));
    if (!refs || refs.length > CHECKED_AT_ONCE) {
      const required = requiredKeys(needle);
      const known = (await store.known(required)).keys;
      if (!required.every((key) => known.has(key))) return { refs: [], parts: new Map() };
      if (!refs) records = [...(await store.lookup(required.filter((key) => key.length === 2))).values()];
    }
    return { refs, parts: partsIn(records) };
  }

  // {refs, records}: the articles that hold every one of `keys` (null when there is none), and their records.
  async function articlesOfAll(keys) {
    if (!keys.length) return { refs: null, records: [] };
    const records = [...(await store.lookup(unique(keys))).values()];
    let refs = null;
    for (const record of records) refs = refs ? intersect(refs, record.docs) : record.docs;
    return { refs, records };
  }

  // The keys inside `needle` that no longer key inside it holds: one inside another is in all of its articles.
  async function widestInside(needle) {
    const inside = [];
    for (const [from, to] of laoRuns(needle)) {
      const at = breaks(needle.slice(from, to)).map((i) => from + i);
      for (let k = 1; k < at.length; k++) {
        for (let j = k - 1; j >= 0 && at[k] - at[j] <= entry.longestKey; j--) {
          if (at[k] - at[j] < needle.length) inside.push([at[j], at[k]]);
        }
      }
    }
    const { keys } = await store.known(unique(inside.map(([a, b]) => needle.slice(a, b))));
    const found = inside.filter(([a, b]) => keys.has(needle.slice(a, b)));
    const widest = found.filter(([a, b]) => !found.some(([c, d]) => c <= a && b <= d && d - c > b - a));
    return widest.map(([a, b]) => needle.slice(a, b));
  }

  // Map: long article -> the parts that hold every key of `records` (none of them: no entry).
  function partsIn(records) {
    let out = null;
    for (const record of records) {
      if (!out) {
        out = new Map(record.parts);
        continue;
      }
      for (const [ref, ks] of out) {
        const also = record.parts.get(ref);
        if (also) out.set(ref, intersect(ks, also));
        else out.delete(ref);
      }
    }
    return out || new Map();
  }

  // The folded text of part k of article ref (k 0 and a short article: all of it), loaded at most once.
  async function textOf(ref, k) {
    const name = k ? `${ref}-${k}` : String(ref);
    if (!texts.has(name)) texts.set(name, fold((await store.part(ref, k)).text));
    return texts.get(name);
  }

  // Those of `refs` whose text holds every one of `needles`, loading texts a batch at a time: of a long article,
  // only the parts that may hold each needle (`partsFor(needle)`: Map ref -> [k], or null when any may). The parts
  // found to hold a needle are kept in `where`. `asked()`, when given, is called once the first batch's texts are
  // asked for (in a task of its own: after the requests, which the store makes in later microtasks).
  async function checked(refs, needles, partsFor, asked = null) {
    // So few that all may be results on the first page: what each shows is asked for beside its text (a long
    // article's first part is a file of its own), not a round trip after it. A failure is met again when shown.
    if (refs.length <= SHOWN_WITH_CHECK) store.docs(refs).catch(() => {});
    const out = [];
    for (let start = 0; start < refs.length; start += CHECKED_AT_ONCE) {
      const batch = refs.slice(start, start + CHECKED_AT_ONCE);
      const holding = Promise.all(batch.map((ref) => holdsAll(ref, needles, partsFor))); // loaded together
      if (asked && !start) setTimeout(asked, 0);
      const held = await holding;
      for (const [i, ref] of batch.entries()) if (held[i]) out.push(ref);
    }
    return out;
  }

  async function holdsAll(ref, needles, partsFor) {
    const count = store.partCount(ref);
    for (const needle of needles) {
      const may = count > 1 ? (partsFor(needle)?.get(ref) ?? Array.from({ length: count }, (_, k) => k)) : [0];
      const found = [];
      for (const [k, text] of (await Promise.all(may.map((k) => textOf(ref, k)))).entries()) {
        if (text.includes(needle)) found.push(may[k]);
      }
      if (!found.length) return false;
      if (count > 1) placeOf(needle).set(ref, found);
    }
    return true;
  }

  function placeOf(needle) {
    if (!where.has(needle)) where.set(needle, new Map());
    return where.get(needle);
  }

  function keep(needle, parts) {
    const place = placeOf(needle);
    for (const [ref, ks] of parts) place.set(ref, place.has(ref) ? union(place.get(ref), ks) : ks);
  }

  // What the keys alone tell of a Lao `needle` that is no key, without reading a text: {nowhere: true} when no
  // article can hold it, {refs, parts} (every article that holds it, and the parts of long ones) when the keys that
  // begin with it are all the places it can be; of a longer one, {inside: keys} (keys any text that held it has)
  // and {within: refs} (articles that hold it at most) when those keys leave many; else null. In a text that held
  // it, each of its units but the first and the last would be a unit of the text, the last the beginning of one,
  // and the first, when a word may begin with its letter, the end of one that begins with vowels written before
  // their consonant, or none; when no word may begin with it (ັດຕັ້ງ, a reader's ຈັດຕັ້ງ without its first letter),
  // the end of a unit. substrings.py keeps every unit and every two and three in a row as keys, also from after
  // each of those vowels, and each unit's end with the three units after it.
  async function fromKeys(needle) {
    const { pieces, runs, long } = runsOf(needle);
    if (runs.length && (await store.known(runs)).keys.size < unique(runs).length) return { nowhere: true };
    // A longer needle's articles are those its runs (keys all) tell, checked in their text (candidatesFor), when
    // they are few: the keys it ends with would only narrow them, at a shard and a record file each (dozens; on a
    // phone, a round trip for every six). Else those keys narrow them first.
    // A run that is one of the archive's commonest words narrows them least, and its record is among the largest:
    // the others, when there are any, tell them alone, a request fewer in a round that may already ask for more than
    // the six at a time a phone's browser sends to a host.
    if (long) {
      const rare = runs.filter((run) => !store.isCommon(run));
      const narrowing = rare.length ? rare : runs;
      if ((await articlesOfAll(narrowing)).refs.length <= CHECKED_AT_ONCE) return { inside: narrowing };
    }
    // its last units (the last perhaps the beginning of a longer one) begin a key in any text that held it
    const last = long ? pieces.slice(-UNITS_IN_KEYS).join("") : needle;
    const beginning = store.prefixed(last, BEGUN_KEYS);
    // Too many to check: candidatesFor will narrow them by the widest keys inside the needle too. Their shards are
    // asked for now, just after the shard of the keys it ends with, and their records beside those keys' records
    // unless it is nowhere: on a phone, two round trips sooner. A failure is met again when they are used.
    const widest = long ? widestInside(needle) : null;
    widest?.catch(() => {});
    const begun = await beginning;
    const nowhere = begun?.length === 0; // no key begins so (null: more than BEGUN_KEYS do)
    if (widest && !nowhere) widest.then((keys) => store.lookup(keys)).catch(() => {});
    if (!begun) return long ? { inside: runs } : null;
    if (nowhere) return { nowhere: true };
    let refs = [];
    const parts = new Map();
    for (const record of (await store.lookup(begun)).values()) {
      refs = union(refs, record.docs);
      for (const [ref, ks] of record.parts) parts.set(ref, parts.has(ref) ? union(parts.get(ref), ks) : ks);
    }
    // A needle of a few units that begins a key: the keys that begin with it are every place it is. A longer one is
    // in their articles at most.
    return long ? { within: refs, inside: runs } : { refs, parts };
  }

  // Of a Lao `needle`: its pieces (breaks), whether the first is the end of a unit (`end`, 1 or 0), the keys any text
  // that held it would have (`runs`: its end of a unit and the units after it, and UNITS_IN_KEYS whole units in a
  // row, not the last: it may be the beginning of a longer one), and whether it is longer than one run (`long`).
  function runsOf(needle) {
    const at = breaks(needle);
    const pieces = at.slice(1).map((end, k) => needle.slice(at[k], end));
    const end = mayBegin(needle[0]) ? 0 : 1; // a first piece that is the end of a unit, kept with the units after it
    const runs = [];
    if (end && end + UNITS_IN_KEYS < pieces.length) runs.push(pieces.slice(0, end + UNITS_IN_KEYS).join(""));
    for (let k = end; k + UNITS_IN_KEYS < pieces.length; k++) runs.push(pieces.slice(k, k + UNITS_IN_KEYS).join(""));
    return { pieces, end, runs, long: pieces.length > end + UNITS_IN_KEYS };
  }

  // Articles that surely contain `needle`: those of keys that begin with it (what a reader types first is
  // often the start of a word).
  async function surelyWith(needle) {
    let refs = [];
    for (const record of (await store.withPrefix(needle, LONGER_KEYS)).values()) {
      refs = union(refs, record.docs);
      keep(needle, record.parts);
    }
    return refs;
  }

  // Refs (rising) of the articles in `pool` (null: all) whose folded text contains every one of `needles`: the
  // articles of the needles that are keys; for the others, those that have all their keys, checked in the text
  // but for those a longer key already vouches for (`asked()`, when given, is called once texts are asked for).
  async function containing(needles, pool, asked = null) {
    const records = await store.lookup(needles);
    let refs = pool;
    let rest = [];
    for (const needle of needles) {
      const record = records.get(needle);
      // A Lao key's articles are every one holding it; a Latin or digit piece (all-words) is a term at most, whose
      // articles have it as a whole word only: looked for in the text
      if (record && ALL_LAO.test(needle)) {
        refs = refs ? intersect(refs, record.docs) : record.docs;
        keep(needle, record.parts);
      } else rest.push(needle);
    }
    if (!rest.length || (refs && !refs.length)) return refs || [];
    const told = await Promise.all(rest.map((needle) => (ALL_LAO.test(needle) ? fromKeys(needle) : null)));
    if (told.some((found) => found?.nowhere)) return [];
    const inside = new Map(); // needle -> keys inside it, found by fromKeys
    for (const [k, found] of told.entries()) {
      if (found?.inside) inside.set(rest[k], found.inside);
      if (found?.refs) keep(rest[k], found.parts);
      const within = found?.refs || found?.within;
      if (within) refs = refs ? intersect(refs, within) : within;
    }
    rest = rest.filter((_, k) => !told[k]?.refs);
    if (!rest.length || (refs && !refs.length)) return refs || [];
    const candidates = await Promise.all(rest.map((needle) => candidatesFor(needle, inside.get(needle))));
    const partsFor = (needle) => candidates[rest.indexOf(needle)].parts;
    for (const found of candidates) {
      if (found.refs) refs = refs ? intersect(refs, found.refs) : found.refs;
    }
    refs = refs || Array.from({ length: entry.count }, (_, ref) => ref);
    if (refs.length <= CHECKED_AT_ONCE) return checked(refs, rest, partsFor, asked);
    // Many to check: first take those that longer keys beginning with the needles vouch for.
    let sure = refs;
    for (const vouched of await Promise.all(rest.map(surelyWith))) sure = intersect(sure, vouched);
    return union(sure, await checked(difference(refs, sure), rest, partsFor, asked));
  }

  // Each of `results` of a long article with the part of its text that holds its first match: the first part
  // known to hold one of `needles` or of the terms of `records` (the reader's words), else its first.
  function withParts(results, needles, records) {
    const places = [...needles.map((needle) => where.get(needle)), ...records.map((record) => record?.parts)];
    for (const result of results) {
      if (store.partCount(result.ref) < 2) continue;
      let first = Number.POSITIVE_INFINITY;
      for (const place of places) {
        const ks = place?.get(result.ref);
        if (ks) first = Math.min(first, ks[0]);
      }
      result.part = first === Number.POSITIVE_INFINITY ? 0 : first;
    }
    return results;
  }

  async function ranked(refs, termList, lao) {
    const records = await store.lookup(termList);
    const bonus = lao ? presence(entry.lengths, refs.length) : null;
    return rank(
      refs,
      termList.map((t) => records.get(t)),
      store.meta,
      bonus,
    );
  }

  // The query `raw` as typed, {parts, lao, words, outcome(mode, needles, results)}, with what the searches below
  // need; `answer` is set when it is answered already (nothing typed, or a word the archive lacks).
  async function prepare(raw) {
    const { parts, lao, words } = parseQuery(raw);
    const outcome = (mode, needles, results) => ({ mode, parts, needles, words, results });
    const query = { raw, parts, lao, words, outcome };
    if (!parts.length) return { ...query, answer: outcome("empty", [], []) };
    if (!lao.length && !words.length) return { ...query, answer: outcome("none", [], []) };
    await setup();
    const wordTerms = unique(words.flatMap((w) => pipeline.runString(w)));
    const looking = store.lookup(unique([...lao, ...wordTerms]), { words: true }); // ranked by their words
    // A long Lao part is seldom a key: the shards of the keys it would be looked for by (fromKeys) are asked for
    // beside its own, not after it. A failure is met again when they are used.
    for (const { long, runs } of lao.map(runsOf)) if (long) store.known(runs).catch(() => {});
    // The words a query is ranked by are most often among the archive's commonest, whose records the entry names:
    // those that may be its words are asked for at once (a round trip less on a phone), after the shards the
    // search needs first (a browser sends them in that order). Not those of a long part: see below.
    const short = lao.filter((part) => !runsOf(part).long);
    const mayBe = (parts) => parts.flatMap((part) => candidateWords(part, entry.longest));
    store.preload([...wordTerms, ...mayBe(short)]).catch(() => {});
    const records = await looking;
    if (wordTerms.some((t) => !records.get(t))) return { ...query, answer: outcome("none", lao, []) };
    let pool = null;
    for (const t of wordTerms) pool = pool ? intersect(pool, records.get(t).refs) : records.get(t).refs;
    // The articles that hold the Lao parts are looked for while the parts are split into words (which takes a
    // shard per word they may hold): the search as typed needs the words only to rank what it found, and a part
    // found nowhere only to try its words apart (allWords), so neither waits for the other. A long part that is no
    // key is found by the records of the keys inside it and checked in the text of the few articles that have
    // them all: what ranks those (its words, a shard or a record each) is asked for once their texts are, so as
    // not to take the connections those need first (on a phone, six at a time, a round trip each). When the keys
    // alone tell that nothing holds the query as typed, there is nothing to rank: the part is split into words only
    // if the search comes to try them apart (allWords), after its close spellings, which need those connections.
    const later = lao.filter((part) => !records.get(part) && !short.includes(part));
    let asked = () => {}; // with the articles found, when they are found before any text is asked for; else null
    const checking = new Promise((resolve) => {
      asked = resolve;
    });
    let apart = () => {};
    const triedApart = new Promise((resolve) => {
      apart = resolve;
    });
    const found = lao.length ? containing(lao, pool, later.length ? () => asked(null) : null) : null;
    found?.then(asked, () => asked(null)); // (nothing to check) a failure is met where it is awaited
    const split = Promise.all(
      lao.map(async (part) => {
        if (later.includes(part)) {
          if ((await checking)?.length === 0) await triedApart;
          store.preload(mayBe([part])).catch(() => {});
        }
        return piecesOf(part, records);
      }),
    );
    const terms = split.then((pieces) =>
      unique([
        ...pieces
          .flat()
          .filter((p) => p.word)
          .map((p) => p.text),
        ...wordTerms,
      ]),
    );
    // The records the results are ranked by, asked for as soon as they are known, while the search finds its
    // articles (a round trip less on a phone); a failure is met again when they are used.
    terms.then((list) => store.lookup(list)).catch(() => {});
    return { ...query, pool, found, split, apart, terms, wordRecords: wordTerms.map((t) => records.get(t)) };
  }

  // The articles that hold every part of `query` as typed, ranked; null when there is none. A lone one needs no
  // ranking to be shown: `lone(outcome)`, when given, has it before its score is known (the words it is ranked by
  // may take another round trip or two), and is awaited with the ranking.
  async function exactly({ lao, pool, found, terms, wordRecords, outcome }, lone = null) {
    const exact = lao.length ? await found : pool;
    if (!exact.length) return null;
    const shown = (results) => outcome("exact", lao, withParts(results, lao, wordRecords));
    const [, results] = await Promise.all([
      exact.length === 1 ? lone?.(shown([{ ref: exact[0], ...store.meta(exact[0]) }])) : null,
      (async () => ranked(exact, await terms, lao.length > 0))(),
    ]);
    return shown(results);
  }

  // Words typed together that never stand together: the articles that have them all, labelled as such.
  async function allWords({ lao, pool, split, apart, terms, wordRecords, outcome }) {
    apart();
    const pieces = await split;
    if (pieces.some((each) => each.length > 1)) {
      const needles = unique(pieces.flat().map((p) => p.text));
      const all = await containing(needles, pool);
      if (all.length) {
        return outcome("all-words", needles, withParts(await ranked(all, await terms, true), needles, wordRecords));
      }
    }
    return outcome("none", lao, []);
  }

  // The pieces of `query` found nowhere as typed: a Lao part no article holds, a word whose term the archive lacks.
  async function misspelt({ lao, words }) {
    const wrong = [];
    for (const part of lao) if (!(await containing([part], null)).length) wrong.push(part);
    const { keys } = await store.known(unique(words.flatMap((w) => pipeline.runString(w))));
    for (const word of words) if (pipeline.runString(word).some((t) => !keys.has(t))) wrong.push(word);
    return wrong;
  }

  // Map: each of the `wrong` pieces -> its close spellings (near.js closest), closest first; with `tonesOnly`, of
  // a Lao part only those that differ from it in tone marks alone (the spellings under its skeleton: store.tones).
  async function closeTo(wrong, tonesOnly) {
    const toned = (piece) => tonesOnly && hasLao(piece);
    const [found, tones] = await Promise.all([
      store.near(unique(wrong.filter((piece) => !toned(piece)).flatMap(variantsOf))),
      store.tones(unique(wrong.filter(toned).map(skeleton))),
    ]);
    return new Map(
      wrong.map((piece) => {
        if (!toned(piece)) return [piece, closest(piece, found)];
        const own = tones.has(skeleton(piece)) ? new Map([[piece, tones.get(skeleton(piece))]]) : new Map();
        return [piece, closest(piece, own)]; // all of them differ from it in tone marks alone
      }),
    );
  }

  // `close` (as closeTo gives it) with each Lao part mended piece by piece in place of its close spellings.
  async function mendedPieces(close) {
    const out = new Map();
    for (const [piece, spellings] of close) out.set(piece, hasLao(piece) ? await inPieces(piece) : spellings);
    return out;
  }

  // A Lao part mended piece by piece (near.js mended()): [{text}] or [].
  async function inPieces(part) {
    if (tolerance(part) < 0) return [];
    const at = breaks(part);
    const pieces = piecesAt(part, at);
    const [found, { keys }] = await Promise.all([store.near(unique(pieces.map(tonesVariant))), store.known(pieces)]);
    const text = mended(
      part,
      at,
      (piece) => keys.has(piece),
      (piece) => tonedFrom(piece, found)?.text,
    );
    return text ? [{ text }] : [];
  }

  // Of `suggestions`, those whose Lao parts, where they differ from the reader's (`typed`), are made of words of
  // the archive: a reader is offered words, not the pieces of words the archive also keeps as keys.
  async function wordsOnly(suggestions, typed) {
    const changed = (q) => parseQuery(q).lao.filter((part) => !typed.includes(part));
    const parts = unique(suggestions.flatMap(changed));
    const split = await Promise.all(parts.map((part) => piecesOf(part, new Map()))); // at once, not one by one
    const whole = new Set(parts.filter((_, k) => split[k].every((piece) => piece.word)));
    return suggestions.filter((q) => changed(q).every((part) => whole.has(part)));
  }

  // The query with close spellings of its misspelt pieces that finds articles, asked for in the stages near.js
  // stages() gives (each loads more than the one before), TRIED queries a stage at most; null when none does.
  async function corrected(query, early) {
    const rebuild = (replacements) => rebuilt(query.parts, replacements);
    const wrong = await misspelt(query);
    const tried = new Set();
    let close = null;
    for (const stage of stages(wrong)) {
      if (stage === "tones" || stage === "slips") close = await closeTo(wrong, stage === "tones");
      const offered =
        stage === "undone" ? [] : alternatives(stage === "mended" ? await mendedPieces(close) : close, rebuild);
      const queries =
        stage === "undone"
          ? undone(wrong[0]).map((text) => rebuild(new Map([[wrong[0], text]])))
          : offered.slice(0, TRIED);
      for (const attempt of queries.filter((q) => !tried.has(q))) {
        tried.add(attempt);
        const other = await prepare(attempt);
        const found = other.answer || (await exactly(other));
        if (found?.mode === "exact") {
          const outcome = { ...found, mode: "corrected", typed: query.parts, query: attempt };
          early?.({ ...outcome, suggestions: [] }); // the results may be shown while the other spellings are weighed
          const weighing = wordsOnly(
            others(offered, attempt, (w) => pipeline.runString(w)),
            query.lao,
          );
          // Once the results are on screen, other spellings that cannot be weighed (a file that did not load) are
          // left out rather than the results taken away.
          const suggestions = await (early ? weighing.catch(() => []) : weighing);
          return { ...outcome, suggestions };
        }
      }
    }
    return null;
  }

  /**
   * The outcome of a search for `raw`: the articles that hold it as typed; else, unless `asTyped`, those of the
   * closest spelling that finds any ("corrected", with `query` the one searched for and `suggestions` other
   * close ones); else those that hold all its words apart ("all-words"); else none. `early(outcome)`, when given,
   * has a corrected outcome as soon as its results are known, without its suggestions (weighed after), and an
   * outcome of one result found as typed as soon as that result is known, without its score (ranked after): what
   * the page shows is the same, sooner.
   */
  async function search(raw, { asTyped = false, early = null } = {}) {
    // The close spellings' entry, asked for with the first files of a query with Lao (just after them): a Lao part
    // found nowhere as typed needs it first (a round trip sooner on a phone); a Latin word's are named by the search
    // entry, and those of one that may be misspelt are asked for at once (closeAhead). A failure is met again where
    // they are used.
    const typed = parseQuery(raw);
    if (!asTyped && typed.lao.length)
      afterFirstFiles()
        .then(store.preloadNear)
        .catch(() => {});
    if (!asTyped) closeAhead(typed.words).catch(() => {});
    const toned = asTyped ? null : tonedLookup(typed); // asked for beside the search as typed, not after
    toned?.catch(() => {}); // awaited only when the search as typed finds few: a failure is met there
    const query = await prepare(raw);
    if (query.answer) {
      if (asTyped || query.answer.mode === "empty") return query.answer;
      return (await corrected(query, early)) || query.answer;
    }
    // A lone result is given early, unless the spelling with tone marks may be searched for in its place (fewFound).
    const lone = early && (async (outcome) => !(toned && tooFew(1, await toned)) && early(outcome));
    const exact = await exactly(query, lone);
    if (exact) return (await fewFound(exact, query, toned)) || exact;
    return (!asTyped && (await corrected(query, early))) || (await allWords(query));
  }

  // The close spellings of the Latin `words` of a query that may be misspelt (long enough to be forgiven a slip, and
  // not among the archive's commonest words, which are there), asked for beside the words' own shards, not once
  // those say a word is not there: a round trip less on a phone for a misspelt word, a few KB more for one that is
  // not. Asked for in a task of their own, after the query's own files (a browser sends them in that order).
  async function closeAhead(words) {
    const forgiven = words.filter((w) => tolerance(w) > 0);
    if (!forgiven.length) return;
    await setup();
    const mayBeWrong = forgiven.filter((w) => !pipeline.runString(w).every(store.isCommon));
    if (!mayBeWrong.length) return;
    await afterFirstFiles();
    await store.near(unique(mayBeWrong.flatMap(variantsOf)));
  }

  // Resolves in a task of its own, once the query's own first files are asked for: what is asked for after it, in
  // case it is needed, does not take a connection those need (on a phone, six at a time, a round trip each).
  function afterFirstFiles() {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  // Of a query of one Lao part typed without tone marks, the spelling with its marks most articles contain
  // ({text, count}, near.js tonedFrom), or null: from the one file of spellings under its skeleton, asked for just
  // after the query's own first files, in the same round trip.
  async function tonedLookup({ parts, lao }) {
    if (parts.length !== 1 || lao.length !== 1 || hasTones(lao[0]) || tolerance(lao[0]) < 0) return null;
    await setup();
    await afterFirstFiles();
    const tones = store.tones([lao[0]]);
    // Most often the word meant is one of the commonest, whose records the entry names: those it may be are asked
    // for now, beside that file, in case one is searched for instead (a round trip less on a phone).
    store.preload(store.commonWhere((word) => skeleton(word) === lao[0])).catch(() => {}); // met again when used
    return tonedFrom(lao[0], await tones);
  }

  // The search for the spelling `asked` (a promise of tonedLookup's) gives in place of `query`, when the articles
  // of `exact` are too few (near.js tooFew); not waited for when they are more than that could be.
  async function fewFound(exact, query, asked) {
    if (!asked || exact.results.length > TOO_FEW) return null;
    const toned = await asked;
    if (!tooFew(exact.results.length, toned)) return null;
    const other = await prepare(toned.text);
    const found = other.answer || (await exactly(other));
    if (found?.mode !== "exact") return null;
    return {
      ...found,
      mode: "corrected",
      typed: query.parts,
      query: toned.text,
      suggestions: [],
      few: exact.results.length,
    };
  }

  return { search };
}
