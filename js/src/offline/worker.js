// The published site's service worker (sw.js at the site's root), made by js/offline.mjs at the end of each build:
// esbuild bundles this with Workbox's modules, then workbox-build's injectManifest puts the shell (stylesheet,
// scripts, the Lao font, the offline pages, each language's search entry) in place of self.__WB_MANIFEST, each with
// its revision. site.js registers it over https and on a loopback host only (rules.js, mayRegister).
//
// - The shell is precached on the first visit; a new build's worker precaches its own and drops the old.
// - Pages: the kept copy at once, refreshed behind (stale-while-revalidate), so a new item is on the home page by
//   the second visit; a page never opened shows the offline page of its language.
// - Search: the entry from the network first (it names this build's parts), the kept one offline; the parts, the
//   thumbnails, and the PDFs and scans a reader opened, from the cache once kept (their names change with their
//   content; the parts of an older build stay until they are the oldest of too many).
// - The web editor (admin/) and other hosts are left to the network.
import { clientsClaim } from "workbox-core";
import { ExpirationPlugin } from "workbox-expiration";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from "workbox-strategies";
import { CACHES, KEPT, kindOf, offlinePageFor, pageKey, pathIn } from "./rules.js";

const SITE = ARCHIVE_SITE; // replaced by js/offline.mjs: the site's layout (rules.js)
const scope = self.registration.scope;

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

const kept = (kind) => [new ExpirationPlugin({ maxEntries: KEPT[kind], purgeOnQuotaError: true })];
const withoutQuery = { cacheKeyWillBeUsed: async ({ request }) => pageKey(request.url) };
const STRATEGIES = {
  page: new StaleWhileRevalidate({ cacheName: CACHES.page, plugins: [withoutQuery, ...kept("page")] }),
  "search-entry": new NetworkFirst({ cacheName: CACHES["search-entry"], networkTimeoutSeconds: 4 }),
  "search-part": new CacheFirst({ cacheName: CACHES["search-part"], plugins: kept("search-part") }),
  thumb: new CacheFirst({ cacheName: CACHES.thumb, plugins: kept("thumb") }),
  document: new CacheFirst({ cacheName: CACHES.document, plugins: kept("document") }),
  asset: new StaleWhileRevalidate({ cacheName: CACHES.asset, plugins: kept("asset") }),
};

// What a reader asked to keep (offline/page.js: an issue with its files, a language's whole search) is in a cache
// of its own, which no bound empties: a part or a file is taken from it first, a page only when the network and
// the kept pages fail (so that a kept issue's page is still refreshed online).
async function fromKept(request) {
  const cache = await caches.open(CACHES.kept);
  return (await cache.match(request.url)) || (await cache.match(pageKey(request.url)));
}

const kindOfRequest = (request, url) => kindOf(pathIn(url.href, scope), request.mode === "navigate", SITE);
for (const [kind, strategy] of Object.entries(STRATEGIES)) {
  const handler =
    kind === "page"
      ? async (options) =>
          strategy.handle(options).catch(async (error) => (await fromKept(options.request)) || Promise.reject(error))
      : async (options) => (await fromKept(options.request)) || strategy.handle(options);
  registerRoute(({ request, url }) => request.method === "GET" && kindOfRequest(request, url) === kind, handler);
}

// What a page loaded before this worker took charge (offline/page.js sends it): kept as if it had come through here.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const keep = async (href) => {
    const url = new URL(href, scope);
    const strategy = STRATEGIES[kindOf(pathIn(url.href, scope), false, SITE)];
    if (strategy) await strategy.handle({ event, request: new Request(url.href) }).catch(() => {});
  };
  event.waitUntil(Promise.all(urls.map(keep)));
});

// Offline, a page (or a PDF, a scan) never opened: the offline page of its language, from the shell.
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== "navigate" || kindOfRequest(request, url) === "none") return Response.error();
  return (await matchPrecache(offlinePageFor(pathIn(url.href, scope), SITE))) || Response.error();
});
