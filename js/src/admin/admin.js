// The web editor's additions to Decap CMS (admin/index.html loads this after decap-cms.js): the archive's file
// format, the Lang and Translation widgets, a preview in the site's style for every kind, and, under `make edit`,
// the preview's build problems after each save. What the page passes (data-* of this script's tag): the schema's
// fields and their types, the kinds, the site's stylesheet.
import { parse, serialize } from "./format.js";
import { previewTemplate } from "./preview.js";
import { banner, watchBuild } from "./status.js";
import { widgets } from "./widgets.js";

const script = document.currentScript;
const CMS = window.CMS;
const fields = JSON.parse(script.dataset.fields);
const kinds = JSON.parse(script.dataset.kinds);

CMS.registerCustomFormat("archive-markdown", "md", {
  fromFile: (text) => parse(text, fields),
  toFile: (data, order) => serialize(data, order),
});
const { language, translation } = widgets(window.h, window.createClass);
CMS.registerWidget("archive-language", language);
CMS.registerWidget("archive-translation", translation);
CMS.registerPreviewStyle(new URL(script.dataset.style, document.baseURI).href);
const preview = previewTemplate(window.h, window.createClass);
for (const kind of kinds) CMS.registerPreviewTemplate(kind, preview);
watchBuild(new URL("build-status.json", document.baseURI).href, banner(document));
