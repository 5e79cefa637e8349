"""Capture `print()` and `display()` in the kernel and put them where the running code draws.

`with out:` routing happens in the browser and breaks in threads, timers and headless runs,
so nbfrag never uses it: while a run is active, `sys.stdout`/`sys.stderr` and the shell's
display publisher are wrapped; output from a thread running nbfrag code goes into that run's
current block as output elements, everything else passes through untouched.
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
    """A stand-in for sys.stdout/sys.stderr that diverts the runs' writes to their blocks."""

    def __init__(self, name: str, original: Any, capture: Capture) -> None:
        self._name = name
        self._original = original
        self._capture = capture

    def write(self, text: str) -> int:
        block = self._capture.block()
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
    nested runs (a fragment run inside a full run captures once, for the outermost).

    Runs may go on in several threads at once (the kernel's main thread and the workers of
    parallel fragments): each thread's output goes to its own run's block (`current` reads
    the thread's frame), and the streams are put back when the last capturing thread ends."""

    def __init__(self, current: CurrentBlock) -> None:
        self._current = current
        self._depths: dict[int, int] = {}  # capturing threads -> nesting depth
        self._lock = threading.Lock()
        self._saved: tuple[Any, Any] | None = None
        self._patched: dict[str, Any] = {}
        self._publisher: Any = None
        # Every stand-in ever installed stays referenced: CPython 3.11's print() holds a
        # borrowed reference to sys.stdout while it writes, so a stand-in freed when another
        # thread ends its capture and puts the original back would crash that print.
        self._streams: dict[tuple[str, int], _Stream] = {}

    def block(self) -> Block | None:
        """Where the calling thread's output goes now (None: not captured, pass it through)."""
        if threading.get_ident() not in self._depths:
            return None
        return self._current()

    @contextmanager
    def capturing(self) -> Iterator[None]:
        """Divert this thread's output to `current()` while the block runs."""
        me = threading.get_ident()
        with self._lock:
            if me in self._depths:
                self._depths[me] += 1
            else:
                if not self._depths:
                    self._install()
                self._depths[me] = 1
        try:
            yield
        finally:
            with self._lock:
                self._depths[me] -= 1
                if not self._depths[me]:
                    del self._depths[me]
                    if not self._depths:
                        self._uninstall()

    def _install(self) -> None:
        saved = self._saved = sys.stdout, sys.stderr
        sys.stdout = self._stream("stdout", saved[0])
        sys.stderr = self._stream("stderr", saved[1])
        publisher = self._publisher = _display_publisher()
        if publisher is None:
            return
        original_publish, original_clear = publisher.publish, publisher.clear_output

        def publish(
            data: dict[str, Any], metadata: dict[str, Any] | None = None, *args: Any, **kwargs: Any
        ) -> None:
            block = self.block()
            if block is None or kwargs.get("update"):
                original_publish(data, metadata, *args, **kwargs)
                return
            block.append_output({"output_type": "display_data", "data": dict(data), "metadata": dict(metadata or {})})

        def clear_output(wait: bool = False) -> None:
            block = self.block()
            if block is None:
                original_clear(wait)
                return
            block.clear_outputs()

        self._patched = {name: publisher.__dict__.get(name) for name in ("publish", "clear_output")}
        publisher.publish, publisher.clear_output = publish, clear_output

    def _stream(self, name: str, original: Any) -> _Stream:
        stream = self._streams.get((name, id(original)))
        if stream is None or stream._original is not original:
            stream = self._streams[(name, id(original))] = _Stream(name, original, self)
        return stream

    def _uninstall(self) -> None:
        assert self._saved is not None
        sys.stdout, sys.stderr = self._saved
        self._saved = None
        publisher, self._publisher = self._publisher, None
        if publisher is not None:
            for name, previous in self._patched.items():  # put back exactly what was there
                if previous is None:
                    delattr(publisher, name)
                else:
                    setattr(publisher, name, previous)


def _display_publisher() -> Any:
    running = shell()
    return getattr(running, "display_pub", None) if running is not None else None
