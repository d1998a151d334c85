// Close spellings of what a reader typed, by the rules of plugins/lao_search/near.py, which keeps the archive's
// spellings under the same variants: a Lao part reaches a spelling that differs only in its tone marks from three
// code points typed, and one with one slip more (a letter left out, doubled, added or replaced, two in a row
// swapped) from four; a Latin word reaches one with a slip from five letters, with two from nine. Pure: the store
// gives the spellings each variant leads to (store.js near()).
import { unique } from "./lists.js";
import { hasLao, LATIN_PIECES } from "./normalise.js";
import { parseQuery } from "./rank.js";
import { mayBegin } from "./segment.js";

const TONES = /[\u0ec8-\u0ecb]/g;
const TONE = /[\u0ec8-\u0ecb]/;
export const LAO_TONES_FROM = 3; // code points typed from which tone marks are forgiven
export const LAO_SLIP_FROM = 4; // ... and one slip
export const LAO_SHORTEST = 3; // near.py's: spellings shorter than this are not kept
export const LATIN_SHORTEST = 4; // near.py's too
export const LATIN_SLIP_FROM = 5; // letters typed from which one slip is forgiven
export const LATIN_TWO_FROM = 9; // ... and two
const INDEXED_LAO = 3; // near.py's LAO_SLIP_FROM: skeletons this long are kept with each letter left out
const PREFIX = 7; // near.py's: only the beginning of a spelling is varied
const SUGGESTED = 3; // close spellings offered beside the one searched for
export const TOO_FEW = 5; // articles: a query typed without tone marks that finds no more ...
export const FEWER_BY = 2; // ... while the same letters with their marks find this many times as many, is corrected
export const TRIED = 2; // close spellings of a query searched for in turn, when the closest finds nothing
export const UNDONE = 12; // strings undone() tries, at most: a query's slips put right one by one

/**
 * Whether a Lao `part` begins with a letter no word begins with (a vowel sign or tone mark written above, below or
 * after its consonant): when it is found nowhere, most likely its consonant was left out (closest()).
 */
export function mistyped(part) {
  return hasLao(part) && !mayBegin(part[0]);
}

/** Whether `text` has a Lao tone mark. */
export function hasTones(text) {
  return TONE.test(text);
}

/** `text` without its Lao tone marks (near.py's skeleton). */
export function skeleton(text) {
  return text.replace(TONES, "");
}

/** `text` and every string made of it by leaving out up to `times` characters, each once. */
export function deletions(text, times) {
  const out = new Set([text]);
  let edge = [text];
  for (let t = 0; t < times; t++) {
    const next = new Set();
    for (const word of edge) {
      const letters = [...word]; // by code point, as Python counts them
      for (let i = 0; i < letters.length; i++) next.add([...letters.slice(0, i), ...letters.slice(i + 1)].join(""));
    }
    for (const word of next) out.add(word);
    edge = [...next];
  }
  return [...out];
}

/**
 * How many slips may part `typed` (a folded Lao part, or a Latin word) from `spelling`, tone marks aside (they are
 * always free in Lao, being left out of the comparison); without `spelling`, from any spelling. One from
 * LAO_SLIP_FROM code points or LATIN_SLIP_FROM letters typed, or from a spelling that long when the reader left one
 * of its letters out; two from LATIN_TWO_FROM letters typed; -1 when `typed` is too short to guess from at all.
 * A slip that keeps the length is only forgiven where near.py keeps the variants that find it (a Lao skeleton of
 * INDEXED_LAO letters), so that every spelling counted close is found.
 */
export function tolerance(typed, spelling = null) {
  const lao = hasLao(typed);
  const length = [...typed].length;
  if (length < (lao ? LAO_TONES_FROM : LATIN_SHORTEST)) return -1;
  if (!lao && length >= LATIN_TWO_FROM) return 2;
  const from = lao ? LAO_SLIP_FROM : LATIN_SLIP_FROM;
  if (spelling === null) return length >= from ? 1 : 0;
  const [mine, theirs] = lao ? [skeleton(typed), skeleton(spelling)] : [typed, spelling];
  // (a Latin word long enough to be forgiven a slip is always long enough for near.py to keep its variants)
  const found = !lao || theirs.length < mine.length || theirs.length >= INDEXED_LAO;
  const leftOut = theirs.length > mine.length && [...spelling].length >= from;
  return found && (length >= from || leftOut) ? 1 : 0;
}

/** The one string to ask the store for the spellings of Lao `text` with other tone marks: its skeleton's start. */
export function tonesVariant(text) {
  return [...skeleton(text)].slice(0, PREFIX).join("");
}

/** The strings to ask the store for, for `typed` (near.py keeps the same ones of each spelling). */
export function variantsOf(typed) {
  const slips = tolerance(typed);
  if (slips < 0) return [];
  return deletions([...(hasLao(typed) ? skeleton(typed) : typed)].slice(0, PREFIX).join(""), slips);
}

/**
 * The edit distance of `a` and `b`: letters left out, added or replaced, and two in a row swapped, each one
 * (the optimal string alignment distance); counting stops past `most` (then most + 1).
 */
export function distance(a, b, most = Number.POSITIVE_INFINITY) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = null;
  let above = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > most) return most + 1;
    before = above;
    above = row;
  }
  return above[b.length];
}

/**
 * The spellings close to `typed`, closest first: [{text, count, slips}], from `found` (Map: variant -> [spelling,
 * articles, spelling, articles...], what the store gives for variantsOf(typed)). Fewer slips first (a Lao
 * spelling that differs only in tone marks has none); then, when the reader typed tone marks, the spelling with
 * those marks; then, when what was typed begins with a vowel sign or tone mark, a spelling that ends with it (its
 * consonant was left out); then a likely slip (a letter left out, two swapped, one doubled, a neighbouring key) before an
 * unlikely one (another letter, one added); then one that is not just a piece of what was typed (a reader who
 * typed more meant more); then the one more articles contain; then by spelling.
 */
export function closest(typed, found) {
  if (tolerance(typed) < 0) return [];
  const lao = hasLao(typed);
  const bare = lao ? skeleton(typed) : typed;
  const tones = lao ? tonesOf(typed) : "";
  const headless = mistyped(typed);
  const seen = new Map();
  for (const list of found.values()) {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const [text, count] = [list[i], list[i + 1]];
      if (text === typed || seen.has(text) || hasLao(text) !== lao) continue;
      const other = lao ? skeleton(text) : text;
      const allowed = tolerance(typed, text);
      const slips = distance(bare, other, allowed);
      if (slips > allowed) continue;
      const slip = slips === 1 ? slipOf(bare, other, lao) : "";
      seen.set(text, {
        text,
        count,
        slips,
        toneSlips: tones ? distance(tones, tonesOf(text)) : 0,
        headFound: headless && other.endsWith(bare), // a part that begins with a vowel sign lost its consonant
        unlikely: slip === "other",
        piece: bare.includes(other) && slip !== "doubled", // a letter typed twice is no more than was meant
      });
    }
  }
  return [...seen.values()]
    .sort(
      (x, y) =>
        x.slips - y.slips ||
        x.toneSlips - y.toneSlips ||
        Number(y.headFound) - Number(x.headFound) ||
        Number(x.unlikely) - Number(y.unlikely) ||
        Number(x.piece) - Number(y.piece) ||
        y.count - x.count ||
        (x.text < y.text ? -1 : x.text > y.text ? 1 : 0),
    )
    .map(({ text, count, slips }) => ({ text, count, slips }));
}

function tonesOf(text) {
  return (text.match(TONES) || []).join("");
}

// How `meant` became `typed`, one slip apart: "doubled" (a letter typed twice), "left out", "swapped" (two in a
// row), "beside" (Latin: a key beside the right one), or "other" (another letter, one added).
function slipOf(typed, meant, lao) {
  if (meant.length === typed.length + 1) return "left out";
  let i = 0;
  while (i < typed.length && typed[i] === meant[i]) i++;
  if (meant.length === typed.length - 1) return i > 0 && typed[i] === typed[i - 1] ? "doubled" : "other";
  if (typed[i + 1] === meant[i] && typed[i] === meant[i + 1]) return "swapped";
  return !lao && (KEYS_BESIDE.get(meant[i]) || "").includes(typed[i]) ? "beside" : "other";
}

// The keys beside each letter on a QWERTY keyboard (its row, and the rows above and below).
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const KEYS_BESIDE = new Map(
  ROWS.flatMap((row, r) =>
    [...row].map((key, i) => [
      key,
      ROWS.slice(Math.max(0, r - 1), r + 2)
        .map((near) => near.slice(Math.max(0, i - 1), i + 2))
        .join(""),
    ]),
  ),
);

/**
 * The query of `parts` (a parsed query's) with each misspelt piece replaced as `replacements` says (Map: typed ->
 * spelling): a Lao part whole, a Latin word where it stands in its part.
 */
export function rebuilt(parts, replacements) {
  return parts
    .map((part) =>
      hasLao(part)
        ? (replacements.get(part) ?? part)
        : part.replace(LATIN_PIECES, (word) => replacements.get(word) ?? word),
    )
    .join(" ");
}

/**
 * Of `queries`, those that search for something else than `chosen`, once each: not another form of the same stems
 * (`stems(word)`: the search pipeline's terms of a word), nor a piece of it (a unit or two of a longer spelling),
 * which finds what it finds and more.
 */
export function others(queries, chosen, stems) {
  const searched = (q) => {
    const { lao, words } = parseQuery(q);
    return JSON.stringify([lao, words.flatMap(stems)]);
  };
  const seen = new Set([searched(chosen)]);
  return queries.filter((q) => !chosen.includes(q) && !seen.has(searched(q)) && seen.add(searched(q)));
}

/**
 * The stages in which close spellings of the `wrong` pieces of a query are asked for, each costing more than the
 * one before: "tones" (a Lao part's spellings with other tone marks only), "slips" (all of them), "undone" (a
 * lone Lao part with a letter typed twice or two swapped put right: undone(); its spellings need not be keys),
 * "mended" (a Lao part piece by piece). A reader who typed no tone mark at all most likely left them out: tones
 * first, then the pieces, then slips; else slips, then the pieces. No Lao part: slips only.
 */
export function stages(wrong) {
  const lao = wrong.filter(hasLao);
  if (!lao.length) return wrong.length ? ["slips"] : [];
  const undo = wrong.length === 1 && tolerance(lao[0]) > 0 ? ["undone"] : [];
  return lao.every((part) => !hasTones(part)) ? ["tones", "mended", "slips", ...undo] : ["slips", ...undo, "mended"];
}

/**
 * What `typed` (a Lao part) was before the slips readers make that need no other letter: each letter typed twice
 * typed once, then each two letters in a row swapped back, UNDONE at most. (A letter left out needs the close
 * spellings: it could be any.)
 */
export function undone(typed) {
  const letters = [...typed];
  const out = [];
  for (let i = 1; i < letters.length; i++) {
    if (letters[i] === letters[i - 1]) out.push([...letters.slice(0, i), ...letters.slice(i + 1)].join(""));
  }
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] !== letters[i + 1]) {
      out.push([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join(""));
    }
  }
  return unique(out).slice(0, UNDONE);
}

/**
 * Queries to try in place of one whose `wrong` pieces (typed -> [close spellings, closest first]) are found
 * nowhere: the closest spelling of each first, then each further one of the first piece that has some, up to
 * SUGGESTED + 1 queries; `rebuild(replacements)` writes a query from a Map typed -> spelling.
 */
export function alternatives(wrong, rebuild) {
  const pieces = [...wrong.keys()];
  if (!pieces.length || pieces.some((p) => !wrong.get(p).length)) return [];
  const best = new Map(pieces.map((p) => [p, wrong.get(p)[0].text]));
  const out = [rebuild(best)];
  const varied = pieces.find((p) => wrong.get(p).length > 1);
  for (const other of varied ? wrong.get(varied).slice(1) : []) {
    if (out.length > SUGGESTED) break;
    out.push(rebuild(new Map([...best, [varied, other.text]])));
  }
  return unique(out);
}

/**
 * A Lao `part` that no spelling is close to as a whole, mended piece by piece (a word the reader meant may be the
 * beginning of a longer one, or run across two): cut where a word may begin (`at`, segment.js's breaks) into the
 * fewest pieces that are each a key of the archive as typed (`isKey`) or differ from a spelling only in tone
 * marks (`toned(piece)`: that spelling, or null), with at least one of those; among as many pieces, the most
 * spelt anew when the reader typed no tone mark at all (they left them all out), else the fewest. Null when
 * there is no such cut.
 */
export function mended(part, at, isKey, toned) {
  const sign = hasTones(part) ? 1 : -1; // changed pieces count against a cut, or for it
  // best[k]: the best cut of part from at[k] to its end, as [pieces, changed pieces, text]
  const best = Array(at.length).fill(null);
  best[at.length - 1] = [0, 0, ""];
  const better = (x, y) => !y || x[0] < y[0] || (x[0] === y[0] && sign * (x[1] - y[1]) < 0);
  for (let k = at.length - 2; k >= 0; k--) {
    for (let j = k + 1; j < at.length; j++) {
      if (!best[j]) continue;
      const piece = part.slice(at[k], at[j]);
      for (const spelling of [isKey(piece) ? piece : null, toned(piece)]) {
        if (!spelling) continue;
        const tried = [best[j][0] + 1, best[j][1] + (spelling === piece ? 0 : 1), spelling + best[j][2]];
        if (better(tried, best[k])) best[k] = tried;
      }
    }
  }
  return best[0] && best[0][1] > 0 ? best[0][2] : null;
}

/** The pieces of `part` that mended() may ask about: every run from one place of `at` to a later one. */
export function piecesAt(part, at) {
  const out = [];
  for (let k = 0; k < at.length; k++) for (let j = k + 1; j < at.length; j++) out.push(part.slice(at[k], at[j]));
  return unique(out);
}

/**
 * Of `found` (as closest() takes it), the spelling of `piece` that differs from it only in tone marks and that
 * most articles contain, as {text, count}, or null.
 */
export function tonedFrom(piece, found) {
  const bare = skeleton(piece);
  let best = null;
  for (const list of found.values()) {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const [text, count] = [list[i], list[i + 1]];
      if (text === piece || skeleton(text) !== bare) continue;
      if (!best || count > best.count || (count === best.count && text < best.text)) best = { text, count };
    }
  }
  return best;
}

/**
 * Whether a query of one Lao part typed without tone marks, found as typed in `found` articles, finds too few
 * for the reader who left the marks out: TOO_FEW at most, while `toned` (tonedFrom's) is in FEWER_BY times as many.
 */
export function tooFew(found, toned) {
  return Boolean(toned) && found <= TOO_FEW && toned.count >= FEWER_BY * found;
}
