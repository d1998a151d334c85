// What the search page shows of an outcome, without the DOM: filters, pages of results, the status line.
// Results shown at first, and added by each press of "more": what one screen of a phone holds, and what each page
// costs to load (the text of each article shown, for its snippet).
export const PAGE_SIZE = 10;
// Filters help from a handful of results up; for fewer they are only in the way.
export const FILTERS_FROM = 5;

/** `template` with each {name} replaced by values[name]; unknown names are left as they are. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/**
 * The text of a strings-table entry for the number `n`: a string as it is, or, for an entry with plural forms
 * ({one, other, ...}: the CLDR categories of its language, as the build's Babel checked them), the form the
 * browser's Intl.PluralRules gives for `lang`.
 */
export function plural(entry, n, lang) {
  if (entry == null || typeof entry === "string") return entry ?? "";
  let form = "other";
  try {
    form = new Intl.PluralRules(lang).select(n);
  } catch {
    // a browser without Intl.PluralRules: the general form
  }
  return entry[form] ?? entry.other ?? "";
}

/** strings[key] for `values` (its plural form for values.n), with the values filled in. */
export function say(strings, key, values, lang) {
  return fill(plural(strings[key], values.n ?? 0, lang), values);
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

/**
 * The status line: strings are the page's (search.* without the prefix); n is the number of results shown;
 * `corrected` the spelling searched for in place of `query` (mode "corrected"), which `few` articles hold as
 * typed (0: none).
 */
export function statusText(strings, mode, query, n, lang, corrected = "", few = 0) {
  if (mode === "empty") return plural(strings.prompt, 0, lang);
  if (!n) return say(strings, "none", { q: query }, lang);
  if (mode === "corrected") {
    return say(strings, few ? "corrected_few" : "corrected", { n, q: corrected, typed: query, few }, lang);
  }
  return say(strings, mode === "all-words" ? "all_words" : "count", { n, q: query }, lang);
}

/** The address of the search for `query` from the search page (as typed, with `asTyped`: no close spelling). */
export function searchLink(query, asTyped = false) {
  return `?q=${encodeURIComponent(query)}${asTyped ? `&${AS_TYPED}=1` : ""}`;
}

export const AS_TYPED = "exact"; // the search page's parameter: search for q as typed, without close spellings
