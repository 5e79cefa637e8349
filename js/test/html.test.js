import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import html from "../html.js";

function page() {
  const { window } = new JSDOM("<!doctype html><body></body>", { runScripts: "dangerously" });
  const el = window.document.createElement("div");
  window.document.body.append(el);
  return { window, el };
}

test("scripts in the markup run once, with their attributes", () => {
  const { window, el } = page();
  const model = new FakeModel({ html: "<p>hi</p><script data-x='1'>window.ran = (window.ran || 0) + 1;</script>" });
  html.render({ model, el });
  assert.equal(window.ran, 1);
  assert.equal(el.querySelector("script").getAttribute("data-x"), "1");
  assert.equal(el.querySelector("p").textContent, "hi");
});

test("new markup from the kernel is drawn and its scripts run; cleanup stops listening", () => {
  const { window, el } = page();
  const model = new FakeModel({ html: "<b>a</b>" });
  const cleanup = html.render({ model, el });
  model.set("html", "<i>b</i><script>window.second = true;</script>");
  assert.equal(el.querySelector("i").textContent, "b");
  assert.equal(window.second, true);
  cleanup();
  assert.equal(model.listenerCount("change:html"), 0);
});
