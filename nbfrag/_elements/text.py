"""Text elements: `st.markdown`, `st.title`, `st.header`, `st.subheader`, `st.text`, `st.caption`, `st.exception`."""

from __future__ import annotations

from typing import Any

from .._runtime.execution import show_exception
from .._runtime.markdown import escape, inline_markdown_html, markdown_html
from .._runtime.runtime import runtime
from .base import PROSE, clean_text, place_html


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display Markdown text.

    Rendered in the kernel (CommonMark with tables and ~~strikethrough~~) with raw HTML off, so
    the page shows no markup it was not told to trust. As in Streamlit, the text is dedented
    and stripped first, so an indented triple-quoted string is ordinary text, not a code block.

    Parameters
    ----------
    body : str
        The Markdown source; other objects are converted with `str()`.
    unsafe_allow_html : bool, default False
        Render raw HTML in `body`. Off, HTML tags are shown as text. Never turn it on for text a
        visitor can influence.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No Streamlit Markdown extensions: `:emoji:` shortcodes, `:color[text]`, `:material/...:`
      icons and `$...$` LaTeX show as written.
    * `help` is not shown.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.markdown("**Bold**, *italic*, `code` and a [link](https://jupyter.org).")
    """
    text = clean_text(body)
    html = markdown_html(text, allow_html=unsafe_allow_html)
    place_html("markdown", f"<div class='{PROSE}'>{html}</div>", text)


def _heading(level: int, body: Any, anchor: str | None = None) -> None:
    text = clean_text(body)
    tag = f"h{level}"
    anchor_attr = f" id='{escape(anchor)}'" if anchor else ""
    html = f"<div class='{PROSE}'><{tag}{anchor_attr}>{inline_markdown_html(text)}</{tag}></div>"
    place_html(("title", "header", "subheader")[level - 1], html, f"{'#' * level} {text}", text)


def title(body: Any, anchor: str | None = None, *, help: str | None = None) -> None:
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

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.title("Greenhouse *dashboard*", anchor="top")
    """
    _heading(1, body, anchor)


def header(body: Any, anchor: str | None = None, *, help: str | None = None, divider: Any = False) -> None:
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
    divider : bool or str, default False
        Accepted for compatibility and not drawn: a notebook heading has no coloured rule under
        it (call `st.divider()` after it for a plain one).

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown, and `divider` draws no rule.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.header("Watering", anchor="watering")
    """
    _heading(2, body, anchor)


def subheader(body: Any, anchor: str | None = None, *, help: str | None = None, divider: Any = False) -> None:
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
    divider : bool or str, default False
        Accepted for compatibility and not drawn: a notebook heading has no coloured rule under
        it (call `st.divider()` after it for a plain one).

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No anchor made from the text and no link icon: only an explicit `anchor` becomes an id.
    * `help` is not shown, and `divider` draws no rule.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.subheader("Ferns")
    """
    _heading(3, body, anchor)


def text(body: Any, *, help: str | None = None) -> None:
    """Display text in a fixed-width font, exactly as given (no Markdown).

    Parameters
    ----------
    body : str
        The text; other objects are converted with `str()`. Line breaks and spaces are kept.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `help` is not shown.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.text("*Not* italic: shown as typed.")
    """
    value = clean_text(body)
    html = f"<div style='font-family:var(--jp-code-font-family,monospace);white-space:pre-wrap'>{escape(value)}</div>"
    place_html("text", html, value)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display small, muted text for captions, footnotes and asides.

    Parameters
    ----------
    body : str
        The text, as Markdown; other objects are converted with `str()`.
    unsafe_allow_html : bool, default False
        Render raw HTML in `body`. Off, HTML tags are shown as text.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No Streamlit Markdown extensions: `:emoji:` shortcodes, `:color[text]`, `:material/...:`
      icons and `$...$` LaTeX show as written.
    * `help` is not shown.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.caption("Readings are taken every *ten minutes*.")
    """
    value = clean_text(body)
    html = markdown_html(value, allow_html=unsafe_allow_html)
    place_html(
        "caption",
        f"<div class='{PROSE}' style='font-size:0.85em;opacity:0.7'>{html}</div>",
        value,
    )


def exception(exc: BaseException) -> None:
    """Display an exception: its type, message and traceback.

    Traceback lines from inside nbfrag are left out. Under Voila only the type and message are
    shown, because a dashboard is a public page.

    Parameters
    ----------
    exc : BaseException
        The exception to show, usually one just caught.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * The parameter is named `exc` (Streamlit: `exception`), so pass it by position.
    * Under Voila the traceback is hidden.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> try:
    ...     1 / 0
    ... except ZeroDivisionError as error:
    ...     st.exception(error)
    """
    frame = runtime.require_frame()
    frame.show(show_exception(frame.block, exc, tracebacks=runtime.show_tracebacks).widget)
