"""On/off inputs: `st.checkbox` and `st.toggle`."""

from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from .base import Callback, Control, InputOwner, input_widget


def _bool_text(mark_on: str, mark_off: str) -> Callable[[InputOwner], str]:
    return lambda owner: f"{mark_on if owner.shown() else mark_off} {owner.label}"


def checkbox(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> bool:
    """Display a checkbox. Returns whether it is checked."""
    control = Control(lambda: widgets.Checkbox(indent=False), lambda w: None, None, coerce=bool)
    return input_widget(
        "checkbox", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, text=_bool_text("[x]", "[ ]"),
    )


def toggle(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> bool:
    """Display an on/off toggle (a ToggleButton in Jupyter). Returns whether it is on."""
    control = Control(widgets.ToggleButton, lambda w: None, None, coerce=bool)
    return input_widget(
        "toggle", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, text=_bool_text("(on)", "(off)"),
    )
