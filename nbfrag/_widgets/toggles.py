"""On/off inputs: `st.checkbox` and `st.toggle`."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .base import Control, InputOwner, input_widget
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, Width


def _bool_text(mark_on: str, mark_off: str) -> Callable[[InputOwner], str]:
    return lambda owner: f"{mark_on if owner.value else mark_off} {owner.label}"


def checkbox(
    label: str,
    value: bool = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
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
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
) -> bool:
    """Display an on/off toggle (a ToggleButton in Jupyter). Returns whether it is on."""
    control = Control(widgets.ToggleButton, lambda w: None, None, coerce=bool)
    return input_widget(
        "toggle", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, text=_bool_text("(on)", "(off)"),
    )
