"""Responsive Plotly charts (`use_container_width=True`) in a real browser, in a wide page with a
sidebar: in the main column, in the sidebar, in a tab shown later and in an expander opened
later. Each is drawn at the figure's height (Plotly's and Streamlit's 450 px for a figure
without one; a responsive chart once collapsed to 0 px in Voila, and the notebook's renderer
picks 360 px) and keeps it when the window is resized, while its width follows its column."""

from __future__ import annotations

from clients import app_with, open_notebook

# Each chart: the size of its drawing, of its element, and its bars.
_SIZES = """
(app) => Array.from(app.querySelectorAll(".nbfrag-plotly_chart")).map((node) => {
  const plot = node.querySelector(".js-plotly-plot .main-svg");
  const box = plot ? plot.getBoundingClientRect() : { width: 0, height: 0 };
  return { width: Math.round(box.width), height: Math.round(box.height),
           box: Math.round(node.getBoundingClientRect().width), bars: node.querySelectorAll(".point").length };
})
"""

# True once every shown chart is drawn at 450 px high and within 2 px of its element's width.
_SETTLED = """
([app, shown]) => {
  const charts = Array.from(app.querySelectorAll(".nbfrag-plotly_chart")).slice(0, shown);
  return charts.length === shown && charts.every((node) => {
    const plot = node.querySelector(".js-plotly-plot .main-svg");
    if (!plot) return false;
    const box = plot.getBoundingClientRect();
    return Math.round(box.height) === 450 && Math.abs(box.width - node.getBoundingClientRect().width) <= 2;
  });
}
"""


# True once the main column's chart is drawn at another width than `before` (a resize reached it).
_RESIZED = """
([app, before]) => {
  const node = app.querySelectorAll(".nbfrag-plotly_chart")[1];
  const plot = node && node.querySelector(".js-plotly-plot .main-svg");
  return Boolean(plot) && Math.round(plot.getBoundingClientRect().width) !== before;
}
"""


def settled(page, app, shown: int) -> list[dict]:
    """Wait until the first `shown` charts are drawn at their height and their column's width."""
    handle = app.element_handle()
    try:
        page.wait_for_function(_SETTLED, arg=[handle, shown], timeout=15_000, polling=100)
    except Exception as error:  # say what was drawn instead
        raise AssertionError(f"charts not drawn at 450 px and their width: {app.evaluate(_SIZES)}") from error
    return app.evaluate(_SIZES)


def test_responsive_plotly_charts_keep_their_height_when_the_window_resizes(page, server, notebook) -> None:
    open_notebook(page, server, notebook("plotly_resize.ipynb"), apps=1)
    app = app_with(page, "Plotly app")
    charts = settled(page, app, 2)  # the sidebar's and the main column's; the others are hidden
    assert [c["bars"] for c in charts] == [3, 3, 3, 3]
    assert charts[1]["width"] > charts[0]["width"] > 100  # the main chart fills the wide column
    app.get_by_role("tab", name="Second").click()
    settled(page, app, 3)
    app.get_by_text("More").click()
    settled(page, app, 4)
    widths = [settled(page, app, 4)[1]["width"]]  # at the page's 1280 px
    for width in (1000, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        # Wait for the resize to reach the chart before reading it (else the old size passes).
        page.wait_for_function(_RESIZED, arg=[app.element_handle(), widths[-1]], timeout=15_000, polling=100)
        widths.append(settled(page, app, 4)[1]["width"])
    assert widths[1] < widths[0] and widths[1] < widths[2]  # the width follows the window, the height stays
