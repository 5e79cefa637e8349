"""Input widgets in-process: each kind inside a fragment, identity and keys, Session State
binding, callbacks, validation, and the commit-on-Enter/release settings.

A user's edit is simulated the way a browser's arrives: by setting the ipywidget's trait.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
import pytest
from conftest import model_count

import nbfrag as st
from nbfrag._widgets.dates import DateRange


def walk(widget: Any) -> list[Any]:
    """The widget and everything below it, depth first."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(walk(child))
    return found


def find(host: Any, cls: type, description: str | None = None) -> Any:
    matches = [
        w for w in walk(host)
        if isinstance(w, cls) and (description is None or getattr(w, "description", None) == description)
    ]
    assert len(matches) == 1, f"expected one {cls.__name__} {description!r}, found {len(matches)}"
    return matches[0]


# Each kind: the call inside the fragment, its widget class, the trait a user changes, the
# new trait value, the value the app then sees, and the line the page then shows.
KINDS = [
    ('st.checkbox("Agree")', widgets.Checkbox, "value", True, True, "[x] Agree"),
    ('st.toggle("Live")', widgets.Checkbox, "value", True, True, "(on) Live"),
    ('st.radio("Pick", ["a", "b"])', widgets.RadioButtons, "index", 1, "b", "Pick: ( ) a  (•) b"),
    ('st.selectbox("Size", [10, 20, 30], index=1)', widgets.Dropdown, "index", 2, 30, "Size: 30"),
    ('st.multiselect("Tags", ["x", "y", "z"], default=["y"])', widgets.TagsInput, "value", ["x", "z"], ["x", "z"], "Tags: [x, z]"),
    ('st.slider("Level", 0, 10, 3)', widgets.IntSlider, "value", 7, 7, "Level: 7"),
    ('st.slider("Ratio", 0.0, 1.0, 0.5)', widgets.FloatSlider, "value", 0.25, 0.25, "Ratio: 0.25"),
    ('st.slider("Span", 0, 100, (20, 80))', widgets.IntRangeSlider, "value", (10, 90), (10, 90), "Span: 10 – 90"),
    ('st.slider("When", value=dt.date(2024, 1, 10))', widgets.SelectionSlider, "index", 15, dt.date(2024, 1, 11), "When: 2024-01-11"),
    ('st.slider("Hours", value=(dt.time(9), dt.time(17)), step=dt.timedelta(hours=1))', widgets.SelectionRangeSlider, "index", (8, 18), (dt.time(8), dt.time(18)), "Hours: 08:00 – 18:00"),
    ('st.select_slider("Grade", ["S", "M", "L"], value="M")', widgets.SelectionSlider, "index", 2, "L", "Grade: L"),
    ('st.select_slider("Band", ["S", "M", "L"], value=("S", "M"))', widgets.SelectionRangeSlider, "index", (1, 2), ("M", "L"), "Band: M – L"),
    ('st.number_input("Count", 0, 10, 5)', widgets.IntText, "value", 8, 8, "Count: 8"),
    ('st.number_input("Price", value=1.5, step=0.5)', widgets.FloatText, "value", 2.0, 2.0, "Price: 2.0"),
    ('st.text_input("Name")', widgets.Text, "value", "Ada", "Ada", "Name: [Ada]"),
    ('st.text_area("Notes", "hi")', widgets.Textarea, "value", "hello\nthere", "hello\nthere", "Notes: [hello"),
    ('st.date_input("Day", dt.date(2024, 1, 2))', widgets.DatePicker, "value", dt.date(2025, 5, 6), dt.date(2025, 5, 6), "Day: 2025-05-06"),
    ('st.date_input("Trip", (dt.date(2024, 1, 1), dt.date(2024, 1, 7)))', DateRange, "value", (dt.date(2024, 3, 1), dt.date(2024, 3, 5)), (dt.date(2024, 3, 1), dt.date(2024, 3, 5)), "Trip: 2024-03-01 – 2024-03-05"),
    ('st.time_input("At", dt.time(9, 0))', widgets.TimePicker, "value", dt.time(17, 30), dt.time(17, 30), "At: 17:30"),
    ('st.color_picker("Ink", "#ff0000")', widgets.ColorPicker, "value", "#00ff00", "#00ff00", "Ink: #00ff00"),
]


@pytest.mark.parametrize("call, cls, trait, new, expected, line", KINDS, ids=[k[1].__name__ + "-" + k[0].split("(")[1].split(",")[0].strip('")') for k in KINDS])
def test_each_widget_reruns_only_its_fragment(nb: Any, call: str, cls: type, trait: str, new: Any, expected: Any, line: str) -> None:
    host = nb.app(
        f"""
import nbfrag as st, datetime as dt
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def panel():
    value = {call}
    st.session_state.seen = value
    st.write(f"fragment sees {{value!r}}")

panel()
st.write(f"app runs: {{st.session_state.app_runs}}")
"""
    )
    widget = find(host, cls)
    models = model_count()
    setattr(widget, trait, new)
    assert st.session_state.seen == expected
    assert st.session_state.app_runs == 1  # only the fragment reran
    assert line in repr(host)
    assert f"fragment sees {expected!r}" in repr(host)
    assert find(host, cls) is widget  # the same model, not a new one
    assert model_count() == models


def test_text_and_sliders_commit_on_enter_blur_or_release(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st\nst.text_input("T")\nst.text_area("A")\nst.slider("S")\n'
        'st.number_input("N")\nst.select_slider("X", [1, 2])'
    )
    # (a number_input given no numbers holds a float, 0.0, as Streamlit's)
    for cls in (widgets.Text, widgets.Textarea, widgets.IntSlider, widgets.FloatText, widgets.SelectionSlider):
        assert find(host, cls).continuous_update is False


def test_values_survive_app_reruns_and_unkeyed_identity_follows_arguments(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
label = st.session_state.get("label", "Name")
typed = st.text_input(label)
st.write(f"typed={typed}")
if st.button("Rerun app"):
    st.rerun()
"""
    )
    find(host, widgets.Text, "Name").value = "Ada"
    find(host, widgets.Button, "Rerun app").click()
    assert "typed=Ada" in repr(host)
    st.session_state.label = "Nom"
    find(host, widgets.Button, "Rerun app").click()
    assert "typed=" in repr(host).splitlines()  # a new label is a new widget: fresh value


def test_widget_not_drawn_in_a_run_is_dropped_with_its_value(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def form():
    show = st.checkbox("Show name", value=True)
    if show:
        st.text_input("Name", key="name")
    st.write(f"name in state: {'name' in st.session_state}")

form()
"""
    )
    find(host, widgets.Text, "Name").value = "Ada"
    assert st.session_state.name == "Ada"
    find(host, widgets.Checkbox, "Show name").value = False
    assert "name" not in st.session_state  # dropped when the run that did not draw it ended
    find(host, widgets.Checkbox, "Show name").value = True
    assert find(host, widgets.Text, "Name").value == ""


def test_key_binds_both_ways_and_a_preset_wins_over_value(nb: Any) -> None:
    st.session_state.level = 7
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def panel():
    level = st.slider("Level", 0, 10, value=2, key="level")
    st.write(f"level={level}")
    if st.button("Max"):
        pass

panel()
"""
    )
    slider = find(host, widgets.IntSlider)
    assert slider.value == 7 and "level=7" in repr(host)
    slider.value = 4
    assert st.session_state.level == 4 and st.session_state["level"] == 4
    st.session_state.level = 9  # from another cell, between runs: the widget shows it
    assert slider.value == 9
    find(host, widgets.Button, "Max").click()
    assert "level=9" in repr(host)


def test_assigning_a_key_after_its_widget_was_drawn_raises_in_place(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def panel():
    st.text_input("Name", key="name")
    st.session_state.name = "changed"

panel()
st.write("after")
"""
    )
    text = repr(host)
    assert "StreamlitWidgetAlreadyInstantiatedError: `st.session_state['name']` cannot be modified after the widget with that key is instantiated." in text
    assert text.splitlines()[0] == "fragment panel:"


def test_callbacks_run_first_with_args_and_their_state_changes_are_visible(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
order = []

def changed(tag, *, extra):
    order.append(f"callback {tag} {extra} value={st.session_state.size}")
    st.session_state.note = "set by callback"

@st.fragment
def panel():
    st.selectbox("Size", ["S", "M"], key="size", on_change=changed, args=("sz",), kwargs={"extra": 1})
    order.append(f"body note={st.session_state.get('note')}")

panel()
"""
    )
    order = nb.shell.user_ns["order"]
    order.clear()
    find(host, widgets.Dropdown).index = 1
    assert order == ["callback sz 1 value=M", "body note=set by callback"]


def test_a_callback_may_set_its_own_widgets_key(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

def clear():
    st.session_state.query = ""

st.text_input("Query", key="query", on_change=clear)
st.write(f"query=[{st.session_state.query}]")
"""
    )
    find(host, widgets.Text).value = "typed"
    assert find(host, widgets.Text).value == ""
    assert "query=[]" in repr(host)


@pytest.mark.parametrize(
    "source, message",
    [
        ('st.checkbox("A")\nst.checkbox("A")', "There are multiple `checkbox` elements with the same auto-generated ID."),
        ('st.checkbox("A", key="k")\nst.slider("B", key="k")', "There are multiple elements with the same `key='k'`."),
    ],
)
def test_duplicate_widgets_raise_streamlits_errors(nb: Any, source: str, message: str) -> None:
    host = nb.app("import nbfrag as st\n" + source)
    lines = repr(host).splitlines()
    assert lines[0].startswith("[ ] A")
    assert any(message in line for line in lines)
    assert any(line.startswith("nbfrag.errors.Streamlit") for line in lines)


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.checkbox("A", label_visibility="gone")', "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."),
        ('st.slider("S", 0, 10.0)', "Slider value arguments must be of matching types."),
        ('st.slider("S", 0, 10, 11)', "The default `value` of 11 must lie between the `min_value` of 0 and the `max_value` of 10, inclusively."),
        ('st.slider("S", 10, 0)', "Slider `min_value` must be less than the `max_value`."),
        ('st.selectbox("S", ["a"], index=3)', "The `index` parameter, set to 3, is outside the required range [0, 0]."),
        ('st.multiselect("M", ["a"], default=["b"])', "The default value 'b' is not part of the options."),
        ('st.multiselect("M", ["a", "b"], default=["a", "b"], max_selections=1)', "Multiselect has 2 options selected but `max_selections` is set to 1."),
        ('st.slider("S", dt.date(2024, 1, 1), 5)', "Slider value arguments must be of matching types: all dates, all datetimes or all times"),
        ('st.slider("S", dt.date(2020, 1, 1), dt.date(2050, 1, 1), step=dt.timedelta(hours=1))', "This date slider would have more than 10,000 positions"),
        ('st.number_input("N", 0, 10, 2.5)', "All numerical arguments must be of the same type."),
        ('st.text_input("T", type="secret")', "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'."),
        ('st.color_picker("C", "red")', "This does not look like a hex color: 'red'."),
        ('st.select_slider("X", [])', "The `options` argument needs to be non-empty"),
        ('st.time_input("T", step=5)', "`step` must be between 60 seconds and 23 hours"),
        ('st.date_input("D", (dt.date(2024, 1, 1),) * 3)', "A date range `value` holds at most two dates"),
        ('st.date_input("D", dt.date(2020, 1, 1), min_value=dt.date(2021, 1, 1))', "The date 2020-01-01 is outside the allowed range 2021-01-01 to None."),
    ],
)
def test_bad_arguments_name_the_problem(nb: Any, call: str, message: str) -> None:
    host = nb.app(f"import nbfrag as st, datetime as dt\n{call}")
    assert message in repr(host)


def test_invalid_user_input_is_refused_and_the_widget_shows_the_last_value(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st\nn = st.number_input("N", 0, 10, 5)\nm = st.multiselect("M", [1, 2, 3], max_selections=2)\n'
        't = st.text_input("T", max_chars=3)\nst.write(f"n={n} m={m} t={t}")'
    )
    find(host, widgets.IntText).value = 50
    assert find(host, widgets.IntText).value == 5
    find(host, widgets.TagsInput).value = ["1", "2", "3"]
    assert find(host, widgets.TagsInput).value == []
    find(host, widgets.Text).value = "abcdef"
    assert find(host, widgets.Text).value == "abc"
    assert "n=5 m=[] t=abc" in repr(host)


def test_a_date_range_is_picked_one_end_at_a_time(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st, datetime as dt\n'
        'trip = st.date_input("Trip", (dt.date(2024, 1, 1), dt.date(2024, 1, 7)), key="trip")\n'
        'st.write(f"days={len(trip)}")'
    )
    start, end = [w for w in walk(host) if isinstance(w, widgets.DatePicker)]
    end.value = None  # the user clears the end, as while picking a new range
    assert st.session_state.trip == (dt.date(2024, 1, 1),) and "days=1" in repr(host)
    end.value = dt.date(2023, 12, 25)  # before the start: the range is put in order
    assert st.session_state.trip == (dt.date(2023, 12, 25), dt.date(2024, 1, 1))
    assert (start.value, end.value) == (dt.date(2023, 12, 25), dt.date(2024, 1, 1))


def test_number_input_may_start_empty_and_returns_none_until_a_number_is_typed(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st\nn = st.number_input("Age", value=None, min_value=0, max_value=150, placeholder="years")\n'
        'st.write(f"age={n!r}")'
    )
    field = find(host, widgets.Text, "Age")
    assert field.value == "" and field.placeholder == "years" and "age=None" in repr(host)
    field.value = "42"
    assert "age=42" in repr(host)
    field.value = "forty"  # not a number: refused, the field shows the last value
    assert field.value == "42"
    field.value = "200"  # out of range: refused
    assert field.value == "42"
    field.value = ""
    assert "age=None" in repr(host)


def test_options_change_keeps_a_still_valid_choice_and_resets_a_gone_one(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
options = st.session_state.get("options", ["a", "b", "c"])
choice = st.selectbox("Choice", options, key="choice")
st.write(f"choice={choice}")
if st.button("Rerun"):
    st.rerun()
"""
    )
    find(host, widgets.Dropdown).index = 2
    st.session_state.options = ["c", "d"]
    find(host, widgets.Button, "Rerun").click()
    assert "choice=c" in repr(host) and find(host, widgets.Dropdown).index == 0
    st.session_state.options = ["x", "y"]
    find(host, widgets.Button, "Rerun").click()
    assert "choice=x" in repr(host)


def test_selectbox_accepting_new_options_is_a_combo_box(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st\ncity = st.selectbox("City", ["Oslo", "Rome"], index=None, accept_new_options=True, '
        'placeholder="Pick or type")\nst.write(f"city={city!r}")'
    )
    combo = find(host, widgets.Combobox)
    assert combo.placeholder == "Pick or type" and "city=None" in repr(host)
    combo.value = "Rome"
    assert "city='Rome'" in repr(host)
    combo.value = "Lima"  # not an option: a new value
    assert "city='Lima'" in repr(host) and "City: Lima" in repr(host)


def test_multiselect_returns_options_in_picking_order(nb: Any) -> None:
    host = nb.app('import nbfrag as st\npicked = st.multiselect("Tags", ["a", "b", "c", "d"], default=["c"])\nst.write(f"picked={picked}")')
    box = find(host, widgets.TagsInput)
    assert box.allowed_tags == ["a", "b", "c", "d"]  # the type-ahead's suggestions
    box.value = ["c", "a"]  # "a" added to "c"
    assert "picked=['c', 'a']" in repr(host)
    box.value = ["c", "a", "b"]  # then "b"
    assert "picked=['c', 'a', 'b']" in repr(host)
    box.value = ["c", "b"]  # "a" removed
    assert "picked=['c', 'b']" in repr(host)


def test_options_may_be_any_objects_with_format_func_labels(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
people = [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Ada"}]
who = st.radio("Who", people, format_func=lambda p: p["name"])
st.write(f"id={who['id']}")
"""
    )
    radio = find(host, widgets.RadioButtons)
    assert radio.options == (("Ada", 0), ("Ada", 1))
    radio.index = 1
    assert "id=2" in repr(host)


def test_label_visibility_help_disabled_and_placeholder_reach_the_widget(nb: Any) -> None:
    host = nb.app(
        'import nbfrag as st\nst.text_input("Hidden", label_visibility="collapsed", help="why", '
        'placeholder="type here", disabled=True)'
    )
    text = find(host, widgets.Text)
    assert (text.description, text.tooltip, text.placeholder, text.disabled) == ("", "why", "type here", True)


def test_label_text_is_never_html(nb: Any) -> None:
    host = nb.app('import nbfrag as st\nst.checkbox("<img src=x onerror=alert(1)>")')
    box = find(host, widgets.Checkbox)
    assert box.description_allow_html is False
