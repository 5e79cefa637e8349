"""Replaying what a cached function drew: on a hit the function does not run, yet its elements
appear again, as in Streamlit.

On a miss, `nbfrag._runtime.recording` reports every element placed while the function runs.
`finish` turns those placements into a `Recording`: for each element, how it was drawn (the
same `create`/`update` the element command gave the reconciler, its text and value) and *where*:
the block the call was made in (`CALL_SITE`), the sidebar, or a container the function itself
created (by its position in the recording). On a hit `replay` places the same elements again
at the block of the current call, so a cached function called in two places draws in both, and
placing them through the reconciler means an unchanged page reuses its widgets (same models,
no traffic). An element drawn into a container created *outside* the function cannot be
replayed (that container may not exist at the hit): like Streamlit, the hit raises
`CacheReplayClosureError`.

Printed output (`print`, `display`) is not replayed: Streamlit shows it in its console when
the function runs, and nbfrag shows it when the function runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from ... import errors
from ..._elements.layout import sidebar_block
from ..._runtime.reconciler import Block, close_widget
from ..._runtime.recording import Placement
from ..._runtime.runtime import runtime
from ..._runtime.views import Area

CALL_SITE = 0
SIDEBAR = -1


@dataclass(frozen=True)
class Drawn:
    """One element of a recording: where it goes, and how the reconciler draws it."""

    parent: int | None  # CALL_SITE, SIDEBAR, n = the block element n made; None = made outside
    kind: str
    identity: Hashable
    create: Callable[[], widgets.Widget]
    update: Callable[[widgets.Widget], None] | None
    props: Any
    text: Callable[[], str]
    body: Any
    value: tuple[str, Any] | None  # an input's (trait, value), shown by a fresh copy
    nested: tuple[type[Block], tuple[int, ...]] | None  # a container: its block class, its Box


Recording = tuple[Drawn, ...]


def _box_path(widget: widgets.Widget, box: widgets.Widget) -> tuple[int, ...]:
    """Where a layout element's inner Box sits among its widget's children (an expander's)."""
    queue: list[tuple[widgets.Widget, tuple[int, ...]]] = [(widget, ())]
    while queue:
        current, path = queue.pop(0)
        if current is box:
            return path
        if len(path) < 3:
            queue += [(child, path + (i,)) for i, child in enumerate(getattr(current, "children", ()))]
    return ()


def finish(placements: list[Placement], base: Block | None) -> Recording:
    """Turn a miss's placements into a recording; `base` is the block the call was made in."""
    if not placements:
        return ()
    if base is None:  # a plain cell: its elements went to the cell's app
        base = runtime.require_frame().block
    blocks: dict[int, int] = {id(base): CALL_SITE}
    app_sidebar = runtime.require_frame().app.sidebar
    if app_sidebar is not None:
        blocks[id(app_sidebar)] = SIDEBAR
    drawn: list[Drawn] = []
    for placement in placements:
        slot = placement.slot
        if slot.key[0] == "output" or slot.hidden:  # printed output, machinery (a ticker)
            continue
        nested = None
        if slot.block is not None:
            box = slot.block.widget
            nested = (type(slot.block), _box_path(slot.widget, box) if box is not None else ())
        control = getattr(slot.owner, "control", None)
        trait = getattr(control, "trait", None)
        value = (trait, getattr(slot.widget, trait)) if trait and slot.widget.has_trait(trait) else None
        drawn.append(
            Drawn(
                blocks.get(id(placement.block)), slot.key[0], slot.key[1], placement.create,
                placement.update, placement.props, slot.text, slot.body, value, nested,
            )
        )
        if slot.block is not None:
            blocks[id(slot.block)] = len(drawn)
    return tuple(drawn)


def replay(recording: Recording, decorator: str, func: Any) -> None:
    """Draw a recording again where the cached function is being called now."""
    if not recording:
        return
    frame = runtime.require_frame()
    targets: dict[int, Block] = {CALL_SITE: frame.block}
    for number, drawn in enumerate(recording, start=1):
        if drawn.parent is None:
            raise errors.CacheReplayClosureError(decorator, func)
        if drawn.parent == SIDEBAR and SIDEBAR not in targets:
            targets[SIDEBAR] = sidebar_block()
        block = targets[drawn.parent]
        slot = block.place(drawn.kind, drawn.identity, drawn.create, drawn.update, text=drawn.text, props=drawn.props)
        slot.body = drawn.body
        if drawn.value is not None and slot.owner is None:  # a fresh, inert copy of an input
            setattr(slot.widget, *drawn.value)
        if drawn.nested is not None:
            if slot.block is None:
                slot.block = _nested_block(slot.widget, *drawn.nested, parent=block)
                if slot.block.widget is not slot.widget:
                    slot.on_dispose.append(functools.partial(close_widget, slot.block.widget))
            slot.block.parent = block
            block.adopt(slot.block)
            targets[number] = slot.block
        if block is frame.block:
            frame.show(slot.widget)


def _nested_block(widget: widgets.Widget, kind: type[Block], path: tuple[int, ...], parent: Block) -> Block:
    """The block of a container drawn fresh by a replay, in the same Box as the original's."""
    box = widget
    for index in path:
        box = box.children[index]
    block = kind(box, parent=parent)
    if isinstance(box, Area):  # a fragment's area: its repr reads the block
        box.block = block
    return block
