"""Links, badges, `st.html` and the logo in a real browser (JupyterLab, Notebook 7, Voila): a link
button and a page link open their URL in a new tab, a rerunning link button opens its tab and
reruns its fragment, coloured Markdown and badges are styled, `st.html` runs scripts only with
`unsafe_allow_javascript=True`, and the logo sits top left under Voila and above the app in a
notebook."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect


def test_links_badges_html_and_logo(page, server, notebook) -> None:
    open_notebook(page, server, notebook("links.ipynb"), apps=1)
    app = app_with(page, "Links and badges")

    gallery = app.locator("a.nbfrag-link_button-anchor", has_text="Open the gallery")
    expect(gallery).to_have_attribute("href", "https://streamlit.io/gallery")
    expect(gallery).to_have_attribute("target", "_blank")
    expect(gallery).to_have_attribute("rel", "noopener noreferrer")
    docs = app.locator("a.nbfrag-page_link-anchor", has_text="Streamlit docs")
    expect(docs).to_have_attribute("href", "https://docs.streamlit.io")

    expect(app.locator(".nbfrag-badge-body")).to_have_text("Beta")
    expect(app.locator(".nbfrag-md-green")).to_have_text("all good")
    expect(app.locator(".nbfrag-md-orange-badge")).to_have_text("review")
    expect(app.locator(".nbfrag-markdown", has_text="Status")).to_contain_text("😄")

    expect(app.locator("#e2e-loud")).to_have_text("Script ran")
    expect(app.locator("#e2e-quiet")).to_have_text("Quiet")  # sanitised: its script was removed

    # The rerunning link button: the click opens the tab and reruns the fragment once.
    with page.context.expect_page() as opened:
        app.locator("a.nbfrag-link_button-anchor", has_text="Visit and count").click()
    opened.value.close()
    expect(app.get_by_text("Visits: 1")).to_be_visible()

    logo = page.locator(".nbfrag-logo")
    expect(logo.locator("a")).to_have_attribute("href", "https://jupyter.org")
    if server.client == "voila":
        assert logo.evaluate("el => getComputedStyle(el).position") == "fixed"
        box = logo.bounding_box()
        assert box is not None and box["x"] < 100 and box["y"] < 100, box
    else:
        title = app.locator(".nbfrag-title")
        logo_box, title_box = logo.bounding_box(), title.bounding_box()
        assert logo_box is not None and title_box is not None
        assert logo_box["y"] < title_box["y"], (logo_box, title_box)  # above the app's first element
