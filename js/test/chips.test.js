import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import chips, { litPositions, nextValue } from "../chips.js";

function view(state) {
  const { document } = new JSDOM("<!doctype html><head></head><body></body>").window;
  const el = document.createElement("div");
  document.body.appendChild(el);
  const model = new FakeModel({
    description: "Pick", options: [], look: "pills", mode: "single", required: false,
    disabled: false, width: "", wrap: true, value: [], ...state,
  });
  const cleanup = chips.render({ model, el });
  const buttons = () => [...el.querySelectorAll("button.nbfrag-chip")];
  const pressed = () => buttons().map((b) => b.getAttribute("aria-pressed") === "true");
  return { document, el, model, cleanup, buttons, pressed };
}

const opts = (...names) => names.map((n) => ({ html: n, icon: "" }));

test("nextValue: single picks, clears on a second click unless required; multi toggles in picking order", () => {
  assert.deepEqual(nextValue([], 1, "single", false), [1]);
  assert.deepEqual(nextValue([1], 2, "single", false), [2]);
  assert.deepEqual(nextValue([1], 1, "single", false), []);
  assert.deepEqual(nextValue([1], 1, "single", true), [1]);
  assert.deepEqual(nextValue([2], 0, "multi", false), [2, 0]);
  assert.deepEqual(nextValue([2, 0], 2, "multi", false), [0]);
  assert.deepEqual(nextValue(undefined, 0, "multi", false), [0]);
});

test("litPositions: stars light every star up to the picked one, other looks only the picked", () => {
  assert.deepEqual(litPositions([2], "stars", 5), [0, 1, 2]);
  assert.deepEqual(litPositions([], "stars", 5), []);
  assert.deepEqual(litPositions([3], "faces", 5), [3]);
  assert.deepEqual(litPositions([0, 2], "pills", 3), [0, 2]);
});

test("a click syncs the next value; the kernel's value repaints the chips", () => {
  const { model, buttons, pressed } = view({ options: opts("a", "b", "c") });
  assert.deepEqual(pressed(), [false, false, false]);
  buttons()[1].click();
  assert.deepEqual(model.get("value"), [1]);
  assert.deepEqual(pressed(), [false, true, false]);
  buttons()[1].click(); // a second click clears a single choice
  assert.deepEqual(model.get("value"), []);
  model.set("value", [2]); // the kernel sets it (session state, a refused edit)
  assert.deepEqual(pressed(), [false, false, true]);
});

test("multi mode keeps several chips pressed; required single mode cannot be cleared", () => {
  const multi = view({ options: opts("a", "b", "c"), mode: "multi" });
  multi.buttons()[2].click();
  multi.buttons()[0].click();
  assert.deepEqual(multi.model.get("value"), [2, 0]);
  const required = view({ options: opts("a", "b"), required: true, value: [0] });
  required.buttons()[0].click();
  assert.deepEqual(required.model.get("value"), [0]);
});

test("a disabled group sends nothing", () => {
  const { model, buttons } = view({ options: opts("a", "b"), disabled: true });
  assert.ok(buttons().every((b) => b.disabled));
  buttons()[0].click();
  assert.deepEqual(model.get("value"), []);
});

test("icons are text only; the label is text; only the kernel's html is markup", () => {
  const evil = "<img src=x onerror=alert(1)>";
  const { el, buttons } = view({
    description: evil,
    options: [{ html: "<strong>b</strong>", icon: evil }, { html: "", icon: "material/add" }],
  });
  assert.equal(el.querySelector(".nbfrag-chips-label").textContent, evil);
  assert.equal(el.querySelectorAll("img").length, 0);
  const [first, second] = buttons();
  assert.equal(first.querySelector(".nbfrag-chip-icon").textContent, evil);
  assert.equal(first.querySelector(".nbfrag-chip-text strong").textContent, "b");
  assert.equal(second.querySelector(".nbfrag-icon").textContent, "add");
});

test("stars light up to the picked star and preview on hover", () => {
  const stars = Array.from({ length: 5 }, () => ({ html: "", icon: "★", name: "star" }));
  const { document, buttons, model } = view({ look: "stars", options: stars, value: [1], description: "" });
  const lit = () => buttons().map((b) => b.classList.contains("nbfrag-lit"));
  assert.deepEqual(lit(), [true, true, false, false, false]);
  buttons()[3].dispatchEvent(new document.defaultView.MouseEvent("mouseenter"));
  assert.deepEqual(lit(), [true, true, true, true, false]);
  buttons()[3].dispatchEvent(new document.defaultView.MouseEvent("mouseleave"));
  buttons()[3].click();
  assert.deepEqual(model.get("value"), [3]);
  assert.deepEqual(lit(), [true, true, true, true, false]);
});

test("options and looks rebuild the row; cleanup stops listening", () => {
  const { model, buttons, cleanup, el } = view({ options: opts("a") });
  model.set("options", opts("x", "y"));
  assert.equal(buttons().length, 2);
  model.set("look", "segmented_control");
  assert.ok(el.querySelector(".nbfrag-chips-segmented_control"));
  cleanup();
  assert.equal(model.listenerCount("change:options"), 0);
  assert.equal(model.listenerCount("change:value"), 0);
});

test("radio look: a dot, the label and its caption (kernel html), laid out vertically", () => {
  const { el, buttons, model } = view({
    look: "radio", orientation: "vertical", required: true, value: [0],
    options: [{ html: "<em>Comedy</em>", icon: "", caption: "Laugh <strong>out</strong> loud." }, { html: "Drama", icon: "" }],
  });
  assert.ok(el.querySelector(".nbfrag-chips-row").classList.contains("nbfrag-vertical"));
  assert.equal(el.querySelector(".nbfrag-chips-row").getAttribute("role"), "radiogroup");
  const [comedy, drama] = buttons();
  assert.equal(comedy.getAttribute("role"), "radio");
  assert.equal(comedy.getAttribute("aria-checked"), "true");
  assert.ok(comedy.querySelector(".nbfrag-radio-dot"));
  assert.equal(comedy.querySelector(".nbfrag-chip-caption strong").textContent, "out");
  assert.equal(drama.querySelector(".nbfrag-chip-caption"), null);
  drama.click();
  assert.deepEqual(model.get("value"), [1]);
  assert.equal(comedy.getAttribute("aria-checked"), "false");
});
