"""`st.widget(w)`: any ipywidget (a core slider, an ipyleaflet map, a plotly FigureWidget, an
anywidget) drawn in a fragment, rerunning the fragment when the user changes it.

Beyond Streamlit: in a notebook every widget library already speaks the same protocol, so any
of them can drive a fragment. Like the built-in widgets, the widget drawn at a place is kept
across reruns (same model, same view, the user's edits intact).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.reconciler import close_widget
from .._runtime.runtime import runtime
from .base import WidgetOwner, make_callback, widget_frame
from .types import Callback, Key, WidgetArgs, WidgetKwargs


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
    key: Key = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
) -> Any:
    """Display any ipywidget; a change by the user reruns the fragment, as a built-in input does.

    Any widget library built on ipywidgets or anywidget can drive a fragment (a core slider, an
    ipyleaflet map, a Plotly `FigureWidget`...). The first widget drawn at this place is kept
    across reruns (same model, same view, the user's edits intact), so a fragment may simply
    write `st.widget(IntSlider(5))`; a new object passed at the same place in a later run is
    closed unused. Changes that the app's own code makes to the widget while it runs do not
    cause a rerun.

    Parameters
    ----------
    w : ipywidgets.Widget or callable
        The widget, or a function without arguments that makes it. A function is called only
        for the first draw, so reruns create no model at all. Anything else raises
        `StreamlitAPIException`.
    on : str or iterable of str, optional
        The trait or traits whose change by the user reruns the fragment (the app outside
        fragments). Default: "value", or none when the widget has no `value` trait. A name that
        is not a trait raises `StreamlitAPIException`, listing the widget's synced traits.
    key : str or int, optional
        A unique identity, needed only to keep a widget's state when widgets of its class before
        it come and go (without a key, the n-th `st.widget` of a class in a container is the same
        widget in every run). It is not a Session State key.
    on_change : callable, optional
        Called as `on_change(*args, **kwargs)` when a watched trait changes, before the rerun.
    args : tuple, optional
        Positional arguments passed to `on_change`.
    kwargs : dict, optional
        Keyword arguments passed to `on_change`.

    Returns
    -------
    any
        The kept widget's `value`, or the widget itself when it has no `value` trait.

    Differences from Streamlit
    --------------------------
    * Not a Streamlit command: an app that uses it runs with nbfrag only.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> import nbfrag as st
    >>> @st.fragment
    ... def zoom():
    ...     level = st.widget(widgets.IntSlider(5, min=1, max=10, description="Zoom"))
    ...     st.write(f"Zoom level {level}")
    >>> zoom()
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
    frame, wid = widget_frame("widget", key, kind, unique=key is not None, on_change=on_change)
    in_form = form_of(frame.block) is not None

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
            if runtime.kernel_writing or runtime.busy or in_form:  # in a form, the submit reruns
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
