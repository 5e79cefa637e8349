"""Alert boxes: `st.error`, `st.warning`, `st.info`, `st.success`.

The body is Markdown rendered in the kernel with raw HTML off (see `_markdown`) and the icon
is shown as escaped text: an alert often repeats what a visitor typed ("No user named ...").
Errors and warnings are `role="alert"` (announced at once by screen readers), info and
success `role="status"`.
"""

from __future__ import annotations

from typing import Any

from .._runtime.markdown import escape, markdown_html
from .base import clean_text, place_html

# kind: (label in the text form, ARIA role, accent colour)
_STYLES = {
    "error": ("Error", "alert", "#d32f2f"),
    "warning": ("Warning", "alert", "#ed6c02"),
    "info": ("Info", "status", "#0288d1"),
    "success": ("Success", "status", "#2e7d32"),
}


def _alert(kind: str, body: Any, icon: str | None) -> None:
    html, text = alert_html(kind, body, icon)
    place_html(kind, html, text, clean_text(body))


def alert_html(kind: str, body: Any, icon: str | None) -> tuple[str, str]:
    """An alert's HTML and its text form (`kind` is "error", "warning", "info" or "success")."""
    label, role, colour = _STYLES[kind]
    value = clean_text(body)
    icon_text = "" if icon is None else str(icon)
    icon_html = (
        f"<span class='nbfrag-alert-icon' aria-hidden='true' style='margin-right:0.5em'>{escape(icon_text)}</span>"
        if icon_text
        else ""
    )
    html = (
        f"<div class='nbfrag-alert nbfrag-{kind} jp-RenderedHTMLCommon' role='{role}' "
        f"style='display:flex;align-items:baseline;border-left:4px solid {colour};"
        f"background:color-mix(in srgb,{colour} 10%,transparent);padding:0.25em 1em;"
        f"border-radius:4px;margin:0.25em 0'>{icon_html}<div>{markdown_html(value)}</div></div>"
    )
    text = f"{label}: {icon_text + ' ' if icon_text else ''}{value}"
    return html, text


def error(body: Any, *, icon: str | None = None, width: Any = None) -> None:
    """Display an error message in a red box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * `width` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.error("The sensor does not answer.", icon="🚨")
    """
    _alert("error", body, icon)


def warning(body: Any, *, icon: str | None = None, width: Any = None) -> None:
    """Display a warning in a orange box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * `width` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.warning("The soil is getting dry.", icon="⚠️")
    """
    _alert("warning", body, icon)


def info(body: Any, *, icon: str | None = None, width: Any = None) -> None:
    """Display an informational message in a blue box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * `width` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.info("Readings refresh every ten minutes.")
    """
    _alert("info", body, icon)


def success(body: Any, *, icon: str | None = None, width: Any = None) -> None:
    """Display a success message in a green box.

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is shown as text); other objects are converted with
        `str()`.
    icon : str, optional
        Text shown before the message, typically an emoji.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `icon` is shown as text: a `":material/...:"` name is not turned into an icon.
    * `width` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.success("All plants watered!", icon="✅")
    """
    _alert("success", body, icon)
