// The page's side of reading offline (site.js calls it): register the published site's service worker, hand it
// what this page loaded before the worker took charge, and on the offline page list what is kept.
import { mayRegister } from "./rules.js";

const PAGES = "archive-pages"; // worker.js's cache of pages

/** Registers the worker at `url` (the site.js tag's data-worker) where rules.js allows it. */
export function registerWorker(url) {
  if (!url || !("serviceWorker" in navigator) || !mayRegister(location)) return;
  navigator.serviceWorker.register(url).catch(() => {}); // no worker: the site works as before
  // The first page and what it loaded came before the worker: it keeps them too, once it runs.
  navigator.serviceWorker.ready.then((registration) => {
    const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
    registration.active?.postMessage({ keep: [location.href, ...loaded] });
  });
}

/** Calls `then` once the site's worker runs this page (at once, or when it takes charge after a first visit). */
export function whenKept(then) {
  const workers = navigator.serviceWorker;
  if (!workers) return;
  if (workers.controller) then();
  else workers.addEventListener("controllerchange", then, { once: true });
}

/**
 * The keep-for-offline control of an issue or an edition (partials/keep.html): fetches the page and its files
 * (PDF, page scans, cover) one after another, through the worker, which keeps them; says how far it has come.
 */
export function keepControl(control) {
  const button = control.querySelector("button");
  const status = control.querySelector("[role=status]");
  const urls = JSON.parse(control.dataset.keep);
  control.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    let done = 0;
    const progress = () => control.dataset.keeping.replace("{n}", String(done)).replace("{total}", String(urls.length));
    status.textContent = progress();
    try {
      for (const url of urls) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await response.arrayBuffer();
        done++;
        status.textContent = progress();
      }
      status.textContent = control.dataset.kept;
    } catch {
      status.textContent = control.dataset.failed;
      button.disabled = false;
    }
  });
}

/** On the offline page: a link to each kept page of the site, by its title, in `list` (its section shown). */
export async function listKept(list) {
  if (!("caches" in window)) return;
  const cache = await caches.open(PAGES);
  const links = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const title = /<title>([^<]*)<\/title>/.exec(await response.text())?.[1];
    if (!title) continue;
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = request.url;
    link.textContent = new DOMParser().parseFromString(title, "text/html").documentElement.textContent;
    item.append(link);
    links.push(item);
  }
  list.replaceChildren(...links);
  list.closest("section").hidden = links.length === 0;
}
