"""A row of toggle chips (js/chips.js): what `st.pills`, `st.segmented_control` and
`st.feedback` draw, and the `Control` that maps the app's value to the positions picked.

The browser sends only positions (`value`, a list of ints); the kernel turns them into options
and refuses what no click can send: a position out of range, a repeated one, two in single
mode, a clearing click on a `required` choice (the browser is sent the kernel's value back).
Option labels are Markdown rendered here, safely (raw HTML off); an icon is plain text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, Literal, TypeAlias

import anywidget
import traitlets

from .. import errors
from .._runtime.markdown import inline_markdown_html
from .._runtime.static import esm
from .base import Control

Look: TypeAlias = Literal["pills", "segmented_control", "thumbs", "faces", "stars", "radio"]
Mode: TypeAlias = Literal["single", "multi"]


class ChipsWidget(anywidget.AnyWidget):
    """A row of chips, one per option (js/chips.js); `value` holds the picked positions."""

    _esm = esm("chips.js")
    description = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Dict()).tag(sync=True)
    look = traitlets.Unicode("pills").tag(sync=True)
    mode = traitlets.Unicode("single").tag(sync=True)
    required = traitlets.Bool(False).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    width = traitlets.Unicode("").tag(sync=True)
    wrap = traitlets.Bool(True).tag(sync=True)
    orientation = traitlets.Unicode("horizontal").tag(sync=True)
    value = traitlets.List(traitlets.Int()).tag(sync=True)

    def __repr__(self) -> str:
        return f"{self.look} {self.description!r}"


_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
_EMOJI_JOINERS = {"\u200d", "\ufe0f", "\u20e3"}


def _is_emoji(token: str) -> bool:
    """Whether `token` is one emoji-like glyph sequence (symbols, joiners, skin tones, flags)."""
    return bool(token) and all(
        ch in _EMOJI_JOINERS or unicodedata.category(ch) in ("So", "Sk") for ch in token
    )


def chip(label: str) -> dict[str, str]:
    """An option as the browser shows it: a leading icon (an emoji, or `:material/name:` as
    "material/name", followed by a space or alone) split off as text, the rest as safe HTML."""
    first, _, rest = label.partition(" ")
    material = _MATERIAL.fullmatch(first)
    if material is not None:
        return {"icon": f"material/{material.group(1)}", "html": inline_markdown_html(rest)}
    if _is_emoji(first):
        return {"icon": first, "html": inline_markdown_html(rest)}
    return {"icon": "", "html": inline_markdown_html(label)}


def check_comparable(options: list[Any]) -> None:
    """Streamlit's error for options that `==` cannot compare (numpy arrays, Series)."""
    if not options:
        return
    try:
        bool(options[0] == options[0])
    except ValueError:
        raise errors.StreamlitAPIException(
            "Invalid option type provided. Options must be comparable, returning a boolean when "
            f"used with *==*. \n\nGot **{type(options[0]).__name__}**, which cannot be compared. "
            "Refactor your code to use elements of comparable types as options, e.g. use indices "
            "instead."
        ) from None


def position(options: list[Any], value: Any) -> int | None:
    """The index of `value` in `options`, or None."""
    for i, option in enumerate(options):
        if option is value or option == value:
            return i
    return None


def positions_sent(sent: Any, count: int, mode: Mode) -> list[int]:
    """The positions a browser sent, refused (ValueError) unless a click could send them."""
    picked = list(sent)
    if any(type(i) is not int or not 0 <= i < count for i in picked) or len(set(picked)) != len(picked):
        raise ValueError(picked)
    if mode == "single" and len(picked) > 1:
        raise ValueError(picked)
    return picked


def chips_control(
    options: list[Any],
    chips: list[dict[str, str]],
    *,
    look: Look,
    mode: Mode,
    default: Any,
    required: bool = False,
    width: str = "",
    wrap: bool = True,
    orientation: str = "horizontal",
    show: Callable[[Any], str],
    labels: list[str] | None = None,
) -> Control[Any]:
    """The Control of a chip row picking one option (`mode="single"`: the option or None) or
    several (`"multi"`: a list in picking order). A value that is not among `options` (from
    Session State, or kept while the options changed) becomes `default` in single mode and is
    dropped from the list in multi mode, as Streamlit resets it."""
    count = len(options)

    def to_widget(value: Any) -> list[int]:
        if mode == "single":
            if value is None:
                return []
            found = position(options, value)
            if found is None:
                raise ValueError(f"{value!r} is not one of the options")
            return [found]
        found_all = [position(options, v) for v in value]
        if any(found is None for found in found_all):
            raise ValueError(f"{value!r}: not all of them are options")
        return [i for i in found_all if i is not None]

    def from_widget(sent: Any) -> Any:
        picked = positions_sent(sent, count, mode)
        if mode == "single":
            return options[picked[0]] if picked else None
        return [options[i] for i in picked]

    def coerce(value: Any) -> Any:
        if mode == "single":
            if value is None:
                return None
            found = position(options, value)
            return default if found is None else options[found]
        if value is None:
            return []
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            value = [value]
        kept: list[int] = []
        for v in value:
            found = position(options, v)
            if found is not None and found not in kept:
                kept.append(found)
        return [options[i] for i in kept]

    def configure(widget: Any) -> None:
        widget.options = chips
        widget.look = look
        widget.mode = mode
        widget.required = required
        widget.width = width
        widget.wrap = wrap
        widget.orientation = orientation

    return Control(
        ChipsWidget,
        configure,
        (tuple(tuple(sorted(c.items())) for c in chips), look, mode, required, width, wrap, orientation),
        to_widget=to_widget,
        from_widget=from_widget,
        coerce=coerce,
        show=show,
        accepts=(lambda value: value is not None) if required else (lambda value: True),
        options=tuple(labels if labels is not None else ()),
    )
