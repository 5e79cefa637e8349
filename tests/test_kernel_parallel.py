"""Parallel fragments in a real ipykernel (issue #11 section 4): while a parallel fragment's
body is blocked on its worker thread, the kernel's main thread answers a click elsewhere (its
reply and its widget updates come at once), and the worker's own drawing reaches the frontend
when the body goes on. Concurrency is proven with an event the test opens, not with timings."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import run_app, text

APP = """
import nbfrag as st

@st.fragment(run_every=60, parallel=True)
def slow():
    st.session_state.slow_runs = st.session_state.get('slow_runs', 0) + 1
    started.set()
    assert gate.wait(30), 'the test never opened the gate'
    st.write(f'slow done {st.session_state.slow_runs}')

@st.fragment
def quick():
    if st.button('quick'):
        st.session_state.quick = st.session_state.get('quick', 0) + 1
    st.write(f"quick {st.session_state.get('quick', 0)}")

slow()
quick()
"""


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def wait_until(kd: KernelDriver, expr: str) -> None:
    """Poll the kernel until `expr` is true (a failure guard, not a measurement)."""
    deadline = time.monotonic() + 30
    while not kd.eval(expr):
        assert time.monotonic() < deadline, f"never true: {expr}"
        kd.drain(0.05)


def shown(kd: KernelDriver, needle: str) -> bool:
    """Whether some HTML model the frontend holds shows `needle`."""
    return bool(kd.find_models(_model_name="HTMLModel", value=lambda v: needle in str(v)))


def test_a_click_elsewhere_is_answered_while_a_parallel_body_is_blocked(kd: KernelDriver) -> None:
    kd.execute("import threading\ngate, started = threading.Event(), threading.Event()")
    host, _ = run_app(kd, APP)  # the cell ends although the parallel body is blocked
    wait_until(kd, "started.is_set() and not gate.is_set()")
    assert "slow done" not in text(kd, host)

    (quick,) = kd.find_models(_model_name="ButtonModel", description="quick")
    result = kd.click(quick)  # answered by the main thread while the worker waits
    assert kd.eval("gate.is_set()") is False
    assert any("quick 1" in str(state.get("value")) for _, state in result.updates)
    assert "quick 1" in text(kd, host)

    kd.execute("gate.set()")
    kd.wait_for(lambda: shown(kd, "slow done 1"))  # the worker's drawing reached the frontend

    # a tick is a rerun on the worker: the main thread answers it at once, and another click
    kd.execute("gate.clear(); started.clear()")
    (ticker,) = kd.find_models(_model_name="AnyModel", interval=60.0)
    kd.custom(ticker, {"event": "tick", "seq": kd.models[ticker]["seq"]})
    wait_until(kd, "started.is_set()")
    result = kd.click(quick)
    assert kd.eval("gate.is_set()") is False and "quick 2" in text(kd, host)
    kd.execute("gate.set()")
    kd.wait_for(lambda: shown(kd, "slow done 2"))


def test_st_rerun_in_a_parallel_fragment_reruns_the_app_on_the_main_thread(kd: KernelDriver) -> None:
    # the worker hands the full rerun to the kernel's event loop (no cell or click is running)
    host, _ = run_app(
        kd,
        "import threading\n"
        "import nbfrag as st\n"
        "st.session_state.full_runs = st.session_state.get('full_runs', 0) + 1\n"
        "st.session_state.full_thread = threading.current_thread().name\n"
        "@st.fragment(parallel=True)\n"
        "def again():\n"
        "    if st.session_state.full_runs == 1:\n"
        "        st.rerun()\n"
        "    st.write(f'full runs: {st.session_state.full_runs}')\n"
        "again()\n",
    )
    wait_until(kd, "st.session_state.get('full_runs') == 2")
    kd.wait_for(lambda: shown(kd, "full runs: 2"))
    assert kd.eval("st.session_state.full_thread") == "MainThread"
    assert "full runs: 2" in text(kd, host)
