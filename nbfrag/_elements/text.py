"""Text elements: `st.markdown`, `st.title`, `st.header`, `st.subheader`, `st.text`, `st.caption`, `st.exception`."""

from __future__ import annotations

from typing import Any

from .._runtime.markdown import escape, inline_markdown_html, markdown_html
from .._runtime.runtime import runtime
from .base import PROSE, clean_text, place_html


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display Markdown (CommonMark with tables and ~~strikethrough~~).

    Raw HTML in `body` is shown as text unless `unsafe_allow_html=True`: never pass that
    for text a visitor can influence. As in Streamlit, the text is dedented and stripped
    first (as are headers, `text`, `caption` and alerts), so an indented triple-quoted
    string is ordinary text, not a code block.
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
    """Display text as the page title (Markdown allowed inline)."""
    _heading(1, body, anchor)


def header(body: Any, anchor: str | None = None, *, help: str | None = None, divider: Any = False) -> None:
    """Display text as a section header (Markdown allowed inline)."""
    _heading(2, body, anchor)


def subheader(body: Any, anchor: str | None = None, *, help: str | None = None, divider: Any = False) -> None:
    """Display text as a sub-section header (Markdown allowed inline)."""
    _heading(3, body, anchor)


def text(body: Any, *, help: str | None = None) -> None:
    """Display fixed-width text as given (no Markdown), dedented and stripped as in Streamlit."""
    value = clean_text(body)
    html = f"<div style='font-family:var(--jp-code-font-family,monospace);white-space:pre-wrap'>{escape(value)}</div>"
    place_html("text", html, value)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display small, muted text for captions, footnotes and asides (Markdown allowed)."""
    value = clean_text(body)
    html = markdown_html(value, allow_html=unsafe_allow_html)
    place_html(
        "caption",
        f"<div class='{PROSE}' style='font-size:0.85em;opacity:0.7'>{html}</div>",
        value,
    )


def exception(exc: BaseException) -> None:
    """Display an exception: its type, message and traceback."""
    frame = runtime.require_frame()
    frame.show(runtime.show_exception(frame.block, exc).widget)
