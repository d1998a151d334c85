import { test } from "node:test";
import assert from "node:assert/strict";
import { normalise } from "../src/normalise.js";
import { makeSegmenter } from "../src/segment.js";
import { highlight, snippet } from "../src/snippet.js";
import { registrationState } from "../src/registration.js";
import { SPELLINGS } from "./tables.mjs";

for (const [typed, expected] of SPELLINGS) {
  test(`normalise ${JSON.stringify(typed)}`, () => assert.equal(normalise(typed), expected));
}

const segment = makeSegmenter(["ລັດ", "ດິ", "ຈິ", "ຕອນ", "ດິຈິຕອນ", "ການ", "ສ້າງ", "ການສ້າງ"]);
for (const [text, words] of [
  ["ລັດດິຈິຕອນ", ["ລັດ", "ດິຈິຕອນ"]],
  ["ການສ້າງລັດ", ["ການສ້າງ", "ລັດ"]],
  ["ຊ້າງລັດ", ["ຊ້າງ", "ລັດ"]], // letters no word covers stay together
  ["ດິຈິ", ["ດິ", "ຈິ"]],
  ["", []],
]) {
  test(`segment ${text}`, () => assert.deepEqual(segment(text), words));
}

test("a snippet marks every match around the first one", () => {
  const doc = { text: "ຫົວຂໍ້\nກ່ອນ ລັດດິຈິຕອນ ແລະ ລັດດິຈິຕອນ ອີກ" };
  assert.deepEqual(snippet(doc, ["ດິຈິຕອນ"], []), [
    { text: "ກ່ອນ ລັດ", mark: false }, { text: "ດິຈິຕອນ", mark: true }, { text: " ແລະ ລັດ", mark: false },
    { text: "ດິຈິຕອນ", mark: true }, { text: " ອີກ", mark: false }]);
});

test("a snippet of a long text is cut around the match, with ellipses", () => {
  const doc = { text: `Title\n${"word ".repeat(100)}The team Played well. ${"more ".repeat(100)}` };
  const parts = snippet(doc, [], ["playing"], 60);
  assert.equal(parts[0].text, "…");
  assert.equal(parts.at(-1).text, "…");
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ["Played"]);
  assert.ok(parts.map((p) => p.text).join("").length <= 62);
});

test("registration is open until the end of the deadline day", () => {
  assert.equal(registrationState("2027-01-15", new Date(2027, 0, 15, 23, 59)), "open");
  assert.equal(registrationState("2027-01-15", new Date(2027, 0, 16, 0, 0)), "closed");
  assert.equal(registrationState("2024-04-15", new Date(2026, 10, 25)), "closed");
});

test("a title is marked where it matches", () => {
  assert.deepEqual(highlight("ໜັງສືພິມ ສະບັບ 5", ["ໜັງສືພິມ"], []), [
    { text: "ໜັງສືພິມ", mark: true }, { text: " ສະບັບ 5", mark: false }]);
});

test("a snippet ends at a word, and never inside a match", () => {
  const doc = { text: `Title\n${"abc ".repeat(14)}training course and more words after it` };
  const parts = snippet(doc, [], ["training"], 60);
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ["training"]);
  const plain = snippet({ text: `Title\n${"word ".repeat(40)}` }, [], [], 42);
  assert.equal(plain.at(-2).text.endsWith("word"), true);
});
