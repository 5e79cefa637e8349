"""`st.widget(w)`: any ipywidget (a core slider, an ipyleaflet map, a plotly FigureWidget, an
anywidget) drawn in a fragment, rerunning the fragment when the user changes it.

Beyond Streamlit: in a notebook every widget library already speaks the same protocol, so any
of them can drive a fragment. Like the built-in widgets, the widget drawn at a place is kept
across reruns (same model, same view, the user's edits intact).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

import ipywidgets as widgets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.reconciler import close_widget
from .._runtime.runtime import runtime
from .base import WidgetOwner, _kernel_writes, make_callback, widget_frame


def _trait_names(w: widgets.Widget, on: str | Iterable[str] | None) -> list[str]:
    if on is None:
        return ["value"] if w.has_trait("value") else []
    names = [on] if isinstance(on, str) else list(on)
    missing = [name for name in names if not w.has_trait(name)]
    if missing:
        synced = sorted(w.keys)
        raise errors.StreamlitAPIException(
            f"{type(w).__name__} has no trait {', '.join(map(repr, missing))} to watch with `on=`. "
            f"Its synced traits: {', '.join(synced)}."
        )
    return names


def _describe(w: widgets.Widget) -> str:
    """`<IntSlider: 5>`: the class, and the value when there is one (deterministic text)."""
    name = type(w).__name__
    return f"<{name}: {w.value!r}>" if w.has_trait("value") else f"<{name}>"


def widget(
    w: widgets.Widget | Callable[[], widgets.Widget],
    *,
    on: str | Iterable[str] | None = None,
    key: str | int | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
) -> Any:
    """Display any ipywidget here and rerun this fragment (or the app) when the user changes it.

    Returns `w.value`, or the widget itself when it has no `value` trait. The fragment reruns
    when a trait named in `on` changes (default: `value`), after `on_change(*args, **kwargs)`.

    The first widget drawn at this place is kept across reruns, so a fragment may simply
    write `st.widget(IntSlider(5))` and its slider keeps the user's value; a new object passed
    at the same place in a later run is closed unused. To create no model at all on reruns,
    pass a function that makes the widget: `st.widget(lambda: ipyleaflet.Map(zoom=3))`.
    Changes the fragment's own code makes to the widget while it runs do not rerun it.
    """
    is_factory = callable(w) and not isinstance(w, widgets.Widget)
    if not is_factory and not isinstance(w, widgets.Widget):
        raise errors.StreamlitAPIException(
            f"st.widget() takes an ipywidgets widget (or a function returning one); got "
            f"{type(w).__name__}: {w!r}. To show other objects use st.write()."
        )
    key = None if key is None else str(key)
    kind = getattr(w, "__qualname__", "factory") if is_factory else type(w).__qualname__
    # Unkeyed, the n-th st.widget of a class in a container is the same one in every run (two
    # IntSliders need no keys); keyed, the key must be unique as for any widget.
    frame, wid = widget_frame("widget", key, kind, unique=key is not None)
    in_form = form_of(frame.block) is not None
    if in_form and on_change is not None:
        raise errors.StreamlitInvalidFormCallbackError()

    def create() -> widgets.Widget:
        made = w() if is_factory else w
        if not isinstance(made, widgets.Widget):
            raise errors.StreamlitAPIException(
                f"The function passed to st.widget() must return an ipywidgets widget; it "
                f"returned {type(made).__name__}: {made!r}."
            )
        return made

    slot = frame.block.place("widget", wid, create, text=lambda: _describe(slot.widget))
    kept = slot.widget
    if not is_factory and w is not kept:
        close_widget(w)  # made for this call, never shown: the kept one has the user's state
    owner = slot.owner
    if owner is None:
        owner = slot.owner = WidgetOwner(wid, "widget", type(kept).__name__, key)
        owner.read = lambda: kept.value if kept.has_trait("value") else kept
        owner.write = lambda value: setattr(kept, "value", value)
        names = _trait_names(kept, on)

        def changed(change: dict[str, Any]) -> None:
            if _kernel_writes[0] or runtime.busy or in_form:  # in a form, the submit reruns
                return
            runtime.dispatch(owner.request())

        if names:
            kept.observe(changed, names=names)
    else:
        _trait_names(kept, on)  # still validates `on` on every call
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = make_callback(on_change, args, kwargs)
    slot.body = kept
    frame.show(kept)
    return owner.read()
