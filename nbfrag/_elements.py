"""Text elements: `st.write`, `st.markdown`, `st.title`, `st.header`, `st.subheader`,
`st.text`, `st.caption`.

Each is one `HTML` widget, reused across reruns: a changed text sends one update, an
unchanged one sends nothing. Markdown is rendered here, in the kernel, with raw HTML off,
because what a fragment shows may have been typed by a visitor (see `_markdown`).
"""

from __future__ import annotations

from typing import Any

from ._markdown import escape, inline_markdown_html, markdown_html
from ._reconciler import Slot
from ._runtime import runtime
from ._views import Html

# Inside JupyterLab/Voila this class gives Markdown the notebook's own typography.
_PROSE = "jp-RenderedHTMLCommon"


def place_html(kind: str, html: str, text: str, body: Any = None) -> Slot:
    """Draw an HTML element at the cursor (the building block of every text element).

    `text` is what the element shows as plain text (reprs, nbval); `body` what the app passed
    (defaults to `text`), which `nbfrag.testing` reads as the element's value."""
    frame = runtime.require_frame()

    def update(widget: Any) -> None:
        widget.value = html
        widget.text = text

    slot = frame.block.place(
        kind, None, lambda: Html(f"nbfrag-{kind}"), update, text=lambda: text, props=(html, text)
    )
    slot.body = text if body is None else body
    frame.show(slot.widget)
    return slot


def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display Markdown (CommonMark with tables and ~~strikethrough~~).

    Raw HTML in `body` is shown as text unless `unsafe_allow_html=True`: never pass that
    for text a visitor can influence.
    """
    text = str(body)
    html = markdown_html(text, allow_html=unsafe_allow_html)
    place_html("markdown", f"<div class='{_PROSE}'>{html}</div>", text)


def _heading(level: int, body: Any, anchor: str | None = None) -> None:
    text = str(body)
    tag = f"h{level}"
    anchor_attr = f" id='{escape(anchor)}'" if anchor else ""
    html = f"<div class='{_PROSE}'><{tag}{anchor_attr}>{inline_markdown_html(text)}</{tag}></div>"
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
    """Display fixed-width text exactly as given (no Markdown)."""
    value = str(body)
    html = f"<div style='font-family:var(--jp-code-font-family,monospace);white-space:pre-wrap'>{escape(value)}</div>"
    place_html("text", html, value)


def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> None:
    """Display small, muted text for captions, footnotes and asides (Markdown allowed)."""
    value = str(body)
    html = markdown_html(value, allow_html=unsafe_allow_html)
    place_html(
        "caption",
        f"<div class='{_PROSE}' style='font-size:0.85em;opacity:0.7'>{html}</div>",
        value,
    )


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write anything: strings as Markdown, exceptions as exception elements, and every other
    object through the notebook's rich display (DataFrames, figures, images, widgets...).

    Consecutive string arguments are joined with spaces into one Markdown element.
    """
    words: list[str] = []
    for arg in args:
        if isinstance(arg, str):
            words.append(arg)
            continue
        if words:
            markdown(" ".join(words), unsafe_allow_html=unsafe_allow_html)
            words = []
        if isinstance(arg, BaseException):
            exception(arg)
        else:
            rich(arg)
    if words:
        markdown(" ".join(words), unsafe_allow_html=unsafe_allow_html)


def rich(obj: Any) -> None:
    """Display an object with the frontend's own renderers (trusted rich output)."""
    frame = runtime.require_frame()
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover
        shell = None
    if shell is not None:
        data, metadata = shell.display_formatter.format(obj)
    else:
        data, metadata = {"text/plain": repr(obj)}, {}
    frame.block.append_output({"output_type": "display_data", "data": data, "metadata": metadata})
    frame.show(frame.block.slots[-1].widget)


def exception(exc: BaseException) -> None:
    """Display an exception: its type, message and traceback."""
    frame = runtime.require_frame()
    frame.show(runtime.show_exception(frame.block, exc).widget)
