// nbfrag link button that also reruns: `st.link_button(..., on_click="rerun" or a callback)`.
//
// Traits (kernel -> browser):
//   html:     the button's markup, built and escaped in the kernel (an <a target="_blank">)
//   disabled: a disabled link neither opens nor reports a click
//
// A click lets the browser open the link in a new tab (the anchor's own behaviour) and
// sends {event: "click"} so the kernel reruns the button's scope.

export function clickHandler(model) {
  return (event) => {
    if (model.get("disabled")) {
      event.preventDefault();
      return;
    }
    model.send({ event: "click" });
  };
}

export function drawLink(model, el) {
  el.innerHTML = model.get("html");
  const anchor = el.querySelector("a");
  if (anchor) {
    anchor.addEventListener("click", clickHandler(model));
  }
  return anchor;
}

export default {
  render({ model, el }) {
    const redraw = () => drawLink(model, el);
    redraw();
    model.on("change:html", redraw);
    model.on("change:disabled", redraw);
    return () => {
      model.off("change:html", redraw);
      model.off("change:disabled", redraw);
    };
  },
};
