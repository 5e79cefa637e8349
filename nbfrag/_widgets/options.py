"""Options shared by every picker (radio, selectbox, multiselect, select_slider): the list of
options from any iterable or frame column, their labels through `format_func`, positions and
the `Control` for one-of-many widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from .. import errors
from .base import Control


def as_options(options: Any) -> list[Any]:
    """Options as a list: any iterable, a dict's keys, a DataFrame's first column (numpy and
    pandas values as Python's, as Streamlit lists them)."""
    if options is None:
        return []
    columns = getattr(options, "columns", None)
    if columns is not None and hasattr(options, "iloc"):
        options = options.iloc[:, 0] if len(columns) else []
    if callable(getattr(options, "tolist", None)):  # numpy arrays, pandas Series: plain Python values
        listed = options.tolist()
        if isinstance(listed, list):
            return listed
    try:
        return list(options)
    except TypeError:
        raise errors.StreamlitAPIException(
            f"`options` must be a list, tuple, dict, range or another iterable; got "
            f"{type(options).__name__}: {options!r}."
        ) from None


def option_labels(options: list[Any], format_func: Callable[[Any], Any]) -> list[str]:
    if not callable(format_func):
        raise errors.StreamlitAPIException(
            f"`format_func` must be a function that turns an option into its label; got {format_func!r}."
        )
    return [str(format_func(option)) for option in options]


def option_position(options: list[Any], value: Any) -> int:
    """The index of `value` in `options` (raises ValueError when absent)."""
    for i, option in enumerate(options):
        if option is value or option == value:
            return i
    raise ValueError(value)


def option_pairs(labels: list[str]) -> list[tuple[str, int]]:
    return [(label, i) for i, label in enumerate(labels)]


def one_of(
    create: Callable[[], widgets.Widget],
    options: list[Any],
    labels: list[str],
    orientation: str | None = None,
    default: Any = None,
) -> Control[Any]:
    """The Control of a widget that picks one option by its index (radio, selectbox). A value
    that is not an option (set in Session State, or kept while the options changed) becomes
    `default`, as Streamlit resets it."""

    def coerce(value: Any) -> Any:
        if value is None:
            return None
        try:
            return options[option_position(options, value)]
        except ValueError:
            return default

    def configure(widget: Any) -> None:
        widget.options = option_pairs(labels)
        if orientation is not None:
            widget.orientation = orientation

    return Control(
        create,
        configure,
        (tuple(labels), orientation),
        to_widget=lambda v: None if v is None else option_position(options, v),
        from_widget=lambda i: None if i is None else options[i],
        coerce=coerce,
        show=lambda v: "" if v is None else labels[option_position(options, v)],
        trait="index",
        options=tuple(labels),
    )


def start_index(element: str, index: Any, options: list[Any]) -> int | None:
    """`index` checked as Streamlit 1.67 checks it (`element` names the widget for the
    reader): an int or None (`StreamlitInvalidParameterTypeError`; a bool too, which Streamlit
    refuses as well), within `options` unless there are none (`StreamlitValueOutOfRangeError`)."""
    if index is None:
        return None
    if isinstance(index, bool) or not isinstance(index, int):
        raise errors.StreamlitInvalidParameterTypeError("index", type(index).__name__, ["int", "None"])
    if not options:
        return None
    if not 0 <= index < len(options):
        raise errors.StreamlitValueOutOfRangeError("index", index, 0, len(options) - 1)
    return index


def summarize_labels(labels: list[str], most: int = 12) -> str:
    shown = ", ".join(labels[:most])
    return shown + (f", ... ({len(labels)} in all)" if len(labels) > most else "")
