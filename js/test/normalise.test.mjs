import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, folded, foldedWithOffsets, hasLao, latinWords, normalise } from "../src/normalise.js";
import { FOLDINGS, NAM, SPELLINGS } from "./tables.mjs";

for (const [typed, expected] of SPELLINGS) {
  test(`normalise ${JSON.stringify(typed)}`, () => assert.equal(normalise(typed), expected));
}

test("every way of typing ນ້ຳ is one spelling, and so is every way of typing a sentence with it", () => {
  assert.deepEqual(new Set(["ນ້ຳ", "ນ້ໍາ", "ນໍ້າ", "ນຳ້"].map(normalise)), new Set([NAM]));
  const spellings = ["ໂຄງການນ້ຳສະອາດ ແລະ ໜັງສືພິມ", "ໂຄງການນໍ້າສະອາດ ແລະ ຫນັງສືພິມ", "ໂຄງການນ້ໍາສະອາດ ແລະ ຫນັງສືພິມ"];
  assert.equal(new Set(spellings.map(normalise)).size, 1);
});

test("normalise is idempotent", () => {
  for (const [typed] of SPELLINGS) assert.equal(normalise(normalise(typed)), normalise(typed));
});

test("folded is the normal spelling in lower case", () => {
  assert.equal(folded("GovStack ຫນັງສືພິມ"), "govstack ໜັງສືພິມ");
});

for (const [text, expected] of [
  ["ລາວ", true],
  ["ITU ລາວ", true],
  ["໒໐໒໓", true],
  ["ITU", false],
  ["", false],
  ["ไทย", false],
]) {
  test(`hasLao ${JSON.stringify(text)}`, () => assert.equal(hasLao(text), expected));
}

for (const [text, expected] of [
  ["GovStack", ["govstack"]],
  ["Low-income U.S. countries don't", ["low", "income", "u", "s", "countries", "don", "t"]],
  ["covid-19", ["covid", "19"]],
  ["5G", ["5", "g"]],
  ["3.14 v2", ["3", "14", "v", "2"]],
  ["snake_case", ["snake", "case"]],
  ["café naïve ÉTÉ", ["café", "naïve", "été"]],
  ["x² H₂O ①", ["x", "h", "o"]],
  ["Ⅻ", ["ⅻ"]],
  ["ho:me^2 ~x +y -z *", ["ho", "me", "2", "x", "y", "z"]],
  ["", []],
]) {
  test(`latinWords ${JSON.stringify(text)}`, () => assert.deepEqual(latinWords(text), expected));
}

for (const [typed, expected] of FOLDINGS) {
  test(`folded ${JSON.stringify(typed)}`, () => assert.equal(folded(typed), expected));
}

test("folding keeps every Lao letter in its place, so matches map back to the article's own spelling", () => {
  const text = normalise("ນະຄອນຫລວງ ແລະ ອາເມຣິກາ");
  assert.equal(fold(text).length, text.length);
  const { text: foldedText, at } = foldedWithOffsets("Bogotá ນະຄອນຫລວງ");
  assert.equal(foldedText, "bogota ນະຄອນຫຼວງ");
  assert.equal(at(foldedText.indexOf("ຫຼວງ")), "Bogotá ນະຄອນຫລວງ".indexOf("ຫລວງ"));
});

test("foldedWithOffsets maps back through characters that fold to more or fewer", () => {
  const text = "İx cafe\u0301 ຫລ";
  const { text: out, at } = foldedWithOffsets(text);
  assert.equal(out, fold(text));
  const i = out.indexOf("ຫຼ");
  assert.equal(text.slice(at(i), at(i + 2)), "ຫລ");
  assert.equal(at(out.length), text.length);
});
