import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";

import { FLAKE_COUNT, STATIC_FLAKE_COUNT, FALL_MS, fallFresh, flakeSpecs } from "../snow.js";

const NOW = 1_700_000_000_000;

function doc(t) {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: NOW });
  return new JSDOM("<!doctype html><head></head><body></body>").window.document;
}

test("a fresh fall drops every flake over the page, once, and clears them afterwards", (t) => {
  const d = doc(t);
  const entries = [{ uid: "a", expires_at: NOW + 5000 }];
  fallFresh(d, entries, NOW, { reduced: false });
  fallFresh(d, entries, NOW, { reduced: false }); // the same entry again: not replayed
  const overlays = d.querySelectorAll(".nbfrag-snow");
  assert.equal(overlays.length, 1);
  assert.equal(overlays[0].querySelectorAll(".nbfrag-flake").length, FLAKE_COUNT);
  t.mock.timers.tick(FALL_MS);
  assert.equal(d.querySelectorAll(".nbfrag-snow").length, 0);
});

test("an expired fall is not played; reduced motion shows a few still flakes", (t) => {
  const d = doc(t);
  fallFresh(d, [{ uid: "old", expires_at: NOW - 1 }], NOW, { reduced: false });
  assert.equal(d.querySelectorAll(".nbfrag-snow").length, 0);
  fallFresh(d, [{ uid: "b", expires_at: NOW + 5000 }], NOW, { reduced: true });
  assert.equal(d.querySelectorAll(".nbfrag-flake").length, STATIC_FLAKE_COUNT);
});

test("every flake has landed by the time its overlay goes", () => {
  for (const s of flakeSpecs(200)) assert.ok((s.delay + s.duration) * 1000 <= FALL_MS);
});
