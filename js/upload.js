// nbfrag file uploader: the view of `st.file_uploader`.
//
// Traits (kernel -> browser):
//   description: str, the label ("" when hidden)      tooltip: str | null
//   disabled: bool                                     accept: [str], Streamlit's normal form of `type=`
//   multiple: bool, several files                      directory: bool, pick a folder
//   max_bytes: int, the size limit of one file         files: [{file_id, name, size}], the value shown
//
// Messages: the upload path of files.js (`sendFiles`), and {event: "remove", file_id} (browser ->
// kernel) when a file's ✕ is clicked.

import { fileName, hint, refusal, sendFiles, sizeText } from "./files.js";

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
