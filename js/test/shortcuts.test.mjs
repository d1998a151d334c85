import assert from "node:assert/strict";
import { test } from "node:test";
import { isTyping, withQuery } from "../src/shortcuts.js";

const element = (tagName, attributes = {}) => ({ tagName, getAttribute: (name) => attributes[name] ?? null });

test("the language switcher of the search page takes the query along", () => {
  assert.equal(withQuery("../en/search.html", "ລາວ ICT"), "../en/search.html?q=%E0%BA%A5%E0%BA%B2%E0%BA%A7+ICT");
  assert.equal(withQuery("search.html?q=old#top", "new"), "search.html?q=new#top");
});

test("/ is the search shortcut except where the reader is typing", () => {
  assert.equal(isTyping(element("BODY")), false);
  assert.equal(isTyping(element("A")), false);
  assert.equal(isTyping(element("INPUT", { type: "search" })), true);
  assert.equal(isTyping(element("INPUT")), true);
  assert.equal(isTyping(element("INPUT", { type: "checkbox" })), false);
  assert.equal(isTyping(element("TEXTAREA")), true);
  assert.equal(isTyping({ tagName: "DIV", isContentEditable: true, getAttribute: () => null }), true);
  assert.equal(isTyping(null), false);
});
