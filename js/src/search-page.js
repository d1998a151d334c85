// Entry of the search page's bundle. Its one global, LaoArchive, receives the search data: each data file is a
// classic script (search-data/index.js, then the shards, records and articles a query needs) calling
// LaoArchive.receive(...), because a page opened from disk (file://) may not fetch() local files, and Chromium does
// not run <script type="module"> there.
import { createSearch } from "./search.js";
import { createStore } from "./store.js";
import { createView } from "./ui.js";

// A data file, loaded by a <script> element; the promise settles with what the script hands over. A script that
// loaded without handing anything over was not search data (a 404 page served as a script, say).
function scriptLoader(base) {
  const waiting = new Map(); // script element -> resolve

  function receive(payload) {
    const script = document.currentScript; // the data script now running
    const resolve = script && waiting.get(script);
    if (!resolve) throw new Error("search data arrived from a script the page did not ask for");
    waiting.delete(script);
    resolve(payload);
  }

  function load(name) {
    const url = new URL(name, base).href;
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

  return { receive, load };
}

// One page, one search: the state lives in this call; the page gets only LaoArchive.receive.
async function start() {
  const config = JSON.parse(document.getElementById("search-config").textContent);
  const loader = scriptLoader(new URL(config.data || "search-data/", document.baseURI));
  window.LaoArchive = Object.freeze({ receive: loader.receive }); // before any data script can run
  const store = createStore(loader.load, config.lang);
  const view = createView(document, config, store.docs);
  const query = new URLSearchParams(location.search).get("q") || "";
  const box = document.getElementById("search-q");
  if (box) box.value = query;
  view.loading();
  try {
    performance.mark("archive-search:query-start");
    const outcome = await createSearch(store).search(query);
    performance.measure("archive-search:query", "archive-search:query-start");
    await view.show(outcome, query);
    performance.mark("archive-search:shown");
  } catch (error) {
    view.fail();
    console.error("search:", error);
  }
}

start();
