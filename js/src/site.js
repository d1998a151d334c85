// Entry of the small bundle every page loads; no global.
// - On the meeting-registration page it marks each registration with a deadline (data-deadline="YYYY-MM-DD")
//   open or closed by the reader's own date, and says so in its [data-status] child, in the page's language
//   (#site-strings: {"open": ..., "closed": ...}).
// - "/" anywhere outside a text field puts the cursor in the search box, as on most sites with one.
//   The front page shows only those still open.
// - On the search page, the language switcher keeps the query: ?q= goes with it.
// - Printed, an article shows the address it was read at.
// - On the published site, the service worker that keeps what a reader opened (offline/page.js); on the offline
//   page, the list of what is kept.
import { keepControl, listKept, registerWorker, whenKept } from "./offline/page.js";
import { registrationState } from "./registration.js";
import { isTyping, withQuery } from "./shortcuts.js";

function readStrings() {
  const island = document.getElementById("site-strings");
  try {
    return island ? JSON.parse(island.textContent) : {};
  } catch {
    return {};
  }
}

const items = document.querySelectorAll("[data-deadline]");
if (items.length) {
  const strings = readStrings();
  const now = new Date();
  for (const item of items) {
    const state = registrationState(item.getAttribute("data-deadline"), now);
    if (!state) continue;
    item.setAttribute("data-state", state);
    const status = item.querySelector("[data-status]");
    if (status && strings[state]) status.textContent = strings[state];
  }
}
// The front page lists only the meetings still open: a section left with none is hidden.
for (const section of document.querySelectorAll("[data-open-only]")) {
  if (!section.querySelector('.registration:not([data-state="closed"])')) section.hidden = true;
}

document.addEventListener("keydown", (event) => {
  const box = document.getElementById("search-q");
  if (event.key !== "/" || !box || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  event.preventDefault();
  box.focus();
  box.select();
});

// On paper, an article carries its address: the one it was read at (a relative link says nothing there).
window.addEventListener("beforeprint", () => {
  for (const line of document.querySelectorAll("[data-print-url]")) line.textContent = location.href;
});

if (document.getElementById("search-config")) {
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    for (const link of document.querySelectorAll(".language a[hreflang]")) {
      link.setAttribute("href", withQuery(link.getAttribute("href"), query));
    }
  }
}

registerWorker(document.currentScript?.dataset.worker);
const kept = document.getElementById("offline-kept");
if (kept) listKept(kept).catch(() => {});
const keep = document.querySelector(".keep-offline");
if (keep) whenKept(() => keepControl(keep));
