"""`st.bottom`: a container at the bottom of the app, after everything else, that sticks to
the bottom of the visible page while the app is in view (where Streamlit pins `st.chat_input`).

Like `st.sidebar` it is one object for every app: it finds the running app each time it draws.
Its block is one pinned slot of the app's root, drawn once per run however often it is used,
so `with st.bottom:` in several places of the app adds to the same container, in order.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.reconciler import Block
from .._runtime.runtime import runtime
from .layout import Container

_KIND = "bottom"


def _create() -> widgets.Box:
    box = widgets.VBox()
    box.add_class("nbfrag-bottom")
    return box


def bottom_block() -> Block:
    """The running app's bottom container, drawn at the end of its root on first use in a run."""
    frame = runtime.require_frame()
    app = frame.app
    if frame.fragment is not None:
        raise errors.StreamlitAPIException(
            "Calling `st.bottom` in a function wrapped with `st.fragment` is not supported by nbfrag: "
            "call the fragment inside `with st.bottom:` instead, so that it lives there."
        )
    if app.host is None:
        raise errors.StreamlitAPIException(
            "st.bottom needs an app area to stand at the bottom of, and this plain cell has none: put "
            "the app in an `%%app` cell (after `%load_ext nbfrag`), or draw an st.container() last."
        )
    block: Block | None = frame.block
    while block is not None:
        if block is app.sidebar:
            raise errors.StreamlitInvalidLayoutContextError(
                "`st.bottom` cannot be used inside `st.sidebar`. The bottom container is only available "
                "in the main app area."
            )
        block = block.parent
    root = app.root
    slot = root.placed_in_this_run(_KIND, _KIND)
    if slot is None:
        with runtime.drawing_into(root):
            slot = root.place(_KIND, _KIND, _create, text=lambda: "")
            slot.pinned = True
            if slot.block is None:
                slot.block = Block(slot.widget, parent=root)
            slot.block.parent = root
            root.adopt(slot.block)
            runtime.require_frame().show(slot.widget)
    assert slot.block is not None
    return slot.block


class Bottom(Container):
    """`st.bottom`: the bottom container of the app that uses it (`with st.bottom:` or
    `st.bottom.write(...)`).

    Differences from Streamlit: it needs an `%%app` cell, sits at the bottom of the app's
    area (sticking to the bottom of the window while the app is in view) rather than of the
    browser window, and a fragment's body cannot write into it (call the fragment inside
    `with st.bottom:`).
    """

    def __init__(self) -> None:
        self._entered: list[Any] = []

    def _target(self) -> Block:
        return bottom_block()

    def __repr__(self) -> str:
        frame = runtime.frame()
        if frame is not None:
            slot = frame.app.root.placed_in_this_run(_KIND, _KIND)
            if slot is not None and slot.block is not None:
                return "\n".join(slot.block.lines()) or "(empty)"
        return "st.bottom (the bottom container of the running %%app cell)"


bottom = Bottom()
