// The split search data as a query loads them: entry, shards, records in files of their own, articles.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createStore } from "../src/store.js";
import { pythonSide } from "./python.mjs";
import { fileStore, heldStore, payloadOf, shardFile } from "./site-data.mjs";

const WORDS = ["ລັດຖະບານ", "ສະໜອງ", "ນ້ຳສະອາດ", "ໃຫ້", "ບ້ານ", "ໜັງສືພິມ", "ດິຈິຕອນ", "ບໍລິການ", "ກອງປະຊຸມ", "ວຽງຈັນ"];
const ARTICLES = Array.from({ length: 12 }, (_, i) => ({
  url: `n${i}.html`,
  title: `${WORDS[i % WORDS.length]} ${i}`,
  kind: i % 3 ? "news" : "reports",
  date: `${2020 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`,
  date_text: "",
  summary_html: "",
  body_html: `<p>${WORDS.slice(0, 1 + (i % WORDS.length)).join(" ")} ITU village${i}</p>`,
  tags: [],
}));
const { folder } = pythonSide({ site: { lang: "lo", articles: ARTICLES } });
const DATA = path.join(folder, "site");
const entry = payloadOf(fs.readFileSync(path.join(DATA, "index.js"), "utf8"));

test("the test data cross shard boundaries and keep records in files of their own", () => {
  assert.ok(entry.shards.length > 3, `${entry.shards.length} shards`);
  assert.ok(fs.readdirSync(path.join(DATA, "l")).length > 0);
});

test("a key is found in its shard, whichever shard that is, and a key the archive lacks is not", async () => {
  const { store, loaded } = fileStore(DATA, "lo");
  const firsts = entry.shards.map(
    (_, i) => payloadOf(fs.readFileSync(path.join(DATA, entry.dictionary, `${i}.js`), "utf8")).keys[0],
  );
  const found = await store.lookup([...firsts, "ລັດຖະບານ", "itu", "ຊ້າງ", "", "\uffff"]);
  for (const key of [...firsts, "ລັດຖະບານ", "itu"]) assert.ok(found.get(key), key);
  for (const key of ["ຊ້າງ", "", "\uffff"]) assert.equal(found.get(key), null, key);
  assert.equal(new Set(loaded.map((f) => f.name)).size, loaded.length, "no file is loaded twice");
});

test("a record holds a term's articles with their weights, and every article that contains a Lao key", async () => {
  const { store } = fileStore(DATA, "lo");
  const found = await store.lookup(["ລັດຖະບານ", "itu"]);
  const government = found.get("ລັດຖະບານ");
  const refs = [];
  for (let ref = 0; ref < ARTICLES.length; ref++) refs.push(ref);
  const docs = await store.docs(refs);
  const holding = refs.filter((ref) => docs[ref].text.includes("ລັດຖະບານ"));
  assert.deepEqual(government.docs, holding);
  assert.deepEqual(government.words, ["ລັດຖະບານ"]);
  assert.equal(government.weights.length, government.refs.length);
  assert.ok(government.weights.every((w) => Number.isInteger(w) && w > 0));
  assert.deepEqual(found.get("itu").refs, refs); // every article has ITU
});

test("known tells keys and terms apart without loading records", async () => {
  const { store, loaded } = fileStore(DATA, "lo");
  const { keys, terms } = await store.known(["ລັດຖະບານ", "ລັດຖະບານສະໜອງ", "ຊ້າງ", "itu"]);
  assert.ok(keys.has("ລັດຖະບານ") && terms.has("ລັດຖະບານ"));
  assert.ok(!keys.has("ຊ້າງ") && !terms.has("ຊ້າງ"));
  assert.ok(terms.has("itu"));
  assert.deepEqual(
    loaded.filter((f) => f.name.startsWith("l/")),
    [],
  );
});

test("articles are numbered oldest first; their kind and year come from the entry", async () => {
  const { store } = fileStore(DATA, "lo");
  await store.open();
  const docs = await store.docs(ARTICLES.map((_, ref) => ref));
  const dates = docs.map((d) => d.date);
  assert.deepEqual(dates, [...dates].sort());
  docs.forEach((doc, ref) => {
    assert.deepEqual(store.meta(ref), { kind: doc.kind, year: doc.date.slice(0, 4) });
  });
  await assert.rejects(store.docs([ARTICLES.length]), /no article 12/);
});

test("data of another format or language are refused", async () => {
  const wrong = (payload) => createStore(async () => payload, "lo").open();
  await assert.rejects(wrong({ ...entry, format: 1 }), /format 1; expected 6/);
  await assert.rejects(wrong({ ...entry, lang: "en" }), /for "en" on a page in "lo"/);
});

test("a part that failed to load is asked for again", async () => {
  let offline = true;
  const store = createStore(async (name) => {
    if (name !== "index.js" && offline) throw new Error("offline");
    return payloadOf(fs.readFileSync(path.join(DATA, name), "utf8"));
  }, "lo");
  await assert.rejects(store.lookup(["ລັດຖະບານ"]), /offline/);
  offline = false;
  assert.ok((await store.lookup(["ລັດຖະບານ"])).get("ລັດຖະບານ"));
});

// Words written together: keys of two words side by side, each ranked by its words.
const TOGETHER = pythonSide({
  together: {
    lang: "lo",
    articles: ARTICLES.map((article, i) => ({
      ...article,
      body_html: `<p>${WORDS.slice(0, 2 + (i % 4)).join("")}</p>`,
    })),
  },
});
const TOGETHER_DATA = path.join(TOGETHER.folder, "together");

test("the words a query's key is ranked by are asked for beside its record, not after it, and only then", async () => {
  const read = (name) => payloadOf(fs.readFileSync(path.join(TOGETHER_DATA, name), "utf8"), name);
  const together = read("index.js");
  const shardOf = (word) => shardFile(together, word);
  const common = together.common?.keys || [];
  // where a word's record is found: a common word's file of its own (no shard needed), else the word's shard
  const fileOf = (word) =>
    common.includes(word) ? `${together.common.folder}/${common.indexOf(word)}.js` : shardOf(word);
  const keys = together.shards.flatMap((_, i) => {
    const shard = read(`${together.dictionary}/${i}.js`);
    return shard.keys.map((key, i) => ({ key, words: (shard.words[String(i)] || []).filter((w) => w[0] !== "~") }));
  });
  const withWords = keys.filter(({ key, words }) => words.length > 1 && words.some((w) => shardOf(w) !== shardOf(key)));
  assert.ok(withWords.length, "the test data have a key of words in other shards than its own");
  for (const { key, words } of withWords) {
    const asked = [];
    const store = createStore(async (name) => asked.push(name) && read(name), "lo");
    await store.lookup([key], { words: true });
    for (const word of words) assert.ok(asked.includes(fileOf(word)), `${key}: ${word}'s file asked for`);
    const plain = [];
    await createStore(async (name) => plain.push(name) && read(name), "lo").lookup([key]);
    for (const word of words.filter((w) => fileOf(w) !== shardOf(key))) {
      assert.ok(!plain.includes(fileOf(word)), `${key}: ${word}'s file not asked for by a plain lookup`);
    }
  }
});

test("the commonest words' records are found without their shards, and preload asks for those alone", async () => {
  assert.ok(entry.common.keys.length > 0, "the test data have common words");
  const [word] = entry.common.keys;
  const asked = [];
  const store = createStore(async (name) => {
    asked.push(name);
    return payloadOf(fs.readFileSync(path.join(DATA, name), "utf8"));
  }, "lo");
  assert.ok((await store.lookup([word])).get(word).refs.length > 0);
  assert.deepEqual(asked, ["index.js", `${entry.common.folder}/0.js`]); // the entry names its record's file
  assert.deepEqual((await store.known([word])).terms, new Set([word]));
  assert.equal(asked.length, 2, "known from the entry");

  const preloaded = [];
  const other = createStore(async (name) => {
    preloaded.push(name);
    return payloadOf(fs.readFileSync(path.join(DATA, name), "utf8"));
  }, "lo");
  await other.preload([...entry.common.keys, "ລັດຖະບານ-ບໍ່ມີ", "zzz"]);
  assert.deepEqual(
    preloaded.filter((name) => name !== "index.js"),
    entry.common.keys.map((_, i) => `${entry.common.folder}/${i}.js`),
  );
});

test("which strings are words of the archive is told by the shards of its words alone", async () => {
  const asked = [];
  const store = createStore(async (name) => {
    asked.push(name);
    return payloadOf(fs.readFileSync(path.join(DATA, name), "utf8"));
  }, "lo");
  const words = entry.words.starts.flatMap(
    (_, i) => payloadOf(fs.readFileSync(path.join(DATA, entry.words.folder, `${i}.js`), "utf8")).words,
  );
  const some = [words[0], words.at(-1), ...entry.common.keys.filter((k) => /[\u0e80-\u0eff]/.test(k)).slice(0, 2)];
  const found = await store.words([...some, "ຊ້າງບິນ", "ກ", words[0].slice(0, -1)]);
  const known = await createStore(
    async (name) => payloadOf(fs.readFileSync(path.join(DATA, name), "utf8")),
    "lo",
  ).known([...some, "ຊ້າງບິນ", "ກ", words[0].slice(0, -1)]);
  assert.deepEqual(found, known.terms); // what the dictionary's shards say too
  assert.ok(some.every((word) => found.has(word)));
  assert.ok(
    asked.every((name) => name === "index.js" || name.startsWith(`${entry.words.folder}/`)),
    asked.join(),
  );
});

test("the spellings with tone marks under a skeleton come from the one shard of them the entry says it is in", async () => {
  const read = (name) => payloadOf(fs.readFileSync(path.join(DATA, name), "utf8"), name);
  const { folder: tones, starts } = entry.tones;
  assert.ok(starts.length > 1, "the test data have several shards of toned spellings");
  const all = new Map(
    starts.flatMap((_, i) => {
      const shard = read(`${tones}/${i}.js`);
      return shard.keys.map((bare, k) => [bare, { file: `${tones}/${i}.js`, toned: shard.toned[k] }]);
    }),
  );
  assert.ok(all.get("ບານ")?.toned.includes("ບ້ານ"), "ບ້ານ under its skeleton");
  for (const bare of [[...all.keys()][0], [...all.keys()].at(-1), "ບານ"]) {
    const asked = [];
    const store = createStore(async (name) => asked.push(name) && read(name), "lo");
    assert.deepEqual(await store.tones([bare]), new Map([[bare, all.get(bare).toned]]));
    assert.deepEqual(asked, ["index.js", all.get(bare).file]);
  }
  const none = await fileStore(DATA, "lo").store.tones(["ຊາງບິນ", "ກາ"]); // skeletons of no spelling: left out
  assert.deepEqual(none, new Map());
});

test("a record looked up again is the one decoded before, whether a common word's or a shard's", async () => {
  const { store } = fileStore(DATA, "lo");
  const [word] = entry.common.keys;
  const other = "ລັດຖະບານ";
  const first = await store.lookup([word, other]);
  const again = await store.lookup([other, word], { words: true });
  assert.ok(first.get(word).refs.length > 0 && first.get(other).refs.length > 0);
  assert.equal(again.get(word), first.get(word));
  assert.equal(again.get(other), first.get(other));
});

// A long article: its text is cut into parts, each a file of its own beside the article's (index.py).
const LONG = pythonSide({
  long: {
    lang: "lo",
    articles: [
      {
        ...ARTICLES[0],
        body_html: WORDS.map((word, i) => `<p>${`${word} ບົດທີ ${i} `.repeat(60)}</p>`).join(""),
      },
    ],
  },
});
const LONG_DATA = path.join(LONG.folder, "long");

test("the part of a long article a result shows is asked for beside the article's file, not after it", async () => {
  const { store, asked, release } = heldStore(LONG_DATA, (name) => /^f-[^/]+\/0\.js$/.test(name)); // its own file
  await store.open();
  assert.ok(store.partCount(0) > 2, `${store.partCount(0)} parts`);
  const [showing] = store.shown([{ ref: 0, part: 2 }]);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const partFile = asked.find((name) => name.endsWith("/0-2.js"));
  assert.ok(partFile, `the part asked for while the article's file is on its way: ${asked.join(" ")}`);
  release();
  const shown = await showing;
  const part = payloadOf(fs.readFileSync(path.join(LONG_DATA, partFile), "utf8"));
  assert.ok(shown.text.startsWith(`${shown.title}\n${part.part.text.replace(/\n$/, "")}`));
  assert.equal(shown.print, undefined); // no PDF
});
