"""Custom components and frames in a real browser: a `st.components.v2` component's button
sends a state value and a trigger value to Python and gets its new data back, with its CSS
isolated in a shadow root; `st.iframe` grows to its document's height; a
`st.components.v1.html` script runs but cannot reach the page around it; `st.map` draws its
points with Leaflet."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect


def test_component_round_trip_and_sandboxed_frames(page, server, notebook) -> None:
    open_notebook(page, server, notebook("components.ipynb"), apps=1)
    app = app_with(page, "Components app")
    expect(app).to_contain_text("count is 0, clicked is None")

    root = app.locator(".nbfrag-component-root")
    plus = root.locator("button.plus")  # Playwright pierces the open shadow root
    expect(root.locator(".shown")).to_have_text("data=0")
    assert root.evaluate("node => node.shadowRoot !== null"), "styles are isolated in a shadow root"
    assert plus.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 0, 0)"
    plus.click()
    expect(app).to_contain_text("count is 1, clicked is yes")
    expect(root.locator(".shown")).to_have_text("data=1")
    plus.click()
    expect(app).to_contain_text("count is 2, clicked is yes")

    frames = app.locator("iframe")
    expect(frames).to_have_count(2)
    tall = frames.nth(0)
    expect(tall).to_have_attribute("sandbox", "allow-scripts allow-forms allow-popups "
                                   "allow-popups-to-escape-sandbox allow-modals allow-downloads")
    page.wait_for_function("f => f.getBoundingClientRect().height >= 300", arg=tall.element_handle())
    html = page.frame_locator(".nbfrag-app iframe >> nth=1")
    expect(html.locator("#out")).to_have_text("isolated")

    leaflet = app.locator(".nbfrag-map .leaflet-container")
    expect(leaflet).to_be_visible()
    expect(leaflet.locator("path.leaflet-interactive")).to_have_count(3)
    box = leaflet.bounding_box()
    assert box is not None and box["height"] >= 299 and box["width"] > 300
