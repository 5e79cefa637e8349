import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import chat, { isSendKey, outgoing } from "../chat.js";

function page(state = {}) {
  const { document, KeyboardEvent, MouseEvent, FocusEvent } = new JSDOM(
    `<!doctype html><body><div id="a"></div><div id="b"></div><input id="other"></body>`,
  ).window;
  globalThis.__nbfragChat.focused = null; // a fresh page (the module keeps one state per page)
  globalThis.__nbfragChat.drafts.clear();
  const model = new FakeModel({
    placeholder: "Your message", disabled: false, max_chars: 0, uid: "m1", draft: "", draft_version: 0, ...state,
  });
  const view = (id) => {
    const el = document.getElementById(id);
    const cleanup = chat.render({ model, el });
    return { el, area: el.querySelector("textarea"), send: el.querySelector("button"), cleanup };
  };
  const press = (target, init = {}) => {
    const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  };
  const type = (area, text) => {
    area.value = text;
    area.dispatchEvent(new document.defaultView.Event("input", { bubbles: true }));
  };
  return { document, model, view, press, type, MouseEvent, FocusEvent };
}

test("Enter sends the text in the message, clears the box and keeps the focus in it", () => {
  const { document, model, view, press, type } = page();
  const { area } = view("a");
  area.focus();
  type(area, "hello there");
  const event = press(area);
  assert.deepEqual(model.sent, [{ event: "submit", value: "hello there" }]);
  assert.equal(event.defaultPrevented, true);
  assert.equal(area.value, "");
  assert.equal(document.activeElement, area);
});

test("Shift+Enter is a new line, blank text and a disabled box send nothing", () => {
  const { model, view, press, type } = page();
  const { area } = view("a");
  type(area, "line 1");
  assert.equal(press(area, { shiftKey: true }).defaultPrevented, false);
  type(area, "   ");
  press(area);
  model.set("disabled", true);
  type(area, "hi");
  press(area);
  assert.deepEqual(model.sent, []);
  assert.equal(isSendKey({ key: "Enter", shiftKey: false, isComposing: true }), false);
  assert.equal(outgoing("x", false), "x");
  assert.equal(outgoing("x", true), null);
});

test("the send arrow sends too, and is disabled while the box is empty", () => {
  const { model, view, type } = page();
  const { area, send } = view("a");
  assert.equal(send.disabled, true);
  type(area, "by click");
  assert.equal(send.disabled, false);
  send.click();
  assert.deepEqual(model.sent, [{ event: "submit", value: "by click" }]);
  assert.equal(send.disabled, true);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

test("a view made after a send (the page was redrawn around it) takes the focus and the unsent text", async () => {
  const { document, view, press, type } = page();
  const first = view("a");
  first.area.focus();
  type(first.area, "sent");
  press(first.area);
  type(first.area, "half typed");
  const second = view("b"); // the new view comes first, while the old one still has the focus
  assert.equal(document.activeElement, first.area);
  first.el.remove(); // then the old view goes: the focus falls to the body
  await settle();
  assert.equal(document.activeElement, second.area);
  assert.equal(second.area.value, "half typed");
  second.cleanup();
  first.cleanup();
});

test("a new view does not take the focus from another field the visitor is typing in", async () => {
  const { document, view, press, type } = page();
  const first = view("a");
  first.area.focus();
  type(first.area, "sent");
  press(first.area);
  first.el.remove();
  const other = document.getElementById("other");
  other.focus(); // e.g. the notebook put the visitor in a text field meanwhile
  const second = view("b");
  await settle();
  assert.equal(document.activeElement, other);
  second.cleanup();
});

test("focus moved elsewhere on purpose is not taken back by a new view", async () => {
  const { document, view, press, type, FocusEvent } = page();
  const first = view("a");
  first.area.focus();
  type(first.area, "sent");
  press(first.area);
  const other = document.getElementById("other");
  first.area.dispatchEvent(new FocusEvent("blur", { relatedTarget: other }));
  other.focus();
  const second = view("b");
  await settle();
  assert.equal(document.activeElement, other);
  assert.notEqual(document.activeElement, second.area);
  second.cleanup();
});

test("traits: placeholder, max_chars, and a draft the app sets", () => {
  const { model, view } = page({ placeholder: "Ask me", max_chars: 5 });
  const { area, cleanup } = view("a");
  assert.equal(area.placeholder, "Ask me");
  assert.equal(area.maxLength, 5);
  model.set("draft", "pre");
  model.set("draft_version", 1);
  assert.equal(area.value, "pre");
  model.set("max_chars", 0);
  assert.equal(area.hasAttribute("maxlength"), false);
  cleanup();
  assert.equal(model.listenerCount("change:draft_version"), 0);
  assert.deepEqual(model.sent, []); // a draft is shown, never sent
});
