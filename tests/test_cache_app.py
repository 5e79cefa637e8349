"""Caching inside `%%app` cells, in-process: the cache lives in the kernel across full reruns,
fragment reruns and re-executions of the cell; editing one function invalidates only it; hits
replay the elements the function drew; widgets in cached functions; the spinner.

Item numbers are those of section 3 of the next-wave spec (`streamlit-next-wave.md`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pytest
from conftest import click, model_count

import nbfrag as st
from nbfrag._flow.caching import cached
from nbfrag._runtime.runtime import runtime


@pytest.fixture(autouse=True)
def fresh_caches(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NBFRAG_CACHE_DIR", str(tmp_path / "disk"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def calls(nb: Any) -> list[Any]:
    """What the cached functions of the app computed, kept in the kernel's namespace."""
    found: list[Any] = []
    nb.shell.user_ns["calls"] = found
    return found


def lines(host: Any) -> list[str]:
    return repr(host).splitlines()


LOADER = """
import nbfrag as st

@st.cache_data
def load(n):
    calls.append(("load", n))
    st.caption(f"computed load({n})")
    return list(range(n))

@st.cache_resource
def model():
    calls.append(("model",))
    return object()

data = load(3)
st.write(f"rows {data}, model {id(model()) == id(model())}")
st.button("Rerun app", on_click=lambda: None)
if st.button("st.rerun"):
    st.rerun()
"""


# -- item 62 / "In Jupyter": the cache lives in the kernel ----------------------------------------


def test_item62_entries_survive_full_reruns_by_widget_and_by_st_rerun(nb: Any, calls: list[Any]) -> None:
    host = nb.app(LOADER)
    first = lines(host)
    assert first == ["computed load(3)", "rows [0, 1, 2], model True", "[Rerun app]", "[st.rerun]"]
    click("Rerun app")
    click("st.rerun")
    assert lines(host) == first  # the caption was replayed by every hit
    assert calls == [("load", 3), ("model",)]


def test_item43_reexecuting_the_app_cell_keeps_the_entries(nb: Any, calls: list[Any]) -> None:
    nb.app(LOADER, cell_id="cell-1")
    nb.app(LOADER, cell_id="cell-1")  # JupyterLab re-executing the cell: same app
    host = nb.app(LOADER)  # nbclient/Voila send no cell id: a new app, new compiled filename
    assert lines(host)[0] == "computed load(3)"
    assert calls == [("load", 3), ("model",)]


TWO_FUNCTIONS = """
import nbfrag as st

@st.cache_data
def a():
    calls.append("a")
    return "A"

@st.cache_data
def b():
    calls.append("b")
    return "B{version}"

st.write(a() + b())
"""


def test_item43_editing_one_function_recomputes_only_that_function(nb: Any, calls: list[Any]) -> None:
    host = nb.app(TWO_FUNCTIONS.format(version=1), cell_id="cell-2")
    nb.app(TWO_FUNCTIONS.format(version=1), cell_id="cell-2")
    assert calls == ["a", "b"]
    nb.app(TWO_FUNCTIONS.format(version=2), cell_id="cell-2")  # a constant edited in b only
    assert calls == ["a", "b", "b"] and lines(host) == ["AB2"]
    nb.app(TWO_FUNCTIONS.format(version=1), cell_id="cell-2")  # back: b's first entry is still there
    assert calls == ["a", "b", "b"] and lines(host) == ["AB1"]


# -- items 62, 65: replaying elements -----------------------------------------------------------


def test_item65_a_hit_replays_into_the_same_widgets(nb: Any, calls: list[Any]) -> None:
    host = nb.app(LOADER)
    caption = host.block.slots[0].widget
    click("Rerun app")
    before = model_count()
    click("Rerun app")
    assert host.block.slots[0].widget is caption  # reused, not redrawn
    assert model_count() == before  # steady state: no models created or closed


def test_item65_containers_made_inside_replay_with_their_contents(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.cache_data
def report():
    calls.append("report")
    left, right = st.columns(2)
    left.metric("Rows", 3)
    with right:
        st.write("right side")
    with st.expander("Details"):
        st.code("x = 1")
    placeholder = st.empty()
    placeholder.write("first")
    placeholder.write("second")
    return 3

report()
st.button("Rerun app")
"""
    )
    first = lines(host)
    assert first == [
        "columns:", "  column 1:", "    Rows: 3", "  column 2:", "    right side",
        "▸ Details:", "  x = 1", "second", "[Rerun app]",
    ]
    click("Rerun app")
    assert lines(host) == first and calls == ["report"]


def test_item65_a_function_called_in_two_places_draws_in_both(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.cache_data
def note():
    calls.append("note")
    st.write("inside")

with st.container(border=True):
    note()
st.write("between")
note()
"""
    )
    assert lines(host) == ["inside", "between", "inside"] and calls == ["note"]
    assert "inside" in repr(host.block.slots[0].widget.children[0])  # in the container


def test_item65_a_fresh_copy_of_a_container_is_built_where_the_hit_happens(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.cache_data
def details():
    calls.append("details")
    with st.expander("More", expanded=True):
        st.write("deep")

st.write("top")
if st.session_state.get("moved"):
    with st.container():
        details()
else:
    details()
if st.button("Move"):
    st.session_state.moved = True
    st.rerun()
"""
    )
    assert lines(host) == ["top", "▾ More:", "  deep", "[Move]"]
    click("Move")
    assert lines(host) == ["top", "▾ More:", "  deep", "[Move]"] and calls == ["details"]
    (box,) = [s for s in host.block.slots if s.key[0] == "container"]
    accordion = box.block.slots[0].widget
    assert isinstance(accordion, widgets.Accordion) and accordion.titles == ("More",)
    assert accordion.children[0].children  # the replayed text sits in the new expander's body


def test_item62_a_hit_in_a_fragment_rerun_replays_into_the_fragment(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.cache_data
def load(n):
    calls.append(n)
    st.caption(f"computed load({n})")
    return n

@st.fragment
def panel():
    st.button("Rerun fragment")
    st.write(f"value {load(1)}")

panel()
"""
    )
    first = lines(host)
    assert first == ["fragment panel:", "  [Rerun fragment]", "  computed load(1)", "  value 1"]
    click("Rerun fragment")
    click("Rerun fragment")
    assert lines(host) == first and calls == [1]


def test_item66_writing_into_an_outside_container_fails_on_the_first_hit(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st
box = st.container()

@st.cache_data
def f():
    calls.append("f")
    box.write("into the outside box")

f()
st.button("Rerun app")
"""
    )
    assert lines(host) == ["into the outside box", "[Rerun app]"]
    click("Rerun app")
    text = lines(host)
    assert text[0] == "nbfrag.errors.CacheReplayClosureError: While running `f()`, a streamlit element is called on some layout block"
    assert "* Remove the `@st.cache_data` decorator from `f()`." in text


def test_item67_widgets_in_cached_functions_warn_and_are_replayed(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.cache_data
def pick():
    calls.append("pick")
    return st.slider("Level", 0, 10, 5)

st.write(f"got {pick()}")
st.button("Rerun app")
"""
    )
    first = lines(host)
    assert first[0] == "nbfrag.errors.CachedWidgetWarning: Your script uses a widget command in a cached function"
    assert first[-3:] == ["Level: 5", "got 5", "[Rerun app]"]
    click("Rerun app")
    assert lines(host) == first and calls == ["pick"]  # warning and widget replayed, value cached


def test_item68_a_fragment_over_a_cached_body_replays_on_fragment_reruns(nb: Any, calls: list[Any]) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
@st.cache_data
def body():
    calls.append("body")
    st.write("cached body")

body()
st.button("Rerun app")
"""
    )
    click("Rerun app")
    assert lines(host) == ["fragment body:", "  cached body", "[Rerun app]"] and calls == ["body"]


def test_plain_cells_replay_too(nb: Any, calls: list[Any]) -> None:
    nb.run("import nbfrag as st\n@st.cache_data\ndef hello():\n    calls.append(1)\n    st.write('hello')\n")
    nb.run("hello()")
    nb.run("hello()")
    assert calls == [1] and [app.root.lines() for app in runtime.apps] == [["hello"], ["hello"]]


# -- item 63: the spinner -----------------------------------------------------------------------


SPINNERS = """
import nbfrag as st

@st.cache_data
def inner():
    seen.append(spinner_text())
    return 1

@st.cache_data
def outer(n):
    seen.append(spinner_text())
    return inner() + n

@st.cache_data(show_spinner="Loading the table...")
def custom():
    seen.append(spinner_text())

@st.cache_data(show_spinner=False)
def quiet():
    seen.append(spinner_text())

outer(1)
inner()
custom()
quiet()
outer(1)
"""


def test_item63_the_spinner_shows_while_a_miss_computes(nb: Any) -> None:
    seen: list[str | None] = []

    def spinner_text() -> str | None:
        """The spinner shown in the running block now, if any."""
        block = runtime.frame().block
        shown = [w for w in block.widget.children if w is block.transients.get("spinner")]
        return shown[0].value.split("<span>")[1].split("</span>")[0] if shown else None

    nb.shell.user_ns.update(seen=seen, spinner_text=spinner_text)
    nb.app(SPINNERS)
    assert seen == [
        "Running <code>outer(...)</code>.",  # with arguments
        "Running <code>outer(...)</code>.",  # a nested miss shows no spinner of its own
        "Loading the table...",
        None,
    ]  # and hits show none (`inner()` and the second `outer(1)` added nothing)


def test_item63_show_time_reaches_the_spinner(nb: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[tuple[str, bool]] = []
    real = cached.spinner

    def recording_spinner(text: str, *, show_time: bool = False) -> Any:
        used.append((text, show_time))
        return real(text, show_time=show_time)

    monkeypatch.setattr(cached, "spinner", recording_spinner)
    nb.app("import nbfrag as st\n@st.cache_data(show_time=True)\ndef f():\n    return 1\nf()\nf()\n")
    assert used == [("Running `f()`.", True)]


def test_item62_apptest_instances_share_the_process_caches() -> None:
    """As in Streamlit: a second AppTest of the same app finds the entries the first made."""
    from nbfrag.testing import AppTest

    source = """
import nbfrag as st
calls = st.session_state.setdefault("calls", [])

@st.cache_data
def f(n):
    calls.append(n)
    st.caption(f"computed {n}")
    return n

st.write(f"value {f(2)}")
"""
    first = AppTest.from_string(source).run()
    first.run()
    second = AppTest.from_string(source).run()
    assert first.session_state["calls"] == [2] and second.session_state["calls"] == []
    assert second.caption.values == ["computed 2"] and second.markdown.values == ["value 2"]
