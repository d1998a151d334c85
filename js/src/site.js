// Entry of the bundle every page loads. On the meeting-registration page, says which registrations are still
// open, by the reader's own date (the build stays the same whatever day it runs).
import { registrationState } from "./registration.js";

const strings = document.getElementById("site-strings");
if (strings) {
  const text = JSON.parse(strings.textContent);
  for (const item of document.querySelectorAll("[data-deadline]")) {
    const state = registrationState(item.dataset.deadline, new Date());
    item.dataset.state = state;
    const status = item.querySelector("[data-status]");
    if (status) status.textContent = text[state];
  }
}
