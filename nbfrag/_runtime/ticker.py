"""`run_every`: a frontend ticker asks the kernel to rerun its fragment at an interval.

The ticker is an invisible anywidget inside the fragment's area, so it ticks only while a
view of the fragment is alive (no browser, as under nbval or nbclient: no ticks). A tick
carries the `seq` it was armed for; the kernel reruns the fragment, then increments `seq`,
which is what re-arms the views. A body slower than the interval therefore never piles up
ticks, two views of one page cause one rerun per tick, and a tick for a fragment that left
the page finds a closed widget or a dead fragment and is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from .reconciler import Block
from .static import esm

OnTick = Callable[[Callable[[], None]], None]
"""Reruns the fragment; called with the function that re-arms the ticker's views after it."""


class Ticker(anywidget.AnyWidget):
    """Sends `{"event": "tick", "seq": n}` every `interval` seconds, one tick at a time."""

    _esm = esm("ticker.js")
    interval = traitlets.Float(1.0).tag(sync=True)
    seq = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)
        self.on_tick: OnTick | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "tick":
            return
        if content.get("seq") != self.seq or self.on_tick is None:
            return  # another view already ticked for this seq, or not set up yet
        self.tick()

    def tick(self) -> None:
        """Rerun the fragment once, then re-arm the views."""
        if self.on_tick is not None:
            self.on_tick(self._rearm)

    def _rearm(self) -> None:
        self.seq += 1

    def __repr__(self) -> str:
        return f"Ticker(interval={self.interval})"


def place_ticker(block: Block, interval: float, on_tick: OnTick) -> Ticker:
    """Keep the fragment's ticker as the first element of its area, with the current interval."""

    def update(ticker: widgets.Widget) -> None:
        assert isinstance(ticker, Ticker)
        ticker.on_tick = on_tick
        ticker.interval = max(0.0, interval)

    slot = block.place("ticker", None, Ticker, update, text=lambda: "")
    slot.hidden = True
    ticker: Ticker = slot.widget
    return ticker
