"""Page settings in a real browser: under Voila `st.set_page_config` names the tab and sets
its icon (JupyterLab's and Notebook 7's tab stays the notebook's); a centred app is as wide
as Streamlit's content column and a wide one uses the whole width, in every client; a
sidebar that starts collapsed opens with its toggle."""

from __future__ import annotations

import re

from clients import app_with, open_notebook
from playwright.sync_api import expect

TITLE = "nbfrag page test"
CONTENT_WIDTH = 736 - 2 * 16  # Streamlit's 736px column, less its 1rem padding each side


def width(locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["width"]


def test_title_icon_layout_and_collapsed_sidebar(page, server, notebook) -> None:
    open_notebook(page, server, notebook("page.ipynb"), apps=2)
    centred = app_with(page, "Centred app")
    wide = app_with(page, "Wide app")

    if server.client == "voila":
        expect(page).to_have_title(TITLE)
        icon = page.locator('head link[rel~="icon"]')
        expect(icon).to_have_count(1)
        assert icon.get_attribute("href").startswith("data:image/svg+xml,")
    else:
        assert TITLE not in page.title(), "the notebook's tab must not be renamed"

    # The centred app's main column (beside its sidebar) is Streamlit's 736px column, its
    # text at most 704px wide; the wide app's text is wider than the whole column.
    assert abs(width(centred.locator(".nbfrag-main")) - 736) <= 1
    centred_text = centred.locator(".nbfrag-markdown", has_text="A long line")
    wide_text = wide.locator(".nbfrag-markdown", has_text="A long line")
    assert CONTENT_WIDTH - 8 <= width(centred_text) <= CONTENT_WIDTH, width(centred_text)
    assert width(wide_text) > 736 + 50, width(wide_text)
    expect(centred).to_have_class(re.compile(r"\bnbfrag-layout-centered\b"))
    expect(wide).to_have_class(re.compile(r"\bnbfrag-layout-wide\b"))

    side = centred.locator(".nbfrag-sidebar")
    toggle = side.locator(".nbfrag-sidebar-toggle")
    expect(toggle).to_be_visible()
    expect(side).not_to_contain_text("Sidebar text")
    toggle.click()
    expect(side).to_contain_text("Sidebar text")
