// What the editor saves is checked before Decap writes it (js/src/admin/persist.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkFiles, guarded, placeOf } from "../src/admin/persist.js";

const PAGE = {
  fields: { Title: "text", Date: "date", Lang: "choice", Slug: "slug", Summary: "text", Tags: "tags" },
  original: "lo",
  translated: ["Title", "Summary", "Tags", "body"],
  kinds: { news: { required: ["Title", "Date", "Lang", "Slug"], unlisted: ["postal-app"] } },
  words: { missing: "ຍັງບໍ່ໄດ້ຂຽນ {fields} · missing {fields}", slug_taken: 'Slug "{slug}" is taken' },
};
const LAO = {
  path: "content/news/x.lo.md",
  slug: "x",
  raw: "Title: ຫົວຂໍ້\nDate: 2026-01-02\nLang: lo\nSlug: x\n\nເນື້ອໃນ\n",
};
const STUB = {
  path: "content/news/x.en.md",
  slug: "x",
  raw: "Date: 2026-01-02\nLang: en\nSlug: x\nTranslation: true\n",
};
const ENGLISH = {
  path: "content/news/x.en.md",
  slug: "x",
  raw: "Title: T\nDate: 2026-01-02\nLang: en\nSlug: x\n\nText\n",
};

test("the text read by machine beside a page scan is written as it is: it has no fields", () => {
  const text = { path: "content/images/newspaper/345-1.jpg.txt", slug: "345-1.jpg", raw: "ຂ່າວ: ເຕັກໂນໂລຊີ\n" };
  assert.deepEqual(checkFiles([text], { ...PAGE, kinds: { ...PAGE.kinds, newspaper: PAGE.kinds.news } }), {
    files: [text],
    problems: [],
  });
});

test("a content file's kind and language are in its path", () => {
  assert.deepEqual(placeOf("content/news/a-b.en.md"), { kind: "news", lang: "en" });
  assert.deepEqual(placeOf("reports/x.lo.md"), { kind: "reports", lang: "lo" });
});

test("a file of another language with nothing of its own is not written; a translation is", () => {
  assert.deepEqual(checkFiles([LAO, STUB], PAGE), { files: [LAO], problems: [] });
  assert.deepEqual(checkFiles([LAO, ENGLISH], PAGE), { files: [LAO, ENGLISH], problems: [] });
});

test("every file written has the required fields, in whichever pane it was written", () => {
  const untitled = { ...ENGLISH, raw: ENGLISH.raw.replace("Title: T\n", "Summary: S\n") };
  assert.deepEqual(checkFiles([LAO, untitled], PAGE).problems, [
    "content/news/x.en.md: ຍັງບໍ່ໄດ້ຂຽນ Title · missing Title",
  ]);
});

test("a new item may not take the slug of an item the editor does not list; an edit keeps its own", () => {
  const taken = { ...LAO, path: "content/news/postal-app.lo.md", slug: "postal-app" };
  assert.match(checkFiles([taken], PAGE, true).problems[0], /postal-app.*is taken/);
  assert.deepEqual(checkFiles([taken], PAGE, false).problems, []);
});

test("the wrapped backend writes what is kept and refuses with the problems", async () => {
  const written = [];
  const backend = {
    name: "proxy",
    persistEntry(entry) {
      written.push(entry.dataFiles.map((f) => f.path));
    },
    status() {
      return this.name;
    },
  };
  const wrapped = guarded(backend, PAGE);
  assert.equal(wrapped.status(), "proxy"); // everything else is the backend's own
  await wrapped.persistEntry({ dataFiles: [LAO, STUB], assets: [] }, { newEntry: true });
  assert.deepEqual(written, [["content/news/x.lo.md"]]);
  const untitled = { ...LAO, raw: LAO.raw.replace("Title: ຫົວຂໍ້\n", "") };
  await assert.rejects(wrapped.persistEntry({ dataFiles: [untitled] }, {}), /missing Title/);
  assert.equal(written.length, 1);
});
