"""`st.write`: draws each argument with the element Streamlit would pick for its type."""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from collections.abc import Callable, Mapping
from typing import Any

from .._runtime.runtime import runtime
from . import code, data, frames, images, media
from . import dataframe as dataframe_
from .base import ADDRESS, display_output, has_rich_repr, mimebundle
from .charts import vega
from .sanitize import safe_bundle
from .text import exception, markdown

# `st.write_stream`, which writes generators (set by the registry: it imports this module).
_streamer: Callable[[Any], Any] | None = None


def set_streamer(stream: Callable[[Any], Any]) -> None:
    """Make `stream` (the public `st.write_stream`) what `st.write` streams generators with."""
    global _streamer
    _streamer = stream


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write arguments to the page, each shown by the element that suits its type.

    Consecutive strings, and the values shown as inline code, are joined with spaces into one
    Markdown element; every other argument becomes an element of its own:

    * `str`: Markdown, as `st.markdown`.
    * exceptions: `st.exception`.
    * generators, generator functions and async generators: streamed, as `st.write_stream`.
    * pandas DataFrame, Series, Index and Styler, numpy arrays, and objects with `to_pandas()`
      or `__dataframe__`: `st.dataframe`.
    * dicts and other mappings (Session State too), lists, tuples, namedtuples: `st.json`.
    * matplotlib figures: `st.pyplot`; Plotly figures: `st.plotly_chart`; Altair charts:
      `st.altair_chart`; PIL images: `st.image`; SymPy expressions: `st.latex`.
    * functions, classes, modules, dataclass instances and objects whose `str` is a memory
      address (`<... at 0x...>`): `st.help`.
    * other objects with a rich representation (`_repr_html_`, `_repr_mimebundle_`, ...): the
      notebook's own rich display, its HTML sanitised (scripts, event handlers and
      `javascript:` links removed) unless `unsafe_allow_html=True`. A repr that raises is
      shown as that error, in place.
    * anything else (numbers, booleans, None...): `str(arg)` as inline code, or as a code block
      when it spans several lines.

    Parameters
    ----------
    *args : any
        The objects to write, in order.
    unsafe_allow_html : bool, default False
        Let raw HTML in the strings, and the unsanitised HTML of objects' rich reprs, through.
        Off, HTML tags in strings are shown as text. Never turn it on for text a visitor can
        influence.

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * Objects with a rich repr are shown by the notebook's rich display, sanitised (Streamlit
      shows `_repr_html_` only with `unsafe_allow_html=True`, and as text otherwise).
    * Streamlit's Markdown extensions are rendered (`:smile:` emoji shortcodes, `:red[text]`,
      `:blue-background[text]`, `:rainbow[text]`, `:green-badge[text]`, `:small[text]`, `->`
      as →), but `:material/...:` icons show as their names unless the page loads the Material
      Symbols font, `:shimmer[...]` is only muted, and `:streamlit:` and `$...$` LaTeX show as
      written.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.write("The answer is", 42, "and here is the data:")
    >>> st.write({"fern": 250, "cactus": 40})
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
        elif draw is rich:
            flush()
            rich(arg, unsafe_allow_html=unsafe_allow_html)
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
    if frames.is_dataframe_like(arg):
        return dataframe_.dataframe
    if _streamer is not None and (
        inspect.isgenerator(arg) or inspect.isgeneratorfunction(arg) or inspect.isasyncgenfunction(arg)
        or inspect.isasyncgen(arg) or (module == "openai" and name in ("Stream", "AsyncStream"))
    ):
        return _streamer
    if module == "matplotlib" and hasattr(arg, "savefig"):
        return media.pyplot
    if module == "plotly" and hasattr(arg, "to_plotly_json"):
        return media.plotly_chart
    if module == "altair" and hasattr(arg, "to_dict"):
        return vega.altair_chart
    if module == "PIL" and hasattr(arg, "getbands"):
        return images.image
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


def rich(obj: Any, *, unsafe_allow_html: bool = False) -> None:
    """Display an object with the frontend's own renderers, its HTML sanitised (`safe_bundle`)
    unless `unsafe_allow_html`. A repr that raises raises here (drawn in place by the run)."""
    frame = runtime.require_frame()
    bundle, metadata = mimebundle(obj)
    if not unsafe_allow_html:
        bundle = safe_bundle(bundle, obj)
    if isinstance(bundle.get("text/plain"), str):  # a default repr's address changes every run
        bundle["text/plain"] = ADDRESS.sub("", bundle["text/plain"])
    frame.block.append_output(display_output(bundle, metadata))
    if frame.live_cell:  # the block shows each element as it comes: the output is the last
        frame.show(frame.block.slots[-1].widget)
