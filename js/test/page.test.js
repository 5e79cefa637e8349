import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import page, { isVoila, safeIconHref } from "../page.js";

const SVG = "data:image/svg+xml,%3Csvg%3E%3C/svg%3E";

// A Voila page (its <body data-voila>, its empty icon link) or a JupyterLab one.
function load({ voila }) {
  const body = voila ? '<body data-voila="voila">' : '<body class="jp-LabShell">';
  const head = voila ? '<title>dash</title><link rel="icon" href="data:;base64,=">' : "<title>nb.ipynb - JupyterLab</title>";
  const { document } = new JSDOM(`<!doctype html><html><head>${head}</head>${body}</body></html>`).window;
  const view = (model) => {
    const el = document.createElement("div");
    document.body.appendChild(el);
    return { el, cleanup: page.render({ model, el }) };
  };
  const icons = () => [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.getAttribute("href"));
  return { document, view, icons };
}

test("isVoila and safeIconHref are pure helpers", () => {
  assert.equal(isVoila(load({ voila: true }).document), true);
  assert.equal(isVoila(load({ voila: false }).document), false);
  assert.equal(safeIconHref(SVG), SVG);
  assert.equal(safeIconHref("https://example.com/i.png"), "https://example.com/i.png");
  assert.equal(safeIconHref("javascript:alert(1)"), null);
  assert.equal(safeIconHref("data:text/html,<script>"), null);
  assert.equal(safeIconHref(""), null);
  assert.equal(safeIconHref(undefined), null);
});

test("in Voila the view sets the tab title and the only icon, invisibly", () => {
  const { document, view, icons } = load({ voila: true });
  const { el } = view(new FakeModel({ title: "Sales <b>2024</b>", favicon: SVG }));
  assert.equal(el.style.display, "none");
  assert.equal(el.childElementCount, 0);
  assert.equal(document.title, "Sales <b>2024</b>"); // text, never markup
  assert.deepEqual(icons(), [SVG]);
});

test("later changes update the title and icon; empty values leave them", () => {
  const { document, view, icons } = load({ voila: true });
  const model = new FakeModel({ title: "", favicon: "" });
  view(model);
  assert.equal(document.title, "dash");
  assert.deepEqual(icons(), ["data:;base64,="]);
  model.set("title", "Second");
  model.set("favicon", SVG);
  assert.equal(document.title, "Second");
  assert.deepEqual(icons(), [SVG]);
  model.set("favicon", "https://example.com/i.png");
  assert.deepEqual(icons(), ["https://example.com/i.png"]);
  model.set("favicon", "javascript:alert(1)");
  assert.deepEqual(icons(), ["https://example.com/i.png"], "an unsafe href is ignored");
});

test("two views of one model keep a single icon link", () => {
  const { view, icons } = load({ voila: true });
  const model = new FakeModel({ title: "T", favicon: SVG });
  view(model);
  view(model);
  assert.deepEqual(icons(), [SVG]);
});

test("in JupyterLab the notebook's tab is left alone", () => {
  const { document, view, icons } = load({ voila: false });
  view(new FakeModel({ title: "App title", favicon: SVG }));
  assert.equal(document.title, "nb.ipynb - JupyterLab");
  assert.deepEqual(icons(), []);
});

test("cleanup stops listening", () => {
  const { document, view } = load({ voila: true });
  const model = new FakeModel({ title: "One", favicon: "" });
  const { cleanup } = view(model);
  assert.equal(model.listenerCount("change:title"), 1);
  cleanup();
  assert.equal(model.listenerCount("change:title"), 0);
  assert.equal(model.listenerCount("change:favicon"), 0);
  model.set("title", "Two");
  assert.equal(document.title, "One");
});
