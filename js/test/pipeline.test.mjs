import assert from "node:assert/strict";
import { test } from "node:test";
import lunr from "lunr";
import { laoStemmer, laoTrimmer, STEMMER, stem, TRIMMER, trim } from "../src/pipeline.js";

for (const [word, expected] of [
  ["«ດິ»", "ດິ"],
  ["(ITU).", "ITU"],
  ["ດິ", "ດິ"],
  ["…ລາວ…", "ລາວ"],
  ["--x--", "x"],
  ["", ""],
  ["¡hola!", "hola"],
  ["ນ້ຳ,", "ນ້ຳ"],
  ["\u0ec9ກ", "\u0ec9ກ"],
  ["2023)", "2023"],
  ["“ໜັງສືພິມ”", "ໜັງສືພິມ"],
  ["ໆ", "ໆ"],
  ["...", ""],
]) {
  test(`trim ${JSON.stringify(word)}`, () => assert.equal(trim(word), expected));
}

for (const [word, expected] of [
  ["played", "plai"],
  ["playing", "plai"],
  ["away", "awai"],
  ["lay", "lai"],
  ["try", "try"],
  ["connecting", "connect"],
  ["generously", "gener"],
  ["villages", "villag"],
  ["ies", "i"],
  ["sses", "ss"],
  ["2023", "2023"],
  ["ດິຈິຕອນ", "ດິຈິຕອນ"],
  ["ນ້ຳ", "ນ້ຳ"],
  ["itu", "itu"],
]) {
  test(`stem ${word}`, () => assert.equal(stem(word), expected));
}

test("both functions are registered under the build's names, so lunr.Index.load finds them", () => {
  assert.equal(lunr.Pipeline.registeredFunctions[TRIMMER], laoTrimmer);
  assert.equal(lunr.Pipeline.registeredFunctions[STEMMER], laoStemmer);
  assert.equal(
    lunr.Pipeline.load([TRIMMER, STEMMER])
      .run([new lunr.Token("«Played»")])
      .toString(),
    "plai",
  );
});

test("a Lao token goes through the pipeline whole", () => {
  const pipeline = lunr.Pipeline.load([TRIMMER, STEMMER]);
  assert.deepEqual(pipeline.runString("(ໜັງສືພິມ)"), ["ໜັງສືພິມ"]);
});
