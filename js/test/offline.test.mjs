// What the service worker does with each request (js/src/offline/rules.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KEPT, kindOf, mayRegister, offlinePageFor, pageKey, pathIn, shell } from "../src/offline/rules.js";

// as plugins/assets tells the worker of the project's layout (make_worker)
const SITE = {
  languages: [
    { folder: "", offline: "offline.html", search: "search-data/" },
    { folder: "en/", offline: "en/offline.html", search: "en/search-data/" },
  ],
  static: "theme",
  worker: "sw.js",
  editor: "admin/",
  documents: ["images/", "files/"],
  thumbs: "thumbs/",
};
// another layout: every language but the first under language/, the search data under find/, pictures elsewhere
const MOVED = {
  ...SITE,
  languages: [
    { folder: "", offline: "offline.html", search: "find/data/" },
    { folder: "language/en/", offline: "language/en/offline.html", search: "language/en/find/data/" },
  ],
  editor: "editor/",
  documents: ["pictures/", "pdf/"],
  thumbs: "small/",
};

test("the worker is registered over https and on a loopback host, never from disk nor in the web editor", () => {
  const at = (href) => {
    const { protocol, hostname, pathname } = new URL(href);
    return mayRegister({ protocol, hostname, pathname });
  };
  assert.equal(at("https://archive.example.la/news/a.html"), true);
  assert.equal(at("http://127.0.0.1:8000/"), true);
  assert.equal(at("http://localhost/en/"), true);
  assert.equal(at("http://[::1]:8080/"), true);
  assert.equal(at("http://archive.example.la/"), false); // not secure: browsers refuse it anyway
  assert.equal(at("file:///home/reader/archive/index.html"), false); // the offline bundle stays as it is
  assert.equal(at("https://archive.example.la/admin/"), false);
});

test("a URL's path under the site, or none outside it", () => {
  const scope = "https://archive.example.la/";
  assert.equal(pathIn("https://archive.example.la/en/news/a.html?x=1", scope), "en/news/a.html");
  assert.equal(pathIn("https://archive.example.la/", scope), "");
  assert.equal(pathIn("https://cdn.example.com/x.js", scope), null);
  assert.equal(pathIn("https://archive.example.la/other/", "https://archive.example.la/site/"), null);
  assert.equal(pathIn("https://archive.example.la/site/%E0%BA%A5.html", "https://archive.example.la/site/"), "ລ.html");
});

for (const [path, navigation, kind] of [
  ["", true, "page"],
  ["en/", false, "page"],
  ["news/a.html", false, "page"],
  ["search.html", true, "page"],
  ["search-data/index.js", false, "search-entry"],
  ["en/search-data/index.js", false, "search-entry"],
  ["search-data/d/3f2a9c01b2c4.js", false, "search-part"],
  ["search-data/f-91b6641648db/12.js", false, "search-part"],
  ["thumbs/72899941a132fdbc-160.webp", false, "thumb"],
  ["files/magazine/ict-journal-14.pdf", false, "document"],
  ["images/newspaper/345-1.png", false, "document"],
  ["images/newspaper/345-1.png", true, "document"], // a scan opened as a page of its own
  ["files/magazine/ict-journal-14.pdf", true, "document"],
  ["theme/css/site.1c09a0bd36bc.css", false, "asset"],
  ["admin/", true, "none"],
  ["admin/config.yml", false, "none"],
  [null, true, "none"],
]) {
  test(`${path === null ? "another host" : path || "the home page"}${navigation ? ", opened," : ""} is ${kind}`, () => {
    assert.equal(kindOf(path, navigation, SITE), kind);
    if (kind !== "none" && kind !== "search-entry") assert.ok(KEPT[kind] > 0, "kept within a bound");
  });
}

for (const [path, kind] of [
  ["find/data/index.js", "search-entry"],
  ["language/en/find/data/index.js", "search-entry"],
  ["language/en/find/data/f-91b6641648db/12.js", "search-part"],
  ["search-data/index.js", "asset"],
  ["small/72899941a132fdbc-160.webp", "thumb"],
  ["pdf/ict-journal-14.pdf", "document"],
  ["files/ict-journal-14.pdf", "asset"],
  ["editor/config.yml", "none"],
  ["admin/config.yml", "asset"],
]) {
  test(`in another layout, ${path} is ${kind}`, () => {
    assert.equal(kindOf(path, false, MOVED), kind);
  });
}

test("a page never opened answers with the offline page of its language's folder", () => {
  assert.equal(offlinePageFor("news/a.html", SITE), "offline.html");
  assert.equal(offlinePageFor("", SITE), "offline.html");
  assert.equal(offlinePageFor("en/news/a.html", SITE), "en/offline.html");
  assert.equal(offlinePageFor("english-news.html", SITE), "offline.html"); // a folder, not a prefix of a name
});

test("a page is kept without its query: the search page is one page whatever was asked", () => {
  assert.equal(pageKey("https://a.la/search.html?q=%E0%BA%A5#top"), "https://a.la/search.html");
});

test("the shell is the stylesheet, the scripts, the Lao font, and each language's offline page and search entry", () => {
  assert.deepEqual(shell(SITE), [
    "theme/css/site*.css",
    "theme/js/site*.js",
    "theme/js/search*.js",
    "theme/fonts/*.woff2",
    "offline.html",
    "search-data/index.js",
    "en/offline.html",
    "en/search-data/index.js",
  ]);
  assert.deepEqual(shell(MOVED).slice(4), [
    "offline.html",
    "find/data/index.js",
    "language/en/offline.html",
    "language/en/find/data/index.js",
  ]);
});

test("keeping a list fetches every file, a few side by side, counting each, and stops at one that fails", async () => {
  const { fetchAll, megabytes } = await import("../src/offline/page.js");
  const urls = Array.from({ length: 20 }, (_, i) => `https://a.la/search-data/d/${i}.js`);
  let open = 0;
  let most = 0;
  const get = async (url) => {
    open++;
    most = Math.max(most, open);
    await new Promise((resolve) => setTimeout(resolve, 1));
    open--;
    return {
      ok: !url.endsWith("/13.js") || urls.length !== 21,
      status: 404,
      arrayBuffer: async () => new ArrayBuffer(0),
    };
  };
  const seen = [];
  await fetchAll(urls, (done) => seen.push(done), get);
  assert.deepEqual(
    seen,
    Array.from({ length: 20 }, (_, i) => i + 1),
  );
  assert.ok(most > 1 && most <= 6, `${most} at once`);
  urls.push("https://a.la/search-data/d/20.js"); // now 13.js fails
  await assert.rejects(
    fetchAll(urls, () => {}, get),
    /13\.js: 404/,
  );
  assert.equal(megabytes(41_234_567), "41.2 MB");
});
