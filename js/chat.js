// nbfrag chat input: the box of `st.chat_input`.
//
// Traits (kernel -> browser):
//   placeholder: str, shown while the box is empty
//   disabled: bool
//   max_chars: int, 0 for no limit
//   uid: str, the widget's identity (its model id), to find its state across views
//   draft: str, text the app put in the box (`st.session_state[key] = "..."`); shown, not sent
//   draft_version: int, bumped by the kernel each time it sets `draft` (so the same text twice applies)
//   accept_file: "" (no attachments), "single", "multiple" or "directory"
//   accept: [str], the file types attachments may have; max_bytes: int, the size limit of one
//   attachments: [{file_id, name, size}], the files uploaded for the next message
//   accept_audio: bool, a 🎤 button records a voice message; sample_rate: int (0: the microphone's)
//   recording: {file_id, name, size} | null, the recording uploaded for the next message
//
// Messages (browser -> kernel): {event: "submit", value: <text>} on Enter (Shift+Enter is a new
// line) or a click on the send arrow. The text travels in the message itself, so no value sync
// can arrive after it (ipywidgets' own "submit" message precedes the value it submits).
//
// Attachments (📎) are uploaded as soon as they are chosen, in chunks (files.js `sendFiles`);
// {event: "remove", file_id} drops one. The message takes the uploaded files along (kernel side).
//
// After sending, the box is cleared and keeps the keyboard focus, so the next message can be
// typed at once. The run the message causes may redraw the page around the box; when that
// replaces the box's view (its container's children changed before it), the new view takes the
// focus and the unsent text back: both are kept per `uid` in `STATE`, outside any one view.

import { fileName, refusal, sendFiles, sizeText } from "./files.js";
import { toWav, unavailable } from "./recording.js";

const STATE = (globalThis.__nbfragChat ??= { focused: null, drafts: new Map() });

/** Whether this keydown sends: Enter without Shift, never while an IME composes text. */
export function isSendKey(event) {
  return event.key === "Enter" && !event.shiftKey && !event.isComposing;
}

/** The text to send, or null when there is nothing to send (blank text and no files, a
 * disabled box). */
export function outgoing(text, disabled, hasFiles = false) {
  if (disabled || typeof text !== "string" || (text.trim() === "" && !hasFiles)) return null;
  return text;
}

function ensureStyle(doc) {
  if (doc.getElementById("nbfrag-chat-style")) return;
  const style = doc.createElement("style");
  style.id = "nbfrag-chat-style";
  style.textContent = `
.nbfrag-chat-box{display:flex;align-items:flex-end;gap:0.25rem;border:1px solid rgba(128,128,128,0.45);
  border-radius:0.6rem;padding:0.3rem 0.4rem;background:var(--jp-layout-color0,#fff)}
.nbfrag-chat-box:focus-within{border-color:var(--jp-brand-color1,#1976d2)}
.nbfrag-chat-box textarea{flex:1 1 auto;border:none;outline:none;resize:none;background:transparent;
  color:inherit;font:inherit;line-height:1.4;max-height:12em;min-height:1.4em;padding:0.2rem}
.nbfrag-chat-box button{border:none;background:transparent;cursor:pointer;font-size:1.1em;
  color:var(--jp-brand-color1,#1976d2);padding:0.1rem 0.4rem}
.nbfrag-chat-box button:disabled{opacity:0.35;cursor:default}
.nbfrag-chat-files{display:flex;flex-wrap:wrap;gap:0.3rem;margin-bottom:0.25rem}
.nbfrag-chat-file{display:inline-flex;align-items:center;gap:0.25rem;padding:0.1rem 0.4rem;
  border:1px solid rgba(128,128,128,0.45);border-radius:0.4rem;font-size:0.9em}
.nbfrag-chat-file button{font-size:0.9em;padding:0 0.2rem;color:inherit}
.nbfrag-chat-status{font-size:0.85em}
.nbfrag-chat-status.nbfrag-chat-error{color:var(--jp-error-color1,#d32f2f)}
.nbfrag-chat-input-bottom{position:sticky;bottom:0;z-index:10;background:var(--jp-layout-color0,#fff);
  padding:0.4rem 0}`;
  doc.head.appendChild(style);
}

/** Whether `node` takes typing (so the focus there was put on purpose). */
function isEditable(node) {
  if (!node || !node.tagName) return false;
  const tag = node.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || node.isContentEditable === true;
}

/**
 * A new view of a box that had the focus takes it back. The old view may still be on the page
 * when the new one renders (the new one may not be attached yet), and the notebook may move
 * the focus to its cell when the old view goes, so this checks over RECLAIM_MS: once attached,
 * the new box takes the focus unless the visitor is typing elsewhere (another editable element,
 * not an old view of this box). Returns the function that stops it.
 */
const RECLAIM_MS = 1500;

export function reclaimFocus(area, uid) {
  const doc = area.ownerDocument;
  const win = doc.defaultView;
  const until = Date.now() + RECLAIM_MS;
  let timer = null;
  const check = () => {
    timer = null;
    if (STATE.focused !== uid || area.disabled) return;
    if (area.isConnected) {
      const active = doc.activeElement;
      const oldView = active && active !== area && active.dataset && active.dataset.uid === uid;
      if (active !== area && !(oldView && active.isConnected) && !(isEditable(active) && !oldView)) {
        area.focus();
      }
    }
    if (Date.now() < until) timer = win.setTimeout(check, 50);
  };
  check();
  return () => {
    if (timer !== null) win.clearTimeout(timer);
  };
}

/** Build the box in `el`; returns the cleanup function. */
export function startChat(model, el) {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  ensureStyle(doc);
  const box = doc.createElement("div");
  box.className = "nbfrag-chat-box";
  const area = doc.createElement("textarea");
  area.rows = 1;
  const send = doc.createElement("button");
  send.type = "button";
  send.textContent = "➤";
  send.title = "Send";
  send.setAttribute("aria-label", "Send");
  const attach = doc.createElement("button");
  attach.type = "button";
  attach.textContent = "📎";
  attach.title = "Attach files";
  attach.setAttribute("aria-label", "Attach files");
  const input = doc.createElement("input");
  input.type = "file";
  input.hidden = true;
  attach.style.order = "-1"; // drawn left of the text, after it in the DOM (the send arrow stays the first button)
  const mic = doc.createElement("button");
  mic.type = "button";
  mic.textContent = "🎤";
  mic.title = "Record a voice message";
  mic.setAttribute("aria-label", "Record a voice message");
  box.append(area, send, attach, input, mic);
  const chips = doc.createElement("div");
  chips.className = "nbfrag-chat-files";
  const status = doc.createElement("div");
  status.className = "nbfrag-chat-status";
  status.setAttribute("role", "status");
  el.append(chips, box, status);
  let uploading = 0;
  const say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle("nbfrag-chat-error", error);
  };
  const hasFiles = () => (model.get("attachments") || []).length > 0 || !!model.get("recording");
  let recorder = null;
  let stream = null;

  const uid = () => model.get("uid");
  const fit = () => {
    area.style.height = "auto";
    if (area.scrollHeight) area.style.height = `${area.scrollHeight}px`;
  };
  const refresh = () => {
    area.placeholder = model.get("placeholder") || "";
    area.disabled = !!model.get("disabled");
    area.setAttribute("aria-label", area.placeholder || "Chat input");
    const max = model.get("max_chars");
    if (max > 0) area.maxLength = max;
    else area.removeAttribute("maxlength");
    send.disabled = area.disabled || uploading > 0 || outgoing(area.value, false, hasFiles()) === null;
    const mode = model.get("accept_file") || "";
    attach.hidden = !mode;
    mic.hidden = !model.get("accept_audio");
    mic.disabled = area.disabled || (uploading > 0 && !recorder);
    mic.textContent = recorder ? "⏹" : "🎤";
    mic.setAttribute("aria-label", recorder ? "Stop recording" : "Record a voice message");
    attach.disabled = area.disabled;
    input.accept = (model.get("accept") || []).join(",");
    input.multiple = mode === "multiple" || mode === "directory";
    if (mode === "directory") input.setAttribute("webkitdirectory", "");
    else input.removeAttribute("webkitdirectory");
  };
  const showFiles = () => {
    const recording = model.get("recording");
    chips.replaceChildren(
      ...[...(model.get("attachments") || []), ...(recording ? [{ ...recording, voice: true }] : [])].map((f) => {
        const chip = doc.createElement("span");
        chip.className = "nbfrag-chat-file";
        const name = doc.createElement("span");
        name.textContent = `${f.voice ? "🎤" : "📄"} ${f.name} (${sizeText(f.size)})`;
        const remove = doc.createElement("button");
        remove.type = "button";
        remove.textContent = "✕";
        remove.setAttribute("aria-label", `Remove ${f.name}`);
        remove.addEventListener("click", () => model.send({ event: "remove", file_id: f.file_id }));
        chip.append(name, remove);
        return chip;
      }),
    );
    refresh();
  };
  const upload = async (chosen) => {
    const mode = model.get("accept_file") || "";
    if (!mode || area.disabled || chosen.length === 0) return;
    const files = mode === "single" ? chosen.slice(0, 1) : chosen;
    const refused = files.map((f) => [f, refusal(f, model.get("accept") || [], model.get("max_bytes"))]);
    const bad = refused.filter(([, why]) => why);
    say(bad.map(([f, why]) => `${fileName(f)}: ${why}`).join(" "), bad.length > 0);
    const good = refused.filter(([, why]) => !why).map(([f]) => f);
    if (good.length === 0) return;
    uploading += 1;
    refresh();
    try {
      await sendFiles(model, good);
    } finally {
      uploading -= 1;
      refresh();
    }
  };
  const onChosen = () => {
    const chosen = Array.from(input.files || []);
    input.value = "";
    upload(chosen);
  };
  const onAttach = () => input.click();
  const onMic = async () => {
    if (recorder) {
      recorder.stop();
      return;
    }
    let counted = false;
    try {
      const problem = unavailable(win, null);
      if (problem) throw Object.assign(new Error(problem), { shown: problem });
      stream = await win.navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks = [];
      recorder = new win.MediaRecorder(stream);
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => {
        recorder.onstop = resolve;
      });
      recorder.start();
      say("Recording…");
      refresh();
      await stopped;
      for (const track of stream.getTracks()) track.stop();
      recorder = null;
      uploading += 1;
      counted = true;
      refresh();
      const wav = await toWav(win, new win.Blob(chunks), model.get("sample_rate"));
      await sendFiles(model, [new win.File([wav], "audio.wav", { type: "audio/wav" })], () => {}, () => false,
        { purpose: "audio" });
      say("");
    } catch (error) {
      if (stream) for (const track of stream.getTracks()) track.stop();
      recorder = null;
      say(error.shown || unavailable(win, error), true);
    } finally {
      if (counted) uploading -= 1;
      refresh();
    }
  };
  const onCustom = (content) => {
    if (content && content.event === "upload-error") say(content.message || "The upload failed.", true);
  };
  const applyDraft = () => {
    area.value = model.get("draft") || "";
    STATE.drafts.set(uid(), area.value);
    fit();
    refresh();
  };
  const submit = () => {
    const text = outgoing(area.value, area.disabled || uploading > 0, hasFiles());
    if (text === null) return;
    say("");
    model.send({ event: "submit", value: text });
    area.value = "";
    STATE.drafts.delete(uid());
    STATE.focused = uid();
    fit();
    refresh();
    area.focus();
  };
  const onKeydown = (event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    event.stopPropagation(); // the notebook must not run the cell on Enter
    submit();
  };
  const onInput = () => {
    STATE.drafts.set(uid(), area.value);
    fit();
    refresh();
  };
  const onFocus = () => {
    STATE.focused = uid();
  };
  const onBlur = (event) => {
    // Focus moved to something else on purpose: stop reclaiming it. (A view removed while
    // focused gives no related target: the next view of this box takes the focus back.)
    const to = event.relatedTarget;
    if (to && !(to.dataset && to.dataset.uid === uid()) && STATE.focused === uid()) STATE.focused = null;
  };
  area.addEventListener("keydown", onKeydown);
  area.addEventListener("input", onInput);
  area.addEventListener("focus", onFocus);
  area.addEventListener("blur", onBlur);
  send.addEventListener("click", submit);
  attach.addEventListener("click", onAttach);
  mic.addEventListener("click", onMic);
  model.on("change:accept_audio", refresh);
  model.on("change:recording", showFiles);
  input.addEventListener("change", onChosen);
  model.on("change:accept_file", refresh);
  model.on("change:accept", refresh);
  model.on("change:attachments", showFiles);
  model.on("msg:custom", onCustom);
  model.on("change:placeholder", refresh);
  model.on("change:disabled", refresh);
  model.on("change:max_chars", refresh);
  model.on("change:draft_version", applyDraft);

  area.value = STATE.drafts.get(uid()) ?? (model.get("draft") || "");
  area.dataset.uid = uid();
  showFiles();
  const stopReclaiming = reclaimFocus(area, uid());
  return () => {
    stopReclaiming();
    model.off("change:placeholder", refresh);
    model.off("change:disabled", refresh);
    model.off("change:max_chars", refresh);
    model.off("change:draft_version", applyDraft);
    model.off("change:accept_file", refresh);
    model.off("change:accept", refresh);
    model.off("change:attachments", showFiles);
    model.off("change:accept_audio", refresh);
    model.off("change:recording", showFiles);
    model.off("msg:custom", onCustom);
  };
}

export default {
  render({ model, el }) {
    return startChat(model, el);
  },
};
