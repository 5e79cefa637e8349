"""`st.data_editor` in process (spec item 86): edits, added and deleted rows per `num_rows`, the
returned data in the input's type, the read-only `DataEditorState` in Session State, `on_change`,
forms (commit on submit), disabled columns, and the kernel's checks of every message (a visitor
can forge any). The browser is played by the grid's own message path, as js/grid.js sends."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from nbfrag.errors import StreamlitValueAssignmentNotAllowedError, StreamlitValueError
from nbfrag.testing import AppTest

APP = """
import nbfrag as st, pandas as pd
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
def changed():
    ss.changes = ss.get("changes", 0) + 1
df = pd.DataFrame({{"plant": ["fern", "cactus"], "ml": [250, 40], "ok": [True, False]}})
out = st.data_editor(df, key="ed", num_rows={num_rows!r}, disabled={disabled!r}, on_change=changed,
                     column_config={{"ml": st.column_config.NumberColumn(min_value=0, max_value=1000, default=100)}})
st.text(f"runs={{ss.runs}} changes={{ss.get('changes', 0)}} rows={{len(out)}} ml={{out['ml'].tolist()}} "
        f"plants={{out['plant'].tolist()}} same={{out.equals(df)}} is={{out is df}}")
st.text(repr(ss.ed))
"""


def browser(at: AppTest, content: dict[str, Any], index: int = 0) -> None:
    """One message from js/grid.js, through the widget's own message path."""
    element = at.data_editor[index]
    with at._acting():  # (not the element's: a forged message may target a disabled editor)
        element.slot.widget._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def app(app_test: Any, num_rows: str = "fixed", disabled: Any = False) -> AppTest:
    at: AppTest = app_test.from_string(APP.format(num_rows=num_rows, disabled=disabled)).run()
    assert len(at.exception) == 0, str(at)
    return at


def test_unedited_it_equals_the_input_but_is_a_new_object(app_test: Any) -> None:
    at = app(app_test)
    assert at.text[0].value == "runs=1 changes=0 rows=2 ml=[250, 40] plants=['fern', 'cactus'] same=True is=False"
    assert at.text[1].value == "{'edited_rows': {}, 'added_rows': [], 'deleted_rows': []}"


def test_an_edit_reruns_after_on_change_and_is_in_the_state(app_test: Any) -> None:
    at = app(app_test)
    browser(at, {"event": "edit", "pos": 1, "column": "ml", "value": 75})
    assert at.text[0].value.startswith("runs=2 changes=1 rows=2 ml=[250, 75]")
    assert at.text[1].value == "{'edited_rows': {1: {'ml': 75}}, 'added_rows': [], 'deleted_rows': []}"
    assert "75" in str(at.data_editor[0]), "the page's text shows the edited data"


@pytest.mark.parametrize(
    "content",
    [
        {"event": "edit", "pos": 0, "column": "ml", "value": 5000},  # above max_value
        {"event": "edit", "pos": 0, "column": "ml", "value": "lots"},  # not a number
        {"event": "edit", "pos": 0, "column": "ml", "value": float("nan")},
        {"event": "edit", "pos": 9, "column": "ml", "value": 1},  # no such row
        {"event": "edit", "pos": 0, "column": "nope", "value": 1},  # no such column
        {"event": "edit", "pos": 0, "column": "ok", "value": "yes"},  # not a boolean
        {"event": "add"},  # num_rows="fixed"
        {"event": "delete", "rows": [0]},
        {"event": "delete", "rows": "all"},
    ],
)
def test_the_kernel_refuses_what_the_editor_would_not_send(app_test: Any, content: dict[str, Any]) -> None:
    at = app(app_test)
    browser(at, content)
    assert at.text[0].value.startswith("runs=1 changes=0 rows=2 ml=[250, 40]")


def test_disabled_columns_and_a_disabled_editor_refuse_edits(app_test: Any) -> None:
    at = app(app_test, disabled=["ml"])
    assert [c["editable"] for c in at.data_editor[0].slot.widget.columns] == [False, True, False, True]  # index first
    browser(at, {"event": "edit", "pos": 0, "column": "ml", "value": 1})
    assert at.text[0].value.startswith("runs=1")
    browser(at, {"event": "edit", "pos": 0, "column": "plant", "value": "moss"})
    assert "plants=['moss', 'cactus']" in at.text[0].value
    at = app(app_test, disabled=True)
    browser(at, {"event": "edit", "pos": 0, "column": "plant", "value": "moss"})
    assert at.text[0].value.startswith("runs=1")


def test_dynamic_rows_are_added_with_defaults_and_deleted(app_test: Any) -> None:
    at = app(app_test, num_rows="dynamic")
    browser(at, {"event": "add"})
    assert "rows=3 ml=[250, 40, 100]" in at.text[0].value
    browser(at, {"event": "edit", "pos": 2, "column": "plant", "value": "moss"})
    browser(at, {"event": "delete", "rows": [0]})
    assert "rows=2" in at.text[0].value and "plants=['cactus', 'moss']" in at.text[0].value
    assert at.text[1].value == "{'edited_rows': {}, 'added_rows': [{'ml': 100, 'plant': 'moss'}], 'deleted_rows': [0]}"
    grid = at.data_editor[0].slot.widget
    assert grid.nrows == 2 and [r["pos"] for r in grid.source.window(0, 5)] == [1, 2], "positions of the original data"


@pytest.mark.parametrize("num_rows, added, deleted", [("add", 3, 3), ("delete", 2, 1)])
def test_add_and_delete_alone(app_test: Any, num_rows: str, added: int, deleted: int) -> None:
    at = app(app_test, num_rows=num_rows)
    browser(at, {"event": "add"})
    assert f"rows={added}" in at.text[0].value
    browser(at, {"event": "delete", "rows": [0]})
    assert f"rows={deleted}" in at.text[0].value


def test_the_state_is_read_only(app_test: Any) -> None:
    at = app(app_test)
    with pytest.raises(StreamlitValueAssignmentNotAllowedError, match=r"`st.session_state\['ed'\]` is read-only"):
        at.session_state["ed"] = {}
    at = app_test.from_string(
        "import nbfrag as st\nst.session_state['ed'] = {}\nst.data_editor({'a': [1]}, key='ed')"
    ).run()
    assert "StreamlitValueAssignmentNotAllowedError" in str(at.exception[0])


def test_in_a_form_edits_wait_for_the_submit(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\n"
        "with st.form('f'):\n    out = st.data_editor({'a': [1, 2]}, key='ed')\n    st.form_submit_button('Save')\n"
        "st.text(f\"runs={ss.runs} a={out['a']}\")\n"
    ).run()
    browser(at, {"event": "edit", "pos": 0, "column": "a", "value": 9})
    assert at.text[0].value == "runs=1 a=[1, 2]"
    assert [r["cells"][0]["t"] for r in at.data_editor[0].slot.widget.source.window(0, 2)] == ["9", "2"], (
        "the grid shows the edit not submitted yet"
    )
    at.form[0].submit()
    assert at.text[0].value == "runs=2 a=[9, 2]"


@pytest.mark.parametrize(
    "data, expected",
    [
        ("[1, 2, 3]", "[9, 2, 3]"),
        ("{'a': [1, 2]}", "{'a': [9, 2]}"),
        ("[{'a': 1}, {'a': 2}]", "[{'a': 9}, {'a': 2}]"),
        ("pd.Series([1, 2], name='a')", "Series"),
        ("np.array([1, 2])", "ndarray"),
        ("(1, 2)", "(9, 2)"),
    ],
)
def test_the_result_has_the_inputs_type(app_test: Any, data: str, expected: str) -> None:
    at = app_test.from_string(
        "import nbfrag as st, numpy as np, pandas as pd\n"
        f"out = st.data_editor({data}, key='ed')\nst.text(repr(out) if not hasattr(out, 'dtype') else type(out).__name__)"
    ).run()
    column = at.data_editor[0].slot.widget.columns[-1]["key"]
    browser(at, {"event": "edit", "pos": 0, "column": column, "value": 9})
    assert expected in at.text[0].value


def test_apptest_can_edit_and_read_the_editor(app_test: Any) -> None:
    at = app(app_test, num_rows="dynamic")
    at.data_editor[0].set_value({"edited_rows": {0: {"ml": 1}}, "added_rows": [], "deleted_rows": []})
    assert "ml=[1, 40]" in at.text[0].value
    value = at.data_editor[0].value
    assert isinstance(value, pd.DataFrame) and value["ml"].tolist() == [1, 40]


def test_num_rows_is_checked(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.data_editor({'a': [1]}, num_rows='many')").run()
    assert "Invalid `num_rows` value" in str(at.exception[0].value)
    assert StreamlitValueError.__name__ in str(at.exception[0])


def test_values_of_each_type_are_parsed_by_their_column(app_test: Any) -> None:
    at = app_test.from_string(
        "import datetime, nbfrag as st\n"
        "out = st.data_editor({'d': [datetime.date(2024, 1, 1)], 's': ['a']}, key='ed', column_config={"
        "'d': st.column_config.DateColumn(min_value=datetime.date(2023, 1, 1)), "
        "'s': st.column_config.SelectboxColumn(options=['a', 'b'])})\nst.text(repr(out['d'][0]) + ' ' + out['s'][0])"
    ).run()
    browser(at, {"event": "edit", "pos": 0, "column": "d", "value": "2024-03-05"})
    browser(at, {"event": "edit", "pos": 0, "column": "s", "value": "b"})
    assert at.text[0].value == "datetime.date(2024, 3, 5) b"
    browser(at, {"event": "edit", "pos": 0, "column": "d", "value": "2020-01-01"})  # before min_value
    browser(at, {"event": "edit", "pos": 0, "column": "s", "value": "c"})  # not an option
    assert at.text[0].value == "datetime.date(2024, 3, 5) b"
    assert isinstance(np.int64(1), np.integer)


@pytest.mark.parametrize("num_rows, kept", [("fixed", True), ("dynamic", False)])
def test_new_data_keeps_edits_only_when_fixed_and_of_the_same_structure(app_test: Any, num_rows: str, kept: bool) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\n"
        "out = st.data_editor({'a': [ss.get('base', 1), 2]}, key='ed', num_rows=" + repr(num_rows) + ")\n"
        "st.text(str(out['a']))\n"
    ).run()
    browser(at, {"event": "edit", "pos": 1, "column": "a", "value": 9})
    assert at.text[0].value == "[1, 9]"
    at.session_state["base"] = 5
    at.run()
    assert at.text[0].value == ("[5, 9]" if kept else "[5, 2]")
    at.session_state["base"] = 1.5  # another type: another structure
    at.run()
    assert at.text[0].value == "[1.5, 2.0]"
