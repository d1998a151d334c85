// One language's search data as a query needs it, loaded part by part (plugins/lao_search/index.py writes them):
// the entry, the dictionary shards a query's keys fall in, the records too big for their shard, and what the
// results on screen show: an article's file, and of a long article the one part of its text a result needs. Pure
// but for `load`, which the page gives (a <script> per part) and the tests too (files
// read from disk). Every part is loaded once.
import { numbers, postings, refSet } from "./codec.js";
import { union } from "./lists.js";

export const FORMAT = 6; // plugins/lao_search/index.py's FORMAT
const LOOSE = "~"; // before a piece of a key's words that is no word of the archive
const LAO_FIRST = "\u0e80"; // index.py's: the close spellings' shards that begin before it, the entry names

/** A store over `load(name)`, a promise of the payload of the data file `name` ("index.js", "d-…/0.js", …). */
export function createStore(load, lang) {
  const parts = new Map();
  let entry = null;
  let tables = null; // what the entry tells of each article, made once: tablesOf()
  const common = new Map(); // the archive's commonest words (entry.common) -> the file of each one's record
  const decoded = new Map(); // key -> its record, decoded (entryOf), shared by every look-up: not to be changed

  function part(name) {
    if (!parts.has(name)) {
      const loading = Promise.resolve().then(() => load(name));
      loading.catch(() => parts.delete(name)); // a failed part may be asked for again
      parts.set(name, loading);
    }
    return parts.get(name);
  }

  async function open() {
    if (entry) return entry;
    const found = await part("index.js");
    if (!found || found.format !== FORMAT) {
      throw new Error(`search data of format ${found?.format}; expected ${FORMAT}`);
    }
    if (lang && found.lang !== lang) throw new Error(`search data for "${found.lang}" on a page in "${lang}"`);
    for (const [i, key] of (found.common?.keys || []).entries()) common.set(key, `${found.common.folder}/${i}.js`);
    entry = found;
    // The tables are made in a task of their own, once the query's first files are asked for: on a phone's CPU they
    // take some 30 ms, which the wait for those files then hides (made at once when needed before).
    setTimeout(tablesOf, 0);
    return entry;
  }

  // {kindOf: article -> its kind, counts: article -> how many parts its text has (0: not a long one), longRefs: the
  // long articles, rising, firstPart: the number of the first part of each, across them all}, from the entry.
  function tablesOf() {
    if (tables) return tables;
    const { names, runs } = entry.kinds;
    const kindOf = [];
    for (const [kind, count] of runs) for (let i = 0; i < count; i++) kindOf.push(names[kind]);
    const counts = numbers(entry.long);
    const longRefs = [];
    const firstPart = [];
    let first = 0;
    for (let ref = 0; ref < counts.length; ref++) {
      if (!counts[ref]) continue; // not a long one
      longRefs.push(ref);
      firstPart.push(first);
      first += counts[ref];
    }
    tables = { kindOf, counts, longRefs, firstPart };
    return tables;
  }

  // Map: long article -> the numbers (from 0, rising) of its parts among `ids`, parts numbered across them all.
  function partsOf(ids) {
    const { longRefs, firstPart } = tablesOf();
    const out = new Map();
    let at = 0;
    for (const id of ids) {
      while (at + 1 < firstPart.length && firstPart[at + 1] <= id) at++;
      const ref = longRefs[at];
      if (!out.has(ref)) out.set(ref, []);
      out.get(ref).push(id - firstPart[at]);
    }
    return out;
  }

  function checkRef(ref) {
    if (!(ref >= 0 && ref < entry.count)) throw new Error(`no article ${ref} in the search data`);
  }

  // The index of the shard whose keys would hold `key`: the last one that begins at or before it (or -1).
  function shardIndexOf(key) {
    return lastAtOrBefore(entry.shards, key);
  }

  // Up to `most` keys that begin with `prefix` (itself among them when it is one), in order: they run from the
  // shard where `prefix` would be on, as far as they begin with it.
  async function keysBeginning(prefix, most) {
    await open();
    const keys = [];
    for (let s = Math.max(shardIndexOf(prefix), 0); s < entry.shards.length; s++) {
      const shard = await part(shardName(s));
      let i = lowerBound(shard.keys, prefix);
      for (; i < shard.keys.length && shard.keys[i].startsWith(prefix) && keys.length < most; i++) {
        keys.push(shard.keys[i]);
      }
      if (i < shard.keys.length) break; // the keys with this prefix end in this shard (or enough are found)
    }
    return keys;
  }

  function shardOf(key) {
    const found = shardIndexOf(key);
    return found < 0 ? null : shardName(found);
  }

  function shardName(index) {
    return `${entry.dictionary}/${index}.js`;
  }

  // The shard each of `keys` falls in, of a numbered folder whose shards begin at `starts` (the words', the close
  // spellings', the toned spellings'): null for a key before the first.
  function shardsFor(folder, starts, keys) {
    return Promise.all(
      keys.map((key) => {
        const i = lastAtOrBefore(starts, key);
        return i < 0 ? null : part(`${folder}/${i}.js`);
      }),
    );
  }

  // The records of those of `keys` that are among the archive's commonest words, asked for now: they need not wait
  // for their shards, which name the same files (and which a common word's lookup does not need).
  function preload(keys) {
    for (const key of keys) if (common.has(key)) part(common.get(key)).catch(() => {}); // met again when used
  }

  async function entryOf(key, withWords = false) {
    let words;
    let record;
    if (common.has(key)) {
      record = (await part(common.get(key))).record; // a common word is a term: its shard would add nothing
    } else {
      const name = shardOf(key);
      if (!name) return null;
      const shard = await part(name);
      const i = indexOf(shard.keys, key);
      if (i < 0) return null;
      words = shard.words[String(i)];
      // A key of the query made of words is ranked by them: their shards and records are asked for now, beside its
      // own record, not one round trip after it (what a phone's latency makes the largest part of a query's time).
      for (const word of (withWords && words) || []) {
        if (word[0] !== LOOSE && word !== key) entryOf(word).catch(() => {}); // a failure is met again when used
      }
      record = shard.records[i];
      if (record[0] === "/") record = (await part(record.slice(1))).record;
    }
    // Decoded once: a query's records are looked up again (to find, to rank) and a common word's holds thousands.
    if (!decoded.has(key)) {
      const found = decode(key, record, words);
      found.parts = partsOf(found.partIds);
      decoded.set(key, found);
    }
    return decoded.get(key);
  }

  /**
   * What article `ref` shows: {url, title, kind, date, dateText, text}, and tags and pdf when it has them; of a
   * long article, text is its first part, and `parts` says how many there are (see partOf()).
   */
  async function docsOf(refs) {
    const { fragments } = await open();
    return Promise.all(
      refs.map((ref) => {
        checkRef(ref);
        return part(`${fragments}/${ref}.js`).then((p) => p.doc);
      }),
    );
  }

  /** Part `k` of the text of article `ref`: {text, page} (page: of its PDF, 0 for the article's own text). */
  async function partOf(ref, k) {
    const { fragments } = await open();
    checkRef(ref);
    if (k === 0) {
      const [doc] = await docsOf([ref]);
      return { text: doc.text, page: 0 };
    }
    return part(`${fragments}/${ref}-${k}.js`).then((p) => p.part);
  }

  /**
   * What each of `results` ({ref, part}) shows, a promise each (all asked for at once, each settling when its own
   * files are here): its article's file as docsOf() gives it, with, for a long article, the text of the part holding
   * its first match (title, that part, tags) in place of the first part's.
   */
  function shown(results) {
    return results.map(async ({ ref, part: k = 0 }) => {
      // the part a long article's result shows is asked for beside its article's file, not after it (on a phone,
      // a round trip sooner); a failure is met below
      if (k) partOf(ref, k).catch(() => {});
      const [head] = await docsOf([ref]);
      if (!head.parts) return head;
      const part = await partOf(ref, k);
      const tags = head.tagText || [];
      const start = k ? `${head.title}\n` : "";
      const text = [start + part.text.replace(/\n$/, ""), ...tags].join("\n");
      const print = head.print && part.page ? { ...head.print, page: part.page } : undefined;
      return { ...head, text, tags: tags.length, print };
    });
  }

  return {
    open,

    /**
     * The record of each of `keys` (null for a key the archive lacks), loading shards at the same time; with
     * `{words: true}`, also asking at once for the records of the words a key is ranked by (the query's own keys).
     */
    async lookup(keys, { words = false } = {}) {
      await open();
      const records = await Promise.all(keys.map((key) => entryOf(key, words)));
      return new Map(keys.map((key, i) => [key, records[i]]));
    },

    /**
     * Which of `candidates` (Lao strings) are words of the archive (a set), from the shards of its words alone
     * (entry.words), the commonest from the entry itself.
     */
    async words(candidates) {
      await open();
      const found = new Set(candidates.filter((c) => common.has(c)));
      const rest = candidates.filter((c) => !common.has(c));
      if (!entry.words || !rest.length) return found;
      const shards = await shardsFor(entry.words.folder, entry.words.starts, rest);
      rest.forEach((c, k) => {
        if (shards[k] && indexOf(shards[k].words, c) >= 0) found.add(c);
      });
      return found;
    },

    /** Asks at once for the records of those of `keys` that are among the archive's commonest words. */
    async preload(keys) {
      await open();
      preload(keys);
    },

    /**
     * Which of `keys` the archive has, as {keys, terms} (sets): keys of any kind, and those that are terms (a
     * word of the archive), without loading records kept in files of their own; the commonest words (terms all)
     * without loading their shards either.
     */
    async known(keys) {
      await open();
      const shards = await Promise.all(
        keys.map((key) => {
          const name = common.has(key) ? null : shardOf(key);
          return name ? part(name) : null;
        }),
      );
      const found = new Set();
      const terms = new Set();
      keys.forEach((key, k) => {
        if (common.has(key)) {
          found.add(key);
          terms.add(key);
          return;
        }
        const i = shards[k] ? indexOf(shards[k].keys, key) : -1;
        if (i < 0) return;
        found.add(key);
        if (shards[k].terms[i] === "1") terms.add(key);
      });
      return { keys: found, terms };
    },

    /**
     * Up to `limit` keys that begin with `prefix` (and are longer), in order, with their records.
     */
    async withPrefix(prefix, limit) {
      const keys = (await keysBeginning(prefix, limit + 1)).filter((key) => key !== prefix);
      return this.lookup(keys.slice(0, limit));
    },

    /**
     * The keys that begin with `prefix` (itself among them when it is one), in order; null when there are more
     * than `most`. No record is loaded.
     */
    async prefixed(prefix, most) {
      const keys = await keysBeginning(prefix, most + 1);
      return keys.length > most ? null : keys;
    },

    /**
     * Asks for the close spellings' entry, which a Lao part found nowhere as typed needs before anything else: on a
     * phone, a round trip sooner.
     */
    async preloadNear() {
      await open();
      if (entry.near) part(`${entry.near.folder}/index.js`).catch(() => {}); // met again when used
    },

    /**
     * The spellings each of `variants` leads to (Map: variant -> [spelling, articles, ...], empty lists left
     * out): from the shards of the close spellings they fall in (plugins/lao_search/near.py), which the entry names
     * for variants before the Lao block (a Latin word's), the close spellings' own entry for the others.
     */
    async near(variants) {
      await open();
      const out = new Map();
      if (!entry.near || !variants.length) return out;
      const { folder, before } = entry.near;
      const starts = variants.every((v) => v < LAO_FIRST) ? before : (await part(`${folder}/index.js`)).starts;
      const named = await shardsFor(folder, starts, variants);
      variants.forEach((variant, k) => {
        const i = named[k] ? indexOf(named[k].keys, variant) : -1;
        if (i >= 0) out.set(variant, named[k].near[i]);
      });
      return out;
    },

    /**
     * The spellings with tone marks of each of `skeletons` (Lao strings without tone marks), as near() gives the
     * spellings of a variant (Map: skeleton -> [spelling, articles, ...], skeletons without any left out): from the
     * one shard of them each falls in, which the entry names (plugins/lao_search/near.py toned()).
     */
    async tones(skeletons) {
      await open();
      const out = new Map();
      if (!entry.tones || !skeletons.length) return out;
      const shards = await shardsFor(entry.tones.folder, entry.tones.starts, skeletons);
      skeletons.forEach((bare, k) => {
        const i = shards[k] ? indexOf(shards[k].keys, bare) : -1;
        if (i >= 0) out.set(bare, shards[k].toned[i]);
      });
      return out;
    },

    /** Those of the archive's commonest words (entry.common) for which `test(word)` holds; open() first. */
    commonWhere(test) {
      return [...common.keys()].filter(test);
    },

    /** Whether `key` is among the archive's commonest words (entry.common); open() first. */
    isCommon(key) {
      return common.has(key);
    },

    docs: docsOf,

    /** How many parts the text of article `ref` has: 1 but for a long one. open() first. */
    partCount(ref) {
      return tablesOf().counts[ref] || 1;
    },

    part: partOf,
    shown,

    /** The kind and year of article `ref`, from the entry (no file to load); open() first. */
    meta(ref) {
      const { years } = entry;
      let low = 0;
      let high = years.length - 1;
      while (low < high) {
        // the last year whose first article is not after ref
        const mid = (low + high + 1) >> 1;
        if (years[mid][1] <= ref) low = mid;
        else high = mid - 1;
      }
      return { kind: tablesOf().kindOf[ref], year: years.length ? years[low][0] : "" };
    },
  };
}

/**
 * A key's record: `refs` and `weights` where it is a term (rising refs), `docs` every article whose folded text
 * contains it (a Lao key; for a term with no Lao letter, its refs), `words` the archive's words of a Lao key that
 * is no term, with `loose` telling the pieces that are no word; `partIds` the parts of long articles that hold it,
 * numbered across them all (the store tells them by article: `parts`).
 */
export function decode(key, record, words) {
  const [head, rest, ids, more] = record.split(".");
  if (rest === undefined || more !== undefined) {
    throw new Error(`search data: a record without its two or three parts for ${JSON.stringify(key)}`);
  }
  const { refs, weights } = postings(head);
  const extra = refSet(rest);
  const pieces = words ? words.map((w) => (w[0] === LOOSE ? w.slice(1) : w)) : refs.length ? [key] : null;
  const loose = words ? words.map((w) => w[0] === LOOSE) : refs.length ? [false] : null;
  const partIds = ids ? refSet(ids) : [];
  return { key, refs, weights, docs: extra.length ? union(refs, extra) : refs, words: pieces, loose, partIds };
}

// Of `starts` (where each shard begins, in order), the index of the last that begins at or before `key` (or -1):
// the shard whose keys would hold it.
function lastAtOrBefore(starts, key) {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= key) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

// The first position of `sorted` whose key is not before `key`.
function lowerBound(sorted, key) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function indexOf(sorted, key) {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === key) return mid;
    if (sorted[mid] < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
