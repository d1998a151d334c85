// The build's Python side, for the tests that hold the browser to it: python_side.py run once per table.
// No tests here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CLOSE_SPELLINGS,
  FOLDINGS,
  MIXED,
  NEAR,
  NUMBERS,
  POSTINGS,
  SEGMENTED,
  SETS,
  SPELLINGS,
  STEM_EXTRA,
  TRIM,
  VOCABULARY,
} from "./tables.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// The project's virtual environment (make test sets it up), or the Python LAO_SEARCH_PYTHON names.
export const PYTHON = process.env.LAO_SEARCH_PYTHON || path.join(root, ".venv", "bin", "python");

export const TEXTS = [...SPELLINGS.map(([typed]) => typed), ...FOLDINGS.map(([typed]) => typed), ...MIXED];
// Every code point of the Lao block, between two consonants and alone: Python and the browser name some of them
// differently (their Unicode versions differ), and the rules must not care.
export const BLOCK = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x0e80 + i)).flatMap((c) => [
  `ກ${c}ກ`,
  c,
  `${c}ກ`,
  `ເ${c}`,
]);

/**
 * What the build makes of the shared tables, and of `sites` ({name: {lang, articles}}: the search data of each
 * is built into folder/<name>/); {built, folder}.
 */
export function pythonSide(sites = {}) {
  if (!fs.existsSync(PYTHON)) {
    throw new Error(
      `${PYTHON} is missing: the agreement tests run the build's Python side with it. Create the ` +
        "virtual environment (make test sets up .venv/) or set LAO_SEARCH_PYTHON to a Python that has pelican, " +
        "PyICU and lunr.",
    );
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "lao-search-test-"));
  // The tests read the folder until their process ends: it goes then, not before.
  process.once("exit", () => fs.rmSync(folder, { recursive: true, force: true }));
  const input = {
    texts: TEXTS,
    trim: TRIM,
    stem: STEM_EXTRA,
    segment: { words: VOCABULARY, texts: SEGMENTED },
    block: BLOCK,
    numbers: NUMBERS,
    sets: SETS,
    postings: POSTINGS,
    near: NEAR,
    closeSpellings: CLOSE_SPELLINGS,
    sites,
    folder,
  };
  const built = JSON.parse(
    execFileSync(PYTHON, [path.join(root, "js", "test", "python_side.py")], {
      input: JSON.stringify(input),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return { built, folder };
}
