import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { FakeModel } from "./fake-model.js";

import grid, { BLOCK, MAX_SCROLL, RowCache, blocksFor, nextSort, toggle, windowFor } from "../grid.js";

const COLUMNS = [
  { key: "name", label: "Name", kind: "text", help: "who", width: null, align: "left", index: false, editable: true },
  { key: "n", label: "N", kind: "number", help: "", width: 75, align: "right", index: false, editable: false },
];

function page(state = {}) {
  const { document, MouseEvent } = new JSDOM(`<!doctype html><body><div id="a"></div></body>`).window;
  const model = new FakeModel({
    columns: COLUMNS, nrows: 1_000_000, version: 1, height: 200, row_height: 35, selection_modes: [],
    selection: { rows: [], columns: [], cells: [] }, sort: [], editable: false, num_rows: "fixed",
    disabled: false, alt: "", ...state,
  });
  const el = document.getElementById("a");
  const cleanup = grid.render({ model, el });
  const reply = (content) => {
    for (const cb of [...(model.handlers.get("msg:custom") ?? [])]) cb(content);
  };
  const click = (node) => node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  return { document, model, el, cleanup, reply, click };
}

const row = (pos, name, n) => ({ pos, cells: [{ t: name, v: name }, { t: String(n), v: n }] });

test("the window covers the rows in view, and a huge table is scaled under the browser's height cap", () => {
  assert.deepEqual(windowFor(0, 350, 35, 100), { first: 0, count: 11, top: 0 });
  assert.deepEqual(windowFor(350, 350, 35, 100), { first: 10, count: 11, top: 350 });
  const end = windowFor(MAX_SCROLL - 350, 350, 35, 1_000_000);
  assert.equal(end.first + end.count, 1_000_000); // the last rows are reachable
  assert.ok(windowFor(MAX_SCROLL / 2, 350, 35, 1_000_000).first > 400_000);
});

test("rows are asked for in blocks, each block once per version", () => {
  assert.deepEqual(blocksFor(95, 10), [0, 1]);
  const cache = new RowCache();
  cache.reset(3);
  assert.deepEqual(cache.missing(0, 20), [0]);
  assert.deepEqual(cache.missing(0, 20), []);
  assert.equal(cache.put(2, 0, [row(0, "old", 1)]), false, "a stale version is dropped");
  assert.equal(cache.put(3, 0, [row(0, "new", 1)]), true);
});

test("a million-row grid asks only for the first block, then draws the rows it is sent", () => {
  const { model, el, reply } = page();
  assert.deepEqual(model.sent, [{ event: "rows", start: 0, stop: BLOCK }]);
  assert.equal(el.querySelector("table[role=grid]").getAttribute("aria-rowcount"), "1000000");
  reply({ event: "rows", version: 1, start: 0, rows: [row(0, "<img src=x onerror=alert(1)>", 5), row(1, "b", 6)] });
  const cells = [...el.querySelectorAll("tr[data-pos='0'] td")].map((td) => td.textContent);
  assert.deepEqual(cells, ["<img src=x onerror=alert(1)>", "5"]);
  assert.equal(el.querySelector("td img"), null, "cell text is never HTML");
  assert.ok(el.querySelectorAll("tr").length < 20, "only the rows in view are in the DOM");
});

test("a header click sorts ascending, then descending, then not at all", () => {
  assert.deepEqual(nextSort([], "n"), ["n", "asc"]);
  assert.deepEqual(nextSort(["n", "asc"], "n"), ["n", "desc"]);
  assert.deepEqual(nextSort(["n", "desc"], "n"), []);
  const { model, el, click } = page();
  click(el.querySelector("th[data-key='n']"));
  assert.deepEqual(model.get("sort"), ["n", "asc"]);
  assert.equal(el.querySelector("th[data-key='n']").getAttribute("aria-sort"), "ascending");
  const { KeyboardEvent } = el.ownerDocument.defaultView;
  el.querySelector("th[data-key='n']").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  assert.deepEqual(model.get("sort"), ["n", "desc"], "Enter on a focused header sorts too");
});

test("selections follow Streamlit's modes", () => {
  const empty = { rows: [], columns: [], cells: [] };
  assert.deepEqual(toggle(empty, ["multi-row"], "row", 3, true).rows, [3]);
  assert.deepEqual(toggle({ ...empty, rows: [3] }, ["multi-row"], "row", 4, true).rows, [3, 4]);
  assert.deepEqual(toggle({ ...empty, rows: [3] }, ["single-row"], "row", 4, true).rows, [4]);
  assert.deepEqual(toggle({ ...empty, rows: [3] }, ["single-row"], "row", 3, true).rows, []);
  assert.deepEqual(toggle({ ...empty, rows: [3] }, ["single-row-required"], "row", 3, true).rows, [3]);
  assert.equal(toggle(empty, ["multi-row"], "column", "n", false), null);
  assert.deepEqual(toggle(empty, ["single-cell"], "cell", [2, "n"], false).cells, [[2, "n"]]);
});

test("ticking a row selects it; a header click selects a column in column modes", () => {
  const { model, el, reply, click } = page({ selection_modes: ["multi-row", "single-column"] });
  reply({ event: "rows", version: 1, start: 0, rows: [row(0, "a", 1), row(1, "b", 2)] });
  click(el.querySelector("tr[data-pos='1'] input.nbfrag-grid-tick"));
  assert.deepEqual(model.get("selection").rows, [1]);
  click(el.querySelector("th[data-key='name']"));
  assert.deepEqual(model.get("selection").columns, ["name"]);
  assert.deepEqual(model.get("sort"), [], "in column modes a header click selects, not sorts");
});

test("an editor sends one edit per committed cell, and add/delete messages", () => {
  const { model, el, reply, click, document } = page({ editable: true, num_rows: "dynamic", nrows: 2 });
  reply({ event: "rows", version: 1, start: 0, rows: [row(0, "a", 1), row(1, "b", 2)] });
  const cell = el.querySelector("tr[data-pos='1'] td[data-key='name']");
  cell.dispatchEvent(new document.defaultView.MouseEvent("dblclick", { bubbles: true }));
  const input = el.querySelector("input.nbfrag-grid-editor");
  input.value = "bee";
  input.dispatchEvent(new document.defaultView.KeyboardEvent("keydown", { key: "Enter" }));
  assert.deepEqual(model.sent.at(-1), { event: "edit", pos: 1, column: "name", value: "bee" });
  const readOnly = el.querySelector("tr[data-pos='1'] td[data-key='n']");
  readOnly.dispatchEvent(new document.defaultView.MouseEvent("dblclick", { bubbles: true }));
  assert.equal(el.querySelector("input.nbfrag-grid-editor"), null, "a read-only column opens no editor");
  click(el.querySelector("button.nbfrag-grid-add"));
  assert.deepEqual(model.sent.at(-1), { event: "add" });
  click(el.querySelector("tr[data-pos='0'] input.nbfrag-grid-tick"));
  click(el.querySelector("button.nbfrag-grid-delete"));
  assert.deepEqual(model.sent.at(-1), { event: "delete", rows: [0] });
});

test("a new version drops the cached rows and asks again", () => {
  const { model, reply } = page();
  reply({ event: "rows", version: 1, start: 0, rows: [row(0, "a", 1)] });
  model.sent.length = 0;
  model.set("version", 2);
  assert.deepEqual(model.sent, [{ event: "rows", start: 0, stop: BLOCK }]);
});

test("links and pictures need safe URLs", () => {
  const { el, reply } = page({ columns: [{ key: "u", label: "U", kind: "link", align: "left" }] });
  reply({ event: "rows", version: 1, start: 0, rows: [
    { pos: 0, cells: [{ t: "ok", v: "https://a.b", href: "https://a.b" }] },
    { pos: 1, cells: [{ t: "bad", v: "javascript:x", href: "javascript:alert(1)" }] },
  ] });
  assert.equal(el.querySelector("tr[data-pos='0'] a").getAttribute("href"), "https://a.b");
  assert.equal(el.querySelector("tr[data-pos='1'] a"), null);
});
