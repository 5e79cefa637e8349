"""`@st.dialog` in a real browser, in JupyterLab, Notebook 7 and Voila (notebooks/dialogs.ipynb):
the dialog opens over the app's area (a notebook) or the page (Voila), a button inside reruns
only its body, `st.rerun()` closes it, Esc closes a dismissible one and not a non-dismissible
one, Tab stays inside, and focus moves in and comes back."""

from __future__ import annotations

from pathlib import Path

from clients import app_with, button, mark, marked, open_notebook
from playwright.sync_api import Locator, Page, expect

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def dialog(page: Page, title: str) -> Locator:
    return page.get_by_role("dialog", name=title)


def assert_covers(page: Page, server, app: Locator, box: Locator) -> None:
    """In a notebook the dialog covers the app's area only; in Voila it is a page modal."""
    if server.client == "voila":
        assert box.evaluate("(d) => d.matches(':modal')")
        return
    assert box.evaluate("(d) => !d.matches(':modal') && d.closest('.nbfrag-app') !== null")
    overlay = app.locator(".nbfrag-dialog-overlay")
    app_box, overlay_box = app.bounding_box(), overlay.bounding_box()
    assert app_box is not None and overlay_box is not None
    assert overlay_box == app_box, (overlay_box, app_box)
    # The notebook around the app stays usable: its toolbar is not covered. (Other notebooks the
    # server opened earlier may sit in hidden tabs: look at the visible toolbar.)
    expect(page.locator(".jp-NotebookPanel-toolbar:visible")).to_have_count(1)


def widget_errors(page: Page) -> list[str]:
    """Errors the widget manager or nbfrag log from now on (a view that failed to update)."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: found.append(message.text)
        if message.type == "error" and ("Error setting state" in message.text or "nbfrag" in message.text)
        else None,
    )
    return found


def test_a_dialog_reruns_only_itself_and_closes_by_rerun_and_esc(page, server, notebook) -> None:
    errors = widget_errors(page)
    open_notebook(page, server, notebook("dialogs.ipynb"), apps=1)
    app = app_with(page, "Add a plant")
    outside = app.locator(".nbfrag-caption", has_text="App runs:")
    expect(outside).to_have_text("App runs: 1. Dialogs dismissed: 0.")
    mark(outside, "outside")
    opener = button(app, "Add a plant")

    opener.click()
    box = dialog(page, "Add a plant")
    expect(box).to_be_visible()
    expect(box).to_be_focused()  # focus moved into the dialog
    assert_covers(page, server, app, box)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dialog-open-{server.client}.png"))

    # Widgets inside rerun only the dialog: its counter moves, the app's does not, and the
    # app's caption is the same node as before.
    name = box.locator(".nbfrag-text-input input")
    name.fill("Monstera")
    name.press("Enter")
    expect(box.locator(".nbfrag-markdown", has_text="Preview")).to_have_text("Preview: Monstera")
    button(box, "Check the name").click()
    expect(box).to_contain_text("Looks good.")
    expect(box.locator(".nbfrag-caption")).to_have_text("Dialog runs: 3. App runs: 2.")
    expect(marked(app, "outside")).to_have_text("App runs: 2. Dialogs dismissed: 0.")

    # Tab stays inside: past the last button to the close button, and back.
    add = button(box, "Add")
    add.focus()
    page.keyboard.press("Tab")
    expect(box.locator(".nbfrag-dialog-close")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(add).to_be_focused()

    # st.rerun() in the body closes it; the app reruns; focus is back on the opener.
    add.click()
    expect(app.locator(".nbfrag-subheader")).to_have_text("3 plants: Fern, Cactus, Monstera")
    expect(dialog(page, "Add a plant")).to_have_count(0)
    expect(opener).to_be_focused()

    # Esc dismisses it, also from inside a text box: on_dismiss runs its callback, then the
    # app reruns.
    opener.click()
    expect(box).to_be_focused()
    name.focus()
    page.keyboard.press("Escape")
    expect(dialog(page, "Add a plant")).to_have_count(0)
    expect(marked(app, "outside")).to_have_text("App runs: 5. Dialogs dismissed: 1.")
    expect(opener).to_be_focused()

    # A click outside the dialog dismisses it too.
    opener.click()
    expect(box).to_be_visible()
    if server.client == "voila":
        page.mouse.click(5, 5)  # the backdrop
    else:
        app.locator(".nbfrag-dialog-overlay").click(position={"x": 5, "y": 5})
    expect(dialog(page, "Add a plant")).to_have_count(0)
    expect(marked(app, "outside")).to_have_text("App runs: 7. Dialogs dismissed: 2.")
    assert errors == []


def test_a_non_dismissible_dialog_ignores_esc_and_clicks_outside(page, server, notebook) -> None:
    open_notebook(page, server, notebook("dialogs.ipynb"), apps=1)
    app = app_with(page, "Remove all plants")
    opener = button(app, "Remove all plants")
    opener.click()
    box = dialog(page, "Remove every plant?")
    expect(box).to_be_focused()
    expect(box.locator(".nbfrag-dialog-close")).to_be_hidden()

    # The view would hide at once on a dismissal (before any kernel message), so these
    # checks right after the key press and the click are not racing anything.
    page.keyboard.press("Escape")
    expect(box).to_be_visible()
    if server.client == "voila":
        page.mouse.click(5, 5)
    else:
        app.locator(".nbfrag-dialog-overlay").click(position={"x": 5, "y": 5})
    expect(box).to_be_visible()
    expect(box).to_be_focused()  # a click on the backdrop does not take focus out

    button(box, "Keep them").click()  # st.rerun() closes it
    expect(dialog(page, "Remove every plant?")).to_have_count(0)
    expect(app.locator(".nbfrag-subheader")).to_have_text("2 plants: Fern, Cactus")
    expect(opener).to_be_focused()
