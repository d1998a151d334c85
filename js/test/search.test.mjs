import { test } from "node:test";
import assert from "node:assert/strict";
import { createSearch, parseQuery } from "../src/search.js";
import { makeData } from "./helpers.mjs";

// Three Lao articles. ICU split ສະໜອງ differently in each: alone, inside a longer word, across two words.
const ARTICLES = [
  { url: "a.html", title: "ການສະໜອງນ້ຳ", titleWords: ["ການ", "ສະໜອງ", "ນ້ຳ"],
    body: "ລັດຖະບານ ສະໜອງ ນ້ຳສະອາດ ໃຫ້ ໜັງສືພິມ.", bodyWords: ["ລັດຖະບານ", "ສະໜອງ", "ນ້ຳ", "ສະອາດ", "ໃຫ້", "ໜັງສືພິມ"],
    date: "2024-01-01" },
  { url: "b.html", title: "ລັດດິຈິຕອນ", titleWords: ["ລັດ", "ດິ", "ຈິ", "ຕອນ"],
    body: "ການສະໜອງບໍລິການ ລັດດິຈິຕອນ ແລະ ITU played a role.",
    bodyWords: ["ການສະໜອງ", "ບໍລິການ", "ລັດ", "ດິ", "ຈິ", "ຕອນ", "ແລະ", "itu", "plai", "a", "role"], date: "2023-05-18" },
  { url: "c.html", title: "ບໍລິການ", titleWords: ["ບໍລິການ"],
    body: "ສະໜ ອງ ແຍກກັນ; ດິຈິຕອນ ແລະ ລັດ ຢູ່ຫ່າງກັນ.", bodyWords: ["ສະໜ", "ອງ", "ແຍກ", "ກັນ", "ດິ", "ຈິ", "ຕອນ", "ແລະ", "ລັດ", "ຢູ່", "ຫ່າງ", "ກັນ"],
    date: "2022-02-02" },
];
const search = createSearch(makeData(ARTICLES));
const urls = (query) => search.search(query).results.map((r) => r.doc.url);

test("a Lao word is found wherever ICU put its boundaries", () => {
  assert.deepEqual(urls("ສະໜອງ").sort(), ["a.html", "b.html"]);
});

test("a Lao word typed in another encoding is found", () => {
  assert.deepEqual(urls("ຫນັງສືພິມ"), ["a.html"]);
  assert.deepEqual(urls("ສະຫນອງ").sort(), ["a.html", "b.html"]);
  assert.deepEqual(urls("ນໍ້າ"), ["a.html"]);
  assert.deepEqual(urls("ນ້ໍາສະອາດ"), ["a.html"]);
});

test("words typed together find only the articles where they stand together", () => {
  const outcome = search.search("ລັດດິຈິຕອນ");
  assert.equal(outcome.mode, "exact");
  assert.deepEqual(outcome.results.map((r) => r.doc.url), ["b.html"]);
});

test("when they stand together nowhere, articles that have them all come, labelled as such", () => {
  const outcome = search.search("ດິຈິຕອນລັດ");
  assert.equal(outcome.mode, "all-words");
  assert.deepEqual(outcome.results.map((r) => r.doc.url).sort(), ["b.html", "c.html"]);
});

test("spaces separate parts that must all occur", () => {
  assert.deepEqual(urls("ສະໜອງ ITU"), ["b.html"]);
  assert.deepEqual(urls("ບໍລິການ ສະອາດ"), []);
});

test("English words match any form with the same stem", () => {
  assert.deepEqual(urls("playing"), ["b.html"]);
  assert.deepEqual(urls("PLAYS"), ["b.html"]);
  assert.deepEqual(urls("itu"), ["b.html"]);
});

test("nothing found, and nothing asked", () => {
  assert.equal(search.search("ຊ້າງ").mode, "none");
  assert.deepEqual(search.search("   ").mode, "empty");
  assert.deepEqual(urls("ho:me^2 ~x +y -z *"), []); // lunr's query syntax is not interpreted
});

test("an article with the word in its title comes first", () => {
  assert.deepEqual(urls("ບໍລິການ"), ["c.html", "b.html"]);
});

test("queries are normalised, lower-cased and split", () => {
  assert.deepEqual(parseQuery(" ຫນັງສືພິມ  GovStack don't "), {
    parts: ["ໜັງສືພິມ", "govstack", "don't"], lao: ["ໜັງສືພິມ"], words: ["govstack", "don", "t"] });
});
