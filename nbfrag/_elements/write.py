"""`st.write`: draws each argument with the element Streamlit would pick for its type."""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections.abc import Mapping
from typing import Any

from .._runtime.runtime import runtime
from . import code, data, media
from .base import ADDRESS, display_output, has_rich_repr, mimebundle
from .text import exception, markdown


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
    module = type(arg).__module__.split(".")[0]
    name = type(arg).__name__
    if isinstance(arg, BaseException):
        return exception
    if data.is_dataframe_like(arg):
        return data.dataframe
    if module == "matplotlib" and hasattr(arg, "savefig"):
        return media.pyplot
    if module == "plotly" and hasattr(arg, "to_plotly_json"):
        return media.plotly_chart
    if module == "PIL" and hasattr(arg, "getbands"):
        return media.image
    if module == "sympy":
        return code.latex
    if isinstance(arg, (dict, list, tuple)) or _is_mapping(arg):
        return data.json
    if isinstance(arg, _HELP_TYPES) or inspect.isclass(arg) or dataclasses.is_dataclass(arg):
        return code.help
    if has_rich_repr(arg):
        return rich
    if name != "str" and _MEMORY_ADDRESS_REPR.search(str(arg)):
        return code.help
    return None


def _is_mapping(arg: Any) -> bool:
    return isinstance(arg, Mapping)


_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)

_MEMORY_ADDRESS_REPR = re.compile(r"^<.* at 0x[0-9a-fA-F]+>$")  # `<Foo object at 0x7f...>`


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
    bundle, metadata = mimebundle(obj)
    if isinstance(bundle.get("text/plain"), str):  # a default repr's address changes every run
        bundle["text/plain"] = ADDRESS.sub("", bundle["text/plain"])
    frame.block.append_output(display_output(bundle, metadata))
    if frame.live_cell:  # the block shows each element as it comes: the output is the last
        frame.show(frame.block.slots[-1].widget)
