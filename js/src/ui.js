// The search page's DOM: results, filters, the "more" button and the status line. Text from the articles
// reaches the page only as text nodes (append of a string, textContent), never as HTML.
//
// The contract a reader's tools (and search_eval.py) rely on: #search-results is aria-busy="true" until what
// answers the query is shown, then aria-busy="false" together with data-total, the number of matching articles
// (under the chosen filters); each result is one <li> whose first link is the article.

import { normalise } from "./normalise.js";
import { choices, FILTERS_FROM, filtered, PAGE_SIZE, say, searchLink, statusText } from "./results.js";
import { highlight, printedPage, snippet, tagsMatching } from "./snippet.js";

/**
 * The view of the page `doc` (a Document) with its #search-results, #search-status, #search-filters and
 * #search-empty (tips and the kinds, shown when nothing matches); config is the page's #search-config:
 * {lang, strings, kinds}; `articles(results)` gives a promise for each of those results ({ref, part}) of what it
 * shows ({url, title, kind, date, dateText, text, and print when its printed pages' text is part of text}: store.js's
 * shown), asked for a page at a time. Results are shown in rank order, each as soon as it and those before it are
 * loaded; `firstShown()` is called when a search's first result is on the page.
 */
export function createView(doc, config, articles, firstShown = () => {}) {
  const list = doc.getElementById("search-results");
  const status = doc.getElementById("search-status");
  const filters = doc.getElementById("search-filters");
  const empty = doc.getElementById("search-empty");
  const strings = config.strings || {};
  const kinds = config.kinds || {};
  const lang = config.lang;
  const title = doc.title; // "Search · the site's name": the query goes in front
  let outcome = null;
  let query = "";
  let kind = null;
  let year = null;
  let more = null;
  let shown = []; // the results under the chosen filters
  let rendering = 0; // the latest rendering; an older one that finishes late is dropped
  let onFirst = null; // firstShown, until a search's first result is shown

  function element(name, attributes, ...children) {
    const node = doc.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }

  function withMarks(node, segments) {
    for (const part of segments) node.append(part.mark ? element("mark", {}, part.text) : part.text);
    return node;
  }

  // A link to page `page` of a result's printed pages (`print`): of its PDF, or its page scan; and, when that
  // page's text was read by machine, a note that it may hold errors.
  function pageLink(print, page) {
    const label = (key, fallback) => (strings[key] ? say(strings, key, { n: page }, lang) : fallback);
    const scan = print.scans?.[page - 1];
    const link = scan
      ? element("a", { href: scan }, label("scan_page", String(page)))
      : element("a", { href: `${print.url}#page=${page}`, type: "application/pdf" }, label("pdf_page", `PDF, ${page}`));
    const line = element("p", { class: "result-pdf" }, link);
    if (print.read?.includes(page))
      line.append(" · ", element("span", { class: "machine-read" }, strings.machine_read));
    return line;
  }

  // One result: the article's link first (the title, matches marked), then its kind and date, then a snippet;
  // when the snippet's match is on a printed page, a link to that page of the PDF or to its scan (and, when its
  // text was read by machine, a word that it may hold errors); then the tags that match.
  function item(article) {
    const { needles, words } = outcome;
    const link = withMarks(element("a", { href: article.url }), highlight(normalise(article.title), needles, words));
    const meta = element(
      "p",
      { class: "meta" },
      element("span", { class: "kind" }, kinds[article.kind] || article.kind),
      " · ",
      element("time", { datetime: article.date }, article.dateText),
    );
    const parts = [link, meta, withMarks(element("p", { class: "snippet" }), snippet(article, needles, words))];
    const page = printedPage(article, needles, words);
    if (page) parts.push(pageLink(article.print, page));
    const tags = tagsMatching(article, needles, words).map((tag) => withMarks(element("span", { class: "tag" }), tag));
    if (tags.length) {
      const line = element("p", { class: "result-tags" }, strings.tag || "", ": ");
      for (const [i, tag] of tags.entries()) line.append(...(i ? [", ", tag] : [tag]));
      parts.push(line);
    }
    return element("li", {}, ...parts);
  }

  function chosen() {
    return { kind: kind ? kind.value : "", year: year ? year.value : "" };
  }

  // The two selects, their options narrowed to what the results hold (see choices()).
  function renderFilters() {
    const picked = chosen();
    const offered = choices(outcome.results, picked);
    if (!kind) {
      kind = element("select", { id: "search-kind" });
      year = element("select", { id: "search-year" });
      for (const control of [kind, year]) control.addEventListener("change", () => render().catch(fail));
      filters.replaceChildren(
        element("label", { for: "search-kind" }, strings.filter_kind || "", " ", kind),
        element("label", { for: "search-year" }, strings.filter_year || "", " ", year),
      );
    }
    options(
      kind,
      strings.any_kind,
      offered.kinds.map((k) => [k, kinds[k] || k]),
      picked.kind,
    );
    options(
      year,
      strings.any_year,
      offered.years.map((y) => [y, y]),
      picked.year,
    );
    filters.hidden = outcome.results.length < FILTERS_FROM;
  }

  function options(select, any, values, value) {
    select.replaceChildren(
      element("option", { value: "" }, any || ""),
      ...values.map(([v, label]) => element("option", { value: v }, label)),
    );
    select.value = values.some(([v]) => v === value) ? value : "";
  }

  function busy() {
    list.setAttribute("aria-busy", "true");
  }

  function done() {
    list.setAttribute("data-total", String(shown.length));
    list.setAttribute("aria-busy", "false");
  }

  // Appends `results` to the list in rank order, each as soon as it and those before it are loaded (on a phone
  // the first is read while the others still come); false when a newer rendering took over meanwhile.
  async function append(results, mine) {
    const loading = articles(results);
    for (const one of loading) one.catch(() => {}); // a failure is met in order, below
    for (const one of loading) {
      const article = await one;
      if (mine !== rendering) return false;
      list.append(item(article));
      onFirst?.();
      onFirst = null;
    }
    return true;
  }

  async function render() {
    const mine = ++rendering;
    busy();
    renderFilters();
    shown = filtered(outcome.results, chosen());
    status.textContent = statusText(strings, outcome.mode, query, shown.length, lang, outcome.query, outcome.few);
    if (more) more.remove(); // the last list's: pressed now, it would append to this one
    more = null;
    list.replaceChildren();
    if (!(await append(shown.slice(0, PAGE_SIZE), mine))) return false;
    placeMore();
    done();
    return true;
  }

  // Under the status line of a corrected search: a link to the search as typed, and the other close spellings.
  function showCorrection() {
    doc.getElementById("search-correction")?.remove();
    if (outcome.mode !== "corrected") return;
    const line = element("p", { id: "search-correction" });
    line.append(element("a", { href: searchLink(query, true) }, say(strings, "as_typed", { typed: query }, lang)));
    if (outcome.suggestions?.length) {
      line.append(" · ", strings.did_you_mean || "", " ");
      for (const [i, other] of outcome.suggestions.entries()) {
        if (i) line.append(", ");
        line.append(element("a", { href: searchLink(other) }, other));
      }
    }
    status.after(line);
  }

  async function showMore() {
    const mine = rendering;
    const start = list.children.length;
    more.disabled = true;
    busy();
    if (!(await append(shown.slice(start, start + PAGE_SIZE), mine))) return;
    placeMore();
    done();
    const link = list.children[start]?.querySelector("a");
    if (link) link.focus();
  }

  function placeMore() {
    if (more) more.remove();
    more = null;
    const left = shown.length - list.children.length;
    if (left > 0) {
      more = element("button", { type: "button", id: "search-more" }, say(strings, "more", { n: left }, lang));
      more.addEventListener("click", () => showMore().catch(fail));
      list.after(more);
    }
  }

  function fail() {
    rendering++;
    filters.hidden = true;
    list.replaceChildren();
    if (more) more.remove();
    more = null;
    shown = [];
    // Offline, a part of the search that is not kept on the device is what failed: say so, not "try again".
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    status.textContent = (offline && strings.offline) || strings.error || "";
    done();
  }

  // After a search, the status line says what was found: a screen reader reads it, Tab goes on to the results.
  function announce() {
    if (query) {
      const [, ...site] = title.split(" · ");
      doc.title = [say(strings, "page_title", { q: query }, lang), ...site].join(" · ");
    }
    status.focus({ preventScroll: true });
  }

  return {
    loading() {
      status.textContent = strings.loading || "";
    },
    /** Shows the outcome of a search for `typed`; the list stops being busy once its first page is there. */
    async show(result, typed) {
      outcome = result;
      onFirst = firstShown;
      query = String(typed || "")
        .trim()
        .replace(/\s+/g, " ");
      if (empty) empty.hidden = result.mode === "empty" || result.results.length > 0;
      if (result.mode === "empty" || result.results.length === 0) {
        rendering++;
        filters.hidden = true;
        list.replaceChildren();
        shown = [];
        status.textContent = statusText(strings, result.mode, query, 0, lang);
        done();
      } else if (!(await render())) {
        return; // a newer rendering, or a failure, took the page over meanwhile
      }
      showCorrection();
      if (result.mode !== "empty") announce();
    },
    /** The other close spellings of a corrected search shown already (`result`: the same search, complete). */
    suggest(result) {
      outcome = { ...outcome, suggestions: result.suggestions };
      showCorrection();
    },
    /** Nothing matched here, but `n` articles in the other language do: a link to that search, `href`. */
    offerOther(n, href, otherLang) {
      if (!empty || !n) return;
      const link = element("a", { href, hreflang: otherLang }, say(strings, "other_language", { n, q: query }, lang));
      empty.prepend(element("p", { id: "search-other" }, link));
    },
    fail,
  };
}
