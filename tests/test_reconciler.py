"""The reconciler (`Block`, `Slot`, `close_widget`, `outputs_text`) on its own: plain ipywidgets
Boxes, no IPython shell, no kernel (widgets open a dummy comm without one).

A "run" here is what the runtime does around app or fragment code: `begin()`, `place(...)` the
elements in order, `commit()`. `draw` places one HTML element whose text is its label.

Checked against these deliberate breakages of nbfrag/_runtime/reconciler.py (each made at least
one test here fail, then was reverted):
- `Block.begin_append` resetting `self._counts` to an empty Counter instead of counting the
  shown slots (an element appended outside a run replaced the first of its kind);
- `Block.flush` without `self.parent.flush()` (a spinner in a nested block not shown upward);
- `Block.flush` leaving out the pending (not yet reached) slots;
- `Block.place` calling `update` without comparing `props` (`if update is not None:`);
- `Block.place` dropping the `id(slot) in self._placed` guard (a repeated key shares a widget);
- `Block.place` showing the children after every element, not only when appending;
- `close_widget` closing only the widget, not its Layout/Style models;
- `Block.commit` treating `complete=False` as complete (unreached elements closed);
- `Block.commit` not committing adopted child blocks;
- `Block.commit` not publishing captured outputs;
- `Block.append_output` never merging stream text;
- `Block.clear_outputs` not publishing while appending (a real bug, fixed with this module);
- `Block.extra` not showing a new extra outside a run;
- `Block.dispose` not closing transients; `Slot.dispose` not calling `on_dispose`;
- `Slot.lines` listing hidden slots, or giving a headless container a level of its own;
- `Block.lines` listing an empty sidebar.
Not checkable from Python: the equality checks before setting `children`/`outputs` (traitlets
already sends nothing when an equal value is set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

from nbfrag._runtime.reconciler import Block, Slot, close_widget, outputs_text


@pytest.fixture(autouse=True)
def _close_leftovers() -> Iterator[None]:
    """Close the models a test left open, so model counts elsewhere are not disturbed."""
    before = set(_instances)
    yield
    for model_id in set(_instances) - before:
        widget = _instances.get(model_id)
        if widget is not None:
            widget.close()


# -- helpers -------------------------------------------------------------------------------
def draw(
    block: Block,
    label: str,
    kind: str = "text",
    identity: Any = None,
    *,
    updates: list[str] | None = None,
    creates: list[str] | None = None,
    props: Any = "label",
) -> Slot:
    """Place an HTML element showing `label`; `updates`/`creates` log the calls made."""

    def create() -> widgets.HTML:
        if creates is not None:
            creates.append(label)
        return widgets.HTML()

    def update(widget: widgets.HTML) -> None:
        if updates is not None:
            updates.append(label)
        widget.value = label

    return block.place(
        kind, identity, create, update, text=lambda: label, props=label if props == "label" else props
    )


def run(block: Block, *labels: str, complete: bool = True) -> list[Slot]:
    """One run of code drawing `labels` (all of kind "text") into `block`."""
    block.begin()
    slots = [draw(block, label) for label in labels]
    block.commit(complete)
    return slots


def container(block: Block, head: str = "", box: Callable[[], widgets.Box] = widgets.VBox) -> Block:
    """A layout element with a nested block, as `st.container`/`st.expander` place one."""
    slot = block.place("container", None, box, text=lambda: head)
    if slot.block is None:
        slot.block = Block(slot.widget, parent=block)
    block.adopt(slot.block)
    return slot.block


def stream(text: str, name: str = "stdout") -> dict[str, Any]:
    return {"output_type": "stream", "name": name, "text": text}


def display(plain: str) -> dict[str, Any]:
    return {"output_type": "display_data", "data": {"text/plain": plain}, "metadata": {}}


def models(widget: widgets.Widget) -> list[str]:
    """The model ids of a widget and of its Layout/Style, read while they are open."""
    parts = [widget] + [getattr(widget, n) for n in ("layout", "style") if widget.has_trait(n)]
    return [part.model_id for part in parts]


def is_closed(model_ids: list[str]) -> bool:
    return not any(model_id in _instances for model_id in model_ids)


def labels(block: Block) -> list[str]:
    return [slot.widget.value for slot in block.slots]


def watch(widget: widgets.Widget, name: str | None = None) -> list[str]:
    """Record the names of the traits that change on `widget` (each would be a message)."""
    seen: list[str] = []
    widget.observe(lambda change: seen.append(change["name"]), names=name if name else None)
    return seen


# -- reuse by key --------------------------------------------------------------------------
def test_the_same_key_next_run_reuses_the_same_widget_object() -> None:
    block = Block(widgets.VBox())
    creates: list[str] = []
    block.begin()
    first = draw(block, "a", creates=creates)
    block.commit()
    block.begin()
    again = draw(block, "a", creates=creates)
    block.commit()
    assert again is first and again.widget is first.widget
    assert again.key == ("text", None, 0)
    assert creates == ["a"]
    assert first.widget.comm is not None


def test_update_is_skipped_when_props_are_unchanged_and_called_when_they_change() -> None:
    block = Block(widgets.VBox())
    updates: list[str] = []
    block.begin()
    slot = draw(block, "a", updates=updates)
    block.commit()
    sent = watch(slot.widget)

    block.begin()
    assert draw(block, "a", updates=updates) is slot
    block.commit()
    assert updates == ["a"] and sent == []

    block.begin()
    assert draw(block, "b", updates=updates) is slot
    block.commit()
    assert updates == ["a", "b"] and sent == ["value"]
    assert slot.widget.value == "b" and slot.props == "b"


def test_update_runs_every_time_when_no_props_are_given() -> None:
    block = Block(widgets.VBox())
    updates: list[str] = []
    for _ in range(3):
        block.begin()
        draw(block, "a", updates=updates, props=None)
        block.commit()
    assert updates == ["a", "a", "a"]


def test_the_nth_element_of_a_kind_and_identity_is_keyed_by_its_position() -> None:
    block = Block(widgets.VBox())
    block.begin()
    a, b = draw(block, "a"), draw(block, "b")
    one, two = draw(block, "k1", "button", "w1"), draw(block, "k2", "button", "w2")
    other = draw(block, "o", "markdown")
    block.commit()
    assert [s.key for s in (a, b, one, two, other)] == [
        ("text", None, 0),
        ("text", None, 1),
        ("button", "w1", 0),
        ("button", "w2", 0),
        ("markdown", None, 0),
    ]
    assert a.widget is not b.widget

    a2, b2 = run(block, "a2", "b2")  # same positions: same widgets, new values
    assert (a2.widget, b2.widget) == (a.widget, b.widget)
    assert labels(block) == ["a2", "b2"]

    gone = models(b.widget)
    (only,) = run(block, "x")  # one of that kind now: the first is kept, the second closed
    assert only.widget is a.widget and only.widget.comm is not None
    assert is_closed(gone)


def test_a_key_drawn_twice_in_one_run_gets_a_second_widget() -> None:
    """Even a repeated key (possible from a subclass that resets the counts) never shares a widget."""
    block = Block(widgets.VBox())
    block.begin()
    first = draw(block, "a")
    block._counts.clear()
    second = draw(block, "b")
    block.commit()
    assert second.key == first.key and second.widget is not first.widget
    assert tuple(block.widget.children) == (first.widget, second.widget)


# -- committing ----------------------------------------------------------------------------
def test_commit_closes_what_was_not_drawn_again_with_its_layout_and_style() -> None:
    block = Block(widgets.VBox())
    block.begin()
    kept = draw(block, "kept")
    button = block.place("button", "w", lambda: widgets.Button(description="go"))
    block.commit()
    gone = models(button.widget)
    assert len(gone) == 3 and not is_closed(gone)

    run(block, "kept")
    assert button.widget.comm is None
    assert button.widget.layout.comm is None and button.widget.style.comm is None
    assert is_closed(gone)
    assert block.slots == [kept] and tuple(block.widget.children) == (kept.widget,)
    assert kept.widget.comm is not None and kept.widget.layout.comm is not None


def test_close_widget_closes_layout_and_style_and_copes_with_neither() -> None:
    button = widgets.Button()
    box = widgets.VBox()  # a Layout, no Style
    plain = widgets.Output()
    ids = models(button) + models(box) + models(plain)
    for widget in (button, box, plain):
        close_widget(widget)
    assert is_closed(ids)


def test_commit_sets_the_children_once_and_only_when_they_change() -> None:
    box = widgets.VBox()
    block = Block(box)
    changes = watch(box, "children")
    a, b, c = run(block, "a", "b", "c")
    assert changes == ["children"]
    assert tuple(box.children) == (a.widget, b.widget, c.widget)

    run(block, "a", "b", "c")
    run(block, "a", "B", "c")  # a changed value is sent by the element, not by the Box
    assert changes == ["children"]
    assert b.widget.value == "B"

    run(block, "a", "b")
    assert changes == ["children", "children"]
    assert tuple(box.children) == (a.widget, b.widget)


def test_an_interrupted_run_keeps_the_elements_it_did_not_reach_after_the_ones_it_drew() -> None:
    block = Block(widgets.VBox())
    a, b, c = run(block, "a", "b", "c")
    block.begin()
    new = draw(block, "x", "markdown")
    draw(block, "a")
    block.commit(complete=False)
    assert block.slots == [new, a, b, c]
    assert tuple(block.widget.children) == (new.widget, a.widget, b.widget, c.widget)
    assert all(s.widget.comm is not None for s in (a, b, c))

    block.begin()  # the rerun that follows reuses them, and closes what it does not draw
    again = draw(block, "x", "markdown")
    block.commit()
    assert again is new
    assert all(s.widget.comm is None for s in (a, b, c))


def test_a_block_without_a_widget_is_reconciled_too() -> None:
    """A plain cell's block has no Box: the same keys and closing, nothing to show."""
    block = Block(None)
    a, b = run(block, "a", "b")
    (again,) = run(block, "a")
    assert again is a and block.slots == [a]
    assert b.widget.comm is None
    block.begin()
    draw(block, "late")
    block.flush(extra=[widgets.HTML()])  # nothing to show into: no error
    block.commit()
    assert block.lines() == ["late"]


# -- nested blocks -------------------------------------------------------------------------
def test_an_adopted_block_is_reconciled_with_its_parents_run() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    child = container(parent, "box:")
    x, y = draw(child, "x"), draw(child, "y")
    assert child.running
    parent.commit()
    assert not child.running
    assert child.slots == [x, y] and tuple(child.widget.children) == (x.widget, y.widget)
    assert parent.lines() == ["box:", "  x", "  y"]

    parent.begin()
    assert container(parent, "box:") is child
    draw(child, "x")
    parent.commit()
    assert child.slots == [x] and y.widget.comm is None
    assert tuple(child.widget.children) == (x.widget,)


def test_an_interrupted_parent_run_keeps_what_its_adopted_block_did_not_reach() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    child = container(parent)
    x, y = draw(child, "x"), draw(child, "y")
    parent.commit()
    parent.begin()
    container(parent)
    draw(child, "x")
    parent.commit(complete=False)
    assert child.slots == [x, y] and y.widget.comm is not None


def test_a_nested_block_not_drawn_again_is_closed_with_everything_in_it() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    child = container(parent)
    inner = container(child)
    x = draw(inner, "x")
    parent.commit()
    gone = models(child.widget) + models(inner.widget) + models(x.widget)

    (z,) = run(parent, "z")
    assert is_closed(gone)
    assert child.slots == [] and inner.slots == []
    assert parent.slots == [z] and tuple(parent.widget.children) == (z.widget,)


def test_adopt_outside_the_parents_run_leaves_the_child_to_append() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    child = container(parent)
    draw(child, "x")
    parent.commit()
    parent.adopt(child)  # not running: nothing begins
    assert not child.running
    late = draw(child, "late")  # written from outside: appended, shown at once
    assert [s.widget.value for s in child.slots] == ["x", "late"]
    assert tuple(child.widget.children)[-1] is late.widget


# -- appending outside a run ---------------------------------------------------------------
def test_elements_written_outside_a_run_accumulate_and_counts_continue() -> None:
    box = widgets.VBox()
    block = Block(box)
    (a,) = run(block, "a")
    b = draw(block, "b")  # no run: append
    assert b.key == ("text", None, 1) and b.widget is not a.widget
    assert block.slots == [a, b] and tuple(box.children) == (a.widget, b.widget)
    assert a.widget.comm is not None and a.widget.value == "a"
    c = draw(block, "c")
    assert c.key == ("text", None, 2)
    assert labels(block) == ["a", "b", "c"] and tuple(box.children) == (a.widget, b.widget, c.widget)

    block.begin()  # the owner runs again: the appended elements are reused by key, or closed
    a2, b2 = draw(block, "a"), draw(block, "b")
    block.commit()
    assert (a2, b2) == (a, b)
    assert c.widget.comm is None and block.slots == [a, b]


def test_an_appending_block_is_not_committed_by_its_parents_run() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    child = container(parent)
    draw(child, "x")
    parent.commit()
    parent.begin()
    container(parent)  # adopted: begins a run of the child
    child.begin_append()  # ...which a write from outside turns into appending
    late = draw(child, "late")
    parent.commit()
    assert child.running  # still appending: the parent's commit left it alone
    assert labels(child) == ["x", "late"] and late.widget.comm is not None


# -- captured outputs ----------------------------------------------------------------------
def test_consecutive_outputs_share_one_output_widget_and_stream_text_merges() -> None:
    block = Block(widgets.VBox())
    block.begin()
    block.append_output(stream("a\n"))
    block.append_output(stream("b\n"))
    block.append_output(stream("oops\n", "stderr"))
    block.append_output(display("42"))
    block.append_output(stream("c\n"))
    x = draw(block, "x")
    assert block.widget.children == ()  # shown by the commit, not per write
    block.append_output(stream("after\n"))
    block.commit()
    out1, shown_x, out2 = block.slots
    assert shown_x is x
    assert isinstance(out1.widget, widgets.Output) and isinstance(out2.widget, widgets.Output)
    assert out1.widget is not out2.widget
    assert (out1.key, out2.key) == (("output", None, 0), ("output", None, 1))
    assert out1.outputs == [stream("a\nb\n"), stream("oops\n", "stderr"), display("42"), stream("c\n")]
    assert out1.widget.outputs == tuple(out1.outputs)
    assert out2.widget.outputs == (stream("after\n"),)
    assert block.lines() == ["a", "b", "oops", "42", "c", "x", "after"]


def test_outputs_are_published_at_commit_and_only_when_they_changed() -> None:
    block = Block(widgets.VBox())

    def printing(text: str) -> tuple[Slot, tuple[dict[str, Any], ...]]:
        block.begin()
        block.append_output(stream(text))
        mid_run = block._next[-1].widget.outputs if block._next else ()
        block.commit()
        return block.slots[0], mid_run

    first, mid_run = printing("a\n")
    assert mid_run == () and first.widget.outputs == (stream("a\n"),)
    sent = watch(first.widget, "outputs")
    again, _ = printing("a\n")
    assert again is first and sent == []
    changed, mid_run = printing("b\n")
    assert changed is first and sent == ["outputs"]
    assert mid_run == (stream("a\n"),)  # the old text stays until the run commits
    assert first.widget.outputs == (stream("b\n"),)


def test_clear_outputs_forgets_only_the_outputs_at_the_cursor() -> None:
    block = Block(widgets.VBox())
    block.begin()
    block.append_output(stream("before\n"))
    draw(block, "x")
    block.clear_outputs()  # nothing captured at the cursor: the earlier output stays
    block.append_output(stream("a\n"))
    block.clear_outputs()
    block.append_output(stream("b\n"))
    block.commit()
    assert block.lines() == ["before", "x", "b"]
    assert block.slots[2].widget.outputs == (stream("b\n"),)


def test_outputs_written_outside_a_run_are_published_at_once() -> None:
    block = Block(widgets.VBox())
    run(block, "a")
    block.append_output(stream("x\n"))
    block.append_output(stream("y\n"))
    out = block.slots[-1]
    assert out.widget.outputs == (stream("x\ny\n"),)
    assert tuple(block.widget.children) == (block.slots[0].widget, out.widget)
    block.clear_outputs()
    assert out.widget.outputs == ()
    assert block.lines() == ["a", ""]


def test_publish_outputs_sends_a_capture_slots_outputs_once() -> None:
    plain = Slot(("text", None, 0), widgets.Output())
    plain.publish_outputs()  # not a capture slot: nothing to send
    assert plain.widget.outputs == ()

    slot = Slot(("output", None, 0), widgets.Output(), outputs=[stream("hi\n")])
    sent = watch(slot.widget, "outputs")
    slot.publish_outputs()
    slot.publish_outputs()
    assert sent == ["outputs"] and slot.widget.outputs == (stream("hi\n"),)
    slot.outputs[0]["text"] += "more\n"  # published as copies: later edits are not shared
    assert slot.widget.outputs == (stream("hi\n"),)
    slot.publish_outputs()
    assert sent == ["outputs", "outputs"] and slot.widget.outputs == (stream("hi\nmore\n"),)


def test_outputs_text_reads_streams_and_plain_text_of_displays() -> None:
    assert outputs_text([]) == ""
    assert (
        outputs_text(
            [
                stream("line 1\nline 2\n\n"),
                display("<Figure>"),
                {"output_type": "display_data", "data": {"image/png": "..."}, "metadata": {}},
                stream("err\n", "stderr"),
            ]
        )
        == "line 1\nline 2\n<Figure>\n\nerr"
    )


# -- flush, extras, transients, dispose ----------------------------------------------------
def test_flush_shows_placed_then_extra_then_pending_and_updates_the_parent() -> None:
    parent = Block(widgets.VBox())
    parent.begin()
    top = draw(parent, "top")
    child = container(parent)
    x, y = draw(child, "x"), draw(child, "y")
    bottom = draw(parent, "bottom")
    parent.commit()

    spinner = widgets.HTML("working")
    parent.begin()
    draw(parent, "top")
    new = draw(parent, "new", "markdown")
    container(parent)
    fresh = draw(child, "fresh", "markdown")
    child.flush(extra=[spinner])
    holder = parent.slots[1].widget
    assert tuple(child.widget.children) == (fresh.widget, spinner, x.widget, y.widget)
    assert tuple(parent.widget.children) == (top.widget, new.widget, holder, bottom.widget)
    child.flush()
    assert tuple(child.widget.children) == (fresh.widget, x.widget, y.widget)
    parent.commit()
    assert tuple(parent.widget.children) == (top.widget, new.widget, holder)


def test_flush_outside_a_run_shows_nothing_new() -> None:
    block = Block(widgets.VBox())
    (a,) = run(block, "a")
    changes = watch(block.widget, "children")
    block.flush(extra=[widgets.HTML("spinner")])
    assert changes == [] and tuple(block.widget.children) == (a.widget,)


def test_an_extra_stays_after_the_slots_for_the_blocks_lifetime() -> None:
    box = widgets.VBox()
    block = Block(box)
    (a,) = run(block, "a")
    made: list[widgets.Widget] = []

    def create() -> widgets.Widget:
        made.append(widgets.HTML("toaster"))
        return made[-1]

    toaster = block.extra("toaster", create)
    assert tuple(box.children) == (a.widget, toaster)  # outside a run: shown at once
    assert block.extra("toaster", create) is toaster and len(made) == 1

    block.begin()
    b = draw(block, "b", "markdown")
    balloons = block.extra("balloons", lambda: widgets.HTML("balloons"))
    assert tuple(box.children) == (a.widget, toaster)  # mid-run: shown by the commit
    block.commit()
    assert tuple(box.children) == (b.widget, toaster, balloons)
    assert block.lines() == ["b"]  # extras are helpers, not elements
    assert toaster.comm is not None and a.widget.comm is None


def test_dispose_closes_slots_nested_blocks_extras_and_transients() -> None:
    block = Block(widgets.VBox())
    block.begin()
    a = draw(block, "a")
    child = container(block, "box:")
    x = draw(child, "x")
    block.commit()
    released: list[str] = []
    block.slots[1].on_dispose.append(lambda: released.append("container"))
    toaster = block.extra("toaster", widgets.HTML)
    spinner = block.transients["spinner"] = widgets.HTML("working")
    gone = [m for w in (a.widget, child.widget, x.widget, toaster, spinner) for m in models(w)]

    block.dispose()
    assert is_closed(gone)
    assert released == ["container"]
    assert block.slots == [] and block.extras == {} and block.transients == {}
    assert child.slots == [] and block.lines() == []


# -- the text form -------------------------------------------------------------------------
def test_lines_nest_containers_and_skip_hidden_slots_and_transparent_levels() -> None:
    block = Block(None)
    block.begin()
    draw(block, "# Title")
    ticker = block.place("ticker", None, widgets.HTML, text=lambda: "tick")
    ticker.hidden = True
    expander = container(block, "▾ Details:")
    draw(expander, "a")
    draw(expander, "b\nc")
    inner = container(expander, "columns:")
    draw(inner, "deep")
    plain = container(block)  # st.container: no level of its own
    draw(plain, "inside")
    block.place("html", None, widgets.HTML)  # no text: one empty line
    block.commit()
    assert block.lines() == [
        "# Title",
        "▾ Details:",
        "  a",
        "  b",
        "  c",
        "  columns:",
        "    deep",
        "inside",
        "",
    ]


def test_lines_list_a_non_empty_sidebar_first() -> None:
    root = Block(widgets.VBox())
    root.aside = Block(widgets.VBox(), parent=root)
    run(root, "main")
    assert root.lines() == ["main"]  # an empty sidebar is not listed
    root.begin()
    root.adopt(root.aside)
    draw(root.aside, "side")
    draw(root.aside, "more")
    draw(root, "main")
    root.commit()
    assert root.lines() == ["sidebar:", "  side", "  more", "main"]
