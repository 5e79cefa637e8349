"""`st.dataframe` as an interactive grid, in process: windowed rows, sorting in the kernel,
`hide_index`/`column_order`/`column_config`, and selections (`on_select`, `selection_mode`)
returned as Streamlit's `DataframeState`. The browser is played by the grid's own message
handler (`{"event": "rows"}`, as js/grid.js sends it) and trait updates (`sort`, `selection`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nbfrag.errors import StreamlitAPIException, StreamlitIncompatibleParametersError, StreamlitValueError
from nbfrag.testing import AppTest

BIG = """
import nbfrag as st, numpy as np, pandas as pd
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
df = pd.DataFrame({"n": np.arange(1_000_000)[::-1], "s": np.arange(1_000_000) % 7})
st.dataframe(df)
st.text(f"runs={ss.runs}")
"""

SELECT = """
import nbfrag as st, pandas as pd
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
df = pd.DataFrame({{"a": [3, 1, 2], "b": ["x", "y", "z"]}})
event = st.dataframe(df, key="pick", on_select={on_select}, selection_mode={modes!r})
st.text(f"runs={{ss.runs}} rows={{event.selection.rows}} cols={{event['selection']['columns']}} "
        f"cells={{event.selection.cells}} state={{ss.pick.selection.rows}}")
"""


def ask(grid: Any, start: int, stop: int) -> list[dict[str, Any]]:
    """Ask for rows as js/grid.js does; returns the reply's rows."""
    sent: list[dict[str, Any]] = []
    original = grid.send
    grid.send = lambda content, buffers=None: sent.append(content)
    try:
        grid._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "rows", "start": start, "stop": stop}}}, "buffers": []})
    finally:
        grid.send = original
    assert len(sent) == 1 and sent[0]["event"] == "rows"
    return list(sent[0]["rows"])


def from_browser(at: AppTest, element: Any, **state: Any) -> None:
    """A trait update from the browser (sort, selection), through the widget's own path."""
    with element._acting():
        element.slot.widget.set_state(state)


def test_a_million_rows_send_only_the_window_the_browser_asks_for(app_test: Any) -> None:
    at = app_test.from_string(BIG).run()
    grid = at.dataframe[0].slot.widget
    assert grid.nrows == 1_000_000 and grid.sent_rows == 0
    state = {name: value for name, value in grid.get_state().items() if name != "_esm"}  # (the module's code)
    assert len(json.dumps(state, default=str)) < 2_000, "the synced state holds no rows"
    rows = ask(grid, 0, 100)
    assert [r["pos"] for r in rows[:3]] == [0, 1, 2] and rows[0]["cells"][1]["t"] == "999999"
    assert len(ask(grid, 999_950, 1_000_100)) == 50
    assert len(ask(grid, 0, 10**9)) == 500, "one ask is capped at MAX_WINDOW rows"
    assert grid.sent_rows == 650


def test_sorting_happens_in_the_kernel_and_reruns_nothing(app_test: Any) -> None:
    at = app_test.from_string(BIG).run()
    element = at.dataframe[0]
    version = element.slot.widget.version
    from_browser(at, element, sort=["n", "asc"])
    grid = element.slot.widget
    assert grid.version == version + 1, "the browser is told to ask again"
    rows = ask(grid, 0, 3)
    assert [r["cells"][1]["t"] for r in rows] == ["0", "1", "2"]  # (after the index)
    assert [r["pos"] for r in rows] == [999_999, 999_998, 999_997], "rows keep their original position"
    assert at.text[0].value == "runs=1"
    from_browser(at, element, sort=["nope", "asc"])  # forged: an unknown column
    assert grid.sort == ["n", "asc"]
    from_browser(at, element, sort=[])
    assert [r["pos"] for r in ask(grid, 0, 2)] == [0, 1]


def test_a_rerun_with_the_same_data_keeps_the_rows_and_the_sort(app_test: Any) -> None:
    at = app_test.from_string(BIG).run()
    element = at.dataframe[0]
    from_browser(at, element, sort=["n", "asc"])
    version = element.slot.widget.version
    at.run()
    assert at.dataframe[0].slot.widget is element.slot.widget
    assert element.slot.widget.version == version and element.slot.widget.sort == ["n", "asc"]


def test_hide_index_column_order_and_column_config(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st, pandas as pd\n"
        "df = pd.DataFrame({'a': [1.5, 2.25], 'b': ['x', 'y'], 'c': [10, 90]}, index=['r1', 'r2'])\n"
        "st.dataframe(df, column_order=['c', 'a', 'zz'], column_config={'a': st.column_config.NumberColumn('Price', "
        "format='$%.2f', help='in USD'), 'c': st.column_config.ProgressColumn('Done', max_value=100)})\n"
        "st.dataframe(df, hide_index=True, column_config={'b': None})\n"
    ).run()
    first, second = (element.slot.widget for element in at.dataframe)
    assert [(c["key"], c["label"]) for c in first.columns] == [("_index", ""), ("c", "Done"), ("a", "Price")]
    assert first.columns[2]["help"] == "in USD"
    cells = ask(first, 0, 1)[0]["cells"]
    assert [c["t"] for c in cells] == ["r1", "10", "$1.50"] and cells[1]["p"] == 0.1
    assert [c["key"] for c in second.columns] == ["a", "c"]
    assert "Price" in str(at.dataframe[0]) and "r1" in str(at.dataframe[0]) and "r1" not in str(at.dataframe[1])
    assert list(at.dataframe[0].value.columns) == ["a", "b", "c"], "AppTest reads the DataFrame"


def test_a_row_selection_reruns_and_returns_a_dataframe_state(app_test: Any) -> None:
    at = app_test.from_string(SELECT.format(on_select="'rerun'", modes=["multi-row", "single-column"])).run()
    assert at.text[0].value == "runs=1 rows=[] cols=[] cells=[] state=[]"
    from_browser(at, at.dataframe[0], selection={"rows": [2, 0], "columns": ["b"], "cells": []})
    assert at.text[0].value == "runs=2 rows=[0, 2] cols=['b'] cells=[] state=[0, 2]"


@pytest.mark.parametrize(
    "selection",
    [
        {"rows": [5], "columns": [], "cells": []},  # no such row
        {"rows": [], "columns": ["zz"], "cells": []},  # no such column
        {"rows": [0, 1], "columns": [], "cells": []},  # two rows in single-row mode
        {"rows": [], "columns": [], "cells": [[0, "a"]]},  # cells not selectable
        {"rows": [True], "columns": [], "cells": []},
    ],
)
def test_a_forged_selection_is_refused(app_test: Any, selection: dict[str, Any]) -> None:
    at = app_test.from_string(SELECT.format(on_select="'rerun'", modes=["single-row", "multi-column"])).run()
    from_browser(at, at.dataframe[0], selection=selection)
    assert at.text[0].value.startswith("runs=1 rows=[]")
    assert at.dataframe[0].slot.widget.selection == {"rows": [], "columns": [], "cells": []}


def test_cells_a_callback_and_selections_set_through_session_state(app_test: Any) -> None:
    source = "import nbfrag as st\nst.session_state.setdefault('pick', {'selection': {'rows': [1]}})\n"
    source += "def hit():\n    st.session_state.hits = st.session_state.get('hits', 0) + 1\n"
    at = app_test.from_string(source + SELECT.format(on_select="hit", modes=["single-cell", "multi-row"]).replace(
        "import nbfrag as st, pandas as pd", "import pandas as pd")).run()
    assert "rows=[1]" in at.text[0].value, "a selection assigned before the table is drawn is shown"
    at.dataframe[0].set_value({"selection": {"rows": [1], "cells": [[2, "a"]]}})
    assert "cells=[(2, 'a')]" in at.text[0].value and at.session_state["hits"] == 1


def test_selection_default_is_the_first_selection(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nev = st.dataframe({'a': [1, 2]}, on_select='rerun', "
        "selection_default={'selection': {'rows': [1]}})\nst.text(str(ev.selection.rows))"
    ).run()
    assert at.text[0].value == "[1]"


@pytest.mark.parametrize(
    "call, error, message",
    [
        ("on_select='rerun', selection_mode='bogus'", StreamlitValueError,
         ("Invalid `selection_mode` value. Supported values: 'multi-cell', 'multi-column', 'multi-row', 'single-cell', "
         "'single-column', 'single-row', 'single-row-required'.")),
        ("on_select='rerun', selection_mode=['single-row', 'multi-row']", StreamlitIncompatibleParametersError,
         ("`selection_mode='multi-row'` and `selection_mode='single-row'` cannot be used together. Only one row "
         "selection mode can be specified.")),
        ("on_select='bad'", StreamlitValueError,
         "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function."),
        ("selection_default={'selection': {'rows': [0]}}", StreamlitIncompatibleParametersError, "selection_default"),
        ("row_height=0", StreamlitAPIException, "row_height"),
    ],
)
def test_streamlits_errors(app_test: Any, call: str, error: type, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.dataframe({{'a': [1]}}, {call})").run()
    assert len(at.exception) == 1
    shown = at.exception[0]
    assert message in str(shown.value) and error.__name__ in str(shown)


def test_the_index_is_shown_as_streamlit_decides(app_test: Any) -> None:
    """A DataFrame's index is shown, even 0, 1, 2...; data without an index of its own (lists,
    dicts of columns, numpy) hides pandas' made-up one, and so do selectable rows and editors
    that add rows (Streamlit's `apply_data_specific_configs` and its selection/editor paths)."""
    at = app_test.from_string(
        "import nbfrag as st, numpy as np, pandas as pd\n"
        "st.dataframe(pd.DataFrame({'a': [1]}))\n"
        "st.dataframe({'a': [1]})\n"
        "st.dataframe([1, 2])\n"
        "st.dataframe(np.array([[1, 2]]))\n"
        "st.dataframe({'k': 1, 'j': 2})\n"
        "st.dataframe(pd.DataFrame({'a': [1]}), on_select='rerun')\n"
        "st.dataframe(pd.DataFrame({'a': [1]}), on_select='rerun', selection_mode='single-column')\n"
        "st.dataframe({'a': [1]}, hide_index=False)\n"
        "st.data_editor(pd.DataFrame({'a': [1]}))\n"
        "st.data_editor(pd.DataFrame({'a': [1]}), num_rows='dynamic')\n"
    ).run()
    shown = [grid.slot.widget.columns[0]["index"] for grid in [*at.dataframe, *at.data_editor]]
    assert shown == [True, False, False, False, True, False, True, True, True, False]


HOSTILE = "<img src=x onerror=alert(1)>"


def test_visitor_text_reaches_the_browser_only_as_text(app_test: Any) -> None:
    """Cells, column names and labels travel as text (js/grid.js writes them with `textContent`,
    see js/test/grid.test.js); a link or picture needs a safe URL, else it is text too."""
    at = app_test.from_string(
        "import nbfrag as st, pandas as pd\n"
        f"H = {HOSTILE!r}\n"
        "st.dataframe(pd.DataFrame({H: [H], 'u': ['javascript:alert(1)'], 'i': ['javascript:x']}).style, "
        "column_config={'u': st.column_config.LinkColumn(display_text=H), 'i': st.column_config.ImageColumn()})\n"
    ).run()
    grid = at.dataframe[0].slot.widget
    assert [c["label"] for c in grid.columns] == ["", HOSTILE, "u", "i"]
    _index, text, link, image = ask(grid, 0, 1)[0]["cells"]
    assert text == {"t": HOSTILE, "v": HOSTILE}
    assert "href" not in link and "src" not in image
