"""`st.query_params` under Voila, in a real browser: the app reads the query string of the page
it was opened with (Voila passes it to the kernel), and setting or clearing parameters changes
the address in the browser without reloading the page."""

from __future__ import annotations

import re

import pytest
from clients import app_with, button, open_notebook
from playwright.sync_api import expect


@pytest.mark.parametrize("server", ["voila"], indirect=True)
def test_the_app_reads_and_sets_the_pages_query_string(page, server, notebook) -> None:
    relpath = notebook("query_params.ipynb")
    page.set_default_timeout(60_000)
    page.goto(server.url(f"voila/render/{relpath}?a=1"), timeout=120_000)  # (then &token=...)
    open_notebook_url = page.url
    app_with(page, "a is 1, b is missing")  # read from the page's query string
    app = page.locator(".nbfrag-app")  # (its text changes below)
    mark = page.evaluate("() => { window.e2eSamePage = true; return location.pathname; }")

    button(app, "Set b").click()
    expect(page).to_have_url(re.compile(r"\?a=1&token=[^&]+&b=2$"))  # every parameter kept, b added
    button(app, "Clear").click()
    expect(page).to_have_url(re.compile(r"/query_params\.ipynb$"))
    button(app, "Set b").click()
    expect(app).to_contain_text("a is missing, b is missing")  # the run that set it read it first
    expect(page).to_have_url(re.compile(r"/query_params\.ipynb\?b=2$"))
    # The address changed in place: no reload, no new history entries.
    assert page.evaluate("() => window.e2eSamePage === true && location.pathname") == mark
    assert "?a=1&token=" in open_notebook_url


@pytest.mark.parametrize("server", ["lab"], indirect=True)
def test_outside_voila_the_app_has_no_query_parameters(page, server, notebook) -> None:
    open_notebook(page, server, notebook("query_params.ipynb"), apps=1)
    app_with(page, "a is missing, b is missing")
    app = page.locator(".nbfrag-app")
    before = page.url
    button(app, "Set b").click()
    expect(app).to_contain_text("a is missing, b is missing")
    assert page.url == before  # the notebook's URL is left alone
