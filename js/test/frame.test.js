import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import frame, { SANDBOX, measuredDoc, safeSrc, sandboxFor } from "../frame.js";

const PAGE = "http://127.0.0.1:8866";

function view(state) {
  const { window } = new JSDOM("<!doctype html><body></body>", { url: `${PAGE}/voila/render/app.ipynb` });
  const el = window.document.createElement("div");
  window.document.body.appendChild(el);
  const model = new FakeModel({
    src: "", srcdoc: "", width: "100%", height: "content", fallback_height: 400,
    scrolling: false, tab_index: null, title: "st.iframe", ...state,
  });
  const cleanup = frame.render({ model, el });
  return { window, el, model, cleanup, iframe: el.querySelector("iframe") };
}

test("a frame never gets the notebook server's origin", () => {
  assert.equal(sandboxFor("", PAGE), SANDBOX);
  assert.equal(sandboxFor("/files/report.html", PAGE), SANDBOX);
  assert.equal(sandboxFor(`${PAGE}/api/kernels`, PAGE), SANDBOX);
  assert.equal(sandboxFor("data:text/html,<b>x</b>", PAGE), SANDBOX);
  assert.equal(sandboxFor("https://example.com/", PAGE), `${SANDBOX} allow-same-origin`);
  assert.ok(!SANDBOX.includes("allow-same-origin") && SANDBOX.includes("allow-scripts"));
});

test("only http(s), data: and server paths are loaded", () => {
  assert.equal(safeSrc("https://example.com"), "https://example.com");
  assert.equal(safeSrc("/files/a.html"), "/files/a.html");
  assert.equal(safeSrc("javascript:alert(1)"), "");
  assert.equal(safeSrc("JaVaScRiPt:alert(1)"), "");
  assert.equal(safeSrc("file:///etc/passwd"), "");
  assert.equal(safeSrc(undefined), "");
});

test("HTML text is a sandboxed srcdoc that reports its height", () => {
  const { iframe, model, window } = view({ srcdoc: "<p>hi</p>" });
  assert.equal(iframe.getAttribute("sandbox"), SANDBOX);
  assert.equal(iframe.getAttribute("srcdoc"), measuredDoc("<p>hi</p>"));
  assert.equal(iframe.hasAttribute("src"), false);
  assert.equal(iframe.style.height, "400px", "until the document reports its height");
  // A report from another window is ignored; one from the frame sets the height.
  window.dispatchEvent(new window.MessageEvent("message", { data: { type: "nbfrag-frame-height", height: 5000 } }));
  assert.equal(iframe.style.height, "400px");
  window.dispatchEvent(new window.MessageEvent("message", {
    data: { type: "nbfrag-frame-height", height: 123.2 }, source: iframe.contentWindow,
  }));
  assert.equal(iframe.style.height, "124px");
  model.set("height", "200px");
  assert.equal(iframe.style.height, "200px");
  assert.equal(iframe.getAttribute("srcdoc"), "<p>hi</p>", "a fixed height needs no measuring");
});

test("a URL frame keeps its attributes in step with the model", () => {
  const { iframe, model, cleanup } = view({ src: "https://example.com/", title: "Example", tab_index: -1 });
  assert.equal(iframe.getAttribute("src"), "https://example.com/");
  assert.equal(iframe.getAttribute("title"), "Example");
  assert.equal(iframe.getAttribute("tabindex"), "-1");
  assert.equal(iframe.style.height, "400px");
  model.set("src", "javascript:alert(1)");
  assert.equal(iframe.getAttribute("src"), "", "an unsafe URL is never loaded");
  model.set("tab_index", null);
  assert.equal(iframe.hasAttribute("tabindex"), false);
  cleanup();
  assert.equal(model.listenerCount("change:src"), 0);
});
