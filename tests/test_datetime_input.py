"""`st.datetime_input` in-process, against what Streamlit 1.67.0 returns and raises for the same
calls (read from its AppTest). An edit is set on the `NaiveDatetimePicker`'s `value` trait, as
the browser's message sets it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.mark.parametrize(
    "call, shown",
    [
        ('st.datetime_input("E", dt.datetime(2025, 11, 19, 16, 45, 33))', "datetime.datetime(2025, 11, 19, 16, 45)"),
        ('st.datetime_input("E", None)', "None"),
        ('st.datetime_input("E", dt.date(2025, 1, 2))', "datetime.datetime(2025, 1, 2, 0, 0)"),
        ('st.datetime_input("E", dt.time(3, 4)).time()', "datetime.time(3, 4)"),
        ('st.datetime_input("E", "2025-01-02 10:30")', "datetime.datetime(2025, 1, 2, 10, 30)"),
        ('st.datetime_input("E", "2025/01/02 10:30:59")', "datetime.datetime(2025, 1, 2, 10, 30)"),
        ('st.datetime_input("E", dt.datetime(2025, 1, 1, 5, tzinfo=dt.timezone.utc))', "datetime.datetime(2025, 1, 1, 5, 0)"),
        ('st.datetime_input("E", "now").second', "0"),
        ('st.datetime_input("E", None, format="DD.MM.YYYY", step=dt.timedelta(hours=1), width=300)', "None"),
    ],
)
def test_values_as_streamlit_returns_them(app_test: Any, call: str, shown: str) -> None:
    at = app_test.from_string(f"import datetime as dt\nimport nbfrag as st\nst.text(repr({call}))").run()
    assert len(at.exception) == 0, str(at)
    assert at.text[0].value == shown


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.datetime_input("E", "tomorrow")',
         'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". Provided type: str.'),
        ('st.datetime_input("E", 5)', "Provided type: int."),
        ('st.datetime_input("E", None, dt.datetime(2025, 1, 2), dt.datetime(2025, 1, 1))',
         "The `min_value`, set to 2025-01-02 00:00:00, cannot be greater than the `max_value`, set to 2025-01-01 00:00:00."),
        ('st.datetime_input("E", dt.datetime(2024, 1, 1), dt.datetime(2025, 1, 2))',
         "The `value` 2024-01-01 00:00:00 is less than the `min_value` 2025-01-02 00:00:00."),
        ('st.datetime_input("E", dt.datetime(2026, 1, 1), None, dt.datetime(2025, 1, 2))',
         "The `value` 2026-01-01 00:00:00 is greater than the `max_value` 2025-01-02 00:00:00."),
        ('st.datetime_input("E", None, format=3)', "Invalid `format` type. Expected one of: str. Provided type: int."),
        ('st.datetime_input("E", None, format="YY/MM/DD")', "Invalid `format` value. Supported values: 'YYYY/MM/DD'"),
        ('st.datetime_input("E", None, step=30)',
         "The `step` parameter, set to 30 seconds, is outside the required range [60 seconds, 23 hours]."),
        ('st.datetime_input("E", None, step=1.5)', "Invalid `step` type. Expected one of: int, timedelta. Provided type: float."),
        ('st.datetime_input("E", None, width="content")',
         "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
    ],
)
def test_bad_arguments_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import datetime as dt\nimport nbfrag as st\n{call}").run()
    assert message in at.exception[0].value


APP = """
import datetime as dt
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
when = st.datetime_input("When", dt.datetime(2025, 6, 1, 9, 0), dt.datetime(2025, 1, 1), dt.datetime(2025, 12, 31),
                         key="when", format="DD.MM.YYYY", required=True,
                         on_change=lambda: ss.update(changed=ss.get("changed", 0) + 1))
st.text(f"{ss.runs} {when!r}")
"""


def test_an_edit_reaches_the_app_to_the_minute_and_out_of_range_or_empty_is_refused(app_test: Any) -> None:
    at = app_test.from_string(APP).run()
    element = at.datetime_input[0]
    assert str(element) == "When: 01.06.2025 09:00"
    widget = element.slot.widget
    with element._acting():
        widget.value = dt.datetime(2025, 7, 14, 18, 30, 45)
    assert at.text[0].value == "2 datetime.datetime(2025, 7, 14, 18, 30)" and at.session_state["changed"] == 1
    with element._acting():
        widget.value = None  # emptied: refused, `required`
    assert at.text[0].value == "2 datetime.datetime(2025, 7, 14, 18, 30)"
    assert widget.value == dt.datetime(2025, 7, 14, 18, 30)
    with element._acting():
        widget.value = dt.datetime(2030, 1, 1)  # beyond max_value: the picker's trait clamps it
    assert at.text[0].value == "3 datetime.datetime(2025, 12, 31, 0, 0)"
    element.set_value(dt.datetime(2025, 2, 3, 4, 5)).run()
    assert at.text[0].value == "4 datetime.datetime(2025, 2, 3, 4, 5)"


@pytest.mark.parametrize(
    "preset, expected",
    [("dt.datetime(2030, 1, 1)", "datetime.datetime(2025, 6, 1, 9, 0)"),  # outside the bounds: `value`
     ("dt.date(2025, 3, 1)", "datetime.datetime(2025, 3, 1, 0, 0)"),
     ("None", "None")],
)
def test_session_state_values(app_test: Any, preset: str, expected: str) -> None:
    at = app_test.from_string(
        f"import datetime as dt\nimport nbfrag as st\nif 'when' not in st.session_state:\n    st.session_state.when = {preset}\n"
        + APP.split("\n", 3)[3]
    ).run()
    assert at.text[0].value == f"1 {expected}"
