"""`st.write_stream`: text shown as it arrives, without flooding the notebook server.

Each run of text chunks is one Markdown element, placed when its first chunk arrives and shown
at once (`Block.flush`: the rest of the run has not committed yet). Streamlit re-sends the whole
text on every chunk; here updates are coalesced in the kernel by time: at most one every
`MIN_INTERVAL_S` (about 30 a second), and fewer as the text grows so that the bytes sent stay
under `MAX_BYTES_PER_S` — a generator yielding 10,000 tokens a second stays far below the
server's iopub limits (1000 messages/s, 1 MB/s). A chunk held back is shown anyway when the
stream pauses for `TRAILING_S`, and the whole text is always sent when the run of text ends.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from .. import errors
from .._runtime.markdown import markdown_html
from .._runtime.reconciler import Slot
from .._runtime.runtime import runtime
from .base import PROSE, clean_text, place_html
from .frames import is_dataframe_like
from .write import write

MIN_INTERVAL_S = 1 / 30
MAX_BYTES_PER_S = 250_000
TRAILING_S = 0.25  # a held-back chunk shows after this long without a new one

_OPENAI_CHUNK = re.compile(r"^openai\..+\.ChatCompletionChunk$")
_OPENAI_EVENT = re.compile(r"^openai\..+\.Response.+Event$")
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})
_LANGCHAIN_CHUNK = "langchain_core.messages.ai.AIMessageChunk"


def _type_name(obj: Any) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def chunk_text(chunk: Any) -> Any:
    """An OpenAI chat completion chunk, OpenAI Responses event or LangChain message chunk as
    its text; any other chunk as it is."""
    name = _type_name(chunk)
    try:
        if _OPENAI_CHUNK.match(name):
            if not chunk.choices or chunk.choices[0].delta is None:
                return ""
            return chunk.choices[0].delta.content or ""
        if _OPENAI_EVENT.match(name):
            return (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
        if name == _LANGCHAIN_CHUNK:
            return chunk.content or ""
    except AttributeError as exc:
        raise errors.StreamlitAPIException(
            f"Failed to parse the {type(chunk).__name__} chunk: its structure is not the one nbfrag "
            "knows (a newer version of its library?). Convert the stream to text yourself: pass a "
            "generator that yields strings."
        ) from exc
    return chunk


def _sync(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """An async generator as a plain one. Inside a running event loop (the kernel's), each
    step runs on a private loop in a helper thread."""
    loop = asyncio.new_event_loop()
    try:
        while True:
            result: list[tuple[bool | None, Any]] = []
            worker = threading.Thread(target=_step, args=(loop, stream, result))
            worker.start()
            worker.join()
            more, value = result[0]
            if more is None:
                raise value
            if not more:
                return
            yield value
    finally:
        loop.close()


def _step(loop: asyncio.AbstractEventLoop, stream: AsyncIterator[Any], result: list[tuple[bool | None, Any]]) -> None:
    """One item of an async generator, run to completion on `loop`: (True, item), (False, None)
    at its end, or (None, the exception it raised)."""
    try:
        result.append((True, loop.run_until_complete(stream.__anext__())))
    except StopAsyncIteration:
        result.append((False, None))
    except BaseException as exc:  # noqa: BLE001 - passed on to the caller
        result.append((None, exc))


class _TextRun:
    """One run of text chunks: a Markdown element updated at most `MIN_INTERVAL_S` apart.

    A chunk held back by the coalescing is shown by a watcher thread when no chunk followed it
    for `TRAILING_S` (a stream that pauses, e.g. while a model calls a tool, still shows all it
    sent); the watcher and the run share a lock."""

    def __init__(self, cursor: str, clock: Callable[[], float]) -> None:
        self.text = ""
        self.cursor = cursor
        self.clock = clock
        self.slot: Slot | None = None
        self.sent_at = 0.0
        self.interval = MIN_INTERVAL_S
        self.held = False  # text added since the last update
        self.last_chunk = time.perf_counter()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.watcher: threading.Thread | None = None

    def add(self, chunk: str) -> None:
        with self.lock:
            first = self.slot is None
            self.text += chunk
            self.last_chunk = time.perf_counter()
            if first:
                self.slot = place_html("markdown", self._html(self.text), clean_text(self.text))
                runtime.require_frame().block.flush()  # shown now, not when the run ends
                self._sent()
                self.watcher = threading.Thread(target=self._watch, name="nbfrag-write-stream", daemon=True)
                self.watcher.start()
            elif self.clock() - self.sent_at >= self.interval:
                self._show(self.text + self.cursor)
            else:
                self.held = True

    def end(self) -> str:
        """Show the whole text (without the cursor); returns it."""
        self.done.set()
        if self.watcher is not None:
            self.watcher.join()
        with self.lock:
            if self.slot is not None:
                self._show(self.text)
        return self.text

    def _watch(self) -> None:
        while not self.done.wait(TRAILING_S / 2):
            with self.lock:
                if self.held and time.perf_counter() - self.last_chunk >= TRAILING_S:
                    self._show(self.text + self.cursor)

    def _html(self, text: str) -> str:
        return f"<div class='{PROSE}'>{markdown_html(clean_text(text))}</div>"

    def _show(self, text: str) -> None:
        assert self.slot is not None
        html, final = self._html(text), clean_text(self.text)
        widget = self.slot.widget
        self.held = False
        if widget.value != html:
            widget.value = html
            self._sent(len(html))
        widget.text = final
        self.slot.text = lambda: final
        self.slot.body = final
        self.slot.props = (html, final)

    def _sent(self, size: int = 0) -> None:
        self.sent_at = self.clock()
        self.interval = max(MIN_INTERVAL_S, size / MAX_BYTES_PER_S)


def write_stream(stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Write a stream of chunks to the page as they arrive, text as one growing Markdown element.

    Text chunks are joined and shown as Markdown while the stream runs; any other chunk ends the
    text so far and is written with `st.write` (a callable chunk is called). The page is updated
    at most about 30 times a second however fast the chunks come, and always with the whole text
    at the end.

    Parameters
    ----------
    stream : generator, generator function, iterable or async generator
        The chunks. OpenAI chat completion chunks and Responses events and LangChain message
        chunks are read as their text. A string or a DataFrame raises
        `StreamlitInvalidParameterTypeError` (use `st.write`), anything not iterable
        `StreamlitAPIException`.
    cursor : str, optional
        Text shown after the streamed text while it is still arriving (e.g. "▌").

    Returns
    -------
    str or list
        The whole text when only text was streamed ("" when nothing was), else the list of
        everything written (texts and objects), which `st.write(*result)` draws again.

    Differences from Streamlit
    --------------------------
    * Updates are coalesced (about 30 a second at most, fewer for long texts) rather than one
      per chunk, so the notebook server's message-rate limit is never reached.
    * While the stream runs the kernel handles no other message, so a click cannot interrupt it.

    Examples
    --------
    >>> import nbfrag as st
    >>> def reply():
    ...     for word in "Hello there, how can I help?".split():
    ...         yield word + " "
    >>> text = st.write_stream(reply)
    """
    if isinstance(stream, str) or is_dataframe_like(stream):
        raise errors.StreamlitInvalidParameterTypeError(
            "stream", type(stream).__name__, ["generator", "stream-like object"],
            detail="Please use `st.write` instead for this data type.",
        )
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if inspect.isasyncgen(stream):
        stream = _sync(stream)
    try:
        chunks = iter(stream)
    except TypeError as exc:
        raise errors.StreamlitAPIException(
            f"The provided input (type: {type(stream)}) cannot be iterated. "
            "Please make sure that it is a generator, generator function or iterable."
        ) from exc
    written: list[Any] = []
    run: _TextRun | None = None

    def flush() -> None:
        nonlocal run
        if run is not None:
            written.append(run.end())
            run = None

    for chunk in chunks:
        chunk = chunk_text(chunk)
        if isinstance(chunk, str):
            if chunk:
                if run is None:
                    run = _TextRun(cursor or "", time.monotonic)
                run.add(chunk)
        elif callable(chunk):
            flush()
            chunk()
        else:
            flush()
            write(chunk)
            written.append(chunk)
    flush()
    if not written:
        return ""
    if all(isinstance(part, str) for part in written):
        return "".join(written)
    return written
