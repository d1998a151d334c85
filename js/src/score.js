// lunr's own relevance score, for the few documents a search has already chosen. index.query() would compute it
// for every document that has one of the terms and build match data for each: 25-50 ms for a common Lao word
// over 10,000 articles, most of a query's time. This gives the same number (tests/score.test.mjs holds it to
// index.query) for plain terms: boost 1, every field, no wildcard, no edit distance.

/** Scores and lookups over a loaded lunr.Index (lunr 2.3). Terms are index terms: after the search pipeline. */
export function createScorer(index) {
  const { invertedIndex, fieldVectors, fields } = index;
  const posting = (term) => (Object.prototype.hasOwnProperty.call(invertedIndex, term) ? invertedIndex[term] : null);

  return {
    /** Whether `term` is in the index. */
    has(term) {
      return posting(term) !== null;
    },

    /** Refs (ascending numbers) of the documents that have `term` in any field. */
    documents(term) {
      const p = posting(term);
      if (!p) return [];
      const refs = new Set();
      for (const field of fields) for (const ref in p[field]) refs.add(Number(ref));
      return [...refs].sort((a, b) => a - b);
    },

    /** Whether document `ref` has `term` in `field` (any field if none is given). */
    occurs(term, ref, field) {
      const p = posting(term);
      return Boolean(p) && (field ? ref in p[field] : fields.some((f) => ref in p[f]));
    },

    /**
     * lunr's score of document `ref` for a query of `terms` (one clause each, repeats count twice): the sum over
     * fields of the query vector's dot product with the field's vector, over the query vector's length.
     */
    score(ref, terms) {
      const counts = new Map();
      for (const term of terms) {
        const p = posting(term);
        if (p) counts.set(p, (counts.get(p) || 0) + 1);
      }
      if (!counts.size) return 0;
      let length = 0;
      for (const c of counts.values()) length += c * c;
      let dot = 0;
      for (const field of fields) {
        let vector = null;
        for (const [p, c] of counts) {
          if (!(ref in p[field])) continue;
          vector = vector || fieldVectors[`${field}/${ref}`];
          dot += c * valueAt(vector.elements, p._index);
        }
      }
      return dot / Math.sqrt(length);
    },
  };
}

// The value of a lunr.Vector's element `index`; elements are [index, value, index, value...] sorted by index.
function valueAt(elements, index) {
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = elements[mid * 2];
    if (at === index) return elements[mid * 2 + 1];
    if (at < index) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}
