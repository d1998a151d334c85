// Bundles the front-end for the built site: node js/build.mjs OUTDIR [--minify]
// Writes OUTDIR/search.js (entry js/src/search-page.js), OUTDIR/site.js (entry js/src/site.js) and
// OUTDIR/admin.js (the web editor's additions to Decap CMS, entry js/src/admin/admin.js), classic
// scripts rather than modules, since Chromium refuses module scripts on a page opened from disk, and
// OUTDIR/style.css from theme/static/css/site.css (admin-style.css, the web editor's page's, from admin.css).
// Run by plugins/assets during the Pelican build. The output depends on the sources only: no timestamps, no
// source maps, paths in comments relative to the project.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const USAGE = "usage: node js/build.mjs OUTDIR [--minify]";
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const [outdir, ...extra] = args.filter((a) => !a.startsWith("--"));
const unknown = flags.filter((f) => f !== "--minify");
if (!outdir || extra.length || unknown.length) {
  console.error(unknown.length ? `unknown option ${unknown.join(", ")}; ${USAGE}` : USAGE);
  process.exit(2);
}
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  await build({
    absWorkingDir: root, // the same comments in the output whatever folder the build runs from
    entryPoints: {
      search: "js/src/search-page.js",
      site: "js/src/site.js",
      admin: "js/src/admin/admin.js",
      style: "theme/static/css/site.css",
      "admin-style": "theme/static/css/admin.css",
    },
    outdir: path.resolve(outdir),
    bundle: true,
    format: "iife",
    target: "es2020", // \p{...} in regular expressions needs es2018
    external: ["*.woff2", "*.woff"], // the font files are copied beside the stylesheet, not inlined
    minify: flags.includes("--minify"),
    sourcemap: false,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
