// One spelling of Lao text, the same as plugins/lao_search/text.py: the index and the query must agree.
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const TONES = "\u0ec8\u0ec9\u0eca\u0ecb";
const SPELLINGS = [
  [new RegExp(`\u0ecd([${TONES}])\u0eb2`, "g"), "$1\u0eb3"], // ໍ + tone + າ -> tone + ຳ
  [/\u0ecd\u0eb2/g, "\u0eb3"], // ໍ + າ -> ຳ
  [new RegExp(`\u0eb3([${TONES}])`, "g"), "$1\u0eb3"], // ຳ + tone -> tone + ຳ
  [/\u0eab\u0e99/g, "\u0edc"], // ຫ + ນ -> ໜ
  [/\u0eab\u0ea1/g, "\u0edd"], // ຫ + ມ -> ໝ
];
const LAO = /[\u0e80-\u0eff]/;
// Outside Lao script a word is a run of letters or a run of digits, as text.py's words() gives them: "don't" is
// don + t. Its _PIECES counts numbers such as ² or ½ as letters, but ICU has already left them out of its words
// by then, so here they separate words ("x²" is x, "H₂O" is h + o); letter-like numbers (Ⅻ) stay letters.
export const LATIN_PIECES = /(?:(?![\u0e80-\u0eff])[\p{L}\p{Nl}])+|\p{Nd}+/gu;

/** The one spelling of `text` that both the index and the query use (case is kept). */
export function normalise(text) {
  let out = text.normalize("NFC").replace(INVISIBLE, "");
  for (const [pattern, replacement] of SPELLINGS) out = out.replace(pattern, replacement);
  return out;
}

/** What a search compares: the normal spelling, lower-cased (Python's str.lower and JS agree on this). */
export function folded(text) {
  return normalise(text).toLowerCase();
}

export function hasLao(text) {
  return LAO.test(text);
}

/** Words of text without Lao letters, as the build splits them: lower-cased letter runs and digit runs. */
export function latinWords(text) {
  return text.toLowerCase().match(LATIN_PIECES) || [];
}
