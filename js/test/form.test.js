import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import form, { isSubmitKey } from "../form.js";

// A page with two views of one form (the same app shown twice) and a field outside any form,
// laid out as ipywidgets lays them out: each widget's root element carries its classes.
function page(active = true) {
  const { document, KeyboardEvent } = new JSDOM(`<!doctype html><body>
    <div class="nbfrag-form" id="first">
      <div class="widget-text nbfrag-text-input nbfrag-field-m1"><input type="text" id="name"></div>
      <div class="widget-textarea nbfrag-field-m2"><textarea id="notes"></textarea></div>
      <div class="widget-text"><input type="text" id="stray"></div>
      <div class="widget-number nbfrag-field-m3"><input type="number" id="count"></div>
      <div class="helper"></div>
    </div>
    <div class="nbfrag-form" id="second">
      <div class="widget-text nbfrag-field-m1"><input type="text" id="name2"></div>
      <div class="helper"></div>
    </div>
    <div class="widget-text nbfrag-field-m9"><input type="text" id="outside"></div>
  </body>`).window;
  const model = new FakeModel({ active });
  const cleanups = [...document.querySelectorAll(".helper")].map((el) => form.render({ model, el }));
  const press = (id, init = {}) => {
    const target = document.getElementById(id);
    const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  };
  return { document, model, cleanups, press };
}

test("Enter in a text field sends the field and its text, once, and stops the default commit", () => {
  const { document, model, press } = page();
  document.getElementById("name").value = "Ada";
  const event = press("name");
  assert.deepEqual(model.sent, [{ event: "submit", field: "nbfrag-field-m1", value: "Ada" }]);
  assert.equal(event.defaultPrevented, true);
});

test("each view acts only on its own form box", () => {
  const { document, model, press } = page();
  document.getElementById("name2").value = "Bo";
  press("name2");
  press("outside");
  assert.deepEqual(model.sent, [{ event: "submit", field: "nbfrag-field-m1", value: "Bo" }]);
});

test("a text area submits on Ctrl+Enter or Cmd+Enter only", () => {
  const { document, model, press } = page();
  document.getElementById("notes").value = "line 1\nline 2";
  assert.equal(press("notes").defaultPrevented, false); // a new line
  press("notes", { ctrlKey: true });
  press("notes", { metaKey: true });
  assert.deepEqual(model.sent.map((m) => m.value), ["line 1\nline 2", "line 1\nline 2"]);
});

test("nothing is sent while Enter does not submit, for fields the kernel did not name, or other keys", () => {
  const { model, press } = page(false);
  assert.equal(press("name").defaultPrevented, false); // ipywidgets commits the text as usual
  model.set("active", true);
  press("stray");
  press("count");
  press("name", { key: "a" });
  press("name", { isComposing: true });
  assert.deepEqual(model.sent, []);
});

test("cleanup removes the listener", () => {
  const { model, cleanups, press } = page();
  cleanups.forEach((cleanup) => cleanup());
  press("name");
  assert.deepEqual(model.sent, []);
});

test("isSubmitKey knows text inputs from other inputs", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const input = (type) => {
    const el = document.createElement("input");
    if (type !== null) el.setAttribute("type", type);
    return el;
  };
  const enter = (target, extra = {}) => ({ key: "Enter", target, isComposing: false, ...extra });
  assert.equal(isSubmitKey(enter(input(null))), true);
  assert.equal(isSubmitKey(enter(input("password"))), true);
  assert.equal(isSubmitKey(enter(input("checkbox"))), false);
  assert.equal(isSubmitKey(enter(input("date"))), false);
  assert.equal(isSubmitKey(enter(document.createElement("button"))), false);
});
