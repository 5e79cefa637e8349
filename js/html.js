// nbfrag `st.html(body, unsafe_allow_javascript=True)`: HTML whose scripts run.
//
// Trait (kernel -> browser):
//   html: the app's markup, unsanitised (the app asked for its JavaScript to run)
//
// Scripts inserted through innerHTML never run, so each <script> is replaced by a fresh
// element with the same attributes and text, which the browser runs once when it is added.

export function activateScripts(el) {
  const doc = el.ownerDocument;
  for (const old of [...el.querySelectorAll("script")]) {
    const fresh = doc.createElement("script");
    for (const { name, value } of [...old.attributes]) fresh.setAttribute(name, value);
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
  }
}

export function drawHtml(model, el) {
  el.innerHTML = model.get("html");
  activateScripts(el);
}

export default {
  render({ model, el }) {
    const redraw = () => drawHtml(model, el);
    redraw();
    model.on("change:html", redraw);
    return () => model.off("change:html", redraw);
  },
};
