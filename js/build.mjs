// Bundles the browser modules into classic scripts for the built site: node js/build.mjs OUTDIR [--minify]
// (run by plugins/assets during the Pelican build). Classic, not modules: Chromium refuses module scripts on a
// page opened from disk.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [outdir, ...flags] = process.argv.slice(2);
if (!outdir) {
  console.error("usage: node js/build.mjs OUTDIR [--minify]");
  process.exit(2);
}
const src = path.join(path.dirname(fileURLToPath(import.meta.url)), "src");
await build({
  entryPoints: { search: path.join(src, "search-page.js"), site: path.join(src, "site.js") },
  outdir,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: flags.includes("--minify"),
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
});
