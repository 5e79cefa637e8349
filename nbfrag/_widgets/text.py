"""Text inputs: `st.text_input` and `st.text_area`. They commit on Enter or blur
(`continuous_update=False`), as Streamlit's do: typing does not rerun at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, WidthWithoutContent


def _text_coerce(max_chars: int | None, allow_none: bool) -> Callable[[Any], str | None]:
    def coerce(value: Any) -> str | None:
        if value is None and allow_none:
            return None
        text = str(value)
        return text[:max_chars] if max_chars else text

    return coerce


def _show_text(password: bool) -> Callable[[str | None], str]:
    def show(value: str | None) -> str:
        if value is None:
            return "[]"
        return f"[{'•' * len(value) if password else value}]"

    return show


def _check_max_chars(max_chars: Any) -> int | None:
    if max_chars is None:
        return None
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0:
        raise errors.StreamlitAPIException(
            f"`max_chars` must be a positive integer or None; got {max_chars!r}."
        )
    return max_chars


def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: Key = None,
    type: Literal["default", "password"] = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    icon: str | None = None,
    width: WidthWithoutContent = "stretch",
) -> str | None:
    """Display a single-line text input. Returns its text (None if `value=None` and untouched).

    The value is sent when the user presses Enter or leaves the field, as in Streamlit.
    `type="password"` masks the text.
    """
    if type not in ("default", "password"):
        raise errors.StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
        )
    max_chars = _check_max_chars(max_chars)
    password = type == "password"

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)

    control = Control(
        lambda: (widgets.Password if password else widgets.Text)(continuous_update=False),
        configure,
        (placeholder,),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(password),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_input", label, key, (value, max_chars, type, autocomplete, placeholder), initial,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )


def text_area(
    label: str,
    value: str | None = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
) -> str | None:
    """Display a multi-line text input. Returns its text; sent when the field loses focus."""
    max_chars = _check_max_chars(max_chars)
    if height is not None and not isinstance(height, (int, str)):
        raise errors.StreamlitAPIException(f"`height` must be an int (pixels) or None; got {height!r}.")
    css_height = f"{height}px" if isinstance(height, int) else None

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)
        widget.layout.height = css_height
        widget.layout.width = "100%"

    control = Control(
        lambda: widgets.Textarea(continuous_update=False),
        configure,
        (placeholder, css_height),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(False),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_area", label, key, (value, height, max_chars, placeholder), initial, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
