// Whether a meeting still takes registrations, by the reader's own calendar: the site is built once, read later.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "open" until the end of the deadline day (YYYY-MM-DD, inclusive) in the reader's time zone, "closed" after
 * it; null for a deadline that is not such a date.
 */
export function registrationState(deadline, now) {
  const match = DAY.exec(String(deadline).trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return now < new Date(year, month - 1, day + 1) ? "open" : "closed"; // local midnight after the deadline day
}
