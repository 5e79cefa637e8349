// nbfrag snow: `st.snow()` as snowflakes falling across the viewport.
//
// Trait (kernel -> browser):
//   falls: [{uid, expires_at}]   expires_at: epoch ms
//
// The same freshness rules as balloons and toasts (fresh.js): a fall plays once per page and
// only while it has not expired. Flakes never block the page (pointer-events: none); with
// prefers-reduced-motion a few still flakes fade in and out instead.

import { effectsView, ensureStyle as sharedEnsureStyle, playFresh } from "./fresh.js";

const STYLE_ID = "nbfrag-snow-style";

export const FLAKE_COUNT = 60;
export const STATIC_FLAKE_COUNT = 15;
export const FALL_MS = 6000;
export const STATIC_MS = 1500;

const CSS = `
.nbfrag-snow {
  position: fixed;
  inset: 0;
  z-index: 10000;
  overflow: hidden;
  pointer-events: none;
}
.nbfrag-flake {
  position: absolute;
  top: -2em;
  color: #a7c7e7;
  text-shadow: 0 0 2px rgba(0, 0, 0, 0.25);
  animation-name: nbfrag-snow-fall;
  animation-timing-function: linear;
  animation-fill-mode: both;
  will-change: transform;
}
@keyframes nbfrag-snow-fall {
  from { transform: translate(0, 0) rotate(0deg); }
  to { transform: translate(var(--nbfrag-drift, 0px), calc(100vh + 4em)) rotate(360deg); }
}
.nbfrag-snow.nbfrag-static .nbfrag-flake {
  animation: nbfrag-snow-fade ${STATIC_MS}ms ease both;
}
@keyframes nbfrag-snow-fade {
  0% { opacity: 0; }
  15%, 75% { opacity: 1; }
  100% { opacity: 0; }
}
@media (prefers-reduced-motion: reduce) {
  .nbfrag-snow:not(.nbfrag-static) { display: none; }
}
`;

/** Whether the page asked for reduced motion (false where unknown). */
export function prefersReducedMotion(win) {
  try {
    return Boolean(win?.matchMedia?.("(prefers-reduced-motion: reduce)")?.matches);
  } catch {
    return false;
  }
}

/** Randomised flakes: position, size, drift and timing (delay + duration <= FALL_MS). */
export function flakeSpecs(count, { reduced = false, random = Math.random } = {}) {
  const specs = [];
  for (let i = 0; i < count; i++) {
    const spec = {
      left: ((i + random()) / count) * 100,
      size: 0.8 + random() * 1.2, // em
      drift: Math.round((random() - 0.5) * 120), // px sideways over the fall
    };
    if (reduced) {
      spec.top = 10 + random() * 70;
    } else {
      spec.delay = random() * 2; // s
      spec.duration = 3 + random(); // s: at most 6 s with the delay
    }
    specs.push(spec);
  }
  return specs;
}

/** Play one fall: a full-viewport overlay removed when the last flake has fallen. */
export function fall(doc, { uid = "", reduced, random } = {}) {
  sharedEnsureStyle(doc, STYLE_ID, CSS);
  if (reduced === undefined) reduced = prefersReducedMotion(doc.defaultView);
  const overlay = doc.createElement("div");
  overlay.className = reduced ? "nbfrag-snow nbfrag-static" : "nbfrag-snow";
  overlay.setAttribute("aria-hidden", "true");
  overlay.dataset.uid = uid;
  for (const s of flakeSpecs(reduced ? STATIC_FLAKE_COUNT : FLAKE_COUNT, { reduced, random })) {
    const flake = doc.createElement("div");
    flake.className = "nbfrag-flake";
    flake.textContent = "\u2744";
    flake.style.left = `${s.left.toFixed(2)}%`;
    flake.style.fontSize = `${s.size.toFixed(2)}em`;
    if (reduced) {
      flake.style.top = `${s.top.toFixed(2)}%`;
    } else {
      flake.style.setProperty("--nbfrag-drift", `${s.drift}px`);
      flake.style.animationDuration = `${s.duration.toFixed(2)}s`;
      flake.style.animationDelay = `${s.delay.toFixed(2)}s`;
    }
    overlay.appendChild(flake);
  }
  doc.body.appendChild(overlay);
  setTimeout(() => overlay.remove(), reduced ? STATIC_MS : FALL_MS);
  return overlay;
}

/** Play every fresh entry of `entries` and mark it seen. */
export function fallFresh(doc, entries, now = Date.now(), options = {}) {
  return playFresh(doc, "snow", entries, (entry) => fall(doc, { ...options, uid: entry.uid }), now);
}

export default effectsView("falls", "snow", (doc, entry) => fall(doc, { uid: entry.uid }));
