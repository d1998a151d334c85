// What the service worker (js/src/offline/worker.js) does with each request, as pure functions the tests call: which
// kind of thing a URL of the site is, how long it is kept, and which offline page answers for a page never opened.
// `site` is what the build tells the worker (js/offline.mjs, from the site's layout, plugins/archive/layout.py):
// {languages: [{folder, offline, search}], static, worker, editor, documents, thumbs}: the folder of each language's
// pages under the site ("" for the first), its offline page and its search data's folder; the theme's static
// folder, the worker, the web editor's folder, the content's folders copied as they are, the thumbnails' folder.

/** Whether a page at `location` ({protocol, hostname, pathname}) may register the worker: https, or a loopback
 * host (browsers hold both secure), never from disk (file://) and never in the web editor (admin/). */
export function mayRegister({ protocol, hostname, pathname }) {
  const loopback = hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
  return (protocol === "https:" || (protocol === "http:" && loopback)) && !/\/admin\//.test(pathname);
}

/** The path of `url` under the site's `scope` (both URLs), or null when it is outside it. */
export function pathIn(url, scope) {
  const here = new URL(url);
  const root = new URL(scope);
  if (here.origin !== root.origin || !here.pathname.startsWith(root.pathname)) return null;
  return decodeURIComponent(here.pathname.slice(root.pathname.length));
}

const SEARCH_ENTRY = "index.js"; // in a language's search data (plugins/lao_search/index.py)
const DOCUMENT = /\.(pdf|jpe?g|png|webp|tiff?|gif|svg)$/i;

/**
 * What the worker does with a GET of `path` (pathIn), a navigation or not, on `site`:
 * "none" (outside the site, or the web editor: left to the network), "page" (kept, shown at once and refreshed
 * behind), "search-entry" (a language's search entry: the network first, the kept one offline), "search-part"
 * (content-hashed: kept, never fetched again), "thumb" (the same), "document" (a PDF or a full-size scan or
 * picture: kept once opened), "asset" (anything else of the site: kept, refreshed behind).
 */
export function kindOf(path, navigation, site) {
  if (path === null || path.startsWith(site.editor)) return "none";
  if (site.documents.some((folder) => path.startsWith(folder)) && DOCUMENT.test(path)) return "document"; // opened too
  if (path.startsWith(site.thumbs)) return "thumb";
  if (navigation || path === "" || path.endsWith("/") || path.endsWith(".html")) return "page";
  const search = site.languages.find((language) => path.startsWith(language.search) && path.endsWith(".js"));
  if (search) return path === search.search + SEARCH_ENTRY ? "search-entry" : "search-part";
  return "asset";
}

/** The offline page (site-relative) for a page at `path` never opened: the one of its language's folder. */
export function offlinePageFor(path, site) {
  const own = site.languages
    .filter(({ folder }) => folder && path.startsWith(folder))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
  return (own || site.languages.find(({ folder }) => !folder) || site.languages[0]).offline;
}

/** A page's key in the cache: its URL without the query (search.html?q=… is one page, whatever was asked). */
export function pageKey(url) {
  const key = new URL(url);
  key.search = "";
  key.hash = "";
  return key.href;
}

/** The shell (globs under the site): what the first visit keeps, whatever page it is. ``site`` also names the
 * theme's static folder (THEME_STATIC_DIR). */
export function shell({ languages, static: folder }) {
  return [
    `${folder}/css/site*.css`,
    `${folder}/js/site*.js`,
    `${folder}/js/search*.js`,
    `${folder}/fonts/*.woff2`,
    ...languages.flatMap(({ offline, search }) => [offline, search + SEARCH_ENTRY]),
  ];
}

// Where the worker keeps each kind (its shell is in Workbox's own precache, not among these).
export const CACHE_PREFIX = "archive-";
export const CACHES = {
  page: `${CACHE_PREFIX}pages`,
  "search-entry": `${CACHE_PREFIX}search`,
  "search-part": `${CACHE_PREFIX}search-parts`,
  thumb: `${CACHE_PREFIX}thumbs`,
  document: `${CACHE_PREFIX}documents`,
  asset: `${CACHE_PREFIX}assets`,
  kept: `${CACHE_PREFIX}kept`, // what a reader asked to keep (an issue, a whole search): no bound, never dropped
};

// How many of each are kept, the oldest used dropped first (workbox-expiration).
export const KEPT = { page: 200, "search-part": 3000, thumb: 400, document: 30, asset: 60 };
