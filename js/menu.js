// nbfrag menu button: the button of `st.menu_button` and the menu it opens.
//
// Traits (kernel -> browser):
//   label: str (plain text), icon: str (plain text: an emoji), kind: "primary"|"secondary"|"tertiary"
//   options: [str], the entries' labels (plain text, shown as text only)
//   disabled: bool, width: CSS width ("" for the content's width), tooltip (ipywidgets' own)
//
// Messages (browser -> kernel): {event: "pick", index: <int>} when an entry is chosen. The
// kernel checks the index and `disabled` and reruns with the option as the button's value for
// that one run. The menu closes on a pick, on Escape and on a click elsewhere.

const STYLE_ID = "nbfrag-menu-style";

const CSS = `
.nbfrag-menu{position:relative;display:inline-block;max-width:100%;
  font-family:var(--jp-ui-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);
  font-size:var(--jp-ui-font-size1,13px);color:var(--jp-ui-font-color1,#222)}
.nbfrag-menu .nbfrag-menu-button{display:inline-flex;align-items:center;gap:0.4rem;width:100%;cursor:pointer;
  border:1px solid rgba(128,128,128,0.45);border-radius:0.5rem;padding:0.3rem 0.75rem;
  background:var(--jp-layout-color0,#fff);color:inherit;font:inherit}
.nbfrag-menu-primary .nbfrag-menu-button{background:var(--jp-brand-color1,#ff4b4b);border-color:transparent;color:#fff}
.nbfrag-menu-tertiary .nbfrag-menu-button{border-color:transparent;background:transparent}
.nbfrag-menu .nbfrag-menu-button:disabled{cursor:default;opacity:0.5}
.nbfrag-menu-caret{margin-left:auto;font-size:0.8em;opacity:0.7}
.nbfrag-menu-list{position:absolute;left:0;top:calc(100% + 4px);z-index:1000;min-width:100%;margin:0;padding:0.25rem 0;
  list-style:none;background:var(--jp-layout-color0,#fff);border:1px solid rgba(128,128,128,0.35);
  border-radius:0.5rem;box-shadow:0 4px 16px rgba(0,0,0,0.14)}
.nbfrag-menu .nbfrag-menu-item{display:block;width:100%;text-align:left;white-space:nowrap;border:none;background:transparent;
  color:inherit;font:inherit;padding:0.35rem 0.8rem;cursor:pointer}
.nbfrag-menu .nbfrag-menu-item:hover,.nbfrag-menu .nbfrag-menu-item:focus-visible{background:rgba(128,128,128,0.14);outline:none}
`;

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
  const root = doc.createElement("div");
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "nbfrag-menu-button";
  button.setAttribute("aria-haspopup", "menu");
  const list = doc.createElement("ul");
  list.className = "nbfrag-menu-list";
  list.setAttribute("role", "menu");
  list.hidden = true;
  root.append(button, list);
  el.appendChild(root);

  function close() {
    list.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  function open() {
    if (model.get("disabled")) return;
    list.hidden = false;
    button.setAttribute("aria-expanded", "true");
    list.querySelector("button")?.focus();
  }

  function draw() {
    const kind = model.get("kind") || "secondary";
    root.className = `nbfrag-menu nbfrag-menu-${kind}`;
    root.style.width = model.get("width") || "";
    const parts = [];
    const icon = model.get("icon") || "";
    if (icon) {
      const glyph = doc.createElement("span");
      glyph.textContent = icon;
      parts.push(glyph);
    }
    const text = doc.createElement("span");
    text.textContent = model.get("label") || "";
    const caret = doc.createElement("span");
    caret.className = "nbfrag-menu-caret";
    caret.textContent = "▾";
    parts.push(text, caret);
    button.replaceChildren(...parts);
    button.disabled = Boolean(model.get("disabled"));
    if (button.disabled) close();
    list.replaceChildren(
      ...(model.get("options") || []).map((label, index) => {
        const item = doc.createElement("li");
        const entry = doc.createElement("button");
        entry.type = "button";
        entry.className = "nbfrag-menu-item";
        entry.setAttribute("role", "menuitem");
        entry.textContent = String(label);
        entry.addEventListener("click", () => {
          close();
          if (!model.get("disabled")) model.send({ event: "pick", index });
        });
        item.appendChild(entry);
        return item;
      }),
    );
  }

  button.addEventListener("click", () => (list.hidden ? open() : close()));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      close();
      button.focus();
    }
  });
  const outside = (event) => {
    if (!root.contains(event.target)) close();
  };
  doc.addEventListener("click", outside, true);
  close();
  draw();
  const names = ["label", "icon", "kind", "options", "disabled", "width"];
  for (const name of names) model.on(`change:${name}`, draw);
  return () => {
    for (const name of names) model.off(`change:${name}`, draw);
    doc.removeEventListener("click", outside, true);
  };
}

export default { render };
