import assert from "node:assert/strict";
import { test } from "node:test";
import { digits, numbers, postings, reader, refSet } from "../src/codec.js";

test("numbers: five bits a character, lowest first, the sixth saying more follow", () => {
  assert.deepEqual(numbers("ABf"), [0, 1, 31]); // A=0, B=1, f=31
  assert.deepEqual(numbers("gB"), [32]); // g = 32 + 0 (more), then B = 1 -> 0 + 1 * 32
  assert.deepEqual(numbers(""), []);
});

test("a list of article numbers is the gaps between them", () => {
  assert.deepEqual(refSet("DAE"), [3, 4, 9]);
  assert.deepEqual(refSet(""), []);
});

test("a bitmap after ! holds an article per bit, lowest bit first in each byte", () => {
  // bytes 0x05 0x80 -> articles 0, 2 and 15: base64url of [5, 128] is "BYA"
  assert.deepEqual(refSet("!BYA"), [0, 2, 15]);
  assert.deepEqual(
    refSet("!____"),
    Array.from({ length: 24 }, (_, i) => i),
  );
});

test("postings: how many, their gaps, then their weights", () => {
  assert.deepEqual(postings("CAEofwrkC"), { refs: [0, 5], weights: [1000, 70000] });
  assert.deepEqual(postings(""), { refs: [], weights: [] });
});

test("damaged data say so", () => {
  assert.throws(() => numbers("g"), /runs past the end/);
  assert.throws(() => numbers("A.B"), /unexpected character/);
  assert.throws(() => postings("CAEofwrkCA"), /longer than it says/);
  assert.throws(() => reader("é").next(), /unexpected character/);
});

test("a table of small numbers is a character each", () => {
  assert.deepEqual(digits("ABf_"), [0, 1, 31, 63]);
});
