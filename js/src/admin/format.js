// The archive's Markdown files as the web editor reads and writes them: `Key: value` lines at the top, a blank
// line, then the body, as Pelican reads them (Python-Markdown's meta extension; plugins/archive/metadata.py reads
// them the same way, line for line) rather than the YAML front matter Decap CMS writes by default.
//
// A file is written back as it was wherever its values did not change: each unchanged field keeps its line as
// written (the key's case, its spacing, continuation lines), the fields keep their order, and an unchanged body
// is left byte for byte. So an edit shows in `git diff` as the lines the editor changed, nothing else.

// Python-Markdown's patterns (markdown/extensions/meta.py).
const META = /^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$/;
const META_MORE = /^[ ]{4,}(.*)$/;
const BEGIN = /^-{3}(\s.*)?$/;
const END = /^(-{3}|\.{3})(\s.*)?$/;

// Where the file as read is kept in the entry's data, beside the fields: not a field, never written out.
export const SOURCE = "_archive_source";

const LIST_TYPES = new Set(["list", "tags", "files"]); // schema types whose value is a comma-separated list

/** The items of a comma-separated value, as the build splits them (schema.split_list). */
export function splitList(text) {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** One line's worth of text: what an editor typed on several lines is one value (Pelican would join them). */
function oneLine(text) {
  return String(text)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
}

/** A field's value as the text of its line: lists joined with ", ", numbers as digits, the rest trimmed. */
export function textOf(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(oneLine).filter(Boolean).join(", ");
  return oneLine(value);
}

/** The lines of ``text``, each with its own line end (\n, \r\n or a lone \r, as Python-Markdown reads them). */
function splitLines(text) {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** A line as Python-Markdown's patterns see it: no line end, tabs expanded to every fourth column. */
function seen(line) {
  let out = "";
  for (const char of line.replace(/\r?\n$|\r$/, "")) {
    out += char === "\t" ? " ".repeat(4 - (out.length % 4)) : char;
  }
  return out;
}

/**
 * A file's text as the editor's data: {Name: value, body, [SOURCE]: what was read}. ``fields`` is
 * {Name: type} of the schema (lists become arrays); a key is matched to its field whatever its case.
 */
export function parse(text, fields) {
  const byKey = new Map(Object.keys(fields).map((name) => [name.toLowerCase(), name]));
  const bom = text.startsWith("\ufeff") ? "\ufeff" : ""; // Pelican skips it; the file keeps it
  const lines = splitLines(text.slice(bom.length));
  const source = { start: bom, header: [], end: "", body: "" };
  let n = 0;
  if (lines.length && BEGIN.test(seen(lines[0]))) source.start += lines[n++];
  let last = null;
  for (; n < lines.length; n++) {
    const line = seen(lines[n]);
    if (line.trim() === "" || END.test(line)) {
      source.end = lines[n++];
      break;
    }
    const first = META.exec(line);
    const more = META_MORE.exec(line);
    if (first) {
      const key = first[1].toLowerCase();
      last = { name: byKey.get(key) ?? first[1], value: first[2].trim(), text: lines[n] };
      source.header.push(last);
    } else if (more && last) {
      last.value = `${last.value} ${more[1].trim()}`.trim();
      last.text += lines[n];
    } else {
      break; // not metadata: the body starts here
    }
  }
  source.body = lines.slice(n).join("");
  const data = {};
  for (const { name, value } of source.header) {
    if (name in data) continue; // written twice: the first wins, as in Pelican (the build reports it)
    data[name] = LIST_TYPES.has(fields[name]) ? splitList(value) : value;
  }
  data.body = source.body;
  data[SOURCE] = source;
  return data;
}

function same(value, written) {
  return textOf(value) === textOf(Array.isArray(value) ? splitList(written) : written);
}

/**
 * The editor's data as a file's text. ``order``: the field names in the order a new file lists them. A field
 * read from the file and not changed is written as it was; a changed one as ``Name: value``; an emptied one is
 * left out; a new one goes after those the file had, in ``order``.
 */
export function serialize(data, order) {
  const source = data[SOURCE] ?? { start: "", header: [], end: "", body: null };
  const out = [source.start];
  const written = new Set();
  const eol = /\r\n|\r|\n/.exec(source.header[0]?.text ?? "")?.[0] ?? "\n"; // new lines end as the file's do
  const ended = (text) => (/[\r\n]$/.test(text) ? text : text + eol);
  for (const { name, value, text } of source.header) {
    if (written.has(name)) {
      out.push(text); // a second line of the same key: kept for the build to report, not silently dropped
      continue;
    }
    written.add(name);
    if (!(name in data)) {
      out.push(text); // a key the editor does not know (a misspelt field): kept, the build names it
    } else if (same(data[name], value)) {
      out.push(ended(text));
    } else if (textOf(data[name])) {
      out.push(`${name}: ${textOf(data[name])}${eol}`);
    }
  }
  for (const name of order) {
    if (!written.has(name) && name !== "body" && textOf(data[name])) {
      out.push(`${name}: ${textOf(data[name])}${eol}`);
      written.add(name);
    }
  }
  const body = data.body ?? "";
  if (source.body !== null && body === source.body) {
    out.push(source.end, body);
  } else {
    const text = body.replace(/\r\n?/g, "\n").replace(/\s+$/, "").replaceAll("\n", eol);
    out.push(source.end || eol, text ? text + eol : "");
  }
  return out.join("");
}
