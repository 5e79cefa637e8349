// nbfrag's microphone and camera helpers, shared by the capture widgets (capture.js) and the
// chat box's voice messages (chat.js): WAV encoding, and why a browser cannot capture.

/** A mono 16-bit PCM WAV file of `samples` (floats in [-1, 1]) at `rate` samples per second. */
export function encodeWav(samples, rate) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (offset, value) => {
    for (let i = 0; i < value.length; i += 1) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buffer;
}

/** Why the browser cannot capture here, in words a visitor can act on. */
export function unavailable(win, error) {
  if (!win.isSecureContext) {
    return "The browser allows the camera and microphone only on a secure page (https, or localhost).";
  }
  if (!win.navigator.mediaDevices || !win.navigator.mediaDevices.getUserMedia) {
    return "This browser cannot use a camera or microphone here.";
  }
  if (error && error.name === "NotAllowedError") return "Access was refused: allow it in the browser and try again.";
  if (error && error.name === "NotFoundError") return "No camera or microphone was found.";
  return error ? `The device could not be used: ${error.message || error.name}` : "";
}

/** A recording (a Blob the MediaRecorder made) as WAV bytes, resampled to `rate` (0: as recorded). */
export async function toWav(win, blob, rate) {
  const Context = win.AudioContext || win.webkitAudioContext;
  const context = new Context();
  const decoded = await context.decodeAudioData(await blob.arrayBuffer());
  context.close();
  const target = rate || decoded.sampleRate;
  const offline = new win.OfflineAudioContext(1, Math.max(1, Math.ceil(decoded.duration * target)), target);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return encodeWav(rendered.getChannelData(0), target);
}
