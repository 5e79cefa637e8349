"""`st.pagination` in-process, against what Streamlit 1.67.0 returns and raises for the same
calls (read from its AppTest). A click is the page set on the widget's `value` trait, as
js/pagination.js syncs it."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.pagination(0)", "`num_pages` must be an integer of at least 1. Got 0."),
        ("st.pagination(True)", "`num_pages` must be an integer of at least 1. Got True."),
        ("st.pagination(2.0)", "`num_pages` must be an integer of at least 1. Got 2.0."),
        ('st.pagination(3, default="2")', "Invalid `default` type. Expected one of: int. Provided type: str."),
        ("st.pagination(3, default=True)", "Invalid `default` type. Expected one of: int. Provided type: bool."),
        ("st.pagination(3, default=4)", "The `default` parameter, set to 4, is outside the required range [1, 3]."),
        ("st.pagination(3, max_visible_pages=-1)", "`max_visible_pages` must be a non-negative integer or None. Got -1."),
        ('st.pagination(3, width="x")', "Invalid width value: 'x'."),
        ("st.pagination(3); st.pagination(3)", "multiple `pagination` elements with the same"),
    ],
)
def test_bad_arguments_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in at.exception[0].value


@pytest.mark.parametrize(
    "code, shown",
    [
        ("v = st.pagination(10)", "1"),
        ("v = st.pagination(10, default=4, max_visible_pages=None)", "4"),
        ("st.session_state.p = 9\nv = (st.pagination(3, key='p', default=2), st.session_state.p)", "(2, 2)"),
        ("st.session_state.p = 3\nv = st.pagination(3, key='p')", "3"),
    ],
)
def test_values_as_streamlit_returns_them(app_test: Any, code: str, shown: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{code}\nst.text(repr(v))").run()
    assert at.text[0].value == shown


APP = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
page = st.pagination(20, key="page", max_visible_pages=5, width="stretch",
                     on_change=lambda n: ss.update(turned=n), args=(1,))
st.text(f"{ss.runs} page={page}")
"""


def test_a_page_click_reaches_the_app_and_forged_pages_are_refused(app_test: Any) -> None:
    at = app_test.from_string(APP).run()
    element = at.pagination[0]
    widget = element.slot.widget
    assert (widget.num_pages, widget.max_visible, widget.width) == (20, 5, "100%")
    assert str(element) == "pagination: page 1 of 20"
    with element._acting():
        widget.value = 7
    assert at.text[0].value == "2 page=7" and at.session_state["turned"] == 1
    for forged in (0, 21, -3):
        with element._acting():
            widget.value = forged
        assert at.text[0].value == "2 page=7" and widget.value == 7
    element.set_value(20).run()
    assert at.text[0].value == "3 page=20" and at.session_state["page"] == 20


def test_a_disabled_pagination_ignores_clicks(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.text(repr(st.pagination(5, disabled=True)))").run()
    widget = at.pagination[0].slot.widget
    widget.disabled = False  # a visitor removes `disabled` (or forges the message)
    widget.value = 3
    assert at.text[0].value == "1" and widget.value == 1 and widget.disabled is True
