import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyStart, bodyText, highlight, matches, printedPage, snippet, tagsMatching } from "../src/snippet.js";

const marked = (segments) => segments.filter((s) => s.mark).map((s) => s.text);
const plain = (segments) => segments.map((s) => s.text).join("");

test("a snippet marks every match, after the title", () => {
  const doc = { title: "ດິຈິຕອນ", text: "ດິຈິຕອນ\nກ່ອນ ລັດດິຈິຕອນ ແລະ ລັດດິຈິຕອນ ອີກ" };
  assert.deepEqual(snippet(doc, ["ດິຈິຕອນ"], []), [
    { text: "ກ່ອນ ລັດ", mark: false },
    { text: "ດິຈິຕອນ", mark: true },
    { text: " ແລະ ລັດ", mark: false },
    { text: "ດິຈິຕອນ", mark: true },
    { text: " ອີກ", mark: false },
  ]);
});

test("a long text is cut around the first match after the title, with ellipses", () => {
  const doc = { title: "Played", text: `Played\n${"word ".repeat(100)}The team Played well. ${"more ".repeat(100)}` };
  const parts = snippet(doc, [], ["playing"], 60);
  assert.equal(parts[0].text, "…");
  assert.equal(parts.at(-1).text, "…");
  assert.deepEqual(marked(parts), ["Played"]);
  assert.ok(plain(parts).length <= 62, plain(parts));
  assert.match(plain(parts), /^…word /, "cut at a space");
});

test("the default window is about 160 to 220 characters", () => {
  const body = Array.from({ length: 80 }, (_, i) => `ຄຳ${i} ລາວ`).join(" ");
  const parts = snippet({ title: "t", text: `t\n${body}` }, ["ຄຳ40"], []);
  const shown = plain(parts).replace(/…/g, "");
  assert.ok(shown.length >= 160 && shown.length <= 220, `${shown.length}: ${shown}`);
  assert.deepEqual(marked(parts), ["ຄຳ40"]);
});

test("a snippet ends at a word, and never inside a match", () => {
  const doc = { text: `Title\n${"abc ".repeat(14)}training course and more words after it` };
  const parts = snippet(doc, [], ["training"], 60);
  assert.deepEqual(marked(parts), ["training"]);
  const words = snippet({ text: `Title\n${"word ".repeat(40)}` }, [], [], 42);
  assert.equal(words.at(-2).text.endsWith("word"), true);
  const long = snippet({ text: `t\n${"ກ".repeat(30)}${"ຂ".repeat(80)}` }, ["ຂ".repeat(80)], [], 40);
  assert.deepEqual(marked(long), ["ຂ".repeat(80)]); // longer than the window: shown whole
});

test("without a match after the title, the snippet opens the text", () => {
  const doc = { title: "ໜັງສືພິມ", text: `ໜັງສືພິມ\nບົດຄວາມ ${"ກ".repeat(300)}` };
  const parts = snippet(doc, ["ໜັງສືພິມ"], []);
  assert.ok(parts[0].text.startsWith("ບົດຄວາມ"));
  assert.equal(parts.at(-1).text, "…");
  assert.deepEqual(marked(parts), []);
});

test("a cut in text without spaces leaves vowel signs and tones on their letters", () => {
  const text = "ສະບາຍດີ".repeat(60);
  const doc = { title: "x", text: `x\n${text}ໜັງສືພິມ${text}` };
  const parts = snippet(doc, ["ໜັງສືພິມ"], []);
  const first = parts[1].text;
  const last = parts.at(-2).text;
  assert.match(first, /^[^\p{M}\u0eb0\u0eb2\u0eb3]/u);
  assert.match(last, /[^\u0ec0-\u0ec4]$/u);
  assert.deepEqual(marked(parts), ["ໜັງສືພິມ"]);
});

test("a snippet of a text that is only a title is empty", () => {
  assert.deepEqual(snippet({ title: "ລາວ", text: "ລາວ" }, ["ລາວ"], []), []);
});

test("English marks are whole words with the query's stem, in any case", () => {
  assert.deepEqual(matches("They PLAYED; a player plays. Display.", [], ["playing"]), [
    [5, 11],
    [22, 27],
  ]);
});

test("overlapping matches are marked once", () => {
  assert.deepEqual(matches("ລັດດິຈິຕອນ", ["ລັດດິ", "ດິຈິ"], []), [[0, 7]]);
});

test("matches find lower-cased needles in text whose lower case is longer", () => {
  const text = "İİ ລາວ itu";
  const ranges = matches(text, ["ລາວ", "itu"], []);
  assert.deepEqual(
    ranges.map(([a, b]) => text.slice(a, b)),
    ["ລາວ", "itu"],
  );
});

test("a title is marked where it matches", () => {
  assert.deepEqual(highlight("ໜັງສືພິມ ສະບັບ 5", ["ໜັງສືພິມ"], []), [
    { text: "ໜັງສືພິມ", mark: true },
    { text: " ສະບັບ 5", mark: false },
  ]);
  assert.deepEqual(highlight("Playing for the villages", [], ["village"]), [
    { text: "Playing for the ", mark: false },
    { text: "villages", mark: true },
  ]);
});

test("the body starts after the title, even a title of several lines", () => {
  assert.equal(bodyStart({ title: "ກ\nຂ", text: "ກ\nຂ\nຄ" }), 4);
  assert.equal(bodyStart({ title: "ຫນັງສື", text: "ໜັງສື\nຄ" }), 6); // the text holds the normal spelling
  assert.equal(bodyStart({ title: "other", text: "ກ\nຄ" }), 2);
  assert.equal(bodyStart({ title: "ກ", text: "ກ" }), 1);
});

test("a window never ends inside a later match", () => {
  const doc = { title: "T", text: `T\nລັດ${"ກ".repeat(195)}ດິຈິຕອນ ແລະ ອື່ນໆ` }; // no space to step back to
  const marks = snippet(doc, ["ລັດ", "ດິຈິຕອນ"], [], 200)
    .filter((p) => p.mark)
    .map((p) => p.text);
  assert.deepEqual(marks, ["ລັດ", "ດິຈິຕອນ"]);
});

test("a folded match is marked in the article's own spelling", () => {
  const doc = { title: "t", text: "t\nກອງປະຊຸມ ນະຄອນຫລວງ ກັບ ອາເມຣິກາ ໃນ Bogotá" };
  const marks = (needles, words = []) =>
    snippet(doc, needles, words)
      .filter((s) => s.mark)
      .map((s) => s.text);
  assert.deepEqual(marks(["ນະຄອນຫຼວງ"]), ["ນະຄອນຫລວງ"]);
  assert.deepEqual(marks(["ອາເມລິກາ"]), ["ອາເມຣິກາ"]);
  assert.deepEqual(marks([], ["bogota"]), ["Bogotá"]);
});

test("a snippet is of the summary and body, never the tags; a tag that matches is given as a tag", () => {
  const doc = {
    title: "ກອງປະຊຸມ",
    text: "ກອງປະຊຸມ\nເນື້ອໃນຂອງບົດ.\nຂ່າວໂດຍ: ສລດ\nລັດດິຈິຕອນ\nບໍລິການລັດ",
    tags: 2,
  };
  const text = (segments) => segments.map((s) => s.text).join("");
  assert.equal(text(snippet(doc, ["ລັດດິຈິຕອນ"], [])), "ເນື້ອໃນຂອງບົດ. ຂ່າວໂດຍ: ສລດ");
  assert.equal(bodyText(doc), "ເນື້ອໃນຂອງບົດ.\nຂ່າວໂດຍ: ສລດ");
  assert.deepEqual(tagsMatching(doc, ["ລັດດິຈິຕອນ"], []), [[{ text: "ລັດດິຈິຕອນ", mark: true }]]);
  assert.deepEqual(tagsMatching(doc, ["ກອງປະຊຸມ"], []), []);
  assert.deepEqual(tagsMatching({ ...doc, tags: undefined }, ["ລັດດິຈິຕອນ"], []), []);
});

test("the PDF's page of the first match after the title, counted in the text's own offsets", () => {
  // 😀 is two UTF-16 code units, as the build counts them
  const pages = ["ໜ້າໜຶ່ງ 😀 ລາວ", "", "ໜ້າສາມ ລາວ ໄຊເບີ"];
  const text = ["ໄຊເບີ", "ບົດນຳ", ...pages, "ແທັກ"].join("\n");
  const starts = [text.indexOf(pages[0]), text.indexOf(pages[0]) + pages[0].length + 1];
  starts.push(starts[1] + 1);
  const doc = { title: "ໄຊເບີ", text, tags: 1, print: { url: "files/x.pdf", pages: starts } };
  assert.equal(printedPage(doc, ["ໄຊເບີ"], []), 3); // not the title's
  assert.equal(printedPage(doc, ["ລາວ"], []), 1);
  assert.equal(printedPage(doc, ["ບົດນຳ"], []), 0); // in the body
  assert.equal(printedPage(doc, ["ແທັກ"], []), 0); // in a tag only
  assert.equal(printedPage({ ...doc, print: undefined }, ["ລາວ"], []), 0);
});
