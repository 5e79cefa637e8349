"""`st.progress`: a bar that a loop can move in place.

`st.progress(0)` draws the bar; the handle it returns updates the *same* widget with
`bar.progress(50, text=...)`: one `value` update on the existing model, no new model, so a
loop of a hundred steps sends a hundred small messages and nothing else. Drawn again by a
rerun, the bar is reused like any element. The text is inline Markdown with raw HTML off.
"""

from __future__ import annotations

from typing import Any

from .. import errors
from .._runtime.markdown import escape, inline_markdown_html
from .._runtime.reconciler import Slot
from .._widgets.types import WidthWithoutContent, check_width
from .base import clean_text, place_html

_BAR_CELLS = 20


def percent(value: Any) -> int:
    """Streamlit's rule: an int is a percentage (0..100), a float a fraction (0.0..1.0)."""
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise errors.StreamlitAPIException(f"Progress Value has invalid value [0, 100]: {value}")
        return int(value)
    if isinstance(value, float):
        if not 0.0 <= value <= 1.0:
            raise errors.StreamlitAPIException(f"Progress Value has invalid value [0.0, 1.0]: {value:f}")
        return int(value * 100)
    raise errors.StreamlitAPIException(
        f"Progress Value has invalid type: {type(value).__name__}. Pass an int from 0 to 100 "
        "or a float from 0.0 to 1.0."
    )


def render(value: Any, text: Any, width: Any = "stretch") -> tuple[str, str, int]:
    """(html, plain text, percent) of a bar at `value` with an optional caption, as wide as
    its container or `width` pixels."""
    pct = percent(value)
    label = "" if text is None else clean_text(text)
    filled = round(pct * _BAR_CELLS / 100)
    plain = f"[{'#' * filled}{'-' * (_BAR_CELLS - filled)}] {pct}%" + (f" {label}" if label else "")
    size = f" style='width:{width}px;max-width:100%'" if isinstance(width, int) else ""
    caption = f"<div class='nbfrag-progress-text'>{inline_markdown_html(label)}</div>" if label else ""
    html = (
        f"<div class='nbfrag-progress-bar'{size}>{caption}"
        f"<div role='progressbar' aria-valuemin='0' aria-valuemax='100' aria-valuenow='{pct}'"
        f" aria-label='{escape(label) or 'progress'}'"
        " style='height:0.5em;border-radius:0.25em;background:var(--jp-layout-color3,#ddd);overflow:hidden'>"
        f"<div style='width:{pct}%;height:100%;background:var(--jp-brand-color1,#1976d2)'></div>"
        "</div></div>"
    )
    return html, plain, pct


class Progress:
    """The handle `st.progress` returns: `.progress(value, text=None)` moves the same bar."""

    def __init__(self, slot: Slot, width: Any = "stretch") -> None:
        self._slot = slot
        self._width = width

    def progress(self, value: Any, text: Any = None) -> Progress:
        """Move the bar (and change its text) in place: one update of the existing widget."""
        html, plain, pct = render(value, text, self._width)
        slot = self._slot
        if slot.props != (html, plain):
            slot.widget.text = plain  # plain attribute: the repr, not a synced trait
            slot.widget.value = html
            slot.props = (html, plain)
            slot.text = lambda: plain
        slot.body = pct
        return self

    def empty(self) -> None:
        """Clear the bar (Streamlit's `.empty()` on an element): it shows nothing."""
        slot = self._slot
        slot.widget.text = ""
        slot.widget.value = ""
        slot.props = ("", "")
        slot.text = lambda: ""
        slot.body = None

    @property
    def value(self) -> int:
        """The percentage shown now."""
        return int(self._slot.body or 0)

    def __repr__(self) -> str:
        return self._slot.text()


def progress(value: Any, text: Any = None, width: WidthWithoutContent = "stretch") -> Progress:
    """Display a progress bar and return a handle that moves it.

    Parameters
    ----------
    value : int or float
        An int from 0 to 100 (a percentage) or a float from 0.0 to 1.0 (a fraction). Other
        values and types raise `StreamlitAPIException`.
    text : str, optional
        A caption above the bar (inline Markdown).
    width : "stretch" or int, default "stretch"
        The bar's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.

    Returns
    -------
    Progress
        The bar's handle: `bar.progress(value, text=None)` moves this same bar (one small update
        of its widget), `bar.empty()` clears it, and `bar.value` is the percentage shown.

    Differences from Streamlit
    --------------------------
    * The handle only has `.progress()`, `.empty()` and `.value` (Streamlit's can be replaced by
      any element).

    Examples
    --------
    >>> import nbfrag as st
    >>> bar = st.progress(0, text="Watering")
    >>> for percent in range(0, 101, 25):
    ...     bar.progress(percent, text=f"Watering: {percent}%")
    >>> bar.empty()
    """
    check_width(width, allow_content=False)
    html, plain, pct = render(value, text, width)
    slot = place_html("progress", html, plain, pct)
    return Progress(slot, width)
