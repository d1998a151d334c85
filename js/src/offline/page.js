// The page's side of reading offline (site.js calls it): register the published site's service worker, hand it
// what this page loaded before the worker took charge, and on the offline page list what is kept.
import { CACHE_PREFIX, CACHES, mayRegister } from "./rules.js";

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

const AT_ONCE = 6; // files fetched side by side, as a browser opens connections to one host

/** "41.2 MB": a size for the keep control's question. */
export function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Fetches every one of `urls` (AT_ONCE at a time) and reads it whole; calls `progress(done)` after each. */
export async function fetchAll(urls, progress, get = fetch) {
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < urls.length) {
      const url = urls[next++];
      const response = await get(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await response.arrayBuffer();
      progress(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, urls.length) }, worker));
}

/**
 * A keep-for-offline control (partials/keep.html, search.html): its files fetched into the cache of what readers
 * asked to keep (CACHES.kept, which no bound empties), saying how far it has come. An issue's or an edition's lists them (data-keep: the page, its PDF, scans,
 * cover); the search page's names the list of its language's whole search (data-list: its size is asked about
 * first). Its remove button (data-remove) empties what the worker kept of what readers opened.
 */
export function keepControl(control) {
  const keep = control.querySelector("button[data-keep], button:not([data-remove])");
  const remove = control.querySelector("button[data-remove]");
  const status = control.querySelector("[role=status]");
  let urls = control.dataset.keep ? JSON.parse(control.dataset.keep) : null;
  control.hidden = false;
  keep.addEventListener("click", async () => {
    keep.disabled = true;
    try {
      if (!urls) {
        const list = new URL(control.dataset.list, location.href);
        const { bytes, files } = await (await fetch(list)).json();
        urls = files.map((name) => new URL(name, list).href);
        status.textContent = control.dataset.ask.replace("{size}", megabytes(bytes));
        keep.disabled = false;
        return; // asked: the next press keeps them
      }
      const say = (done) => {
        status.textContent = control.dataset.keeping
          .replace("{n}", String(done))
          .replace("{total}", String(urls.length));
      };
      say(0);
      const kept = await caches.open(CACHES.kept); // no bound empties it (worker.js takes from it first)
      await fetchAll(urls, say, async (url) => {
        await kept.add(url); // fetched through the worker, which keeps it among the opened ones too
        return { ok: true, arrayBuffer: async () => null };
      });
      status.textContent = control.dataset.kept;
    } catch {
      status.textContent = control.dataset.failed;
      keep.disabled = false;
    }
  });
  remove?.addEventListener("click", async () => {
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
    status.textContent = control.dataset.removed;
  });
}

/** On the offline page: a link to each kept page of the site, by its title, in `list` (its section shown). */
export async function listKept(list) {
  if (!("caches" in window)) return;
  const cache = await caches.open(CACHES.page);
  const links = [];
  for (const request of await cache.keys()) {
    const page = await (await cache.match(request)).text();
    const title = /<title>([^<]*)<\/title>/.exec(page)?.[1];
    if (!title) continue;
    const item = document.createElement("li");
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(page)?.[1];
    if (lang) item.lang = lang; // a Lao title in the English list keeps its language (font, screen readers)
    const link = document.createElement("a");
    link.href = request.url;
    link.textContent = new DOMParser().parseFromString(title, "text/html").documentElement.textContent;
    item.append(link);
    links.push(item);
  }
  list.replaceChildren(...links);
  list.closest("section").hidden = links.length === 0;
}
