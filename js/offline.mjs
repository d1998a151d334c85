// Makes the published site's service worker: node js/offline.mjs OUTPUT SITE_JSON [--minify]
// Run by plugins/assets once Pelican has written every file of OUTPUT (ASSETS_OFFLINE, publishconf.py).
// 1. esbuild bundles js/src/offline/worker.js with Workbox's modules into one classic script, with SITE_JSON (the
//    site's layout: each language's folder, offline page and search data, the theme's static folder, the worker's
//    name…; js/src/offline/rules.js) in place of ARCHIVE_SITE;
// 2. workbox-build's injectManifest writes it as OUTPUT/<site.worker> (sw.js), with the shell in place of self.__WB_MANIFEST: the
//    stylesheet, the two scripts, the Lao font, each language's offline page and search entry, each with its
//    revision (files whose names carry their content's hash need none).
// The output depends on the files only: the same site gives the same sw.js.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { shell } from "./src/offline/rules.js";

const USAGE = "usage: node js/offline.mjs OUTPUT SITE_JSON [--minify]";
const args = process.argv.slice(2);
const [output, siteJson, ...extra] = args.filter((a) => !a.startsWith("--"));
const flags = args.filter((a) => a.startsWith("--"));
if (!output || !siteJson || extra.length || flags.some((f) => f !== "--minify")) {
  console.error(USAGE);
  process.exit(2);
}
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const site = JSON.parse(siteJson);
const staging = fs.mkdtempSync(path.join(os.tmpdir(), "archive-worker-"));

try {
  const source = path.join(staging, "sw.js");
  await build({
    absWorkingDir: root,
    entryPoints: ["js/src/offline/worker.js"],
    outfile: source,
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: flags.includes("--minify"),
    define: { ARCHIVE_SITE: JSON.stringify(site), "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "warning",
  });
  const { warnings } = await injectManifest({
    swSrc: source,
    swDest: path.join(output, site.worker),
    globDirectory: output,
    globPatterns: shell(site),
    dontCacheBustURLsMatching: /\.[0-9a-f]{12}\.(css|js)$/, // fingerprinted names (plugins/assets)
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  for (const warning of warnings) console.error(`offline.mjs: ${warning}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}
