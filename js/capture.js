// nbfrag camera and microphone: the view of `st.camera_input` and `st.audio_input`.
//
// Traits (kernel -> browser): kind ("camera" or "audio"), description (the label), tooltip,
// disabled, resolution_height (camera, 0: the camera's own), sample_rate (audio, 0: the
// microphone's own), files ([{file_id, name, size}]: the capture the app holds, if any).
//
// A photo is a JPEG ("image.jpg"), a recording a mono 16-bit WAV ("audio.wav"), sent through the
// upload path of files.js; "Clear" sends {event: "remove", file_id}. The browser grants the
// camera and the microphone only on a secure page (https, or http on localhost): elsewhere, and
// when the visitor refuses, the widget says so.

import { sendFiles } from "./files.js";
import { toWav, unavailable } from "./recording.js";

// The last capture's local URL per model, so a view redrawn by a rerun shows it again.
const SHOTS = (globalThis.__nbfragCaptures ??= new WeakMap());

function ensureStyle(doc) {
  if (doc.getElementById("nbfrag-capture-style")) return;
  const style = doc.createElement("style");
  style.id = "nbfrag-capture-style";
  style.textContent = `
.nbfrag-capture{display:flex;flex-direction:column;gap:0.35rem}
.nbfrag-capture video,.nbfrag-capture img{width:100%;border-radius:0.5rem;background:rgba(128,128,128,0.15)}
.nbfrag-capture audio{width:100%}
.nbfrag-capture-status{font-size:0.9em}
.nbfrag-capture-error{color:var(--jp-error-color1,#d32f2f)}`;
  doc.head.appendChild(style);
}

/** Build the widget in `el`; returns the cleanup function. */
export function startCapture(model, el) {
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  ensureStyle(doc);
  const camera = model.get("kind") === "camera";
  const root = doc.createElement("div");
  root.className = "nbfrag-capture";
  const label = doc.createElement("label");
  const preview = doc.createElement(camera ? "video" : "audio");
  const shot = doc.createElement(camera ? "img" : "audio");
  if (camera) {
    preview.muted = true;
    preview.playsInline = true;
    shot.alt = "The photo taken";
  } else {
    preview.hidden = true;
    shot.controls = true;
  }
  const act = doc.createElement("button");
  act.type = "button";
  act.className = "jupyter-button widget-button";
  const status = doc.createElement("div");
  status.className = "nbfrag-capture-status";
  status.setAttribute("role", "status");
  root.append(label, preview, shot, act, status);
  el.appendChild(root);

  let stream = null;
  let recorder = null;
  let refused = false;
  let started = 0;
  let ticking = null;
  const say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle("nbfrag-capture-error", error);
  };
  const held = () => (model.get("files") || [])[0];
  const stop = () => {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    if (ticking !== null) win.clearInterval(ticking);
    ticking = null;
  };
  const open = async () => {
    if (stream) return stream;
    const problem = unavailable(win, null);
    if (problem) throw Object.assign(new Error(problem), { shown: problem });
    const height = model.get("resolution_height");
    const wanted = camera ? { video: height ? { height: { ideal: height } } : true } : { audio: true };
    stream = await win.navigator.mediaDevices.getUserMedia(wanted);
    if (camera) {
      preview.srcObject = stream;
      await preview.play().catch(() => {});
    }
    return stream;
  };
  const send = async (buffer, name, type) => {
    const file = new win.File([buffer], name, { type });
    if (SHOTS.has(model)) win.URL.revokeObjectURL(SHOTS.get(model));
    SHOTS.set(model, win.URL.createObjectURL(file));
    shot.src = SHOTS.get(model);
    say("Sending…");
    await sendFiles(model, [file]);
    say("");
  };
  const takePhoto = async () => {
    const canvas = doc.createElement("canvas");
    canvas.width = preview.videoWidth;
    canvas.height = preview.videoHeight;
    canvas.getContext("2d").drawImage(preview, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    stop();
    await send(await blob.arrayBuffer(), "image.jpg", "image/jpeg");
  };
  const record = async () => {
    const chunks = [];
    recorder = new win.MediaRecorder(stream);
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const done = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    recorder.start();
    started = Date.now();
    ticking = win.setInterval(() => say(`Recording… ${Math.floor((Date.now() - started) / 1000)} s`), 250);
    refresh();
    await done;
    recorder = null;
    stop();
    const wav = await toWav(win, new win.Blob(chunks), model.get("sample_rate"));
    await send(wav, "audio.wav", "audio/wav");
  };
  const onAct = async () => {
    if (model.get("disabled")) return;
    const file = held();
    try {
      if (file) {
        model.send({ event: "remove", file_id: file.file_id });
        return;
      }
      if (recorder) {
        recorder.stop();
        return;
      }
      await open();
      if (camera) await takePhoto();
      else await record();
    } catch (error) {
      stop();
      refused = true;
      say(error.shown || unavailable(win, error), true);
    } finally {
      refresh();
    }
  };
  function refresh() {
    label.textContent = model.get("description") || "";
    label.hidden = !label.textContent;
    label.title = model.get("tooltip") || "";
    const file = held();
    act.disabled = !!model.get("disabled");
    if (file) act.textContent = camera ? "Clear photo" : "Clear recording";
    else if (recorder) act.textContent = "Stop recording";
    else act.textContent = camera ? "Take photo" : "Record";
    if (file && !shot.src && SHOTS.has(model)) shot.src = SHOTS.get(model);
    shot.hidden = !file || !shot.src;
    preview.hidden = camera ? !!file : true;
    if (!file && camera && !stream && !refused && !model.get("disabled")) {
      open().catch((error) => {
        refused = true;
        say(error.shown || unavailable(win, error), true);
      });
    }
  }
  const names = ["description", "tooltip", "disabled", "files", "resolution_height", "sample_rate"];
  for (const name of names) model.on(`change:${name}`, refresh);
  act.addEventListener("click", onAct);
  refresh();
  return () => {
    for (const name of names) model.off(`change:${name}`, refresh);
    stop();
  };
}

export default {
  render({ model, el }) {
    return startCapture(model, el);
  },
};
