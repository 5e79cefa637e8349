import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import capture from "../capture.js";
import { encodeWav, unavailable } from "../recording.js";

test("a recording is encoded as a mono 16-bit PCM WAV at the asked rate", () => {
  const wav = new DataView(encodeWav(new Float32Array([0, 1, -1, 0.5, 2]), 16000));
  const text = (offset, length) => String.fromCharCode(...Array.from({ length }, (_, i) => wav.getUint8(offset + i)));
  assert.equal(text(0, 4), "RIFF");
  assert.equal(text(8, 4), "WAVE");
  assert.equal(wav.getUint16(22, true), 1); // mono
  assert.equal(wav.getUint32(24, true), 16000);
  assert.equal(wav.getUint16(34, true), 16);
  assert.equal(wav.getUint32(40, true), 10);
  const samples = [0, 1, 2, 3, 4].map((i) => wav.getInt16(44 + 2 * i, true));
  assert.deepEqual(samples, [0, 32767, -32768, 16383, 32767]); // clipped to [-1, 1]
});

test("the widget says why it cannot capture: an insecure page, no device API, a refusal", () => {
  assert.match(unavailable({ isSecureContext: false, navigator: {} }, null), /secure page/);
  assert.match(unavailable({ isSecureContext: true, navigator: {} }, null), /cannot use/);
  const win = { isSecureContext: true, navigator: { mediaDevices: { getUserMedia() {} } } };
  assert.match(unavailable(win, { name: "NotAllowedError" }), /refused/);
  assert.equal(unavailable(win, null), "");
});

test("on an insecure page the camera is not asked for and the reason is shown", async () => {
  const { window } = new JSDOM(`<!doctype html><body><div id="a"></div></body>`, { url: "http://example.com/" });
  const model = new FakeModel({ kind: "camera", description: "Smile", disabled: false, files: [], resolution_height: 0 });
  const el = window.document.getElementById("a");
  capture.render({ model, el });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.match(el.querySelector(".nbfrag-capture-status").textContent, /secure page/);
  assert.equal(el.querySelector("button").textContent, "Take photo");
  model.set("files", [{ file_id: "f1", name: "image.jpg", size: 3 }]);
  assert.equal(el.querySelector("button").textContent, "Clear photo");
  el.querySelector("button").click();
  assert.deepEqual(model.sent, [{ event: "remove", file_id: "f1" }]);
});
