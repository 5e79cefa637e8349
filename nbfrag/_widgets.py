"""Input widgets. Issue #2 needs `st.button`; the identity rules here serve every widget.

A widget's identity is its type plus its `key`, or without a key its type and identity
arguments (label, help, ...), as in Streamlit: not its position and not its fragment. Its
value lives in the runtime, not in the widget object, and a one-run value (a click) lives in
`runtime.triggers`, which the runtime clears after the run the interaction caused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

import ipywidgets as widgets

from . import errors
from ._reconciler import Slot
from ._runtime import Fragment, Request, runtime
from ._state import Binding

_BUTTON_STYLES = {"primary": "primary", "secondary": "", "tertiary": ""}


@dataclass
class WidgetOwner:
    """What a drawn widget needs to act on an interaction: its scope and its callback."""

    widget_id: Hashable
    element_type: str = ""  # "button", "slider", ... (Streamlit's name)
    label: str = ""
    key: str | None = None
    app: Any = None
    fragment: Fragment | None = None
    callback: Callable[[], Any] | None = None
    keys: list[str] = field(default_factory=list)
    # The value as the app sees it, and how a user sets it (through the widget's own trait,
    # so it takes the same path as a browser edit). `nbfrag.testing` drives widgets with these.
    read: Callable[[], Any] = lambda: None
    write: Callable[[Any], None] | None = None

    def request(self, trigger: Any = None) -> Request:
        """A rerun of the widget's scope, with its callback first."""
        return Request(
            self.app,
            fragment=self.fragment,
            callback=self.callback,
            trigger=(self.widget_id, trigger) if trigger is not None else None,
        )


def widget_id(element_type: str, key: str | int | None, *identity: Any) -> Hashable:
    """A widget's identity: its type and key, or its type and identity arguments."""
    if key is not None:
        return (element_type, "key", str(key))
    return (element_type, "auto", *(repr(part) for part in identity))


def _callback(func: Callable[..., Any] | None, args: Any, kwargs: Any) -> Callable[[], Any] | None:
    if func is None:
        return None
    if not callable(func):
        raise errors.StreamlitAPIException(
            f"on_click/on_change must be a function; got {type(func).__name__}: {func!r}"
        )
    args, kwargs = tuple(args or ()), dict(kwargs or {})
    return lambda: func(*args, **kwargs)


class _ReadOnlyTrigger:
    """Session State binding of a keyed button: True in the run its click caused."""

    def __init__(self, widget_id: Hashable, key: str) -> None:
        self._widget_id = widget_id
        self._key = key

    def get(self) -> Any:
        return bool(runtime.triggers.get(self._widget_id, False))

    def set(self, value: Any) -> None:
        raise errors.StreamlitValueAssignmentNotAllowedError(self._key)


def _bind_key(slot: Slot, key: str, binding: Binding) -> None:
    owner: WidgetOwner = slot.owner
    if key not in owner.keys:
        owner.keys.append(key)
        slot.on_dispose.append(lambda: runtime.state.unbind(key, binding))
    runtime.state.bind(key, binding)


def button(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
) -> bool:
    """Display a button. Returns True only in the run that its click caused.

    Inside a fragment a click reruns only the fragment; elsewhere it reruns the whole app.
    `on_click(*args, **kwargs)` runs first, before that run. With `key=`, the button's value
    is readable (not writable) as `st.session_state[key]`.
    """
    if type not in _BUTTON_STYLES:
        raise errors.StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".'
        )
    frame = runtime.require_frame()
    wid = widget_id("button", key, str(label), help, type, icon)
    frame.run.claim(wid, "button", None if key is None else str(key))
    full_width = use_container_width is True or width == "stretch"

    def create() -> widgets.Button:
        widget = widgets.Button()
        widget.add_class("nbfrag-button")
        return widget

    def update(widget: Any) -> None:
        widget.description = f"{icon} {label}" if icon else str(label)
        widget.tooltip = help or None
        widget.disabled = bool(disabled)
        widget.button_style = _BUTTON_STYLES[type]
        widget.layout.width = "100%" if full_width else None

    props = (label, help, disabled, type, icon, full_width)
    slot = frame.block.place("button", wid, create, update, text=lambda: f"[{label}]", props=props)
    if slot.owner is None:
        owner = slot.owner = WidgetOwner(wid, "button", str(label), None if key is None else str(key))
        owner.read = lambda: bool(runtime.triggers.get(wid, False))
        slot.widget.on_click(lambda _button: runtime.dispatch(owner.request(trigger=True)))
    owner = slot.owner
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = _callback(on_click, args, kwargs)
    if key is not None:
        _bind_key(slot, str(key), _ReadOnlyTrigger(wid, str(key)))
    frame.show(slot.widget)
    return bool(runtime.triggers.get(wid, False))
