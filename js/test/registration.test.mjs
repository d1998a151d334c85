import assert from "node:assert/strict";
import { test } from "node:test";
import { registrationState } from "../src/registration.js";

for (const [deadline, now, expected] of [
  ["2027-01-15", new Date(2027, 0, 15, 0, 0), "open"],
  ["2027-01-15", new Date(2027, 0, 15, 23, 59, 59, 999), "open"], // the whole deadline day
  ["2027-01-15", new Date(2027, 0, 16, 0, 0), "closed"],
  ["2024-04-15", new Date(2026, 10, 25), "closed"],
  ["2024-12-31", new Date(2024, 11, 31, 12), "open"],
  ["2024-12-31", new Date(2025, 0, 1), "closed"],
  ["2024-02-29", new Date(2024, 1, 29, 20), "open"],
  [" 2024-02-29 ", new Date(2024, 2, 1), "closed"],
  ["2024-02-30", new Date(2024, 0, 1), null], // no such day
  ["2024-2-3", new Date(2024, 0, 1), null],
  ["", new Date(2024, 0, 1), null],
  ["soon", new Date(2024, 0, 1), null],
]) {
  test(`deadline ${JSON.stringify(deadline)} at ${now.toString().slice(0, 24)}`, () => {
    assert.equal(registrationState(deadline, now), expected);
  });
}
