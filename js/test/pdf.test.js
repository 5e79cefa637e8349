import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import pdf, { PDF_TYPE, pdfBytes, urlProblem } from "../pdf.js";

const PAGE = "http://127.0.0.1:8888";
const BYTES = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

function view(state) {
  const { window } = new JSDOM("<!doctype html><body></body>", { url: `${PAGE}/lab/tree/app.ipynb` });
  // jsdom has Blob but no object URLs: record what is made and revoked.
  const made = [];
  const revoked = [];
  window.URL.createObjectURL = (blob) => {
    made.push(blob);
    return `blob:${PAGE}/${made.length}`;
  };
  window.URL.revokeObjectURL = (url) => revoked.push(url);
  const el = window.document.createElement("div");
  window.document.body.appendChild(el);
  const model = new FakeModel({ data: null, url: "", name: "report.pdf", height: "500px", title: "", ...state });
  const cleanup = pdf.render({ model, el });
  const object = () => el.querySelector("object");
  return { window, el, model, cleanup, made, revoked, object };
}

test("the bytes are shown from a blob: URL of type application/pdf, made once", () => {
  const data = new DataView(BYTES.buffer);
  const { model, made, revoked, object, cleanup } = view({ data });
  assert.equal(object().getAttribute("data"), `blob:${PAGE}/1`);
  assert.equal(object().getAttribute("type"), PDF_TYPE);
  assert.equal(made.length, 1);
  assert.equal(made[0].type, PDF_TYPE);
  assert.equal(made[0].size, BYTES.length);
  assert.equal(object().querySelector("a").getAttribute("download"), "report.pdf");
  model.set("height", "300px");  // a change that keeps the bytes reuses the blob
  assert.equal(made.length, 1);
  assert.equal(object().style.height, "300px");
  model.set("data", new DataView(new TextEncoder().encode("%PDF-1.7 other").buffer));
  assert.equal(made.length, 2);
  assert.deepEqual(revoked, [`blob:${PAGE}/1`]);
  assert.equal(object().getAttribute("data"), `blob:${PAGE}/2`);
  cleanup();
  assert.deepEqual(revoked, [`blob:${PAGE}/1`, `blob:${PAGE}/2`]);
  assert.equal(model.listenerCount("change:data"), 0);
});

test("a URL of another site is shown as it is", () => {
  const { object, made } = view({ url: "https://example.com/a.pdf", title: "Annual report" });
  assert.equal(object().getAttribute("data"), "https://example.com/a.pdf");
  assert.equal(object().getAttribute("aria-label"), "Annual report");
  assert.equal(made.length, 0);
});

test("a URL of the notebook server or another scheme is refused with an error", () => {
  for (const url of [`${PAGE}/files/a.pdf`, "javascript:alert(1)", "data:application/pdf;base64,JVBERi0=", "/files/a.pdf"]) {
    const { el, object } = view({ url });
    assert.equal(object(), null, url);
    const error = el.querySelector(".nbfrag-pdf-error");
    assert.ok(error && error.textContent.startsWith("st.pdf"), url);
  }
  assert.equal(urlProblem("https://example.com/a.pdf", PAGE), "");
  assert.match(urlProblem(`${PAGE}/api/kernels`, PAGE), /could reach the kernel/);
  assert.match(urlProblem("file:///etc/passwd", PAGE), /only http\(s\)/);
});

test("switching from bytes to a refused URL removes the viewer and frees the blob", () => {
  const { model, el, object, revoked } = view({ data: new DataView(BYTES.buffer) });
  model.set("data", null);
  model.set("url", `${PAGE}/x.pdf`);
  assert.equal(object(), null);
  assert.deepEqual(revoked, [`blob:${PAGE}/1`]);
  model.set("url", "https://example.com/b.pdf");
  assert.equal(object().getAttribute("data"), "https://example.com/b.pdf");
  assert.equal(el.querySelector(".nbfrag-pdf-error"), null);
});

test("binary traits of every shape give their bytes", () => {
  assert.equal(pdfBytes(null), null);
  assert.equal(pdfBytes(new DataView(new ArrayBuffer(0))), null);
  assert.deepEqual([...pdfBytes(new DataView(BYTES.buffer, 1, 3))], [...BYTES.slice(1, 4)]);
  assert.deepEqual([...pdfBytes(BYTES.buffer)], [...BYTES]);
});
