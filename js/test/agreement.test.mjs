// The browser and the build must agree: same spelling, same words outside Lao script, same pipeline functions,
// and lunr.js must load the search data lunr.py wrote and find Lao and English in them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import { hasLao, latinWords, normalise } from "../src/normalise.js";
import { STEMMER, stem, TRIMMER, trim } from "../src/pipeline.js";
import { createCollector } from "../src/collect.js";
import { createSearch } from "../src/search.js";
import { ENTRIES, MIXED, SPELLINGS, STEM_EXTRA, TRIM } from "./tables.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// The project's virtual environment (make test sets it up), or the Python LAO_SEARCH_PYTHON names.
const python = process.env.LAO_SEARCH_PYTHON || path.join(root, ".venv", "bin", "python");
if (!fs.existsSync(python)) {
  throw new Error(`${python} is missing: the agreement tests run the build's Python side with it. Create the `
    + "virtual environment (make test sets up .venv/) or set LAO_SEARCH_PYTHON to a Python that has pelican, "
    + "PyICU and lunr.");
}
const texts = [...SPELLINGS.map(([typed]) => typed), ...MIXED];
const built = JSON.parse(execFileSync(python, [path.join(root, "js", "test", "python_side.py")], {
  input: JSON.stringify({ texts, trim: TRIM, stem: STEM_EXTRA, entries: ENTRIES }),
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
}));

test("normalise gives the spelling the build gives", () => {
  texts.forEach((text, i) => assert.equal(normalise(text), built.normalise[i], JSON.stringify(text)));
});

test("outside Lao script, words split as the build splits them", () => {
  texts.forEach((text, i) => {
    const latin = built.words[i].filter((w) => !hasLao(w));
    const pieces = normalise(text).split(/[\u0e80-\u0eff]+/).flatMap(latinWords);
    assert.deepEqual(pieces, latin, JSON.stringify(text));
  });
});

test("the build's Lao words are pieces of the text a Lao query is matched against", () => {
  texts.forEach((text, i) => {
    const folded = normalise(text).toLowerCase();
    for (const word of built.words[i].filter(hasLao)) assert.ok(folded.includes(word), `${word} in ${text}`);
  });
});

test("lao-trimmer trims as the build's", () => {
  TRIM.forEach((word, i) => assert.equal(trim(word), built.trim[i], JSON.stringify(word)));
});

test("lao-stemmer stems every word of the list as lunr.py's Porter stemmer does", () => {
  assert.ok(built.english.length >= 500, "the English word list has at least 500 words");
  for (const word of ["played", "away", "lay", "try", "connecting", "generously"]) {
    assert.ok(built.english.includes(word), word);
  }
  const differ = Object.entries(built.stem).filter(([word, stemmed]) => stem(word) !== stemmed);
  assert.deepEqual(differ, []);
});

test("lunr.js's own stemmer would not do: it disagrees with the build on words of the list", () => {
  const own = (w) => lunr.stemmer(new lunr.Token(w)).toString();
  const differ = ["played", "away", "lay", "try", "generously"].filter((w) => own(w) !== built.stem[w]);
  assert.ok(differ.length > 0);
});

// The data as the page gets them: index.js, then the docs-N.js parts it names.
function loaded() {
  const collector = createCollector("lo");
  const names = collector.add(built.parts["index.js"]);
  for (const name of names) collector.add(built.parts[name]);
  assert.ok(collector.complete);
  return collector.data();
}

test("the search data name their parts, and every document is in one", () => {
  const index = built.parts["index.js"];
  assert.equal(index.count, ENTRIES.length);
  assert.deepEqual(index.docParts, ["docs-0.js", "docs-1.js"]);
  assert.deepEqual(loaded().docs.map((d) => d.url), ENTRIES.map((e) => e.url));
});

test("lunr.js loads the index lunr.py built, with the archive's pipeline", () => {
  const { index: serialised } = loaded();
  assert.deepEqual(serialised.pipeline, [STEMMER]);
  const index = lunr.Index.load(serialised);
  assert.deepEqual(index.pipeline._stack.map((fn) => fn.label), [STEMMER]);
  assert.ok(lunr.Pipeline.registeredFunctions[TRIMMER]);
});

test("Lao words survive whole in the index, in the one spelling", () => {
  const index = lunr.Index.load(loaded().index);
  const find = (term) => index.query((q) => q.term(term, { usePipeline: false })).map((r) => r.ref).sort();
  assert.deepEqual(find("ໜັງສືພິມ"), ["0"]); // typed ຫນັງສືພິມ
  assert.deepEqual(find("ດິ"), ["0", "2"]); // not trimmed to ດ
  assert.deepEqual(find(normalise("ນໍ້າ")), ["0", "2"]);
  assert.deepEqual(find("ຫນັງສືພິມ"), []);
});

test("English terms are stems: any form of a word finds it", () => {
  const index = lunr.Index.load(loaded().index);
  const find = (word) => index.query((q) => q.term(word, { usePipeline: true })).map((r) => r.ref);
  for (const word of ["playing", "played", "plays", "connecting", "connection", "village", "broadband"]) {
    assert.deepEqual(find(word), ["1"], word);
  }
  assert.deepEqual(find("itu"), ["0"]);
});

test("the page's search finds what the build indexed", () => {
  const search = createSearch(loaded());
  const urls = (q) => search.search(q).results.map((r) => r.doc.url);
  assert.deepEqual(urls("ຫນັງສືພິມ"), ["news/a.html"]);
  assert.deepEqual(urls("ນໍ້າສະອາດ"), ["news/c.html", "news/a.html"]); // in c's summary and body, a's body only
  assert.deepEqual(urls("ສະໜອງ"), ["news/c.html"]);
  assert.deepEqual(urls("ລັດດິຈິຕອນ"), ["news/a.html"]); // ICU: ລັດ|ດິ|ຈິ|ຕອນ; a substring all the same
  assert.deepEqual(urls("Playing VILLAGE"), ["news/b.html"]);
  assert.deepEqual(urls("ITU"), ["news/a.html"]);
  const apart = search.search("ດິຈິຕອນລັດ");
  assert.equal(apart.mode, "all-words");
  assert.deepEqual(apart.results.map((r) => r.doc.url), ["news/a.html", "news/c.html"]);
});
