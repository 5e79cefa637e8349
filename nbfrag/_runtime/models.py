"""What an element costs the browser on first render: one widget model, opened with its final state.

An ipywidget opens its comm (a `comm_open` carrying its state) the moment it is constructed;
every trait set afterwards is one more `comm_msg`, and its default `Layout` and `Style` are
two more models of their own. Drawn naively, a line of text costs five messages.

Two things bring that to one:

* `built()`: widgets constructed inside it open their comm when it ends, after the element's
  `create` and `update` have set everything (value, classes, label), so the `comm_open`
  carries the final state and no update follows. Parts (a Layout, a child) open before the
  widget that refers to them, as the frontend needs.
* `share(widget)`: a widget whose Layout and Style are the defaults refers to ONE shared
  `Layout` and ONE shared Style model of its kind (ipywidgets lets many widgets share one),
  instead of two new models each. The page's look comes from nbfrag's stylesheet and the
  classes on the widget, not from per-widget Layout traits. A shared part is never changed
  (changing it would restyle every widget using it: it raises) and never closed with a
  widget; `set_layout` gives a widget its own Layout when it needs non-default values.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

import ipywidgets as widgets

_pending: ContextVar[list[widgets.Widget] | None] = ContextVar("nbfrag_pending_models", default=None)
_open_now = widgets.Widget.open


def _open_when_built(self: widgets.Widget) -> None:
    """`Widget.open`, deferred to the end of `built()` inside it (and unchanged outside)."""
    pending = _pending.get()
    if pending is not None and self.comm is None:
        pending.append(self)
        return
    _open_now(self)


widgets.Widget.open = _open_when_built  # (a no-op difference outside `built()`)


@contextlib.contextmanager
def built() -> Iterator[None]:
    """Open the comms of the widgets constructed inside only when it ends, with their state
    as it is then (nested: the outermost one opens them)."""
    if _pending.get() is not None:
        yield
        return
    pending: list[widgets.Widget] = []
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
        for widget in pending:
            _open_with_parts(widget)


@contextlib.contextmanager
def opened_at_once() -> Iterator[None]:
    """Widgets constructed inside open their comms at once, also inside `built()`: for a
    library widget that reads its parts' `model_id` while it is constructed (an ipyleaflet
    `Map`, its layers and controls)."""
    token = _pending.set(None)
    try:
        yield
    finally:
        _pending.reset(token)


def _open_with_parts(widget: widgets.Widget) -> None:
    """Open `widget`, after the widgets its state refers to (its Layout, its children)."""
    if widget.comm is not None:
        return
    for name in widget.keys:
        for part in _widgets_in(widget._trait_values.get(name)):
            if part is not widget:
                _open_with_parts(part)
    widget.open()  # (a subclass's own `open` runs: `built()` has ended, so it opens now)


def _widgets_in(value: Any) -> Iterator[widgets.Widget]:
    if isinstance(value, widgets.Widget):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _widgets_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _widgets_in(item)


# --------------------------------------------------------------------------------------------
# Shared default Layout and Style models

_shared: dict[type, widgets.Widget] = {}


class SharedPartChanged(RuntimeError):
    """A shared Layout or Style was changed: that would restyle every widget using it."""


def _refuse_change(owner: Any, proposal: Any) -> Any:
    """A validator of every trait of a shared part: any new value is refused before it is set."""
    raise SharedPartChanged(
        f"the shared {type(owner).__name__} cannot change ({proposal['trait'].name}): "
        "give the widget its own with `set_layout`"
    )


def shared(cls: type[widgets.Widget]) -> widgets.Widget:
    """The one open, unchanged instance of `cls` (Layout or a Style class) that widgets share."""
    part = _shared.get(cls)
    if part is None or part.comm is None:  # (closed, e.g. by `Widget.close_all()`)
        token = _pending.set(None)  # open now, whatever `built()` is pending
        try:
            part = _shared[cls] = cls()
            if "description_width" in part.keys:  # the whole label where no stylesheet puts it above
                part.description_width = "initial"
        finally:
            _pending.reset(token)
        part._register_validator(_refuse_change, [name for name in part.keys if not name.startswith("_")])
    return part


def is_shared(part: Any) -> bool:
    return any(part is candidate for candidate in _shared.values())


def shared_parts(cls: type[widgets.Widget]) -> dict[str, widgets.Widget]:
    """The constructor arguments that give a new `cls` widget the shared Layout and Style."""
    parts: dict[str, widgets.Widget] = {}
    for name in ("layout", "style"):
        trait = cls.class_traits().get(name)
        klass = getattr(trait, "klass", None)
        if isinstance(klass, type):
            parts[name] = shared(klass)
    return parts


def share(widget: widgets.Widget) -> widgets.Widget:
    """Give a widget under construction the shared default Layout and Style (before their
    defaults exist: ipywidgets creates them on first use). Returns the widget."""
    for name in ("layout", "style"):
        if widget.has_trait(name) and name not in widget._trait_values:
            klass = widget.traits()[name].klass
            if isinstance(klass, type):
                setattr(widget, name, shared(klass))
    return widget


def set_layout(widget: widgets.Widget, **values: Any) -> None:
    """Set Layout traits of `widget`; a widget sharing the default Layout gets its own first
    (only when a value differs from the default)."""
    layout = widget.layout
    if is_shared(layout):
        if all(getattr(layout, name) == value for name, value in values.items()):
            return
        widget.layout = widgets.Layout(**values)
        return
    for name, value in values.items():
        if getattr(layout, name) != value:
            setattr(layout, name, value)


def set_variant(widget: widgets.Widget, group: str, variant: str | None) -> None:
    """Give `widget` the class `nbfrag-<group>-<variant>` instead of its other `nbfrag-<group>-*`
    class (none for None): how the stylesheet tells a primary button from a secondary one. No
    message when the widget already has it (or is still being built)."""
    prefix = f"nbfrag-{group}-"
    classes = [c for c in widget._dom_classes if not c.startswith(prefix)]
    if variant is not None:
        classes.append(prefix + variant)
    if tuple(classes) != tuple(widget._dom_classes):
        widget._dom_classes = tuple(classes)
