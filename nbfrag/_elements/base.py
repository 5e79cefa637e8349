"""The two ways every element is drawn: `place_html` (an `HTML` widget whose text form is
the element's text) and `place_outputs` (rich output in an `Output` widget, rendered by the
frontend's own renderers; see `mimebundle`).
"""

from __future__ import annotations

import contextlib
import re
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets

from .._runtime.models import set_layout, shared_parts
from .._runtime.reconciler import Slot
from .._runtime.runtime import runtime
from .._runtime.shell import shell
from .._runtime.views import Html, TextRepr
from .._widgets.types import check_text_alignment, check_width, check_wrap

# Inside JupyterLab/Voila this class gives Markdown the notebook's own typography.
PROSE = "jp-RenderedHTMLCommon"


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
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def check_text_layout(width: Any, text_alignment: Any, wrap: Any, *, auto_width: bool = False) -> None:
    """Streamlit's errors for a text element's `width`, `text_alignment` and `wrap`."""
    if not (auto_width and width == "auto"):
        check_width(width, allow_content=True)
    check_text_alignment(text_alignment)
    check_wrap(wrap)


def text_style(width: Any, text_alignment: str = "left", wrap: bool = True, *, natural: str = "stretch") -> str:
    """The CSS of a text element's box for `width` (pixels, "content", or the element's
    `natural` width), `text_alignment` and `wrap=False` (one line, cut with an ellipsis).
    Empty when all three are the element's defaults, so its HTML stays as it was."""
    rules = []
    if isinstance(width, int):
        rules.append(f"width:{width}px;max-width:100%")
    elif width == "content" and natural != "content":
        rules.append("width:fit-content;max-width:100%")
    if text_alignment != "left":
        rules.append(f"text-align:{text_alignment}")
    if not wrap:
        rules.append("white-space:nowrap;overflow:hidden;text-overflow:ellipsis")
    return ";".join(rules)


def clean_text(body: Any) -> str:
    """The text of a text element, as Streamlit takes it: `str`, dedented, stripped. So an
    indented triple-quoted string is plain text, not a Markdown code block."""
    return textwrap.dedent(str(body)).strip()


def mimebundle(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """An object's rich representations, as the notebook itself would compute them.

    With an IPython shell its display formatter decides (so registered formatters and
    options apply); without one, the object's own `_repr_*_` methods do. A repr that raises
    raises here (IPython would print it as the cell's error, which the page's run draws in
    place instead)."""
    running = shell()
    if running is not None:
        formatter = running.display_formatter
        with _raising_format_errors(running):
            data, metadata = formatter.format(obj)
        # A terminal IPython (and the test shell) disables the HTML, image... formatters,
        # which only says that *it* cannot show them: the frontend of our Output widget can.
        disabled = {mime for mime, f in formatter.formatters.items() if not f.enabled}
        own = {mime: value for mime, value in _own_reprs(obj, disabled).items() if mime not in data}
        return {**own, **data}, dict(metadata)
    if callable(getattr(obj, "_repr_mimebundle_", None)):
        bundle = obj._repr_mimebundle_()
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        if data:
            return {"text/plain": repr(obj), **data}, dict(metadata or {})
    return {"text/plain": repr(obj), **_own_reprs(obj, set(_REPR_METHODS))}, {}


@contextlib.contextmanager
def _raising_format_errors(running: Any) -> Iterator[None]:
    """IPython's formatters report a failing repr through `shell.showtraceback` (an iopub
    `error`: Voila's "error executing cell"); inside, the first such error is raised instead."""
    failures: list[BaseException] = []

    def record(exc_tuple: Any = None, *args: Any, **kwargs: Any) -> None:
        error = exc_tuple[1] if exc_tuple else sys.exc_info()[1]
        if error is not None:
            failures.append(error)

    own = vars(running).get("showtraceback")  # an instance override (nested, or a test's)
    running.showtraceback = record
    try:
        yield
    finally:
        if own is None:
            del running.showtraceback
        else:
            running.showtraceback = own
    if failures:
        raise failures[0]


def _own_reprs(obj: Any, mimes: set[str]) -> dict[str, Any]:
    """The object's `_repr_*_` results for these mime types (those it has)."""
    data: dict[str, Any] = {}
    for mime in mimes & set(_REPR_METHODS):
        method = getattr(obj, _REPR_METHODS[mime], None)
        value = method() if callable(method) else None
        if value is not None:
            data[mime] = value
    return data


_REPR_METHODS = {
    "text/html": "_repr_html_",
    "text/markdown": "_repr_markdown_",
    "text/latex": "_repr_latex_",
    "image/svg+xml": "_repr_svg_",
    "image/png": "_repr_png_",
    "image/jpeg": "_repr_jpeg_",
    "application/json": "_repr_json_",
}


def has_rich_repr(obj: Any) -> bool:
    """Whether the object renders itself (beyond `repr`), e.g. `_repr_html_`."""
    return any(
        callable(getattr(obj, name, None)) for name in ("_repr_mimebundle_", *_REPR_METHODS.values())
    )


def display_output(data: dict[str, Any], metadata: dict[str, Any] | None = None) -> dict[str, Any]:
    """One nbformat `display_data` output."""
    return {"output_type": "display_data", "data": data, "metadata": metadata or {}}


def place_outputs(
    kind: str,
    outputs: list[dict[str, Any]],
    text: str,
    body: Any,
    *,
    size: tuple[str | None, str | None] = (None, None),
) -> Slot:
    """Draw rich outputs (DataFrames, images, charts) at the cursor in a reused `Output` widget.

    The frontend renders them with its own renderers, as it would a cell's output. The outputs
    are set as the widget's `outputs` trait (never `with out:`, which routes by message and
    would catch unrelated output); an unchanged element sends nothing, a changed one one update.
    `size` is the widget's CSS (width, height); a fixed height scrolls its content.
    """
    frame = runtime.require_frame()
    published = tuple(outputs)
    width, height = size

    def update(widget: Any) -> None:
        widget.text = text
        widget.outputs = published
        set_layout(widget, width=width, height=height, overflow="auto" if height else None)

    slot = frame.block.place(
        kind, None, lambda: RichOutput(f"nbfrag-{kind}"), update, text=lambda: text, props=(published, text, size)
    )
    slot.body = body
    frame.show(slot.widget)
    return slot


class RichOutput(TextRepr, widgets.Output):
    """The `Output` widget of a rich element (a DataFrame, an image, a chart)."""

    def __init__(self, css_class: str) -> None:
        super().__init__(**shared_parts(widgets.Output), _dom_classes=(css_class,))

