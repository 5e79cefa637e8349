// nbfrag choice chips: the row of toggle buttons of `st.pills`, `st.segmented_control` and
// `st.feedback`.
//
// Traits (kernel -> browser):
//   description: str, the label (plain text, shown above the row; "" for none)
//   options: [{html, icon}]
//     html  the option's label as Markdown ALREADY rendered and sanitised by the kernel
//     icon  untrusted plain text (an emoji, or "material/<name>"): only ever set as textContent
//     caption  (radio only) the option's caption, rendered and sanitised by the kernel like html
//   look: "pills" | "segmented_control" | "thumbs" | "faces" | "stars" | "radio"
//   orientation: "horizontal" | "vertical" (how the row lays out its chips)
//   mode: "single" | "multi"
//   required: bool (single mode: clicking the selected chip does not clear it)
//   disabled: bool
//   width: CSS width ("" for the content's width)
//   wrap: bool (false: one row that scrolls sideways)
//
// value (both ways): [int], the positions selected. A click computes the next value
// (`nextValue`) and syncs it; the kernel checks it (positions in range, one in single mode,
// `disabled`) and sends its own value back when it refuses it.

const STYLE_ID = "nbfrag-chips-style";

const CSS = `
.nbfrag-chips{display:inline-flex;flex-direction:column;gap:0.3rem;max-width:100%;box-sizing:border-box;
  font-family:var(--jp-ui-font-family,system-ui,-apple-system,"Segoe UI",sans-serif);
  font-size:var(--jp-ui-font-size1,13px);color:var(--jp-ui-font-color1,#222)}
.nbfrag-chips-label{font-size:0.95em}
.nbfrag-chips-row{display:flex;flex-wrap:wrap;gap:0.4rem;max-width:100%}
.nbfrag-chips-row.nbfrag-nowrap{flex-wrap:nowrap;overflow-x:auto}
.nbfrag-chips .nbfrag-chip{display:inline-flex;align-items:center;gap:0.3rem;cursor:pointer;white-space:nowrap;
  border:1px solid rgba(128,128,128,0.45);background:var(--jp-layout-color0,#fff);color:inherit;
  font:inherit;line-height:1.4;padding:0.2rem 0.75rem;border-radius:999px}
.nbfrag-chips:not(.nbfrag-chips-feedback) .nbfrag-chip:hover:not(:disabled){
  border-color:var(--jp-brand-color1,#ff4b4b);color:var(--jp-brand-color1,#ff4b4b)}
.nbfrag-chips .nbfrag-chip[aria-pressed="true"]{border-color:var(--jp-brand-color1,#ff4b4b);
  color:var(--jp-brand-color1,#ff4b4b);background:rgba(128,128,128,0.1)}
.nbfrag-chips .nbfrag-chip:disabled{cursor:default;opacity:0.5}
.nbfrag-chip-text p{margin:0}
.nbfrag-chips-segmented_control .nbfrag-chips-row{gap:0;flex-wrap:nowrap}
.nbfrag-chips-segmented_control .nbfrag-chip{border-radius:0;margin-left:-1px;flex:1 1 auto;justify-content:center}
.nbfrag-chips-segmented_control .nbfrag-chip:first-child{border-radius:0.5rem 0 0 0.5rem;margin-left:0}
.nbfrag-chips-segmented_control .nbfrag-chip:last-child{border-radius:0 0.5rem 0.5rem 0}
.nbfrag-chips-segmented_control .nbfrag-chip:only-child{border-radius:0.5rem}
.nbfrag-chips-segmented_control .nbfrag-chip[aria-pressed="true"]{position:relative;z-index:1}
.nbfrag-chips-feedback .nbfrag-chips-row{gap:0.15rem}
.nbfrag-chips-feedback .nbfrag-chip,
.nbfrag-chips-feedback .nbfrag-chip[aria-pressed="true"]{border:none;background:transparent;
  padding:0.1rem 0.25rem;font-size:1.35em;border-radius:0.4rem;filter:grayscale(1);opacity:0.45;color:inherit}
.nbfrag-chips-feedback .nbfrag-chip:hover:not(:disabled),
.nbfrag-chips-feedback .nbfrag-chip.nbfrag-lit{filter:none;opacity:1}
.nbfrag-chips-look-stars .nbfrag-chip{color:rgba(128,128,128,0.8)}
.nbfrag-chips-look-stars .nbfrag-chip.nbfrag-lit{color:#f5b50a;filter:none;opacity:1}
.nbfrag-chips-feedback .nbfrag-chip:disabled{opacity:0.3}
.nbfrag-chips-row.nbfrag-vertical{flex-direction:column;align-items:flex-start;gap:0.25rem}
.nbfrag-chips-look-radio .nbfrag-chip,
.nbfrag-chips-look-radio .nbfrag-chip[aria-pressed="true"],
.nbfrag-chips-look-radio .nbfrag-chip:hover:not(:disabled){border:none;background:transparent;color:inherit;
  padding:0.1rem 0.2rem;border-radius:0.3rem;align-items:flex-start;white-space:normal;text-align:left}
.nbfrag-radio-dot{flex:none;width:0.9em;height:0.9em;margin-top:0.25em;border-radius:50%;box-sizing:border-box;
  border:1px solid rgba(128,128,128,0.7)}
.nbfrag-chips .nbfrag-chip[aria-pressed="true"] .nbfrag-radio-dot{border:0.3em solid var(--jp-brand-color1,#ff4b4b)}
.nbfrag-radio-body{display:flex;flex-direction:column}
.nbfrag-chip-caption{font-size:0.85em;opacity:0.65}
.nbfrag-chip-caption p{margin:0}
.nbfrag-icon{font-family:"Material Symbols Rounded","Material Icons",inherit;font-size:1.1em}
`;

/** The value after a click on position `index`: multi toggles it (a new pick goes last, so
 * the value keeps the picking order); single picks it, or clears it when it was picked and
 * the choice is not `required`. */
export function nextValue(value, index, mode, required) {
  const current = Array.isArray(value) ? value : [];
  if (mode === "multi") {
    return current.includes(index) ? current.filter((i) => i !== index) : [...current, index];
  }
  if (current.length === 1 && current[0] === index) return required ? current : [];
  return [index];
}

/** Which chips show as lit: the picked ones; for stars every star up to the picked one. */
export function litPositions(value, look, count) {
  const current = Array.isArray(value) ? value : [];
  if (look === "stars" && current.length === 1) {
    return Array.from({ length: Math.min(current[0] + 1, count) }, (_, i) => i);
  }
  return current;
}

function ensureStyle(doc) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}

const FEEDBACK = new Set(["thumbs", "faces", "stars"]);

function render({ model, el }) {
  const doc = el.ownerDocument;
  ensureStyle(doc);
  const root = doc.createElement("div");
  const label = doc.createElement("div");
  label.className = "nbfrag-chips-label";
  const row = doc.createElement("div");
  row.className = "nbfrag-chips-row";
  root.append(label, row);
  el.appendChild(root);
  let hovered = null;

  const look = () => model.get("look") || "pills";

  function paint() {
    const value = model.get("value");
    const count = row.children.length;
    const lit = new Set(litPositions(value, look(), count));
    const preview = hovered === null || look() !== "stars" ? null : hovered;
    [...row.children].forEach((chip, i) => {
      const picked = Array.isArray(value) && value.includes(i);
      chip.setAttribute("aria-pressed", picked ? "true" : "false");
      if (look() === "radio") chip.setAttribute("aria-checked", picked ? "true" : "false");
      chip.classList.toggle("nbfrag-lit", preview === null ? lit.has(i) : i <= preview);
    });
  }

  function build() {
    const kind = look();
    root.className = `nbfrag-chips nbfrag-chips-${FEEDBACK.has(kind) ? "feedback" : kind} nbfrag-chips-look-${kind}`;
    const text = model.get("description") || "";
    label.textContent = text;
    label.style.display = text ? "" : "none";
    const width = model.get("width") || "";
    root.style.width = width;
    row.classList.toggle("nbfrag-nowrap", model.get("wrap") === false);
    row.classList.toggle("nbfrag-vertical", model.get("orientation") === "vertical");
    row.setAttribute("role", kind === "radio" ? "radiogroup" : "group");
    row.setAttribute("aria-label", text);
    row.replaceChildren();
    const disabled = Boolean(model.get("disabled"));
    (model.get("options") || []).forEach((option, i) => {
      const chip = doc.createElement("button");
      chip.type = "button";
      chip.className = "nbfrag-chip";
      chip.disabled = disabled;
      let target = chip; // where the icon and the text go
      if (kind === "radio") {
        chip.setAttribute("role", "radio");
        const dot = doc.createElement("span");
        dot.className = "nbfrag-radio-dot";
        target = doc.createElement("span");
        target.className = "nbfrag-radio-body";
        chip.append(dot, target);
      }
      const icon = option && typeof option.icon === "string" ? option.icon : "";
      if (icon) {
        const glyph = doc.createElement("span");
        glyph.className = icon.startsWith("material/") ? "nbfrag-icon" : "nbfrag-chip-icon";
        glyph.textContent = icon.startsWith("material/") ? icon.slice("material/".length) : icon;
        target.appendChild(glyph);
      }
      const html = option && typeof option.html === "string" ? option.html : "";
      if (html) {
        const body = doc.createElement("span");
        body.className = "nbfrag-chip-text";
        body.innerHTML = html; // rendered and sanitised by the kernel
        target.appendChild(body);
      }
      const caption = option && typeof option.caption === "string" ? option.caption : "";
      if (caption) {
        const small = doc.createElement("span");
        small.className = "nbfrag-chip-caption";
        small.innerHTML = caption; // rendered and sanitised by the kernel
        target.appendChild(small);
      }
      if (option && typeof option.name === "string") chip.setAttribute("aria-label", option.name);
      chip.addEventListener("click", () => {
        if (model.get("disabled")) return;
        model.set("value", nextValue(model.get("value"), i, model.get("mode"), Boolean(model.get("required"))));
        model.save_changes();
      });
      chip.addEventListener("mouseenter", () => {
        hovered = i;
        paint();
      });
      chip.addEventListener("mouseleave", () => {
        hovered = null;
        paint();
      });
      row.appendChild(chip);
    });
    paint();
  }

  build();
  const rebuilt = ["options", "look", "description", "disabled", "width", "wrap", "orientation"];
  for (const name of rebuilt) model.on(`change:${name}`, build);
  model.on("change:value", paint);
  return () => {
    for (const name of rebuilt) model.off(`change:${name}`, build);
    model.off("change:value", paint);
  };
}

export default { render };
