// node js/test/equivalence.mjs DATA_FOLDER [--queries N] [--seed S]
// Runs N queries made from a built language's own search data (words, pairs of words, pieces of articles' text
// typed in other spellings, English words, several parts, strings no article holds), and N/2 of them misspelt (tone
// marks left out, a slip), through the split search and through the reference that reads everything, and fails,
// listing the differences, unless both give the same results in the same order (and, misspelt, the same close
// spellings). Prints how much the split search loaded. Run by tests/test_search_build.py.
import fs from "node:fs";
import path from "node:path";
import { createSearch } from "../src/search.js";
import { breaks } from "../src/segment.js";
import { fileStore, payloadOf, referenceOf, wholeDocs } from "./site-data.mjs";

const args = process.argv.slice(2);
const folder = args[0];
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = option("--queries", 300);
let seed = option("--seed", 7);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const read = (name) => payloadOf(fs.readFileSync(path.join(folder, name), "utf8"), name);
const entry = read("index.js");
const keys = entry.shards.flatMap((_, i) => read(`${entry.dictionary}/${i}.js`).keys);
const texts = wholeDocs(folder).map((doc) => doc.text);
const lao = /[\u0e80-\u0eff]+/g;
// Other ways of typing what the text spells: the query side folds them as the build did.
const retype = (s) =>
  s
    .replace(/\u0eb3/g, "\u0ecd\u0eb2")
    .replace(/\u0eab\u0ebc/g, "\u0eab\u0ea5")
    .replace(/\u0ea5/g, () => (random() < 0.3 ? "\u0ea3" : "\u0ea5"))
    .replace(/\u0edc/g, "\u0eab\u0e99");

function piece() {
  const runs = pick(texts).match(lao) || ["ລາວ"];
  const run = pick(runs);
  const at = breaks(run);
  const start = Math.floor(random() * (at.length - 1));
  const end = Math.min(at.length - 1, start + 1 + Math.floor(random() * 6));
  return run.slice(at[start], at[end]);
}

// A few characters of a text from anywhere (not only where a word may begin), spaces left out: pieces of words,
// Lao beside digits and Latin letters, a vowel sign alone.
function window() {
  const text = pick(texts);
  const start = Math.floor(random() * text.length);
  return text.slice(start, start + 1 + Math.floor(random() * 10)).replace(/\s+/g, "") || "ລາວ";
}

// What a reader's finger makes of a string: its tone marks left out, or one slip (a letter left out, doubled or
// replaced by another of the text's, two in a row swapped).
function misspelt(text) {
  const toneless = text.replace(/[\u0ec8-\u0ecb]/g, "");
  if (toneless !== text && random() < 0.4) return toneless;
  const i = Math.floor(random() * text.length);
  const slip = random();
  if (slip < 0.3) return text.slice(0, i) + text.slice(i + 1);
  if (slip < 0.5) return text.slice(0, i + 1) + text.slice(i);
  if (slip < 0.75 && i + 1 < text.length) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  const other = pick(pick(texts).replace(/\s+/g, "")) || "ກ";
  return text.slice(0, i) + other + text.slice(i + 1);
}

function misspeltQuery() {
  const kind = random();
  if (kind < 0.35) return misspelt(pick(keys));
  if (kind < 0.7) return misspelt(piece());
  if (kind < 0.9) {
    const word = pick(pick(texts).match(/[A-Za-z]{4,}/g) || ["government"]).toLowerCase();
    return word.length >= 9 && random() < 0.5 ? misspelt(misspelt(word)) : misspelt(word); // two slips from nine
  }
  return `${misspelt(piece())} ${pick(keys)}`;
}

function query() {
  const kind = random();
  if (kind < 0.2) return pick(keys);
  if (kind < 0.45) return piece();
  if (kind < 0.55) return retype(piece());
  if (kind < 0.65) return window();
  if (kind < 0.72) return pick(pick(texts).match(/[A-Za-z]{3,}/g) || ["ITU"]);
  if (kind < 0.8) return `${piece()} ${pick(keys)}`;
  if (kind < 0.86) return piece() + piece();
  if (kind < 0.9) return `${piece()}ຊ້າງເຜືອກ`;
  if (kind < 0.95) return `${piece()}${pick(["19", "ITU", "x", "2024"])}`;
  return `${pick(pick(texts).match(/[A-Za-z]{3,}/g) || ["ITU"]).toUpperCase()} ${piece()}`;
}

const reference = await referenceOf(folder);
const plain = [...new Set(Array.from({ length: count }, query))];
const queries = [...plain, ...new Set(Array.from({ length: Math.round(count / 2) }, misspeltQuery))];
const differences = [];
const modes = {}; // of the plain queries
const misspeltModes = {};
const costs = [];
let loadedFiles = 0;
let loadedBytes = 0;
for (const q of queries) {
  const { store, loaded } = fileStore(folder);
  const split = await createSearch(store).search(q);
  const expected = reference.search(q);
  // The split search also says which part of a long article's text holds its first match; the reference has it all.
  const same = (o) =>
    JSON.stringify([o.mode, o.needles, o.query, o.suggestions, o.few, o.results.map(({ part, ...result }) => result)]);
  if (same(split) !== same(expected)) differences.push({ query: q, split: same(split), reference: same(expected) });
  const counted = plain.includes(q) ? modes : misspeltModes;
  counted[split.mode] = (counted[split.mode] || 0) + 1;
  costs.push({
    query: q,
    mode: split.mode,
    results: split.results.length,
    files: loaded.length,
    bytes: loaded.reduce((sum, f) => sum + f.bytes, 0),
    texts: loaded.filter((f) => f.name.startsWith("f-")).length,
  });
  loadedFiles += loaded.length;
  loadedBytes += loaded.reduce((sum, f) => sum + f.bytes, 0);
}
console.log(
  JSON.stringify({
    articles: entry.count,
    queries: plain.length,
    modes,
    misspelt: queries.length - plain.length,
    misspeltModes,
    differences: differences.length,
    meanFiles: +(loadedFiles / queries.length).toFixed(1),
    meanBytes: Math.round(loadedBytes / queries.length),
  }),
);
for (const d of differences.slice(0, 10)) console.error(JSON.stringify(d));
if (args.includes("--costly"))
  for (const c of costs.sort((a, b) => b.bytes - a.bytes).slice(0, 15)) console.log(JSON.stringify(c));
process.exit(differences.length ? 1 : 0);
