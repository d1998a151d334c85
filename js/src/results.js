// What the search page shows of an outcome, without the DOM: filters, pages of results, the status line.
// Results shown at first, and added by each press of "more": what one screen of a phone holds, and what each page
// costs to load (the text of each article shown, for its snippet).
export const PAGE_SIZE = 10;

/** `template` with each {name} replaced by values[name]; unknown names are left as they are. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/** The results ([{kind, year}]) of the chosen kind and year ("" for any). */
export function filtered(results, { kind = "", year = "" } = {}) {
  return results.filter((r) => (!kind || r.kind === kind) && (!year || r.year === year));
}

/**
 * The choices each filter offers: the kinds among the results of the chosen year, the years (newest first)
 * among those of the chosen kind, so that no pair of choices leaves nothing to show.
 */
export function choices(results, { kind = "", year = "" } = {}) {
  const kinds = new Set(filtered(results, { year }).map((r) => r.kind));
  const years = new Set(filtered(results, { kind }).map((r) => r.year));
  return { kinds: [...kinds].sort(), years: [...years].sort().reverse() };
}

/** The status line: strings are the page's (search.* without the prefix); n is the number of results shown. */
export function statusText(strings, mode, query, n) {
  if (mode === "empty") return strings.prompt;
  if (!n) return fill(strings.none, { q: query });
  return fill(mode === "all-words" ? strings.all_words : strings.count, { n, q: query });
}
