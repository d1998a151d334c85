// Entry of the search page's bundle. Its one global, LaoArchive, receives the search data: the data are classic
// scripts (search-data/*.js) calling LaoArchive.receive(...), because a page opened from disk (file://) may not
// fetch() local files, and Chromium does not run <script type="module"> there.
import { createSearch } from "./search.js";
import { createView } from "./ui.js";

const config = JSON.parse(document.getElementById("search-config").textContent);
const view = createView(document, config);
const data = { index: null, docs: [], waiting: new Set(), base: "" };

function load(src) {
  const script = document.createElement("script");
  script.src = src;
  script.onerror = () => view.fail();
  document.head.append(script);
}

function run() {
  performance.mark("archive-search:index-loaded");
  const search = createSearch({ index: data.index, docs: data.docs });
  const query = new URLSearchParams(location.search).get("q") || "";
  const box = document.getElementById("search-q");
  if (box) box.value = query;
  performance.mark("archive-search:query-start");
  const outcome = search.search(query);
  performance.measure("archive-search:query", "archive-search:query-start");
  view.show(outcome);
}

function receive(part) {
  if (part.format !== 1 || part.lang !== config.lang) return view.fail();
  if (part.part === "index") {
    data.index = part.index;
    data.docs = new Array(part.count);
    part.docParts.forEach((name) => data.waiting.add(name));
    part.docParts.forEach((name) => load(data.base + name));
  } else {
    part.docs.forEach((doc, i) => { data.docs[part.start + i] = doc; });
    data.waiting.delete(part.part);
  }
  if (data.index && data.waiting.size === 0) run();
}

window.LaoArchive = { receive };
data.base = config.data.slice(0, config.data.lastIndexOf("/") + 1);
view.loading();
load(config.data);
