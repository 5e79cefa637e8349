"""Text elements: `st.markdown`, `st.text`, `st.caption`, `st.exception` (headings: `headings.py`).

`width`, `text_alignment` and `wrap` shape the element's box (`base.text_style`); with their
defaults an element's HTML is what it always was.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import errors
from .._runtime.execution import show_exception
from .._runtime.markdown import escape, inline_markdown_html, markdown_html
from .._runtime.runtime import runtime
from .._widgets.types import TextAlignment, Width, WidthWithoutContent, check_width
from .base import PROSE, check_text_layout, clean_text, place_html, text_style


def _style(width: Any, text_alignment: str, wrap: bool) -> str:
    """A `style` attribute for the box of a Markdown element, or nothing."""
    css = text_style("stretch" if width == "auto" else width, text_alignment, wrap)
    return f" style='{css}'" if css else ""


def markdown(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: Width | Literal["auto"] = "auto",
    text_alignment: TextAlignment = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> None:
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
    width : "auto", "stretch", "content" or int, default "auto"
        The element's width: "auto" and "stretch" its container's, "content" its text's, or a
        number of pixels (never wider than the container). Other values raise
        `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the element's box. Other values raise `StreamlitValueError`.
    anchors : bool, default True
        Accepted for compatibility: Streamlit shows a link icon beside each Markdown heading
        unless this is False; nbfrag never adds one.
    wrap : bool, default True
        False keeps the text on one line, cut with an ellipsis when it is too long (then only inline
        Markdown is rendered, as in Streamlit: a leading `#` or `-` is plain text). With
        `unsafe_allow_html=True` it raises `StreamlitIncompatibleParametersError`.
        Anything but a bool raises `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Streamlit's Markdown extensions are rendered (`:smile:` emoji shortcodes, `:red[text]`,
      `:blue-background[text]`, `:rainbow[text]`, `:green-badge[text]`, `:small[text]`, `->`
      as →), but `:material/...:` icons show as their names unless the page loads the Material
      Symbols font, `:shimmer[...]` is only muted, and `:streamlit:` and `$...$` LaTeX show as
      written.
    * `help` is not shown; headings get no link icons whatever `anchors` says.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.markdown("**Bold**, *italic*, `code` and a [link](https://jupyter.org).")
    >>> st.markdown("A centred line.", text_alignment="center")
    """
    check_text_layout(width, text_alignment, wrap, auto_width=True)
    if wrap is False and unsafe_allow_html:
        raise errors.StreamlitIncompatibleParametersError(
            "wrap=False", "unsafe_allow_html=True",
            "One-line markdown cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit "
            "`unsafe_allow_html` to truncate.",
        )
    text = clean_text(body)
    html = markdown_html(text, allow_html=unsafe_allow_html) if wrap else inline_markdown_html(text)
    place_html("markdown", f"<div class='{PROSE}'{_style(width, text_alignment, wrap)}>{html}</div>", text)


def text(
    body: Any,
    *,
    help: str | None = None,
    width: Width = "content",
    text_alignment: TextAlignment = "left",
    wrap: bool = True,
) -> None:
    """Display text in a fixed-width font, exactly as given (no Markdown).

    Parameters
    ----------
    body : str
        The text; other objects are converted with `str()`. Line breaks and spaces are kept.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    width : "content", "stretch" or int, default "content"
        The element's width: "content" its text's, "stretch" its container's, or a number of
        pixels (never wider than the container). Other values raise `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the element's box. Other values raise `StreamlitValueError`.
    wrap : bool, default True
        False keeps the text on one line, cut with an ellipsis when it is too long.
        Anything but a bool raises `StreamlitValueError`.

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
    check_text_layout(width, text_alignment, wrap)
    value = clean_text(body)
    extra = text_style(width, text_alignment, wrap, natural="content")
    style = "font-family:var(--jp-code-font-family,monospace);white-space:pre-wrap" + (f";{extra}" if extra else "")
    place_html("text", f"<div style='{style}'>{escape(value)}</div>", value)


def caption(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: Width = "stretch",
    text_alignment: TextAlignment = "left",
    wrap: bool = True,
) -> None:
    """Display small, muted text for captions, footnotes and asides.

    Parameters
    ----------
    body : str
        The text, as Markdown; other objects are converted with `str()`.
    unsafe_allow_html : bool, default False
        Render raw HTML in `body`. Off, HTML tags are shown as text.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    width : "stretch", "content" or int, default "stretch"
        The element's width: "stretch" its container's, "content" its text's, or a number of
        pixels (never wider than the container). Other values raise `StreamlitInvalidWidthError`.
    text_alignment : {"left", "center", "right", "justify"}, default "left"
        How the text is aligned in the element's box. Other values raise `StreamlitValueError`.
    wrap : bool, default True
        False keeps the text on one line, cut with an ellipsis when it is too long (then only inline
        Markdown is rendered).
        Anything but a bool raises `StreamlitValueError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Streamlit's Markdown extensions are rendered (`:smile:` emoji shortcodes, `:red[text]`,
      `:blue-background[text]`, `:rainbow[text]`, `:green-badge[text]`, `:small[text]`, `->`
      as →), but `:material/...:` icons show as their names unless the page loads the Material
      Symbols font, `:shimmer[...]` is only muted, and `:streamlit:` and `$...$` LaTeX show as
      written.
    * `help` is not shown.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.caption("Readings are taken every *ten minutes*.")
    """
    check_text_layout(width, text_alignment, wrap)
    value = clean_text(body)
    if wrap:
        html = markdown_html(value, allow_html=unsafe_allow_html)
    else:
        html = inline_markdown_html(value, allow_html=unsafe_allow_html)
    extra = text_style(width, text_alignment, wrap)
    style = "font-size:0.85em;opacity:0.7" + (f";{extra}" if extra else "")
    place_html("caption", f"<div class='{PROSE}' style='{style}'>{html}</div>", value)


def exception(exception: BaseException, width: WidthWithoutContent = "stretch") -> None:
    """Display an exception: its type, message and traceback.

    Traceback lines from inside nbfrag are left out. Under Voila only the type and message are
    shown, because a dashboard is a public page.

    Parameters
    ----------
    exception : BaseException
        The exception to show, usually one just caught.
    width : "stretch" or int, default "stretch"
        Checked as Streamlit checks it (`StreamlitInvalidWidthError`), then ignored: the
        exception spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Under Voila the traceback is hidden; `width` is ignored.
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
    check_width(width, allow_content=False)
    frame = runtime.require_frame()
    frame.show(show_exception(frame.block, exception, tracebacks=runtime.show_tracebacks).widget)
