// A built site's search data read from disk, as the page would load them: the split store (what a query loads,
// counted), and everything at once for the reference search. No tests here.
import fs from "node:fs";
import path from "node:path";
import { createReference } from "../src/reference.js";
import { createStore, decode } from "../src/store.js";

const PREFIX = "LaoArchive.receive(";
const SUFFIX = ");\n";

/** The payload a data script hands to the page. */
export function payloadOf(script, name = "a data file") {
  if (!script.startsWith(PREFIX) || !script.endsWith(SUFFIX)) throw new Error(`${name} is not a search data script`);
  return JSON.parse(script.slice(PREFIX.length, -SUFFIX.length));
}

/** A store over the data folder `folder`; `loaded` lists the files it has read, with their sizes. */
export function fileStore(folder, lang) {
  const loaded = [];
  const store = createStore(async (name) => {
    const script = fs.readFileSync(path.join(folder, name), "utf8");
    loaded.push({ name, bytes: Buffer.byteLength(script) });
    return payloadOf(script, name);
  }, lang);
  return { store, loaded };
}

/**
 * A store over the data folder `folder` (of `lang`, Lao unless said) whose files of `held(name)` are held back until
 * release() (then loaded as any); `asked` lists every file in the order it was asked for.
 */
export function heldStore(folder, held, lang = "lo") {
  const asked = [];
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  const store = createStore(async (name) => {
    asked.push(name);
    if (held(name)) await released;
    return payloadOf(fs.readFileSync(path.join(folder, name), "utf8"), name);
  }, lang);
  return { store, asked, release };
}

/** The dictionary shard of `entry` (a data folder's index.js) whose keys would hold `key`, as the store names it. */
export function shardFile(entry, key) {
  return `${entry.dictionary}/${entry.shards.findLastIndex((first) => first <= key)}.js`;
}

/** Every article of `folder` with its whole text: a long one's first part, then the others (joined, its text). */
export function wholeDocs(folder) {
  const read = (name) => payloadOf(fs.readFileSync(path.join(folder, name), "utf8"), name);
  const entry = read("index.js");
  return Array.from({ length: entry.count }, (_, ref) => {
    const doc = read(`${entry.fragments}/${ref}.js`).doc;
    const rest = Array.from({ length: (doc.parts || 1) - 1 }, (_, k) => read(`${entry.fragments}/${ref}-${k + 1}.js`));
    return { ...doc, text: doc.text + rest.map((p) => p.part.text).join("") };
  });
}

/** The reference search over every file of `folder`. */
export async function referenceOf(folder) {
  const read = (name) => payloadOf(fs.readFileSync(path.join(folder, name), "utf8"), name);
  const entry = read("index.js");
  const terms = new Map();
  const keys = [];
  for (const i of entry.shards.keys()) {
    const shard = read(`${entry.dictionary}/${i}.js`);
    keys.push(...shard.keys);
    shard.keys.forEach((key, i) => {
      if (shard.terms[i] !== "1") return;
      let record = shard.records[i];
      if (record[0] === "/") record = read(record.slice(1)).record;
      const { refs, weights } = decode(key, record, null);
      terms.set(key, { refs, weights });
    });
  }
  const docs = wholeDocs(folder);
  const { store } = fileStore(folder);
  await store.open();
  return createReference({
    docs,
    terms,
    longest: entry.longest,
    pipeline: entry.pipeline,
    meta: store.meta,
    lengths: entry.lengths,
    keys,
  });
}
