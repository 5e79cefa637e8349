"""Alert boxes: `st.error`, `st.warning`, `st.info`, `st.success`.

The body is Markdown rendered in the kernel with raw HTML off (see `_markdown`) and the icon
is shown as escaped text: an alert often repeats what a visitor typed ("No user named ...").
Errors and warnings are `role="alert"` (announced at once by screen readers), info and
success `role="status"`.
"""

from __future__ import annotations

from typing import Any

from .._runtime.markdown import escape, inline_markdown_html, markdown_html
from .._widgets.types import WidthWithoutContent, check_width
from .base import clean_text, place_html

# kind: (label in the text form, ARIA role, accent colour)
_STYLES = {
    "error": ("Error", "alert", "#d32f2f"),
    "warning": ("Warning", "alert", "#ed6c02"),
    "info": ("Info", "status", "#0288d1"),
    "success": ("Success", "status", "#2e7d32"),
}


def _alert(kind: str, body: Any, icon: str | None, width: Any, title: Any) -> None:
    check_width(width, allow_content=False)
    html, text = alert_html(kind, body, icon, width=width, title=title)
    place_html(kind, html, text, clean_text(body))


def alert_html(
    kind: str, body: Any, icon: str | None, *, width: WidthWithoutContent = "stretch", title: Any = None
) -> tuple[str, str]:
    """An alert's HTML and its text form (`kind` is "error", "warning", "info" or "success";
    `width` already checked, `title` shown in bold above the body)."""
    label, role, colour = _STYLES[kind]
    value = clean_text(body)
    icon_text = "" if icon is None else str(icon)
    heading = None if title is None else clean_text(title)
    icon_html = (
        f"<span class='nbfrag-alert-icon' aria-hidden='true' style='margin-right:0.5em'>{escape(icon_text)}</span>"
        if icon_text
        else ""
    )
    title_html = (
        f"<div class='nbfrag-alert-title' style='font-weight:bold'>{inline_markdown_html(heading)}</div>"
        if heading
        else ""
    )
    size = f";width:{width}px;max-width:100%" if isinstance(width, int) else ""
    html = (
        f"<div class='nbfrag-alert nbfrag-{kind} jp-RenderedHTMLCommon' role='{role}' "
        f"style='display:flex;align-items:baseline;border:1px solid color-mix(in srgb,{colour} 25%,transparent);"
        f"background:color-mix(in srgb,{colour} 12%,transparent);padding:0.75em 1em;"
        f"border-radius:0.5rem;margin:0.25em 0{size}'>"
        f"{icon_html}<div>{title_html}{markdown_html(value)}</div></div>"
    )
    shown = f"{heading}: {value}" if heading else value
    text = f"{label}: {icon_text + ' ' if icon_text else ''}{shown}"
    return html, text


def error(
    body: Any, *, icon: str | None = None, width: WidthWithoutContent = "stretch", title: str | None = None
) -> None:
    """Display an error message in a red box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch" or int, default "stretch"
        The box's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.
    title : str, optional
        A bold line above the message; inline Markdown (emphasis, code, links) is rendered.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.error("The sensor does not answer.", icon="🚨", title="Sensor 3")
    """
    _alert("error", body, icon, width, title)


def warning(
    body: Any, *, icon: str | None = None, width: WidthWithoutContent = "stretch", title: str | None = None
) -> None:
    """Display a warning in a orange box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch" or int, default "stretch"
        The box's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.
    title : str, optional
        A bold line above the message; inline Markdown (emphasis, code, links) is rendered.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.warning("The soil is getting dry.", icon="⚠️")
    """
    _alert("warning", body, icon, width, title)


def info(
    body: Any, *, icon: str | None = None, width: WidthWithoutContent = "stretch", title: str | None = None
) -> None:
    """Display an informational message in a blue box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch" or int, default "stretch"
        The box's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.
    title : str, optional
        A bold line above the message; inline Markdown (emphasis, code, links) is rendered.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.info("Readings refresh every ten minutes.")
    """
    _alert("info", body, icon, width, title)


def success(
    body: Any, *, icon: str | None = None, width: WidthWithoutContent = "stretch", title: str | None = None
) -> None:
    """Display a success message in a green box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch" or int, default "stretch"
        The box's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.
    title : str, optional
        A bold line above the message; inline Markdown (emphasis, code, links) is rendered.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.success("All plants watered!", icon="✅")
    """
    _alert("success", body, icon, width, title)
