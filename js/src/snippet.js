// A few lines of an article around what the reader looked for, with every match marked. Pure: segments out.
import { stem } from "./pipeline.js";

const WIDTH = 200;
const LATIN_WORD = /(?:(?![\u0e80-\u0eff])[\p{L}\p{Nl}\p{No}])+|\p{Nd}+/gu;

/**
 * Segments [{text, mark}] of a window of `doc.text` (after its title line) around the first match of the Lao
 * `needles` (lower-case substrings) or of words with the same stem as `words`.
 */
export function snippet(doc, needles, words, width = WIDTH) {
  const body = doc.text.slice(doc.text.indexOf("\n") + 1 || doc.text.length).replace(/\n/g, " ") || doc.text;
  const ranges = matches(body, needles, words);
  const first = ranges.length ? ranges[0][0] : 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  const space = body.lastIndexOf(" ", start);
  if (start > 0 && space !== -1 && start - space < 20) start = space + 1;
  const end = Math.min(body.length, start + width);
  const segments = marked(body, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", mark: false });
  if (end < body.length) segments.push({ text: "…", mark: false });
  return segments;
}

/** Segments of the whole of `text` (a title, say), every match marked. */
export function highlight(text, needles, words) {
  return marked(text, matches(text, needles, words), 0, text.length);
}

function marked(text, ranges, start, end) {
  const segments = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (a > at) segments.push({ text: text.slice(at, a), mark: false });
    segments.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return segments;
}

/** Sorted, merged [from, to) ranges of every match in `text`. */
export function matches(text, needles, words) {
  const lower = text.toLowerCase();
  const found = [];
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      found.push([at, at + needle.length]);
    }
  }
  if (words.length && lower.length === text.length) {
    const stems = new Set(words.map(stem));
    for (const m of lower.matchAll(LATIN_WORD)) {
      if (stems.has(stem(m[0]))) found.push([m.index, m.index + m[0].length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
