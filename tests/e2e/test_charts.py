"""Charts in a real browser: every chart type is drawn by the client's own Vega-Lite renderer
(JupyterLab, Notebook 7, Voila; Altair 6 charts too, published as Vega-Lite 5) at a non-zero
size with marks, fills its column and follows its width (`st.pyplot` fills it too), and a fragment rerun redraws the line chart inside the same
DOM node."""

from __future__ import annotations

from clients import app_with, button, mark, marked, open_notebook
from playwright.sync_api import expect

KINDS = ["area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart", "line_chart"]

# What a drawn chart shows: the size of its SVG or canvas, and its marks (SVG mark shapes, or
# painted pixels of a canvas).
_DRAWN = """
(node) => {
  const surface = node.querySelector(".vega-embed svg, .vega-embed canvas");
  if (!surface) return { width: 0, height: 0, marks: 0 };
  const box = surface.getBoundingClientRect();
  let marks = 0;
  if (surface.tagName.toLowerCase() === "svg") {
    marks = surface.querySelectorAll("g[class*='mark-'] path, g[class*='mark-'] rect, g[class*='mark-'] circle").length;
  } else {
    const data = surface.getContext("2d").getImageData(0, 0, surface.width, surface.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) marks++;
  }
  return { width: box.width, height: box.height, marks };
}
"""


# The chart's picture: the canvas's pixels or the SVG's markup.
_PICTURE = """
(node) => {
  const surface = node.querySelector(".vega-embed svg, .vega-embed canvas");
  if (!surface) return null;
  return surface.tagName.toLowerCase() === "svg" ? surface.outerHTML : surface.toDataURL();
}
"""


def drawn(locator) -> dict:
    return locator.evaluate(_DRAWN)


def test_every_chart_renders_and_a_rerun_redraws_in_the_same_node(page, server, notebook) -> None:
    open_notebook(page, server, notebook("charts.ipynb"), apps=1)
    app = app_with(page, "Charts app")
    for kind in KINDS:
        chart = app.locator(f".nbfrag-{kind}")
        expect(chart.locator(".vega-embed svg, .vega-embed canvas")).to_have_count(1)
        shown = drawn(chart)
        assert shown["width"] > 100 and shown["height"] > 50 and shown["marks"] > 0, (kind, shown)
    assert page.get_by_text("renderer has not been properly enabled").count() == 0
    # "width": "container": the built-in charts fill the app's column.
    column = app.locator(".nbfrag-markdown", has_text="Charts app").bounding_box()
    area = drawn(app.locator(".nbfrag-area_chart"))
    assert area["width"] >= 0.9 * column["width"], (area, column)
    # st.pyplot fills the column too, at the figure's aspect ratio (4 x 2 inches).
    picture = app.locator(".nbfrag-pyplot img").bounding_box()
    assert picture["width"] >= 0.9 * column["width"], (picture, column)
    assert 1.7 <= picture["width"] / picture["height"] <= 2.6, picture
    # ... and follow it when the window gets narrower than the app's 736 px column.
    page.set_viewport_size({"width": 560, "height": 1000})
    page.wait_for_function(
        "([node, wide]) => node.querySelector('.vega-embed canvas, .vega-embed svg').getBoundingClientRect().width"
        " < wide - 100",
        arg=[app.locator(".nbfrag-area_chart").element_handle(), area["width"]],
    )

    page.set_viewport_size({"width": 1280, "height": 1000})
    line = app.locator(".nbfrag-line_chart")
    mark(line, "line")
    before = line.evaluate(_PICTURE)
    button(app, "Add point").click()
    expect(app.get_by_text("Points: 6")).to_be_visible()
    # The same Output widget node holds the chart, and its picture changed (a sixth point).
    expect(marked(app, "line")).to_have_count(1)
    page.wait_for_function(
        f"([node, before]) => {{ const picture = ({_PICTURE})(node); return picture && picture !== before; }}",
        arg=[marked(app, "line").element_handle(), before],
    )
    after = drawn(marked(app, "line"))
    assert after["width"] > 100 and after["marks"] > 0, after
