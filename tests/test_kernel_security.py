"""Forged widget messages and BaseExceptions in a real ipykernel (issue #11): what a visitor
sends outside what a widget allows is refused and the widget shows its last valid value, a
disabled widget ignores what it receives, nothing of the server (warnings, tracebacks) reaches
the page, and no BaseException reaches iopub as an `error`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import run_app, text

APP = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1

@st.fragment
def panel():
    ss.panel_runs = ss.get("panel_runs", 0) + 1
    st.number_input("Price", value=1.5, key="price")
    st.slider("Ratio", 0.0, 1.0, 0.5, key="ratio")
    st.multiselect("Tags", ["x", "y", "z"], ["x"], key="tags")
    st.button("Locked", disabled=True, on_click=lambda: ss.update(locked_clicked=True))
    st.text_input("Frozen", "ice", disabled=True, key="frozen")
    if st.button("Interrupt"):
        raise KeyboardInterrupt("stop it")
    if st.button("Exit"):
        raise SystemExit(4)
    st.write(f"price={ss.price} ratio={ss.ratio} tags={ss.tags}")

panel()
"""


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


@pytest.fixture(scope="module")
def host(kd: KernelDriver) -> str:
    model, _ = run_app(kd, APP)
    return model


def panel_runs(kd: KernelDriver) -> int:
    return int(kd.eval("st.session_state.panel_runs"))


def leaks(result) -> list[str]:
    """Server text (warnings, tracebacks, paths) the request sent to the page or its models."""
    sent = result.stdout + result.stderr + str(result.updates) + str(result.outputs)
    return [bad for bad in ("Warning", "Traceback", "site-packages", "/nbfrag/", "jupyter_client") if bad in sent]


@pytest.mark.parametrize("description, model_name, state, key, expected, shown", [
    ("Price", "FloatTextModel", {"value": float("nan")}, "price", "1.5", 1.5),
    ("Price", "FloatTextModel", {"value": float("inf")}, "price", "1.5", 1.5),
    ("Ratio", "FloatSliderModel", {"value": float("nan")}, "ratio", "0.5", 0.5),
    ("Tags", "TagsInputModel", {"value": ["y", "y"]}, "tags", "['x']", ["x"]),
    ("Tags", "TagsInputModel", {"value": ["q"]}, "tags", "['x']", ["x"]),  # the trait refuses it
    ("Price", "FloatTextModel", {"value": "cheap"}, "price", "1.5", 1.5),  # the trait refuses it
])
def test_a_forged_value_is_refused_shown_as_the_last_valid_one_and_leaks_nothing(
    kd: KernelDriver, host: str, description: str, model_name: str, state: dict, key: str, expected: str, shown
) -> None:
    found = {"description": description} if model_name != "TagsInputModel" else {"allowed_tags": ["x", "y", "z"]}
    (model,) = kd.find_models(_model_name=model_name, **found)  # (the tags' label is a Label beside them)
    runs = panel_runs(kd)
    result = kd.update(model, state, allow_error=True)
    assert kd.eval_repr(f"st.session_state[{key!r}]") == expected
    assert panel_runs(kd) == runs
    assert not result.errors and leaks(result) == []
    if shown is not None:
        assert kd.models[model][next(iter(state))] == shown


def test_a_disabled_button_ignores_a_forged_click(kd: KernelDriver, host: str) -> None:
    (model,) = kd.find_models(_model_name="ButtonModel", description="Locked")
    runs = panel_runs(kd)
    kd.update(model, {"disabled": False})
    result = kd.click(model)
    assert panel_runs(kd) == runs and not kd.eval("'locked_clicked' in st.session_state")
    assert kd.models[model]["disabled"] is True and not result.errors


def test_a_disabled_input_ignores_a_forged_edit_and_is_restored(kd: KernelDriver, host: str) -> None:
    (model,) = kd.find_models(_model_name="TextModel", description="Frozen")
    runs = panel_runs(kd)
    kd.update(model, {"disabled": False, "value": "melted"})
    assert kd.eval("st.session_state.frozen") == "ice" and panel_runs(kd) == runs
    assert kd.models[model]["value"] == "ice" and kd.models[model]["disabled"] is True


@pytest.mark.parametrize("label, shown", [("Interrupt", "KeyboardInterrupt: stop it"), ("Exit", "SystemExit: 4")])
def test_a_base_exception_is_drawn_in_the_fragment_never_sent_as_an_error(
    kd: KernelDriver, host: str, label: str, shown: str
) -> None:
    (model,) = kd.find_models(_model_name="ButtonModel", description=label)
    result = kd.click(model)
    assert not result.errors and "Traceback" not in result.stderr
    assert shown in text(kd, host)
    (price,) = kd.find_models(_model_name="FloatTextModel", description="Price")
    kd.update(price, {"value": 2.5})  # the rest keeps working
    assert kd.eval("st.session_state.price") == 2.5


def test_a_repr_that_raises_is_drawn_without_an_iopub_error(kd: KernelDriver) -> None:
    result = kd.execute(
        "%%app\nimport nbfrag as st\nclass Bad:\n    def _repr_html_(self):\n        raise ValueError('no html')\n"
        "st.write(Bad())\nst.write('after')\n"
    )
    assert not result.errors and "Traceback" not in result.stderr
    (model,) = result.displayed_model_ids
    assert "ValueError: no html" in text(kd, model)  # the error ends the run, as in Streamlit


def test_st_stop_in_a_plain_cell_is_silent_and_the_cell_succeeds(kd: KernelDriver) -> None:
    result = kd.execute("import nbfrag as st\nprint('before')\nst.stop()\nprint('after')\n")
    assert not result.errors and "before" in result.stdout and "after" not in result.stdout
    assert result.reply is not None and result.reply["status"] == "ok"


def test_under_voila_no_traceback_or_server_path_reaches_the_websocket() -> None:
    with KernelDriver(extra_env={"VOILA_KERNEL_ID": "visitor"}) as kd:
        kd.execute("%load_ext nbfrag")
        model, first = run_app(kd, APP)
        clicks = [kd.click(kd.find_models(_model_name="ButtonModel", description=label)[0])
                  for label in ("Exit", "Interrupt")]
        (price,) = kd.find_models(_model_name="FloatTextModel", description="Price")
        forged = [kd.update(price, {"value": value}, allow_error=True) for value in (float("nan"), "cheap")]
        for result in [first, *clicks, *forged]:
            sent = str(result.messages)
            assert not result.errors
            assert "Traceback" not in sent and "site-packages" not in sent and "File \"" not in sent
        shown = text(kd, model)
        assert "KeyboardInterrupt: stop it" in shown and "Traceback" not in shown
