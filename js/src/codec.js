// Lists of article numbers and weights, as plugins/lao_search/codec.py writes them into the search data: 64
// characters (base64url's), each carrying five bits of a number and a flag saying that more follow; rising
// article numbers as the gaps between them, or a bitmap after a "!".
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const MORE = 32;

function digit(text, at) {
  const code = text.charCodeAt(at);
  const value = code < 128 ? VALUE[code] : -1;
  if (value < 0) throw new Error(`search data: unexpected character ${JSON.stringify(text[at])} at ${at}`);
  return value;
}

/** A reader of the numbers in `text`, one after the other. */
export function reader(text, start = 0) {
  let at = start;
  return {
    get done() {
      return at >= text.length;
    },
    next() {
      let value = 0;
      let shift = 1;
      for (;;) {
        if (at >= text.length) throw new Error("search data: a number runs past the end of its list");
        const d = digit(text, at++);
        value += (d & (MORE - 1)) * shift;
        if (!(d & MORE)) return value;
        shift *= MORE;
      }
    },
  };
}

/** The value (0-63) of each character of `text`: a table of small numbers, one character each. */
export function digits(text) {
  return Array.from({ length: text.length }, (_, i) => digit(text, i));
}

/** Every number of `text`. */
export function numbers(text) {
  const out = [];
  const r = reader(text);
  while (!r.done) out.push(r.next());
  return out;
}

/** Rising article numbers: from their gaps (the first from -1), or from a bitmap after "!". */
export function refSet(text) {
  if (!text) return [];
  if (text[0] === "!") return bitmapRefs(text.slice(1));
  const out = [];
  let previous = -1;
  const r = reader(text);
  while (!r.done) {
    previous += r.next() + 1;
    out.push(previous);
  }
  return out;
}

// Base64 (url-safe, unpadded) of bytes in which bit k of byte n stands for article 8n + k.
function bitmapRefs(text) {
  const out = [];
  let bits = 0;
  let held = 0;
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    bits = ((bits << 6) | digit(text, i)) & 0xfff; // base64 reads six bits a character, highest first
    held += 6;
    if (held >= 8) {
      held -= 8;
      const value = (bits >> held) & 0xff;
      for (let k = 0; k < 8; k++) if (value & (1 << k)) out.push(byte * 8 + k);
      byte++;
    }
  }
  return out;
}

/** {refs, weights} of a postings list: how many, their gaps, then the weights. */
export function postings(text) {
  if (!text) return { refs: [], weights: [] };
  const r = reader(text);
  const count = r.next();
  const refs = new Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    previous += r.next() + 1;
    refs[i] = previous;
  }
  const weights = new Array(count);
  for (let i = 0; i < count; i++) weights[i] = r.next();
  if (!r.done) throw new Error("search data: a postings list is longer than it says");
  return { refs, weights };
}
