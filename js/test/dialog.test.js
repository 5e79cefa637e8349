import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import dialogModule, { DialogView, attachView, detachView, focusables, modelId } from "../dialog.js";

// jsdom has <dialog> but not its methods: a minimal stand-in that records modality.
function polyfill(window) {
  const proto = window.HTMLDialogElement.prototype;
  proto.show = function () {
    this.setAttribute("open", "");
    this.modal = false;
  };
  proto.showModal = function () {
    if (!this.isConnected) throw new window.DOMException("not connected", "InvalidStateError");
    this.setAttribute("open", "");
    this.modal = true;
  };
  proto.close = function () {
    if (!this.hasAttribute("open")) return;
    this.removeAttribute("open");
    this.modal = false;
    this.dispatchEvent(new window.Event("close"));
  };
}

// A widget manager whose views are plain divs holding buttons (the body's widgets).
function fakeManager(document) {
  const made = [];
  return {
    made,
    async get_model(id) {
      return { id };
    },
    async create_view(model) {
      const el = document.createElement("div");
      el.className = "body-view";
      el.dataset.model = model.id;
      el.innerHTML = "<button class='inside-1'>One</button><button class='inside-2'>Two</button>";
      const view = { el, removed: false, remove() { this.removed = true; el.remove(); } };
      made.push(view);
      return view;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function page({ mode = "area", ...state } = {}) {
  const dom = new JSDOM(
    "<!doctype html><head></head><body><button id='outside'>Outside</button>" +
      "<div class='nbfrag-app'><button id='opener'>Open</button><div id='slot'></div></div></body>",
  );
  const { window } = dom;
  polyfill(window);
  const { document } = window;
  const model = new FakeModel({
    is_open: false,
    generation: 0,
    title_html: "Cast <em>your</em> vote",
    icon: "",
    width: 500,
    position: "center",
    dismissible: true,
    mode,
    body: null,
    ...state,
  });
  model.widget_manager = fakeManager(document);
  const el = document.createElement("div");
  document.getElementById("slot").appendChild(el);
  const view = new DialogView(model, el);
  const cleanup = () => view.destroy();
  const dialog = () => view.parts.dialog; // in area mode it is off the page while closed
  const key = (name, extra = {}) => {
    const target = document.activeElement ?? document.body;
    const event = new window.KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true, ...extra });
    target.dispatchEvent(event);
    return event;
  };
  const mouse = (target, type) => target.dispatchEvent(new window.MouseEvent(type, { bubbles: true, cancelable: true }));
  const press = (target, release = target) => {
    mouse(target, "mousedown");
    mouse(release, "click");
  };
  const open = (generation = model.get("generation") + 1) => {
    model.set("generation", generation);
    model.set("is_open", true);
  };
  return { window, document, model, el, cleanup, dialog, key, press, mouse, open };
}

test("modelId reads widget references", () => {
  assert.equal(modelId("IPY_MODEL_abc"), "abc");
  assert.equal(modelId(null), null);
  assert.equal(modelId("abc"), null);
});

test("the dialog is labelled, modal for assistive tech, and closed until the kernel opens it", () => {
  const { dialog, document } = page();
  const d = dialog();
  assert.equal(d.getAttribute("role"), "dialog");
  assert.equal(d.getAttribute("aria-modal"), "true");
  const title = d.querySelector(`#${d.getAttribute("aria-labelledby")}`);
  assert.equal(title.innerHTML, "Cast <em>your</em> vote");
  assert.equal(d.getAttribute("data-lm-suppress-shortcuts"), "true");
  assert.equal(d.open, false);
  assert.equal(document.querySelector(".nbfrag-dialog-overlay"), null, "no overlay while closed");
});

test("area mode: opens over the app's area, not the page, and grows it to fit", () => {
  const { dialog, document, open } = page({ mode: "area" });
  open();
  const d = dialog();
  const app = document.querySelector(".nbfrag-app");
  const overlay = document.querySelector(".nbfrag-dialog-overlay");
  assert.equal(d.open, true);
  assert.equal(d.modal, false, "the notebook around the app stays usable");
  assert.equal(overlay.parentElement, app);
  assert.equal(d.parentElement, overlay);
  assert.ok(app.classList.contains("nbfrag-dialog-host"));
  assert.notEqual(app.style.minHeight, "");
});

test("page mode (Voila): a native modal dialog over the whole page", () => {
  const { dialog, document, open } = page({ mode: "page" });
  assert.equal(dialog().parentElement, document.body);
  open();
  assert.equal(dialog().modal, true);
});

test("focus moves into the dialog when it opens and back when the kernel closes it", () => {
  const { dialog, document, model, open } = page();
  document.getElementById("opener").focus();
  open();
  assert.equal(document.activeElement, dialog());
  model.set("is_open", false);
  assert.equal(dialog().open, false);
  assert.equal(document.activeElement.id, "opener");
  assert.equal(document.querySelector(".nbfrag-dialog-overlay"), null);
  assert.equal(document.querySelector(".nbfrag-app").style.minHeight, "", "min-height restored");
});

test("closing does not steal focus the visitor moved elsewhere in the notebook", () => {
  const { document, model, open } = page();
  document.getElementById("opener").focus();
  open();
  document.getElementById("outside").focus(); // another cell, outside the covered app
  model.set("is_open", false);
  assert.equal(document.activeElement.id, "outside");
});

test("Esc dismisses a dismissible dialog: hidden at once, the kernel told, focus back", () => {
  const { dialog, document, model, key, open } = page();
  document.getElementById("opener").focus();
  open(4);
  const event = key("Escape");
  assert.equal(event.defaultPrevented, true);
  assert.deepEqual(model.sent, [{ event: "dismiss", generation: 4 }]);
  assert.equal(dialog().open, false);
  assert.equal(document.activeElement.id, "opener");
});

test("a non-dismissible dialog ignores Esc, has no close button, and survives a browser close", () => {
  const { dialog, model, key, open, window } = page({ mode: "page", dismissible: false });
  open();
  const event = key("Escape");
  assert.equal(event.defaultPrevented, true, "the browser must not close it either");
  assert.equal(dialog().open, true);
  assert.equal(dialog().querySelector(".nbfrag-dialog-close").hidden, true);
  const cancel = new window.Event("cancel", { cancelable: true });
  dialog().dispatchEvent(cancel);
  assert.equal(cancel.defaultPrevented, true);
  dialog().close(); // e.g. the browser's own close request
  assert.equal(dialog().open, true, "reopened");
  assert.deepEqual(model.sent, []);
});

test("the close button and a click outside dismiss; a click inside does not", () => {
  const { dialog, document, model, press, open } = page({ mode: "area" });
  open(1);
  press(dialog().querySelector(".nbfrag-dialog-title"));
  assert.equal(dialog().open, true);
  // A press that starts inside and ends on the backdrop (a text selection drag) does not count.
  press(dialog().querySelector(".nbfrag-dialog-title"), document.querySelector(".nbfrag-dialog-overlay"));
  assert.equal(dialog().open, true);
  press(document.querySelector(".nbfrag-dialog-overlay"));
  assert.deepEqual(model.sent, [{ event: "dismiss", generation: 1 }]);
  open(2);
  dialog().querySelector(".nbfrag-dialog-close").click();
  assert.deepEqual(model.sent.at(-1), { event: "dismiss", generation: 2 });
  assert.equal(dialog().open, false);
});

test("page mode: a click on the backdrop (the dialog element itself) dismisses", () => {
  const { dialog, model, press, open } = page({ mode: "page" });
  open(1);
  press(dialog());
  assert.deepEqual(model.sent, [{ event: "dismiss", generation: 1 }]);
});

test("a click outside a non-dismissible dialog does nothing and keeps focus inside", () => {
  const { dialog, document, model, mouse, open } = page({ dismissible: false });
  open();
  const overlay = document.querySelector(".nbfrag-dialog-overlay");
  const down = new document.defaultView.MouseEvent("mousedown", { bubbles: true, cancelable: true });
  overlay.dispatchEvent(down);
  assert.equal(down.defaultPrevented, true, "no focus change on the backdrop");
  mouse(overlay, "click");
  assert.equal(dialog().open, true);
  assert.deepEqual(model.sent, []);
});

test("a dismissed view shows the dialog again only when a run opens it again", () => {
  const { dialog, model, key, open } = page();
  open(3);
  key("Escape");
  model.set("title_html", "Still generation 3"); // other traits change: stays hidden
  assert.equal(dialog().open, false);
  open(4);
  assert.equal(dialog().open, true);
});

test("Tab and Shift+Tab cycle inside the dialog", async () => {
  const { dialog, document, key, model, open } = page();
  model.set("body", "IPY_MODEL_b1");
  open();
  await settle();
  const items = focusables(dialog());
  assert.deepEqual(items.map((n) => n.className), ["nbfrag-dialog-close", "inside-1", "inside-2"]);
  items[2].focus();
  assert.equal(key("Tab").defaultPrevented, true);
  assert.equal(document.activeElement, items[0]);
  assert.equal(key("Tab", { shiftKey: true }).defaultPrevented, true);
  assert.equal(document.activeElement, items[2]);
  items[1].focus();
  assert.equal(key("Tab").defaultPrevented, false, "inside the cycle the browser moves focus");
});

test("area mode: focus landing on the covered app goes back into the dialog", () => {
  const { dialog, document, open } = page();
  open();
  document.getElementById("opener").focus();
  assert.equal(document.activeElement, dialog());
  document.getElementById("outside").focus(); // outside the app: allowed
  assert.equal(document.activeElement.id, "outside");
});

test("the body widget's view is shown inside, replaced when the body changes, removed at the end", async () => {
  const { dialog, model, open, cleanup } = page();
  model.set("body", "IPY_MODEL_b1");
  open();
  await settle();
  const content = dialog().querySelector(".nbfrag-dialog-content");
  assert.equal(content.querySelector(".body-view").dataset.model, "b1");
  const [first] = model.widget_manager.made;
  model.set("body", "IPY_MODEL_b2");
  await settle();
  assert.equal(first.removed, true);
  assert.deepEqual([...content.querySelectorAll(".body-view")].map((n) => n.dataset.model), ["b2"]);
  model.set("body", null);
  assert.equal(content.querySelector(".body-view"), null);
  cleanup();
  assert.equal(dialog().isConnected, false);
});

// Lumino's rules: attach only a detached widget to a host on the page; detach only an
// attached widget whose node is still on the page.
class FakeLumino {
  constructor(document) {
    this.node = document.createElement("div");
    this.isAttached = false;
    this.parent = null;
  }
  static attach(widget, host) {
    if (widget.isAttached || !host.isConnected) throw new Error("cannot attach");
    host.appendChild(widget.node);
    widget.isAttached = true;
  }
  static detach(widget) {
    if (!widget.isAttached || !widget.node.isConnected) throw new Error("Widget is not attached.");
    widget.node.remove();
    widget.isAttached = false;
  }
}

test("Lumino widgets are attached and detached with their messages", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const widget = new FakeLumino(document);
  const host = document.createElement("div");
  document.body.appendChild(host);
  const view = { el: widget.node, luminoWidget: widget };
  attachView(view, host);
  assert.equal(widget.isAttached, true);
  detachView(view);
  assert.equal(widget.isAttached, false);
  assert.equal(host.childElementCount, 0);
  attachView({ el: document.createElement("span") }, host);
  assert.equal(host.lastChild.tagName, "SPAN");
});

test("the body's Lumino widget leaves the page properly when the dialog hides", async () => {
  const { dialog, document, model, key, open } = page();
  const widget = new FakeLumino(document);
  model.widget_manager.create_view = async () => ({
    el: widget.node,
    luminoWidget: widget,
    remove() {
      if (widget.isAttached) FakeLumino.detach(widget); // what Lumino's dispose does
    },
  });
  model.set("body", "IPY_MODEL_b1");
  open();
  await settle();
  assert.equal(widget.isAttached, true);
  assert.equal(widget.node.parentElement, dialog().querySelector(".nbfrag-dialog-content"));
  key("Escape"); // the overlay leaves the page...
  assert.equal(widget.isAttached, false, "...after the body's widget was detached");
  open(); // shown again: attached again
  assert.equal(widget.isAttached, true);
  model.set("is_open", false); // the kernel closes it...
  model.set("body", null); // ...and drops the body: disposing must not throw
  assert.equal(widget.isAttached, false);
});

test("icons: text only, a spinner, and no Material icon font", () => {
  const { dialog, model } = page({ icon: "<b>🌱</b>" });
  const icon = dialog().querySelector(".nbfrag-dialog-icon");
  assert.equal(icon.textContent, "<b>🌱</b>");
  assert.equal(icon.children.length, 0, "untrusted icon text is never HTML");
  model.set("icon", "spinner");
  assert.ok(icon.classList.contains("nbfrag-dialog-spinner"));
  assert.equal(icon.textContent, "");
  model.set("icon", ":material/thumb_up:");
  assert.equal(icon.textContent, "");
});

test("width and position follow the kernel", () => {
  const { dialog, model } = page({ width: 1280, position: "left" });
  assert.equal(dialog().style.getPropertyValue("--nbfrag-dialog-width"), "1280px");
  assert.equal(dialog().dataset.position, "left");
  model.set("position", "bogus");
  assert.equal(dialog().dataset.position, "center");
});

test("a view rendered before it is on the page opens once it is there", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { window } = new JSDOM("<!doctype html><body><div class='nbfrag-app'></div></body>");
  polyfill(window);
  const { document } = window;
  const model = new FakeModel({ is_open: true, generation: 1, mode: "area", dismissible: true, width: 500 });
  const el = document.createElement("div");
  dialogModule.render({ model, el });
  assert.equal(document.querySelector(".nbfrag-dialog-overlay"), null);
  document.querySelector(".nbfrag-app").appendChild(el);
  t.mock.timers.tick(50);
  assert.equal(document.querySelector(".nbfrag-app > .nbfrag-dialog-overlay").firstChild.open, true);
});

test("cleanup closes an open dialog, gives focus back and stops listening", () => {
  const { dialog, document, model, cleanup, open } = page();
  document.getElementById("opener").focus();
  open();
  cleanup();
  assert.equal(document.activeElement.id, "opener");
  assert.equal(document.querySelector(".nbfrag-dialog-overlay"), null);
  assert.equal(dialog().isConnected, false);
  for (const name of ["is_open", "generation", "body"]) assert.equal(model.listenerCount(`change:${name}`), 0);
});

test("Esc reaches the dialog even when a widget inside stops its keydown events", async () => {
  const { dialog, model, open, window } = page();
  model.set("body", "IPY_MODEL_b1");
  open(2);
  await settle();
  const inside = dialog().querySelector(".inside-1");
  inside.addEventListener("keydown", (event) => event.stopPropagation()); // as ipywidgets' text boxes do
  inside.focus();
  inside.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
  assert.deepEqual(model.sent, [{ event: "dismiss", generation: 2 }]);
});
