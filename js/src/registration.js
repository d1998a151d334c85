/** "open" until the end of the deadline day (YYYY-MM-DD) in the reader's time zone, "closed" after it. */
export function registrationState(deadline, now) {
  const [year, month, day] = deadline.split("-").map(Number);
  return now < new Date(year, month - 1, day + 1) ? "open" : "closed";
}
