"""The types of the arguments every widget repeats, named once (as Streamlit names them).

Literal types let an editor or a type checker catch `label_visibility="hiden"`; the widgets
still check their arguments at run time and raise Streamlit's errors for bad values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeAlias, get_args

from .. import errors

Key: TypeAlias = str | int | None
"""A widget's `key=`: its identity and its name in Session State (an int is used as a str)."""

Callback: TypeAlias = Callable[..., Any] | None
"""An `on_change`/`on_click` argument: a function, or None."""

WidgetArgs: TypeAlias = tuple[Any, ...] | list[Any] | None
"""The positional arguments `args=` passed to a widget's callback."""

WidgetKwargs: TypeAlias = dict[str, Any] | None
"""The keyword arguments `kwargs=` passed to a widget's callback."""

LabelVisibility: TypeAlias = Literal["visible", "hidden", "collapsed"]
"""`"visible"` shows the label, `"hidden"` keeps its space empty, `"collapsed"` removes it."""



def check_label_visibility(label_visibility: str) -> None:
    """Streamlit's error for a `label_visibility` that is none of `LabelVisibility`."""
    if label_visibility not in get_args(LabelVisibility):
        raise errors.StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
            "'visible', 'hidden' or 'collapsed'."
        )


Width: TypeAlias = int | Literal["stretch", "content"]
"""A widget's `width=`: pixels, the container's width, or its content's."""

WidthWithoutContent: TypeAlias = int | Literal["stretch"]
"""A `width=` for widgets without a content width (fields, sliders): pixels or the container's."""

ButtonType: TypeAlias = Literal["primary", "secondary", "tertiary"]
"""A button's emphasis: filled with the accent colour, outlined, or plain text."""


def css_size(value: Any, parameter: Literal["width", "height"], words: Mapping[str, str | None]) -> str | None:
    """A `width=`/`height=` argument as CSS: a positive int is pixels, a word of `words` its CSS
    (None: the natural size). Anything else raises Streamlit's `StreamlitInvalidWidthError` /
    `StreamlitInvalidHeightError`."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    if isinstance(value, str) and value in words:
        return words[value]
    error = errors.StreamlitInvalidWidthError if parameter == "width" else errors.StreamlitInvalidHeightError
    raise error(value, "content" in words)
