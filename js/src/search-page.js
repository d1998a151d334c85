// Entry of the search page's bundle. Its one global, LaoArchive, receives the search data: each data file is a
// classic script (search-data/index.js, then the shards, records and articles a query needs) calling
// LaoArchive.receive(...), because a page opened from disk (file://) may not fetch() local files, and Chromium does
// not run <script type="module"> there.
import { AS_TYPED } from "./results.js";
import { createSearch } from "./search.js";
import { createStore } from "./store.js";
import { createView } from "./ui.js";

// A data file, loaded by a <script> element; the promise settles with what the script hands over. A script that
// loaded without handing anything over was not search data (a 404 page served as a script, say). One receiver for
// every data folder (this language's, and the others' when nothing matches here): `from(base)` loads from one.
function scriptLoader() {
  const waiting = new Map(); // script element -> resolve

  function receive(payload) {
    const script = document.currentScript; // the data script now running
    const resolve = script && waiting.get(script);
    if (!resolve) throw new Error("search data arrived from a script the page did not ask for");
    waiting.delete(script);
    resolve(payload);
  }

  const from = (base) => (name) => load(new URL(name, base).href);

  function load(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      waiting.set(script, resolve);
      script.addEventListener("error", () => {
        waiting.delete(script);
        reject(new Error(`${url} could not be loaded`));
      });
      script.addEventListener("load", () => {
        if (waiting.delete(script)) reject(new Error(`${url} is not search data`));
        script.remove();
      });
      document.head.append(script);
    });
  }

  return { receive, from };
}

// Nothing matched in this language: how many articles of each other language match, each counted from its own
// search data (its entry file and the parts the query needs, not its articles), offered as a link to that search.
async function countElsewhere(config, loader, query, view) {
  for (const other of config.others || []) {
    try {
      const store = createStore(loader.from(new URL(other.data, document.baseURI)), other.lang);
      const outcome = await createSearch(store).search(query);
      const page = new URL(other.page, document.baseURI);
      page.searchParams.set("q", query);
      view.offerOther(outcome.results.length, page.href, other.lang);
    } catch (error) {
      console.error("search in", other.lang, error); // only an offer: the page has answered already
    }
  }
}

// One page, one search: the state lives in this call; the page gets only LaoArchive.receive.
async function start() {
  const config = JSON.parse(document.getElementById("search-config").textContent);
  const loader = scriptLoader();
  window.LaoArchive = Object.freeze({ receive: loader.receive }); // before any data script can run
  const store = createStore(loader.from(new URL(config.data || "search-data/", document.baseURI)), config.lang);
  const view = createView(document, config, store.shown, () => performance.mark("archive-search:first-result"));
  const params = new URLSearchParams(location.search);
  const query = params.get("q") || "";
  const asTyped = params.get(AS_TYPED) === "1";
  const box = document.getElementById("search-q");
  if (box) box.value = query;
  view.loading();
  try {
    performance.mark("archive-search:query-start");
    // A corrected search's results, shown before its other close spellings are weighed; a lone result, before its
    // score (search.js's early)
    let shownEarly = null;
    const early = (outcome) => {
      shownEarly = view.show(outcome, query);
      shownEarly.catch(() => {}); // a failure is met where it is awaited, below
    };
    const outcome = await createSearch(store).search(query, { asTyped, early });
    performance.measure("archive-search:query", "archive-search:query-start");
    if (shownEarly) {
      await shownEarly;
      view.suggest(outcome);
    } else {
      await view.show(outcome, query);
    }
    performance.mark("archive-search:shown");
    if (outcome.mode !== "empty" && outcome.results.length === 0) await countElsewhere(config, loader, query, view);
  } catch (error) {
    view.fail();
    console.error("search:", error);
  }
}

start();
