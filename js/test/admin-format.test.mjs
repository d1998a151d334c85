// The web editor's file format (js/src/admin/format.js): it reads a content file as the build does, and writes
// back what it read unchanged wherever the editor changed nothing.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parse, SOURCE, serialize } from "../src/admin/format.js";
import { PYTHON } from "./python.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const FIELDS = JSON.parse(
  execFileSync(
    PYTHON,
    ["-c", "import json; from archive.schema import FIELDS; print(json.dumps({f.name: f.type.name for f in FIELDS}))"],
    {
      cwd: root,
      env: { ...process.env, PYTHONPATH: path.join(root, "plugins") },
    },
  ).toString(),
);
const ORDER = [...Object.keys(FIELDS), "body"];

function markdownFiles(folder) {
  return fs
    .readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(folder, name));
}

const ODD = [
  "Title: CRLF line ends\r\nDate: 2024-01-02\r\n\r\nBody\r\n",
  "\ufeffTitle: A byte-order mark\nDate: 2024-01-02\n\nBody\n",
  "---\nTitle: Front matter\nDate: 2024-01-02\n---\nBody\n",
  "title: lower-case keys\ndate: 2024-01-02\nSUMMARY: shouting\n\nBody\n",
  "Title: A summary over lines\nSummary: one\n    two\n      three\nDate: 2024-01-02\n\nBody\n",
  "Title:    spaced   \nTags:  a ,b,,  c \n\nBody\n",
  "Title: No body\nDate: 2024-01-02\n",
  "Title: Twice\nTitle: again\nUnknown_Field: kept\n\nBody\n",
  "Title: Body with no blank line\nnot metadata\n",
  "Title: Tabs\nSummary: one\n\ttwo\nDate:\t2024-01-02\n\nBody\n",
  "Title: Old Mac line ends\rDate: 2024-01-02\r\rBody\r",
  "Title: Spaces on the blank line\n   \nBody\n",
  "Title: A tab on the blank line\n\t\nBody\n",
];

test("every content file and fixture reads and writes back byte for byte", () => {
  const files = [...markdownFiles(path.join(root, "content")), ...markdownFiles(path.join(root, "tests", "fixtures"))];
  assert.ok(files.length > 40, `only ${files.length} files found`);
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    assert.equal(serialize(parse(text, FIELDS), ORDER), text, file);
  }
  for (const text of ODD) assert.equal(serialize(parse(text, FIELDS), ORDER), text);
});

test("the values read are the build's (plugins/archive/metadata.py), lists split as the schema splits them", () => {
  const script = `
import json, sys
from archive.metadata import read_source
print(json.dumps([read_source(t).meta for t in json.load(sys.stdin)]))`;
  const built = JSON.parse(
    execFileSync(PYTHON, ["-c", script], {
      cwd: root,
      input: JSON.stringify(ODD),
      env: { ...process.env, PYTHONPATH: path.join(root, "plugins") },
    }).toString(),
  );
  ODD.forEach((text, i) => {
    const data = parse(text, FIELDS);
    for (const [key, value] of Object.entries(built[i])) {
      const name = Object.keys(data).find((n) => n.toLowerCase() === key);
      const ours = Array.isArray(data[name]) ? data[name].join(", ") : data[name];
      const theirs =
        FIELDS[name] === "tags"
          ? value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
              .join(", ")
          : value;
      assert.equal(ours, theirs, `${JSON.stringify(text)}: ${key}`);
    }
  });
});

test("changing one field rewrites its line only; the body and every other line stay as written", () => {
  const text = "title: Old title\nSummary: one\n    two\nTags:  a ,b\nDate: 2024-01-02\n\nThe  body,\nas written.\n";
  const data = parse(text, FIELDS);
  assert.deepEqual(data.Tags, ["a", "b"]);
  assert.equal(
    serialize({ ...data, Title: "New title" }, ORDER),
    "Title: New title\nSummary: one\n    two\nTags:  a ,b\nDate: 2024-01-02\n\nThe  body,\nas written.\n",
  );
  assert.equal(
    serialize({ ...data, Tags: ["a", "b", "c"] }, ORDER),
    "title: Old title\nSummary: one\n    two\nTags: a, b, c\nDate: 2024-01-02\n\nThe  body,\nas written.\n",
  );
  assert.equal(
    serialize({ ...data, body: "New body.\n\n" }, ORDER),
    "title: Old title\nSummary: one\n    two\nTags:  a ,b\nDate: 2024-01-02\n\nNew body.\n",
  );
});

test("a file with Windows line ends gets them on the lines the editor writes too", () => {
  const data = parse("Title: T\r\nDate: 2024-01-02\r\n\r\nBody\r\n", FIELDS);
  assert.equal(
    serialize({ ...data, Author: "X", body: "New\nbody" }, ORDER),
    "Title: T\r\nDate: 2024-01-02\r\nAuthor: X\r\n\r\nNew\r\nbody\r\n",
  );
});

test("an emptied field is left out, a new one follows those the file had", () => {
  const data = parse("Title: T\nAuthor: X\nDate: 2024-01-02\n\nBody\n", FIELDS);
  assert.equal(
    serialize({ ...data, Author: "", Cover: "images/a.png" }, ORDER),
    "Title: T\nDate: 2024-01-02\nCover: images/a.png\n\nBody\n",
  );
});

test("a new file lists its fields in the schema's order, one line each, then a blank line and the body", () => {
  const data = {
    body: "ເນື້ອໃນ.\r\n",
    Tags: ["ລັດດິຈິຕອນ", " ບໍລິການລັດ "],
    Title: "ຫົວຂໍ້",
    Summary: "line one\nline two",
    Lang: "lo",
    Date: "2026-11-02",
    Author: "",
    Journal_Issue: 14,
  };
  assert.equal(
    serialize(data, ORDER),
    "Title: ຫົວຂໍ້\nDate: 2026-11-02\nLang: lo\nTags: ລັດດິຈິຕອນ, ບໍລິການລັດ\nSummary: line one line two\nJournal_Issue: 14\n\nເນື້ອໃນ.\n",
  );
  assert.ok(!(SOURCE in data));
});
