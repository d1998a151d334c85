// What the editor saves, checked before Decap CMS writes it (its backend's persistEntry, wrapped in admin.js):
//
// - Decap writes a file for every language whose pane holds any value, and copies the fields shared by every
//   language (dates, slug, files) into each pane: editing a Lao-only item would write an English file holding
//   those alone, which the build rejects. A file of another language than the original's without a word of its
//   own (no title, summary, tags... or text) is not a translation: it is not written.
// - Decap checks the required fields of the pane on the left only: every file written must have them.
// - Decap knows the slugs of the items it lists, by their original's file; a new item must not take the slug of
//   one it does not list (an item only in English), or the two would share files.
import { fill } from "../results.js";
import { parse, textOf } from "./format.js";

const LANGUAGE = /\.([^./]+)\.[^./]+$/; // content/news/<slug>.<lang>.md

/** (kind, language) of a content file's path. */
export function placeOf(path) {
  const parts = path.split("/");
  return { kind: parts.at(-2), lang: LANGUAGE.exec(path)?.[1] };
}

/**
 * The files to write of those Decap would (``files``: [{path, slug, raw}]), and the problems that stop the save.
 * ``page``: what the editor's page says of the schema (plugins/editor/config.py, page_data).
 */
export function checkFiles(files, page, newEntry = false) {
  const kept = [];
  const problems = [];
  for (const file of files) {
    if (!file.path.endsWith(".md")) {
      kept.push(file); // a text read by machine beside a scan: plain text, no fields
      continue;
    }
    const { kind, lang } = placeOf(file.path);
    const data = parse(file.raw, page.fields);
    const own = page.translated.some((name) => textOf(name === "body" ? data.body.trim() : data[name]));
    if (lang !== page.original && !own) continue; // no translation yet: nothing to write
    kept.push(file);
    const rules = page.kinds[kind];
    if (!rules) continue;
    const missing = rules.required.filter((name) => !textOf(data[name]));
    if (missing.length) {
      problems.push(`${file.path}: ${fill(page.words.missing, { fields: missing.join(", ") })}`);
    }
    if (newEntry && rules.unlisted.includes(file.slug)) {
      problems.push(`${file.path}: ${fill(page.words.slug_taken, { slug: file.slug })}`);
    }
  }
  return { files: kept, problems };
}

/** ``implementation`` (a Decap backend) whose persistEntry writes only what checkFiles keeps, or refuses. */
export function guarded(implementation, page) {
  return new Proxy(implementation, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name !== "persistEntry") return typeof value === "function" ? value.bind(target) : value;
      return async (entry, options = {}) => {
        const { files, problems } = checkFiles(entry.dataFiles ?? [entry], page, Boolean(options.newEntry));
        if (problems.length) throw new Error(problems.join("\n"));
        return target.persistEntry({ ...entry, dataFiles: files }, options);
      };
    },
  });
}
