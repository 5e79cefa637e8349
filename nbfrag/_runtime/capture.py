"""Capture `print()` and `display()` in the kernel and put them where the running code draws.

`with out:` routing happens in the browser and breaks in threads, timers and headless runs,
so nbfrag never uses it: while a run is active, `sys.stdout`/`sys.stderr` and the shell's
display publisher are wrapped; output from the thread that owns the run goes into the current
block as output elements, everything else passes through untouched.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .reconciler import Block
from .shell import shell

CurrentBlock = Callable[[], "Block | None"]


class _Stream:
    """A stand-in for sys.stdout/sys.stderr that diverts the run's writes to its block."""

    def __init__(self, name: str, original: Any, current: CurrentBlock, owner: int) -> None:
        self._name = name
        self._original = original
        self._current = current
        self._owner = owner

    def write(self, text: str) -> int:
        block = self._current() if threading.get_ident() == self._owner else None
        if block is None:
            written: int = self._original.write(text)
            return written
        if text:
            block.append_output({"output_type": "stream", "name": self._name, "text": text})
        return len(text)

    def flush(self) -> None:
        self._original.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


class Capture:
    """Diverts output to `current()` while a run is active; one per runtime, re-entrant for
    nested runs (a fragment run inside a full run captures once, for the outermost)."""

    def __init__(self, current: CurrentBlock) -> None:
        self._current = current
        self._depth = 0

    @contextmanager
    def capturing(self) -> Iterator[None]:
        """Divert output to `current()` while the block runs."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        current = self._current
        owner = threading.get_ident()
        saved = sys.stdout, sys.stderr
        sys.stdout = _Stream("stdout", saved[0], current, owner)
        sys.stderr = _Stream("stderr", saved[1], current, owner)
        publisher = _display_publisher()
        if publisher is not None:
            original_publish, original_clear = publisher.publish, publisher.clear_output

            def publish(
                data: dict[str, Any], metadata: dict[str, Any] | None = None, *args: Any, **kwargs: Any
            ) -> None:
                block = current() if threading.get_ident() == owner else None
                if block is None or kwargs.get("update"):
                    original_publish(data, metadata, *args, **kwargs)
                    return
                block.append_output(
                    {"output_type": "display_data", "data": dict(data), "metadata": dict(metadata or {})}
                )

            def clear_output(wait: bool = False) -> None:
                block = current() if threading.get_ident() == owner else None
                if block is None:
                    original_clear(wait)
                    return
                block.clear_outputs()

            patched = {name: publisher.__dict__.get(name) for name in ("publish", "clear_output")}
            publisher.publish, publisher.clear_output = publish, clear_output
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            sys.stdout, sys.stderr = saved
            if publisher is not None:
                for name, previous in patched.items():  # put back exactly what was there
                    if previous is None:
                        delattr(publisher, name)
                    else:
                        setattr(publisher, name, previous)


def _display_publisher() -> Any:
    running = shell()
    return getattr(running, "display_pub", None) if running is not None else None
