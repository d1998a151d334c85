import { test } from "node:test";
import assert from "node:assert/strict";
import { canBreak, makeSegmenter } from "../src/segment.js";

const segment = makeSegmenter(["ລັດ", "ດິ", "ຈິ", "ຕອນ", "ດິຈິຕອນ", "ການ", "ສ້າງ", "ການສ້າງ", "ນ", "ເມືອງ", "ເມ"]);

for (const [text, words] of [
  ["ລັດດິຈິຕອນ", ["ລັດ", "ດິຈິຕອນ"]], // the most letters covered, then the fewest words
  ["ການສ້າງລັດ", ["ການສ້າງ", "ລັດ"]],
  ["ດິຈິ", ["ດິ", "ຈິ"]],
  ["ຊ້າງລັດ", ["ຊ້າງ", "ລັດ"]], // letters no word covers stay together
  ["ລັດຊ້າງລັດ", ["ລັດ", "ຊ້າງ", "ລັດ"]],
  ["ນ້ຳ", ["ນ້ຳ"]], // ນ is a word, but no word starts with a tone mark or ຳ
  ["ເມືອງລັດ", ["ເມືອງ", "ລັດ"]], // nor ends with ເ
  ["ລັດitu", ["ລັດ", "itu"]],
  ["ລັດ", ["ລັດ"]],
  ["", []],
]) {
  test(`segment ${JSON.stringify(text)}`, () => assert.deepEqual(segment(text), words));
}

test("without a vocabulary, the text is one piece", () => {
  assert.deepEqual(makeSegmenter([])("ລັດດິຈິຕອນ"), ["ລັດດິຈິຕອນ"]);
});

test("the pieces always make up the text", () => {
  for (const text of ["ລັດດິຈິຕອນການສ້າງ", "ກກກລັດ", "ໆລັດໆ", "ເເເ"]) assert.equal(segment(text).join(""), text);
});

for (const [text, i, expected] of [
  ["ນ້ຳ", 1, false], // before a tone mark
  ["ນ້ຳ", 2, false], // before ຳ
  ["ນາ", 1, false], // before າ
  ["ເມ", 1, false], // after ເ
  ["ກະ", 1, false],
  ["ປ່ຽນ", 2, false], // before ຽ
  ["ນ້ອຍໆ", 4, false], // before ໆ
  ["ລັດດິ", 3, true],
  ["ລັດ", 0, true],
  ["ລັດ", 3, true],
]) {
  test(`canBreak ${text} at ${i}`, () => assert.equal(canBreak(text, i), expected));
}
