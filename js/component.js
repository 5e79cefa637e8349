// nbfrag custom components: `st.components.v2.component(name, html=, css=, js=)`.
//
// The app author's component is trusted code (as in Streamlit): its HTML and CSS are put
// into the view (inside a shadow root when `isolate_styles`), and its JavaScript module's
// default export is called as `render(component)` with
//   { name, key, data, parentElement, setStateValue, setTriggerValue }
// after the first mount and again whenever the kernel sends new `data`; the function it
// returns (if any) is called before the next call and when the view goes.
//
// Traits (kernel -> browser): name, key, html, css, js, isolate_styles, data (JSON),
// width and height (CSS sizes; "" = natural).
// Messages (browser -> kernel): {event: "state" | "trigger", name, value}.

/** The module's default export, imported once per source text (a blob URL per source). */
const loaded = new Map();

export async function importSource(source) {
  if (!source || !source.trim()) return null;
  if (!loaded.has(source)) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    loaded.set(source, import(/* webpackIgnore: true */ url).finally(() => URL.revokeObjectURL(url)));
  }
  const module = await loaded.get(source);
  return typeof module?.default === "function" ? module.default : null;
}

/** Only names the kernel accepts: non-empty strings. */
export function checkName(name) {
  if (typeof name !== "string" || name === "") {
    throw new TypeError("setStateValue/setTriggerValue need a non-empty string name");
  }
  return name;
}

/** Fill `root` with the component's CSS and HTML (once per mount). */
export function mountMarkup(root, html, css) {
  const doc = root.ownerDocument ?? root;
  root.replaceChildren();
  if (css) {
    const style = doc.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }
  if (html) {
    const template = doc.createElement("template");
    template.innerHTML = html;
    root.appendChild(template.content);
  }
}

function render({ model, el }, importer = importSource) {
  el.classList.add("nbfrag-component");
  const host = el.ownerDocument.createElement("div");
  host.className = "nbfrag-component-root";
  el.appendChild(host);
  const root = model.get("isolate_styles") && host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  let cleanup = null;
  let gone = false;
  let generation = 0;

  const size = () => {
    const width = model.get("width");
    const height = model.get("height");
    el.style.width = width || "";
    el.style.height = height || "";
    el.style.overflow = height ? "auto" : "";
  };

  const send = (event) => (name, value) => {
    model.send({ event, name: checkName(name), value: value === undefined ? null : value });
  };
  const setStateValue = send("state");
  const setTriggerValue = send("trigger");

  const runCleanup = () => {
    const done = cleanup;
    cleanup = null;
    if (typeof done === "function") {
      try {
        done();
      } catch (error) {
        console.error("nbfrag component cleanup failed", error);
      }
    }
  };

  // Call the component's function; a newer call (new data) supersedes a pending one.
  const call = async () => {
    const mine = ++generation;
    const fn = await importer(model.get("js"));
    if (gone || mine !== generation || fn === null) return;
    runCleanup();
    try {
      const result = await fn({
        name: model.get("name"),
        key: model.get("key"),
        data: model.get("data"),
        parentElement: root,
        setStateValue,
        setTriggerValue,
      });
      if (gone) {
        if (typeof result === "function") result();
      } else {
        cleanup = result;
      }
    } catch (error) {
      console.error(`nbfrag component ${model.get("name")} failed`, error);
    }
  };

  const remount = () => {
    runCleanup();
    mountMarkup(root, model.get("html"), model.get("css"));
    return call();
  };

  size();
  const ready = remount();
  model.on("change:data", call);
  model.on("change:html", remount);
  model.on("change:css", remount);
  model.on("change:js", remount);
  model.on("change:width", size);
  model.on("change:height", size);
  return Object.assign(
    () => {
      gone = true;
      runCleanup();
      model.off("change:data", call);
      model.off("change:html", remount);
      model.off("change:css", remount);
      model.off("change:js", remount);
      model.off("change:width", size);
      model.off("change:height", size);
    },
    { ready },
  );
}

export default { render };
