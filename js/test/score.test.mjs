import { test } from "node:test";
import assert from "node:assert/strict";
import lunr from "lunr";
import { createScorer } from "../src/score.js";
import { makeData } from "./data.mjs";

// Forty articles of words drawn from a few, some in several fields, with a fixed pseudo-random sequence.
const WORDS = ["ລັດ", "ດິ", "ຈິ", "ຕອນ", "ການ", "ນ້ຳ", "itu", "plai", "villag", "ໜັງສືພິມ"];
let seed = 11;
const next = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
const pick = (n) => Array.from({ length: n }, () => WORDS[next(WORDS.length)]);
const articles = Array.from({ length: 40 }, (_, i) => ({
  url: `${i}.html`, title: "", titleWords: pick(1 + next(3)), body: "", bodyWords: pick(next(12)),
}));
const index = lunr.Index.load(makeData(articles).index);
const scorer = createScorer(index);
const QUERIES = [["ລັດ"], ["ລັດ", "ດິ"], ["ລັດ", "ລັດ", "ຕອນ"], ["itu", "zebra"], ["zebra"], WORDS, ["ໜັງສືພິມ", "plai"]];

for (const terms of QUERIES) {
  test(`the score of ${terms.join(" ")} is lunr's`, () => {
    const hits = index.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false })));
    const lunrScores = new Map(hits.map((h) => [Number(h.ref), h.score]));
    for (let ref = 0; ref < articles.length; ref++) {
      const expected = lunrScores.get(ref) || 0;
      assert.ok(Math.abs(scorer.score(ref, terms) - expected) < 1e-9, `${ref}: ${scorer.score(ref, terms)} ${expected}`);
    }
  });

  test(`the documents with every term of ${terms.join(" ")} are those lunr requires`, () => {
    const required = index.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false,
      presence: lunr.Query.presence.REQUIRED }))).map((h) => Number(h.ref)).sort((a, b) => a - b);
    const sets = terms.map((t) => new Set(scorer.documents(t)));
    const all = articles.map((_, ref) => ref).filter((ref) => sets.every((s) => s.has(ref)));
    assert.deepEqual(all, required);
  });
}

test("occurs says in which field a term is", () => {
  const ref = articles.findIndex((a) => a.titleWords.includes("ລັດ") && !a.bodyWords.includes("ລັດ"));
  assert.ok(ref >= 0);
  assert.equal(scorer.occurs("ລັດ", ref, "title"), true);
  assert.equal(scorer.occurs("ລັດ", ref, "body"), false);
  assert.equal(scorer.occurs("ລັດ", ref), true);
  assert.equal(scorer.occurs("zebra", ref), false);
  assert.equal(scorer.has("ລັດ") && !scorer.has("zebra") && !scorer.has("constructor"), true);
});
