import assert from "node:assert/strict";
import { test } from "node:test";
import { PAGE_SIZE } from "../src/results.js";
import { createView } from "../src/ui.js";
import { searchPage } from "./fake-dom.mjs";

const STRINGS = {
  loading: "ກຳລັງໂຫຼດ…",
  prompt: "ພິມຄຳ",
  count: "ພົບ {n} ບົດທີ່ມີ “{q}”",
  none: "ບໍ່ພົບບົດທີ່ມີ “{q}”",
  all_words: "ທຸກຄຳ {n} “{q}”",
  error: "ໂຫຼດບໍ່ໄດ້",
  filter_kind: "ປະເພດ",
  filter_year: "ປີ",
  any_kind: "ທຸກປະເພດ",
  any_year: "ທຸກປີ",
  more: { other: "ສະແດງຕື່ມ ({n} ບົດ)" },
  page_title: "ຄົ້ນ “{q}”",
  other_language: { other: "ພົບ {n} ບົດທີ່ມີ “{q}” ໃນພາສາອັງກິດ" },
  corrected: { other: "ບໍ່ພົບ “{typed}”; ສະແດງ {n} ບົດທີ່ມີ “{q}”" },
  corrected_few: { other: "ມີພຽງ {few} ບົດທີ່ມີ “{typed}”; ສະແດງ {n} ບົດທີ່ມີ “{q}”" },
  as_typed: "ຊອກຫາ “{typed}” ຕາມທີ່ພິມ",
  did_you_mean: "ຫຼື ທ່ານໝາຍເຖິງ:",
};
const CONFIG = { lang: "lo", strings: STRINGS, kinds: { news: "ຂ່າວ", reports: "ບົດລາຍງານ" } };

// 25 articles with ໜັງສືພິມ: news in 2024, reports in 2023 and 2024. Article 3 has markup-like text in its title.
const ARTICLES = Array.from({ length: 25 }, (_, i) => {
  const kind = i % 5 === 0 ? "reports" : "news";
  const date = i % 5 === 0 && i % 2 ? "2023-06-01" : `2024-01-${String(i + 1).padStart(2, "0")}`;
  const title = i === 3 ? "<b>ໜັງສືພິມ</b>" : `ບົດ ${i}`;
  return { url: `news/n${i}.html`, title, kind, date, dateText: date, text: `${title}\nກ່ອນ ໜັງສືພິມ ຫຼັງ ${i}` };
});
const RESULTS = ARTICLES.map((a, ref) => ({
  ref,
  score: ref === 3 ? 100 : 1,
  kind: a.kind,
  year: a.date.slice(0, 4),
})).sort((a, b) => b.score - a.score || b.ref - a.ref);
const outcome = (mode, needles, results = RESULTS) => ({ mode, parts: needles, needles, words: [], results });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function shown(result, query) {
  const doc = searchPage();
  const asked = [];
  const view = createView(doc, CONFIG, (results) => {
    const refs = results.map((r) => r.ref);
    asked.push(refs);
    return refs.map(async (ref) => ARTICLES[ref]);
  });
  view.loading();
  assert.equal(doc.getElementById("search-status").textContent, STRINGS.loading);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "true");
  await view.show(result, query);
  return { doc, asked };
}

const items = (doc) => doc.getElementById("search-results").children;

test("one item per result, its first element the link to the article, then kind, date and a marked snippet", async () => {
  const { doc } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ຫນັງສືພິມ");
  const list = doc.getElementById("search-results");
  assert.equal(list.getAttribute("aria-busy"), "false");
  assert.equal(list.getAttribute("data-total"), "25");
  assert.equal(items(doc).length, PAGE_SIZE);
  for (const li of items(doc)) {
    assert.equal(li.tagName, "LI");
    assert.equal(li.children[0].tagName, "A");
    assert.match(li.children[0].getAttribute("href"), /^news\/n\d+\.html$/);
    assert.equal(li.querySelectorAll("li").length, 0);
    assert.match(li.textContent, /(ຂ່າວ|ບົດລາຍງານ) · 20\d\d-/);
    assert.deepEqual(
      li
        .querySelectorAll("mark")
        .map((m) => m.textContent)
        .slice(-1),
      ["ໜັງສືພິມ"],
    );
  }
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 25 ບົດທີ່ມີ “ຫນັງສືພິມ”");
});

test("only the articles on screen are loaded", async () => {
  const { asked } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  assert.deepEqual(asked, [RESULTS.slice(0, PAGE_SIZE).map((r) => r.ref)]);
});

test("article text reaches the page as text, never as markup", async () => {
  const { doc } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  const link = items(doc)[0].children[0]; // the best result first
  assert.equal(link.getAttribute("href"), "news/n3.html");
  assert.equal(link.textContent, "<b>ໜັງສືພິມ</b>");
  assert.deepEqual(
    link.childNodes.map((n) => (typeof n === "string" ? n : n.tagName)),
    ["<b>", "MARK", "</b>"],
  );
});

test("the rest come with the more button, a page at a time, placed after the list", async () => {
  const { doc, asked } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  const more = doc.getElementById("search-more");
  assert.equal(more.tagName, "BUTTON");
  assert.equal(more.textContent, `ສະແດງຕື່ມ (${25 - PAGE_SIZE} ບົດ)`);
  const siblings = doc.body.children;
  assert.equal(siblings[siblings.indexOf(doc.getElementById("search-results")) + 1], more);
  more.dispatch("click");
  await settled();
  assert.equal(items(doc).length, 2 * PAGE_SIZE);
  assert.deepEqual(
    asked[1],
    RESULTS.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((r) => r.ref),
  );
  assert.equal(doc.activeElement, items(doc)[PAGE_SIZE].children[0]); // the first of the new results
  doc.getElementById("search-more").dispatch("click");
  await settled();
  assert.equal(items(doc).length, 25);
  assert.equal(doc.getElementById("search-more"), null);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("filters by kind and year offer what the results hold and narrow them without a reload", async () => {
  const { doc } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  const filters = doc.getElementById("search-filters");
  assert.equal(filters.hidden, false);
  const kind = doc.getElementById("search-kind");
  const year = doc.getElementById("search-year");
  assert.deepEqual(
    kind.children.map((o) => [o.getAttribute("value"), o.textContent]),
    [
      ["", "ທຸກປະເພດ"],
      ["news", "ຂ່າວ"],
      ["reports", "ບົດລາຍງານ"],
    ],
  );
  assert.deepEqual(
    year.children.map((o) => o.getAttribute("value")),
    ["", "2024", "2023"],
  );
  kind.value = "reports";
  kind.dispatch("change");
  await settled();
  const list = doc.getElementById("search-results");
  assert.equal(items(doc).length, 5);
  assert.equal(list.getAttribute("data-total"), "5");
  assert.equal(doc.getElementById("search-more"), null);
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 5 ບົດທີ່ມີ “ໜັງສືພິມ”");
  year.value = "2023";
  year.dispatch("change");
  await settled();
  assert.equal(items(doc).length, 2);
  assert.deepEqual(
    kind.children.map((o) => o.getAttribute("value")),
    ["", "reports"],
  ); // 2023 has no news
  kind.value = "";
  kind.dispatch("change");
  await settled();
  assert.equal(items(doc).length, 2);
  assert.equal(list.getAttribute("aria-busy"), "false");
});

test("no results: the message in the page's language, no filters, a total of none", async () => {
  const { doc, asked } = await shown(outcome("none", ["ຊ້າງເຜືອກ"], []), "ຊ້າງເຜືອກ");
  assert.equal(items(doc).length, 0);
  assert.equal(doc.getElementById("search-status").textContent, "ບໍ່ພົບບົດທີ່ມີ “ຊ້າງເຜືອກ”");
  assert.equal(doc.getElementById("search-filters").hidden, true);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
  assert.equal(doc.getElementById("search-results").getAttribute("data-total"), "0");
  assert.deepEqual(asked, []);
});

test("no query: the prompt", async () => {
  const { doc } = await shown(outcome("empty", [], []), "  ");
  assert.equal(doc.getElementById("search-status").textContent, "ພິມຄຳ");
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("words found apart are labelled so, each marked", async () => {
  const { doc } = await shown(outcome("all-words", ["ຫຼັງ", "ກ່ອນ"]), "ຫຼັງກ່ອນ");
  assert.equal(doc.getElementById("search-status").textContent, "ທຸກຄຳ 25 “ຫຼັງກ່ອນ”");
  assert.deepEqual(
    items(doc)[1]
      .querySelectorAll("mark")
      .map((m) => m.textContent),
    ["ກ່ອນ", "ຫຼັງ"],
  );
});

test("a failed load says so and stops being busy", async () => {
  const doc = searchPage();
  const view = createView(doc, CONFIG, (results) =>
    results.map(async () => {
      throw new Error("offline");
    }),
  );
  view.loading();
  await assert.rejects(view.show(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ"));
  view.fail();
  assert.equal(doc.getElementById("search-status").textContent, "ໂຫຼດບໍ່ໄດ້");
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});

test("offline, a search whose parts are not kept on the device says so rather than 'try again'", async () => {
  const had = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { onLine: false }, configurable: true });
  try {
    const doc = searchPage();
    const view = createView(doc, { ...CONFIG, strings: { ...STRINGS, offline: "ຍັງບໍ່ໄດ້ເກັບໄວ້" } }, (results) =>
      results.map(async () => {
        throw new Error("not kept");
      }),
    );
    view.loading();
    await assert.rejects(view.show(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ"));
    view.fail();
    assert.equal(doc.getElementById("search-status").textContent, "ຍັງບໍ່ໄດ້ເກັບໄວ້");
    assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false"); // not spinning
  } finally {
    if (had) Object.defineProperty(globalThis, "navigator", had);
    else delete globalThis.navigator;
  }
});

test("after a search the page's title names the query and focus is on the status line", async () => {
  const { doc } = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  assert.equal(doc.title, "ຄົ້ນ “ໜັງສືພິມ” · ຄັງເອກະສານ");
  assert.equal(doc.activeElement, doc.getElementById("search-status"));
});

test("filters show from a handful of results up", async () => {
  const few = await shown(outcome("exact", ["ໜັງສືພິມ"], RESULTS.slice(0, 4)), "ໜັງສືພິມ");
  assert.equal(few.doc.getElementById("search-filters").hidden, true);
  const five = await shown(outcome("exact", ["ໜັງສືພິມ"], RESULTS.slice(0, 5)), "ໜັງສືພິມ");
  assert.equal(five.doc.getElementById("search-filters").hidden, false);
});

test("nothing found: the tips show, and a link to the other language's results when it has some", async () => {
  const doc = searchPage();
  const view = createView(doc, CONFIG, () => []);
  await view.show(outcome("exact", ["ອິນເຕີເນັດ"], []), "internet");
  const empty = doc.getElementById("search-empty");
  assert.equal(empty.hidden, false);
  view.offerOther(5, "../en/search.html?q=internet", "en");
  const link = doc.getElementById("search-other").children[0];
  assert.equal(link.getAttribute("href"), "../en/search.html?q=internet");
  assert.equal(link.textContent, "ພົບ 5 ບົດທີ່ມີ “internet” ໃນພາສາອັງກິດ");
  const found = await shown(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  assert.equal(found.doc.getElementById("search-empty").hidden, true);
});

// An edition whose PDF's two pages follow its body in its text (as plugins/lao_search/documents.py writes it).
const EDITION = (() => {
  const title = "ສະບັບເລກທີ 211";
  const body = "ສະບັບນີ້ ມີ PDF ດິຈິຕອນ.";
  const pages = ["ຂ່າວເຕັກໂນໂລຊີ\nຫ້ອງສະໝຸດແຫ່ງຊາດ", "ການສຶກສາ\nກ້ອງດິຈິຕອນ ໄຊເບີ"];
  const text = [title, body, ...pages, "ສື່ມວນຊົນ"].join("\n");
  const first = text.indexOf(pages[0]);
  const print = { url: "../files/edition-211.pdf", pages: [first, first + pages[0].length + 1] };
  return {
    url: "newspaper/edition-211.html",
    title,
    kind: "news",
    date: "2024-04-02",
    dateText: "",
    text,
    tags: 1,
    print,
  };
})();

async function shownEdition(needles, strings = STRINGS, edition = EDITION) {
  const doc = searchPage();
  const view = createView(doc, { ...CONFIG, strings }, (results) => results.map(async () => edition));
  await view.show(outcome("exact", needles, [{ ref: 0, score: 1, kind: "news", year: "2024" }]), needles.join(" "));
  return items(doc)[0];
}

test("a match in the PDF's text links to its page of the PDF, after the snippet", async () => {
  const strings = { ...STRINGS, pdf_page: "ໃນ PDF, ໜ້າ {n}" };
  for (const [needle, page] of [
    ["ຫ້ອງສະໝຸດ", 1],
    ["ໄຊເບີ", 2],
  ]) {
    const li = await shownEdition([needle], strings);
    const snippet = li.children[2];
    assert.deepEqual(
      snippet.querySelectorAll("mark").map((m) => m.textContent),
      [needle],
    ); // the snippet comes from the PDF's text
    const line = li.children[3];
    assert.equal(line.getAttribute("class"), "result-pdf");
    const link = line.children[0];
    assert.equal(link.getAttribute("href"), `../files/edition-211.pdf#page=${page}`);
    assert.equal(link.getAttribute("type"), "application/pdf");
    assert.equal(link.textContent, `ໃນ PDF, ໜ້າ ${page}`);
    assert.equal(li.children[0].getAttribute("href"), "newspaper/edition-211.html"); // still the first link
  }
});

test("no page link when the first match is in the body, or only in the title or a tag", async () => {
  for (const needle of ["ດິຈິຕອນ", "ສະບັບເລກທີ", "ສື່ມວນຊົນ"]) {
    const li = await shownEdition([needle]);
    assert.equal(li.querySelectorAll("a").filter((a) => a.getAttribute("href").includes("#page=")).length, 0, needle);
  }
});

test("without its string, the page link still says which page", async () => {
  const li = await shownEdition(["ໄຊເບີ"]);
  assert.equal(li.children[3].textContent, "PDF, 2");
});

test("a match in a page scan's text read by machine links to that scan, and says the text may hold errors", async () => {
  // The same edition given as two page scans, the second's text read by machine (OCR), the first's typed in.
  const scans = ["../images/newspaper/211-1.jpg", "../images/newspaper/211-2.jpg"];
  const edition = { ...EDITION, print: { scans, pages: EDITION.print.pages, read: [2] } };
  const strings = { ...STRINGS, scan_page: "ໃນໜ້າ {n}", machine_read: "ເຄື່ອງອ່ານ, ອາດມີຂໍ້ຜິດ" };
  for (const [needle, page, note] of [
    ["ຫ້ອງສະໝຸດ", 1, false],
    ["ໄຊເບີ", 2, true],
  ]) {
    const li = await shownEdition([needle], strings, edition);
    const line = li.children[3];
    const link = line.children[0];
    assert.equal(link.getAttribute("href"), scans[page - 1]);
    assert.equal(link.getAttribute("type"), null);
    assert.equal(link.textContent, `ໃນໜ້າ ${page}`);
    const notes = line.querySelectorAll("span").filter((span) => span.getAttribute("class") === "machine-read");
    assert.deepEqual(
      notes.map((span) => span.textContent),
      note ? ["ເຄື່ອງອ່ານ, ອາດມີຂໍ້ຜິດ"] : [],
      needle,
    );
    assert.equal(li.children[0].getAttribute("href"), "newspaper/edition-211.html"); // still the first link
  }
});

// A search for ໜັງສືພມ (ໜັງສືພິມ with a vowel left out), answered with the articles of ໜັງສືພິມ.
const corrected = (extra = {}) => ({
  ...outcome("corrected", ["ໜັງສືພິມ"]),
  typed: ["ໜັງສືພມ"],
  query: "ໜັງສືພິມ",
  suggestions: ["ໜັງສືພິມລາວ", "ໜັງສື"],
  few: 0,
  ...extra,
});
// The search page's query in a link of the correction line (the page reads it with URLSearchParams).
const asked = (link) => Object.fromEntries(new URLSearchParams(link.getAttribute("href")));

test("a corrected search says what was typed and what was searched for, then links to the search as typed and to the other spellings", async () => {
  const { doc } = await shown(corrected(), "ໜັງສືພມ");
  const status = doc.getElementById("search-status");
  assert.equal(status.textContent, "ບໍ່ພົບ “ໜັງສືພມ”; ສະແດງ 25 ບົດທີ່ມີ “ໜັງສືພິມ”");
  const line = doc.getElementById("search-correction");
  assert.equal(line.tagName, "P");
  assert.equal(doc.body.children[doc.body.children.indexOf(status) + 1], line); // right after the status line
  const [typed, ...others] = line.querySelectorAll("a");
  assert.deepEqual(asked(typed), { q: "ໜັງສືພມ", exact: "1" });
  assert.equal(typed.textContent, "ຊອກຫາ “ໜັງສືພມ” ຕາມທີ່ພິມ");
  assert.deepEqual(
    others.map((a) => [asked(a), a.textContent]),
    [
      [{ q: "ໜັງສືພິມລາວ" }, "ໜັງສືພິມລາວ"],
      [{ q: "ໜັງສື" }, "ໜັງສື"],
    ],
  );
  assert.ok(line.textContent.includes("ຫຼື ທ່ານໝາຍເຖິງ:"), line.textContent);
  assert.deepEqual(
    items(doc)[0]
      .querySelectorAll("mark")
      .map((m) => m.textContent)
      .slice(-1),
    ["ໜັງສືພິມ"],
  ); // the spelling searched for is marked
});

test("a corrected search keeps the list's contract: busy until shown, then the total", async () => {
  const { doc } = await shown(corrected(), "ໜັງສືພມ");
  const list = doc.getElementById("search-results");
  assert.equal(list.getAttribute("aria-busy"), "false");
  assert.equal(list.getAttribute("data-total"), "25");
  assert.equal(items(doc).length, PAGE_SIZE);
  assert.equal(doc.activeElement, doc.getElementById("search-status"));
  assert.equal(doc.title, "ຄົ້ນ “ໜັງສືພມ” · ຄັງເອກະສານ"); // the page is named by what was typed
  const kind = doc.getElementById("search-kind");
  kind.value = "reports";
  kind.dispatch("change");
  await settled();
  assert.equal(list.getAttribute("data-total"), "5");
  assert.equal(list.getAttribute("aria-busy"), "false");
  assert.equal(doc.getElementById("search-status").textContent, "ບໍ່ພົບ “ໜັງສືພມ”; ສະແດງ 5 ບົດທີ່ມີ “ໜັງສືພິມ”");
  assert.ok(doc.getElementById("search-correction"), "the correction line stays when a filter is chosen");
});

test("a word found in too few articles as typed: the status line says how few, and no other spelling is offered", async () => {
  const { doc } = await shown(corrected({ typed: ["ຂາວ"], query: "ຂ່າວ", suggestions: [], few: 2 }), "ຂາວ");
  assert.equal(doc.getElementById("search-status").textContent, "ມີພຽງ 2 ບົດທີ່ມີ “ຂາວ”; ສະແດງ 25 ບົດທີ່ມີ “ຂ່າວ”");
  const line = doc.getElementById("search-correction");
  assert.deepEqual(line.querySelectorAll("a").map(asked), [{ q: "ຂາວ", exact: "1" }]);
  assert.equal(line.textContent.includes("ຫຼື ທ່ານໝາຍເຖິງ:"), false);
});

test("the correction line goes when the next search is answered as typed, and is never doubled", async () => {
  const doc = searchPage();
  const view = createView(doc, CONFIG, (results) => results.map(async (r) => ARTICLES[r.ref]));
  await view.show(corrected(), "ໜັງສືພມ");
  await view.show(corrected(), "ໜັງສືພມ");
  const lines = doc.body.children.filter((node) => node.id === "search-correction");
  assert.equal(lines.length, 1);
  await view.show(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  assert.equal(doc.getElementById("search-correction"), null);
  assert.deepEqual(
    doc.body.children.filter((node) => node.id === "search-correction"),
    [],
  );
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 25 ບົດທີ່ມີ “ໜັງສືພິມ”");
});

test("results are shown in rank order as they arrive: the first as soon as it is here, a later one not before those above it", async () => {
  const doc = searchPage();
  const arrive = new Map(); // ref -> its resolve
  let firsts = 0;
  const view = createView(
    doc,
    CONFIG,
    (results) => results.map((r) => new Promise((resolve) => arrive.set(r.ref, () => resolve(ARTICLES[r.ref])))),
    () => firsts++,
  );
  const showing = view.show(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  const list = doc.getElementById("search-results");
  const order = RESULTS.slice(0, PAGE_SIZE).map((r) => r.ref);
  arrive.get(order[2])(); // the third arrives first: nothing can be shown yet
  await settled();
  assert.equal(items(doc).length, 0);
  arrive.get(order[0])();
  await settled();
  assert.deepEqual(
    items(doc).map((li) => li.querySelector("a").getAttribute("href")),
    [ARTICLES[order[0]].url],
  );
  assert.equal(firsts, 1);
  assert.equal(list.getAttribute("aria-busy"), "true"); // the page is not complete
  assert.equal(doc.getElementById("search-status").textContent, "ພົບ 25 ບົດທີ່ມີ “ໜັງສືພິມ”");
  for (const ref of order) arrive.get(ref)();
  await showing;
  assert.deepEqual(
    items(doc).map((li) => li.querySelector("a").getAttribute("href")),
    order.map((ref) => ARTICLES[ref].url),
  );
  assert.equal(list.getAttribute("aria-busy"), "false");
  assert.equal(firsts, 1);
});

test("a corrected search shown early gains its other close spellings when they are weighed", async () => {
  const doc = searchPage();
  const view = createView(doc, CONFIG, (results) => results.map(async (r) => ARTICLES[r.ref]));
  const outcome = corrected();
  await view.show({ ...outcome, suggestions: [] }, "ໜັງສືພມ");
  const line = () => doc.getElementById("search-correction");
  assert.equal(line().textContent.includes(STRINGS.did_you_mean), false);
  assert.equal(items(doc).length, PAGE_SIZE);
  view.suggest(outcome);
  assert.deepEqual(
    line()
      .querySelectorAll("a")
      .slice(1)
      .map((a) => a.textContent),
    outcome.suggestions,
  );
  assert.equal(doc.body.children.filter((node) => node.id === "search-correction").length, 1);
});

test("while a filter's results arrive, the last list's 'more' is gone: no result shown twice, none lost", async () => {
  const doc = searchPage();
  const waiting = [];
  let slow = false;
  const view = createView(doc, CONFIG, (results) =>
    results.map((r) =>
      slow ? new Promise((resolve) => waiting.push(() => resolve(ARTICLES[r.ref]))) : Promise.resolve(ARTICLES[r.ref]),
    ),
  );
  await view.show(outcome("exact", ["ໜັງສືພິມ"]), "ໜັງສືພິມ");
  assert.ok(doc.getElementById("search-more"));
  slow = true;
  const kind = doc.getElementById("search-kind");
  kind.value = "news";
  kind.dispatch("change");
  await settled();
  assert.equal(doc.getElementById("search-more"), null); // nothing to press while the news arrive
  for (const arrive of waiting.splice(0)) arrive();
  await settled();
  const shownRefs = items(doc).map((li) => li.querySelector("a").getAttribute("href"));
  assert.equal(new Set(shownRefs).size, shownRefs.length);
  assert.equal(shownRefs.length, PAGE_SIZE);
  assert.ok(doc.getElementById("search-more")); // the news beyond the first page: 20 in all
});

test("a search shown early that a failure then takes over leaves no correction line under the error", async () => {
  const doc = searchPage();
  const waiting = [];
  const view = createView(doc, CONFIG, (results) =>
    results.map((r) => new Promise((resolve) => waiting.push(() => resolve(ARTICLES[r.ref])))),
  );
  const showing = view.show({ ...corrected(), suggestions: [] }, "ໜັງສືພມ");
  view.fail(); // the rest of the search failed meanwhile
  for (const arrive of waiting.splice(0)) arrive();
  await showing;
  assert.equal(doc.getElementById("search-status").textContent, STRINGS.error);
  assert.equal(doc.getElementById("search-correction"), null);
  assert.equal(items(doc).length, 0);
  assert.equal(doc.getElementById("search-results").getAttribute("aria-busy"), "false");
});
