"""Forms in a real browser (JupyterLab, Notebook 7, Voila): typing in a form field and moving a
slider rerun nothing, the submit is exactly one run; a submit inside a fragment reruns only the
fragment; Enter in a form's text field submits the text just typed (js/form.js)."""

from __future__ import annotations

from clients import app_with, mark, marked, open_notebook
from playwright.sync_api import Locator, expect


def form(app: Locator, label: str) -> Locator:
    """The form that holds the submit button labelled `label`."""
    return app.locator(".nbfrag-form").filter(has=app.page.locator(".nbfrag-form-submit-button", has_text=label))


def submit(scope: Locator, label: str) -> None:
    scope.locator(".nbfrag-form-submit-button", has_text=label).click()


def test_form_edits_wait_for_one_run_on_submit(page, server, notebook) -> None:
    open_notebook(page, server, notebook("forms.ipynb"), apps=1)
    app_with(page, "App runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    order = form(app, "Order")
    box = order.locator("input[type='text']")
    box.click()
    box.press_sequentially("soup")
    box.press("Tab")  # leaving the field commits the text, into the form
    track = order.locator(".nbfrag-slider .noUi-target").bounding_box()
    assert track is not None
    page.mouse.click(track["x"] + track["width"] - 1, track["y"] + track["height"] / 2)  # to 10
    expect(order.locator(".nbfrag-slider .widget-readout")).to_have_text("10")

    submit(order, "Order")
    # The submit reaches the kernel after every edit sent before it, so the count is exact:
    # neither the typing nor the slider ran the app, the submit ran it once.
    expect(app.locator(".nbfrag-markdown", has_text="Ordered:")).to_have_text("Ordered: 10 x soup")
    expect(app.locator(".nbfrag-markdown", has_text="App runs:")).to_have_text("App runs: 2")


def test_a_submit_in_a_fragment_reruns_only_the_fragment(page, server, notebook) -> None:
    open_notebook(page, server, notebook("forms.ipynb"), apps=1)
    app_with(page, "App runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    mark(app.locator(".nbfrag-markdown", has_text="App runs:"), "outside")
    fragment = app.locator(".nbfrag-fragment")
    box = form(fragment, "Save note").locator("input[type='text']")
    box.click()
    box.press_sequentially("buy milk")
    box.press("Tab")
    submit(fragment, "Save note")
    expect(fragment.locator(".nbfrag-markdown", has_text="Saved note:")).to_have_text("Saved note: buy milk")
    expect(fragment.locator(".nbfrag-markdown", has_text="Fragment runs:")).to_have_text("Fragment runs: 2")
    expect(marked(app, "outside")).to_have_text("App runs: 1")  # not redrawn: the same node


def test_enter_in_a_text_field_submits_what_was_typed(page, server, notebook) -> None:
    open_notebook(page, server, notebook("forms.ipynb"), apps=1)
    app_with(page, "App runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    box = form(app, "Order").locator("input[type='text']")
    box.click()
    box.press_sequentially("tea")
    box.press("Enter")
    expect(app.locator(".nbfrag-markdown", has_text="Ordered:")).to_have_text("Ordered: 1 x tea")
    expect(app.locator(".nbfrag-markdown", has_text="App runs:")).to_have_text("App runs: 2")
    expect(box).to_have_value("tea")

    # In a fragment, Enter reruns only the fragment (the full run above ran it once inline).
    fragment = app.locator(".nbfrag-fragment")
    expect(fragment.locator(".nbfrag-markdown", has_text="Fragment runs:")).to_have_text("Fragment runs: 2")
    note = form(fragment, "Save note").locator("input[type='text']")
    note.click()
    note.press_sequentially("call mum")
    note.press("Enter")
    expect(fragment.locator(".nbfrag-markdown", has_text="Saved note:")).to_have_text("Saved note: call mum")
    expect(fragment.locator(".nbfrag-markdown", has_text="Fragment runs:")).to_have_text("Fragment runs: 3")
    expect(app.locator(".nbfrag-markdown", has_text="App runs:")).to_have_text("App runs: 2")
