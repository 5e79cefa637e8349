import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import toast, { lifetimeMs } from "../toast.js";
import { freshEntries } from "../fresh.js";

const NOW = 1_700_000_000_000;


const entry = (uid, extra = {}) => ({
  uid,
  html: `<p>hello <strong>${uid}</strong></p>`,
  icon: "🎉",
  expires_at: NOW + 4000,
  duration_ms: 4000,
  ...extra,
});

// A fresh page (so a fresh page-global "seen" set) with fake time.
function page(t) {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: NOW });
  const { document } = new JSDOM("<!doctype html><head></head><body></body>").window;
  const view = (model) => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    return { el, cleanup: toast.render({ model, el }) };
  };
  const toasts = () => [...document.querySelectorAll(".nbfrag-toast")];
  return { document, view, toasts };
}

test("freshEntries and lifetimeMs are pure helpers", () => {
  const seen = new Set(["b"]);
  const entries = [entry("a"), entry("b"), entry("c", { expires_at: NOW }), null];
  assert.deepEqual(freshEntries(entries, seen, NOW).map((e) => e.uid), ["a"]);
  assert.deepEqual(freshEntries(undefined, seen, NOW), []);
  assert.equal(seen.size, 1, "filtering does not mark anything as seen");
  assert.equal(lifetimeMs(entry("a", { expires_at: NOW + 9000 }), NOW), 4000);
  assert.equal(lifetimeMs(entry("a", { expires_at: NOW + 1000 }), NOW), 1000);
  assert.equal(lifetimeMs(entry("a", { duration_ms: undefined }), NOW), 4000);
});

test("shows fresh toasts in the page-wide stack, not in el", (t) => {
  const { document, view, toasts } = page(t);
  const model = new FakeModel({ toasts: [entry("a"), entry("b", { icon: "" })] });
  const { el } = view(model);

  assert.equal(el.childElementCount, 0);
  assert.equal(el.style.display, "none");
  const stack = document.querySelector(".nbfrag-toasts");
  assert.ok(stack);
  assert.equal(stack.parentElement, document.body);

  const [a, b] = toasts();
  assert.equal(toasts().length, 2);
  assert.equal(a.parentElement, stack);
  assert.equal(a.getAttribute("role"), "status");
  assert.equal(a.querySelector(".nbfrag-toast-body strong").textContent, "a");
  assert.equal(a.querySelector(".nbfrag-toast-icon").textContent, "🎉");
  assert.equal(b.querySelector(".nbfrag-toast-icon"), null, "no empty icon");

  // Entries appended later by the kernel show up on change:toasts.
  model.set("toasts", [...model.get("toasts"), entry("c")]);
  assert.deepEqual(toasts().map((e) => e.dataset.uid), ["a", "b", "c"]);
});

test("skips expired entries", (t) => {
  const { view, toasts } = page(t);
  const model = new FakeModel({
    toasts: [entry("old", { expires_at: NOW - 1 }), entry("edge", { expires_at: NOW }), entry("new")],
  });
  view(model);
  assert.deepEqual(toasts().map((e) => e.dataset.uid), ["new"]);
});

test("never shows the same uid twice: two views, re-render", (t) => {
  const { view, toasts } = page(t);
  const model = new FakeModel({ toasts: [entry("a")] });
  const first = view(model);
  view(model);
  assert.equal(toasts().length, 1);

  first.cleanup();
  view(model); // e.g. the cell output was re-rendered
  assert.equal(toasts().length, 1);

  // An appended entry reaches all live views, but appears once.
  model.set("toasts", [entry("a"), entry("b")]);
  assert.deepEqual(toasts().map((e) => e.dataset.uid), ["a", "b"]);

  // Even after it is gone, a seen uid is never shown again.
  t.mock.timers.tick(4000);
  assert.equal(toasts().length, 0);
  view(new FakeModel({ toasts: [entry("a", { expires_at: NOW + 60_000 })] }));
  assert.equal(toasts().length, 0);
});

test("the icon is plain text, never HTML", (t) => {
  const { document, view, toasts } = page(t);
  const evil = "<img src=x onerror=alert(1)>";
  view(new FakeModel({ toasts: [entry("x", { icon: evil })] }));
  assert.equal(toasts()[0].querySelector(".nbfrag-toast-icon").textContent, evil);
  assert.equal(document.querySelector("img"), null);
});

test("removed after min(duration_ms, expires_at - now)", (t) => {
  const { view, toasts } = page(t);
  view(
    new FakeModel({
      toasts: [
        entry("long", { duration_ms: 4000, expires_at: NOW + 10_000 }),
        entry("short", { duration_ms: 4000, expires_at: NOW + 1000 }),
      ],
    }),
  );
  assert.equal(toasts().length, 2);
  t.mock.timers.tick(999);
  assert.equal(toasts().length, 2);
  t.mock.timers.tick(1);
  assert.deepEqual(toasts().map((e) => e.dataset.uid), ["long"]);
  t.mock.timers.tick(2999);
  assert.equal(toasts().length, 1);
  t.mock.timers.tick(1);
  assert.equal(toasts().length, 0);
});

test("a shown toast still expires after its view is gone", (t) => {
  const { view, toasts } = page(t);
  const model = new FakeModel({ toasts: [entry("a")] });
  const { cleanup } = view(model);
  cleanup();
  assert.equal(model.listenerCount("change:toasts"), 0);
  assert.equal(toasts().length, 1);
  t.mock.timers.tick(4000);
  assert.equal(toasts().length, 0);
  // And the gone view no longer reacts to the model.
  model.set("toasts", [entry("b")]);
  assert.equal(toasts().length, 0);
});

test("the close button removes a toast early", (t) => {
  const { view, toasts } = page(t);
  view(new FakeModel({ toasts: [entry("a"), entry("b")] }));
  const close = toasts()[0].querySelector("button.nbfrag-toast-close");
  assert.equal(close.getAttribute("aria-label"), "Close");
  close.click();
  assert.deepEqual(toasts().map((e) => e.dataset.uid), ["b"]);
  t.mock.timers.tick(4000); // the cancelled timer is harmless
  assert.equal(toasts().length, 0);
});

test("one stack and one stylesheet per document", (t) => {
  const { document, view } = page(t);
  view(new FakeModel({ toasts: [entry("a")] }));
  view(new FakeModel({ toasts: [entry("b")] }));
  assert.equal(document.querySelectorAll(".nbfrag-toasts").length, 1);
  assert.equal(document.querySelectorAll(".nbfrag-toasts > .nbfrag-toast").length, 2);
  const styles = document.querySelectorAll("head style");
  assert.equal(styles.length, 1);
  assert.match(styles[0].textContent, /var\(--jp-layout-color1, #fff\)/);
  assert.match(styles[0].textContent, /prefers-reduced-motion/);

  // Another page gets its own stack (and its own set of seen uids).
  const other = new JSDOM("<!doctype html><body></body>").window.document;
  const el = other.createElement("div");
  other.body.appendChild(el);
  toast.render({ model: new FakeModel({ toasts: [entry("a")] }), el });
  assert.equal(other.querySelectorAll(".nbfrag-toasts > .nbfrag-toast").length, 1);
  assert.equal(document.querySelectorAll(".nbfrag-toast").length, 2);
});
