"""`st.badge` (a coloured label, the `:color-badge[...]` Markdown directive as an element) and
`st.space` (empty room between elements)."""

from __future__ import annotations

from typing import Any, Literal

from .. import errors
from .._runtime.directives import BADGE_COLORS, check_icon
from .._runtime.markdown import escape, inline_markdown_html
from .._widgets.types import Width
from .base import check_text_layout, place_html, text_style

BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"]


def badge(
    label: str,
    *,
    icon: str | None = None,
    color: BadgeColor = "blue",
    width: Width = "content",
    help: str | None = None,
) -> None:
    """Display a small coloured badge with a label and an optional icon.

    The same as the Markdown directive `:blue-badge[label]`; several badges side by side are
    one `st.markdown(":green-badge[Done] :gray-badge[Archived]")`.

    Parameters
    ----------
    label : str
        The badge's text, as inline Markdown (bold, italics, code; raw HTML is shown as text).
        Square brackets are shown as written.
    icon : str, optional
        An emoji or a `":material/name:"` icon shown before the label.
    color : {"red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"}, default "blue"
        The badge's colour. Other values raise `StreamlitValueError`.
    width : "content", "stretch" or int, default "content"
        The element's width: the badge's, its container's, or a number of pixels. Other values
        raise `StreamlitInvalidWidthError`.
    help : str, optional
        A tooltip (plain text) shown when the pointer rests on the badge.

    Returns
    -------
    None
        Nothing (Streamlit returns the element).

    Differences from Streamlit
    --------------------------
    * A colour outside Streamlit's list raises `StreamlitValueError` (Streamlit shows the
      directive as text).
    * `help` is a plain tooltip; a `:material/...:` icon shows its name unless the page loads
      the Material Symbols font.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.badge("New")
    >>> st.badge("Success", icon=":material/check:", color="green")
    """
    check_text_layout(width, "left", True)
    if color not in BADGE_COLORS:
        raise errors.StreamlitValueError("color", [f"'{c}'" for c in BADGE_COLORS], detail=f"Got {color!r}.")
    text = str(label)
    shown_icon = check_icon(icon)
    # The label is one directive's content: its brackets are escaped so it cannot close it.
    escaped = text.replace("[", "\\[").replace("]", "\\]")
    body = f":{color}-badge[{shown_icon + ' ' if shown_icon else ''}{escaped}]"
    style = text_style(width, natural="content")
    title = f" title='{escape(help)}'" if help else ""
    html = f"<div class='nbfrag-badge-body'{title}{f' style={chr(39)}{style}{chr(39)}' if style else ''}>"
    html += f"{inline_markdown_html(body)}</div>"
    place_html("badge", html, f"[{shown_icon + ' ' if shown_icon else ''}{text}]", text)


# Streamlit's sizes, in rem.
_SPACES = {"xxsmall": 0.25, "xsmall": 0.5, "small": 0.75, "medium": 2.5, "large": 4.25, "xlarge": 6, "xxlarge": 8}
_SPACE_VALUES = [*(f"'{size}'" for size in ("stretch", *_SPACES)), "a positive integer"]


def space(size: Any = "small") -> None:
    """Add empty room between elements.

    Parameters
    ----------
    size : "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge", "stretch" or int, default "small"
        How much room: Streamlit's sizes, 0.25, 0.5, 0.75 (a widget label's height), 2.5 (a
        button's), 4.25, 6 and 8 rem; a positive number of pixels; or "stretch". Other values
        raise `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element).

    Differences from Streamlit
    --------------------------
    * The room is always vertical (a horizontal container gets it as width too), and
      `"stretch"` adds none: a notebook's containers grow with their content.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.text("Above")
    >>> st.space("medium")
    >>> st.text("Below")
    """
    valid = (isinstance(size, str) and (size == "stretch" or size in _SPACES)) or (
        isinstance(size, int) and not isinstance(size, bool) and size > 0
    )
    if not valid:
        raise errors.StreamlitValueError("size", _SPACE_VALUES, detail=f"Got {size!r}.")
    length = f"{size}px" if isinstance(size, int) else f"{_SPACES.get(size, 0)}rem"
    html = f"<div class='nbfrag-space' style='height:{length};min-width:{length}'></div>"
    place_html("space", html, "", size)
