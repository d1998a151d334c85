// Break a Lao query into words against the index's own vocabulary, so that it agrees with the index whatever
// the browser's ICU (or none: Intl.Segmenter is not everywhere, and its Lao dictionary differs between versions).

// No word starts with a vowel sign, tone or other mark, nor with the vowels and signs written after a consonant
// (ະ າ ຳ ຽ ໆ); none ends with a vowel written before its consonant (ເ ແ ໂ ໃ ໄ).
const NO_START = /[\p{M}\u0eb0\u0eb2\u0eb3\u0ebd\u0ec6]/u;
const NO_END = /[\u0ec0-\u0ec4]/;

/** Whether a word may begin at `i` of `text` (and the one before end there). */
export function canBreak(text, i) {
  return i <= 0 || i >= text.length || !(NO_START.test(text[i]) || NO_END.test(text[i - 1]));
}

/**
 * A function breaking normalised, lower-cased text into words of `vocabulary` (an iterable of strings): the
 * most characters covered by vocabulary words, then the fewest pieces; neighbouring characters that no word
 * covers stay together as one piece. Words begin and end only where canBreak allows. Deterministic: among
 * equal choices the longer last word wins.
 */
export function makeSegmenter(vocabulary) {
  const words = new Set(vocabulary);
  let longest = 1;
  for (const w of words) longest = Math.max(longest, w.length);
  return function segment(text) {
    const breaks = [];
    for (let i = 0; i <= text.length; i++) if (canBreak(text, i)) breaks.push(i);
    // For the text up to breaks[k]: characters covered by words, pieces, index of the last piece's start and
    // whether that piece is a word. j runs towards longer last words, which win ties.
    const best = [{ covered: 0, pieces: 0, from: 0, word: false }];
    for (let k = 1; k < breaks.length; k++) {
      const end = breaks[k];
      let choice = { covered: best[k - 1].covered, pieces: best[k - 1].pieces + 1, from: k - 1, word: false };
      for (let j = k - 1; j >= 0 && end - breaks[j] <= longest; j--) {
        if (!words.has(text.slice(breaks[j], end))) continue;
        const covered = best[j].covered + end - breaks[j];
        const pieces = best[j].pieces + 1;
        if (covered > choice.covered || (covered === choice.covered && pieces <= choice.pieces)) {
          choice = { covered, pieces, from: j, word: true };
        }
      }
      best.push(choice);
    }
    const out = [];
    let loose = ""; // characters no word covers, gathered backwards
    for (let k = breaks.length - 1; k > 0; k = best[k].from) {
      const piece = text.slice(breaks[best[k].from], breaks[k]);
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
  };
}
