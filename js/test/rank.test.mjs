import assert from "node:assert/strict";
import { test } from "node:test";
import { difference, intersect, union } from "../src/lists.js";
import { lengthOf, presence, rank } from "../src/rank.js";

const meta = (ref) => ({ kind: "news", year: "2024", ref });

test("articles rank by the summed weights of the query's terms, then the newer first", () => {
  const terms = [
    { refs: [1, 2, 4], weights: [500, 900, 500] },
    { refs: [4], weights: [100] },
  ];
  assert.deepEqual(
    rank([0, 1, 2, 4], terms, meta).map((r) => [r.ref, r.score]),
    [
      [2, 900],
      [4, 600],
      [1, 500],
      [0, 0],
    ],
  );
});

test("holding a Lao query weighs more in a short article than in a long one", () => {
  // Articles 0 and 1 of a hundred terms or so, 2 of thousands: levels are characters of the entry's lengths.
  const weigh = presence("YYw", 3);
  assert.ok(lengthOf(24) < 300 && lengthOf(48) > 1000);
  assert.equal(weigh(0), weigh(1));
  assert.ok(weigh(0) > weigh(2));
  assert.deepEqual(
    rank([0, 1, 2], [], meta, weigh).map((r) => r.ref),
    [1, 0, 2],
  );
});

test("rising lists meet and part", () => {
  assert.deepEqual(intersect([1, 3, 5, 7], [3, 4, 5]), [3, 5]);
  assert.deepEqual(difference([1, 3, 5, 7], [3, 4, 5]), [1, 7]);
});

test("rising lists join", () => {
  assert.deepEqual(union([1, 3, 5], [2, 3, 8]), [1, 2, 3, 5, 8]);
  assert.deepEqual(union([], [4]), [4]);
});
