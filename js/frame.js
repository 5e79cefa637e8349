// nbfrag embedded frames: `st.iframe`, `st.components.v1.html` and `st.components.v1.iframe`.
//
// Traits (kernel -> browser):
//   src        a URL the kernel checked (http(s), data:, or a path on this server); or ""
//   srcdoc     an HTML document to show instead of `src`
//   width      CSS width ("100%", "320px"; "" = fit the content's natural width)
//   height     CSS height, or "content": grow to the document's height (`srcdoc` only;
//              a URL gets `fallback_height`, as a cross-origin page cannot be measured)
//   fallback_height  pixels for "content" where the height cannot be measured
//   scrolling  whether the frame shows scroll bars
//   tab_index  the frame's tabindex (null = the browser's default)
//   title      the frame's accessible name
//
// Every frame is sandboxed: scripts, forms and popups run, but never with the notebook's
// origin (a frame of this server's origin would reach the kernel through the page's
// credentials). Only a page of another origin keeps its own origin (its cookies, storage).

export const SANDBOX = "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads";
const HEIGHT_MESSAGE = "nbfrag-frame-height";

/** The sandbox for `src` on a page at `pageOrigin`: another origin may keep its own. */
export function sandboxFor(src, pageOrigin) {
  if (!src) return SANDBOX;
  try {
    const url = new URL(src, pageOrigin);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== pageOrigin) {
      return `${SANDBOX} allow-same-origin`;
    }
  } catch {
    // not a URL: no origin of its own
  }
  return SANDBOX;
}

/** Only the URLs the kernel lets through, checked again here: http(s), data:, paths. */
export function safeSrc(src) {
  if (typeof src !== "string" || src === "") return "";
  if (/^(https?:|data:)/i.test(src) || src.startsWith("/")) return src;
  return "";
}

/** `srcdoc` plus a script that reports the document's height to the page. */
export function measuredDoc(srcdoc) {
  const report =
    "<script>(()=>{const send=()=>parent.postMessage({type:'" + HEIGHT_MESSAGE + "'," +
    "height:Math.ceil(document.documentElement.scrollHeight)},'*');" +
    "addEventListener('load',send);new ResizeObserver(send).observe(document.documentElement);send();})()</script>";
  return srcdoc + report;
}

function render({ model, el }) {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  el.classList.add("nbfrag-frame");
  const frame = doc.createElement("iframe");
  frame.style.border = "none";
  frame.style.display = "block";
  el.appendChild(frame);
  let measured = null;

  const draw = () => {
    const srcdoc = model.get("srcdoc");
    const src = safeSrc(model.get("src"));
    const height = model.get("height");
    const content = height === "content";
    frame.setAttribute("sandbox", sandboxFor(srcdoc ? "" : src, view?.location?.origin ?? "null"));
    frame.setAttribute("title", model.get("title") || "st.iframe");
    frame.setAttribute("scrolling", model.get("scrolling") ? "auto" : "no");
    const tab = model.get("tab_index");
    if (tab === null || tab === undefined) frame.removeAttribute("tabindex");
    else frame.setAttribute("tabindex", String(tab));
    frame.style.width = model.get("width") || "100%";
    const fallback = `${model.get("fallback_height")}px`;
    frame.style.height = content ? (srcdoc && measured !== null ? `${measured}px` : fallback) : height;
    if (srcdoc) {
      frame.removeAttribute("src");
      const wanted = content ? measuredDoc(srcdoc) : srcdoc;
      if (frame.getAttribute("srcdoc") !== wanted) frame.setAttribute("srcdoc", wanted);
    } else {
      frame.removeAttribute("srcdoc");
      if (frame.getAttribute("src") !== src) frame.setAttribute("src", src);
    }
  };

  const onMessage = (event) => {
    if (event.source !== frame.contentWindow || event.data?.type !== HEIGHT_MESSAGE) return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height < 0 || model.get("height") !== "content") return;
    measured = Math.min(Math.ceil(height), 100000);
    frame.style.height = `${measured}px`;
  };

  draw();
  view?.addEventListener("message", onMessage);
  const names = ["src", "srcdoc", "width", "height", "fallback_height", "scrolling", "tab_index", "title"];
  for (const name of names) model.on(`change:${name}`, draw);
  return () => {
    view?.removeEventListener("message", onMessage);
    for (const name of names) model.off(`change:${name}`, draw);
  };
}

export default { render };
