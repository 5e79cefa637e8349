"""First render costs about one widget message per element (issue 15, section 1b), counted in a
real kernel over the widget protocol: each element's model opens with its final state (no
update follows it) and refers to shared Layout and Style models instead of opening its own.
Styling costs no message per click either."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from examples import FIRST_RENDER, FIRST_RENDER_ELEMENTS
from kernel_driver import ExecResult, KernelDriver

INPUTS_APP = """\
import nbfrag as st
st.text_input("Name", "Ada", key="name")
st.number_input("Count", 0, 10, 3)
st.selectbox("Colour", ["red", "green"], index=1)
st.checkbox("Ready", True)
st.button("Go", type="primary")
"""


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        driver.execute("import nbfrag as st\nst.text('warm up')")  # the shared Layout and Style
        yield driver


@pytest.fixture(scope="module")
def first(kd: KernelDriver) -> ExecResult:
    return kd.execute("%%app\n" + FIRST_RENDER.lstrip("\n"))


def widget_messages(result: ExecResult) -> int:
    return len(result.comm_opens) + len(result.comm_msgs)


def test_first_render_costs_at_most_one_and_a_half_messages_per_element(first: ExecResult) -> None:
    assert widget_messages(first) <= 1.5 * FIRST_RENDER_ELEMENTS


def test_a_text_line_is_one_model_opened_with_its_final_state(kd: KernelDriver, first: ExecResult) -> None:
    [(line, _, _)] = kd.find_text("line 7 at level 5")
    assert line in first.opened_model_ids
    assert line not in first.updated_model_ids  # no value or class update after it opened
    state = kd.models[line]
    assert "nbfrag-text" in state["_dom_classes"]
    [(other, _, _)] = kd.find_text("line 8 at level 5")
    assert state["layout"] == kd.models[other]["layout"]  # one shared Layout
    assert state["style"] == kd.models[other]["style"]  # and one shared Style
    assert state["layout"].removeprefix("IPY_MODEL_") not in first.opened_model_ids  # opened before


def test_inputs_open_with_their_value_label_and_classes(kd: KernelDriver) -> None:
    result = kd.execute("%%app\n" + INPUTS_APP)
    name = kd.find_model(_model_name="TextModel", description="Name")
    assert kd.models[name]["value"] == "Ada"
    assert {"nbfrag-input", "nbfrag-text-input"} <= set(kd.models[name]["_dom_classes"])
    go = kd.find_model(_model_name="ButtonModel", description="Go")
    assert "nbfrag-kind-primary" in kd.models[go]["_dom_classes"]
    drawn = [name, go, kd.find_model(_model_name="CheckboxModel", description="Ready")]
    drawn.append(kd.find_model(_model_name="DropdownModel", description="Colour"))
    assert not set(drawn) & result.updated_model_ids
    assert set(result.opened_model_ids) >= set(drawn)


def test_a_click_sends_no_styling_message(kd: KernelDriver, first: ExecResult) -> None:
    result = kd.click(kd.find_model(_model_name="ButtonModel", description="Count"))
    assert result.comm_opens == [] and result.updates == []  # nothing changed: nothing sent
