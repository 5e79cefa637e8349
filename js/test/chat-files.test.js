import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import chat, { outgoing } from "../chat.js";

class Model extends FakeModel {
  send(content, _callbacks, buffers) {
    this.sent.push({ content, buffers: buffers ?? [] });
  }
}

function page(state = {}) {
  const { document, Event } = new JSDOM(`<!doctype html><body><div id="a"></div></body>`).window;
  globalThis.__nbfragChat.focused = null;
  globalThis.__nbfragChat.drafts.clear();
  const model = new Model({
    placeholder: "Say", disabled: false, max_chars: 0, uid: "c1", draft: "", draft_version: 0,
    accept_file: "multiple", accept: [".png"], max_bytes: 100, attachments: [], ...state,
  });
  const el = document.getElementById("a");
  chat.render({ model, el });
  const attach = el.querySelector("button[aria-label='Attach files']");
  const input = el.querySelector("input[type=file]");
  const choose = (files) => {
    Object.defineProperty(input, "files", { value: files, configurable: true });
    input.dispatchEvent(new Event("change"));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { model, el, attach, input, choose, settle };
}

test("files may be sent without text; nothing is sent when there is neither", () => {
  assert.equal(outgoing("", false, true), "");
  assert.equal(outgoing("  ", false, false), null);
});

test("the attach button shows only when files are accepted, with the file chooser's filter", () => {
  const { model, attach, input } = page();
  assert.equal(attach.hidden, false);
  assert.equal(input.accept, ".png");
  assert.equal(input.multiple, true);
  model.set("accept_file", "");
  assert.equal(attach.hidden, true);
});

test("chosen files are uploaded at once; refused ones are named with the reason", async () => {
  const { model, el, choose, settle } = page();
  choose([new File(["x"], "a.png", { type: "image/png" }), new File(["x"], "b.txt")]);
  await settle();
  assert.deepEqual(model.sent.map((m) => m.content.event), ["upload-begin", "upload-chunk", "upload-end"]);
  assert.deepEqual(model.sent[0].content.files.map((f) => f.name), ["a.png"]);
  assert.equal(el.querySelector(".nbfrag-chat-status").textContent, "b.txt: .txt files are not allowed.");
});

test("the kernel's attachments show as chips; a message with only files can be sent", () => {
  const { model, el } = page();
  const send = el.querySelector("button[aria-label=Send]");
  assert.equal(send.disabled, true);
  model.set("attachments", [{ file_id: "f1", name: "<i>a</i>.png", size: 10 }]);
  const chip = el.querySelector(".nbfrag-chat-file");
  assert.equal(chip.querySelector("span").textContent, "📄 <i>a</i>.png (10.0B)");
  assert.equal(chip.querySelector("i"), null);
  assert.equal(send.disabled, false);
  chip.querySelector("button").click();
  send.click();
  assert.deepEqual(model.sent.map((m) => m.content), [{ event: "remove", file_id: "f1" }, { event: "submit", value: "" }]);
});

test("a voice message: the 🎤 shows with accept_audio, the recording is a chip sent with the message", async () => {
  const { model, el, settle } = page({ accept_file: "", accept_audio: false, recording: null, sample_rate: 16000 });
  const mic = el.querySelector("button[aria-label='Record a voice message']");
  assert.equal(mic.hidden, true);
  model.set("accept_audio", true);
  assert.equal(mic.hidden, false);
  mic.click(); // this page is not secure (jsdom): the reason is shown, nothing is recorded
  await settle();
  assert.match(el.querySelector(".nbfrag-chat-status").textContent, /secure page/);
  const send = el.querySelector("button[aria-label=Send]");
  assert.equal(send.disabled, true);
  model.set("recording", { file_id: "r1", name: "audio.wav", size: 2048 });
  assert.equal(el.querySelector(".nbfrag-chat-file span").textContent, "🎤 audio.wav (2.0KB)");
  assert.equal(send.disabled, false);
  send.click();
  assert.deepEqual(model.sent.map((m) => m.content), [{ event: "submit", value: "" }]);
});
