// Gathers one language's search data as its scripts arrive: index.js names the docs-N.js parts, each of those
// holds a slice of the documents. Pure: the page says what to load, this says what is still missing.
export const FORMAT = 1; // plugins/lao_search/index.py's FORMAT

export function createCollector(lang) {
  const received = new Set();
  const docs = [];
  let index = null;
  let count = 0;
  let names = [];
  return {
    /** Takes one part; returns the names of the parts it asks for that have not come yet. */
    add(part) {
      if (!part || part.format !== FORMAT) throw new Error(`search data of format ${part && part.format}; expected ${FORMAT}`);
      if (part.lang !== lang) throw new Error(`search data for "${part.lang}" on a page in "${lang}"`);
      if (received.has(part.part)) return [];
      received.add(part.part);
      if (part.part === "index") {
        ({ index, count } = part);
        names = [...part.docParts];
        return names.filter((name) => !received.has(name));
      }
      part.docs.forEach((doc, i) => { docs[part.start + i] = doc; });
      return [];
    },
    has(name) {
      return received.has(name);
    },
    get complete() {
      return index !== null && names.every((name) => received.has(name));
    },
    /** {index, docs} once complete; throws if the parts did not hold every document the index counts. */
    data() {
      for (let ref = 0; ref < count; ref++) {
        if (!docs[ref]) throw new Error(`search data lack document ${ref} of ${count}`);
      }
      return { index, docs: docs.slice(0, count) };
    },
  };
}
