import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import menu from "../menu.js";

function view(state) {
  const { document } = new JSDOM("<!doctype html><head></head><body><p id=out>elsewhere</p></body>").window;
  const el = document.createElement("div");
  document.body.appendChild(el);
  const model = new FakeModel({ label: "Export", icon: "", kind: "secondary", options: ["CSV", "JSON"], disabled: false, width: "", ...state });
  const cleanup = menu.render({ model, el });
  const list = el.querySelector(".nbfrag-menu-list");
  const items = () => [...el.querySelectorAll(".nbfrag-menu-item")];
  return { document, el, model, cleanup, list, items, button: el.querySelector(".nbfrag-menu-button") };
}

test("the button opens the menu; a pick sends its index and closes the menu", () => {
  const { model, list, items, button } = view({});
  assert.equal(list.hidden, true);
  button.click();
  assert.equal(list.hidden, false);
  assert.deepEqual(items().map((i) => i.textContent), ["CSV", "JSON"]);
  items()[1].click();
  assert.deepEqual(model.sent, [{ event: "pick", index: 1 }]);
  assert.equal(list.hidden, true);
});

test("Escape and a click elsewhere close the menu", (t) => {
  const { document, list, button } = view({});
  button.click();
  list.dispatchEvent(new document.defaultView.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  assert.equal(list.hidden, true);
  button.click();
  document.getElementById("out").click();
  assert.equal(list.hidden, true);
});

test("labels are text only; a disabled menu does not open", () => {
  const evil = "<img src=x onerror=alert(1)>";
  const { el, model, list, button } = view({ label: evil, options: [evil], icon: evil, disabled: true });
  assert.equal(el.querySelectorAll("img").length, 0);
  assert.ok(button.textContent.includes(evil));
  button.click();
  assert.equal(list.hidden, true);
  assert.deepEqual(model.sent, []);
});

test("cleanup stops listening", () => {
  const { model, cleanup } = view({});
  cleanup();
  assert.equal(model.listenerCount("change:options"), 0);
});
