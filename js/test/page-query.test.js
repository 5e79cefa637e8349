import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import page from "../page.js";

// A page at a URL, so that history.replaceState has an address to change.
function load({ voila, url }) {
  const body = voila ? '<body data-voila="voila">' : '<body class="jp-LabShell">';
  const dom = new JSDOM(`<!doctype html><html><head><title>t</title></head>${body}</body></html>`, { url });
  const { document } = dom.window;
  const el = document.createElement("div");
  document.body.appendChild(el);
  const view = (model) => page.render({ model, el });
  return { window: dom.window, view };
}

test("in Voila a query string set by the kernel replaces the URL's, keeping path and hash", () => {
  const { window, view } = load({ voila: true, url: "http://localhost:8866/voila/render/app.ipynb?a=1#top" });
  const model = new FakeModel({ title: "", favicon: "", query: null });
  view(model);
  assert.equal(window.location.search, "?a=1"); // never set by the app: left alone
  const before = window.history.length;
  model.set("query", "a=2&tag=x&tag=y");
  assert.equal(window.location.href, "http://localhost:8866/voila/render/app.ipynb?a=2&tag=x&tag=y#top");
  assert.equal(window.history.length, before); // replaced, no new history entry
  model.set("query", "");
  assert.equal(window.location.href, "http://localhost:8866/voila/render/app.ipynb#top");
});

test("outside Voila the notebook's URL is never touched", () => {
  const { window, view } = load({ voila: false, url: "http://localhost:8888/lab/tree/app.ipynb?reset" });
  view(new FakeModel({ title: "", favicon: "", query: "a=1" }));
  assert.equal(window.location.search, "?reset");
});
