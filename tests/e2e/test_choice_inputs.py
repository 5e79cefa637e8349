"""Pills, a segmented control, feedback stars, pagination and a menu button in a real browser
(JupyterLab, Notebook 7 and Voila): a click on a chip reaches Python (js/chips.js), a second click on a
picked chip clears it, a star clicked in a fragment reruns only the fragment, page buttons
turn the page (js/pagination.js), a menu entry is returned once (js/menu.js) and a radio
shows its captions."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import Locator, expect


def line(app: Locator, start: str) -> Locator:
    return app.locator(".nbfrag-markdown", has_text=start)


def test_pills_segments_and_stars_reach_python(page, server, notebook) -> None:
    open_notebook(page, server, notebook("choices.ipynb"), apps=1)
    app_with(page, "Choice runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    pills = app.locator(".nbfrag-chips-look-pills")
    expect(pills.locator(".nbfrag-chips-label")).to_have_text("Directions")

    pills.get_by_role("button", name="South").click()
    expect(line(app, "Directions:")).to_have_text("Directions: ['South']")
    pills.get_by_role("button", name="North").click()
    expect(line(app, "Directions:")).to_have_text("Directions: ['South', 'North']")  # picking order
    expect(pills.get_by_role("button", name="South")).to_have_attribute("aria-pressed", "true")
    expect(line(app, "Choice runs:")).to_have_text("Choice runs: 3")

    segments = app.locator(".nbfrag-chips-look-segmented_control")
    segments.get_by_role("button", name="Week").click()
    expect(line(app, "View:")).to_have_text("View: Week")
    segments.get_by_role("button", name="Week").click()  # the picked segment again clears it
    expect(line(app, "View:")).to_have_text("View: None")
    expect(line(app, "Choice runs:")).to_have_text("Choice runs: 5")

    stars = app.locator(".nbfrag-chips-look-stars .nbfrag-chip")
    expect(stars).to_have_count(5)
    stars.nth(3).click()
    expect(line(app, "Stars:")).to_have_text("Stars: 3 (fragment runs: 6)")
    expect(app.locator(".nbfrag-chips-look-stars .nbfrag-lit")).to_have_count(4)
    expect(line(app, "Choice runs:")).to_have_text("Choice runs: 5")  # only the fragment reran

    nav = app.locator(".nbfrag-pages")
    nav.get_by_role("button", name="Next page").click()
    expect(line(app, "Page:")).to_have_text("Page: 2")
    nav.get_by_role("button", name="Page 12").click()
    expect(line(app, "Page:")).to_have_text("Page: 12")
    expect(nav.get_by_role("button", name="Next page")).to_be_disabled()

    menu = app.locator(".nbfrag-menu")
    menu.get_by_role("button", name="Export").click()
    menu.get_by_role("menuitem", name="JSON").click()
    expect(line(app, "Export:")).to_have_text("Export: JSON")
    expect(line(app, "Choice runs:")).to_have_text("Choice runs: 8")

    radio = app.locator(".nbfrag-chips-look-radio")
    expect(radio.locator(".nbfrag-chip-caption")).to_have_text(["Laugh out loud.", "Get the popcorn."])
    radio.get_by_role("radio", name="Drama").click()
    expect(line(app, "Genre:")).to_have_text("Genre: Drama")
    expect(radio.get_by_role("radio", name="Drama")).to_have_attribute("aria-checked", "true")
