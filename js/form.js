// nbfrag form helper: Enter in a text field of an `st.form` submits the form.
//
// Traits (kernel -> browser):
//   active: bool, true while Enter submits (the form has `enter_to_submit=True` and its
//           first submit button exists and is enabled)
//
// One invisible view sits inside each view of the form. It listens to keydown on the whole
// document in the capture phase (ipywidgets' text views stop the event from bubbling) and
// acts only on events inside its own form box. On Enter in a text input (Ctrl/Cmd+Enter in a
// text area) it sends {event: "submit", field, value}: `field` names the widget by the CSS
// class the kernel gave it, `value` is the text the user sees. Sending the text along is the
// point: ipywidgets' own "submit" message reaches the kernel before the value it submits.
// The key's default action is prevented, so ipywidgets does not also commit the text (the
// kernel sets it, in order, before the submit runs).

const FIELD_PREFIX = "nbfrag-field-";
const TEXT_TYPES = new Set(["text", "password", "search", "email", "url", "tel", ""]);

/**
 * Whether this keydown asks to submit: Enter in a single-line text input, Ctrl/Cmd+Enter in
 * a text area (plain Enter there is a new line). Never while an IME composes text.
 */
export function isSubmitKey(event) {
  if (event.key !== "Enter" || event.isComposing) return false;
  const target = event.target;
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === "textarea") return event.ctrlKey || event.metaKey;
  if (tag === "input") return TEXT_TYPES.has((target.getAttribute("type") || "").toLowerCase());
  return false;
}

/** The field class of the widget that holds `target` (set by the kernel), or null. */
export function fieldOf(target) {
  for (let node = target; node && node.classList; node = node.parentElement) {
    for (const name of node.classList) {
      if (name.startsWith(FIELD_PREFIX)) return name;
    }
  }
  return null;
}

/**
 * Listen for submit keys inside the form box that holds `el`. Returns the cleanup function.
 */
export function startForm(model, el) {
  const doc = el.ownerDocument;
  const onKeydown = (event) => {
    if (!model.get("active") || !isSubmitKey(event)) return;
    const form = el.closest(".nbfrag-form");
    if (!form || !form.contains(event.target)) return;
    const field = fieldOf(event.target);
    if (field === null) return;
    event.preventDefault();
    model.send({ event: "submit", field, value: event.target.value });
  };
  doc.addEventListener("keydown", onKeydown, true);
  return () => doc.removeEventListener("keydown", onKeydown, true);
}

export default {
  render({ model, el }) {
    el.style.display = "none"; // nothing to show: it only listens
    return startForm(model, el);
  },
};
