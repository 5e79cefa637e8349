// nbfrag pagination: the page buttons of `st.pagination`, with previous/next arrows.
//
// Traits (kernel -> browser):
//   num_pages: int (at least 1)
//   max_visible: int or null, how many page buttons to aim for (null: all; 0: arrows only)
//   disabled: bool
//   width: CSS width ("" for the content's width)
// value (both ways): int, the page shown (1-based). A click syncs the page clicked; the kernel
// checks it (an int from 1 to num_pages, `disabled`) and sends its own value back when it
// refuses it.

const STYLE_ID = "nbfrag-pagination-style";

const CSS = `
.nbfrag-pages{display:inline-flex;align-items:center;gap:0.25rem;max-width:100%;flex-wrap:wrap;
  font-family:var(--jp-ui-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);
  font-size:var(--jp-ui-font-size1,13px);color:var(--jp-ui-font-color1,#222)}
.nbfrag-pages .nbfrag-page{min-width:2em;padding:0.2rem 0.45rem;border:1px solid transparent;border-radius:0.4rem;
  background:transparent;color:inherit;font:inherit;cursor:pointer}
.nbfrag-pages .nbfrag-page:hover:not(:disabled){border-color:rgba(128,128,128,0.45)}
.nbfrag-pages .nbfrag-page[aria-current="page"]{border-color:var(--jp-brand-color1,#ff4b4b);color:var(--jp-brand-color1,#ff4b4b)}
.nbfrag-pages .nbfrag-page:disabled{cursor:default;opacity:0.4}
.nbfrag-page-gap{padding:0 0.2rem;opacity:0.6}
`;

/** The page numbers to show around `current`, with "…" where pages are left out: all pages
 * when they fit (`maxVisible` null or at least `total`), none for 0, otherwise the first and
 * last page and a window around `current`, about `maxVisible` numbers in all. */
export function visiblePages(current, total, maxVisible) {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  if (maxVisible === null || maxVisible === undefined || total <= maxVisible) return all;
  if (maxVisible <= 0) return [];
  if (maxVisible <= 2) return [current];
  const inner = Math.max(1, maxVisible - 2); // pages besides the first and the last
  let start = Math.max(2, current - Math.floor((inner - 1) / 2));
  let end = start + inner - 1;
  if (end > total - 1) {
    end = total - 1;
    start = Math.max(2, end - inner + 1);
  }
  const shown = [1];
  if (start > 2) shown.push("…");
  for (let page = start; page <= end; page += 1) shown.push(page);
  if (end < total - 1) shown.push("…");
  shown.push(total);
  return shown;
}

function ensureStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

function render({ model, el }) {
  const doc = el.ownerDocument;
  ensureStyle(doc);
  const nav = doc.createElement("nav");
  nav.className = "nbfrag-pages";
  nav.setAttribute("aria-label", "Pagination");
  el.appendChild(nav);

  function go(page) {
    if (model.get("disabled")) return;
    model.set("value", page);
    model.save_changes();
  }

  function button(text, label, page, disabled) {
    const b = doc.createElement("button");
    b.type = "button";
    b.className = "nbfrag-page";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.disabled = disabled;
    b.addEventListener("click", () => go(page));
    return b;
  }

  function draw() {
    const total = Math.max(1, Number(model.get("num_pages")) || 1);
    const current = Number(model.get("value")) || 1;
    const disabled = Boolean(model.get("disabled"));
    nav.style.width = model.get("width") || "";
    const parts = [button("‹", "Previous page", current - 1, disabled || current <= 1)];
    for (const page of visiblePages(current, total, model.get("max_visible"))) {
      if (page === "…") {
        const gap = doc.createElement("span");
        gap.className = "nbfrag-page-gap";
        gap.textContent = "…";
        parts.push(gap);
        continue;
      }
      const b = button(String(page), `Page ${page}`, page, disabled);
      if (page === current) b.setAttribute("aria-current", "page");
      parts.push(b);
    }
    parts.push(button("›", "Next page", current + 1, disabled || current >= total));
    nav.replaceChildren(...parts);
  }

  draw();
  const names = ["value", "num_pages", "max_visible", "disabled", "width"];
  for (const name of names) model.on(`change:${name}`, draw);
  return () => {
    for (const name of names) model.off(`change:${name}`, draw);
  };
}

export default { render };
