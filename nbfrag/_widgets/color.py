"""`st.color_picker`: a hex colour string."""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, Width

_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def _color(value: Any) -> str:
    if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
        raise errors.StreamlitAPIException(
            f"This does not look like a hex color: {value!r}. Use the format '#RRGGBB' or "
            "'#RGB', e.g. '#00f900'."
        )
    return value


def color_picker(
    label: str,
    value: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
) -> str:
    """Display a color picker. Returns the color as a hex string such as `'#00f900'`."""
    start = _color("#000000" if value is None else value)
    control = Control(lambda: widgets.ColorPicker(concise=False), lambda w: None, None, coerce=_color)
    return input_widget(
        "color_picker", label, key, (start,), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
