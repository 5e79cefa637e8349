"""Drive a notebook page the way a user does, in JupyterLab 4, Notebook 7 or Voila.

`open_notebook` brings a page to the point where every app of the notebook is on screen and
the kernel is ready for clicks: Lab/Notebook run all cells (through the app's own
`notebook:run-all-cells` command, exposed by `expose_app_in_browser`, whose promise settles
when every cell has run), Voila renders on load. Everything after that is what a visitor
does: click, type, read the DOM. Waits are Playwright waits: the timeouts are upper bounds.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect
from servers import Server

# Upper bounds (ms): a cold JupyterLab plus a kernel on a busy 2-core machine can be slow.
PAGE_TIMEOUT_MS = 90_000
ACTION_TIMEOUT_MS = 30_000
expect.set_options(timeout=ACTION_TIMEOUT_MS)

# True when the notebook panel of `path` is the current widget and its kernel is ready.
_NOTEBOOK_READY = """
(path) => {
  const app = window.jupyterapp;
  if (!app || !app.commands.hasCommand("notebook:run-all-cells")) return false;
  const panel = app.shell.currentWidget;
  if (!panel || !panel.context || panel.context.path !== path || !panel.sessionContext) return false;
  if (!panel.context.isReady || !panel.sessionContext.isReady) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}
"""

_RUN_ALL = """
async () => {
  const app = window.jupyterapp;
  await app.commands.execute("notebook:run-all-cells");
}
"""

# Re-executes the first `%%app` cell whose source contains `marker`; resolves once it ran.
_RUN_APP_CELL = """
async (marker) => {
  const app = window.jupyterapp;
  const notebook = app.shell.currentWidget.content;
  const index = notebook.widgets.findIndex(
    (cell) => cell.model.type === "code" && cell.model.sharedModel.getSource().startsWith("%%app")
      && cell.model.sharedModel.getSource().includes(marker));
  if (index < 0) throw new Error(`no %%app cell contains ${marker}`);
  notebook.activeCellIndex = index;
  await app.commands.execute("notebook:run-cell");
}
"""

_KERNEL_IDLE = """
() => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  return kernel.status === "idle";
}
"""


def open_notebook(page: Page, server: Server, relpath: str, apps: int) -> None:
    """Open `relpath` in `server`'s client and wait until its `apps` app areas are shown."""
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    page.goto(server.notebook_url(relpath), timeout=PAGE_TIMEOUT_MS)
    if server.client != "voila":
        page.wait_for_function(_NOTEBOOK_READY, arg=relpath, timeout=PAGE_TIMEOUT_MS, polling=250)
        page.evaluate(_RUN_ALL)
        wait_idle(page, server)
    areas = page.locator(".nbfrag-app")
    areas.nth(apps - 1).wait_for(timeout=PAGE_TIMEOUT_MS)
    assert areas.count() == apps, f"expected {apps} nbfrag apps on the page, found {areas.count()}"


def rerun_app_cell(page: Page, server: Server, marker: str) -> None:
    """Re-execute by hand the `%%app` cell containing `marker` (Lab/Notebook only)."""
    assert server.client != "voila", "Voila has no cells to re-execute"
    page.evaluate(_RUN_APP_CELL, marker)
    wait_idle(page, server)


def wait_idle(page: Page, server: Server) -> None:
    """Wait until the kernel reports idle (Lab/Notebook; Voila shows no kernel status)."""
    if server.client != "voila":
        page.wait_for_function(_KERNEL_IDLE, timeout=PAGE_TIMEOUT_MS, polling=100)


def app_with(page: Page, text: str) -> Locator:
    """The one app area that contains `text` (a button label, a line it writes)."""
    app = page.locator(".nbfrag-app").filter(has_text=text)
    app.wait_for()
    return app


def button(scope: Locator, label: str) -> Locator:
    return scope.locator("button.nbfrag-button", has_text=label)


def mark(locator: Locator, name: str) -> None:
    """Tag the element's DOM node, to prove later that it is still the same node."""
    locator.evaluate("(node, name) => { node.dataset.e2eMark = name; }", name)


def marked(scope: Locator, name: str) -> Locator:
    return scope.locator(f"[data-e2e-mark='{name}']")


def text_box(scope: Locator) -> Locator:
    """The text input of the fragment in `scope`."""
    return scope.locator(".nbfrag-fragment input[type='text']")


def commit(box: Locator, text: str, *, replace: bool = False) -> None:
    """Type `text` into the box (after what is there, or instead of it) and press Enter:
    Streamlit's text inputs send their value on Enter."""
    if replace:
        box.fill(text)
    else:
        box.press_sequentially(text)
    box.press("Enter")
