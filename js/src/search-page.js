// Entry of the search page's bundle. Its one global, LaoArchive, receives the search data: the data are classic
// scripts (search-data/index.js, then the docs-N.js it names) calling LaoArchive.receive(...), because a page
// opened from disk (file://) may not fetch() local files, and Chromium does not run <script type="module"> there.
import { createCollector } from "./collect.js";
import { createSearch } from "./search.js";
import { createView } from "./ui.js";

// One page, one search: the state lives in this call; the page gets only LaoArchive.receive.
function start() {
  const config = JSON.parse(document.getElementById("search-config").textContent);
  const view = createView(document, config);
  const collector = createCollector(config.lang);
  const indexUrl = new URL(config.data || "search-data/index.js", document.baseURI).href;
  let over = false; // shown: results, a message or an error

  function fail(error) {
    if (over) return;
    over = true;
    view.fail();
    console.error("search:", error);
  }

  // A data script calls receive() while it runs, before its "load" event: one that loaded without calling it was
  // not search data (a 404 page served as a script, say).
  function load(url, name) {
    const script = document.createElement("script");
    script.src = url;
    script.addEventListener("error", () => fail(new Error(`${url} could not be loaded`)));
    script.addEventListener("load", () => {
      if (!collector.has(name)) fail(new Error(`${url} did not hand over "${name}"`));
    });
    document.head.append(script);
  }

  function run() {
    performance.mark("archive-search:index-loaded");
    const search = createSearch(collector.data());
    const query = new URLSearchParams(location.search).get("q") || "";
    const box = document.getElementById("search-q");
    if (box) box.value = query;
    performance.mark("archive-search:query-start");
    const outcome = search.search(query);
    performance.measure("archive-search:query", "archive-search:query-start");
    view.show(outcome, query);
    over = true;
  }

  function receive(part) {
    if (over) return;
    try {
      // The parts sit beside the script that names them (document.currentScript: the data script now running).
      const base = (document.currentScript && document.currentScript.src) || indexUrl;
      for (const name of collector.add(part)) load(new URL(name, base).href, name);
      if (collector.complete) run();
    } catch (error) {
      fail(error);
    }
  }

  window.LaoArchive = Object.freeze({ receive }); // before any data script can run
  view.loading();
  load(indexUrl, "index");
}

start();
