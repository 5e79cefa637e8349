"""Headings: `st.title`, `st.header`, `st.subheader`.

The text is one line of Markdown rendered in the kernel (raw HTML off); the icon is shown as
escaped text before it, and the box takes `width`, `text_alignment` and `wrap` as the other
text elements do (`base.text_style`).
"""

from __future__ import annotations

from typing import Any

from .._runtime.markdown import escape, inline_markdown_html
from .._widgets.types import TextAlignment, Width
from .base import PROSE, check_text_layout, clean_text, place_html, text_style

_KINDS = ("title", "header", "subheader")


def _heading(
    level: int, body: Any, anchor: str | None, icon: str | None, width: Any, text_alignment: Any, wrap: Any
) -> None:
    check_text_layout(width, text_alignment, wrap)
    text = clean_text(body)
    icon_text = "" if icon is None else str(icon).strip()
    tag = f"h{level}"
    anchor_attr = f" id='{escape(anchor)}'" if anchor else ""
    style = text_style(width, text_alignment, wrap)
    style_attr = f" style='{style}'" if style else ""
    icon_html = f"<span class='nbfrag-heading-icon' aria-hidden='true'>{escape(icon_text)}</span> " if icon_text else ""
    html = (
        f"<div class='{PROSE}'><{tag}{anchor_attr}{style_attr}>{icon_html}{inline_markdown_html(text)}</{tag}></div>"
    )
    shown = f"{icon_text} {text}" if icon_text else text
    place_html(_KINDS[level - 1], html, f"{'#' * level} {shown}", text)


def title(
    body: Any,
    anchor: str | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: Width = "stretch",
    text_alignment: TextAlignment = "left",
    wrap: bool = True,
) -> None:
    """Display text as the page title.

    Parameters
    ----------
    body : str
        The heading text; inline Markdown (emphasis, code, links) is rendered.
    anchor : str, optional
        An `id` for the heading, so that a link to `#anchor` leads to it. Without one (or with
        False) the heading has no id.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    icon : str, optional
        Text shown before the heading, typically an emoji such as "🌿"; None or "" shows none.
    width : "stretch", "content" or int, default "stretch"
        The heading's width: its container's, its text's, or a number of pixels (never wider
        than the container). Other values raise `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the heading's box. Other values raise `StreamlitValueError`.
    wrap : bool, default True
        False keeps the heading on one line, cut with an ellipsis when it is too long. Anything
        but a bool raises `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown; `icon` is shown as text (a `":material/...:"` name is not turned
      into an icon).
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.title("Greenhouse *dashboard*", anchor="top", icon="🌿")
    """
    _heading(1, body, anchor, icon, width, text_alignment, wrap)


def header(
    body: Any,
    anchor: str | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: Any = False,
    width: Width = "stretch",
    text_alignment: TextAlignment = "left",
    wrap: bool = True,
) -> None:
    """Display text as a section header.

    Parameters
    ----------
    body : str
        The heading text; inline Markdown (emphasis, code, links) is rendered.
    anchor : str, optional
        An `id` for the heading, so that a link to `#anchor` leads to it. Without one (or with
        False) the heading has no id.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    icon : str, optional
        Text shown before the heading, typically an emoji such as "💧"; None or "" shows none.
    divider : bool or str, default False
        Accepted for compatibility and not drawn: a notebook heading has no coloured rule under
        it (call `st.divider()` after it for a plain one).
    width : "stretch", "content" or int, default "stretch"
        The heading's width: its container's, its text's, or a number of pixels (never wider
        than the container). Other values raise `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the heading's box. Other values raise `StreamlitValueError`.
    wrap : bool, default True
        False keeps the heading on one line, cut with an ellipsis when it is too long. Anything
        but a bool raises `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown, `divider` draws no rule, and `icon` is shown as text.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.header("Watering", anchor="watering", icon="💧", text_alignment="center")
    """
    _heading(2, body, anchor, icon, width, text_alignment, wrap)


def subheader(
    body: Any,
    anchor: str | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: Any = False,
    width: Width = "stretch",
    text_alignment: TextAlignment = "left",
    wrap: bool = True,
) -> None:
    """Display text as a sub-section header.

    Parameters
    ----------
    body : str
        The heading text; inline Markdown (emphasis, code, links) is rendered.
    anchor : str, optional
        An `id` for the heading, so that a link to `#anchor` leads to it. Without one (or with
        False) the heading has no id.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    icon : str, optional
        Text shown before the heading, typically an emoji such as "🌱"; None or "" shows none.
    divider : bool or str, default False
        Accepted for compatibility and not drawn: a notebook heading has no coloured rule under
        it (call `st.divider()` after it for a plain one).
    width : "stretch", "content" or int, default "stretch"
        The heading's width: its container's, its text's, or a number of pixels (never wider
        than the container). Other values raise `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the heading's box. Other values raise `StreamlitValueError`.
    wrap : bool, default True
        False keeps the heading on one line, cut with an ellipsis when it is too long. Anything
        but a bool raises `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown, `divider` draws no rule, and `icon` is shown as text.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.subheader("Ferns")
    """
    _heading(3, body, anchor, icon, width, text_alignment, wrap)
