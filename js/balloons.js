// nbfrag balloons: `st.balloons()` as balloons rising across the viewport.
//
// Trait (kernel -> browser):
//   launches: [{uid, expires_at}]   expires_at: epoch ms
//
// Same freshness rules as toasts: a launch is played once per page (a
// page-global set of uids, shared by every view of every balloons widget) and
// only while it has not expired, so re-rendering a cell or opening a second
// view of the widget never replays an old celebration.

import { effectsView, ensureStyle as sharedEnsureStyle, playFresh } from "./fresh.js";

const STYLE_ID = "nbfrag-balloons-style";

export const BALLOON_COUNT = 25;
// With prefers-reduced-motion: a short, static burst of fewer balloons.
export const STATIC_BALLOON_COUNT = 8;
// Lifetime of an overlay. balloonSpecs keeps delay + duration within RISE_MS
// so every balloon is off-screen before its overlay is removed.
export const RISE_MS = 3500;
export const STATIC_MS = 1500;

const COLORS = [
  "#ff4b4b", "#ffa421", "#ffe312", "#21c354",
  "#00c0f2", "#1c83e1", "#803df5", "#ff8bd0",
];

const CSS = `
.nbfrag-balloons {
  position: fixed;
  inset: 0;
  z-index: 10000;
  overflow: hidden;
  pointer-events: none; /* never block the notebook underneath */
}
.nbfrag-balloon {
  position: absolute;
  top: 100%; /* start just below the bottom edge */
  animation-name: nbfrag-balloon-rise;
  animation-timing-function: cubic-bezier(0.4, 0.1, 0.7, 0.6);
  animation-fill-mode: both; /* hidden below before its delay, gone after */
  will-change: transform;
}
.nbfrag-balloon-body {
  position: relative;
  border-radius: 50% 50% 47% 47% / 56% 56% 44% 44%;
  /* colour comes from the inline \`color\`, so the knot can reuse it */
  background-color: currentColor;
  background-image: radial-gradient(circle at 32% 28%, rgba(255, 255, 255, 0.65) 0 7%, rgba(255, 255, 255, 0) 34%);
  box-shadow: inset -6px -8px 14px rgba(0, 0, 0, 0.14);
  transform-origin: 50% 100%;
  animation: nbfrag-balloon-sway 1.4s ease-in-out infinite alternate;
}
.nbfrag-balloon-body::before { /* knot */
  content: "";
  position: absolute;
  left: 50%;
  top: calc(100% - 2px);
  margin-left: -4px;
  border-left: 4px solid transparent;
  border-right: 4px solid transparent;
  border-bottom: 6px solid currentColor;
}
.nbfrag-balloon-body::after { /* string */
  content: "";
  position: absolute;
  left: 50%;
  top: calc(100% + 4px);
  width: 1px;
  height: 64px;
  background: rgba(128, 128, 128, 0.7);
}
@keyframes nbfrag-balloon-rise {
  from { transform: translateY(0); }
  to { transform: translateY(calc(-100vh - 160px)); }
}
@keyframes nbfrag-balloon-sway {
  from { transform: translateX(-10px) rotate(-5deg); }
  to { transform: translateX(10px) rotate(5deg); }
}
.nbfrag-balloons.nbfrag-static .nbfrag-balloon {
  animation: nbfrag-balloon-fade ${STATIC_MS}ms ease both;
}
.nbfrag-balloons.nbfrag-static .nbfrag-balloon-body { animation: none; }
@keyframes nbfrag-balloon-fade {
  0% { opacity: 0; }
  15%, 75% { opacity: 1; }
  100% { opacity: 0; }
}
/* Safety net if the JS check could not see the preference: never show
   moving balloons to someone who asked for reduced motion. */
@media (prefers-reduced-motion: reduce) {
  .nbfrag-balloons:not(.nbfrag-static) { display: none; }
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

/**
 * Randomised look of `count` balloons. `random` is injectable for tests.
 * Positions are spread in equal slots with jitter so the burst covers the
 * whole width instead of clumping.
 */
export function balloonSpecs(count, { reduced = false, random = Math.random } = {}) {
  const specs = [];
  for (let i = 0; i < count; i++) {
    const size = 0.8 + random() * 0.45; // scale of a 40x52 px balloon
    const spec = {
      left: ((i + 0.15 + random() * 0.7) / count) * 100, // % of width
      color: COLORS[Math.floor(random() * COLORS.length) % COLORS.length],
      width: Math.round(40 * size),
      height: Math.round(52 * size),
      swayDelay: -random() * 1.4, // negative: balloons sway out of step
    };
    if (reduced) {
      spec.top = 15 + random() * 50; // % of height, static
    } else {
      spec.delay = random() * 0.5; // s
      spec.duration = 2.4 + random() * 0.6; // s; delay + duration <= 3.5 s
    }
    specs.push(spec);
  }
  return specs;
}

/** Inject the stylesheet once per document. */
export function ensureStyle(doc) {
  sharedEnsureStyle(doc, STYLE_ID, CSS);
}

/**
 * Play one launch: append a full-viewport overlay and remove it when the
 * animation is over. The removal timer belongs to the page, not to a view,
 * so destroying the view mid-flight neither cuts nor strands the balloons.
 */
export function launch(doc, { uid = "", reduced, random } = {}) {
  ensureStyle(doc);
  if (reduced === undefined) reduced = prefersReducedMotion(doc.defaultView);

  const overlay = doc.createElement("div");
  overlay.className = reduced ? "nbfrag-balloons nbfrag-static" : "nbfrag-balloons";
  overlay.setAttribute("aria-hidden", "true"); // purely decorative
  overlay.dataset.uid = uid;

  const count = reduced ? STATIC_BALLOON_COUNT : BALLOON_COUNT;
  for (const s of balloonSpecs(count, { reduced, random })) {
    const balloon = doc.createElement("div");
    balloon.className = "nbfrag-balloon";
    balloon.style.left = `${s.left.toFixed(2)}%`;
    balloon.style.marginLeft = `${-s.width / 2}px`; // centre on \`left\`
    if (reduced) {
      balloon.style.top = `${s.top.toFixed(2)}%`;
    } else {
      balloon.style.animationDuration = `${s.duration.toFixed(2)}s`;
      balloon.style.animationDelay = `${s.delay.toFixed(2)}s`;
    }
    const body = doc.createElement("div");
    body.className = "nbfrag-balloon-body";
    body.style.width = `${s.width}px`;
    body.style.height = `${s.height}px`;
    body.style.color = s.color;
    body.style.animationDelay = `${s.swayDelay.toFixed(2)}s`;
    balloon.appendChild(body);
    overlay.appendChild(balloon);
  }

  doc.body.appendChild(overlay);
  setTimeout(() => overlay.remove(), reduced ? STATIC_MS : RISE_MS);
  return overlay;
}

/** Play every fresh entry of `entries` and mark it seen. */
export function launchFresh(doc, entries, now = Date.now(), options = {}) {
  return playFresh(doc, "balloons", entries, (entry) => launch(doc, { ...options, uid: entry.uid }), now);
}

export default effectsView("launches", "balloons", (doc, entry) => launch(doc, { uid: entry.uid }));
