"""Dynamic containers (Streamlit 1.55+): `st.tabs`, `st.expander` with `on_change` track whether
they are open (`.open`), rerun when the visitor opens or closes them, run a callback first,
and with a `key` are read and set through Session State. Plus `st.container` alignment."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pytest
from conftest import click

from nbfrag._runtime.runtime import runtime

LAZY_TABS = """
import nbfrag as st
st.session_state.runs = st.session_state.get("runs", 0) + 1
cat, dog = st.tabs(["Cat", "Dog"], on_change="rerun")
if cat.open:
    with cat:
        st.write("This is the cat")
if dog.open:
    with dog:
        st.write("This is the dog")
st.write(f"runs: {st.session_state.runs}, cat open: {cat.open}")
"""


def find(host: Any, kind: type) -> Any:
    stack, found = [host], []
    while stack:
        widget = stack.pop(0)
        if isinstance(widget, kind):
            found.append(widget)
        stack.extend(getattr(widget, "children", ()))
    assert len(found) == 1, f"expected one {kind.__name__}, found {len(found)}"
    return found[0]


def test_tracked_tabs_rerun_when_switched_and_draw_only_the_open_tab(nb: Any) -> None:
    host = nb.app(LAZY_TABS)
    assert "This is the cat" in repr(host) and "This is the dog" not in repr(host)
    assert "runs: 1, cat open: True" in repr(host)
    tab = find(host, widgets.Tab)
    tab.selected_index = 1  # the visitor opens "Dog"
    assert find(host, widgets.Tab) is tab
    assert "This is the dog" in repr(host) and "This is the cat" not in repr(host)
    assert "runs: 2, cat open: False" in repr(host)
    assert "tabs (open: Dog):" in repr(host)


def test_untracked_tabs_do_not_rerun_and_have_no_open_state(nb: Any) -> None:
    host = nb.app(
        "import nbfrag as st\n"
        "st.session_state.runs = st.session_state.get('runs', 0) + 1\n"
        "a, b = st.tabs(['A', 'B'])\n"
        "st.write(f'runs: {st.session_state.runs}, open: {a.open}')\n"
    )
    find(host, widgets.Tab).selected_index = 1
    assert "runs: 1, open: None" in repr(host)


def test_tab_callback_runs_first_and_reads_the_key(nb: Any) -> None:
    host = nb.app(
        "import nbfrag as st\n"
        "def changed():\n"
        "    st.session_state.log = st.session_state.get('log', []) + [st.session_state.animal]\n"
        "def switch(to):\n"
        "    st.session_state.animal = to\n"
        "cat, dog, owl = st.tabs(['Cat', 'Dog', 'Owl'], on_change=changed, key='animal')\n"
        "st.button('Owl!', on_click=switch, args=('Owl',))\n"
        "st.write(f\"animal: {st.session_state.animal}, log: {st.session_state.get('log', [])}\")\n"
    )
    assert "animal: Cat, log: []" in repr(host)
    find(host, widgets.Tab).selected_index = 1
    assert "animal: Dog, log: ['Dog']" in repr(host)
    click("Owl!")  # programmatic: a callback assigns the key, the tab follows
    assert "animal: Owl, log: ['Dog']" in repr(host)
    assert find(host, widgets.Tab).selected_index == 2


def test_default_tab_is_open_on_first_draw(nb: Any) -> None:
    """The default tab is selected though the Tab's panes arrive only when the run commits."""
    for on_change in ("'ignore'", "'rerun'"):
        runtime.reset()
        host = nb.app(
            "import nbfrag as st\n"
            f"a, b, c = st.tabs(['A', 'B', 'C'], default='C', on_change={on_change})\n"
            "c.write('in C')\n"
        )
        assert find(host, widgets.Tab).selected_index == 2
        assert "tabs (open: C):" in repr(host)


def test_expander_with_key_is_toggled_through_session_state(nb: Any) -> None:
    host = nb.app(
        "import nbfrag as st\n"
        "def toggle():\n"
        "    st.session_state.details = not st.session_state.details\n"
        "exp = st.expander('Details', key='details', on_change='rerun')\n"
        "exp.write('inside')\n"
        "st.button('Toggle', on_click=toggle)\n"
        "st.write(f'open: {exp.open}')\n"
    )
    accordion = find(host, widgets.Accordion)
    assert "open: False" in repr(host) and accordion.selected_index is None
    click("Toggle")
    assert "open: True" in repr(host) and accordion.selected_index == 0
    accordion.selected_index = None  # the visitor closes it
    assert "open: False" in repr(host)


def test_panes_arriving_under_a_default_tab_cause_no_rerun(nb: Any) -> None:
    """Selecting the default tab when the panes arrive is the kernel drawing, not a visitor."""
    host = nb.app(LAZY_TABS.replace('on_change="rerun"', 'on_change="rerun", default="Dog"'))
    assert "runs: 1, cat open: False" in repr(host)
    assert "This is the dog" in repr(host)


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.tabs(['A'], on_change='sometimes')", 'on_change argument to st.tabs must be "ignore", "rerun" or a callable'),
        ("st.expander('E', on_change=3)", 'on_change argument to st.expander must be "ignore", "rerun"'),
        ("st.container(horizontal_alignment='middle')", "horizontal_alignment argument to st.container must be one of"),
        ("st.container(vertical_alignment='up')", "vertical_alignment argument to st.container must be one of"),
        ("st.expander('E', type='huge')", 'type argument to st.expander must be "default", "compact" or "step"'),
        ("st.tabs(['A'], key='t', bind='query-params')", "st.tabs(bind='query-params') is not supported by nbfrag yet"),
        ("st.container(True)", "takes 0 positional arguments"),
    ],
)
def test_bad_arguments_are_explained_in_place(nb: Any, call: str, message: str) -> None:
    host = nb.app(f"import nbfrag as st\n{call}\n")
    assert message in repr(host)


def test_horizontal_container_aligns_its_children(nb: Any) -> None:
    host = nb.app(
        "import nbfrag as st\n"
        "row = st.container(horizontal=True, horizontal_alignment='right', vertical_alignment='center')\n"
        "row.button('One')\n"
        "column = st.container(horizontal_alignment='center')\n"
        "column.button('Two')\n"
    )
    boxes = [w for w in host.children if "nbfrag-container" in w._dom_classes]
    assert boxes[0].layout.justify_content == "flex-end" and boxes[0].layout.align_items == "center"
    assert boxes[1].layout.justify_content is None and boxes[1].layout.align_items == "center"
