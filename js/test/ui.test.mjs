import { test } from "node:test";
import assert from "node:assert/strict";
import { createSearch } from "../src/search.js";
import { createView } from "../src/ui.js";
import { makeData } from "./data.mjs";
import { searchPage } from "./fake-dom.mjs";

const STRINGS = {
  loading: "ກຳລັງໂຫຼດ…", prompt: "ພິມຄຳ", count: "ພົບ {n} ບົດທີ່ມີ “{q}”", none: "ບໍ່ພົບບົດທີ່ມີ “{q}”",
  all_words: "ທຸກຄຳ {n} “{q}”", error: "ໂຫຼດບໍ່ໄດ້", filter_kind: "ປະເພດ", filter_year: "ປີ", any_kind: "ທຸກປະເພດ",
  any_year: "ທຸກປີ", more: "ສະແດງຕື່ມ ({n} ບົດ)",
};
const CONFIG = { lang: "lo", strings: STRINGS, kinds: { news: "ຂ່າວ", reports: "ບົດລາຍງານ" } };

// 25 articles with ໜັງສືພິມ: news in 2024, reports in 2023 and 2024; one more without it.
const ARTICLES = Array.from({ length: 25 }, (_, i) => ({
  url: `news/n${i}.html`, title: i === 3 ? "<b>ໜັງສືພິມ</b>" : `ບົດ ${i}`, titleWords: i === 3 ? ["b", "ໜັງສືພິມ", "b"] : ["ບົດ", String(i)],
  body: `ກ່ອນ ໜັງສືພິມ ຫຼັງ ${i}`, bodyWords: ["ກ່ອນ", "ໜັງສືພິມ", "ຫຼັງ", String(i)],
  kind: i % 5 === 0 ? "reports" : "news", date: i % 5 === 0 && i % 2 ? "2023-06-01" : `2024-01-${String(i + 1).padStart(2, "0")}`,
})).concat([{ url: "other.html", title: "ອື່ນ", titleWords: ["ອື່ນ"], body: "ລາວ", bodyWords: ["ລາວ"] }]);
const search = createSearch(makeData(ARTICLES));

function shown(query) {
  const doc = searchPage();
  const view = createView(doc, CONFIG);
  view.loading();
  assert.equal(doc.getElementById("search-status").textContent, STRINGS.loading);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "true");
  view.show(search.search(query), query);
  return doc;
}

const items = (doc) => doc.getElementById("search-results").children;

test("one item per result, its first element the link to the article, then kind, date and a marked snippet", () => {
  const doc = shown("ຫນັງສືພິມ");
  const list = doc.getElementById("search-results");
  assert.equal(list.getAttribute("aria-busy"), "false");
  assert.equal(items(doc).length, 20);
  for (const li of items(doc)) {
    assert.equal(li.tagName, "LI");
    assert.equal(li.children[0].tagName, "A");
    assert.match(li.children[0].getAttribute("href"), /^news\/n\d+\.html$/);
    assert.equal(li.querySelectorAll("li").length, 0);
    assert.match(li.textContent, /(ຂ່າວ|ບົດລາຍງານ) · 20\d\d-/);
    assert.deepEqual(li.querySelectorAll("mark").map((m) => m.textContent).slice(-1), ["ໜັງສືພິມ"]);
  }
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 25 ບົດທີ່ມີ “ຫນັງສືພິມ”");
});

test("article text reaches the page as text, never as markup", () => {
  const doc = shown("ຫນັງສືພິມ");
  const link = items(doc)[0].children[0]; // the title match comes first
  assert.equal(link.getAttribute("href"), "news/n3.html");
  assert.equal(link.textContent, "<b>ໜັງສືພິມ</b>");
  assert.deepEqual(link.childNodes.map((n) => (typeof n === "string" ? n : n.tagName)), ["<b>", "MARK", "</b>"]);
});

test("the rest come with the more button, placed after the list", () => {
  const doc = shown("ໜັງສືພິມ");
  const more = doc.getElementById("search-more");
  assert.equal(more.tagName, "BUTTON");
  assert.equal(more.textContent, "ສະແດງຕື່ມ (5 ບົດ)");
  const siblings = doc.body.children;
  assert.equal(siblings[siblings.indexOf(doc.getElementById("search-results")) + 1], more);
  more.dispatch("click");
  assert.equal(items(doc).length, 25);
  assert.equal(doc.getElementById("search-more"), null);
  assert.equal(doc.activeElement, items(doc)[20].children[0]); // the first of the new results
});

test("filters by kind and year offer what the results hold and narrow them without a reload", () => {
  const doc = shown("ໜັງສືພິມ");
  const filters = doc.getElementById("search-filters");
  assert.equal(filters.hidden, false);
  const kind = doc.getElementById("search-kind");
  const year = doc.getElementById("search-year");
  assert.deepEqual(kind.children.map((o) => [o.getAttribute("value"), o.textContent]),
    [["", "ທຸກປະເພດ"], ["news", "ຂ່າວ"], ["reports", "ບົດລາຍງານ"]]);
  assert.deepEqual(year.children.map((o) => o.getAttribute("value")), ["", "2024", "2023"]);
  kind.value = "reports";
  kind.dispatch("change");
  assert.equal(items(doc).length, 5);
  assert.equal(doc.getElementById("search-more"), null);
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 5 ບົດທີ່ມີ “ໜັງສືພິມ”");
  year.value = "2023";
  year.dispatch("change");
  assert.equal(items(doc).length, 2);
  assert.deepEqual(kind.children.map((o) => o.getAttribute("value")), ["", "reports"]); // 2023 has no news
  kind.value = "";
  kind.dispatch("change");
  assert.equal(items(doc).length, 2);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("no results: the message in the page's language, no filters", () => {
  const doc = shown("ຊ້າງເຜືອກ");
  assert.equal(items(doc).length, 0);
  assert.equal(doc.getElementById("search-status").textContent, "ບໍ່ພົບບົດທີ່ມີ “ຊ້າງເຜືອກ”");
  assert.equal(doc.getElementById("search-filters").hidden, true);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("no query: the prompt", () => {
  const doc = shown("  ");
  assert.equal(doc.getElementById("search-status").textContent, "ພິມຄຳ");
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("words found apart are labelled so", () => {
  const doc = shown("ຫຼັງກ່ອນ");
  assert.equal(doc.getElementById("search-status").textContent, "ທຸກຄຳ 25 “ຫຼັງກ່ອນ”");
  assert.deepEqual(items(doc)[0].querySelectorAll("mark").map((m) => m.textContent), ["ກ່ອນ", "ຫຼັງ"]);
});

test("a failed load says so and stops being busy", () => {
  const doc = searchPage();
  const view = createView(doc, CONFIG);
  view.loading();
  view.fail();
  assert.equal(doc.getElementById("search-status").textContent, "ໂຫຼດບໍ່ໄດ້");
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});
