import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import upload from "../upload.js";
import { CHUNK, allowed, hint, refusal, sendFiles, sizeText } from "../files.js";

/** A model that also keeps the buffers of each message, as anywidget's `send` takes them. */
class Model extends FakeModel {
  send(content, _callbacks, buffers) {
    this.sent.push({ content, buffers: buffers ?? [] });
  }
  fromKernel(content) {
    for (const cb of [...(this.handlers.get("msg:custom") ?? [])]) cb(content, []);
  }
}

function page(state = {}) {
  const { document, Event } = new JSDOM(`<!doctype html><body><div id="a"></div></body>`).window;
  const model = new Model({
    description: "Upload", tooltip: null, disabled: false, accept: [], multiple: false, directory: false,
    max_bytes: 200 * 1024 * 1024, files: [], ...state,
  });
  const el = document.getElementById("a");
  const cleanup = upload.render({ model, el });
  const drop = (files) => {
    const event = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: { files } });
    el.querySelector(".nbfrag-upload-zone").dispatchEvent(event);
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { document, model, el, cleanup, drop, settle };
}

test("types are matched as Streamlit's normal form names them: extensions, MIME types, wildcards", () => {
  assert.equal(allowed("data.CSV", "text/csv", [".csv"]), true);
  assert.equal(allowed("notes.txt", "text/plain", [".csv"]), false);
  assert.equal(allowed("a.png", "image/png", ["image/*"]), true);
  assert.equal(allowed("a.pdf", "application/pdf", ["application/pdf", ".csv"]), true);
  assert.equal(allowed("anything", "", []), true);
});

test("a refused file gets Streamlit's message: its type, or the size limit", () => {
  assert.equal(refusal({ name: "a.txt", type: "text/plain", size: 1 }, [".csv"], 100), ".txt files are not allowed.");
  assert.equal(refusal({ name: "a.csv", type: "text/csv", size: 2 * 1024 * 1024 }, [".csv"], 1024 * 1024),
    "File must be 1.0MB or smaller.");
  assert.equal(refusal({ name: "a.csv", type: "text/csv", size: 10 }, [".csv"], 100), null);
  assert.equal(sizeText(200 * 1024 * 1024), "200.0MB");
  assert.equal(hint(200 * 1024 * 1024, [".csv", "image/*"]), "Limit 200.0MB per file • CSV, IMAGE/*");
});

test("files are sent in chunks no larger than CHUNK, between a begin and an end message", async () => {
  const model = new Model({});
  const big = new File([new Uint8Array(CHUNK * 2 + 5).fill(7)], "big.bin", { type: "application/octet-stream" });
  const small = new File(["hi"], "small.txt", { type: "text/plain" });
  const id = await sendFiles(model, [big, small]);
  const events = model.sent.map((m) => m.content.event);
  assert.deepEqual(events, ["upload-begin", "upload-chunk", "upload-chunk", "upload-chunk", "upload-chunk", "upload-end"]);
  assert.deepEqual(model.sent[0].content, {
    event: "upload-begin", upload: id,
    files: [{ name: "big.bin", type: "application/octet-stream", size: CHUNK * 2 + 5 }, { name: "small.txt", type: "text/plain", size: 2 }],
  });
  const sizes = model.sent.slice(1, 5).map((m) => [m.content.index, m.buffers[0].byteLength]);
  assert.deepEqual(sizes, [[0, CHUNK], [0, CHUNK], [0, 5], [1, 2]]);
  assert.ok(model.sent.every((m) => m.content.upload === id));
});

test("an upload the kernel refused stops sending its chunks", async () => {
  const model = new Model({});
  const big = new File([new Uint8Array(CHUNK * 3)], "big.bin");
  const id = await sendFiles(model, [big], () => {}, () => model.sent.length >= 2);
  assert.deepEqual(model.sent.map((m) => m.content.event), ["upload-begin", "upload-chunk"]);
  assert.ok(id);
});

test("a dropped file is uploaded; a refused one is named with the reason and nothing is sent", async () => {
  const { model, el, drop, settle } = page({ accept: [".csv"], max_bytes: 10 });
  drop([new File(["x"], "notes.txt", { type: "text/plain" })]);
  await settle();
  assert.equal(model.sent.length, 0);
  const status = el.querySelector(".nbfrag-upload-status");
  assert.equal(status.textContent, "notes.txt: .txt files are not allowed.");
  assert.ok(status.classList.contains("nbfrag-upload-error"));
  drop([new File(["a,b,c,d,e,f,g"], "big.csv")]);
  await settle();
  assert.equal(status.textContent, "big.csv: File must be 10.0B or smaller.");
  drop([new File(["a,b"], "ok.csv", { type: "text/csv" })]);
  await settle();
  assert.deepEqual(model.sent.map((m) => m.content.event), ["upload-begin", "upload-chunk", "upload-end"]);
  model.fromKernel({ event: "upload-error", upload: model.sent[0].content.upload, message: "Invalid file extension" });
  assert.equal(status.textContent, "Invalid file extension");
});

test("a single-file uploader sends only the first of several dropped files", async () => {
  const { model, drop, settle } = page();
  drop([new File(["1"], "a.txt"), new File(["2"], "b.txt")]);
  await settle();
  assert.deepEqual(model.sent[0].content.files.map((f) => f.name), ["a.txt"]);
});

test("the kernel's files are listed (as text) with a remove button that sends their id", () => {
  const { model, el } = page();
  model.set("files", [{ file_id: "f1", name: "<b>x</b>.csv", size: 2048 }]);
  const row = el.querySelector(".nbfrag-upload-file");
  assert.equal(row.querySelector("span").textContent, "📄 <b>x</b>.csv");
  assert.equal(row.querySelector("b"), null);
  assert.equal(row.querySelector("small").textContent, "2.0KB");
  row.querySelector("button").click();
  assert.deepEqual(model.sent.map((m) => m.content), [{ event: "remove", file_id: "f1" }]);
});

test("the file input follows the traits: accept, multiple, a directory, disabled", () => {
  const { model, el } = page({ accept: [".jpg", ".jpeg"], multiple: true, directory: true });
  const input = el.querySelector("input[type=file]");
  assert.equal(input.accept, ".jpg,.jpeg");
  assert.equal(input.multiple, true);
  assert.ok(input.hasAttribute("webkitdirectory"));
  model.set("disabled", true);
  assert.equal(el.querySelector(".nbfrag-upload-zone button").disabled, true);
  assert.equal(input.disabled, true);
});

test("a disabled uploader ignores dropped files", async () => {
  const { model, drop, settle } = page({ disabled: true });
  drop([new File(["1"], "a.txt")]);
  await settle();
  assert.equal(model.sent.length, 0);
});

test("cleanup removes the model listeners", () => {
  const { model, cleanup } = page();
  cleanup();
  assert.equal(model.listenerCount("change:files"), 0);
  assert.equal(model.listenerCount("msg:custom"), 0);
});
