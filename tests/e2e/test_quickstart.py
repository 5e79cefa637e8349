"""The quickstart notebook's docs examples, clicked in a real browser in every client."""

from __future__ import annotations

from clients import app_with, button, mark, marked, open_notebook
from playwright.sync_api import expect


def test_count_to_five_reruns_the_app_on_the_fifth_click(page, server, notebook) -> None:
    open_notebook(page, server, notebook("quickstart.ipynb"), apps=3)
    app = app_with(page, "Plus one!")
    header = app.locator(".nbfrag-header")
    expect(header).to_have_text("Multiples of five clicks: 0")
    mark(header, "header")

    for _ in range(4):
        button(app, "Plus one!").click()
    # The toast is the proof that the four clicks reached the kernel (messages are handled in
    # order); the header, outside the fragment, was not redrawn by them.
    button(app, "Check click count").click()
    expect(page.locator(".nbfrag-toast", has_text="Total clicks: 4")).to_be_visible()
    expect(header).to_have_text("Multiples of five clicks: 0")

    button(app, "Plus one!").click()
    expect(header).to_have_text("Multiples of five clicks: 1")
    expect(marked(app, "header")).to_have_text("Multiples of five clicks: 1")  # same node, updated
    button(app, "Check click count").click()
    expect(page.locator(".nbfrag-toast", has_text="Total clicks: 5")).to_be_visible()


def test_counters_fragment_rerun_redraws_only_the_fragment(page, server, notebook) -> None:
    open_notebook(page, server, notebook("quickstart.ipynb"), apps=3)
    app = app_with(page, "Rerun fragment")
    fragment = app.locator(".nbfrag-fragment")
    fragment_line = fragment.locator(".nbfrag-markdown")
    outside = app.locator(".nbfrag-markdown", has_text="Full app says it ran 1 times.")
    expect(fragment_line).to_have_text("Fragment says it ran 1 times.")
    mark(outside, "outside")
    mark(button(fragment, "Rerun fragment"), "fragment-button")
    mark(fragment_line, "fragment-line")

    button(fragment, "Rerun fragment").click()

    expect(marked(fragment, "fragment-line")).to_have_text("Fragment says it ran 2 times.")
    # Nothing outside the fragment was re-rendered: the marked node is still there, unchanged,
    # and the fragment's own button kept its view.
    expect(marked(app, "outside")).to_have_text("Full app says it ran 1 times.")
    expect(app).to_contain_text("Full app sees that fragment ran 1 times.")
    expect(marked(fragment, "fragment-button")).to_have_text("Rerun fragment")

    button(app, "Rerun full app").click()
    expect(marked(app, "outside")).to_have_text("Full app says it ran 2 times.")
    expect(app).to_contain_text("Full app sees that fragment ran 3 times.")
    expect(marked(fragment, "fragment-line")).to_have_text("Fragment says it ran 3 times.")
    expect(marked(fragment, "fragment-button")).to_have_text("Rerun fragment")
