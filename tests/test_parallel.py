"""Parallel fragments (`@st.fragment(parallel=True)`, spec item 70, issue #11 section 4): every
run of one happens on its worker thread, so the kernel's main thread handles other clicks
meanwhile. Concurrency is proven with events, never with timings: the fragment's body blocks
until the test lets it go, and a click elsewhere is handled (and drawn) in between."""

from __future__ import annotations

import threading
from typing import Any

from conftest import buttons, click, hosts, settle

from nbfrag._runtime.runtime import PARALLEL_OUTSIDE, runtime

WAIT = 20.0  # a failure guard only: nothing here waits this long when the code works


def lines(host: Any) -> list[str]:
    assert host.block is not None
    return host.block.lines()


SLOW_AND_QUICK = """
import threading
import nbfrag as st

@st.fragment(parallel=True)
def slow():
    started.set()
    assert gate.wait(20), 'the test never opened the gate'
    clicked = st.button('slow')  # read after the main thread handled another click
    print('slow printed')
    st.session_state.slow_thread = threading.current_thread().name
    st.write(f'slow done, clicked={clicked}')

@st.fragment
def quick():
    if st.button('quick'):
        st.session_state.quick = st.session_state.get('quick', 0) + 1
    print('quick printed')
    st.session_state.quick_thread = threading.current_thread().name
    st.write(f"quick {st.session_state.get('quick', 0)}")

st.write(f'returned {slow()!r}')
quick()
"""


def test_a_click_elsewhere_is_handled_while_a_parallel_body_runs(nb):
    started, gate = threading.Event(), threading.Event()
    nb.shell.user_ns.update(started=started, gate=gate)
    # the full run does not wait for the parallel body: the cell ends while it is blocked
    nb.shell.run_cell("%%app\n" + SLOW_AND_QUICK)
    assert started.wait(WAIT)
    host = hosts()[-1]
    assert "returned None" in lines(host) and "  quick 0" in lines(host)
    assert "slow done" not in "\n".join(lines(host))

    buttons("quick")[0].click()  # handled now, while the body is still blocked
    assert not gate.is_set()
    text = lines(host)
    assert "  quick 1" in text and "  quick printed" in text
    assert "slow printed" not in "\n".join(text)  # print() of the worker is not mixed in

    gate.set()
    settle()
    text = lines(host)
    i = text.index("fragment slow:")
    assert text[i + 1 : i + 4] == ["  [slow]", "  slow printed", "  slow done, clicked=False"]
    assert nb.shell.user_ns["st"].session_state.slow_thread.startswith("nbfrag parallel fragment")
    assert nb.shell.user_ns["st"].session_state.quick_thread == "MainThread"  # as before

    # its own widget's rerun runs on the worker too, with its one-run value (the click)
    gate.clear()
    started.clear()
    buttons("slow")[0].click()  # returns at once: the rerun is the worker's
    assert started.wait(WAIT)
    buttons("quick")[0].click()
    assert "  quick 2" in lines(host) and not gate.is_set()
    gate.set()
    settle()
    assert "  slow done, clicked=True" in lines(host)


def test_run_every_ticks_and_nested_fragments_run_on_the_worker(nb):
    host = nb.app(
        "import threading\n"
        "import nbfrag as st\n"
        "@st.fragment\n"
        "def inner():\n"
        "    if st.button('inner'):\n"
        "        st.session_state.inner = threading.current_thread().name\n"
        "@st.fragment(run_every=60, parallel=True)\n"
        "def ticking():\n"
        "    st.session_state.ticks = st.session_state.get('ticks', 0) + 1\n"
        "    st.session_state.where = threading.current_thread().name\n"
        "    st.write(f'ticks {st.session_state.ticks}')\n"
        "    inner()\n"
        "ticking()\n"
    )
    state = nb.shell.user_ns["st"].session_state
    assert "  ticks 1" in lines(host)
    ticker = next(s.widget for s in host.block.slots[0].block.slots if s.key[0] == "ticker")
    seq = ticker.seq
    ticker.tick()
    settle()
    assert "  ticks 2" in lines(host) and state.where.startswith("nbfrag parallel fragment")
    assert ticker.seq == seq + 1  # re-armed after the run, by the worker
    click("inner")
    assert state.inner.startswith("nbfrag parallel fragment")


def test_writing_outside_a_parallel_fragment_raises_streamlits_error(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "box = st.container()\n"
        "@st.fragment(parallel=True)\n"
        "def par():\n"
        "    st.write('inside')\n"
        "    with st.container():\n"
        "        st.write('in a container of its own')\n"
        "    box.write('outside')\n"
        "par()\n"
        "st.write('after')\n"
    )
    text = lines(host)
    assert text[:4] == ["fragment par:", "  inside", "  in a container of its own",
                        "  nbfrag.errors.StreamlitInvalidLayoutContextError: " + PARALLEL_OUTSIDE.splitlines()[0]]
    assert "outside" not in text and text[-1] == "after"  # the error does not stop the full run


def test_a_parallel_fragment_cannot_write_to_the_sidebar_or_open_a_dialog(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "@st.dialog('Hi')\n"
        "def hi():\n"
        "    st.write('hi')\n"
        "@st.fragment(parallel=True)\n"
        "def side():\n"
        "    st.sidebar.write('side')\n"
        "@st.fragment(parallel=True)\n"
        "def dia():\n"
        "    hi()\n"
        "side()\n"
        "dia()\n"
    )
    text = "\n".join(lines(host))
    assert "StreamlitAPIException: Calling `st.sidebar` in a function wrapped with `st.fragment`" in text
    assert "`@st.dialog` cannot be called from a parallel fragment during the initial page load" in text
    assert "  side" not in text and 'dialog "Hi"' not in text


def test_errors_stop_and_rerun_in_a_parallel_fragment(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "st.session_state.runs = st.session_state.get('runs', 0) + 1\n"
        "@st.fragment(parallel=True)\n"
        "def boom():\n"
        "    raise ValueError('boom')\n"
        "@st.fragment(parallel=True)\n"
        "def again():\n"
        "    if st.session_state.runs == 1:\n"
        "        st.rerun()\n"
        "    st.write(f'runs {st.session_state.runs}')\n"
        "boom()\n"
        "again()\n"
        "st.write('end')\n"
    )
    text = lines(host)
    assert text[:2] == ["fragment boom:", "  ValueError: boom"]  # drawn in its area
    assert "  runs 2" in text and text[-1] == "end"  # its st.rerun() reran the app, on the main thread
    assert nb.shell.user_ns["st"].session_state.runs == 2


def test_a_full_rerun_while_the_worker_runs_queues_a_fresh_run(nb):
    started, gate = threading.Event(), threading.Event()
    nb.shell.user_ns.update(started=started, gate=gate, calls=[])
    nb.shell.run_cell(
        "%%app\n"
        "import nbfrag as st\n"
        "st.button('full')\n"
        "@st.fragment(parallel=True)\n"
        "def slow(n):\n"
        "    calls.append(n)\n"
        "    started.set()\n"
        "    assert gate.wait(20)\n"
        "    st.write(f'drawn by run {n}')\n"
        "st.session_state.n = st.session_state.get('n', 0) + 1\n"
        "slow(st.session_state.n)\n"
    )
    assert started.wait(WAIT)
    host = hosts()[-1]
    buttons("full")[0].click()  # a full run: does not wait for the worker either
    assert nb.shell.user_ns["st"].session_state.n == 2 and not gate.is_set()
    gate.set()
    settle()
    assert nb.shell.user_ns["calls"] == [1, 2]  # the stale run ended, then the fresh one ran
    assert lines(host)[-2:] == ["fragment slow:", "  drawn by run 2"]


def test_parallel_fragments_in_apptest_finish_before_run_returns(app_test):
    at = app_test.from_string(
        "import nbfrag as st\n"
        "@st.fragment(parallel=True)\n"
        "def par():\n"
        "    st.markdown('par')\n"
        "    if st.button('again'):\n"
        "        st.markdown('clicked')\n"
        "par()\n"
    ).run()
    assert [m.value for m in at.markdown] == ["par"]
    at.button("again").click()
    assert [m.value for m in at.markdown] == ["par", "clicked"]
    assert [(r.scope, r.fragments) for r in at.runs] == [("app", ["par"]), ("fragment", ["par"])]


def test_session_state_iteration_is_a_snapshot(nb):
    state = runtime.session.state
    state["a"], state["b"] = 1, 2
    for key in state:  # another thread adding keys meanwhile must not break the loop
        state[key + "!"] = 0
    assert {"a", "b", "a!", "b!"} <= set(state)


def test_rerunning_a_keyed_parallel_fragment_from_a_callback_hands_it_to_its_worker(nb):
    started, gate = threading.Event(), threading.Event()
    gate.set()
    nb.shell.user_ns.update(started=started, gate=gate)
    host = nb.app(
        "import threading\n"
        "import nbfrag as st\n"
        "@st.fragment(key='par', parallel=True)\n"
        "def par():\n"
        "    started.set()\n"
        "    assert gate.wait(20)\n"
        "    st.session_state.par_thread = threading.current_thread().name\n"
        "    st.session_state.par_runs = st.session_state.get('par_runs', 0) + 1\n"
        "    st.write(f'par runs: {st.session_state.par_runs}')\n"
        "par()\n"
        "st.button('go', on_click=lambda: st.rerun('par'))\n"
    )
    assert "  par runs: 1" in lines(host)
    gate.clear()
    started.clear()
    buttons("go")[0].click()  # the click's dispatch hands the keyed rerun over and returns
    assert started.wait(WAIT) and not gate.is_set()
    gate.set()
    settle()
    assert "  par runs: 2" in lines(host)
    assert nb.shell.user_ns["st"].session_state.par_thread.startswith("nbfrag parallel fragment")
