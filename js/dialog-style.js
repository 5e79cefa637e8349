// The dialog's stylesheet (see dialog.js): an overlay over the app's area in a notebook, a
// native modal <dialog> over the page in Voila, left/right panels, JupyterLab's theme colors.

/** Space between the dialog and the edges of what it covers. */
export const MARGIN_PX = 16;

export const DIALOG_CSS = `
.nbfrag-dialog-host { position: relative; }
.nbfrag-dialog-overlay {
  position: absolute;
  inset: 0;
  z-index: 30;
  background: rgba(0, 0, 0, 0.35);
}
.nbfrag-dialog {
  box-sizing: border-box;
  width: min(var(--nbfrag-dialog-width, 500px), calc(100% - ${2 * MARGIN_PX}px));
  max-width: none;
  padding: 0;
  border: 1px solid var(--jp-border-color2, rgba(0, 0, 0, 0.12));
  border-radius: 8px;
  background: var(--jp-layout-color1, #fff);
  color: var(--jp-ui-font-color1, #222);
  box-shadow: 0 8px 32px rgba(0, 0, 0, 0.25);
  font-family: var(--jp-ui-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  font-size: var(--jp-ui-font-size1, 13px);
  overflow: auto;
}
.nbfrag-dialog:focus { outline: none; }
.nbfrag-dialog-overlay > .nbfrag-dialog {
  position: sticky;
  top: ${MARGIN_PX}px;
  inset-inline: auto;
  margin: ${MARGIN_PX}px auto;
}
.nbfrag-dialog:modal {
  width: min(var(--nbfrag-dialog-width, 500px), calc(100vw - ${2 * MARGIN_PX}px));
  max-height: calc(100vh - ${4 * MARGIN_PX}px);
}
.nbfrag-dialog::backdrop { background: rgba(0, 0, 0, 0.35); }
.nbfrag-dialog[data-position="left"], .nbfrag-dialog[data-position="right"] {
  margin: 0;
  border-radius: 0;
  width: min(var(--nbfrag-dialog-width, 500px), 100%);
}
.nbfrag-dialog-overlay > .nbfrag-dialog[data-position="left"],
.nbfrag-dialog-overlay > .nbfrag-dialog[data-position="right"] {
  position: absolute;
  top: 0;
  bottom: 0;
  height: auto;
}
.nbfrag-dialog:modal[data-position="left"], .nbfrag-dialog:modal[data-position="right"] {
  width: min(var(--nbfrag-dialog-width, 500px), 100vw);
  height: 100vh;
  max-height: 100vh;
  inset-block: 0;
}
.nbfrag-dialog[data-position="left"] { left: 0; right: auto; }
.nbfrag-dialog[data-position="right"] { right: 0; left: auto; }
.nbfrag-dialog-header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 16px 12px 8px 24px;
}
.nbfrag-dialog-icon { flex: none; font-size: 1.3em; line-height: 1; }
.nbfrag-dialog-icon:empty { display: none; }
.nbfrag-dialog-icon.nbfrag-dialog-spinner {
  width: 1em;
  height: 1em;
  border: 2px solid rgba(128, 128, 128, 0.3);
  border-top-color: var(--jp-brand-color1, #1976d2);
  border-radius: 50%;
  animation: nbfrag-dialog-spin 0.8s linear infinite;
}
.nbfrag-dialog-title {
  flex: 1;
  min-width: 0;
  margin: 0;
  font-size: 1.4em;
  font-weight: 600;
  line-height: 1.3;
  overflow-wrap: anywhere;
}
.nbfrag-dialog-close {
  flex: none;
  align-self: flex-start;
  padding: 2px 8px;
  border: 0;
  border-radius: 4px;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 20px;
  line-height: 1;
  opacity: 0.6;
  cursor: pointer;
}
.nbfrag-dialog-close:hover, .nbfrag-dialog-close:focus-visible { opacity: 1; }
.nbfrag-dialog-close[hidden] { display: none; }
.nbfrag-dialog-content { padding: 0 24px 24px; }
@keyframes nbfrag-dialog-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .nbfrag-dialog-icon.nbfrag-dialog-spinner { animation: none; }
}
`;
