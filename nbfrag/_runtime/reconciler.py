"""Keyed reconciliation of one container's children across runs.

A `Block` stands for one container on the page (an app host, a fragment's area). Each run of
the code that draws into it *places* elements in order; a placed element reuses the widget
that had the same key last run (same model, same views: no comm churn, no flicker, no lost
focus) and only changed traits are sent. When the run ends, `commit` sets the Box's children
once, if they changed, and closes what was not drawn again, with its Layout and Style.

Keys are `(kind, identity, n)`: the n-th element of that kind and identity in this container
during this run. Widgets use their widget id as identity; fragments their qualified name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from .. import errors
from . import recording
from .models import built, is_shared

# How deep layout blocks and fragments may nest (containers in containers...). Deeper nesting
# is refused with `StreamlitAPIException`: the text form, closing and the browser's layout
# all walk the tree, and no real page comes near this.
MAX_DEPTH = 100

# Lists that `collect_appends` is filling: every block that starts appending is added to each,
# with where its appended part starts.
_COLLECTORS: list[list[tuple[Block, int]]] = []


@contextmanager
def carry_appends() -> Iterator[list[Block]]:
    """While the block runs (a widget's callback), note the blocks it writes into from outside
    their runs (a container drawn by the last run); afterwards what it wrote into each is
    `carried` into the block's next run, where it comes first (Streamlit keeps a callback's
    writes). Yields the blocks, whose `carried` the caller clears when its run ends."""
    found: list[tuple[Block, int]] = []
    blocks: list[Block] = []
    _COLLECTORS.append(found)
    try:
        yield blocks
    finally:
        _COLLECTORS.remove(found)
        for block, start in found:
            if block._appending and block._next is not None:
                block.carried = block._next[start:]
                blocks.append(block)

Key = tuple[str, Hashable, int]


@dataclass(eq=False)
class Slot:
    """One element drawn in a block: its widget, what it shows as text, and what it owns."""

    key: Key
    widget: widgets.Widget
    text: Callable[[], str] = lambda: ""
    block: Block | None = None  # the nested container, for fragments and layout blocks
    owner: Any = None  # e.g. the fragment scope living in this slot
    outputs: list[dict[str, Any]] | None = None  # pending outputs of a capture slot
    hidden: bool = False  # machinery (a ticker), not part of what the page shows
    props: Any = None  # what `update` was last applied with
    body: Any = None  # the element's content as the app passed it (a header's text...)
    # What tests read of the element besides its body, by Streamlit's testing names (a metric's
    # `delta`, a chat message's `avatar`; `value` when it differs from `body`).
    fields: dict[str, Any] = field(default_factory=dict)
    pinned: bool = False  # shown after the block's other slots (a top-level `st.chat_input`)
    on_dispose: list[Callable[[], None]] = field(default_factory=list)

    def publish_outputs(self) -> None:
        """Send a capture slot's outputs to its Output widget, if they changed (one update)."""
        if self.outputs is not None:
            outputs = tuple(dict(o) for o in self.outputs)
            if outputs != self.widget.outputs:
                self.widget.outputs = outputs

    def lines(self) -> list[str]:
        """The slot as indented text lines, for reprs and tests."""
        if self.hidden:
            return []
        if self.block is None:
            return self.text().splitlines() or [""]
        head = self.text()
        inner = self.block.lines()
        if not head:  # a transparent container (st.container, st.empty): no level of its own
            return inner
        return [head] + ["  " + line for line in inner]

    def dispose(self) -> None:
        """Close the slot's widget tree and release what it owns."""
        for callback in self.on_dispose:
            callback()
        if self.block is not None:
            self.block.dispose()
        close_widget(self.widget)


def close_widget(widget: widgets.Widget) -> None:
    """Close a widget and the Layout/Style models it created (ipywidgets leaves those open);
    shared ones stay."""
    for name in ("layout", "style"):
        part = widget._trait_values.get(name) if widget.has_trait(name) else None
        if isinstance(part, widgets.Widget) and not is_shared(part):
            part.close()
    widget.close()


class Block:
    """The reconciled children of one Box widget (or of a cell, when `widget` is None)."""

    def __init__(self, widget: widgets.Box | None, parent: Block | None = None) -> None:
        self.widget = widget
        self.parent = parent
        self.slots: list[Slot] = []  # what is on the page now
        self.extras: dict[str, widgets.Widget] = {}  # unkeyed helpers after the slots (toaster...)
        self.lead: tuple[widgets.Widget, ...] = ()  # invisible helpers before them (the stylesheet)
        self.transients: dict[str, widgets.Widget] = {}  # shown only mid-run (spinner)
        self._by_key: dict[Key, Slot] = {}
        self._next: list[Slot] | None = None
        self._placed: set[int] = set()  # ids of the slots in _next, for O(1) membership
        self._counts: Counter[tuple[str, Hashable]] = Counter()
        self._appending = False
        self._capture_slot: Slot | None = None  # where print/display output goes next
        self._nested: list[Block] = []  # layout blocks begun in this run, ended with it
        self.aside: Block | None = None  # an app's sidebar, listed first in `lines()`
        self.heading: Callable[[], list[str]] | None = None  # lines before everything (page settings)
        # Slots floating over the block, outside its flow and its runs (an open dialog): their
        # owner adds and removes them; listed after the slots in `lines()`, disposed with it.
        self.overlays: list[Slot] = []
        # Drawn by another thread than its parent's (a parallel fragment's area): showing
        # progress mid-run stops here instead of redrawing the parent, which may be running.
        self.isolated = False
        # Elements a widget's callback wrote into this block (a container of the last run)
        # before this run redraws it: they start the block's next run, as in Streamlit.
        self.carried: list[Slot] = []
        self.appends: list[tuple[Block, int]] | None = None  # see `collect_appends`

    @property
    def depth(self) -> int:
        """How many blocks enclose this one (a top-level block: 0)."""
        depth, block = 0, self.parent
        while block is not None:
            depth, block = depth + 1, block.parent
        return depth

    def check_nesting(self, what: str) -> None:
        """Refuse to open one more nested block (`what`) inside this one past `MAX_DEPTH`."""
        if self.depth + 1 > MAX_DEPTH:
            raise errors.StreamlitAPIException(
                f"{what} would be nested more than {MAX_DEPTH} levels deep (containers, columns, "
                "expanders, forms and fragments inside one another). Flatten the layout: draw "
                "repeated items side by side or one after another instead of inside each other."
            )

    # -- a run ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._next is not None

    def begin(self) -> None:
        """Start a run: nothing placed yet (but what a callback `carried` in), last run's
        slots are candidates for reuse."""
        self._next = list(self.carried)
        self._placed = set(map(id, self._next))
        self._counts = Counter((s.key[0], s.key[1]) for s in self._next)
        self.carried = []
        self._appending = False
        self._nested = []

    def adopt(self, child: Block) -> bool:
        """Start a run of a layout block drawn in this run (a container, a column); it ends
        when this block's run ends. Outside a run of this block (a plain cell, a fragment
        writing into a container created outside it), the child is left to append instead.
        Returns whether the child's run started."""
        if self._next is None or self._appending:
            return False
        child.begin()
        self._nested.append(child)
        return True

    def place(
        self,
        kind: str,
        identity: Hashable,
        create: Callable[[], widgets.Widget],
        update: Callable[[widgets.Widget], None] | None = None,
        text: Callable[[], str] | None = None,
        props: Any = None,
    ) -> Slot:
        """Draw one element at the cursor, reusing last run's widget for the same key.

        `update` sets the widget's traits; when `props` (a comparable summary of what
        `update` sets) equals last run's, the widget is already right and `update` is skipped.
        """
        # A write outside any run of this block appends (accumulates).
        placed = self._next if self._next is not None else self.begin_append()
        n = self._counts[(kind, identity)]
        self._counts[(kind, identity)] += 1
        key: Key = (kind, identity, n)
        slot = self._by_key.get(key)
        if slot is None or id(slot) in self._placed:
            with built():  # one comm_open with the element's final state, no update after it
                slot = Slot(key, create())
                self._by_key.setdefault(key, slot)
                if update is not None:
                    update(slot.widget)
                    slot.props = props
        elif update is not None and (props is None or props != slot.props):
            update(slot.widget)
            slot.props = props
        if text is not None:
            slot.text = text
        placed.append(slot)
        self._placed.add(id(slot))
        self._capture_slot = None
        recording.notify(self, slot, create, update, props)  # a cached function may replay it
        if self._appending:  # nobody will commit: show each element as it comes
            self.slots = pinned_last(placed)
            self._by_key[key] = slot
            self._show(s.widget for s in self.slots)
        return slot

    def placed_in_this_run(self, kind: str, identity: Hashable) -> Slot | None:
        """The first slot of `kind` and `identity` drawn in this run of the block, if any (a
        shared container such as `st.bottom` is drawn once per run, however often it is used)."""
        if self._next is None:
            return None
        slot = self._by_key.get((kind, identity, 0))
        return slot if slot is not None and id(slot) in self._placed else None

    def begin_append(self) -> list[Slot]:
        """Add after what is shown instead of replacing it: writes from outside this block's
        runs (a plain cell, or a fragment writing into a container created outside it)
        accumulate until the block's owner runs again."""
        self._next = placed = list(self.slots)
        self._placed = set(map(id, self.slots))
        self._counts = Counter((s.key[0], s.key[1]) for s in self.slots)
        self._appending = True
        for collector in _COLLECTORS:
            collector.append((self, len(placed)))
        return placed

    # -- captured output --------------------------------------------------------------------
    def append_output(self, output: dict[str, Any]) -> None:
        """Add print/display output at the cursor; consecutive outputs share one Output widget."""
        slot = self._capture_slot
        if slot is None or not self._next or self._next[-1] is not slot:
            slot = self.place("output", None, widgets.Output, text=lambda: "")
            slot.outputs = []
            capture = slot
            slot.text = lambda: outputs_text(capture.outputs or [])
            self._capture_slot = slot
        assert slot.outputs is not None
        last = slot.outputs[-1] if slot.outputs else None
        if (
            output.get("output_type") == "stream"
            and last is not None
            and last.get("output_type") == "stream"
            and last["name"] == output["name"]
        ):
            last["text"] += output["text"]
        else:
            slot.outputs.append(output)
        if self._appending:  # no commit will come: publish now
            slot.publish_outputs()

    def clear_outputs(self) -> None:
        """`clear_output()` inside a run: forget the outputs captured at the cursor."""
        if self._capture_slot is not None and self._capture_slot.outputs is not None:
            self._capture_slot.outputs.clear()
            if self._appending:  # no commit will come: publish now, as append_output does
                self._capture_slot.publish_outputs()

    # -- ending a run -----------------------------------------------------------------------
    def commit(self, complete: bool = True) -> None:
        """End the run: show what was placed; close what was not (unless `complete` is False).

        An interrupted run (`st.rerun()`) keeps the elements it did not reach, after the ones
        it drew, so the rerun that follows can reuse them instead of re-creating them.
        """
        assert self._next is not None, "commit() ends a run that begin() started"
        for child in self._nested:
            if child.running and not child._appending:
                child.commit(complete)
        self._nested = []
        placed, placed_ids = self._next, self._placed
        self._next = None
        self._appending = False
        self._capture_slot = None
        if complete:
            keep = placed
        else:
            keep = placed + [s for s in self.slots if id(s) not in placed_ids]
        keep = pinned_last(keep)
        kept = set(map(id, keep))
        stale = [s for s in self._by_key.values() if id(s) not in kept]
        for slot in keep:
            slot.publish_outputs()
        self.slots = keep
        self._by_key = {s.key: s for s in keep}
        self._show(w.widget for w in keep)
        for slot in stale:
            slot.dispose()

    def flush(self, extra: Iterable[widgets.Widget] = ()) -> None:
        """Show progress mid-run (a spinner): placed elements, then not yet reached ones."""
        if self._next is None or self.widget is None:
            return
        pending = [s for s in self.slots if id(s) not in self._placed]
        shown = [s.widget for s in self._next if not s.pinned] + list(extra)
        shown += [s.widget for s in pending if not s.pinned]
        self._show(shown + [s.widget for s in [*self._next, *pending] if s.pinned])
        if self.parent is not None and not self.isolated:
            self.parent.flush()

    def _show(self, children: Iterable[widgets.Widget]) -> None:
        if self.widget is None:
            return
        new = self.lead + tuple(children) + tuple(self.extras.values())
        if new != tuple(self.widget.children):
            self.widget.children = new

    def extra(self, name: str, create: Callable[[], widgets.Widget]) -> widgets.Widget:
        """A helper widget kept after the slots for the block's lifetime (toaster, balloons)."""
        widget = self.extras.get(name)
        if widget is None:
            widget = self.extras[name] = create()
            if not self.running or self._appending:  # no commit is coming to show it
                self._show(s.widget for s in self.slots)
        return widget

    def dispose(self) -> None:
        """Close everything in the block (it left the page)."""
        for slot in [*self._by_key.values(), *self.overlays]:
            slot.dispose()
        self.overlays.clear()
        for widget in [*self.lead, *self.extras.values(), *self.transients.values()]:
            close_widget(widget)
        self.lead = ()
        self._by_key.clear()
        self.slots = []
        self.extras.clear()
        self.transients.clear()

    # -- reading it back --------------------------------------------------------------------
    aside_label = "sidebar:"  # how the block is introduced when it is an app's sidebar

    def lines(self) -> list[str]:
        """What the block shows, as indented text (the kernel is the source of truth)."""
        out: list[str] = list(self.heading()) if self.heading is not None else []
        if self.aside is not None and self.aside.slots:
            out += [self.aside.aside_label] + ["  " + line for line in self.aside.lines()]
        for slot in [*self.slots, *self.overlays]:
            out.extend(slot.lines())
        return out


def pinned_last(slots: list[Slot]) -> list[Slot]:
    """The slots in page order: pinned ones (a chat input at the app's bottom) after the rest."""
    if not any(slot.pinned for slot in slots):
        return list(slots)
    return [s for s in slots if not s.pinned] + [s for s in slots if s.pinned]


def outputs_text(outputs: list[dict[str, Any]]) -> str:
    """The plain text of captured outputs, as a notebook would show it without a browser."""
    parts: list[str] = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append(output["text"].rstrip("\n"))
        else:
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)
