// Entry of the small bundle every page loads; no global. On the meeting-registration page it marks each
// registration with a deadline (data-deadline="YYYY-MM-DD") open or closed by the reader's own date, and says so
// in its [data-status] child, in the page's language (#site-strings: {"open": ..., "closed": ...}).
import { registrationState } from "./registration.js";

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
