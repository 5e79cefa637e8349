"""What a cached function draws: the hook that lets `st.cache_data`/`st.cache_resource` replay
the elements of a cached call.

While a cached function computes, every element placed in any block (`Block.place`) is
reported to the recorders active in this context, in order; the cache keeps that list with
the value and places the same elements again on a hit (see `nbfrag._flow.caching.replay`).
Recording at the reconciler means every element command, present and future, is recorded
without knowing about caching. Context variables keep threads and nested cached calls apart:
a cached function called inside another one reports to both recorders.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple


class Placement(NamedTuple):
    """One `Block.place` call: the block, the slot it produced, and how it was drawn."""

    block: Any  # Block (typed loosely: this module sits below the reconciler)
    slot: Any  # Slot
    create: Callable[[], Any]
    update: Callable[[Any], None] | None
    props: Any


_recorders: contextvars.ContextVar[tuple[list[Placement], ...]] = contextvars.ContextVar(
    "nbfrag_recorders", default=()
)
_in_cached: contextvars.ContextVar[bool] = contextvars.ContextVar("nbfrag_in_cached_function", default=False)


def notify(block: Any, slot: Any, create: Callable[[], Any], update: Callable[[Any], None] | None, props: Any) -> None:
    """Report a placement to every active recorder (a no-op outside cached functions)."""
    sinks = _recorders.get()
    if sinks:
        placement = Placement(block, slot, create, update, props)
        for sink in sinks:
            sink.append(placement)


@contextlib.contextmanager
def recording(sink: list[Placement]) -> Iterator[list[Placement]]:
    """Collect into `sink` every element placed until the block ends (a cached call's miss)."""
    token = _recorders.set((*_recorders.get(), sink))
    cached = _in_cached.set(True)
    try:
        yield sink
    finally:
        _in_cached.reset(cached)
        _recorders.reset(token)


def in_cached_function() -> bool:
    """Whether the code running now is the body of a cached function (on a miss)."""
    return _in_cached.get()
