// The browser and the build must agree: same spelling, same words, same pipeline functions, and lunr.js must
// load the index lunr.py built and find Lao and English in it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import { hasLao, latinWords, normalise } from "../src/normalise.js";
import { stem, trim } from "../src/pipeline.js";
import { ENTRIES, LAO_WORDS, MIXED, SPELLINGS, TRIM } from "./tables.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const python = path.join(root, ".venv", "bin", "python");
assert.ok(fs.existsSync(python), `${python} is missing: run \`make test\` (it sets up .venv/)`);
const texts = [...SPELLINGS.map(([typed]) => typed), ...MIXED];
const built = JSON.parse(execFileSync(python, [path.join(root, "js", "test", "python_side.py")], {
  input: JSON.stringify({ texts, trim: TRIM, lao_words: LAO_WORDS, entries: ENTRIES }),
  encoding: "utf8",
}));

test("normalise gives the spelling the build gives", () => {
  assert.deepEqual(texts.map(normalise), built.normalise);
});

test("words outside Lao script split as the build splits them", () => {
  texts.forEach((text, i) => {
    const latin = built.words[i].filter((w) => !hasLao(w));
    const pieces = normalise(text).split(/[\u0e80-\u0eff]+/).flatMap(latinWords);
    assert.deepEqual(pieces, latin, text);
  });
});

test("lao-trimmer trims as the build's", () => {
  assert.deepEqual(TRIM.map(trim), built.trim);
});

test("lao-stemmer stems every word of the list as lunr.py's Porter stemmer does", () => {
  const differ = Object.entries(built.stem).filter(([word, stemmed]) => stem(word) !== stemmed);
  assert.deepEqual(differ, []);
  assert.ok(Object.keys(built.stem).length > 1000);
});

test("lunr.js's own stemmer would not do: it disagrees on words the list holds", () => {
  const own = (w) => lunr.stemmer(new lunr.Token(w)).toString();
  assert.ok(["played", "away", "lay"].some((w) => own(w) !== built.stem[w]));
});

test("lunr.js loads the index lunr.py built and finds Lao words whole and English by stem", async () => {
  await import("../src/pipeline.js");
  const index = lunr.Index.load(built.index);
  const find = (term, usePipeline) => index.query((q) => q.term(term, { usePipeline })).map((r) => r.ref);
  assert.deepEqual(find("ໜັງສືພິມ", false), ["0"]);
  assert.deepEqual(find("ດິ", false), ["0"]); // not trimmed to ດ
  assert.deepEqual(find("ນ້ຳ", false), ["0"]); // stored in the one spelling
  assert.deepEqual(find("playing", true), ["1"]);
  assert.deepEqual(find("connecting", true), ["1"]);
  assert.deepEqual(built.index.pipeline, ["lao-stemmer"]);
});
