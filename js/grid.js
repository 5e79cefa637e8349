// nbfrag grid: the interactive table of `st.dataframe` and `st.data_editor`.
//
// The kernel keeps the data; this view shows a window of rows and asks for the rows it scrolls
// to, so a 1,000,000-row frame costs the browser only what is in view.
//
// Traits (kernel -> browser):
//   columns: [{key, label, kind, help, width, align, index, editable, options, color, range}]
//   nrows: int, the number of rows; version: int, bumped when the rows change (data, sort)
//   height, row_height: pixels; alt: the table's accessible name
//   selection_modes: ["multi-row", "single-column", "single-cell", ...] ([] = no selections)
//   editable: bool (st.data_editor); num_rows: "fixed" | "dynamic" | "add" | "delete"; disabled
// Traits set here (browser -> kernel, checked there):
//   sort: [column key, "asc" | "desc"] or []
//   selection: {rows: [positions], columns: [keys], cells: [[position, key]]}
// Messages:
//   -> {event: "rows", start, stop}        <- {event: "rows", version, start, rows: [{pos, cells}]}
//   -> {event: "edit", pos, column, value} | {event: "add"} | {event: "delete", rows: [positions]}
// A cell is {t: text, v: raw value, na?, href?, src?, p?}: text is always set with textContent;
// href and src were checked by the kernel (http(s)/mailto, data:image) and are checked again.

export const BLOCK = 100; // rows per ask
export const MAX_SCROLL = 8_000_000; // px: browsers cap an element's height (about 33M px)
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const SAFE_SRC = /^(https?:\/\/|data:image\/(png|jpeg|gif|webp);)/i;

/** Which rows to draw for a scroll position: {first, count, top} (top: where row `first` sits). */
export function windowFor(scrollTop, viewport, rowHeight, nrows) {
  const visible = Math.max(1, Math.ceil(viewport / rowHeight) + 1);
  const total = nrows * rowHeight;
  const maxFirst = Math.max(0, nrows - visible + 1);
  if (total <= MAX_SCROLL) {
    const first = Math.min(maxFirst, Math.max(0, Math.floor(scrollTop / rowHeight)));
    return { first, count: Math.min(visible, nrows - first), top: first * rowHeight };
  }
  const range = Math.max(1, MAX_SCROLL - viewport);
  const first = Math.min(maxFirst, Math.round((Math.max(0, scrollTop) / range) * maxFirst));
  return { first, count: Math.min(visible, nrows - first), top: Math.min(scrollTop, MAX_SCROLL - viewport) };
}

/** The blocks (of BLOCK rows) covering rows [first, first + count). */
export function blocksFor(first, count) {
  const out = [];
  for (let b = Math.floor(first / BLOCK); b * BLOCK < first + count; b++) out.push(b);
  return out;
}

/** Row cache for one version: rows by shown index, and the blocks asked for. */
export class RowCache {
  constructor() {
    this.version = -1;
    this.rows = new Map();
    this.asked = new Set();
  }
  reset(version) {
    this.version = version;
    this.rows.clear();
    this.asked.clear();
  }
  /** The blocks still to ask for to show [first, first + count); marks them asked. */
  missing(first, count) {
    const out = [];
    for (const b of blocksFor(first, count)) {
      if (!this.asked.has(b)) {
        this.asked.add(b);
        out.push(b);
      }
    }
    return out;
  }
  /** Store a reply; false when it belongs to another version (stale). */
  put(version, start, rows) {
    if (version !== this.version) return false;
    rows.forEach((row, i) => this.rows.set(start + i, row));
    return true;
  }
}

/** The selection after a click, by Streamlit's modes. `what`: "row" | "column" | "cell". */
export function toggle(selection, modes, what, id, additive) {
  const sel = { rows: [...(selection.rows ?? [])], columns: [...(selection.columns ?? [])], cells: [...(selection.cells ?? [])] };
  const multi = modes.includes(`multi-${what}`);
  const single = modes.includes(`single-${what}`) || (what === "row" && modes.includes("single-row-required"));
  if (!multi && !single) return null;
  const list = what === "row" ? "rows" : what === "column" ? "columns" : "cells";
  const same = (a) => (what === "cell" ? a[0] === id[0] && a[1] === id[1] : a === id);
  const had = sel[list].some(same);
  if (had) {
    if (what === "row" && modes.includes("single-row-required") && sel.rows.length === 1) return sel;
    sel[list] = sel[list].filter((a) => !same(a));
  } else {
    sel[list] = multi && (additive || what !== "cell") ? [...sel[list], id] : [id];
  }
  if (!additive && !multi) {
    // picking in one kind clears the others, as Streamlit's grid does
    for (const other of ["rows", "columns", "cells"]) if (other !== list) sel[other] = [];
  }
  return sel;
}

/** The next sort when a header is clicked: ascending, descending, none. */
export function nextSort(sort, key) {
  if (!sort || sort[0] !== key) return [key, "asc"];
  return sort[1] === "asc" ? [key, "desc"] : [];
}

function ensureStyle(doc) {
  if (doc.getElementById("nbfrag-grid-style")) return;
  const style = doc.createElement("style");
  style.id = "nbfrag-grid-style";
  style.textContent = `
.nbfrag-grid{font-size:0.875rem;border:1px solid rgba(128,128,128,0.35);border-radius:0.4rem;
  overflow:auto;position:relative;background:var(--jp-layout-color0,#fff);color:var(--jp-content-font-color1,inherit)}
.nbfrag-grid table{border-collapse:collapse;table-layout:fixed}
.nbfrag-grid-head{position:sticky;top:0;z-index:2;background:var(--jp-layout-color2,#f6f6f8)}
.nbfrag-grid th,.nbfrag-grid td{border-right:1px solid rgba(128,128,128,0.2);border-bottom:1px solid rgba(128,128,128,0.2);
  padding:0 0.5rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;box-sizing:border-box}
.nbfrag-grid th{font-weight:600;cursor:pointer;user-select:none;text-align:left}
.nbfrag-grid td.nbfrag-grid-index,.nbfrag-grid th.nbfrag-grid-index{color:rgba(100,100,110,0.95);background:var(--jp-layout-color2,#f6f6f8)}
.nbfrag-grid td.nbfrag-grid-na{color:rgba(128,128,128,0.8)}
.nbfrag-grid tr.nbfrag-grid-selected td,.nbfrag-grid td.nbfrag-grid-selected,.nbfrag-grid th.nbfrag-grid-selected{background:rgba(255,75,75,0.12)}
.nbfrag-grid-bar{display:inline-block;height:0.5rem;border-radius:0.25rem;background:var(--nbfrag-bar,#ff4b4b);vertical-align:middle;margin-right:0.4rem}
.nbfrag-grid-bartrack{display:inline-block;width:50%;height:0.5rem;border-radius:0.25rem;background:rgba(128,128,128,0.2);vertical-align:middle;margin-right:0.4rem}
.nbfrag-grid img{max-height:100%;vertical-align:middle}
.nbfrag-grid input.nbfrag-grid-editor,.nbfrag-grid select.nbfrag-grid-editor{width:100%;box-sizing:border-box;font:inherit}
.nbfrag-grid-tools{display:flex;gap:0.5rem;padding:0.25rem 0}
.nbfrag-grid-tools button{font:inherit;cursor:pointer}`;
  doc.head.appendChild(style);
}

function widthOf(col) {
  return typeof col.width === "number" ? col.width : col.index ? 80 : col.kind === "checkbox" ? 90 : 150;
}

function render({ model, el }) {
  const doc = el.ownerDocument;
  ensureStyle(doc);
  const root = doc.createElement("div");
  const box = doc.createElement("div");
  box.className = "nbfrag-grid";
  box.tabIndex = 0;
  const tools = doc.createElement("div");
  tools.className = "nbfrag-grid-tools";
  root.append(box, tools);
  el.appendChild(root);
  const cache = new RowCache();
  let frame = null;

  const modes = () => model.get("selection_modes") ?? [];
  const rowModes = () => modes().some((m) => m.endsWith("-row") || m === "single-row-required");
  const deletable = () => model.get("editable") && ["dynamic", "delete"].includes(model.get("num_rows"));
  const checkColumn = () => rowModes() || deletable();
  let marked = new Set(); // editor rows ticked for deletion

  const ask = (first, count) => {
    for (const b of cache.missing(first, count)) {
      model.send({ event: "rows", start: b * BLOCK, stop: (b + 1) * BLOCK });
    }
  };

  function layout() {
    const cols = model.get("columns") ?? [];
    const rh = model.get("row_height") || 35;
    const nrows = model.get("nrows") ?? 0;
    box.replaceChildren();
    box.style.maxHeight = `${model.get("height")}px`;
    const widths = [...(checkColumn() ? [32] : []), ...cols.map(widthOf)];
    const total = widths.reduce((a, b) => a + b, 0);
    // Fixed: the tick column, the index and columns given a width; the others share the rest.
    const fixed = [...(checkColumn() ? [true] : []), ...cols.map((col) => col.index || typeof col.width === "number")];
    const colgroup = () => {
      const g = doc.createElement("colgroup");
      widths.forEach((w, i) => {
        const c = doc.createElement("col");
        if (fixed[i]) c.style.width = `${w}px`;
        g.appendChild(c);
      });
      return g;
    };
    const head = doc.createElement("table");
    head.className = "nbfrag-grid-head";
    head.style.width = "100%";
    head.style.minWidth = `${total}px`;
    head.setAttribute("role", "presentation");
    const hr = doc.createElement("tr");
    hr.style.height = `${rh}px`;
    if (checkColumn()) hr.appendChild(doc.createElement("th"));
    const sort = model.get("sort") ?? [];
    const selection = model.get("selection") ?? {};
    for (const col of cols) {
      const th = doc.createElement("th");
      th.dataset.key = col.key;
      th.setAttribute("role", "columnheader");
      if (col.index) th.classList.add("nbfrag-grid-index");
      if ((selection.columns ?? []).includes(col.key)) th.classList.add("nbfrag-grid-selected");
      const arrow = sort[0] === col.key ? (sort[1] === "asc" ? " ▲" : " ▼") : "";
      th.textContent = col.label + arrow;
      th.setAttribute("aria-sort", sort[0] === col.key ? (sort[1] === "asc" ? "ascending" : "descending") : "none");
      if (col.help) th.title = col.help;
      th.style.textAlign = col.align;
      th.tabIndex = 0; // keyboard: Enter or Space on a focused header acts as a click
      th.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
      th.addEventListener("click", (event) => {
        const colModes = modes().some((m) => m.endsWith("-column"));
        if (colModes && !col.index && !event.altKey) {
          const next = toggle(model.get("selection") ?? {}, modes(), "column", col.key, event.metaKey || event.ctrlKey);
          if (next) {
            model.set("selection", next);
            model.save_changes();
          }
          return;
        }
        model.set("sort", nextSort(model.get("sort"), col.key));
        model.save_changes();
      });
      hr.appendChild(th);
    }
    head.append(colgroup(), hr);
    const spacer = doc.createElement("div");
    spacer.style.position = "relative";
    spacer.style.height = `${Math.min(nrows * rh, MAX_SCROLL)}px`;
    spacer.style.width = "100%";
    spacer.style.minWidth = `${total}px`;
    const body = doc.createElement("table");
    body.setAttribute("role", "grid");
    body.setAttribute("aria-rowcount", String(nrows));
    if (model.get("alt")) body.setAttribute("aria-label", model.get("alt"));
    body.style.position = "absolute";
    body.style.width = "100%";
    body.style.left = "0";
    spacer.appendChild(body);
    box.append(head, spacer);
    frame = { cols, rh, nrows, body, colgroup };
    drawTools();
    draw();
  }

  function drawTools() {
    tools.replaceChildren();
    if (!model.get("editable") || model.get("disabled")) return;
    const num = model.get("num_rows");
    if (["dynamic", "add"].includes(num)) {
      const add = doc.createElement("button");
      add.textContent = "+ Add row";
      add.className = "nbfrag-grid-add";
      add.addEventListener("click", () => model.send({ event: "add" }));
      tools.appendChild(add);
    }
    if (deletable()) {
      const del = doc.createElement("button");
      del.textContent = "Delete selected rows";
      del.className = "nbfrag-grid-delete";
      del.addEventListener("click", () => {
        if (marked.size) model.send({ event: "delete", rows: [...marked] });
        marked = new Set();
      });
      tools.appendChild(del);
    }
  }

  function draw() {
    if (!frame) return;
    const { cols, rh, nrows, body, colgroup } = frame;
    if (cache.version !== model.get("version")) cache.reset(model.get("version"));
    const viewport = box.clientHeight || model.get("height") || 400;
    const { first, count, top } = windowFor(box.scrollTop, viewport, rh, nrows);
    ask(first, count);
    body.style.top = `${top}px`;
    body.replaceChildren(colgroup());
    const selection = model.get("selection") ?? {};
    const rows = new Set(selection.rows ?? []);
    const cells = new Set((selection.cells ?? []).map((c) => `${c[0]}\u0000${c[1]}`));
    const selCols = new Set(selection.columns ?? []);
    for (let i = first; i < first + count; i++) {
      const row = cache.rows.get(i);
      const tr = doc.createElement("tr");
      tr.style.height = `${rh}px`;
      tr.setAttribute("aria-rowindex", String(i + 2));
      if (!row) {
        const td = doc.createElement("td");
        td.colSpan = cols.length + (checkColumn() ? 1 : 0);
        td.textContent = "…";
        tr.appendChild(td);
        body.appendChild(tr);
        continue;
      }
      tr.dataset.pos = String(row.pos);
      if (rows.has(row.pos)) tr.classList.add("nbfrag-grid-selected");
      if (checkColumn()) {
        const td = doc.createElement("td");
        const tick = doc.createElement("input");
        tick.type = "checkbox";
        tick.className = "nbfrag-grid-tick";
        tick.checked = rows.has(row.pos) || marked.has(row.pos);
        tick.setAttribute("aria-label", `Select row ${i + 1}`);
        tick.addEventListener("click", (event) => {
          if (rowModes()) {
            const next = toggle(model.get("selection") ?? {}, modes(), "row", row.pos, true);
            if (next) {
              model.set("selection", next);
              model.save_changes();
            }
          } else {
            marked.has(row.pos) ? marked.delete(row.pos) : marked.add(row.pos);
          }
          event.stopPropagation();
        });
        td.appendChild(tick);
        tr.appendChild(td);
      }
      cols.forEach((col, c) => tr.appendChild(cellView(col, row.cells[c], row.pos, cells, selCols)));
      body.appendChild(tr);
    }
  }

  function cellView(col, cell, pos, cells, selCols) {
    const td = doc.createElement("td");
    td.style.textAlign = col.align;
    td.dataset.key = col.key;
    if (col.index) td.classList.add("nbfrag-grid-index");
    if (cell.na) td.classList.add("nbfrag-grid-na");
    if (cells.has(`${pos}\u0000${col.key}`) || selCols.has(col.key)) td.classList.add("nbfrag-grid-selected");
    if (cell.href && SAFE_HREF.test(cell.href)) {
      const a = doc.createElement("a");
      a.href = cell.href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = cell.t;
      td.appendChild(a);
    } else if (cell.src && SAFE_SRC.test(cell.src)) {
      const img = doc.createElement("img");
      img.src = cell.src;
      img.alt = "";
      td.appendChild(img);
    } else if (typeof cell.p === "number") {
      const track = doc.createElement("span");
      track.className = "nbfrag-grid-bartrack";
      const bar = doc.createElement("span");
      bar.className = "nbfrag-grid-bar";
      bar.style.width = `${Math.round(cell.p * 100)}%`;
      if (col.color && /^[#a-z0-9(),.\s%]+$/i.test(col.color)) bar.style.setProperty("--nbfrag-bar", col.color);
      track.appendChild(bar);
      td.append(track, doc.createTextNode(cell.t));
    } else if (col.kind === "checkbox" && !cell.na) {
      const tick = doc.createElement("input");
      tick.type = "checkbox";
      tick.checked = cell.v === true;
      tick.disabled = !(col.editable && model.get("editable") && !model.get("disabled"));
      tick.addEventListener("click", (event) => {
        event.preventDefault();
        if (!tick.disabled) model.send({ event: "edit", pos, column: col.key, value: !(cell.v === true) });
      });
      td.appendChild(tick);
    } else {
      td.textContent = cell.t;
    }
    td.addEventListener("click", (event) => {
      if (modes().some((m) => m.endsWith("-cell")) && !col.index) {
        const next = toggle(model.get("selection") ?? {}, modes(), "cell", [pos, col.key], event.metaKey || event.ctrlKey);
        if (next) {
          model.set("selection", next);
          model.save_changes();
        }
      }
    });
    if (col.editable && model.get("editable") && !model.get("disabled") && col.kind !== "checkbox") {
      td.addEventListener("dblclick", () => startEdit(td, col, cell, pos));
      td.tabIndex = 0;
      td.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && event.target === td) startEdit(td, col, cell, pos);
      });
    }
    return td;
  }

  function startEdit(td, col, cell, pos) {
    let input;
    if (col.kind === "selectbox") {
      input = doc.createElement("select");
      for (const option of col.options ?? []) {
        const o = doc.createElement("option");
        o.value = String(option.value);
        o.textContent = String(option.label ?? option.value);
        input.appendChild(o);
      }
      input.value = cell.v === null ? "" : String(cell.v);
    } else {
      input = doc.createElement("input");
      input.type = { number: "number", date: "date", time: "time", datetime: "datetime-local" }[col.kind] ?? "text";
      input.value = cell.v === null || cell.v === undefined ? "" : String(cell.v);
    }
    input.className = "nbfrag-grid-editor";
    td.replaceChildren(input);
    input.focus();
    let done = false;
    const commit = (keep) => {
      if (done) return;
      done = true;
      if (keep) {
        let value = input.value;
        if (col.kind === "number") value = value === "" ? null : Number(value);
        if (col.kind === "list") value = value === "" ? [] : value.split(",").map((s) => s.trim());
        model.send({ event: "edit", pos, column: col.key, value });
      }
      draw();
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") commit(true);
      if (event.key === "Escape") commit(false);
    });
    input.addEventListener("blur", () => commit(true));
  }

  const onRows = (content) => {
    if (content && content.event === "rows" && cache.put(content.version, content.start, content.rows)) draw();
  };
  const onScroll = () => draw();
  const onLayout = () => layout();
  const onDraw = () => draw();
  model.on("msg:custom", onRows);
  box.addEventListener("scroll", onScroll);
  for (const name of ["columns", "nrows", "height", "row_height", "sort", "selection_modes", "editable", "num_rows", "disabled", "alt"]) {
    model.on(`change:${name}`, onLayout);
  }
  model.on("change:version", onDraw);
  model.on("change:selection", onLayout);
  layout();
  return () => {
    model.off("msg:custom", onRows);
    for (const name of ["columns", "nrows", "height", "row_height", "sort", "selection_modes", "editable", "num_rows", "disabled", "alt"]) {
      model.off(`change:${name}`, onLayout);
    }
    model.off("change:version", onDraw);
    model.off("change:selection", onLayout);
  };
}

export default { render };
