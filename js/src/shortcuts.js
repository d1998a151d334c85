// Small pure helpers of the site bundle (site.js), apart so that node's test runner can import them.

/** Whether `target` takes typed text: then "/" is a character, not the search shortcut. */
export function isTyping(target) {
  if (!target?.tagName) return false;
  const name = target.tagName.toUpperCase();
  if (name === "TEXTAREA" || name === "SELECT" || target.isContentEditable) return true;
  if (name !== "INPUT") return false;
  const type = (target.getAttribute("type") || "text").toLowerCase();
  return !["button", "checkbox", "radio", "submit", "reset", "image", "range", "color", "file"].includes(type);
}

/** `href` (relative or absolute, maybe with a query or #fragment) with q=`query` in its query string. */
export function withQuery(href, query) {
  const [path, fragment] = href.split("#", 2);
  const [base, search = ""] = path.split("?", 2);
  const params = new URLSearchParams(search);
  params.set("q", query);
  return `${base}?${params.toString()}${fragment === undefined ? "" : `#${fragment}`}`;
}
