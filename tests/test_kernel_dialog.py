"""`@st.dialog` in a real ipykernel, driven over the widget protocol as a browser drives it:
a click opens the dialog (its modal widget says `is_open` and points at the body area), a
click inside reruns only the dialog's body, and the browser's dismissal message closes it
and reruns the opener (spec section 2, items 29, 32, 33)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import (
    assert_quiet_outside,
    button,
    descendants,
    run_app,
    text,
)

APP = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

@st.dialog("Rename", on_dismiss="rerun", dismissible=ss.get("dismissible", True))
def rename(plant):
    ss.dialog_runs = ss.get("dialog_runs", 0) + 1
    st.button("Inside")
    st.write(f"Renaming {plant}, dialog runs {ss.dialog_runs}")

@st.fragment
def opener():
    ss.opener_runs = ss.get("opener_runs", 0) + 1
    if st.button("Open"):
        rename("Fern")
    st.write(f"opener runs {ss.opener_runs}")

opener()
st.write(f"app runs {ss.app_runs}")
"""



def modal_of(kd: KernelDriver, host: str) -> str:
    """The app's modal widget: an anywidget among the app area's children."""
    (found,) = [m for m in kd.find_models(_model_name="AnyModel", title_html="Rename") if m in descendants(kd, host)]
    return found


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def body_of(kd: KernelDriver, modal: str) -> str:
    ref = kd.models[modal]["body"]
    assert isinstance(ref, str) and ref.startswith("IPY_MODEL_")
    return ref[len("IPY_MODEL_"):]


def test_open_click_inside_and_dismiss(kd):
    kd.execute("import nbfrag as st; st.session_state.clear()")
    host, _ = run_app(kd, APP)
    opened = kd.click(button(kd, "Open", host))
    assert opened.errors == []
    modal = modal_of(kd, host)  # the app's modal widget sits in the app's area
    state = kd.models[modal]
    assert (state["is_open"], state["dismissible"], state["mode"], state["width"]) == (True, True, "area", 500)
    body = body_of(kd, modal)
    assert text(kd, host).splitlines()[-3:] == [
        'dialog "Rename":',
        "  [Inside]",
        "  Renaming Fern, dialog runs 1",
    ]

    inside = kd.click(button(kd, "Inside", body))  # item 29: only the body reruns
    assert_quiet_outside(kd, inside, body)
    assert inside.updated_model_ids, "the body's text must change"
    assert kd.eval("(st.session_state.app_runs, st.session_state.opener_runs, st.session_state.dialog_runs)") == (1, 2, 2)

    # Item 33: the browser's dismissal closes the dialog and reruns only the opener fragment.
    dismissed = kd.custom(modal, {"event": "dismiss", "generation": kd.models[modal]["generation"]})
    assert dismissed.errors == []
    assert kd.models[modal]["is_open"] is False and kd.models[modal]["body"] is None
    assert not kd.is_open(body) and body in dismissed.closed_model_ids
    assert kd.eval("(st.session_state.app_runs, st.session_state.opener_runs)") == (1, 3)
    assert "dialog" not in text(kd, host)


def test_a_forged_dismissal_of_a_non_dismissible_dialog_is_ignored(kd):  # item 32
    kd.execute("import nbfrag as st; st.session_state.clear(); st.session_state.dismissible = False")
    host, _ = run_app(kd, APP)
    kd.click(button(kd, "Open", host))
    modal = modal_of(kd, host)
    assert kd.models[modal]["dismissible"] is False
    forged = kd.custom(modal, {"event": "dismiss", "generation": kd.models[modal]["generation"]})
    assert forged.updates == [] and forged.comm_closes == [] and forged.errors == []
    assert kd.models[modal]["is_open"] is True
    assert kd.eval("st.session_state.opener_runs") == 2
    assert text(kd, host).splitlines()[-3] == 'dialog "Rename":'
