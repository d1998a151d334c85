// The browser and the build must agree: same spelling, same folding, same words outside Lao script, same units
// and query words, same pipeline functions, lists the build writes read back as they were, and the same variants
// of a close spelling (the build keeps a spelling under them, the page asks for them).

import assert from "node:assert/strict";
import { test } from "node:test";
import lunr from "lunr";
import { numbers, postings, refSet } from "../src/codec.js";
import { deletions, LAO_SHORTEST, LATIN_SHORTEST, skeleton } from "../src/near.js";
import { folded, hasLao, latinWords, normalise } from "../src/normalise.js";
import { stem, trim } from "../src/pipeline.js";
import { laoUnits, segment, units } from "../src/segment.js";
import { BLOCK, pythonSide, TEXTS } from "./python.mjs";
import { FOLDINGS, NEAR, NUMBERS, POSTINGS, SEGMENTED, SETS, STEM_EXTRA, TRIM, VOCABULARY } from "./tables.mjs";

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
