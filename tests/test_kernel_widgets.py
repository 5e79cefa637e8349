"""Every input widget kind in a real ipykernel, changed over the widget protocol as a browser
changes it (`comm_msg` `update` with the trait's wire format).

For each change: only the widget's fragment reran (the app and a sibling fragment did not),
only models inside that fragment's area received updates, no model was opened or closed, and
the keyed value round-trips through Session State, in both directions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import descendants, run_app

APP = """
import nbfrag as st, datetime as dt
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

@st.fragment
def sibling():
    ss.sibling_runs = ss.get("sibling_runs", 0) + 1
    st.button("Sibling")

@st.fragment
def inputs():
    ss.runs = ss.get("runs", 0) + 1
    st.checkbox("Agree", key="agree")
    st.toggle("Live", key="live")
    st.radio("Pick", ["a", "b"], key="pick")
    st.selectbox("Size", [10, 20, 30], key="size")
    st.multiselect("Tags", ["x", "y", "z"], key="tags")
    st.slider("Level", 0, 10, 3, key="level")
    st.slider("Span", 0.0, 1.0, (0.2, 0.8), key="span")
    st.select_slider("Grade", ["S", "M", "L"], key="grade")
    st.number_input("Count", 0, 100, 5, key="count")
    st.text_input("Name", key="name")
    st.text_area("Notes", key="notes")
    st.date_input("Day", dt.date(2024, 1, 2), key="day")
    st.date_input("Trip", (dt.date(2024, 1, 1), dt.date(2024, 1, 7)), key="trip")
    st.time_input("At", dt.time(9, 0), key="at")
    st.color_picker("Ink", "#ff0000", key="ink")
    st.write(f"runs={ss.runs}")

sibling()
inputs()
"""

# description, model name, the state a browser sends, the key, repr of the value the app sees
CHANGES = [
    ("Agree", "CheckboxModel", {"value": True}, "agree", "True"),
    ("Live", "CheckboxModel", {"value": True}, "live", "True"),
    ("Pick", "RadioButtonsModel", {"index": 1}, "pick", "'b'"),
    ("Size", "DropdownModel", {"index": 2}, "size", "30"),
    ("Tags", "TagsInputModel", {"value": ["x", "z"]}, "tags", "['x', 'z']"),
    ("Level", "IntSliderModel", {"value": 8}, "level", "8"),
    ("Span", "FloatRangeSliderModel", {"value": [0.1, 0.5]}, "span", "(0.1, 0.5)"),
    ("Grade", "SelectionSliderModel", {"index": 2}, "grade", "'L'"),
    ("Count", "IntTextModel", {"value": 42}, "count", "42"),
    ("Name", "TextModel", {"value": "Ada"}, "name", "'Ada'"),
    ("Notes", "TextareaModel", {"value": "line 1\nline 2"}, "notes", "'line 1\\nline 2'"),
    ("Day", "DatePickerModel", {"value": {"year": 2025, "month": 4, "date": 6}}, "day", "datetime.date(2025, 5, 6)"),
    ("At", "TimeModel", {"value": {"hours": 17, "minutes": 30, "seconds": 0, "milliseconds": 0}}, "at", "datetime.time(17, 30)"),
    ("Ink", "ColorPickerModel", {"value": "#00ff00"}, "ink", "'#00ff00'"),
]


@pytest.fixture(scope="module")
def app(kd_widgets: KernelDriver) -> dict[str, Any]:
    host, _ = run_app(kd_widgets, APP)
    area = next(
        m for m in kd_widgets.find_models(_model_name="VBoxModel")
        if "nbfrag-fragment" in kd_widgets.models[m].get("_dom_classes", [])
        and kd_widgets.find_models(_model_name="CheckboxModel", description="Agree")[0] in descendants(kd_widgets, m)
    )
    return {"host": host, "area": area}


@pytest.fixture(scope="module")
def kd_widgets() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


@pytest.mark.parametrize("description, model_name, state, key, expected", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_reruns_only_its_fragment_and_round_trips_through_session_state(
    kd_widgets: KernelDriver, app: dict[str, Any], description: str, model_name: str, state: dict, key: str, expected: str
) -> None:
    kd = kd_widgets
    found = {"description": description} if model_name != "TagsInputModel" else {"allowed_tags": ["x", "y", "z"]}
    (model,) = kd.find_models(_model_name=model_name, **found)  # (the tags' label is a Label beside them)
    runs = kd.eval("st.session_state.runs")
    inside = descendants(kd, app["area"])

    result = kd.update(model, state)

    assert kd.eval_repr(f"st.session_state[{key!r}]") == expected
    assert kd.eval("(st.session_state.runs, st.session_state.app_runs, st.session_state.sibling_runs)") == (runs + 1, 1, 1)
    assert result.updated_model_ids <= inside, "a model outside the fragment was updated"
    assert not result.comm_opens and not result.comm_closes
    assert not result.errors


def test_a_date_range_end_picked_in_the_browser_round_trips(kd_widgets: KernelDriver, app: dict[str, Any]) -> None:
    kd = kd_widgets
    end = [m for m in kd.find_models(_model_name="DatePickerModel") if kd.models[m]["value"] == {"year": 2024, "month": 0, "date": 7}]
    runs = kd.eval("st.session_state.runs")
    result = kd.update(end[0], {"value": {"year": 2024, "month": 1, "date": 2}})
    assert kd.eval_repr("st.session_state.trip") == "(datetime.date(2024, 1, 1), datetime.date(2024, 2, 2))"
    assert kd.eval("st.session_state.runs") == runs + 1
    assert result.updated_model_ids <= descendants(kd, app["area"]) and not result.comm_opens


def test_session_state_assignment_reaches_the_frontend(kd_widgets: KernelDriver, app: dict[str, Any]) -> None:
    kd = kd_widgets
    level = kd.find_models(_model_name="IntSliderModel", description="Level")[0]
    name = kd.find_models(_model_name="TextModel", description="Name")[0]
    result = kd.execute("st.session_state.level = 2\nst.session_state.name = 'Grace'")
    assert kd.models[level]["value"] == 2 and kd.models[name]["value"] == "Grace"
    assert not result.comm_opens


def test_interactions_sent_while_the_kernel_is_busy_are_all_applied(kd_widgets: KernelDriver, app: dict[str, Any]) -> None:
    kd = kd_widgets
    kd.execute(
        "import time\n"
        "@st.fragment\n"
        "def slow():\n"
        "    if st.button('Slow +1'):\n"
        "        ss.slow = ss.get('slow', 0) + 1\n"
        "        time.sleep(0.05)\n"
        "    st.text_input('Echo', key='echo')\n"
        "slow()"
    )
    button = kd.find_models(_model_name="ButtonModel", description="Slow +1")[0]
    echo = kd.find_models(_model_name="TextModel", description="Echo")[0]
    for _ in range(5):
        kd.post_click(button)
    kd.post_update(echo, {"value": "typed while busy"})
    kd.post_click(button)
    # An execute request queues behind the comm messages: it answers after all of them ran.
    assert kd.eval("(ss.slow, ss.echo)") == (6, "typed while busy")
