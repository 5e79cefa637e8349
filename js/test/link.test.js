import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import link from "../link.js";

function view(model) {
  const { window } = new JSDOM("<!doctype html><body></body>");
  const el = window.document.createElement("div");
  window.document.body.append(el);
  const cleanup = link.render({ model, el });
  return { el, window, cleanup };
}

const HTML = "<a href='https://example.com' target='_blank' rel='noopener noreferrer'>Go</a>";

test("a click reports itself to the kernel and is not prevented (the tab opens)", () => {
  const model = new FakeModel({ html: HTML, disabled: false });
  const { el, window } = view(model);
  const event = new window.MouseEvent("click", { bubbles: true, cancelable: true });
  const anchor = el.querySelector("a");
  anchor.addEventListener("click", (e) => e.preventDefault()); // jsdom: do not navigate
  anchor.dispatchEvent(event);
  assert.deepEqual(model.sent, [{ event: "click" }]);
});

test("a disabled link neither opens nor reports a click", () => {
  const model = new FakeModel({ html: HTML, disabled: true });
  const { el, window } = view(model);
  const event = new window.MouseEvent("click", { bubbles: true, cancelable: true });
  el.querySelector("a").dispatchEvent(event);
  assert.equal(event.defaultPrevented, true);
  assert.deepEqual(model.sent, []);
});

test("new markup from the kernel is drawn and still reports clicks; cleanup stops listening", () => {
  const model = new FakeModel({ html: HTML, disabled: false });
  const { el, window, cleanup } = view(model);
  model.set("html", HTML.replace("Go", "Go on"));
  assert.equal(el.textContent, "Go on");
  const anchor = el.querySelector("a");
  anchor.addEventListener("click", (e) => e.preventDefault());
  anchor.dispatchEvent(new window.MouseEvent("click", { bubbles: true, cancelable: true }));
  assert.equal(model.sent.length, 1);
  cleanup();
  assert.equal(model.listenerCount("change:html"), 0);
});
