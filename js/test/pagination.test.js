import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import pagination, { visiblePages } from "../pagination.js";

function view(state) {
  const { document } = new JSDOM("<!doctype html><head></head><body></body>").window;
  const el = document.createElement("div");
  document.body.appendChild(el);
  const model = new FakeModel({ num_pages: 10, max_visible: 7, disabled: false, width: "", value: 1, ...state });
  const cleanup = pagination.render({ model, el });
  const buttons = () => [...el.querySelectorAll("button.nbfrag-page")];
  const named = (label) => buttons().find((b) => b.getAttribute("aria-label") === label);
  const texts = () => [...el.querySelector("nav").children].map((c) => c.textContent);
  return { el, model, cleanup, buttons, named, texts };
}

test("visiblePages: all when they fit, none for 0, else first, last and a window with gaps", () => {
  assert.deepEqual(visiblePages(1, 5, 7), [1, 2, 3, 4, 5]);
  assert.deepEqual(visiblePages(3, 20, null), Array.from({ length: 20 }, (_, i) => i + 1));
  assert.deepEqual(visiblePages(3, 20, 0), []);
  assert.deepEqual(visiblePages(1, 20, 7), [1, 2, 3, 4, 5, 6, "…", 20]);
  assert.deepEqual(visiblePages(10, 20, 7), [1, "…", 8, 9, 10, 11, 12, "…", 20]);
  assert.deepEqual(visiblePages(20, 20, 7), [1, "…", 15, 16, 17, 18, 19, 20]);
});

test("a page click and the arrows sync the page; the arrows stop at the ends", () => {
  const { model, named, texts } = view({ num_pages: 3, value: 1 });
  assert.deepEqual(texts(), ["‹", "1", "2", "3", "›"]);
  assert.equal(named("Previous page").disabled, true);
  assert.equal(named("Page 1").getAttribute("aria-current"), "page");
  named("Page 3").click();
  assert.equal(model.get("value"), 3);
  assert.equal(named("Next page").disabled, true);
  named("Previous page").click();
  assert.equal(model.get("value"), 2);
  assert.equal(named("Page 2").getAttribute("aria-current"), "page");
});

test("disabled pages send nothing; cleanup stops listening", () => {
  const { model, buttons, cleanup } = view({ disabled: true, value: 2 });
  assert.ok(buttons().every((b) => b.disabled));
  buttons()[1].click();
  assert.equal(model.get("value"), 2);
  cleanup();
  assert.equal(model.listenerCount("change:value"), 0);
});
