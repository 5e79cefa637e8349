// nbfrag `st.pdf`: a PDF shown by the browser's own PDF viewer.
//
// Traits (kernel -> browser):
//   data    the PDF's bytes, as a binary buffer (a DataView), or empty when `url` is set
//   url     an http(s) URL of another site to show instead
//   name    the file's name (the download link's file name)
//   height  CSS height ("500px"), or "stretch": the container's height, at least 500px
//   title   the viewer's accessible name ("" = none)
//
// The bytes are shown from a blob: URL made here with type application/pdf, which the browser
// hands to its PDF viewer and never parses as HTML. The blob is made again only when the bytes
// change (a rerun that changes the height reuses it) and revoked when replaced or removed.
// A URL of the page's own origin is refused (that page would share the notebook's credentials
// and could reach the kernel), as is any scheme but http(s).

export const PDF_TYPE = "application/pdf";

/** Why `url` may not be shown on a page at `pageOrigin`, or "" when it may. */
export function urlProblem(url, pageOrigin) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `st.pdf cannot show ${JSON.stringify(url)}: it is not an absolute URL.`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `st.pdf shows only http(s) URLs, not ${parsed.protocol} URLs: pass the file's path or bytes instead.`;
  }
  if (parsed.origin === pageOrigin) {
    return (
      `st.pdf does not frame pages of the notebook server itself (${parsed.origin}): such a page ` +
      "could reach the kernel. Pass the file's path or bytes instead."
    );
  }
  return "";
}

/** The bytes of a binary trait (DataView, ArrayBuffer or typed array), or null when empty. */
export function pdfBytes(data) {
  if (!data || typeof data.byteLength !== "number" || data.byteLength === 0) return null;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset ?? 0, data.byteLength);
}

function render({ model, el }) {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  const urls = view?.URL ?? URL;
  el.classList.add("nbfrag-pdf-view");
  const viewer = doc.createElement("object");
  viewer.className = "nbfrag-pdf-object";
  viewer.style.display = "block";
  viewer.style.width = "100%";
  viewer.style.border = "none";
  const fallback = doc.createElement("a");
  fallback.className = "nbfrag-pdf-download";
  fallback.textContent = "This browser cannot show the PDF here: download it.";
  fallback.rel = "noopener noreferrer";
  viewer.appendChild(fallback);
  const problem = doc.createElement("div");
  problem.className = "nbfrag-pdf-error";
  problem.setAttribute("role", "alert");
  problem.style.cssText = "color:#7d353b;background:#ffecec;padding:0.75rem 1rem;border-radius:0.5rem";
  el.appendChild(viewer);

  let blobUrl = null;
  let blobData = null;

  const release = () => {
    if (blobUrl) urls.revokeObjectURL(blobUrl);
    blobUrl = null;
    blobData = null;
  };

  const source = () => {
    const data = model.get("data");
    const bytes = pdfBytes(data);
    if (bytes) {
      if (data !== blobData || !blobUrl) {
        release();
        const Blob_ = view?.Blob ?? Blob;
        blobUrl = urls.createObjectURL(new Blob_([bytes], { type: PDF_TYPE }));
        blobData = data;
      }
      return { src: blobUrl, error: "" };
    }
    release();
    const url = model.get("url") || "";
    const error = urlProblem(url, view?.location?.origin ?? "null");
    return { src: error ? "" : url, error };
  };

  const draw = () => {
    const { src, error } = source();
    if (error) {
      problem.textContent = error;
      viewer.remove();
      if (!problem.isConnected) el.appendChild(problem);
      return;
    }
    problem.remove();
    if (!viewer.isConnected) el.appendChild(viewer);
    const height = model.get("height") || "500px";
    viewer.style.height = height === "stretch" ? "100%" : height;
    viewer.style.minHeight = height === "stretch" ? "500px" : "";
    const title = model.get("title");
    if (title) {
      viewer.setAttribute("title", title);
      viewer.setAttribute("aria-label", title);
    } else {
      viewer.removeAttribute("title");
      viewer.removeAttribute("aria-label");
    }
    fallback.href = src;
    fallback.download = model.get("name") || "document.pdf";
    if (viewer.getAttribute("type") !== PDF_TYPE) viewer.setAttribute("type", PDF_TYPE);
    if (viewer.getAttribute("data") !== src) viewer.setAttribute("data", src);
  };

  draw();
  const names = ["data", "url", "name", "height", "title"];
  for (const name of names) model.on(`change:${name}`, draw);
  return () => {
    for (const name of names) model.off(`change:${name}`, draw);
    release();
  };
}

export default { render };
