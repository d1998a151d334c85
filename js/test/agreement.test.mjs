// The browser and the build must agree: same spelling, same folding, same words outside Lao script, same units
// and query words, same pipeline functions, lists the build writes read back as they were, and the same variants
// of a close spelling (the build keeps a spelling under them, the page asks for them).

import assert from "node:assert/strict";
import { test } from "node:test";
import lunr from "lunr";
import { numbers, postings, refSet } from "../src/codec.js";
import {
  closest,
  deletions,
  distance,
  LAO_SHORTEST,
  LATIN_SHORTEST,
  skeleton,
  tolerance,
  tonesVariant,
  variantsOf,
} from "../src/near.js";
import { folded, hasLao, latinWords, normalise } from "../src/normalise.js";
import { stem, trim } from "../src/pipeline.js";
import { laoUnits, segment, units } from "../src/segment.js";
import { BLOCK, pythonSide, TEXTS } from "./python.mjs";
import {
  CLOSE_SPELLINGS,
  FOLDINGS,
  NEAR,
  NUMBERS,
  POSTINGS,
  SEGMENTED,
  SETS,
  STEM_EXTRA,
  TRIM,
  VOCABULARY,
} from "./tables.mjs";

const { built } = pythonSide();

test("normalise gives the spelling the build gives", () => {
  TEXTS.forEach((text, i) => {
    assert.equal(normalise(text), built.normalise[i], JSON.stringify(text));
  });
});

test("folding gives the form the build indexes", () => {
  TEXTS.forEach((text, i) => {
    assert.equal(folded(text), built.folded[i], JSON.stringify(text));
  });
  for (const [typed, expected] of FOLDINGS) assert.equal(folded(typed), expected, typed);
});

test("outside Lao script, words split as the build splits them", () => {
  TEXTS.forEach((text, i) => {
    const latin = built.words[i].filter((w) => !hasLao(w));
    const pieces = folded(text)
      .split(/[\u0e80-\u0eff]+/)
      .flatMap(latinWords);
    assert.deepEqual(pieces, latin, JSON.stringify(text));
  });
});

test("the build's Lao words are pieces of the folded text a Lao query is matched against", () => {
  TEXTS.forEach((text, i) => {
    for (const word of built.words[i].filter(hasLao)) assert.ok(folded(text).includes(word), `${word} in ${text}`);
  });
});

test("units and runs of units are the build's", () => {
  TEXTS.forEach((text, i) => {
    assert.deepEqual(units(text), built.units[i], JSON.stringify(text));
    assert.deepEqual(laoUnits(text), built.laoUnits[i], JSON.stringify(text));
  });
});

test("every code point of the Lao block makes the same units and trims the same on both sides", () => {
  BLOCK.forEach((text, i) => {
    const name = `U+${text.codePointAt(text.length > 1 ? 1 : 0).toString(16)} in ${JSON.stringify(text)}`;
    assert.deepEqual(units(text), built.blockUnits[i], name);
    assert.equal(trim(text), built.blockTrim[i], name);
  });
});

test("a query breaks into the words the build would give it", () => {
  const words = new Set(VOCABULARY);
  const longest = Math.max(...VOCABULARY.map((w) => w.length));
  SEGMENTED.forEach((text, i) => {
    assert.deepEqual(
      segment(text, (w) => words.has(w), longest),
      built.segment[i],
      JSON.stringify(text),
    );
  });
});

test("lao-trimmer trims as the build's", () => {
  TRIM.forEach((word, i) => {
    assert.equal(trim(word), built.trim[i], JSON.stringify(word));
  });
});

test("lao-stemmer stems every word of the list as lunr.py's Porter stemmer does", () => {
  assert.ok(built.english.length >= 500, "the English word list has at least 500 words");
  for (const word of ["played", "away", "lay", "try", "connecting", "generously", ...STEM_EXTRA]) {
    assert.ok(word in built.stem, word);
  }
  const differ = Object.entries(built.stem).filter(([word, stemmed]) => stem(word) !== stemmed);
  assert.deepEqual(differ, []);
});

test("lunr.js's own stemmer would not do: it disagrees with the build on words of the list", () => {
  const own = (w) => lunr.stemmer(new lunr.Token(w)).toString();
  const differ = ["played", "away", "lay", "try", "generously"].filter((w) => own(w) !== built.stem[w]);
  assert.ok(differ.length > 0);
});

test("numbers, sets and postings the build writes read back as they were", () => {
  assert.deepEqual(numbers(built.numbers), NUMBERS);
  SETS.forEach((refs, i) => {
    assert.deepEqual(refSet(built.sets[i]), refs, `set ${i}`);
  });
  assert.ok(
    built.sets.some((s) => s.startsWith("!")) && built.sets.some((s) => s && !s.startsWith("!")),
    "both lists and bitmaps are tried",
  );
  POSTINGS.forEach((p, i) => {
    assert.deepEqual(postings(built.postings[i]), p);
  });
});

test("a close spelling's skeleton is the build's: the same tone marks left out", () => {
  NEAR.forEach((text, i) => {
    assert.equal(skeleton(text), built.skeleton[i], JSON.stringify(text));
  });
  assert.ok(
    built.skeleton.some((bare, i) => bare !== NEAR[i]),
    "some strings of the table have tone marks",
  );
});

test("leaving out one or two characters gives the strings the build keeps a spelling under", () => {
  NEAR.forEach((text, i) => {
    for (const times of [1, 2]) {
      const name = `${JSON.stringify(text)}, ${times}`;
      assert.deepEqual(deletions(text, times).sort(), built.deletions[i][times - 1].sort(), name);
    }
  });
});

test("the shortest spellings kept close are the same on both sides", () => {
  assert.deepEqual({ lao: LAO_SHORTEST, latin: LATIN_SHORTEST }, built.shortest);
});

// `word` with one slip: a letter left out, two in a row swapped, one of `letters` added or put in place of one.
function oneSlip(word, letters) {
  const out = new Set();
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of letters) {
      out.add(word.slice(0, i) + letter + word.slice(i));
      if (i < word.length) out.add(word.slice(0, i) + letter + word.slice(i + 1));
    }
  }
  return out;
}

// What a reader may type for `spelling`: one slip; of Lao, also without tone marks, or with a slip and each tone
// mark typed twice; of a Latin word of seven letters or more, a second slip (a letter left out, doubled or
// swapped) on top.
function misspellings(spelling) {
  if (hasLao(spelling)) {
    const letters = [...new Set([...CLOSE_SPELLINGS.lao.join("")])];
    const slips = oneSlip(spelling, letters);
    const twice = [...slips].map((typed) => typed.replace(/[\u0ec8-\u0ecb]/g, "$&$&"));
    return new Set([skeleton(spelling), ...oneSlip(skeleton(spelling), letters), ...slips, ...twice]);
  }
  const once = oneSlip(spelling, "abcdefghijklmnopqrstuvwxyz");
  if (spelling.length < 7) return once;
  const doubled = (typed) => [...typed].map((letter, i) => typed.slice(0, i) + letter + typed.slice(i));
  return new Set([...once, ...[...once].flatMap((typed) => [...oneSlip(typed, ""), ...doubled(typed)])]);
}

test("every spelling as close to what was typed as near.js forgives is found under a variant the page asks for", () => {
  const kept = new Map(Object.entries(built.neighbourhood)); // near.py's, of CLOSE_SPELLINGS
  let checked = 0;
  for (const spelling of [...CLOSE_SPELLINGS.lao, ...CLOSE_SPELLINGS.latin]) {
    const bare = (text) => (hasLao(text) ? skeleton(text) : text);
    for (const typed of misspellings(spelling)) {
      if (typed === spelling || tolerance(typed) < 0 || hasLao(typed) !== hasLao(spelling)) continue;
      if (distance(bare(typed), bare(spelling)) > tolerance(typed, spelling)) continue; // not forgiven
      const found = new Map(variantsOf(typed).flatMap((v) => (kept.has(v) ? [[v, kept.get(v)]] : [])));
      const close = closest(typed, found).map((s) => s.text);
      assert.ok(close.includes(spelling), `${spelling} typed ${typed}: ${close.join(", ")}`);
      checked++;
    }
  }
  assert.ok(checked > 10000, `${checked} misspellings`);
});

test("a Lao spelling typed without its tone marks finds, under its skeleton, the spellings its variant finds", () => {
  const kept = new Map(Object.entries(built.neighbourhood)); // near.py's, of CLOSE_SPELLINGS
  const toned = new Map(Object.entries(built.toned)); // near.py's too: what the page asks for (store.js tones)
  let checked = 0;
  for (const spelling of CLOSE_SPELLINGS.lao) {
    const typed = skeleton(spelling);
    if (typed === spelling || tolerance(typed) < 0) continue;
    const variant = tonesVariant(typed);
    const viaVariant = closest(typed, new Map(kept.has(variant) ? [[variant, kept.get(variant)]] : []));
    const underSkeleton = closest(typed, new Map(toned.has(typed) ? [[typed, toned.get(typed)]] : []));
    assert.deepEqual(
      underSkeleton,
      viaVariant.filter((s) => s.slips === 0),
      typed,
    );
    assert.ok(
      underSkeleton.some((s) => s.text === spelling),
      typed,
    );
    checked++;
  }
  assert.ok(checked >= 4, `${checked} spellings`);
});
