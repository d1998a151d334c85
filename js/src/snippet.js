// A few lines of an article around what the reader looked for, with every match marked. Pure: segments out,
// [{text, mark}], which the page turns into text nodes and <mark> elements.
import { fold, foldedWithOffsets, LATIN_PIECES, normalise } from "./normalise.js";
import { stem } from "./pipeline.js";
import { canBreak } from "./segment.js";

export const WIDTH = 200; // characters of text shown, give or take the word boundaries
const LEAD = 60; // characters shown before the first match, at most a third of the window
const SNAP = 30; // how far a cut moves back to fall on a space

/**
 * Segments of a window of the summary and body of `doc` (not its title, not its tags), around the first match of the Lao `needles` (lower-case
 * substrings) or of a word with the same stem as one of `words`; every match in the window marked, "…" where
 * the text is cut. Without a match after the title, the window opens the text.
 */
export function snippet(doc, needles, words, width = WIDTH) {
  const body = bodyText(doc).replace(/\n/g, " ");
  if (!body.trim()) return [];
  const ranges = matches(body, needles, words);
  const [first, firstEnd] = ranges.length ? ranges[0] : [0, 0];
  const lead = Math.min(LEAD, Math.floor(width / 3));
  let start = first <= lead ? 0 : cut(body, first - lead, 0);
  let end = start + width >= body.length ? body.length : cut(body, start + width, Math.max(firstEnd, start + 1));
  if (end < firstEnd) end = firstEnd;
  const straddling = ranges.find(([from, to]) => from < end && to > end);
  if (straddling) end = straddling[1]; // never cut a match in two
  while (body[start] === " ") start++;
  while (end > start && body[end - 1] === " ") end--;
  const segments = marked(body, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", mark: false });
  if (end < body.length) segments.push({ text: "…", mark: false });
  return segments;
}

/**
 * The printed page (1, 2, …: of its PDF, or its page scans) of `doc` that holds the first match after its title,
 * the one its snippet is around; 0 when that match is not in the printed pages' text, or there is none.
 * `doc.print.pages`: where each page begins in `doc.text` (plugins/lao_search/documents.py puts the printed pages
 * after the body); or `doc.print.page`, the page of the one part of a long article's text that `doc.text` holds
 * (store.js, shown).
 */
export function printedPage(doc, needles, words) {
  if (doc.print?.page) return matches(bodyText(doc), needles, words).length ? doc.print.page : 0; // one page's part
  const pages = doc.print?.pages;
  if (!pages?.length) return 0;
  const [first] = matches(bodyText(doc).replace(/\n/g, " "), needles, words);
  if (!first) return 0;
  const at = bodyStart(doc) + first[0];
  let page = 0;
  while (page < pages.length && pages[page] <= at) page++;
  return page;
}

/** Segments of the whole of `text` (a title, say), every match marked. */
export function highlight(text, needles, words) {
  return marked(text, matches(text, needles, words), 0, text.length);
}

/** The summary and body of `doc`: its text without the title before them and the tags after them. */
export function bodyText(doc) {
  const rest = doc.text.slice(bodyStart(doc));
  if (!doc.tags) return rest;
  const lines = rest.split("\n");
  return lines.slice(0, Math.max(0, lines.length - doc.tags)).join("\n");
}

/** The tags of `doc` (the last `doc.tags` lines of its text), each as segments with its matches marked. */
export function tagsMatching(doc, needles, words) {
  if (!doc.tags) return [];
  const lines = doc.text.split("\n");
  return lines
    .slice(Math.max(1, lines.length - doc.tags))
    .map((tag) => highlight(tag, needles, words))
    .filter((segments) => segments.some((part) => part.mark));
}

/** Where the text after the title begins in `doc.text` (title, then summary, body and tags, one per line). */
export function bodyStart(doc) {
  const title = normalise(doc.title || ""); // as the build wrote it
  if (title && doc.text.startsWith(title)) return Math.min(doc.text.length, title.length + 1);
  const line = doc.text.indexOf("\n");
  return line === -1 ? doc.text.length : line + 1;
}

/**
 * Sorted, merged [from, to) ranges of every match in `text` (normalised, as the article spells it) of the folded
 * `needles` and of words with the stem of one of `words`: folded, so that ຫລ finds ຫຼ and bogota bogotá.
 */
export function matches(text, needles, words) {
  const { text: foldedText, at } = foldedWithOffsets(text);
  const found = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let i = foldedText.indexOf(needle); i !== -1; i = foldedText.indexOf(needle, i + needle.length)) {
      found.push([at(i), at(i + needle.length)]);
    }
  }
  if (words.length) {
    const stems = new Set(words.map(stem));
    for (const m of text.matchAll(LATIN_PIECES)) {
      if (stems.has(stem(fold(m[0])))) found.push([m.index, m.index + m[0].length]);
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

// A cut at or before `i`, not before `floor`: just after a space within SNAP characters, else at the nearest place
// where a word may begin, so that vowel signs and tone marks stay on their letters.
function cut(text, i, floor) {
  const space = text.lastIndexOf(" ", i);
  if (space >= Math.max(floor, i - SNAP)) return space + 1;
  let at = i;
  while (at > floor && !(canBreak(text, at) && !isTrailSurrogate(text.charCodeAt(at)))) at--;
  return at;
}

function isTrailSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

function marked(text, ranges, start, end) {
  const segments = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= at || from >= end) continue;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (a > at) segments.push({ text: text.slice(at, a), mark: false });
    segments.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return segments;
}
