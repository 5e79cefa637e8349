// nbfrag file uploader: the view of `st.file_uploader`, and `sendFiles`, the upload path that
// `st.chat_input(accept_file=...)` shares.
//
// Traits (kernel -> browser):
//   description: str, the label ("" when hidden)      tooltip: str | null
//   disabled: bool                                     accept: [str], Streamlit's normal form of `type=`
//   multiple: bool, several files                      directory: bool, pick a folder
//   max_bytes: int, the size limit of one file         files: [{file_id, name, size}], the value shown
//
// Messages (browser -> kernel): {event: "upload-begin", upload, files: [{name, type, size}]}, then
// {event: "upload-chunk", upload, index} with CHUNK bytes at most as the buffer, then
// {event: "upload-end", upload}; {event: "remove", file_id}. The chunks keep every websocket
// message far below the Jupyter server's 10 MB limit. (kernel -> browser):
// {event: "upload-done" | "upload-error", upload, message?}.

export const CHUNK = 1024 * 1024;

/** A size as Streamlit's uploader writes it: "200.0MB". */
export function sizeText(size) {
  let value = size;
  for (const unit of ["B", "KB", "MB"]) {
    if (value < 1024) return `${value.toFixed(1)}${unit}`;
    value /= 1024;
  }
  return `${value.toFixed(1)}GB`;
}

/** Whether a file (name, MIME type) is one of the `accept` entries (all files when empty). */
export function allowed(name, type, accept) {
  if (!accept || accept.length === 0) return true;
  const lower = name.toLowerCase();
  const mime = (type || "").toLowerCase();
  return accept.some((entry) => {
    if (entry.endsWith("/*")) return mime.startsWith(entry.slice(0, -1));
    if (entry.includes("/")) return mime === entry;
    return lower.endsWith(entry);
  });
}

/** Why a file is refused (Streamlit's messages), or null when it may be uploaded. */
export function refusal(file, accept, maxBytes) {
  if (!allowed(file.name, file.type, accept)) {
    const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".")) : file.type || "These";
    return `${ext} files are not allowed.`;
  }
  if (file.size > maxBytes) return `File must be ${sizeText(maxBytes)} or smaller.`;
  return null;
}

/** A file's name as the app sees it: its path inside the folder for a directory upload. */
export function fileName(file) {
  return file.webkitRelativePath || file.name;
}

let counter = 0;

/**
 * Send `files` (File objects) to the kernel in chunks. `progress(sent, total)` follows it.
 * Resolves with the upload's id once everything is sent (the kernel answers with
 * "upload-done" or "upload-error"); `cancelled()` stops between chunks.
 */
export async function sendFiles(model, files, progress = () => {}, cancelled = () => false) {
  const upload = `u${Date.now().toString(36)}-${(counter += 1)}`;
  const metas = files.map((f) => ({ name: fileName(f), type: f.type || "", size: f.size }));
  const total = metas.reduce((sum, m) => sum + m.size, 0);
  model.send({ event: "upload-begin", upload, files: metas });
  let sent = 0;
  for (let index = 0; index < files.length; index += 1) {
    const file = files[index];
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      if (cancelled(upload)) return upload;
      const buffer = await file.slice(offset, offset + CHUNK).arrayBuffer();
      model.send({ event: "upload-chunk", upload, index }, undefined, [buffer]);
      sent += buffer.byteLength;
      progress(sent, total);
    }
  }
  model.send({ event: "upload-end", upload });
  return upload;
}

function ensureStyle(doc) {
  if (doc.getElementById("nbfrag-upload-style")) return;
  const style = doc.createElement("style");
  style.id = "nbfrag-upload-style";
  style.textContent = `
.nbfrag-upload{display:flex;flex-direction:column;gap:0.35rem;font-size:var(--jp-ui-font-size1,14px)}
.nbfrag-upload-zone{display:flex;align-items:center;justify-content:space-between;gap:0.75rem;
  padding:0.75rem 1rem;border:1px dashed rgba(128,128,128,0.6);border-radius:0.5rem;
  background:rgba(128,128,128,0.06)}
.nbfrag-upload-zone.nbfrag-drag{border-color:var(--jp-brand-color1,#1976d2)}
.nbfrag-upload-hint{display:flex;flex-direction:column;opacity:0.8}
.nbfrag-upload-hint small{opacity:0.75}
.nbfrag-upload button{cursor:pointer}
.nbfrag-upload-file{display:flex;align-items:center;gap:0.5rem}
.nbfrag-upload-file span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.nbfrag-upload-file small{opacity:0.7}
.nbfrag-upload-file button{border:none;background:transparent}
.nbfrag-upload-status{font-size:0.9em}
.nbfrag-upload-error{color:var(--jp-error-color1,#d32f2f)}
.nbfrag-upload-disabled{opacity:0.5;pointer-events:none}`;
  doc.head.appendChild(style);
}

/** The hint under "Drag and drop": the limit and the allowed types ("Limit 200.0MB per file • CSV"). */
export function hint(maxBytes, accept) {
  const types = (accept || []).map((t) => t.replace(/^\./, "").toUpperCase()).join(", ");
  return `Limit ${sizeText(maxBytes)} per file${types ? ` • ${types}` : ""}`;
}

/** Build the uploader in `el`; returns the cleanup function. */
export function startUploader(model, el) {
  const doc = el.ownerDocument;
  ensureStyle(doc);
  const root = doc.createElement("div");
  root.className = "nbfrag-upload";
  const label = doc.createElement("label");
  const zone = doc.createElement("div");
  zone.className = "nbfrag-upload-zone";
  const hintBox = doc.createElement("div");
  hintBox.className = "nbfrag-upload-hint";
  const title = doc.createElement("span");
  title.textContent = "Drag and drop files here";
  const limit = doc.createElement("small");
  hintBox.append(title, limit);
  const browse = doc.createElement("button");
  browse.type = "button";
  browse.textContent = "Browse files";
  const input = doc.createElement("input");
  input.type = "file";
  input.hidden = true;
  zone.append(hintBox, browse, input);
  const list = doc.createElement("div");
  const status = doc.createElement("div");
  status.className = "nbfrag-upload-status";
  status.setAttribute("role", "status");
  root.append(label, zone, list, status);
  el.appendChild(root);

  const failed = new Set();
  const say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle("nbfrag-upload-error", error);
  };
  const refresh = () => {
    label.textContent = model.get("description") || "";
    label.hidden = !label.textContent;
    label.title = model.get("tooltip") || "";
    const accept = model.get("accept") || [];
    input.accept = accept.join(",");
    input.multiple = !!model.get("multiple");
    if (model.get("directory")) input.setAttribute("webkitdirectory", "");
    else input.removeAttribute("webkitdirectory");
    title.textContent = model.get("directory") ? "Drag and drop a folder here" : "Drag and drop files here";
    limit.textContent = hint(model.get("max_bytes"), accept);
    const disabled = !!model.get("disabled");
    root.classList.toggle("nbfrag-upload-disabled", disabled);
    browse.disabled = disabled;
    input.disabled = disabled;
    list.replaceChildren(
      ...(model.get("files") || []).map((f) => {
        const row = doc.createElement("div");
        row.className = "nbfrag-upload-file";
        const name = doc.createElement("span");
        name.textContent = `📄 ${f.name}`;
        const size = doc.createElement("small");
        size.textContent = sizeText(f.size);
        const remove = doc.createElement("button");
        remove.type = "button";
        remove.textContent = "✕";
        remove.title = `Remove ${f.name}`;
        remove.setAttribute("aria-label", `Remove ${f.name}`);
        remove.disabled = disabled;
        remove.addEventListener("click", () => model.send({ event: "remove", file_id: f.file_id }));
        row.append(name, size, remove);
        return row;
      }),
    );
  };
  const take = async (chosen) => {
    if (model.get("disabled") || chosen.length === 0) return;
    let files = model.get("multiple") ? chosen : chosen.slice(0, 1);
    const accept = model.get("accept") || [];
    const refused = files.map((f) => [f, refusal(f, accept, model.get("max_bytes"))]).filter(([, why]) => why);
    if (refused.length) say(refused.map(([f, why]) => `${fileName(f)}: ${why}`).join(" "), true);
    files = files.filter((f) => !refusal(f, accept, model.get("max_bytes")));
    if (files.length === 0) return;
    if (!refused.length) say(`Uploading ${files.map(fileName).join(", ")}…`);
    const upload = await sendFiles(
      model, files,
      (sent, total) => { if (!refused.length) say(`Uploading… ${Math.floor((100 * sent) / Math.max(total, 1))}%`); },
      (id) => failed.has(id),
    );
    return upload;
  };
  const onCustom = (content) => {
    if (!content || typeof content !== "object") return;
    if (content.event === "upload-error") {
      failed.add(content.upload);
      say(content.message || "The upload failed.", true);
    } else if (content.event === "upload-done" && !status.classList.contains("nbfrag-upload-error")) {
      say("");
    }
  };
  const onChange = () => {
    const chosen = Array.from(input.files || []);
    input.value = "";
    say("");
    take(chosen);
  };
  const onBrowse = () => input.click();
  const onDragOver = (event) => {
    event.preventDefault();
    zone.classList.add("nbfrag-drag");
  };
  const onDragLeave = () => zone.classList.remove("nbfrag-drag");
  const onDrop = (event) => {
    event.preventDefault();
    zone.classList.remove("nbfrag-drag");
    say("");
    take(Array.from(event.dataTransfer?.files || []));
  };
  input.addEventListener("change", onChange);
  browse.addEventListener("click", onBrowse);
  zone.addEventListener("dragover", onDragOver);
  zone.addEventListener("dragleave", onDragLeave);
  zone.addEventListener("drop", onDrop);
  const names = ["description", "tooltip", "accept", "multiple", "directory", "max_bytes", "disabled", "files"];
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
    return startUploader(model, el);
  },
};
