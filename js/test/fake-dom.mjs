// Just enough of the DOM for ui.js, to check the page contract without a browser (tests/test_browser.py has the
// real one). Text nodes are strings; there is no HTML parser, so nothing here could run markup. No tests here.
class Element {
  constructor(doc, tagName) {
    this.ownerDocument = doc;
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.parentNode = null;
    this.hidden = false;
    this.value = "";
    this.listeners = {};
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
    if (name === "id") this.ownerDocument.ids.set(String(value), this);
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  get id() {
    return this.getAttribute("id");
  }

  get children() {
    return this.childNodes.filter((n) => n instanceof Element);
  }

  append(...nodes) {
    for (const node of nodes) {
      if (node instanceof Element) {
        if (node.parentNode) node.remove();
        node.parentNode = this;
        this.childNodes.push(node);
        if (node.id) this.ownerDocument.ids.set(node.id, node);
      } else {
        this.childNodes.push(String(node));
      }
    }
  }

  prepend(...nodes) {
    const rest = this.childNodes;
    this.childNodes = [];
    this.append(...nodes);
    this.childNodes.push(...rest);
  }

  replaceChildren(...nodes) {
    for (const child of this.children) child.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  after(node) {
    const siblings = this.parentNode.childNodes;
    if (node.parentNode) node.remove();
    node.parentNode = this.parentNode;
    siblings.splice(siblings.indexOf(this) + 1, 0, node);
    if (node.id) this.ownerDocument.ids.set(node.id, node);
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
    if (this.id && this.ownerDocument.ids.get(this.id) === this) this.ownerDocument.ids.delete(this.id);
  }

  get textContent() {
    return this.childNodes.map((n) => (n instanceof Element ? n.textContent : n)).join("");
  }

  set textContent(text) {
    this.replaceChildren(String(text));
  }

  addEventListener(type, listener) {
    this.listeners[type] = [...(this.listeners[type] || []), listener];
  }

  dispatch(type) {
    for (const listener of this.listeners[type] || []) listener({ type, target: this });
  }

  focus(_options) {
    this.ownerDocument.activeElement = this;
  }

  /** Descendants with this tag name, in document order (only "tag" selectors). */
  querySelectorAll(tag) {
    const found = [];
    for (const child of this.children) {
      if (child.tagName === tag.toUpperCase()) found.push(child);
      found.push(...child.querySelectorAll(tag));
    }
    return found;
  }

  querySelector(tag) {
    return this.querySelectorAll(tag)[0] || null;
  }
}

/** A document holding the search page's elements, as theme/templates/search.html writes them. */
export function searchPage() {
  const doc = {
    ids: new Map(),
    activeElement: null,
    createElement: (name) => new Element(doc, name),
    getElementById: (id) => doc.ids.get(id) || null,
  };
  doc.title = "ຊອກຫາ · ຄັງເອກະສານ";
  doc.body = new Element(doc, "body");
  const filters = doc.createElement("div");
  filters.setAttribute("id", "search-filters");
  filters.hidden = true;
  const status = doc.createElement("p");
  status.setAttribute("id", "search-status");
  const list = doc.createElement("ol");
  list.setAttribute("id", "search-results");
  list.setAttribute("aria-busy", "true");
  const empty = doc.createElement("div");
  empty.setAttribute("id", "search-empty");
  empty.hidden = true;
  doc.body.append(filters, status, list, empty);
  return doc;
}
