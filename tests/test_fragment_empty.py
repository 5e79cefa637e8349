"""An `st.empty()` placeholder holds one element, also when a fragment rerun writes a container
into a placeholder created outside it (spec item 41; writes into other outside containers
still accumulate, item 45). The docs tutorial "Create a fragment across multiple containers"
relies on it: its placeholders keep the same cats however often the buttons are clicked."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import click, model_count

# streamlit/docs content/develop/tutorials/execution-flow/fragments/create-a-multiple-container-fragment.md,
# "Complete code", unchanged but for the import.
CATS = """
import nbfrag as st
import time

st.title("Cats!")

row1 = st.columns(3)
row2 = st.columns(3)

grid = [col.container(height=200) for col in row1 + row2]
safe_grid = [card.empty() for card in grid]


def black_cats():
    time.sleep(1)
    st.title("🐈‍⬛ 🐈‍⬛")
    st.markdown("🐾 🐾 🐾 🐾")


def orange_cats():
    time.sleep(1)
    st.title("🐈 🐈")
    st.markdown("🐾 🐾 🐾 🐾")


@st.fragment
def herd_black_cats(card_a, card_b, card_c):
    st.button("Herd the black cats")
    container_a = card_a.container()
    container_b = card_b.container()
    container_c = card_c.container()
    with container_a:
        black_cats()
    with container_b:
        black_cats()
    with container_c:
        black_cats()


@st.fragment
def herd_orange_cats(card_a, card_b, card_c):
    st.button("Herd the orange cats")
    container_a = card_a.container()
    container_b = card_b.container()
    container_c = card_c.container()
    with container_a:
        orange_cats()
    with container_b:
        orange_cats()
    with container_c:
        orange_cats()


with st.sidebar:
    herd_black_cats(grid[0].empty(), grid[2].empty(), grid[4].empty())
    herd_orange_cats(grid[1].empty(), grid[3].empty(), grid[5].empty())
    st.button("Herd all the cats")
"""


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tutorial sleeps a second per card to show progress; the test does not wait."""
    import time

    monkeypatch.setattr(time, "sleep", lambda seconds: None)


def test_the_multiple_container_tutorial_keeps_one_herd_per_card(app_test: Any, no_sleep: None) -> None:
    at = app_test.from_string(CATS).run()
    page = str(at)
    titles = [t.value for t in at.title]
    assert titles == ["Cats!"] + ["🐈‍⬛ 🐈‍⬛", "🐈 🐈"] * 3
    for button in ("Herd the black cats", "Herd the orange cats", "Herd the black cats", "Herd the black cats"):
        at.button(button).click()
        assert at.runs[-1].scope == "fragment"
        assert [t.value for t in at.title] == titles, f"after {button!r}"
        assert str(at) == page
    at.button("Herd all the cats").click()
    assert str(at) == page


def test_a_fragment_rerun_refills_the_containers_it_wrote_into_a_placeholder(nb: Any) -> None:
    # item 41: the placeholder shows what the last write put there, with the same widgets
    host = nb.app(
        """
import nbfrag as st
ss = st.session_state
ss.setdefault("n", 0)
slot = st.empty()

@st.fragment
def fill():
    st.button("again")
    ss.n += 1
    with slot.container():
        st.write(f"run {ss.n}")
        if ss.n % 2:
            st.write("odd runs only")

fill()
"""
    )
    assert repr(host).splitlines()[:2] == ["run 1", "odd runs only"]
    card = host.block.slots[0].block.slots[0].block
    first = card.slots[0].widget
    models = model_count()
    click("again")
    assert repr(host).splitlines()[0] == "run 2" and "odd runs only" not in repr(host)
    click("again")
    assert repr(host).splitlines()[:2] == ["run 3", "odd runs only"]
    assert card.slots[0].widget is first  # reconciled: the text element was reused
    assert model_count() == models


def test_a_placeholder_container_written_again_in_a_plain_cell_replaces_its_content(nb: Any) -> None:
    nb.run("import nbfrag as st\nplaceholder = st.empty()")
    nb.run("for i in range(3):\n    with placeholder.container():\n        st.write(f'tick {i}')\n        st.write('and more')\n")
    placeholder = nb.shell.user_ns["placeholder"]
    assert repr(placeholder) == "tick 2\nand more"


def test_writes_into_an_outside_container_in_a_placeholder_still_accumulate(nb: Any) -> None:
    # item 45 stays nbfrag's behaviour for containers: only the placeholder replaces
    host = nb.app(
        """
import nbfrag as st
box = st.empty().container()

@st.fragment
def log():
    st.button("again")
    box.write("line")

log()
"""
    )
    click("again")
    click("again")
    assert repr(host).splitlines()[:3] == ["line"] * 3
