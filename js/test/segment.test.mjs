import assert from "node:assert/strict";
import { test } from "node:test";
import { breaks, canBreak, candidateWords, laoUnits, segment as segmentWith, units } from "../src/segment.js";

const WORDS = new Set(["ລັດ", "ດິ", "ຈິ", "ຕອນ", "ດິຈິຕອນ", "ການ", "ສ້າງ", "ການສ້າງ", "ນ", "ເມືອງ", "ເມ"]);
const segment = (text, words = WORDS) => segmentWith(text, (w) => words.has(w), 7);

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
  assert.deepEqual(segment("ລັດດິຈິຕອນ", new Set()), ["ລັດດິຈິຕອນ"]);
});

test("no word longer than the longest is asked about", () => {
  const asked = [];
  segmentWith("ດິຈິຕອນລັດ", (w) => asked.push(w) && false, 3);
  assert.ok(asked.length && asked.every((w) => w.length <= 3), JSON.stringify(asked));
  assert.deepEqual(new Set(asked), new Set(candidateWords("ດິຈິຕອນລັດ", 3)));
});

for (const [text, expected] of [
  ["ສັນຍາ", ["ສັ", "ນ", "ຍາ"]],
  ["ເກົ່າ", ["ເກົ່າ"]], // a vowel written before its consonant, marks and າ stay with it
  ["ນ້ຳໃຈ", ["ນ້ຳ", "ໃຈ"]],
  ["ນ້ອຍໆ", ["ນ້", "ອ", "ຍໆ"]], // ໆ repeats the word before it: it begins none
  ["ລັດ ITU", ["ລັ", "ດ", " ", "I", "T", "U"]],
  ["", []],
]) {
  test(`units of ${JSON.stringify(text)}`, () => assert.deepEqual(units(text), expected));
}

test("Lao units come run of Lao letters by run", () => {
  assert.deepEqual(laoUnits("ລັດ ITU ສັນຍາ"), [
    ["ລັ", "ດ"],
    ["ສັ", "ນ", "ຍາ"],
  ]);
  assert.deepEqual(breaks("ລັດ"), [0, 2, 3]);
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
  ["a😀b", 2, false], // inside a character written with two code units
  ["a😀b", 3, true],
]) {
  test(`canBreak ${text} at ${i}`, () => assert.equal(canBreak(text, i), expected));
}
