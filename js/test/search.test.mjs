// The search over split data, on articles the build's own Python side indexed (real ICU words, real files).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { parseQuery } from "../src/rank.js";
import { createSearch } from "../src/search.js";
import { pythonSide } from "./python.mjs";
import { fileStore, heldStore, payloadOf, referenceOf, shardFile } from "./site-data.mjs";

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

test("a long part found nowhere as typed is split into its words only once they are tried apart, after its close spellings", async () => {
  const query = "ດິຈິຕອນລັດ"; // ດິ ຈິ ຕ ອ ນ ລັ ດ: no article holds it; b.html and c.html have its words
  const { store, asked } = heldStore(DATA, () => false);
  const preloaded = []; // the words whose records the search asked for at once (those of the commonest are loaded)
  const preload = store.preload.bind(store);
  store.preload = (words) => {
    preloaded.push(...words);
    return preload(words);
  };
  const outcome = await createSearch(store).search(query);
  assert.equal(outcome.mode, "all-words");
  assert.deepEqual(outcome.results, reference.search(query).results);
  const nearShard = asked.findIndex((name) => name.startsWith("n-") && !name.endsWith("/index.js"));
  const words = asked.findIndex((name) => name.startsWith("w-"));
  assert.ok(nearShard >= 0 && words > nearShard, `the list of words asked for first: ${asked.join(" ")}`);
  for (const word of outcome.needles) assert.ok(preloaded.includes(word), `${word}: ${preloaded.join(" ")}`);
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

const settled = (promise, ms = 1000) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

test("a long part that is no key asks for what ranks its candidates only once their texts are asked for", async () => {
  const query = "ບໍລິຫານລັດດິ"; // in b.html only; its candidates are checked in their text
  const { store, asked } = heldStore(DATA, () => false);
  const outcome = await createSearch(store).search(query);
  assert.deepEqual(outcome.results.length, 1);
  const firstText = asked.findIndex((name) => name.startsWith("f-"));
  const ranking = asked.filter((name) => name.startsWith("w-") || name.startsWith("c-"));
  assert.ok(firstText >= 0 && ranking.length > 0, asked.join(" "));
  for (const name of ranking) assert.ok(asked.indexOf(name) > firstText, `${name} after the texts: ${asked.join(" ")}`);
});

// A rare name made of common words: ທອງ, one of its runs, is one of the archive's commonest words (entry.common).
const NAMES = Array.from({ length: 14 }, (_, i) =>
  article(
    `n${i}.html`,
    `2020-01-${String(i + 1).padStart(2, "0")}`,
    `ຂ່າວ ${i}`,
    i === 3 ? "<p>ທ່ານ ທອງເພັດລັດຫຼວງ ມາ ບ້ານ ທອງ.</p>" : `<p>ບ້ານ ທອງ ແລະ ${i % 2 ? "ເພັດ" : "ລັດ"} ໄປ ທອງ.</p>`,
  ),
);
const NAMES_DATA = path.join(pythonSide({ names: { lang: "lo", articles: NAMES } }).folder, "names");

test("a long part that is no key is narrowed by its runs that are not among the commonest words", async () => {
  const query = "ທອງເພັດລັດຫຼວງ";
  const entry = payloadOf(fs.readFileSync(path.join(NAMES_DATA, "index.js"), "utf8"));
  const common = `${entry.common.folder}/${entry.common.keys.indexOf("ທອງ")}.js`;
  const { store, asked } = heldStore(NAMES_DATA, () => false);
  const outcome = await createSearch(store).search(query);
  assert.deepEqual(outcome.results, (await referenceOf(NAMES_DATA)).search(query).results);
  assert.equal(outcome.results.length, 1);
  // its record (the largest) is asked for only to rank what the text check found: not beside the other runs'
  const firstText = asked.findIndex((name) => name.startsWith("f-"));
  assert.ok(firstText >= 0 && asked.indexOf(common) > firstText, asked.join(" "));
});

test("a short part that is no key asks for the shards of the words it may hold beside the list of words", async () => {
  const query = "ບໍ່ລັດ"; // ບໍ່ and ລັດ, never side by side: found as all words
  const { store, asked, release } = heldStore(DATA, (name) => name.startsWith("w-"));
  const searching = createSearch(store).search(query, { asTyped: true });
  assert.equal(await settled(searching, 200), false, "the search waits for the list of words");
  const entry = payloadOf(fs.readFileSync(path.join(DATA, "index.js"), "utf8"));
  for (const word of ["ບໍ່", "ລັດ"]) assert.ok(asked.includes(shardFile(entry, word)), `${word}: ${asked.join(" ")}`);
  release();
  const outcome = await searching;
  assert.equal(outcome.mode, "all-words");
  assert.deepEqual(outcome.results, reference.search(query, { asTyped: true }).results);
});

// More articles than are checked in their text at once (search.js CHECKED_AT_ONCE, 40) hold the units ຄະແນນນ
// (ຄະ ແນ ນ ນ, a long part that is no key) begins with.
const VILLAGES = ["ລັດຖະບານ", "ໂຮງຮຽນ", "ນັກຮຽນ", "ຊາວບ້ານ", "ແຂວງ", "ເມືອງ", "ບ້ານ", "ສະພາ"];
const VOTES = Array.from({ length: 45 }, (_, i) =>
  article(
    `votes-${i}.html`,
    `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
    `ຂ່າວ ${i}`,
    `<p>${VILLAGES[i % VILLAGES.length]} ຄະແນນນິຍົມ ${VILLAGES[(i * 3) % VILLAGES.length]} ${i}.</p>`,
  ),
);
const votes = pythonSide({ votes: { lang: "lo", articles: VOTES } });
const VOTES_DATA = path.join(votes.folder, "votes");

test("a long part that is no key, whose units many articles hold, asks for the keys inside it beside those it ends with", async () => {
  const query = "ຄະແນນນ";
  const { store } = fileStore(VOTES_DATA, "lo");
  const calls = []; // [method, first argument], in the order the search calls the store
  for (const method of ["known", "prefixed", "lookup"]) {
    const own = store[method].bind(store);
    store[method] = (...args) => {
      calls.push([method, args[0]]);
      return own(...args);
    };
  }
  const outcome = await createSearch(store).search(query);
  assert.deepEqual(outcome.results, (await referenceOf(VOTES_DATA)).search(query).results);
  assert.equal(outcome.results.length, VOTES.length);
  const ending = calls.findIndex(([method]) => method === "prefixed"); // the keys its last units begin
  const begun = calls.findIndex(([method], k) => method === "lookup" && k > ending); // ... and their records
  const inside = calls.findIndex(([method, keys]) => method === "known" && keys.includes("ຄະແນ")); // widest inside
  assert.ok(ending >= 0 && begun > ending && inside >= 0, JSON.stringify(calls));
  assert.ok(
    inside < begun,
    `the keys inside it asked for after the records of those it ends with: ${JSON.stringify(calls)}`,
  );
});

test("a lone result is given early, before the words it is ranked by are loaded; then ranked as any", async () => {
  const query = "ບໍລິຫານລັດດິ";
  const { store, release } = heldStore(DATA, (name) => name.startsWith("w-"));
  const early = [];
  const searching = createSearch(store).search(query, { early: (o) => early.push(o) });
  assert.equal(await settled(searching, 300), false, "the search waits for the words' shards");
  assert.equal(early.length, 1);
  assert.deepEqual(
    early[0].results.map((r) => r.ref),
    reference.search(query).results.map((r) => r.ref),
  );
  release();
  const outcome = await searching;
  const { score, ...rest } = outcome.results[0];
  assert.ok(score > 0);
  assert.deepEqual(early[0], { ...outcome, results: [rest] }); // the same outcome, but the score
  assert.deepEqual(outcome.results, reference.search(query).results);
  const several = [];
  await createSearch(fileStore(DATA, "lo").store).search("ສະໜອງ", { early: (o) => several.push(o) });
  assert.deepEqual(several, []); // results to rank: none given early
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

// Close spellings: words a reader may misspell, each in an article or a few. ຂ່າວ (news) is in four articles,
// ຂາວ (white) without its tone mark in one.
const NEAR = [
  article("k.html", "2024-02-01", "ການສື່ສານ", "<p>ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ.</p>"),
  article("l.html", "2024-02-02", "ນັກວິທະຍາສາດ", "<p>ນັກວິທະຍາສາດ ລາວ ສຶກສາ ດິນ.</p>"),
  article("m.html", "2024-02-03", "The government plan", "<p>The government plans roads for the villages.</p>"),
  article("n.html", "2024-02-04", "ຂ່າວ", "<p>ຂ່າວ ການສືບສານ ວັດທະນະທຳ.</p>"),
  article("o.html", "2024-02-05", "ຂ່າວກິລາ", "<p>ເສື້ອ ສີຂາວ.</p>"),
  article("p.html", "2024-02-06", "ຂ່າວ ເສດຖະກິດ", "<p>ເກົ້າສິບ ໂຄງການ.</p>"),
  article("q.html", "2024-02-07", "ກະຊວງ", "<p>ຂໍ້ມູນຂ່າວສານໃໝ່ ຈາກ ກະຊວງ.</p>"),
  article("r.html", "2024-02-08", "Rice", "<p>A rice plant.</p>"),
  article("s.html", "2024-02-09", "ເຮືອນເກົ່າ", "<p>ເຮືອນ ເກົ່າ.</p>"), // ເກົ່າ, old; ເກົ້າ, nine, is in p's ເກົ້າສິບ
  article("t.html", "2024-02-10", "ປ່າ", "<p>ເສືອ ໃນ ປ່າ.</p>"), // ເສືອ, tiger, beside o's ເສື້ອ, shirt
];
const near = pythonSide({ near: { lang: "lo", articles: NEAR } });
const NEAR_DATA = path.join(near.folder, "near");
const nearReference = await referenceOf(NEAR_DATA);
const NEAR_ENTRY = payloadOf(fs.readFileSync(path.join(NEAR_DATA, "index.js"), "utf8"));

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 20));
const isCloseShard = (name) => name.startsWith(`${NEAR_ENTRY.near.folder}/`) && !name.endsWith("/index.js");

// A search over the close spellings' site, as the page makes it (as typed: with the page's &exact=1).
async function searched(query, asTyped = false) {
  const { store, loaded } = fileStore(NEAR_DATA, "lo");
  const outcome = await createSearch(store).search(query, { asTyped });
  await aTaskLater(); // what it asks for in case is asked for in a task of its own: from disk, after the search is done
  const searchedFor = loaded.map((f) => f.name); // what the search itself loaded, before the results are shown
  const found = (await store.docs(outcome.results.map((r) => r.ref))).map((d) => d.url);
  return { outcome, urls: found, loaded: searchedFor };
}

test("a Lao word typed without its tone marks finds the articles of the toned word, saying so", async () => {
  const { outcome, urls: found } = await searched("ການສືສານ");
  assert.equal(outcome.mode, "corrected");
  assert.equal(outcome.query, "ການສື່ສານ");
  assert.deepEqual(outcome.typed, ["ການສືສານ"]);
  assert.deepEqual(outcome.needles, ["ການສື່ສານ"]); // what the results show marked
  assert.deepEqual(found, ["k.html"]);
});

test("a Lao word typed without tone marks finds the spellings it may mean in one file, beside its own shard", async () => {
  for (const [query, meant] of [
    ["ການສືສານ", "ການສື່ສານ"], // found nowhere as typed
    ["ຂາວ", "ຂ່າວ"], // found in too few as typed
  ]) {
    const { outcome, loaded } = await searched(query);
    assert.deepEqual([outcome.mode, outcome.query], ["corrected", meant]);
    // no shard of the close spellings (their entry may be asked for, in case): the toned spellings' one shard
    assert.deepEqual(loaded.filter(isCloseShard), [], query);
    assert.equal(loaded.filter((name) => name.startsWith(`${NEAR_ENTRY.tones.folder}/`)).length, 1, query);
  }
});

test("what a query asks for in case it is misspelt comes after its own shards", async () => {
  // (on a phone, six requests at a time: what the query surely needs takes the connections first)
  for (const query of ["ການສືສານ", "ຂາວ ລາວ", "ນັກວິທະຍາສາດ"]) {
    const { store, asked, release } = heldStore(NEAR_DATA, (name) => name.startsWith(`${NEAR_ENTRY.dictionary}/`));
    const searching = createSearch(store).search(query);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the dictionary's shards held back meanwhile
    const own = asked.filter((name) => name.startsWith(`${NEAR_ENTRY.dictionary}/`));
    const inCase = asked.filter((name) => name.startsWith("n-") || name.startsWith(`${NEAR_ENTRY.tones.folder}/`));
    assert.ok(own.length > 0 && inCase.length > 0, `${query}: ${asked.join(" ")}`);
    const lastOwn = Math.max(...own.map((name) => asked.indexOf(name)));
    assert.ok(
      inCase.every((name) => asked.indexOf(name) > lastOwn),
      `${query}: ${asked.join(" ")}`,
    );
    release();
    await searching;
  }
});

test("a query found nowhere as typed is corrected without waiting for the words it would be ranked by", async () => {
  // ການສືສານ is no key: split into words, it would need the shards of the archive's words, held back here
  const { store } = heldStore(NEAR_DATA, (name) => name.startsWith(`${NEAR_ENTRY.words.folder}/`));
  const early = [];
  const searching = createSearch(store).search("ການສືສານ", { early: (o) => early.push(o) });
  await settled(searching, 300);
  assert.deepEqual(
    early.map((o) => [o.mode, o.query]),
    [["corrected", "ການສື່ສານ"]],
  );
});

for (const [typed, slip] of [
  ["ນັກວິທະຍສາດ", "a letter left out"],
  ["ນັກວິທະຍາາສາດ", "a letter doubled"],
  ["ນັກວິທະຍາສດາ", "two letters swapped"],
]) {
  test(`a Lao word with ${slip} (${typed}) is corrected`, async () => {
    const { outcome, urls: found } = await searched(typed);
    assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", "ນັກວິທະຍາສາດ", ["l.html"]]);
  });
}

test("only the misspelt part of a query is corrected", async () => {
  const { outcome, urls: found } = await searched("ນັກວິທະຍສາດ ລາວ");
  assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", "ນັກວິທະຍາສາດ ລາວ", ["l.html"]]);
});

// m.html has "villages" and "government", as written; the corrected query is stemmed (villag, govern) as any.
for (const [typed, meant] of [
  ["villagse", "villages"],
  ["vilages", "villages"],
  ["goverment", "government"],
  ["the goverment", "the government"],
]) {
  test(`an English word with a slip (${typed}) is corrected, and the correction stemmed`, async () => {
    const { outcome, urls: found } = await searched(typed);
    assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", meant, ["m.html"]]);
  });
}

test("a misspelt word close to several spellings: the likeliest searched for, the others suggested", async () => {
  const { outcome, urls: found } = await searched("plann"); // a letter doubled (plan), or replaced (plant)
  assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", "plan", ["m.html"]]);
  assert.ok(outcome.suggestions.includes("plant"), outcome.suggestions.join(", "));
  assert.ok(!outcome.suggestions.includes("plan"), "not the one searched for");
});

test("a corrected search gives its results early, before the other close spellings are weighed", async () => {
  const { store } = fileStore(NEAR_DATA, "lo");
  const early = [];
  const outcome = await createSearch(store).search("plann", { early: (o) => early.push(o) });
  assert.equal(early.length, 1);
  assert.deepEqual(early[0], { ...outcome, suggestions: [] }); // all but the suggestions, which come after
  assert.ok(outcome.suggestions.length > 0);
  const exact = [];
  await createSearch(fileStore(NEAR_DATA, "lo").store).search("ຂ່າວ", { early: (o) => exact.push(o) });
  assert.deepEqual(exact, []); // a search found as typed has nothing to give early
});

test("a part that begins with a vowel sign and is found as typed stays found as typed: exact first", async () => {
  // ັກວິທະຍາສາດ: ນັກວິທະຍາສາດ with its first letter left out, which its article holds as typed too
  const { outcome, urls: found } = await searched("ັກວິທະຍາສາດ");
  assert.deepEqual([outcome.mode, found], ["exact", ["l.html"]]);
});

test("a part that begins inside a unit, as a word whose first letter was left out, is told by the keys alone", async () => {
  // ານສື່ສາ: the beginning of ການສື່ສານ without its first letter; ານສື່ສານ, longer, is looked for in the text of
  // the one article whose keys have it.
  for (const [query, texts] of [
    ["ານສື່ສາ", 0],
    ["ານສື່ສານ", 1],
  ]) {
    const { outcome, urls: found, loaded } = await searched(query);
    assert.deepEqual([outcome.mode, found], ["exact", ["k.html"]], query);
    assert.equal(loaded.filter((name) => name.startsWith("f-")).length, texts, query);
    assert.deepEqual(outcome.results, nearReference.search(query).results, query);
  }
});

test("a run of words typed without tone marks, close to no spelling as a whole, is mended piece by piece", async () => {
  // ຂໍ້ມູນຂ່າວສານ (information) and ໃໝ່ (new): three words, no key of the archive as a whole.
  const { outcome, urls: found } = await searched("ຂໍມູນຂາວສານໃໝ");
  assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", "ຂໍ້ມູນຂ່າວສານໃໝ່", ["q.html"]]);
});

test("typed without any tone mark, the marks are put back before a letter is changed", async () => {
  // The beginning of ການສື່ສານ: ການສື່ສາ is in its article, as ການສື່ສານ (one letter more) is.
  const { outcome, urls: found } = await searched("ການສືສາ");
  assert.deepEqual([outcome.mode, outcome.query, found], ["corrected", "ການສື່ສາ", ["k.html"]]);
});

test("a Lao word without tone marks found in too few articles is searched for with them", async () => {
  const { outcome, urls: found } = await searched("ຂາວ");
  assert.deepEqual([outcome.mode, outcome.query, outcome.few], ["corrected", "ຂ່າວ", 1]);
  assert.deepEqual(found.sort(), ["n.html", "o.html", "p.html", "q.html"]);
  const typed = await searched("ຂາວ", true);
  assert.deepEqual([typed.outcome.mode, typed.urls], ["exact", ["o.html"]]);
});

test("a query found as typed (tone marks typed, or Latin, or of several parts) is searched for as typed, and loads no close spelling but their entry", async () => {
  for (const query of ["ການສື່ສານ", "ຂ່າວ", "villages", "ນັກວິທະຍາສາດ ລາວ"]) {
    const { outcome, loaded } = await searched(query);
    const asTyped = await searched(query, true);
    assert.equal(outcome.mode, "exact", query);
    assert.equal(outcome.query, undefined, query);
    assert.deepEqual(outcome, asTyped.outcome, query);
    assert.ok(outcome.results.length > 0, query);
    // no shard of the close spellings for a Lao query (their entry is asked for, in case); a Latin word long
    // enough to be forgiven a slip and not among the commonest (none are, in this small archive) has its own
    // asked for, in case (below)
    assert.equal(loaded.filter(isCloseShard).length > 0, query === "villages", query);
  }
});

test("a Latin word that is not among the commonest has its close spellings asked for beside its own shard, not after it", async () => {
  const { store, asked, release } = heldStore(NEAR_DATA, (name) => name.startsWith(`${NEAR_ENTRY.dictionary}/`));
  const searching = createSearch(store).search("goverment");
  await new Promise((resolve) => setTimeout(resolve, 20)); // the dictionary's shards held back meanwhile
  const own = asked.indexOf(shardFile(NEAR_ENTRY, "goverment"));
  const close = asked.filter((name) => name.startsWith(`${NEAR_ENTRY.near.folder}/`));
  assert.ok(own >= 0 && close.length > 0, asked.join(" "));
  assert.ok(!close.includes(`${NEAR_ENTRY.near.folder}/index.js`), "the search entry names their shards");
  assert.ok(
    close.every((name) => asked.indexOf(name) > own),
    `its own shard first: ${asked.join(" ")}`,
  );
  release();
  const outcome = await searching;
  assert.deepEqual([outcome.mode, outcome.query], ["corrected", "government"]);
});

// villages in every article: the one word among the commonest, whose record the entry names (index.py _common)
const COMMON_LATIN = ["roads", "water", "schools", "clinics", "markets", "bridges"].map((word, i) =>
  article(`v${i}.html`, `2024-03-0${i + 1}`, `Villages ${word}`, `<p>The villages built ${word}.</p>`),
);
const COMMON_LATIN_DATA = path.join(
  pythonSide({ villages: { lang: "en", articles: COMMON_LATIN } }).folder,
  "villages",
);

test("a Latin word among the commonest, or a search as typed, asks for no close spelling", async () => {
  const entry = payloadOf(fs.readFileSync(path.join(COMMON_LATIN_DATA, "index.js"), "utf8"));
  assert.ok(entry.common.keys.includes("villag"), JSON.stringify(entry.common));
  for (const [query, asTyped] of [
    ["villages", false],
    ["bridges", true],
    ["brdges", true],
  ]) {
    const { store, asked } = heldStore(COMMON_LATIN_DATA, () => false, "en");
    await createSearch(store).search(query, { asTyped });
    await aTaskLater();
    assert.deepEqual(
      asked.filter((name) => name.startsWith("n-")),
      [],
      query,
    );
  }
  // one that is not among them has its close spellings asked for, in case
  const { store, asked } = heldStore(COMMON_LATIN_DATA, () => false, "en");
  await createSearch(store).search("bridges");
  await aTaskLater();
  assert.ok(
    asked.some((name) => name.startsWith(`${entry.near.folder}/`)),
    asked.join(" "),
  );
});

test("a query searched for as typed is never corrected, and loads no close spelling", async () => {
  for (const query of ["ການສືສານ", "ນັກວິທະຍສາດ", "villagse", "goverment", "plann", "ຂາວ", "ເກົາສິບ"]) {
    const { outcome, loaded } = await searched(query, true);
    assert.notEqual(outcome.mode, "corrected", query);
    assert.equal(outcome.query, undefined, query);
    assert.deepEqual(
      loaded.filter((name) => name.startsWith("n-")),
      [],
      query,
    );
  }
});

test("a query close to no spelling of the archive still finds nothing", async () => {
  for (const query of ["xyzzyq", "ຊ້າງເຜືອກ", "ITU"]) {
    const { outcome } = await searched(query);
    assert.equal(outcome.mode, "none", query);
    assert.equal(outcome.query, undefined, query);
  }
});

test("a misspelt query loads the close spellings' entry and some of their shards, not all", async () => {
  const { loaded } = await searched("ນັກວິທະຍສາດ");
  const { folder } = NEAR_ENTRY.near;
  const nearFiles = loaded.filter((name) => name.startsWith(`${folder}/`));
  const shards = fs.readdirSync(path.join(NEAR_DATA, folder)).filter((name) => name !== "index.js");
  assert.ok(nearFiles.includes(`${folder}/index.js`));
  assert.ok(
    nearFiles.length > 1 && nearFiles.length - 1 < shards.length,
    `${nearFiles.length - 1} of ${shards.length}`,
  );
});

const MISSPELT = [
  "ການສືສານ",
  "ນັກວິທະຍສາດ",
  "ນັກວິທະຍາາສາດ",
  "ນັກວິທະຍາສດາ",
  "ນັກວິທະຍສາດ ລາວ",
  "villagse",
  "vilages",
  "goverment",
  "the goverment",
  "plann",
  "ຂາວ",
  "ເກົາສິບ",
  "ຂໍມູນຂາວສານໃໝ",
  "ການສືສາ",
  "ເຕັກໂນໂລຊິ",
  "ັກວິທະຍາສາດ",
  "ເກົາ",
  "ເສື່ອ",
  "xyzzyq",
  "ຊ້າງເຜືອກ",
  "ການສື່ສານ",
];

test("a piece of a word is not offered: ເກົາ finds ເກົ່າ, and ເກົ້າ, only a piece of ເກົ້າສິບ here, is not offered", async () => {
  const { outcome } = await searched("ເກົາ");
  assert.deepEqual([outcome.mode, outcome.query, outcome.suggestions], ["corrected", "ເກົ່າ", []]);
  const { outcome: other } = await searched("ເສື່ອ"); // two words one tone mark away: the other is offered
  assert.deepEqual([other.mode, [other.query, ...other.suggestions].sort()], ["corrected", ["ເສືອ", "ເສື້ອ"]]);
});

test("what is offered as 'did you mean' is made of words of the archive, not pieces of words it also keeps", async () => {
  let offered = 0;
  for (const query of MISSPELT) {
    const { outcome } = await searched(query);
    const { store } = fileStore(NEAR_DATA, "lo");
    const changed = (outcome.suggestions || []).flatMap((q) =>
      parseQuery(q).lao.filter((p) => !outcome.typed.includes(p)),
    );
    const records = await store.lookup(changed);
    for (const part of changed) {
      const record = records.get(part);
      assert.ok(record && (record.refs.length || record.loose.every((loose) => !loose)), `${query}: ${part}`);
    }
    offered += changed.length;
  }
  assert.ok(offered > 0, "some Lao spellings are offered");
});

test("corrected or not, the split data give what the reference gives, with the same close spellings", async () => {
  const shown = ({ mode, needles, typed, query, suggestions, few, results }) => ({
    mode,
    needles,
    typed,
    query,
    suggestions,
    few,
    results: results.map(({ part, ...result }) => result),
  });
  const modes = new Set();
  for (const query of MISSPELT) {
    for (const asTyped of [false, true]) {
      const { outcome } = await searched(query, asTyped);
      assert.deepEqual(shown(outcome), shown(nearReference.search(query, { asTyped })), `${query}, ${asTyped}`);
      modes.add(outcome.mode);
    }
  }
  assert.deepEqual([...modes].sort(), ["all-words", "corrected", "exact", "none"]);
});
