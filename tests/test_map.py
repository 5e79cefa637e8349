"""`st.map`: Streamlit's data rules (columns by name, nulls, colours and sizes), the view it
starts with, and one ipyleaflet layer updated in place across reruns."""

from __future__ import annotations

from typing import Any

import pytest

from nbfrag._elements.maps import _rgba, zoom_for

POINTS = """
import nbfrag as st
import pandas as pd
df = pd.DataFrame({"lat": [52.0, 53.0], "lon": [13.0, 14.5], "c": ["#ff000080", "#00ff00"], "s": [10, 20]})
st.map(df, color="c", size="s")
"""


def the_map(at: Any) -> Any:
    maps = [e for e in at.elements() if e.kind == "map"]
    assert len(maps) == 1
    return maps[0].slot.widget


def features(widget: Any) -> list[dict[str, Any]]:
    return widget._nbfrag_points.data["features"]


def test_points_colours_and_sizes_come_from_columns(app_test: Any) -> None:
    at = app_test.from_string(POINTS).run()
    widget = the_map(at)
    points = features(widget)
    assert [p["geometry"]["coordinates"] for p in points] == [[13.0, 52.0], [14.5, 53.0]]
    first, second = (p["properties"]["style"] for p in points)
    assert (first["fillColor"], round(first["fillOpacity"], 2)) == ("#ff0000", 0.5)
    assert (second["fillColor"], second["fillOpacity"]) == ("#00ff00", 1.0)
    assert first["radius"] == 3 and second["radius"] == 3, "small radii are at least 3 pixels"
    assert widget.center == [52.5, 13.75] and widget.zoom == zoom_for(1.5) == 7
    assert "map: 2 points around (52.5000, 13.7500), zoom 7" in str(at)


def test_the_default_columns_colour_size_and_zoom_are_streamlits(app_test: Any) -> None:
    app = "import nbfrag as st\nst.map({'LATITUDE': [40.0, 40.0001], 'LONGITUDE': [-74.0, -74.0]})"
    widget = the_map(app_test.from_string(app).run())
    style = features(widget)[0]["properties"]["style"]
    assert style["fillColor"] == "#ff4b4b" and widget.zoom == 12
    assert style["radius"] > 3, "100 metres at zoom 12 is more than 3 pixels"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.map({'x': [1], 'lon': [2]})", "Map data must contain a latitude column named: 'LAT', 'LATITUDE', 'lat', 'latitude'. Existing columns: 'x', 'lon'"),
        ("st.map({'lat': [1, None], 'lon': [2, 3]})", "Column lat is not allowed to contain null values"),
        ("st.map({'lat': [1], 'lon': [2], 'c': ['nope']}, color='c')", 'Column "c" does not appear to contain valid colors.'),
        ("st.map({'lat': [1], 'lon': [2]}, color='not a colour')", "Invalid color 'not a colour'"),
        ("st.map({'lat': [1], 'lon': [2]}, size=-5)", "Invalid size -5"),
        ("st.map({'lat': [1], 'lon': [2]}, height=0)", "Invalid height value"),
    ],
)
def test_bad_data_gets_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in at.exception[0].value


def test_named_columns_rgb_tuples_and_an_explicit_zoom(app_test: Any) -> None:
    app = """
import nbfrag as st
st.map({"y": [10.0], "x": [20.0]}, latitude="y", longitude="x", color=(0, 0, 255, 128), size=5000, zoom=3)
"""
    widget = the_map(app_test.from_string(app).run())
    style = features(widget)[0]["properties"]["style"]
    assert (style["fillColor"], round(style["fillOpacity"], 2), widget.zoom) == ("#0000ff", 0.5, 3)
    assert _rgba((0.0, 1.0, 0.0)) == ("#00ff00", 1.0)


def test_a_rerun_updates_the_points_in_place_and_keeps_a_panned_view(app_test: Any) -> None:
    app = """
import nbfrag as st
n = st.session_state.setdefault("n", 1)
st.map({"lat": [50.0] * n, "lon": [10.0] * n})
if st.button("more"):
    st.session_state.n += 1
    st.rerun()
"""
    at = app_test.from_string(app).run()
    widget = the_map(at)
    layer = widget._nbfrag_points
    widget.zoom = 5  # the visitor zooms out
    at.button[0].click().run()
    assert the_map(at) is widget and widget._nbfrag_points is layer
    assert len(features(widget)) == 2 and widget.zoom == 5, "same view: the visitor's zoom stays"


def test_no_data_is_an_empty_world_map(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.map()").run()
    assert features(the_map(at)) == [] and "map: no points" in str(at)
