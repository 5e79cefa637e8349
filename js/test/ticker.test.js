import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import ticker, { delayMs } from "../ticker.js";


function setup(t, state) {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const model = new FakeModel(state);
  const view = () => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    return { el, cleanup: ticker.render({ model, el }) };
  };
  return { model, view };
}

test("delayMs converts seconds and rejects what must not arm", () => {
  assert.equal(delayMs(1.5), 1500);
  assert.equal(delayMs(0), 0);
  assert.equal(delayMs(-3), 0);
  assert.equal(delayMs(-Infinity), 0);
  assert.equal(delayMs(NaN), null);
  assert.equal(delayMs(undefined), null);
  assert.equal(delayMs(null), null);
  assert.equal(delayMs(Infinity), null);
  // Beyond setTimeout's 32-bit limit a delay would wrap to ~0: clamp instead.
  assert.equal(delayMs(1e10), 2 ** 31 - 1);
});

test("arms after the interval and hides the widget", (t) => {
  const { model, view } = setup(t, { interval: 2, seq: 0 });
  const { el } = view();
  assert.equal(el.style.display, "none");
  t.mock.timers.tick(1999);
  assert.deepEqual(model.sent, []);
  t.mock.timers.tick(1);
  assert.deepEqual(model.sent, [{ event: "tick", seq: 0 }]);
});

test("sends exactly one tick, then waits for the kernel", (t) => {
  const { model, view } = setup(t, { interval: 1, seq: 7 });
  view();
  t.mock.timers.tick(1000);
  t.mock.timers.tick(60_000);
  assert.deepEqual(model.sent, [{ event: "tick", seq: 7 }]);
});

test("re-arms once seq changes", (t) => {
  const { model, view } = setup(t, { interval: 1, seq: 0 });
  view();
  t.mock.timers.tick(1000);
  assert.equal(model.sent.length, 1);
  // A slow rerun: the kernel only bumps seq 5 s later; nothing meanwhile.
  t.mock.timers.tick(5000);
  assert.equal(model.sent.length, 1);
  model.set("seq", 1);
  t.mock.timers.tick(999);
  assert.equal(model.sent.length, 1);
  t.mock.timers.tick(1);
  assert.deepEqual(model.sent, [
    { event: "tick", seq: 0 },
    { event: "tick", seq: 1 },
  ]);
});

test("an interval change clears and re-arms with the new delay", (t) => {
  const { model, view } = setup(t, { interval: 10, seq: 0 });
  view();
  t.mock.timers.tick(5000);
  model.set("interval", 1);
  t.mock.timers.tick(999);
  assert.equal(model.sent.length, 0);
  t.mock.timers.tick(1);
  assert.deepEqual(model.sent, [{ event: "tick", seq: 0 }]);
  // The old 10 s timer was cleared, not left to fire a second tick.
  t.mock.timers.tick(20_000);
  assert.equal(model.sent.length, 1);
});

test("cleanup stops ticks and unregisters listeners", (t) => {
  const { model, view } = setup(t, { interval: 1, seq: 0 });
  const { cleanup } = view();
  assert.equal(model.listenerCount("change:seq"), 1);
  assert.equal(model.listenerCount("change:interval"), 1);
  cleanup();
  assert.equal(model.listenerCount("change:seq"), 0);
  assert.equal(model.listenerCount("change:interval"), 0);
  t.mock.timers.tick(10_000);
  model.set("seq", 1);
  model.set("interval", 0.5);
  t.mock.timers.tick(10_000);
  assert.deepEqual(model.sent, []);
});

test("zero or negative interval fires immediately", (t) => {
  for (const interval of [0, -5]) {
    const { model, view } = setup(t, { interval, seq: 3 });
    const { cleanup } = view();
    t.mock.timers.tick(0);
    assert.deepEqual(model.sent, [{ event: "tick", seq: 3 }], `interval ${interval}`);
    cleanup();
    t.mock.timers.reset();
  }
});

test("NaN or missing interval does not arm", (t) => {
  for (const state of [{ interval: NaN, seq: 0 }, { seq: 0 }]) {
    const { model, view } = setup(t, state);
    const { cleanup } = view();
    t.mock.timers.tick(1e9);
    assert.deepEqual(model.sent, []);
    // ...until a usable interval arrives.
    model.set("interval", 1);
    t.mock.timers.tick(1000);
    assert.deepEqual(model.sent, [{ event: "tick", seq: 0 }]);
    cleanup();
    t.mock.timers.reset();
  }
});

test("two views each arm their own timer and report the same seq", (t) => {
  const { model, view } = setup(t, { interval: 1, seq: 4 });
  view();
  view();
  t.mock.timers.tick(1000);
  assert.deepEqual(model.sent, [
    { event: "tick", seq: 4 },
    { event: "tick", seq: 4 },
  ]);
  model.set("seq", 5);
  t.mock.timers.tick(1000);
  assert.deepEqual(model.sent.slice(2), [
    { event: "tick", seq: 5 },
    { event: "tick", seq: 5 },
  ]);
});
