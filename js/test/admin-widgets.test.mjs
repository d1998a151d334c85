// The web editor's Lang and Translation widgets and its build-status banner (js/src/admin/).
import assert from "node:assert/strict";
import { test } from "node:test";
import { statusLines, watchBuild } from "../src/admin/status.js";
import { translationValue, widgets } from "../src/admin/widgets.js";

// What plugins/editor/config.py gives the Translation field and the page, from theme/strings.json.
const WORDS = { translation: "ສະບັບແປ · translation", original: "ຕົ້ນສະບັບ · original" };
const PAGE_WORDS = { build_failed: "ສ້າງເວັບໄຊບໍ່ສຳເລັດ · The site could not be built", fix_and_save: "ແກ້ໄຂ · Fix it" };

// React as far as the widgets use it: createClass gives the spec, h the element's parts.
const h = (type, props, ...children) => ({ type, props, children });
const { language, translation } = widgets(h, (spec) => spec);

/** A widget mounted in the pane of ``locale`` with ``value``: what it writes (onChange) and what it shows. */
function mount(widget, { locale, value, field = {}, original }) {
  const written = [];
  const props = {
    locale,
    value,
    forID: "f",
    onChange: (v) => written.push(v),
    field: { get: (key) => ({ name: "Translation", original: "lo", words: WORDS, ...field })[key] },
    entry: { getIn: () => original },
  };
  const instance = { ...widget, props };
  instance.componentDidMount();
  return { written, shown: instance.render().children.join("") };
}

test("each pane writes its own language into Lang, once, and shows its name", () => {
  const names = { get: (lang) => ({ lo: "ລາວ", en: "English" })[lang] };
  assert.deepEqual(mount(language, { locale: "en", value: undefined, field: { languages: names } }).written, ["en"]);
  assert.deepEqual(mount(language, { locale: "lo", value: "lo", field: { languages: names } }), {
    written: [],
    shown: "ລາວ (lo)",
  });
});

test("the English pane marks its file a translation; a file that says so already is left as written", () => {
  assert.deepEqual(mount(translation, { locale: "en", value: undefined }).written, ["true"]);
  assert.deepEqual(mount(translation, { locale: "en", value: "True" }).written, []);
  assert.deepEqual(mount(translation, { locale: "lo", value: undefined }).written, []);
  assert.equal(mount(translation, { locale: "en", value: "true" }).shown, "ສະບັບແປ · translation");
});

test("a pane other than the original's marks its file a translation; the original's keeps what it says", () => {
  assert.equal(translationValue("en", "lo", undefined, undefined), "true");
  assert.equal(translationValue("en", "lo", "", ""), "true");
  assert.equal(translationValue("lo", "lo", undefined, undefined), "");
  assert.equal(translationValue("lo", "lo", "true", "true"), "true"); // a Lao file translated from English
  // ... and then the English file is the original: it is not marked
  assert.equal(translationValue("en", "lo", undefined, "true"), "");
  assert.equal(translationValue("en", "lo", undefined, "True"), "");
});

test("a failed build is shown with its problems, a good one not at all", () => {
  assert.equal(statusLines({ ok: true, problems: [] }, PAGE_WORDS), null);
  const failed = { ok: false, problems: [["reports/x.lo.md:4", "Journal_Issue 99 does not exist"]] };
  assert.deepEqual(statusLines(failed, PAGE_WORDS), [
    PAGE_WORDS.build_failed,
    "reports/x.lo.md:4: Journal_Issue 99 does not exist",
    PAGE_WORDS.fix_and_save,
  ]);
});

test("the page asks the preview again and again, and stops where there is no preview", async () => {
  const shown = [];
  const answers = [
    { status: 200, ok: true, json: async () => ({ ok: false, problems: [["a.md:1", "bad"]] }) },
    { status: 200, ok: true, json: async () => ({ ok: true, problems: [] }) },
    { status: 404, ok: false },
  ];
  let asked = 0;
  await new Promise((done) => {
    watchBuild("build-status.json", (lines) => shown.push(lines), PAGE_WORDS, {
      fetchFn: async () => answers[asked++],
      timer: (again) => setImmediate(again),
    });
    setTimeout(done, 50);
  });
  assert.equal(asked, 3); // the 404 ended it
  assert.deepEqual(shown, [[PAGE_WORDS.build_failed, "a.md:1: bad", PAGE_WORDS.fix_and_save], null]);
});
