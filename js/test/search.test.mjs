// The search over split data, on articles the build's own Python side indexed (real ICU words, real files).

import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { parseQuery } from "../src/rank.js";
import { createSearch } from "../src/search.js";
import { pythonSide } from "./python.mjs";
import { fileStore, referenceOf } from "./site-data.mjs";

const article = (url, date, title, body, extra = {}) => ({
  url,
  date,
  title,
  body_html: body,
  kind: "news",
  date_text: date,
  summary_html: "",
  tags: [],
  ...extra,
});
// ICU breaks ສະໜອງ differently in a and b (alone, inside ການສະໜອງ); c has its letters apart.
const ARTICLES = [
  article("a.html", "2024-01-01", "ການສະໜອງນ້ຳ", "<p>ລັດຖະບານ ສະໜອງ ນ້ຳສະອາດ ໃຫ້ ໜັງສືພິມ.</p>"),
  article("b.html", "2023-05-18", "ລັດດິຈິຕອນ", "<p>ການສະໜອງບໍລິການ ສູນບໍລິຫານລັດດິຈິຕອນ ແລະ ITU played a role.</p>", {
    kind: "reports",
  }),
  article("c.html", "2022-02-02", "ບໍລິການ", "<p>ສະໜ ອງ ແຍກກັນ; ດິຈິຕອນ ແລະ ລັດ ຢູ່ຫ່າງກັນ. ສັນຍານ ບໍ່ດີ.</p>"),
  article(
    "d.html",
    "2021-07-07",
    "Playing for the villages",
    "<p>Broadband: the team connected 40 villages (ITU) in Bogotá.</p>",
  ),
  article("e.html", "2020-03-03", "ນະຄອນຫລວງ", "<p>ກອງປະຊຸມ ຢູ່ ນະຄອນຫລວງວຽງຈັນ ກັບ ອາເມຣິກາ.</p>"),
  article("f.html", "2019-09-09", "ນະຄອນຫຼວງ", "<p>ຂ່າວ ນະຄອນຫຼວງ ແລະ ອາເມລິກາ ແລະ ສັນຍາ.</p>"),
];
const { folder } = pythonSide({ site: { lang: "lo", articles: ARTICLES } });
const DATA = path.join(folder, "site");
const reference = await referenceOf(DATA);

async function run(query) {
  const { store, loaded } = fileStore(DATA, "lo");
  const outcome = await createSearch(store).search(query);
  const searched = loaded.map((f) => f.name); // what the search itself loaded, before the results are shown
  const urls = (await store.docs(outcome.results.map((r) => r.ref))).map((d) => d.url);
  return { outcome, urls, loaded: searched };
}
const urls = async (query) => (await run(query)).urls;

test("a Lao word is found wherever ICU put its boundaries", async () => {
  assert.deepEqual(await urls("ສະໜອງ"), ["a.html", "b.html"]);
});

for (const typed of ["ຫນັງສືພິມ", "ໜັງສືພິມ", "ໜັງ\u200bສືພິມ"]) {
  test(`a Lao word typed as ${JSON.stringify(typed)} is found`, async () =>
    assert.deepEqual(await urls(typed), ["a.html"]));
}

for (const typed of ["ນ້ຳສະອາດ", "ນ້ໍາສະອາດ", "ນໍ້າສະອາດ", "ນຳ້ສະອາດ"]) {
  test(`ນ້ຳສະອາດ typed as ${JSON.stringify(typed)} is found`, async () =>
    assert.deepEqual(await urls(typed), ["a.html"]));
}

for (const typed of ["ນະຄອນຫລວງ", "ນະຄອນຫຼວງ"]) {
  test(`${typed}: ຫລ and ຫຼ are one letter to the search`, async () => {
    assert.deepEqual((await urls(typed)).sort(), ["e.html", "f.html"]);
  });
}

for (const typed of ["ອາເມຣິກາ", "ອາເມລິກາ"]) {
  test(`${typed}: ຣ and ລ are one letter to the search`, async () => {
    assert.deepEqual((await urls(typed)).sort(), ["e.html", "f.html"]);
  });
}

test("what a reader typed is found inside longer words too", async () => {
  assert.deepEqual((await urls("ສັນຍາ")).sort(), ["c.html", "f.html"]); // ສັນຍານ, signal, has it
});

test("words typed together find only the articles where they stand together", async () => {
  const { outcome, urls: found } = await run("ລັດດິຈິຕອນ");
  assert.equal(outcome.mode, "exact");
  assert.deepEqual(found, ["b.html"]);
});

test("when they stand together nowhere, the articles that have them all come, labelled as such", async () => {
  const { outcome, urls: found } = await run("ດິຈິຕອນລັດ");
  assert.equal(outcome.mode, "all-words");
  assert.ok(outcome.needles.length > 1 && outcome.needles.join("") === "ດິຈິຕອນລັດ", outcome.needles.join("|"));
  assert.deepEqual(found.sort(), ["b.html", "c.html"]);
});

test("a word no article holds finds nothing", async () => {
  assert.equal((await run("ຊ້າງເຜືອກ")).outcome.mode, "none");
  assert.equal((await run("ນ້ຳຕົກ")).outcome.mode, "none"); // ນ້ຳ is a word, ຕົກ is in no article
});

test("spaces separate parts that must all occur", async () => {
  assert.deepEqual(await urls("ສະໜອງ ITU"), ["b.html"]);
  assert.deepEqual((await urls("ລັດ ດິຈິຕອນ")).sort(), ["b.html", "c.html"]);
  assert.deepEqual(await urls("ບໍລິການ ສະອາດ"), []);
  assert.deepEqual((await urls("itu played")).sort(), ["b.html", "d.html"]); // d has "playing"
});

test("English words are stems: any form of a word finds it, and accents are not needed", async () => {
  for (const word of ["playing", "played", "plays", "VILLAGE", "connection"]) {
    assert.ok((await urls(word)).length > 0, word);
  }
  assert.deepEqual(await urls("villages"), ["d.html"]);
  assert.deepEqual(await urls("bogota"), ["d.html"]);
  assert.deepEqual(await urls("Bogotá"), ["d.html"]);
});

test("a word is a term or nothing: its letters inside another word do not count", async () => {
  assert.deepEqual(await urls("villa"), []);
});

test("the reader's text is never lunr query syntax", async () => {
  assert.deepEqual(await urls("+itu -played"), await urls("itu played"));
  assert.deepEqual(await urls("title:villages"), []); // "title" is a word to look for, not a field
  assert.equal((await run("* ~ ^")).outcome.mode, "empty"); // nothing left once punctuation is trimmed
});

test("an empty query loads nothing", async () => {
  const { outcome, loaded } = await run("   ");
  assert.equal(outcome.mode, "empty");
  assert.deepEqual(loaded, []);
});

test("a query that is a key of the archive loads no article text before its results are known", async () => {
  const { outcome, loaded } = await run("ສະໜອງ");
  assert.equal(outcome.results.length, 2);
  assert.ok(loaded.includes("index.js"));
  assert.deepEqual(
    loaded.filter((name) => name.startsWith("f-")),
    [],
  );
});

test("a part that is no key is looked for in the text of the articles that have all of its keys", async () => {
  const query = "ບໍລິຫານລັດດິ"; // across several of ICU's words: not a key
  const { store } = fileStore(DATA, "lo");
  assert.equal((await store.known([query])).keys.has(query), false);
  const { outcome, urls: found, loaded } = await run(query);
  assert.deepEqual(found, ["b.html"]);
  assert.equal(outcome.mode, "exact");
  const texts = loaded.filter((name) => name.startsWith("f-"));
  assert.ok(texts.length >= 1 && texts.length < ARTICLES.length, `checked ${texts.length} articles`);
});

test("the best match comes first: a word in the title outweighs the same word in the text", async () => {
  const { outcome, urls: found } = await run("ບໍລິການ");
  assert.equal(found[0], "c.html"); // its title
  const scores = outcome.results.map((r) => r.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
});

test("results carry their kind and year for the filters", async () => {
  const { outcome } = await run("ITU");
  assert.deepEqual(outcome.results.map((r) => [r.kind, r.year]).sort(), [
    ["news", "2021"],
    ["reports", "2023"],
  ]);
});

test("parseQuery folds, splits at spaces and trims punctuation", () => {
  assert.deepEqual(parseQuery("  «ຫນັງສືພິມ», ITU-Bogotá  ນະຄອນຫລວງ "), {
    parts: ["ໜັງສືພິມ", "itu-bogota", "ນະຄອນຫຼວງ"],
    lao: ["ໜັງສືພິມ", "ນະຄອນຫຼວງ"],
    words: ["itu", "bogota"],
  });
});

const QUERIES = [
  "ສະໜອງ",
  "ຫນັງສືພິມ",
  "ນ້ຳ",
  "ນໍ້າສະອາດ",
  "ລັດດິຈິຕອນ",
  "ດິຈິຕອນລັດ",
  "ສັນຍາ",
  "ສັນຍານ",
  "ລັດ ດິຈິຕອນ",
  "ບໍລິການ",
  "ບໍລິຫານລັດດິ",
  "ກ",
  "ດີ",
  "ັນ",
  "ນະຄອນຫລວງວຽງຈັນ",
  "ຫລ",
  "ອາເມຣິກາ ນະຄອນ",
  "ITU",
  "itu ລັດ",
  "villages",
  "the",
  "ຊ້າງເຜືອກ",
  "ແລະ",
  "ງ",
  "ສະໜອງບໍລິການ",
  "ການສະໜອງນ້ຳ",
  "2024",
  "40 ITU",
  "ລັດຖະບານສະໜອງ",
];

test("the split data give what the reference gives, reading every text, for every query", async () => {
  for (const query of QUERIES) {
    const { outcome } = await run(query);
    const expected = reference.search(query);
    assert.deepEqual(
      { mode: outcome.mode, needles: outcome.needles, results: outcome.results },
      { mode: expected.mode, needles: expected.needles, results: expected.results },
      query,
    );
  }
});

// Strings at the edges: Lao mixed with Latin letters and digits, a letter newer than Python's Unicode (U+0ECE),
// a sign that ends words (ຯ), a query of one vowel sign or tone mark.
const EDGES = [
  article("g.html", "2020-01-01", "ລາວabcd ດີ", "<p>ການລະບາດ ໂຄວິດ19 ໃນລາວ</p>"),
  article("h.html", "2020-01-02", "abc xyz", "<p>ບົດທີ 1 ແລະ 2020 ປີ</p>"),
  article("i.html", "2020-01-03", "ສະບາຍດີກ\u0eceມາຍຫຼາຍ", "<p>ຄອມພິວເຕີ\u0ece ແລະອື່ນໆຯ</p>"),
  article("j.html", "2020-01-04", "ຄອມພິວເຕີ໌", "<p>ພຣະເຈົ້າຢູ່ຫົວຯ ລາວ20201</p>"),
];
const edges = pythonSide({ edges: { lang: "lo", articles: EDGES } });
const EDGE_DATA = path.join(edges.folder, "edges");
const edgeReference = await referenceOf(EDGE_DATA);

test("parts that mix scripts, or hold letters the two sides' Unicode versions name differently, answer as the reference", async () => {
  for (const query of [
    "ໂຄວິດ1",
    "ດ1",
    "ລາວabc",
    "ລາວab",
    "ດີabc",
    "ລາວ2020",
    "ດີກ\u0eceມາຍຫຼ",
    "ຍດີກ\u0eceມາຍ",
    "ຄອມພິວເຕີ",
    "ຄອມພິວເຕີ\u0ece",
    "ໆ",
    "ຯ",
    "ພລະເຈົ້າຢູ່ຫົວ",
    "ີ",
    "່",
    "ເ",
    "ກັ",
    "ດິ",
    "19 ໂຄວິດ",
  ]) {
    const { store } = fileStore(EDGE_DATA, "lo");
    const outcome = await createSearch(store).search(query);
    const expected = edgeReference.search(query);
    assert.deepEqual([outcome.mode, outcome.results], [expected.mode, expected.results], query);
  }
});

test("a part with no key inside, of two letters the archive never has in a row, is found nowhere without reading text", async () => {
  for (const query of ["ີ່", "່ັ", "ີີ"]) {
    const { store, loaded } = fileStore(EDGE_DATA, "lo");
    assert.equal((await createSearch(store).search(query)).mode, "none", query);
    assert.deepEqual(
      loaded.filter((f) => f.name.startsWith("f-")),
      [],
      query,
    );
  }
});
