import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import balloons, {
  BALLOON_COUNT,
  STATIC_BALLOON_COUNT,
  RISE_MS,
  STATIC_MS,
  balloonSpecs,
  prefersReducedMotion,
} from "../balloons.js";

const NOW = 1_700_000_000_000;


const launch = (uid, expires_at = NOW + 5000) => ({ uid, expires_at });

// A fresh page (so a fresh page-global "seen" set) with fake time.
// `reduced` stubs matchMedia, which jsdom does not implement.
function page(t, { reduced } = {}) {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: NOW });
  const { window } = new JSDOM("<!doctype html><head></head><body></body>");
  if (reduced !== undefined) {
    window.matchMedia = (q) => ({ matches: reduced && q === "(prefers-reduced-motion: reduce)" });
  }
  const { document } = window;
  const view = (model) => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    return { el, cleanup: balloons.render({ model, el }) };
  };
  const overlays = () => [...document.querySelectorAll(".nbfrag-balloons")];
  return { window, document, view, overlays };
}

test("a fresh launch adds one overlay of balloons over the page", (t) => {
  const { document, view, overlays } = page(t);
  const { el } = view(new FakeModel({ launches: [launch("a")] }));

  assert.equal(el.childElementCount, 0);
  assert.equal(overlays().length, 1);
  const [overlay] = overlays();
  assert.equal(overlay.parentElement, document.body);
  assert.equal(overlay.classList.contains("nbfrag-static"), false);
  assert.equal(overlay.getAttribute("aria-hidden"), "true");
  const items = overlay.querySelectorAll(".nbfrag-balloon");
  assert.equal(items.length, BALLOON_COUNT);
  for (const b of items) {
    assert.match(b.style.animationDuration, /^\d+(\.\d+)?s$/);
    assert.ok(b.querySelector(".nbfrag-balloon-body").style.color);
  }

  const css = document.querySelector("head style").textContent;
  assert.match(css, /\.nbfrag-balloons\s*\{[^}]*pointer-events:\s*none/);
  assert.match(css, /@keyframes nbfrag-balloon-rise/);
  assert.match(css, /prefers-reduced-motion/);
});

test("expired or already-seen launches do nothing", (t) => {
  const { view, overlays } = page(t);
  const model = new FakeModel({ launches: [launch("old", NOW - 1), launch("edge", NOW)] });
  view(model);
  assert.equal(overlays().length, 0);

  model.set("launches", [launch("a")]);
  assert.equal(overlays().length, 1);
  // A second view and a re-render of the same model replay nothing...
  view(model);
  view(model).cleanup();
  // ...nor does another widget carrying the same uid.
  view(new FakeModel({ launches: [launch("a", NOW + 60_000)] }));
  assert.equal(overlays().length, 1);

  // Each new launch the app draws plays once, even with several views.
  model.set("launches", [launch("a"), launch("b")]);
  assert.deepEqual(overlays().map((o) => o.dataset.uid), ["a", "b"]);
});

test("the overlay is removed after the animation", (t) => {
  const { view, overlays } = page(t);
  view(new FakeModel({ launches: [launch("a")] }));
  t.mock.timers.tick(RISE_MS - 1);
  assert.equal(overlays().length, 1);
  t.mock.timers.tick(1);
  assert.equal(overlays().length, 0);
});

test("cleaning up the view does not break a launch in flight", (t) => {
  const { view, overlays } = page(t);
  const model = new FakeModel({ launches: [launch("a")] });
  const { cleanup } = view(model);
  t.mock.timers.tick(1000);
  cleanup();
  assert.equal(model.listenerCount("change:launches"), 0);
  assert.equal(overlays()[0].querySelectorAll(".nbfrag-balloon").length, BALLOON_COUNT);
  t.mock.timers.tick(RISE_MS - 1000);
  assert.equal(overlays().length, 0);
  // The gone view ignores later launches.
  model.set("launches", [launch("b")]);
  assert.equal(overlays().length, 0);
});

test("prefers-reduced-motion gets a short static burst", (t) => {
  const { window, view, overlays } = page(t, { reduced: true });
  assert.equal(prefersReducedMotion(window), true);
  view(new FakeModel({ launches: [launch("a")] }));
  const [overlay] = overlays();
  assert.ok(overlay.classList.contains("nbfrag-static"));
  const items = overlay.querySelectorAll(".nbfrag-balloon");
  assert.equal(items.length, STATIC_BALLOON_COUNT);
  assert.ok(STATIC_BALLOON_COUNT < BALLOON_COUNT);
  for (const b of items) assert.equal(b.style.animationDuration, "", "no rise");
  t.mock.timers.tick(STATIC_MS);
  assert.equal(overlays().length, 0);
});

test("prefersReducedMotion is false where unknown", () => {
  assert.equal(prefersReducedMotion(undefined), false);
  assert.equal(prefersReducedMotion({}), false);
  assert.equal(prefersReducedMotion({ matchMedia: () => ({ matches: false }) }), false);
  assert.equal(prefersReducedMotion({ matchMedia: () => { throw new Error("x"); } }), false);
});

test("the stylesheet is injected once per document", (t) => {
  const { document, view } = page(t);
  view(new FakeModel({ launches: [launch("a"), launch("b")] }));
  view(new FakeModel({ launches: [launch("c")] }));
  assert.equal(document.querySelectorAll(".nbfrag-balloons").length, 3);
  assert.equal(document.querySelectorAll("style").length, 1);
});

test("balloonSpecs stays on screen and finishes within RISE_MS", () => {
  for (const r of [0, 0.5, 0.999999]) {
    const specs = balloonSpecs(BALLOON_COUNT, { random: () => r });
    assert.equal(specs.length, BALLOON_COUNT);
    for (const s of specs) {
      assert.ok(s.left >= 0 && s.left <= 100, `left ${s.left}`);
      assert.ok((s.delay + s.duration) * 1000 <= RISE_MS, "ends before removal");
      assert.match(s.color, /^#[0-9a-f]{6}$/);
    }
    for (const s of balloonSpecs(STATIC_BALLOON_COUNT, { reduced: true, random: () => r })) {
      assert.ok(s.top >= 0 && s.top <= 100);
      assert.equal(s.duration, undefined);
    }
  }
  // Spread across the width: the slots cover both edges of the viewport.
  const lefts = balloonSpecs(BALLOON_COUNT).map((s) => s.left);
  assert.ok(Math.min(...lefts) < 5 && Math.max(...lefts) > 95);
});
