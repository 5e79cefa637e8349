"""The demo dashboard (`make demo`) as a visitor uses it, in Voila and in JupyterLab/Notebook 7
after "Run all": the page is titled, the live panel ticks and redraws its chart, the sidebar's
settings rerun only their panel and reach the live panel through Session State, and the
restart button rebuilds the page. No developer note is on the page."""

from __future__ import annotations

import re

from clients import app_with, button, open_notebook
from playwright.sync_api import expect


def test_dashboard_live_panel_settings_and_restart(page, server, notebook) -> None:
    open_notebook(page, server, notebook("dashboard.ipynb"), apps=1)
    app = app_with(page, "Greenhouse monitor")
    if server.client == "voila":
        expect(page).to_have_title("Greenhouse monitor")
    expect(app).not_to_contain_text("Page built")  # what a developer wants to see, not a visitor
    settings = app.locator(".nbfrag-sidebar .nbfrag-fragment")
    live = app.locator(".nbfrag-main .nbfrag-fragment")
    expect(settings).to_contain_text("Settings")
    expect(live.locator(".nbfrag-line_chart").locator(".vega-embed svg, .vega-embed canvas")).to_have_count(1)

    # The feed is live: each tick moves the window of readings the chart shows.
    shown = live.locator(".nbfrag-caption", has_text="Readings")
    expect(shown).not_to_have_text(re.compile(r"Readings 0 to 59"))

    # A setting reruns only its panel; the live panel follows through Session State.
    settings.locator("select").select_option("Relative humidity")
    expect(settings).to_contain_text("Watching Relative humidity")
    expect(live).to_contain_text("Relative humidity")
    settings.locator(".nbfrag-toggle input[type=checkbox]").click()  # the switch
    expect(settings).to_contain_text("feed paused")

    # The restart button is outside the fragments: a full rerun, the feed from its start.
    button(app, "Restart the feed").click()
    expect(page.locator(".nbfrag-toast", has_text="Feed restarted")).to_be_visible()
    expect(shown).to_have_text("Readings 0 to 59.")  # paused: it stays at the start
