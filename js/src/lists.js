// Rising lists of article numbers, met, joined and parted; lists without repeats (tested in rank.test.mjs).

/** The numbers in both rising lists. */
export function intersect(a, b) {
  const out = [];
  let j = 0;
  for (const value of a) {
    while (j < b.length && b[j] < value) j++;
    if (j < b.length && b[j] === value) out.push(value);
  }
  return out;
}

/** The numbers of rising list `a` that are not in rising list `b`. */
export function difference(a, b) {
  const out = [];
  let j = 0;
  for (const value of a) {
    while (j < b.length && b[j] < value) j++;
    if (j >= b.length || b[j] !== value) out.push(value);
  }
  return out;
}

/** The union of two rising lists of numbers, rising. */
export function union(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      out.push(a[i++]);
      j++;
    }
  }
  return out;
}

/** `items` without repeats, in their first order. */
export function unique(items) {
  return [...new Set(items)];
}
