// nbfrag toasts: `st.toast(body, icon)` as transient notifications in the
// bottom-right corner of the page.
//
// Trait (kernel -> browser):
//   toasts: [{uid, html, icon, expires_at, duration_ms}]
//     html        Markdown already rendered AND sanitized by the kernel
//     icon        untrusted plain text: only ever assigned via textContent
//     expires_at  epoch ms after which the toast must no longer be shown
//     duration_ms how long a toast stays up once shown
//
// The kernel appends entries and prunes expired ones, so the same entry can be
// seen by many views (two outputs of one widget, a re-rendered cell). Toasts
// therefore live in ONE stack per page, and a page-global set of uids makes
// sure each toast is shown once, whichever view sees it first.

import { effectsView, ensureStyle as sharedEnsureStyle, playFresh } from "./fresh.js";

const STYLE_ID = "nbfrag-toast-style";
const STACK_CLASS = "nbfrag-toasts";

const CSS = `
.nbfrag-toasts {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 10001;
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 8px;
  width: 360px;
  max-width: calc(100vw - 32px);
  pointer-events: none; /* the empty stack must not block clicks */
}
.nbfrag-toast {
  pointer-events: auto;
  box-sizing: border-box;
  display: flex;
  align-items: flex-start;
  gap: 8px;
  width: 100%;
  padding: 12px 10px 12px 14px;
  background: var(--jp-layout-color1, #fff);
  color: var(--jp-ui-font-color1, #222);
  border: 1px solid var(--jp-border-color2, rgba(0, 0, 0, 0.08));
  border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.14), 0 1px 3px rgba(0, 0, 0, 0.1);
  font-family: var(--jp-ui-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--jp-ui-font-size1, 13px);
  line-height: 1.45;
  animation: nbfrag-toast-in 180ms ease-out;
}
.nbfrag-toast-icon {
  flex: none;
  max-width: 4em; /* an icon is one glyph; never let odd text crowd the body */
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  font-size: 1.3em;
  line-height: 1.1;
}
.nbfrag-toast-body { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.nbfrag-toast-body > :first-child { margin-top: 0; }
.nbfrag-toast-body > :last-child { margin-bottom: 0; }
.nbfrag-toast-close {
  flex: none;
  margin: -2px 0 0;
  padding: 0 4px;
  border: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 16px;
  line-height: 1;
  opacity: 0.55;
  cursor: pointer;
}
.nbfrag-toast-close:hover, .nbfrag-toast-close:focus-visible { opacity: 1; }
@keyframes nbfrag-toast-in {
  from { opacity: 0; transform: translateY(8px); }
  to { opacity: 1; transform: none; }
}
@media (prefers-reduced-motion: reduce) {
  .nbfrag-toast { animation: none; }
}
`;


/** How long (ms) a toast shown at `now` stays up. */
export function lifetimeMs(entry, now) {
  const left = entry.expires_at - now;
  const d = entry.duration_ms;
  // A missing/bad duration falls back to the kernel's expiry alone.
  if (typeof d !== "number" || !(d >= 0)) return Math.max(0, left);
  return Math.max(0, Math.min(d, left));
}

/** Inject the stylesheet once per document. */
export function ensureStyle(doc) {
  sharedEnsureStyle(doc, STYLE_ID, CSS);
}

/** The page-wide stack element, created on first use. */
export function ensureStack(doc) {
  let stack = doc.querySelector(`.${STACK_CLASS}`);
  if (!stack) {
    stack = doc.createElement("div");
    stack.className = STACK_CLASS;
    doc.body.appendChild(stack);
  }
  return stack;
}

/**
 * Add one toast to the page and schedule its removal. The timer belongs to
 * the page, not to a view: a toast must still go away if the view that
 * showed it is destroyed meanwhile.
 */
export function showToast(doc, entry, now = Date.now()) {
  ensureStyle(doc);
  const stack = ensureStack(doc);

  const toast = doc.createElement("div");
  toast.className = "nbfrag-toast";
  toast.setAttribute("role", "status");
  toast.dataset.uid = entry.uid;

  if (entry.icon) {
    const icon = doc.createElement("span");
    icon.className = "nbfrag-toast-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = String(entry.icon); // untrusted: never innerHTML
    toast.appendChild(icon);
  }

  const body = doc.createElement("div");
  body.className = "nbfrag-toast-body";
  body.innerHTML = entry.html ?? ""; // sanitized by the kernel
  toast.appendChild(body);

  const close = doc.createElement("button");
  close.type = "button";
  close.className = "nbfrag-toast-close";
  close.setAttribute("aria-label", "Close");
  close.textContent = "\u00d7";
  toast.appendChild(close);

  const timer = setTimeout(() => toast.remove(), lifetimeMs(entry, now));
  close.addEventListener("click", () => {
    clearTimeout(timer);
    toast.remove();
  });

  stack.appendChild(toast);
  return toast;
}

/** Show every fresh entry of `entries` and mark it seen. */
export function showFresh(doc, entries, now = Date.now()) {
  return playFresh(doc, "toast", entries, (entry, at) => showToast(doc, entry, at), now);
}

export default effectsView("toasts", "toast", showToast);
