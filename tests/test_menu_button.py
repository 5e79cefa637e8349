"""`st.menu_button` in-process, against what Streamlit 1.67.0 returns and raises for the same
calls (read from its AppTest). A pick is sent as js/menu.js sends it: a custom message
`{"event": "pick", "index": i}` from the widget."""

from __future__ import annotations

from typing import Any

import pytest


def pick(element: Any, index: Any) -> None:
    widget = element.slot.widget
    with element._acting():
        widget._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "pick", "index": index}}}, "buffers": []})


APP = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
action = st.menu_button("Export", ["CSV", "JSON", None], key="export", format_func=lambda o: o or "Nothing",
                        on_click=lambda tag: ss.update(clicked=tag), args=("cb",), type="primary", icon="📤")
st.text(f"{ss.runs} action={action!r} state={ss.export!r}")
"""


def test_a_pick_returns_the_option_once_with_its_callback(app_test: Any) -> None:
    at = app_test.from_string(APP).run()
    assert at.text[0].value == "1 action=None state=None"
    element = at.menu_button[0]
    assert str(element) == "[Export ▾] CSV | JSON | Nothing" and element.slot.widget.kind == "primary"
    pick(element, 1)
    assert at.text[0].value == "2 action='JSON' state='JSON'" and at.session_state["clicked"] == "cb"
    at.run()
    assert at.text[0].value == "3 action=None state=None"
    pick(element, 2)  # an option that is None: picked, and returned as None
    assert at.text[0].value == "4 action=None state=None"
    at.menu_button[0].click("CSV")  # Streamlit's AppTest: click(option)
    assert at.text[0].value == "5 action='CSV' state='CSV'"


@pytest.mark.parametrize("forged", [3, -1, "0", True, None])
def test_a_forged_pick_is_ignored(app_test: Any, forged: Any) -> None:
    at = app_test.from_string(APP).run()
    pick(at.menu_button[0], forged)
    assert at.text[0].value == "1 action=None state=None"


def test_a_disabled_menu_button_ignores_picks(app_test: Any) -> None:
    at = app_test.from_string(APP.replace('type="primary"', 'type="primary", disabled=True')).run()
    widget = at.menu_button[0].slot.widget
    widget.disabled = False  # a visitor removes `disabled` (put back at once), then picks
    widget._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "pick", "index": 0}}}, "buffers": []})
    assert at.text[0].value == "1 action=None state=None" and widget.disabled is True


def test_a_pick_in_a_fragment_reruns_only_the_fragment(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\nss.app = ss.get('app', 0) + 1\n"
        "@st.fragment\ndef part():\n    v = st.menu_button('Do', ['a', 'b'])\n    st.text(f'app={ss.app} v={v!r}')\npart()\n"
    ).run()
    pick(at.menu_button[0], 1)
    assert at.text[0].value == "app=1 v='b'"


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.menu_button("M", [])', "The `options` parameter is required. Provide at least one option."),
        ('st.menu_button("M", ["a", "b"], format_func=lambda o: "x")',
         "The `format_func` produced duplicate labels for the menu button options. Each formatted option label must be unique."),
        ('st.menu_button("M", ["a"], type="big")', "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
        ('with st.form("f"):\n    st.menu_button("M", ["a"])\n    st.form_submit_button()',
         "`st.menu_button()` can't be used in an `st.form()`."),
        ('st.session_state.m = "a"\nst.menu_button("M", ["a"], key="m")',
         "`st.session_state['m']` is read-only and cannot be assigned through session state."),
        ('st.menu_button("M", ["a"], on_click="rerun")',
         '`on_click="rerun"` is not supported on this widget. Pass a callback, or omit `on_click`.'),
        ('st.menu_button("M", ["a"], width="x")', "Invalid width value: 'x'."),
        ('st.menu_button("M", ["a"]); st.menu_button("M", ["a"])', "multiple `menu_button` elements with the same"),
    ],
)
def test_bad_arguments_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in at.exception[0].value
