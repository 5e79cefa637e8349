"""Text elements: `st.write`, `st.markdown`, `st.title`, `st.header`, `st.subheader`,
`st.text`, `st.caption`; and the two ways every element is drawn: `place_html` (an `HTML`
widget) and `place_outputs` (rich output in an `Output` widget, see `mimebundle`).

Each is one widget, reused across reruns: a changed text sends one update, an unchanged one
sends nothing. Markdown is rendered here, in the kernel, with raw HTML off, because what a
fragment shows may have been typed by a visitor (see `_markdown`).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from typing import Any

import ipywidgets as widgets

from ._markdown import escape, inline_markdown_html, markdown_html
from ._reconciler import Slot
from ._runtime import runtime
from ._views import Html, TextRepr

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
    """Write anything, choosing the element by type as Streamlit does:

    strings -> Markdown (consecutive ones, and the inline-code forms below, joined with spaces
    into one element); exceptions -> `exception`; pandas objects, numpy arrays and other
    DataFrame-likes -> `dataframe`; dicts, lists, tuples, namedtuples, Session State ->
    `json`; matplotlib figures -> `pyplot`; Plotly figures -> `plotly_chart`; PIL images ->
    `image`; SymPy expressions -> `latex`; functions, classes, modules, dataclass instances and
    objects whose `str` is a memory address -> `help`; objects with a rich repr
    (`_repr_html_`, `_repr_mimebundle_`, ...) -> the notebook's rich display; anything else
    (numbers, booleans, None) -> `str(arg)` as inline code (a code block when multi-line).
    """
    words: list[str] = []

    def flush() -> None:
        if words:
            markdown(" ".join(words), unsafe_allow_html=unsafe_allow_html)
            words.clear()

    for arg in args:
        if isinstance(arg, str):
            words.append(arg)
            continue
        draw = _writer(arg)
        if draw is None:
            words.append(_inline_code(str(arg)))
        else:
            flush()
            draw(arg)
    flush()


def _writer(arg: Any) -> Any:
    """The element `st.write` draws `arg` with, or None for inline code in the Markdown."""
    from . import _code, _data, _media

    module = type(arg).__module__.split(".")[0]
    name = type(arg).__name__
    if isinstance(arg, BaseException):
        return exception
    if _data.is_dataframe_like(arg):
        return _data.dataframe
    if module == "matplotlib" and hasattr(arg, "savefig"):
        return _media.pyplot
    if module == "plotly" and hasattr(arg, "to_plotly_json"):
        return _media.plotly_chart
    if module == "PIL" and hasattr(arg, "getbands"):
        return _media.image
    if module == "sympy":
        return _code.latex
    if isinstance(arg, (dict, list, tuple)) or _is_mapping(arg):
        return _data.json
    if isinstance(arg, _HELP_TYPES) or inspect.isclass(arg) or dataclasses.is_dataclass(arg):
        return _code.help
    if has_rich_repr(arg):
        return rich
    if name != "str" and _MEMORY_ADDRESS_REPR.search(str(arg)):
        return _code.help
    return None


def _is_mapping(arg: Any) -> bool:
    from collections.abc import Mapping

    return isinstance(arg, Mapping)


_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)
_MEMORY_ADDRESS_REPR = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")  # `<Foo object at 0x7f...>`
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _inline_code(text: str) -> str:
    """`text` as Markdown code that no backtick inside it can end early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def rich(obj: Any) -> None:
    """Display an object with the frontend's own renderers (trusted rich output)."""
    frame = runtime.require_frame()
    data, metadata = mimebundle(obj)
    if isinstance(data.get("text/plain"), str):  # a default repr's address changes every run
        data["text/plain"] = ADDRESS.sub("", data["text/plain"])
    frame.block.append_output(display_output(data, metadata))
    if frame.live_cell:  # the block shows each element as it comes: the output is the last
        frame.show(frame.block.slots[-1].widget)


def mimebundle(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """An object's rich representations, as the notebook itself would compute them.

    With an IPython shell its display formatter decides (so registered formatters and
    options apply); without one, the object's own `_repr_*_` methods do."""
    shell = _shell()
    if shell is not None:
        formatter = shell.display_formatter
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


def place_outputs(kind: str, outputs: list[dict[str, Any]], text: str, body: Any) -> Slot:
    """Draw rich outputs (DataFrames, images, charts) at the cursor in a reused `Output` widget.

    The frontend renders them with its own renderers, as it would a cell's output. The outputs
    are set as the widget's `outputs` trait (never `with out:`, which routes by message and
    would catch unrelated output); an unchanged element sends nothing, a changed one one update.
    """
    frame = runtime.require_frame()
    published = tuple(outputs)

    def update(widget: Any) -> None:
        widget.text = text
        widget.outputs = published

    slot = frame.block.place(
        kind, None, lambda: RichOutput(f"nbfrag-{kind}"), update, text=lambda: text, props=(published, text)
    )
    slot.body = body
    frame.show(slot.widget)
    return slot


class RichOutput(TextRepr, widgets.Output):
    """The `Output` widget of a rich element (a DataFrame, an image, a chart)."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.add_class(css_class)


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    return get_ipython()


def exception(exc: BaseException) -> None:
    """Display an exception: its type, message and traceback."""
    frame = runtime.require_frame()
    frame.show(runtime.show_exception(frame.block, exc).widget)
