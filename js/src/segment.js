// Break a Lao query into words against the index's own vocabulary, so that it agrees with the index whatever
// the browser's ICU (or none: Intl.Segmenter is not everywhere).

/**
 * A function breaking normalised Lao text into words: the most characters covered by vocabulary words, then the
 * fewest words; characters no word covers form runs of their own.
 */
export function makeSegmenter(vocabulary) {
  const words = new Set(vocabulary);
  let longest = 1;
  for (const w of words) longest = Math.max(longest, w.length);
  return function segment(text) {
    const n = text.length;
    // best[i] = [covered characters, -words] for text.slice(0, i); from[i] = start of the last piece.
    const best = [[0, 0]];
    const from = [0];
    const known = [false];
    for (let end = 1; end <= n; end++) {
      let choice = [best[end - 1][0], best[end - 1][1] - 1];
      let start = end - 1;
      let isWord = false;
      for (let s = Math.max(0, end - longest); s < end; s++) {
        if (!words.has(text.slice(s, end))) continue;
        const candidate = [best[s][0] + end - s, best[s][1] - 1];
        if (candidate[0] > choice[0] || (candidate[0] === choice[0] && candidate[1] > choice[1])) {
          choice = candidate;
          start = s;
          isWord = true;
        }
      }
      best.push(choice);
      from.push(start);
      known.push(isWord);
    }
    const pieces = [];
    for (let end = n; end > 0; end = from[end]) pieces.push([text.slice(from[end], end), known[end]]);
    pieces.reverse();
    const out = []; // join neighbouring characters that no word covered
    let loose = "";
    for (const [piece, isWord] of pieces) {
      if (isWord) {
        if (loose) out.push(loose);
        loose = "";
        out.push(piece);
      } else {
        loose += piece;
      }
    }
    if (loose) out.push(loose);
    return out;
  };
}
