// One spelling of Lao text and one folded form to match in, the same as plugins/lao_search/text.py: the index and
// the query must agree.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner and space is removed on its own
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const TONES = "\u0ec8\u0ec9\u0eca\u0ecb";
const SPELLINGS = [
  [new RegExp(`\u0ecd([${TONES}])\u0eb2`, "g"), "$1\u0eb3"], // ໍ + tone + າ -> tone + ຳ
  [/\u0ecd\u0eb2/g, "\u0eb3"], // ໍ + າ -> ຳ
  [new RegExp(`\u0eb3([${TONES}])`, "g"), "$1\u0eb3"], // ຳ + tone -> tone + ຳ
  [/\u0eab\u0e99/g, "\u0edc"], // ຫ + ນ -> ໜ
  [/\u0eab\u0ea1/g, "\u0edd"], // ຫ + ມ -> ໝ
];
// HO + LO as HO + SEMIVOWEL LO, then RO as LO (in that order, as the reference normaliser of search_eval.py).
const HO_LO = /\u0eab\u0ea5/g;
const RO = /\u0ea3/g;
// Combining Diacritical Marks, their Extended and Supplement blocks, those for Symbols, and Half Marks.
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, controls included
const ACCENTED_RUNS = /[^\u0000-\u007f\u0e80-\u0eff]+/g; // only outside ASCII and Lao can accents be
const LAO = /[\u0e80-\u0eff]/;
// Outside Lao script a word is a run of letters or a run of digits, as text.py's words() gives them: "don't" is
// don + t. Its _PIECES counts numbers such as ² or ½ as letters, but ICU has already left them out of its words
// by then, so here they separate words ("x²" is x, "H₂O" is h + o); letter-like numbers (Ⅻ) stay letters.
export const LATIN_PIECES = /(?:(?![\u0e80-\u0eff])[\p{L}\p{Nl}])+|\p{Nd}+/gu;

/** The one spelling of `text` that snippets show and folding starts from (case is kept). */
export function normalise(text) {
  let out = text.normalize("NFC").replace(INVISIBLE, "");
  for (const [pattern, replacement] of SPELLINGS) out = out.replace(pattern, replacement);
  return out;
}

function withoutAccents(run) {
  return run.normalize("NFD").replace(ACCENTS, "").normalize("NFC");
}

/** What is matched of normalised text: Lao letters typed two ways as one, Latin without accents, lower case. */
export function fold(normal) {
  return normal
    .replace(HO_LO, "\u0eab\u0ebc")
    .replace(RO, "\u0ea5")
    .replace(ACCENTED_RUNS, withoutAccents)
    .toLowerCase();
}

/** fold(normalise(text)): the form both the index and a query are compared in. */
export function folded(text) {
  return fold(normalise(text));
}

/**
 * Normalised `text` folded character by character, and where each character of the folded text comes from:
 * {text, at(i)} with at(i) the offset in `text` of folded offset i (at(length) is text.length). Matches found in
 * the folded text are marked in the text as the article spells it.
 */
export function foldedWithOffsets(text) {
  const whole = fold(text);
  if (whole.length === text.length) return { text: whole, at: (i) => i };
  let out = "";
  const offsets = [];
  let i = 0;
  for (const char of text) {
    // A character folds on its own, but for LO after HO (the only rule that looks at a neighbour).
    const piece = char === "\u0ea5" && text[i - 1] === "\u0eab" ? "\u0ebc" : fold(char);
    for (let k = 0; k < piece.length; k++) offsets.push(i);
    out += piece;
    i += char.length;
  }
  offsets.push(text.length);
  return { text: out, at: (j) => offsets[Math.min(j, offsets.length - 1)] };
}

export function hasLao(text) {
  return LAO.test(text);
}

/** Words of text without Lao letters, as the build splits them: lower-cased letter runs and digit runs. */
export function latinWords(text) {
  return text.toLowerCase().match(LATIN_PIECES) || [];
}
