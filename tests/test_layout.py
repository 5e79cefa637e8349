"""Layout blocks and `st.widget`, in-process: shapes that change between reruns leave nothing
behind, the `st.fragment` documentation's outside-container semantics, and the errors."""

from __future__ import annotations

from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets
from conftest import model_count
from test_widgets import find, walk

import nbfrag as st


def test_columns_tabs_expander_and_container_render_nested(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
left, right = st.columns([2, 1], gap="medium")
left.write("left side")
with right:
    st.write("right side")
with st.expander("Details", expanded=True):
    st.write("hidden text")
a, b = st.tabs(["Chart", "Data"])
b.write("rows")
with st.container(border=True):
    st.write("boxed")
"""
    )
    assert repr(host).splitlines() == [
        "columns:",
        "  column 1:",
        "    left side",
        "  column 2:",
        "    right side",
        "▾ Details:",
        "  hidden text",
        "tabs (open: Chart):",
        "  tab Chart:",
        "  tab Data:",
        "    rows",
        "boxed",
    ]
    grid = find(host, widgets.GridBox)
    assert grid.layout.grid_template_columns == "minmax(0, 2fr) minmax(0, 1fr)"
    assert grid.layout.grid_gap == "2rem"
    assert find(host, widgets.Tab).titles == ("Chart", "Data")
    assert find(host, widgets.Accordion).titles == ("Details",)


def test_layout_changes_shape_inside_a_fragment_without_leftovers(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def shapes():
    n = st.slider("Columns", 1, 4, 2)
    for i, col in enumerate(st.columns(n)):
        col.write(f"col {i}")
    for label, tab in zip(["A", "B", "C"][: 5 - n], st.tabs(["A", "B", "C"][: 5 - n])):
        tab.write(label)

shapes()
"""
    )
    slider = find(host, widgets.IntSlider)
    baseline = model_count()
    for n in (4, 1, 3, 2):
        slider.value = n
        columns = [w for w in walk(host) if "nbfrag-column" in w._dom_classes]
        assert len(columns) == n
        assert len(find(host, widgets.Tab).children) == min(5 - n, 3)
    assert model_count() == baseline  # same shape as at the start: no leftover models


def test_user_state_of_layout_survives_reruns(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def panel():
    with st.expander("More"):
        st.write("body")
    st.tabs(["One", "Two"])
    st.button("Rerun")

panel()
"""
    )
    accordion, tab = find(host, widgets.Accordion), find(host, widgets.Tab)
    accordion.selected_index, tab.selected_index = 0, 1  # the user opened them
    find(host, widgets.Button, "Rerun").click()
    assert find(host, widgets.Accordion) is accordion and accordion.selected_index == 0
    assert find(host, widgets.Tab) is tab and tab.selected_index == 1
    assert "tabs (open: Two):" in repr(host) and "▾ More:" in repr(host)


def test_empty_keeps_only_its_last_write_and_can_be_cleared(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
slot = st.empty()
for i in range(3):
    slot.write(f"step {i}")
other = st.empty()
other.write("gone")
other.empty()
st.write("end")
"""
    )
    assert repr(host).splitlines() == ["step 2", "end"]


def test_empty_written_from_a_plain_cell_replaces_as_it_goes(nb: Any) -> None:
    nb.run("import nbfrag as st\nplaceholder = st.empty()")
    placeholder = nb.shell.user_ns["placeholder"]
    models = model_count()
    for i in range(5):
        placeholder.text(f"tick {i}")
    assert repr(placeholder) == "tick 4"
    assert model_count() == models + 1  # one Html at a time (its Layout and Style are shared)


def test_fragment_writes_to_an_outside_container_accumulate_until_the_app_reruns(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
log = st.container()

@st.fragment
def worker():
    st.session_state.setdefault("n", 0)
    log.write(f"line {st.session_state.n}")
    if st.button("Work"):
        st.session_state.n += 1
    if st.button("Full rerun"):
        st.rerun()

worker()
"""
    )
    find(host, widgets.Button, "Work").click()
    find(host, widgets.Button, "Work").click()
    assert [line for line in repr(host).splitlines() if line.startswith("line")] == ["line 0", "line 0", "line 1"]
    find(host, widgets.Button, "Full rerun").click()
    assert [line for line in repr(host).splitlines() if line.startswith("line")] == ["line 2"]


def test_widget_into_an_outside_container_raises_streamlits_error(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
outside = st.container()

@st.fragment
def bad():
    outside.button("Nope")

bad()
st.write("not reached")
"""
    )
    text = repr(host)
    assert "StreamlitFragmentWidgetsNotAllowedOutsideError: Fragments cannot write widgets to outside containers." in text
    assert "not reached" not in text  # raised in the full run: the app stops there, as in Streamlit


def test_sidebar_is_a_left_column_and_refused_inside_a_fragment(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
st.sidebar.write("menu")

@st.fragment
def in_sidebar():
    st.button("Side button")

with st.sidebar:
    in_sidebar()

@st.fragment
def bad():
    st.sidebar.write("x")

bad()
"""
    )
    side, main = host.children
    assert "nbfrag-sidebar" in side._dom_classes and host.layout.flex_flow == "row"
    assert find(side, widgets.Button, "Side button")
    text = repr(host)
    assert text.startswith("sidebar:\n  menu\n  fragment in_sidebar:\n    [Side button]")
    assert "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported." in text
    assert "call your fragment function inside a `with st.sidebar` context manager" in text


def test_sidebar_is_redrawn_by_each_full_run(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
n = st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
if n == 0:
    st.sidebar.write("first run only")
st.button("Again")
"""
    )
    assert "first run only" in repr(host)
    side = host.children[0]
    assert side.layout.display is None
    find(host, widgets.Button, "Again").click()
    assert "first run only" not in repr(host)
    assert side.layout.display == "none"  # an empty sidebar is not shown


def test_layout_errors_name_the_fix(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st
for call in (lambda: st.columns(0), lambda: st.columns([1, -1]), lambda: st.tabs([]),
             lambda: st.tabs(["a", 1]), lambda: st.columns(2, gap="huge"), lambda: st.container().rerun):
    try:
        call()
    except Exception as exc:
        st.text(f"{type(exc).__name__}: {exc}")
"""
    )
    text = repr(host)
    assert text.count("The input argument to st.columns must be either a positive integer or a list of positive numeric weights") == 2
    assert "The input argument to st.tabs must contain at least one tab label" in text
    assert "The tabs input list to st.tabs is only allowed to contain strings" in text
    assert 'The gap argument to st.columns must be "small", "medium", or "large"' in text
    assert "'rerun' is not an element, so a container has no `.rerun()`" in text


# --------------------------------------------------------------------------------------------
# st.widget


class Counter(anywidget.AnyWidget):
    _esm = "export default { render({ model, el }) { el.textContent = model.get('count'); } }"
    count = traitlets.Int(0).tag(sync=True)


def test_any_core_widget_drives_its_fragment_and_is_kept(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st, ipywidgets as w
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def panel():
    value = st.widget(w.IntSlider(5, description="Core"))
    st.write(f"value={value}")

panel()
"""
    )
    slider = find(host, widgets.IntSlider, "Core")
    models = model_count()
    slider.value = 9
    assert "value=9" in repr(host) and st.session_state.app_runs == 1
    assert find(host, widgets.IntSlider, "Core") is slider  # kept; the new object was closed
    assert model_count() == models


def test_several_unkeyed_widgets_of_one_class_each_keep_their_value(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st, ipywidgets as w

@st.fragment
def panel():
    a = st.widget(w.IntSlider(1, description="A"))
    b = st.widget(w.IntSlider(2, description="B"))
    st.write(f"a={a} b={b}")

panel()
"""
    )
    find(host, widgets.IntSlider, "B").value = 5
    find(host, widgets.IntSlider, "A").value = 3
    assert "a=3 b=5" in repr(host)


def test_an_anywidget_reruns_on_the_traits_named_in_on(nb: Any) -> None:
    nb.shell.user_ns["Counter"] = Counter
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def panel():
    counter = st.widget(lambda: Counter(), on="count")
    st.write(f"count={counter.count}")

panel()
"""
    )
    counter = find(host, Counter)
    models = model_count()
    counter.count = 3  # as the browser would after a click in the anywidget
    assert "count=3" in repr(host)
    assert find(host, Counter) is counter and model_count() == models


def test_the_apps_own_trait_changes_do_not_rerun_it(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st, ipywidgets as w
runs = []
slider = w.IntSlider()

@st.fragment
def panel():
    st.widget(slider, on=["value", "max"])
    slider.max = 100 + len(runs)  # the fragment's own change: no rerun loop
    runs.append(slider.max)

panel()
"""
    )
    assert nb.shell.user_ns["runs"] == [100]
    find(host, widgets.IntSlider).value = 7  # the user's change: one rerun
    assert nb.shell.user_ns["runs"] == [100, 101]


def test_st_widget_errors(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st, ipywidgets as w
for call in (lambda: st.widget(42), lambda: st.widget(w.IntSlider(key_name := 1), on="nope")):
    try:
        call()
    except Exception as exc:
        st.text(f"{type(exc).__name__}: {exc}")
"""
    )
    text = repr(host)
    assert "st.widget() takes an ipywidgets widget (or a function returning one); got int: 42" in text
    assert "IntSlider has no trait 'nope' to watch with `on=`" in text
