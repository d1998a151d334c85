// The web editor's additions to Decap CMS: the archive's file format, the Lang and Translation widgets, a preview in
// the site's style for every kind, and, under `make edit`, the preview's build problems after each save; what it
// saves is checked first (persist.js). What the page passes (data-* of this script's tag): what the schema says of
// fields and kinds, the site's stylesheet.
//
// admin/index.html loads this before decap-cms.js, which then waits (CMS_MANUAL_INIT) for init() below. Left to
// start itself, Decap reads config.yml and makes its backend while this script may still be downloading: the
// checks of what it saves would then be missing (seen in the browser tests, one run in two, once the page had its
// Content-Security-Policy).
import { parse, serialize } from "./format.js";
import { guarded } from "./persist.js";
import { previewTemplate } from "./preview.js";
import { banner, watchBuild } from "./status.js";
import { widgets } from "./widgets.js";

const script = document.currentScript;
window.CMS_MANUAL_INIT = true;
document.addEventListener("DOMContentLoaded", () => start(window.CMS, JSON.parse(script.dataset.editor)));

/** Decap with the archive's additions, started. ``page``: plugins/editor/config.py, page_data. */
function start(CMS, page) {
  const { fields } = page;
  CMS.registerCustomFormat("archive-markdown", "md", {
    fromFile: (text) => parse(text, fields),
    toFile: (data, order) => serialize(data, order),
  });
  // The text read by machine beside a page scan (plugins/editor/config.py, machine_texts): all of it one field.
  CMS.registerCustomFormat("archive-text", "txt", {
    fromFile: (text) => ({ body: text }),
    toFile: (data) => (data.body ?? "").replace(/\r\n/g, "\n"),
  });
  const { language, translation } = widgets(window.h, window.createClass);
  CMS.registerWidget("archive-language", language);
  CMS.registerWidget("archive-translation", translation);
  CMS.registerPreviewStyle(new URL(script.dataset.style, document.baseURI).href);
  const preview = previewTemplate(window.h, window.createClass);
  for (const kind of Object.keys(page.kinds)) CMS.registerPreviewTemplate(kind, preview);
  // Decap's own backends (its registry names): whichever the configuration names, what it saves is checked first.
  const BACKENDS = ["proxy", "github", "gitlab", "gitea", "bitbucket", "azure", "git-gateway", "test-repo"];
  for (const backend of BACKENDS.map((name) => CMS.getBackend(name)).filter(Boolean)) {
    // Decap makes its backend once init() below has read the configuration.
    const init = backend.init;
    backend.init = (...args) => guarded(init(...args), page);
  }
  watchBuild(new URL("build-status.json", document.baseURI).href, banner(document), page.words);
  CMS.init();
}
