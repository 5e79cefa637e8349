"""Inputs and layout in a real browser: a slider sends its value once, on release (a drag does
not rerun the fragment at every pixel), its fragment redraws its columns and nothing else, and
the sidebar is a column left of the app."""

from __future__ import annotations

from clients import app_with, button, mark, marked, open_notebook
from playwright.sync_api import expect


def test_a_dragged_slider_reruns_its_fragment_once_on_release(page, server, notebook) -> None:
    open_notebook(page, server, notebook("inputs.ipynb"), apps=1)
    app = app_with(page, "App runs: 1")
    runs = app.locator(".nbfrag-fragment .nbfrag-markdown", has_text="Fragment runs:")
    expect(runs).to_have_text("Fragment runs: 1")
    mark(app.locator(".nbfrag-markdown", has_text="App runs: 1"), "outside")
    handle = app.locator(".nbfrag-slider .noUi-handle")
    mark(handle, "handle")

    box = handle.bounding_box()
    track = app.locator(".nbfrag-slider .noUi-target").bounding_box()
    assert box is not None and track is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 21):  # twenty moves across the track, one release
        page.mouse.move(box["x"] + step * (track["x"] + track["width"] - box["x"]) / 20, box["y"] + box["height"] / 2)
    page.mouse.up()

    expect(app.locator(".nbfrag-column")).to_have_count(8)
    # A click after the drag reaches the kernel after every message the drag sent, so the
    # count it shows is exact: one rerun for the drag, one for the click.
    button(app, "Check").click()
    expect(runs).to_have_text("Fragment runs: 3")
    expect(marked(app, "outside")).to_have_text("App runs: 1")  # not redrawn, same node
    expect(marked(app, "handle")).to_have_count(1)  # the slider kept its view


def test_the_sidebar_is_a_column_left_of_the_app(page, server, notebook) -> None:
    open_notebook(page, server, notebook("inputs.ipynb"), apps=1)
    app = app_with(page, "App runs: 1")
    side = app.locator(".nbfrag-sidebar")
    main = app.locator(".nbfrag-main")
    expect(side).to_contain_text("Sidebar text")
    side_box, main_box = side.bounding_box(), main.bounding_box()
    assert side_box is not None and main_box is not None
    assert side_box["x"] + side_box["width"] <= main_box["x"], (side_box, main_box)
    assert main_box["width"] > side_box["width"]
