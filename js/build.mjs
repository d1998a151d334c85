// Bundles the front-end for the built site: node js/build.mjs OUTDIR [--minify]
// Writes OUTDIR/search.js and OUTDIR/site.js (classic scripts, not modules: Chromium refuses module scripts on a
// page opened from disk) and OUTDIR/style.css. Run by plugins/assets during the Pelican build.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [outdir, ...flags] = process.argv.slice(2);
if (!outdir) {
  console.error("usage: node js/build.mjs OUTDIR [--minify]");
  process.exit(2);
}
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: {
    search: path.join(root, "js", "src", "search-page.js"),
    site: path.join(root, "js", "src", "site.js"),
    style: path.join(root, "theme", "static", "css", "site.css"),
  },
  outdir,
  bundle: true,
  format: "iife",
  target: "es2020",
  external: ["*.woff2", "*.woff"], // the font files are copied beside the stylesheet, not inlined
  minify: flags.includes("--minify"),
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
});
