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
