import { test } from "node:test";
import assert from "node:assert/strict";
import { createCollector } from "../src/collect.js";

const INDEX = { format: 1, lang: "lo", part: "index", count: 3, docParts: ["docs-0.js", "docs-1.js"], index: {} };
const doc = (url) => ({ url, title: url, kind: "news", date: "2024-01-01", dateText: "", text: url });
const PART0 = { format: 1, lang: "lo", part: "docs-0.js", start: 0, docs: [doc("a"), doc("b")] };
const PART1 = { format: 1, lang: "lo", part: "docs-1.js", start: 2, docs: [doc("c")] };

test("the index names the parts to load; the data are complete when all have come, in any order", () => {
  const collector = createCollector("lo");
  assert.deepEqual(collector.add(INDEX), ["docs-0.js", "docs-1.js"]);
  assert.equal(collector.complete, false);
  collector.add(PART1);
  assert.equal(collector.complete, false);
  collector.add(PART0);
  assert.equal(collector.complete, true);
  assert.deepEqual(collector.data().docs.map((d) => d.url), ["a", "b", "c"]);
  assert.ok(collector.has("index") && collector.has("docs-1.js"));
});

test("a part that comes twice counts once", () => {
  const collector = createCollector("lo");
  collector.add(INDEX);
  collector.add(PART0);
  assert.deepEqual(collector.add(INDEX), []);
  assert.deepEqual(collector.add(PART0), []);
  assert.equal(collector.complete, false);
});

test("data of another format or language are refused", () => {
  assert.throws(() => createCollector("lo").add({ ...INDEX, format: 2 }), /format 2/);
  assert.throws(() => createCollector("en").add(INDEX), /"lo" on a page in "en"/);
  assert.throws(() => createCollector("lo").add(undefined), /format/);
});

test("parts that lack a document the index counts are an error", () => {
  const collector = createCollector("lo");
  collector.add({ ...INDEX, docParts: ["docs-0.js"] });
  collector.add(PART0);
  assert.equal(collector.complete, true);
  assert.throws(() => collector.data(), /document 2 of 3/);
});
