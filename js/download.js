// nbfrag download button: the view of `st.download_button`.
//
// Traits (kernel -> browser): description (the label), tooltip, disabled, button_style
// ("primary" or ""), file_name (shown in the tooltip).
//
// Messages: a click sends {event: "download"} (browser -> kernel); the kernel answers with
// {event: "download-data", file_name, mime} and the file's bytes as the message's buffer, which
// become a Blob URL clicked as a download link (no data: URL, no JavaScript output, no server
// route: this works in Voila too), or {event: "download-error", message}.

/** Save `buffer` (ArrayBuffer or DataView) as `fileName` through a temporary Blob URL. */
export function saveBlob(doc, buffer, fileName, mime) {
  const win = doc.defaultView;
  const blob = new win.Blob([buffer], { type: mime || "application/octet-stream" });
  const url = win.URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName || "download";
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 60000);
  return link;
}

/** Build the button in `el`; returns the cleanup function. */
export function startDownload(model, el) {
  const doc = el.ownerDocument;
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "jupyter-button widget-button nbfrag-download";
  const error = doc.createElement("div");
  error.className = "nbfrag-download-error";
  error.style.color = "var(--jp-error-color1, #d32f2f)";
  error.setAttribute("role", "alert");
  el.append(button, error);

  const refresh = () => {
    button.textContent = model.get("description") || "";
    button.disabled = !!model.get("disabled");
    const help = model.get("tooltip");
    button.title = help || `Download ${model.get("file_name") || ""}`.trim();
    button.classList.toggle("mod-primary", model.get("button_style") === "primary");
    button.style.width = model.get("fill") ? "100%" : "";
  };
  const onClick = () => {
    if (button.disabled) return;
    error.textContent = "";
    model.send({ event: "download" });
  };
  const onCustom = (content, buffers) => {
    if (!content || typeof content !== "object") return;
    if (content.event === "download-data" && buffers && buffers.length) {
      saveBlob(doc, buffers[0], content.file_name, content.mime);
    } else if (content.event === "download-error") {
      error.textContent = content.message || "The download failed.";
    }
  };
  button.addEventListener("click", onClick);
  const names = ["description", "tooltip", "disabled", "button_style", "file_name", "fill"];
  for (const name of names) model.on(`change:${name}`, refresh);
  model.on("msg:custom", onCustom);
  refresh();
  return () => {
    for (const name of names) model.off(`change:${name}`, refresh);
    model.off("msg:custom", onCustom);
  };
}

export default {
  render({ model, el }) {
    return startDownload(model, el);
  },
};
