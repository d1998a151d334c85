import { test } from "node:test";
import assert from "node:assert/strict";
import { createSearch, parseQuery } from "../src/search.js";
import { makeData } from "./data.mjs";

// Three Lao articles and an English one. ICU split ສະໜອງ differently in each: alone, inside a longer word,
// across two words.
const ARTICLES = [
  { url: "a.html", title: "ການສະໜອງນ້ຳ", titleWords: ["ການ", "ສະໜອງ", "ນ້ຳ"],
    body: "ລັດຖະບານ ສະໜອງ ນ້ຳສະອາດ ໃຫ້ ໜັງສືພິມ.", bodyWords: ["ລັດຖະບານ", "ສະໜອງ", "ນ້ຳ", "ສະອາດ", "ໃຫ້", "ໜັງສືພິມ"],
    date: "2024-01-01" },
  { url: "b.html", title: "ລັດດິຈິຕອນ", titleWords: ["ລັດ", "ດິ", "ຈິ", "ຕອນ"],
    body: "ການສະໜອງບໍລິການ ລັດດິຈິຕອນ ແລະ ITU played a role.",
    bodyWords: ["ການສະໜອງ", "ບໍລິການ", "ລັດ", "ດິ", "ຈິ", "ຕອນ", "ແລະ", "itu", "played", "a", "role"],
    date: "2023-05-18", kind: "reports" },
  { url: "c.html", title: "ບໍລິການ", titleWords: ["ບໍລິການ"],
    body: "ສະໜ ອງ ແຍກກັນ; ດິຈິຕອນ ແລະ ລັດ ຢູ່ຫ່າງກັນ.",
    bodyWords: ["ສະໜ", "ອງ", "ແຍກ", "ກັນ", "ດິ", "ຈິ", "ຕອນ", "ແລະ", "ລັດ", "ຢູ່", "ຫ່າງ", "ກັນ"], date: "2022-02-02" },
  { url: "d.html", title: "Playing for the villages", titleWords: ["playing", "for", "the", "villages"],
    body: "Broadband: the team connected 40 villages (ITU).",
    bodyWords: ["broadband", "the", "team", "connected", "40", "villages", "itu"], date: "2021-07-07" },
];
const search = createSearch(makeData(ARTICLES));
const urls = (query) => search.search(query).results.map((r) => r.doc.url);

test("a Lao word is found wherever ICU put its boundaries", () => {
  assert.deepEqual(urls("ສະໜອງ"), ["a.html", "b.html"]);
});

for (const typed of ["ຫນັງສືພິມ", "ໜັງສືພິມ", "ໜັງ\u200bສືພິມ"]) {
  test(`a Lao word typed as ${JSON.stringify(typed)} is found`, () => assert.deepEqual(urls(typed), ["a.html"]));
}

for (const typed of ["ນ້ຳສະອາດ", "ນ້ໍາສະອາດ", "ນໍ້າສະອາດ", "ນຳ້ສະອາດ"]) {
  test(`ນ້ຳສະອາດ typed as ${JSON.stringify(typed)} is found`, () => assert.deepEqual(urls(typed), ["a.html"]));
}

test("words typed together find only the articles where they stand together", () => {
  const outcome = search.search("ລັດດິຈິຕອນ");
  assert.equal(outcome.mode, "exact");
  assert.deepEqual(outcome.results.map((r) => r.doc.url), ["b.html"]);
});

test("when they stand together nowhere, the articles that have them all come, labelled as such", () => {
  const outcome = search.search("ດິຈິຕອນລັດ");
  assert.equal(outcome.mode, "all-words");
  assert.deepEqual(outcome.needles, ["ດິ", "ຈິ", "ຕອນ", "ລັດ"]); // the index's words
  assert.deepEqual(outcome.results.map((r) => r.doc.url), ["b.html", "c.html"]);
});

test("a word the index lacks does not fall back to its letters", () => {
  assert.equal(search.search("ຊ້າງເຜືອກ").mode, "none");
  assert.equal(search.search("ນ້ຳຕົກ").mode, "none"); // ນ້ຳ is a word, ຕົກ is in no article
});

test("spaces separate parts that must all occur", () => {
  assert.deepEqual(urls("ສະໜອງ ITU"), ["b.html"]);
  assert.deepEqual(urls("ລັດ ດິຈິຕອນ"), ["b.html", "c.html"]);
  assert.deepEqual(urls("ບໍລິການ ສະອາດ"), []);
  assert.deepEqual(urls("itu played").sort(), ["b.html", "d.html"]);
  assert.deepEqual(urls("itu role"), ["b.html"]);
});

test("English words match any form with the same stem, and only whole words", () => {
  assert.deepEqual(urls("playing"), ["d.html", "b.html"]); // d has it in its title
  assert.deepEqual(urls("PLAYS"), ["d.html", "b.html"]);
  assert.deepEqual(urls("connection"), ["d.html"]);
  assert.deepEqual(urls("village"), ["d.html"]);
  assert.deepEqual(urls("vill"), []);
  assert.deepEqual(urls("40"), ["d.html"]);
});

test("lunr's query syntax is not interpreted", () => {
  assert.deepEqual(urls("title:villages"), []); // "title" is a word of no article
  assert.deepEqual(urls("villag*"), ["d.html"]); // no wildcard: the word villag, whose stem is villag
  assert.deepEqual(urls("-itu"), ["d.html", "b.html"]); // not "without itu"
  assert.deepEqual(urls("+team ^2 ~1"), []);
  assert.deepEqual(urls("ລ*ດ"), []); // * is not in any text
});

test("punctuation around a part is not part of it", () => {
  assert.deepEqual(urls("«ໜັງສືພິມ»"), ["a.html"]);
  assert.deepEqual(urls("“ສະໜອງ”,"), ["a.html", "b.html"]);
  assert.deepEqual(urls("ລັດ*"), urls("ລັດ"));
});

test("nothing asked, nothing to look for, nothing found", () => {
  assert.equal(search.search("   ").mode, "empty");
  assert.equal(search.search("").mode, "empty");
  assert.equal(search.search(undefined).mode, "empty");
  assert.equal(search.search("*** ...").mode, "empty");
  assert.equal(search.search("ຊ້າງ").mode, "none");
  assert.equal(search.search("zebra").mode, "none");
});

test("an article with the query in its title comes first, then the better match, then the newer", () => {
  assert.deepEqual(urls("ບໍລິການ"), ["c.html", "b.html"]);
  assert.deepEqual(urls("ລັດ"), ["b.html", "c.html", "a.html"]); // a has it only inside a longer word, ລັດຖະບານ
  assert.deepEqual(urls("ແລະ"), ["c.html", "b.html"]); // once in each: the shorter text first
});

test("results say which document and how well it matched", () => {
  const [first] = search.search("ສະໜອງ").results;
  assert.equal(first.ref, 0);
  assert.equal(first.doc.url, "a.html");
  assert.ok(first.score > 0);
});

test("the ranking is the same every time", () => {
  const runs = [1, 2, 3].map(() => search.search("ລັດ ແລະ").results.map((r) => [r.ref, r.score]));
  assert.deepEqual(runs[0], runs[1]);
  assert.deepEqual(runs[1], runs[2]);
});

test("equal matches come newest first, then by position", () => {
  const twins = createSearch(makeData([
    { url: "old.html", title: "ກ", titleWords: ["ກ"], body: "ລາວ", bodyWords: ["ລາວ"], date: "2020-01-01" },
    { url: "new.html", title: "ກ", titleWords: ["ກ"], body: "ລາວ", bodyWords: ["ລາວ"], date: "2021-01-01" },
    { url: "new2.html", title: "ກ", titleWords: ["ກ"], body: "ລາວ", bodyWords: ["ລາວ"], date: "2021-01-01" },
  ]));
  assert.deepEqual(twins.search("ລາວ").results.map((r) => r.doc.url), ["new.html", "new2.html", "old.html"]);
});

test("queries are normalised, lower-cased, split and trimmed", () => {
  assert.deepEqual(parseQuery(" ຫນັງສືພິມ  GovStack don't (ITU) ຫນັງສືພິມ "), {
    parts: ["ໜັງສືພິມ", "govstack", "don't", "itu"], lao: ["ໜັງສືພິມ"], words: ["govstack", "don", "t", "itu"] });
});

test("an empty archive finds nothing", () => {
  // What plugins/lao_search/index.py writes for no articles.
  const index = { version: "2.3.9", fields: ["title", "tags", "summary", "body"], fieldVectors: [], invertedIndex: [],
    pipeline: ["lao-stemmer"] };
  const empty = createSearch({ index, docs: [] });
  assert.equal(empty.search("ລາວ").mode, "none");
  assert.equal(empty.search("laos").mode, "none");
});
