import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import component, { checkName, mountMarkup } from "../component.js";

function view(state, fn) {
  const { window } = new JSDOM("<!doctype html><body></body>");
  const el = window.document.createElement("div");
  window.document.body.appendChild(el);
  const model = new FakeModel({
    name: "demo", key: "k", html: "<button>go</button>", css: "button{color:red}", js: "source",
    isolate_styles: false, data: { n: 1 }, width: "", height: "", ...state,
  });
  const importer = async (source) => (source ? fn : null);
  const cleanup = component.render({ model, el }, importer);
  return { el, model, cleanup, window };
}

test("the author's markup and styles are mounted, in a shadow root when isolated", async () => {
  const calls = [];
  const plain = view({}, (args) => calls.push(args));
  await plain.cleanup.ready;
  assert.equal(plain.el.querySelector("button").textContent, "go");
  assert.equal(plain.el.querySelector("style").textContent, "button{color:red}");
  assert.equal(calls.length, 1);
  assert.deepEqual([calls[0].name, calls[0].key, calls[0].data], ["demo", "k", { n: 1 }]);
  const isolated = view({ isolate_styles: true }, (args) => calls.push(args));
  await isolated.cleanup.ready;
  const host = isolated.el.querySelector(".nbfrag-component-root");
  assert.equal(host.querySelector("button"), null, "the markup is inside the shadow root");
  assert.equal(host.shadowRoot.querySelector("button").textContent, "go");
  assert.equal(calls[1].parentElement, host.shadowRoot);
});

test("setStateValue and setTriggerValue become messages to the kernel", async () => {
  let api;
  const { model, cleanup } = view({}, (args) => {
    api = args;
  });
  await cleanup.ready;
  api.setStateValue("count", 2);
  api.setTriggerValue("clicked", undefined);
  assert.deepEqual(model.sent, [
    { event: "state", name: "count", value: 2 },
    { event: "trigger", name: "clicked", value: null },
  ]);
  assert.throws(() => api.setStateValue("", 1), TypeError);
  assert.throws(() => checkName(7), TypeError);
});

test("new data calls the function again after its cleanup; removal cleans up", async () => {
  const log = [];
  const { model, cleanup } = view({}, ({ data }) => {
    log.push(`call ${data.n}`);
    return () => log.push(`cleanup ${data.n}`);
  });
  await cleanup.ready;
  model.set("data", { n: 2 });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(log, ["call 1", "cleanup 1", "call 2"]);
  cleanup();
  assert.deepEqual(log, ["call 1", "cleanup 1", "call 2", "cleanup 2"]);
  assert.equal(model.listenerCount("change:data"), 0);
});

test("an error in the author's code is contained", async () => {
  const { el, cleanup } = view({}, () => {
    throw new Error("boom");
  });
  const original = console.error;
  console.error = () => {};
  try {
    await cleanup.ready;
  } finally {
    console.error = original;
  }
  assert.equal(el.querySelector("button").textContent, "go", "the markup stays");
});

test("mountMarkup replaces what was there", () => {
  const { window } = new JSDOM("<!doctype html><body><div id='r'><p>old</p></div></body>");
  const root = window.document.getElementById("r");
  mountMarkup(root, "<i>new</i>", "");
  assert.equal(root.innerHTML, "<i>new</i>");
});
