"""`st.grid`: cells in order, `cell()` spans, the CSS grid it asks for, Streamlit's errors."""

from __future__ import annotations

from typing import Any

import pytest

from nbfrag._elements.grid_layout import track_list


def the_grid(at: Any) -> Any:
    grids = [e for e in at.elements() if e.kind == "grid"]
    assert len(grids) == 1
    return grids[0].slot.widget


def test_each_element_is_a_cell_and_cell_groups_several(app_test: Any) -> None:
    app = """
import nbfrag as st
g = st.grid(3, gap="medium", border=True)
g.metric("Alpha", 1)
with g:
    st.metric("Beta", 2)
with g.cell(column_span=2, row_span=2):
    st.text("wide one")
    st.text("wide two")
g.cell(column_span="all").text("full row")
st.text("after")
"""
    at = app_test.from_string(app).run()
    grid = the_grid(at)
    assert len(grid.children) == 4, "two metrics and two cells"
    wide, full = grid.children[2], grid.children[3]
    assert (wide.layout.grid_column, wide.layout.grid_row) == ("span 2", "span 2")
    assert full.layout.grid_column == "1 / -1"
    assert grid.layout.grid_gap == "2rem 2rem" and "nbfrag-grid-border" in grid._dom_classes
    assert grid.layout.grid_template_columns == track_list(3, 200, "2rem", True)
    assert at.text.values == ["wide one", "wide two", "full row", "after"]


def test_the_track_list_caps_columns_and_wraps() -> None:
    assert track_list(None, 200, "1rem", True) == "repeat(auto-fill, minmax(min(200px, 100%), 1fr))"
    assert track_list(4, 150, "1rem", False) == "repeat(4, minmax(150px, 1fr))"
    capped = track_list(4, 200, "1rem", True)
    assert capped.startswith("repeat(auto-fill, minmax(max(min(200px, 100%), calc((100% - 3 * 1rem) / 4))")


def test_a_rerun_keeps_the_grid_and_its_cells(app_test: Any) -> None:
    app = """
import nbfrag as st
g = st.grid(2, row_height=80, dense=True, gap=(None, 12))
for i in range(st.session_state.setdefault("n", 2)):
    g.text(f"cell {i}")
if st.button("more"):
    st.session_state.n += 1
    st.rerun()
"""
    at = app_test.from_string(app).run()
    grid = the_grid(at)
    assert (grid.layout.grid_auto_rows, grid.layout.grid_auto_flow, grid.layout.grid_gap) == ("80px", "row dense", "0 12px")
    at.button[0].click().run()
    assert the_grid(at) is grid and len(grid.children) == 3


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.grid(0)", "`columns` must be between 1 and 24"),
        ("st.grid(25)", "`columns` must be between 1 and 24"),
        ("st.grid('wide')", '`columns` must be "auto" or an integer'),
        ("st.grid(wrap=False)", "`wrap=False` needs a number of columns"),
        ("st.grid(2, gap='huge')", "Invalid gap 'huge'"),
        ("st.grid(2, gap=(1, 2, 3))", "a (row_gap, column_gap) pair"),
        ("st.grid(2).cell(column_span=3)", "cannot exceed the grid's 2 columns"),
        ("st.grid(2).cell(row_span=0)", "`row_span` must be a positive integer"),
        ("st.grid(2, vertical_alignment='middle')", "Invalid `vertical_alignment` value"),
    ],
)
def test_bad_arguments_get_clear_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in at.exception[0].value
