import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import download from "../download.js";

function page(state = {}) {
  const { window } = new JSDOM(`<!doctype html><body><div id="a"></div></body>`);
  const { document } = window;
  const blobs = [];
  const clicks = [];
  window.URL.createObjectURL = (blob) => {
    blobs.push(blob);
    return `blob:fake/${blobs.length}`;
  };
  window.URL.revokeObjectURL = () => {};
  window.HTMLAnchorElement.prototype.click = function click() {
    clicks.push({ href: this.href, download: this.download });
  };
  const model = new FakeModel({
    description: "Download", tooltip: null, disabled: false, button_style: "", file_name: "a.csv", fill: false, ...state,
  });
  const el = document.getElementById("a");
  const cleanup = download.render({ model, el });
  const fromKernel = (content, buffers = []) => {
    for (const cb of [...(model.handlers.get("msg:custom") ?? [])]) cb(content, buffers);
  };
  return { document, model, el, cleanup, blobs, clicks, fromKernel };
}

test("a click asks the kernel for the file; nothing is held in the page before", () => {
  const { model, el } = page();
  const button = el.querySelector("button");
  assert.equal(button.textContent, "Download");
  button.click();
  assert.deepEqual(model.sent, [{ event: "download" }]);
});

test("the kernel's bytes are saved through a Blob URL under the file name", async () => {
  const { fromKernel, blobs, clicks, document } = page();
  const bytes = new TextEncoder().encode("a,b\n1,2\n");
  fromKernel({ event: "download-data", file_name: "plants.csv", mime: "text/csv" }, [new DataView(bytes.buffer)]);
  assert.deepEqual(clicks, [{ href: "blob:fake/1", download: "plants.csv" }]);
  assert.equal(blobs[0].type, "text/csv");
  assert.equal(blobs[0].size, bytes.length);
  assert.equal(document.querySelectorAll("a").length, 0); // the temporary link is gone
});

test("a disabled button sends nothing; an error from the kernel is shown as text", () => {
  const { model, el, fromKernel } = page({ disabled: true });
  el.querySelector("button").click();
  assert.deepEqual(model.sent, []);
  fromKernel({ event: "download-error", message: "<b>ZeroDivisionError</b>" });
  const error = el.querySelector(".nbfrag-download-error");
  assert.equal(error.textContent, "<b>ZeroDivisionError</b>");
  assert.equal(error.querySelector("b"), null);
});

test("the button follows its traits: label, primary style, full width", () => {
  const { model, el } = page();
  model.set("description", "Get it");
  model.set("button_style", "primary");
  model.set("fill", true);
  const button = el.querySelector("button");
  assert.equal(button.textContent, "Get it");
  assert.ok(button.classList.contains("mod-primary"));
  assert.equal(button.style.width, "100%");
});
