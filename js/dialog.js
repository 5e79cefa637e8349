// nbfrag dialogs: `@st.dialog` as a modal over the app's area (JupyterLab, Notebook 7) or
// over the whole page (Voila, where the app is the page).
//
// Traits (kernel -> browser):
//   is_open     the kernel's word: the dialog is open
//   generation  bumped by every run that opens the dialog; a view whose visitor dismissed
//               generation n shows the dialog again only for a newer one
//   title_html  inline Markdown already rendered AND sanitized by the kernel
//   icon        untrusted plain text (textContent only); "spinner"; ":material/x:" (not drawn)
//   width       pixels; position: "center" | "left" | "right"; dismissible: bool
//   mode        "area": an overlay over the app's area, the rest of the notebook stays usable;
//               "page": a native modal <dialog> in the top layer, the page behind it inert
//   body        "IPY_MODEL_<id>" of the VBox the dialog shows, or null
//
// Message (browser -> kernel): {event: "dismiss", generation} when the visitor dismisses a
// dismissible dialog (Esc, the close button, a click outside). The view hides at once; the
// kernel decides (it ignores a dismissal of a non-dismissible dialog) and closes it.
//
// Keyboard: focus moves into the dialog when it opens and back where it was when it closes;
// Tab and Shift+Tab cycle inside it; Esc dismisses it when it is dismissible.

import { DIALOG_CSS, MARGIN_PX } from "./dialog-style.js";
import { ensureStyle as sharedEnsureStyle } from "./fresh.js";

const STYLE_ID = "nbfrag-dialog-style";
const WIDGET_REF = "IPY_MODEL_";
const TRAITS = ["is_open", "generation", "title_html", "icon", "width", "position", "dismissible", "body"];
const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [contenteditable="true"], [tabindex]';

let titles = 0; // unique ids for aria-labelledby, one per view

/** The model id in a widget reference ("IPY_MODEL_<id>"), or null. */
export function modelId(ref) {
  return typeof ref === "string" && ref.startsWith(WIDGET_REF) ? ref.slice(WIDGET_REF.length) : null;
}

/** The elements inside `root` that Tab reaches, in order. */
export function focusables(root) {
  return [...root.querySelectorAll(FOCUSABLE)].filter(
    (node) =>
      !node.disabled &&
      node.tabIndex >= 0 &&
      !node.closest("[hidden], [inert]") &&
      (typeof node.checkVisibility !== "function" || node.checkVisibility()),
  );
}

/** Keep Tab inside `root`: past the last element to the first, Shift+Tab the other way. */
export function trapTab(event, root) {
  const items = focusables(root);
  const active = root.ownerDocument.activeElement;
  if (items.length === 0) {
    event.preventDefault();
    root.focus();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const inside = root.contains(active);
  if (event.shiftKey && (!inside || active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}

/** What a notebook dialog covers: the app's area (or, for a plain cell, its outputs). */
export function coveredArea(el) {
  return el.closest(".nbfrag-app") ?? el.closest(".jp-OutputArea, .output_area") ?? el.parentElement;
}

/** Put a child widget's view into `host`, with the attach messages Lumino widgets expect. */
export function attachView(view, host) {
  const widget = view.luminoWidget ?? view.pWidget;
  const Lumino = widget?.constructor;
  if (widget && typeof Lumino.attach === "function" && !widget.isAttached && !widget.parent) {
    Lumino.attach(widget, host);
  } else {
    host.appendChild(view.el);
  }
}

/** Take a child view out of the page again, with the detach messages (the counterpart of
 * `attachView`: Lumino refuses to dispose a widget it thinks attached whose node left the page). */
export function detachView(view) {
  const widget = view.luminoWidget ?? view.pWidget;
  const Lumino = widget?.constructor;
  if (widget && typeof Lumino.detach === "function" && widget.isAttached && !widget.parent) {
    Lumino.detach(widget);
  } else {
    view.el.remove();
  }
}

/** The dialog's DOM: <dialog> > panel > (header: icon, title, close) + content. */
export function buildDialog(doc) {
  const dialog = doc.createElement("dialog");
  dialog.className = "nbfrag-dialog";
  const titleId = `nbfrag-dialog-title-${++titles}`;
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-labelledby", titleId);
  dialog.setAttribute("closedby", "none"); // Esc and clicks outside are handled here
  dialog.setAttribute("data-lm-suppress-shortcuts", "true"); // keys here are not notebook shortcuts
  dialog.tabIndex = -1;

  const panel = doc.createElement("div");
  panel.className = "nbfrag-dialog-panel";
  const header = doc.createElement("header");
  header.className = "nbfrag-dialog-header";
  const icon = doc.createElement("span");
  icon.className = "nbfrag-dialog-icon";
  icon.setAttribute("aria-hidden", "true");
  const title = doc.createElement("h2");
  title.className = "nbfrag-dialog-title";
  title.id = titleId;
  const close = doc.createElement("button");
  close.type = "button";
  close.className = "nbfrag-dialog-close";
  close.setAttribute("aria-label", "Close");
  close.textContent = "\u00d7";
  const content = doc.createElement("div");
  content.className = "nbfrag-dialog-content";

  header.append(icon, title, close);
  panel.append(header, content);
  dialog.append(panel);
  return { dialog, icon, title, close, content };
}

/** One view of the app's dialog widget. */
export class DialogView {
  constructor(model, el) {
    this.model = model;
    this.el = el;
    this.doc = el.ownerDocument;
    this.mode = model.get("mode") === "page" ? "page" : "area";
    this.parts = buildDialog(this.doc);
    this.shown = false;
    this.dismissed = null; // the generation this view's visitor dismissed
    this.previous = null; // what had focus before the dialog opened
    this.child = null; // {ref, view, attached}: the body's view
    this.area = null; // area mode: the covered element, and its own min-height
    this.areaMinHeight = "";
    this.pressedOutside = false;
    this.waiting = null;
    this.destroyed = false;
    this.overlay = this.doc.createElement("div");
    this.overlay.className = "nbfrag-dialog-overlay";

    sharedEnsureStyle(this.doc, STYLE_ID, DIALOG_CSS);
    const { dialog, close } = this.parts;
    if (this.mode === "page") {
      this.doc.body.appendChild(dialog); // showModal puts it in the top layer, over the page
    } else {
      this.overlay.appendChild(dialog);
    }

    this.onChange = () => this.sync();
    this.onKeyDown = (event) => this.keyDown(event);
    this.onFocusIn = (event) => this.keepFocus(event);
    this.onPress = (event) => {
      this.pressedOutside = this.isOutside(event.target);
      if (this.pressedOutside && this.mode === "area") event.preventDefault(); // focus stays inside
    };
    this.onClick = (event) => {
      if (this.pressedOutside && this.isOutside(event.target)) this.dismiss();
      this.pressedOutside = false;
    };
    this.onCancel = (event) => {
      event.preventDefault(); // the kernel decides; a dismissible dialog goes when it says so
      this.dismiss();
    };
    this.onClose = () => {
      if (!this.shown) return;
      if (this.model.get("dismissible")) this.dismiss(); // closed by the browser itself
      else if (dialog.isConnected) dialog.showModal(); // a non-dismissible one stays
    };
    close.addEventListener("click", () => this.dismiss());
    // Capture: widgets inside (ipywidgets' text boxes) stop their keydown events' propagation.
    dialog.addEventListener("keydown", this.onKeyDown, true);
    dialog.addEventListener("cancel", this.onCancel);
    dialog.addEventListener("close", this.onClose);
    for (const target of [dialog, this.overlay]) {
      target.addEventListener("mousedown", this.onPress);
      target.addEventListener("click", this.onClick);
    }
    for (const name of TRAITS) model.on(`change:${name}`, this.onChange);
    this.sync();
  }

  /** Make the view match the model. Idempotent: called for every trait change. */
  sync() {
    if (this.destroyed) return;
    const { model } = this;
    const { dialog, icon, title, close } = this.parts;
    title.innerHTML = model.get("title_html") ?? ""; // sanitized by the kernel
    const glyph = String(model.get("icon") ?? "");
    icon.classList.toggle("nbfrag-dialog-spinner", glyph === "spinner");
    icon.textContent = glyph === "spinner" || glyph.startsWith(":material/") ? "" : glyph;
    close.hidden = !model.get("dismissible");
    const position = model.get("position");
    dialog.dataset.position = ["left", "right"].includes(position) ? position : "center";
    const width = Number(model.get("width"));
    dialog.style.setProperty("--nbfrag-dialog-width", `${width > 0 ? width : 500}px`);
    this.setBody(model.get("body"));
    const open = Boolean(model.get("is_open")) && model.get("generation") !== this.dismissed;
    if (open && !this.shown) this.show();
    else if (!open && this.shown) this.hide();
  }

  show() {
    const { dialog } = this.parts;
    if (this.mode === "area" && !this.el.isConnected) {
      this.whenConnected(); // rendered before being put on the page: find the area then
      return;
    }
    this.previous = this.doc.activeElement;
    if (this.mode === "page") {
      dialog.showModal();
    } else {
      this.area = coveredArea(this.el);
      this.areaMinHeight = this.area.style.minHeight;
      this.area.classList.add("nbfrag-dialog-host");
      this.area.appendChild(this.overlay);
      dialog.show();
      this.doc.addEventListener("focusin", this.onFocusIn, true);
      this.fitArea();
    }
    this.shown = true;
    this.attach();
    dialog.focus();
  }

  hide() {
    const { dialog } = this.parts;
    this.shown = false;
    const hadFocus = dialog.contains(this.doc.activeElement);
    this.detach(); // while still on the page
    if (dialog.open) dialog.close();
    if (this.area) {
      this.doc.removeEventListener("focusin", this.onFocusIn, true);
      this.resizeObserver?.disconnect();
      this.resizeObserver = null;
      this.overlay.remove();
      this.area.classList.remove("nbfrag-dialog-host");
      this.area.style.minHeight = this.areaMinHeight;
      this.area = null;
    }
    const back = this.previous;
    this.previous = null;
    const active = this.doc.activeElement;
    const lost = hadFocus || !active || active === this.doc.body;
    if (lost && back?.isConnected && typeof back.focus === "function") back.focus();
  }

  /** The visitor dismisses the dialog: hide it here and tell the kernel (it decides). */
  dismiss() {
    if (!this.shown || !this.model.get("dismissible")) return;
    const generation = this.model.get("generation");
    this.dismissed = generation;
    this.hide();
    this.model.send({ event: "dismiss", generation });
  }

  keyDown(event) {
    if (event.key === "Escape") {
      event.preventDefault(); // no browser close: the kernel decides
      event.stopPropagation();
      this.dismiss();
    } else if (event.key === "Tab") {
      trapTab(event, this.parts.dialog);
    }
  }

  /** Area mode: focus that lands on the covered app (not in the dialog) goes back in. */
  keepFocus(event) {
    const { dialog } = this.parts;
    if (this.shown && this.area?.contains(event.target) && !dialog.contains(event.target)) {
      dialog.focus();
    }
  }

  isOutside(target) {
    return this.mode === "page" ? target === this.parts.dialog : target === this.overlay;
  }

  /** Area mode: the covered area grows to hold the dialog when it is shorter. */
  fitArea() {
    const { dialog } = this.parts;
    const fit = () => {
      if (!this.area) return;
      const drawer = dialog.dataset.position !== "center";
      const needed = drawer ? dialog.scrollHeight : dialog.offsetHeight + 2 * MARGIN_PX;
      this.area.style.minHeight = needed > 0 ? `${Math.ceil(needed)}px` : this.areaMinHeight;
    };
    fit();
    const Observer = this.doc.defaultView?.ResizeObserver;
    if (Observer && !this.resizeObserver) {
      this.resizeObserver = new Observer(fit);
      this.resizeObserver.observe(this.parts.content);
    }
  }

  whenConnected() {
    if (this.waiting !== null) return;
    this.waiting = setTimeout(() => {
      this.waiting = null;
      this.sync();
    }, 50);
  }

  /** Show the body widget `ref` (replacing the previous one). */
  setBody(ref) {
    if ((this.child?.ref ?? null) === (ref ?? null)) return;
    this.dropChild();
    const id = modelId(ref);
    const manager = this.model.widget_manager;
    if (id === null || !manager) return;
    const child = (this.child = { ref, view: null, attached: false });
    (async () => {
      const model = await manager.get_model(id);
      const view = await manager.create_view(model);
      if (this.child !== child || this.destroyed) {
        view.remove();
        return;
      }
      child.view = view;
      this.attach();
    })().catch((error) => console.error("nbfrag: the dialog cannot show its body", error));
  }

  attach() {
    const { child } = this;
    if (!child?.view || child.attached || !this.parts.content.isConnected) return;
    attachView(child.view, this.parts.content);
    child.attached = true;
  }

  detach() {
    const { child } = this;
    if (!child?.attached) return;
    child.attached = false;
    detachView(child.view);
  }

  dropChild() {
    this.detach();
    const { child } = this;
    this.child = null;
    if (child?.view) child.view.remove();
  }

  destroy() {
    if (this.shown) this.hide();
    this.destroyed = true;
    clearTimeout(this.waiting);
    for (const name of TRAITS) this.model.off(`change:${name}`, this.onChange);
    this.dropChild();
    this.parts.dialog.remove();
    this.overlay.remove();
  }
}

export default {
  render({ model, el }) {
    const view = new DialogView(model, el);
    return () => view.destroy();
  },
};
