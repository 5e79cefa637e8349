"""Forms in a real ipykernel, driven over the widget protocol as a browser drives them.

Changing a form's widgets (`comm_msg` `update`) runs nothing and sends no update (spec items
5, 7); a submit button's click is exactly one run of the right scope, the app's or the
fragment's (items 6, 20); Enter in a text field, as js/form.js reports it (a `custom`
message to the form's helper carrying the typed text), submits with that text (items 12, 21).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import button, descendants, fragment_area, run_app, text

APP = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1
with st.form("top"):
    name = st.text_input("Name", key="name")
    level = st.slider("Level", 0, 10, 3, key="level")
    st.form_submit_button("Send")
st.write(f"name={name} level={level}")

@st.fragment
def frag():
    ss.frag_runs = ss.get("frag_runs", 0) + 1
    with st.form("inner"):
        city = st.text_input("City", key="city")
        st.form_submit_button("Save")
    st.write(f"city={city}")

frag()
"""


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


@pytest.fixture(scope="module")
def app(kd: KernelDriver) -> dict[str, Any]:
    host, _ = run_app(kd, APP)
    return {"host": host, "fragment": fragment_area(kd, host)}


def model(kd: KernelDriver, name: str, description: str) -> str:
    (found,) = kd.find_models(_model_name=name, description=description)
    return found


def runs(kd: KernelDriver) -> tuple[int, int]:
    return kd.eval("(st.session_state.app_runs, st.session_state.frag_runs)")


def test_changing_form_widgets_runs_nothing_and_sends_nothing(kd: KernelDriver, app: dict[str, Any]) -> None:
    before = runs(kd)
    for result in (
        kd.update(model(kd, "TextModel", "Name"), {"value": "Ada"}),
        kd.update(model(kd, "IntSliderModel", "Level"), {"value": 8}),
        kd.update(model(kd, "TextModel", "City"), {"value": "Rome"}),
    ):
        assert result.updates == [] and not result.comm_opens and not result.errors
    assert runs(kd) == before
    assert kd.eval("(st.session_state.name, st.session_state.level, st.session_state.city)") == ("", 3, "")
    assert "Name: [Ada]" in text(kd, app["host"])  # the kernel's page shows the pending edit


def test_a_submit_is_one_run_of_the_app(kd: KernelDriver, app: dict[str, Any]) -> None:
    kd.update(model(kd, "TextModel", "Name"), {"value": "Bo"})
    kd.update(model(kd, "IntSliderModel", "Level"), {"value": 8})
    app_runs, frag_runs = runs(kd)
    result = kd.click(button(kd, "Send", app["host"]))
    assert not result.errors and not result.comm_opens
    assert runs(kd) == (app_runs + 1, frag_runs + 1)  # one full run (the fragment runs inline)
    assert kd.eval("(st.session_state.name, st.session_state.level)") == ("Bo", 8)
    assert "name=Bo level=8" in text(kd, app["host"])


def test_a_submit_in_a_fragment_reruns_only_the_fragment(kd: KernelDriver, app: dict[str, Any]) -> None:
    kd.update(model(kd, "TextModel", "City"), {"value": "Lima"})
    app_runs, frag_runs = runs(kd)
    result = kd.click(button(kd, "Save", app["fragment"]))
    assert runs(kd) == (app_runs, frag_runs + 1)
    assert result.updated_model_ids <= descendants(kd, app["fragment"])
    assert "city=Lima" in text(kd, app["fragment"])


def test_enter_in_a_text_field_submits_its_text(kd: KernelDriver, app: dict[str, Any]) -> None:
    inside = descendants(kd, app["fragment"])
    (helper,) = [m for m in kd.find_models(_model_name="AnyModel") if m in inside and "active" in kd.models[m]]
    assert kd.models[helper]["active"] is True
    city = model(kd, "TextModel", "City")
    app_runs, frag_runs = runs(kd)
    result = kd.custom(helper, {"event": "submit", "field": f"nbfrag-field-{city}", "value": "Oslo"})
    assert not result.errors
    assert runs(kd) == (app_runs, frag_runs + 1)
    assert kd.eval("st.session_state.city") == "Oslo"
    assert kd.models[city]["value"] == "Oslo"
