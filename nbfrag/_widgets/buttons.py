"""`st.button`: a value for one run only (True in the run its click caused)."""

from __future__ import annotations

from typing import Any, Callable, Hashable

import ipywidgets as widgets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .base import WidgetOwner, bind_key, make_callback, widget_frame

_BUTTON_STYLES = {"primary": "primary", "secondary": "", "tertiary": ""}


class _ReadOnlyTrigger:
    """Session State binding of a keyed button: True in the run its click caused."""

    def __init__(self, widget_id: Hashable, key: str) -> None:
        self._widget_id = widget_id
        self._key = key

    def get(self) -> Any:
        return bool(runtime.triggers.get(self._widget_id, False))

    def set(self, value: Any) -> None:
        raise errors.StreamlitValueAssignmentNotAllowedError(self._key)


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
    if form_of(runtime.require_frame().block) is not None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead "
            "to submit the form." + errors.FORMS_INFO
        )
    key = None if key is None else str(key)
    frame, wid = widget_frame("button", key, str(label), help, type, icon)
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
        owner = slot.owner = WidgetOwner(wid, "button", str(label), key)
        owner.read = lambda: bool(runtime.triggers.get(wid, False))
        slot.widget.on_click(lambda _button: runtime.dispatch(owner.request(trigger=True)))
    owner = slot.owner
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = make_callback(on_click, args, kwargs)
    if key is not None:
        bind_key(slot, key, _ReadOnlyTrigger(wid, key))
    frame.show(slot.widget)
    return bool(runtime.triggers.get(wid, False))
