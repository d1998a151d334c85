// The search page's DOM: results, filters, status. Article text reaches the page only as text nodes.
import { highlight, snippet } from "./snippet.js";

const PAGE_SIZE = 20;

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** Renders one search outcome into the page and keeps the kind and year filters working on it. */
export function createView(root, config) {
  const list = root.querySelector("#search-results");
  const status = root.querySelector("#search-status");
  const filters = root.querySelector("#search-filters");
  const strings = config.strings;
  let outcome = null;
  let shown = 0;
  let more = null;

  function selected() {
    const kind = filters.querySelector("#search-kind")?.value || "";
    const year = filters.querySelector("#search-year")?.value || "";
    return outcome.results.filter((r) => (!kind || r.doc.kind === kind) && (!year || r.doc.date.startsWith(year)));
  }

  function select(id, label, any, values, names) {
    const control = element("select", { id });
    control.append(element("option", { value: "" }, any));
    for (const value of values) control.append(element("option", { value }, names[value] || value));
    control.addEventListener("change", () => renderList());
    return element("label", { for: id }, label, " ", control);
  }

  function renderFilters() {
    filters.replaceChildren();
    const kinds = [...new Set(outcome.results.map((r) => r.doc.kind))].sort();
    const years = [...new Set(outcome.results.map((r) => r.doc.date.slice(0, 4)))].sort().reverse();
    filters.hidden = outcome.results.length < 2;
    filters.append(select("search-kind", strings.filter_kind, strings.any_kind, kinds, config.kinds),
      select("search-year", strings.filter_year, strings.any_year, years, {}));
  }

  function withMarks(node, segments) {
    for (const part of segments) node.append(part.mark ? element("mark", {}, part.text) : part.text);
    return node;
  }

  function item({ doc }) {
    const title = doc.text.slice(0, doc.text.indexOf("\n") + 1 || doc.text.length).trim(); // normalised title
    const link = withMarks(element("a", { href: doc.url }), highlight(title, outcome.needles, outcome.words));
    const meta = element("p", { class: "meta" }, config.kinds[doc.kind] || doc.kind, " · ",
      element("time", { datetime: doc.date }, doc.dateText));
    const text = withMarks(element("p", { class: "snippet" }), snippet(doc, outcome.needles, outcome.words));
    return element("li", {}, link, meta, text);
  }

  function renderList() {
    const results = selected();
    list.replaceChildren();
    shown = 0;
    showMore(results);
    const template = outcome.mode === "all-words" ? strings.all_words : strings.count;
    status.textContent = results.length ? fill(template, { n: results.length, q: outcome.parts.join(" ") })
      : fill(strings.none, { q: outcome.parts.join(" ") });
  }

  function showMore(results) {
    const next = results.slice(shown, shown + PAGE_SIZE);
    list.append(...next.map(item));
    shown += next.length;
    more?.remove();
    more = null;
    if (shown < results.length) {
      more = element("button", { type: "button", id: "search-more" }, fill(strings.more, { n: results.length - shown }));
      more.addEventListener("click", () => showMore(results));
      list.after(more);
    }
  }

  return {
    loading() {
      status.textContent = strings.loading;
    },
    show(result) {
      outcome = result;
      if (result.mode === "empty") {
        filters.hidden = true;
        list.replaceChildren();
        status.textContent = strings.prompt;
      } else {
        renderFilters();
        renderList();
      }
      list.setAttribute("aria-busy", "false");
    },
    fail() {
      status.textContent = strings.error;
      list.setAttribute("aria-busy", "false");
    },
  };
}
