import assert from "node:assert/strict";
import { test } from "node:test";
import { choices, fill, filtered, plural, say, statusText } from "../src/results.js";

const result = (kind, date) => ({ kind, year: date.slice(0, 4) });
const RESULTS = [
  result("news", "2024-03-01"),
  result("reports", "2023-05-18"),
  result("news", "2022-01-01"),
  result("magazine", "2024-12-31"),
];

test("fill puts values into a template and leaves unknown names", () => {
  assert.equal(fill("ພົບ {n} ບົດທີ່ມີ “{q}” {x}", { n: 3, q: "ລາວ" }), "ພົບ 3 ບົດທີ່ມີ “ລາວ” {x}");
});

test("filters keep the results of the chosen kind and year", () => {
  assert.equal(filtered(RESULTS).length, 4);
  assert.deepEqual(filtered(RESULTS, { kind: "news" }), [RESULTS[0], RESULTS[2]]);
  assert.deepEqual(filtered(RESULTS, { year: "2024" }), [RESULTS[0], RESULTS[3]]);
  assert.deepEqual(filtered(RESULTS, { kind: "news", year: "2024" }), [RESULTS[0]]);
});

test("each filter offers what the other leaves, newest year first", () => {
  assert.deepEqual(choices(RESULTS), { kinds: ["magazine", "news", "reports"], years: ["2024", "2023", "2022"] });
  assert.deepEqual(choices(RESULTS, { kind: "news" }), {
    kinds: ["magazine", "news", "reports"],
    years: ["2024", "2022"],
  });
  assert.deepEqual(choices(RESULTS, { year: "2024" }), {
    kinds: ["magazine", "news"],
    years: ["2024", "2023", "2022"],
  });
});

const STRINGS = { prompt: "P", none: "none {q}", count: "{n} with {q}", all_words: "{n} apart {q}" };
for (const [mode, n, expected] of [
  ["empty", 0, "P"],
  ["none", 0, "none ລາວ"],
  ["exact", 3, "3 with ລາວ"],
  ["all-words", 2, "2 apart ລາວ"],
  ["exact", 0, "none ລາວ"],
]) {
  test(`status of ${mode} with ${n}`, () => assert.equal(statusText(STRINGS, mode, "ລາວ", n), expected));
}

test("a text with plural forms takes the form CLDR gives for the number, in each language", () => {
  const en = { one: "{n} article", other: "{n} articles" };
  assert.equal(say({ count: en }, "count", { n: 1 }, "en"), "1 article");
  assert.equal(say({ count: en }, "count", { n: 0 }, "en"), "0 articles");
  assert.equal(say({ count: en }, "count", { n: 21 }, "en"), "21 articles");
  assert.equal(say({ count: { other: "{n} ບົດ" } }, "count", { n: 1 }, "lo"), "1 ບົດ");
  assert.equal(plural("no forms", 1, "en"), "no forms");
  assert.equal(plural(undefined, 1, "en"), "");
});

test("the status line counts in the language's plural form", () => {
  const strings = { count: { one: "{n} article contains “{q}”", other: "{n} articles contain “{q}”" }, none: "None" };
  assert.equal(statusText(strings, "exact", "broadband", 1, "en"), "1 article contains “broadband”");
  assert.equal(statusText(strings, "exact", "broadband", 2, "en"), "2 articles contain “broadband”");
});
