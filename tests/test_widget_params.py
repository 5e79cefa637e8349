"""The Streamlit 1.67 parameters the inputs take beyond the basics: `persist_state`, `bind`,
`required`, `validate`, `live`, `type` presets, `filter_mode`, `select_all`, time `format`, and
the button's `icon_position` and `shortcut`.

A user's edit goes through the widget's own trait (`set_value`), as a browser edit does; what
Streamlit's browser refuses to send (`required`, `validate`) is refused there.
"""

from __future__ import annotations

from typing import Any

import pytest

HIDE_AND_SHOW = """
import nbfrag as st
if st.checkbox("Show", value=True):
    value = {call}
    st.write(f"value={{value!r}}")
st.write(f"state={{st.session_state.get('k', 'gone')!r}}")
"""


def page(at: Any) -> list[str]:
    return [str(m.value) for m in at.markdown]


@pytest.mark.parametrize("persist", ["page", "session"])
def test_persist_state_keeps_the_value_while_the_widget_is_not_drawn(app_test: Any, persist: str) -> None:
    at = app_test.from_string(HIDE_AND_SHOW.format(call=f'st.slider("S", 0, 10, key="k", persist_state="{persist}")')).run()
    at.slider("S").set_value(7)
    at.checkbox("Show").uncheck()
    at.run()
    assert page(at) == ["state=7"]
    at.checkbox("Show").check()
    assert page(at) == ["value=7", "state=7"]


def test_without_persist_state_the_value_goes_with_the_widget(app_test: Any) -> None:
    at = app_test.from_string(HIDE_AND_SHOW.format(call='st.slider("S", 0, 10, key="k")')).run()
    at.slider("S").set_value(7)
    at.checkbox("Show").uncheck()
    at.run()
    assert page(at) == ["state='gone'"]
    at.checkbox("Show").check()
    assert page(at) == ["value=0", "state=0"]


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.slider("S", 0, 9, key="k", persist_state="pages")', "StreamlitValueError: Invalid `persist_state` value. Supported values: 'page', 'session', None."),
        ('st.checkbox("C", persist_state="page")', "StreamlitMissingRequiredParameterError: The `key` parameter is required. When using persist_state"),
        ('st.toggle("T", key="k", bind="url")', "StreamlitValueError: Invalid `bind` value. Supported values: 'query-params', None."),
        ('st.radio("R", ["a"], bind="query-params")', "StreamlitMissingRequiredParameterError: The `key` parameter is required. When using bind='query-params'"),
        ('st.selectbox("S", ["a"], key="city", bind="query-params")', "bind='query-params' is not supported by nbfrag: a notebook page has no URL query parameters"),
        ('st.text_input("P", key="pw", type="password", bind="query-params")', "`bind='query-params'` and `type='password'` cannot be used together."),
        ('st.text_input("T", type="secret")', "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'."),
        ('st.text_input("T", validate=("^a",))', "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings."),
        ('st.text_input("T", validate=3)', "Invalid `validate` type. Expected one of: None, str, tuple. Provided type: int."),
        ('st.text_input("T", live=300)', "Invalid `live` type. Expected one of: bool, str. Provided type: int. A number or `datetime.timedelta` is not accepted."),
        ('st.text_input("T", live="2m")', "The `live` parameter, set to 2m, is outside the required range [0ms, 1m]."),
        ('st.text_input("T", live="soon")', "Accepted `live` values: True (a 250ms pause), False, or a duration string"),
        ('st.selectbox("S", ["a"], filter_mode="exact")', "Invalid `filter_mode` value. Supported values: fuzzy, contains, prefix, None."),
        ('st.selectbox("S", ["a"], filter_mode=None, accept_new_options=True)', "`filter_mode=None` and `accept_new_options=True` cannot be used together."),
        ('st.multiselect("M", ["a"], select_all=-1)', "Invalid `select_all` value. Supported values: True, False, a non-negative integer."),
        ('st.multiselect("M", ["a"], select_all="all")', "Invalid `select_all` type. Expected one of: bool, int. Provided type: str."),
        ('st.time_input("T", format="am/pm")', "Invalid `format` value. Supported values: '12h', '24h', 'localized'."),
        ('st.button("B", icon_position="top")', "Invalid `icon_position` value. Supported values: 'left', 'right'."),
        ('st.button("B", shortcut="Ctrl+R")', "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."),
        ('st.button("B", shortcut="a+b")', "The `shortcut` may only specify a single non-modifier key."),
        ('st.button("B", shortcut="Shift")', "The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'."),
        ('st.button("B", shortcut=".")', "shortcut must include a single character or one of the supported keys"),
        ('st.text_input("T", on_change=5)', "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."),
        ('st.button("B", on_click="rerun")', '`on_click="rerun"` is not supported on this widget. Pass a callback, or omit `on_click`.'),
    ],
)
def test_bad_values_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[0])


@pytest.mark.parametrize(
    "call",
    [
        'st.button("B", shortcut="Ctrl+Shift+K", icon_position="left", wrap=True)',
        'st.button("B", shortcut="F2")',
        'st.checkbox("C", wrap=False, bind=None, persist_state=None)',
        'st.multiselect("M", ["a", "b"], filter_mode="prefix", select_all=False, wrap=True)',
        'st.selectbox("S", ["a"], icon="🔎", filter_mode=None, required=True)',
        'st.text_input("T", type="search", live="0ms", validate="")',
        'st.time_input("T", format="localized", required=True)',
        'st.slider("S", on_change="rerun")',
    ],
)
def test_good_values_are_taken(app_test: Any, call: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert len(at.exception) == 0, str(at)


def test_a_required_text_field_refuses_blank_text_and_keeps_the_last(app_test: Any) -> None:
    at = app_test.from_string('import nbfrag as st\nst.write(repr(st.text_input("Name", required=True)))').run()
    field = at.text_input("Name")
    field.set_value("Ada")
    for blank in ("", "   "):
        field.set_value(blank)
        assert field.value == "Ada" and field.slot.widget.value == "Ada"
    assert page(at) == ["'Ada'"]


def test_a_field_that_is_not_required_may_be_emptied(app_test: Any) -> None:
    at = app_test.from_string('import nbfrag as st\nst.write(repr(st.text_area("Notes", "x")))').run()
    at.text_area("Notes").set_value("")
    assert page(at) == ["''"]


@pytest.mark.parametrize(
    "call, kind",
    [
        ("st.number_input('F', value=None, required=True)", "number_input"),
        ("st.selectbox('F', ['a', 'b'], index=None, accept_new_options=True, required=True)", "selectbox"),
    ],
)
def test_required_value_fields_cannot_be_cleared(app_test: Any, call: str, kind: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.write(repr({call}))").run()
    assert page(at) == ["None"]  # `required` does not change the starting value
    field = getattr(at, kind)("F").slot.widget  # both are text fields in the browser
    field.value = "5" if kind == "number_input" else "b"
    filled = page(at)
    assert filled in (["5.0"], ["'b'"])
    field.value = ""
    assert page(at) == filled and field.value != ""


def test_validate_refuses_text_that_does_not_match_and_skips_empty_text(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st\nst.write(repr(st.text_input("Zip", validate=(r"^\\d{5}$", "Five digits."))))'
    ).run()
    field = at.text_input("Zip")
    field.set_value("12345")
    field.set_value("12a45")
    assert page(at) == ["'12345'"] and field.slot.widget.value == "12345"
    field.set_value("")
    assert page(at) == ["''"]


def test_email_type_brings_its_placeholder_and_check_unless_turned_off(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st\n'
        'a = st.text_input("A", type="email")\n'
        'b = st.text_input("B", type="email", validate="", placeholder="")\n'
        'st.write(f"{a!r} {b!r}")'
    ).run()
    a, b = at.text_input("A"), at.text_input("B")
    assert a.slot.widget.placeholder == "you@example.com" and b.slot.widget.placeholder == ""
    for field in (a, b):
        field.set_value("not an address")
    assert page(at) == ["'' 'not an address'"]
    a.set_value("ada@example.org")
    assert page(at) == ["'ada@example.org' 'not an address'"]


def test_live_text_is_sent_while_typing(app_test: Any) -> None:
    at = app_test.from_string('import nbfrag as st\nst.text_input("Now", live=True)\nst.text_input("Later")').run()
    assert at.text_input("Now").slot.widget.continuous_update is True
    assert at.text_input("Later").slot.widget.continuous_update is False


def test_time_format_shapes_the_text_form(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st, datetime as dt\n'
        'st.time_input("A", dt.time(19, 5), format="12h")\nst.time_input("B", dt.time(19, 5))'
    ).run()
    assert str(at).splitlines() == ["A: 07:05 PM", "B: 19:05"]


def test_button_icon_goes_where_icon_position_says(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st\nst.button("Go", icon="🚀", icon_position="right")\nst.button("Back", icon="⬅")'
    ).run()
    assert at.button("Go").slot.widget.description == "Go 🚀"
    assert at.button("Back").slot.widget.description == "⬅ Back"


def test_on_change_ignore_keeps_the_value_without_a_rerun(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st\nst.session_state.runs = st.session_state.get("runs", 0) + 1\n'
        'v = st.text_input("Quiet", on_change="ignore")\nw = st.text_input("Loud", on_change="rerun")\n'
        'st.write(f"{st.session_state.runs}: {v!r} {w!r}")'
    ).run()
    at.text_input("Quiet").set_value("kept")
    assert page(at) == ["1: '' ''"]
    at.text_input("Loud").set_value("now")
    assert page(at) == ["2: 'kept' 'now'"]
