// nbfrag's upload path, shared by the file uploader (upload.js) and the chat box's attachments
// (chat.js): Streamlit's rules for which files may be uploaded, and `sendFiles`, which sends
// files to the kernel in chunks of custom messages (kernel side: nbfrag/_widgets/uploads.py
// `Receiver`).
//
// Messages (browser -> kernel): {event: "upload-begin", upload, files: [{name, type, size}]}, then
// {event: "upload-chunk", upload, index} with CHUNK bytes at most as the buffer, then
// {event: "upload-end", upload}. The chunks keep every websocket message far below the Jupyter
// server's 10 MB limit. (kernel -> browser): {event: "upload-done" | "upload-error", upload, message?}.

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
 * "upload-done" or "upload-error"); `cancelled()` stops between chunks. `extra` joins the begin
 * message (`{purpose: "audio"}`: a chat box's voice recording).
 */
export async function sendFiles(model, files, progress = () => {}, cancelled = () => false, extra = {}) {
  const upload = `u${Date.now().toString(36)}-${(counter += 1)}`;
  const metas = files.map((f) => ({ name: fileName(f), type: f.type || "", size: f.size }));
  const total = metas.reduce((sum, m) => sum + m.size, 0);
  model.send({ event: "upload-begin", upload, files: metas, ...extra });
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

/** The hint under "Drag and drop": the limit and the allowed types ("Limit 200.0MB per file • CSV"). */
export function hint(maxBytes, accept) {
  const types = (accept || []).map((t) => t.replace(/^\./, "").toUpperCase()).join(", ");
  return `Limit ${sizeText(maxBytes)} per file${types ? ` • ${types}` : ""}`;
}
