// Break Lao into pieces that need no context, as plugins/lao_search/segment.py does: where a word may begin, the
// syllable-like units between those places, and a query's words against the index's own vocabulary, so that the
// query agrees with the index whatever the browser's ICU (or none: Intl.Segmenter is not everywhere, and its Lao
// dictionary differs between versions).

// No word starts with a vowel sign, tone or other mark, nor with the vowels and signs written after a consonant
// (ະ າ ຳ ຽ ໆ); none ends with a vowel written before its consonant (ເ ແ ໂ ໃ ໄ); none splits a character written
// with two UTF-16 code units. The Lao marks are listed, not looked up, as in segment.py: browsers and Python know
// different Unicode versions (U+0ECE is a mark since 15.0).
const NO_START = /[\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ece\u0eb0\u0eb2\u0eb3\u0ebd\u0ec6]|(?![\u0e80-\u0eff])\p{M}/u;
const NO_END = /[\u0ec0-\u0ec4]/;
const LAO_RUN = /[\u0e80-\u0eff]+/g;

/** Whether a word may begin with `char` (where the letter before it may end one). */
export function mayBegin(char) {
  return !NO_START.test(char);
}

/** Whether a word may begin at `i` of `text` (and the one before end there). */
export function canBreak(text, i) {
  if (i <= 0 || i >= text.length) return true;
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff) return false; // the second half of a character
  return !(NO_START.test(text[i]) || NO_END.test(text[i - 1]));
}

/** Every place of `text` where a word may begin, both ends included. */
export function breaks(text) {
  const out = [];
  for (let i = 0; i <= text.length; i++) if (canBreak(text, i)) out.push(i);
  return out;
}

/** `text` cut at every place where a word may begin: consonants with their vowels and marks. */
export function units(text) {
  const at = breaks(text);
  return at.slice(1).map((end, k) => text.slice(at[k], end));
}

/** The units of each run of Lao letters in `text`, run by run. */
export function laoUnits(text) {
  return (text.match(LAO_RUN) || []).map(units);
}

/**
 * `text` broken into words for which `isWord` holds (none longer than `longest`): the most characters covered by
 * words, then the fewest pieces; characters no word covers stay together as one piece. Words begin and end only
 * where canBreak allows. Deterministic: among equal choices the longer last word wins.
 */
export function segment(text, isWord, longest) {
  const at = breaks(text);
  // For the text up to at[k]: characters covered by words, pieces, index of the last piece's start and whether
  // that piece is a word. j runs towards longer last words, which win ties.
  const best = [{ covered: 0, pieces: 0, from: 0, word: false }];
  for (let k = 1; k < at.length; k++) {
    const end = at[k];
    let choice = { covered: best[k - 1].covered, pieces: best[k - 1].pieces + 1, from: k - 1, word: false };
    for (let j = k - 1; j >= 0 && end - at[j] <= longest; j--) {
      if (!isWord(text.slice(at[j], end))) continue;
      const covered = best[j].covered + end - at[j];
      const pieces = best[j].pieces + 1;
      if (covered > choice.covered || (covered === choice.covered && pieces <= choice.pieces)) {
        choice = { covered, pieces, from: j, word: true };
      }
    }
    best.push(choice);
  }
  const out = [];
  let loose = ""; // characters no word covers, gathered backwards
  for (let k = at.length - 1; k > 0; k = best[k].from) {
    const piece = text.slice(at[best[k].from], at[k]);
    if (best[k].word) {
      if (loose) out.push(loose);
      loose = "";
      out.push(piece);
    } else {
      loose = piece + loose;
    }
  }
  if (loose) out.push(loose);
  return out.reverse();
}

/** The strings `segment` may ask `isWord` about: every piece of `text` between two breaks, up to `longest`. */
export function candidateWords(text, longest) {
  const at = breaks(text);
  const out = new Set();
  for (let k = 1; k < at.length; k++) {
    for (let j = k - 1; j >= 0 && at[k] - at[j] <= longest; j--) out.add(text.slice(at[j], at[k]));
  }
  return [...out];
}
