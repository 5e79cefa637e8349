"""The demo dashboard (`make demo`) as a visitor uses it, in Voila and in JupyterLab/Notebook 7
after "Run all": the live panel ticks, the controls rerun only their panel and reach the live
panel through Session State, and the restart button rebuilds the page."""

from __future__ import annotations

from clients import app_with, button, mark, marked, open_notebook
from playwright.sync_api import expect


def test_dashboard_live_panel_controls_and_restart(page, server, notebook) -> None:
    open_notebook(page, server, notebook("dashboard.ipynb"), apps=1)
    app = app_with(page, "Greenhouse monitor")
    controls, live = app.locator(".nbfrag-fragment").filter(has_text="Controls"), app.locator(
        ".nbfrag-fragment"
    ).filter(has_text="Live readings")
    expect(live.locator("img")).to_be_visible()  # the matplotlib chart
    built = app.locator(".nbfrag-caption", has_text="Page built")
    expect(built).to_contain_text("Page built 1 time(s)")
    mark(built, "built")

    # The feed is live: each tick redraws the chart (a new PNG) in the live panel. The PNGs
    # are compared in the page, so a failure does not print two data URLs.
    first_chart = live.locator("img").get_attribute("src")
    page.wait_for_function(
        """(first) => [...document.querySelectorAll(".nbfrag-fragment img")].some(
               (img) => img.src.startsWith("data:image/png") && img.src !== first)""",
        arg=first_chart,
    )

    # A control reruns only the controls; the live panel follows through Session State.
    controls.locator("select").select_option("Relative humidity")
    expect(controls).to_contain_text("Watching Relative humidity")
    expect(live).to_contain_text("Live readings: Relative humidity")
    controls.locator("button", has_text="Pause the feed").click()  # a toggle
    expect(controls).to_contain_text("feed paused")
    expect(marked(app, "built")).to_contain_text("Page built 1 time(s)")  # not re-rendered

    # The restart button is outside the fragments: a full rerun.
    button(app, "Restart the feed").click()
    expect(marked(app, "built")).to_contain_text("Page built 2 time(s)")
    expect(page.locator(".nbfrag-toast", has_text="Feed restarted")).to_be_visible()
