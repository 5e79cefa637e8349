"""One error ladder for every run: execute a body and say how it ended.

A full app run, a fragment rerun, a fragment called by its running parent and a fragment
called at the top of a plain cell all run their code through `execute`. It catches what ends a
run early (`st.rerun()`, `st.stop()`, a fragment's error already drawn in the fragment, any
other exception, which it draws in the block given) and returns an `Execution` that says what
happened. Each caller then decides what that means for it: a full run or fragment rerun records
the outcome and turns a rerun into the next request; a fragment called inline passes a stop or
an error on to stop its parent; a plain cell shows it and goes on.

Every other `BaseException` (KeyboardInterrupt, SystemExit, GeneratorExit...) is drawn too,
as its type and message, like any error: the app's page keeps working and no error reaches
the cell (an iopub `error`) or the kernel's stderr.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .markdown import escape
from .options import error_details
from .reconciler import Block, Slot
from .scopes import FragmentHandledException, Outcome, RerunException, StopException
from .views import Html

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)  # nbfrag/


@dataclass
class Execution:
    """How a body ran: its `outcome`, and what goes with it.

    `value` is what the body returned ("completed"); `rerun` is the `st.rerun()` that ended
    it ("rerun"), which says what to run next; `error` is what ended it otherwise: the
    `StopException` ("stopped"), or the exception ("exception"), either drawn in the block
    or, as a `FragmentHandledException`, already drawn in a fragment the body called.
    """

    outcome: Outcome
    value: Any = None
    rerun: RerunException | None = None
    error: BaseException | None = None

    def raise_in_parent(self) -> None:
        """For a body run inside a parent's run (a fragment called inline): end the parent
        too, as Streamlit stops the script at that fragment. A rerun and a stop go on as they
        are; an error, already drawn here, goes on as a `FragmentHandledException` so that the
        parent does not draw it again. Does nothing when the body completed."""
        if self.outcome == "completed":
            return
        if self.rerun is not None:
            raise self.rerun
        assert self.error is not None
        if self.outcome == "exception" and not isinstance(self.error, FragmentHandledException):
            raise FragmentHandledException() from self.error
        raise self.error


_REDACTED = (
    "This app has encountered an error. Its message is hidden from the page "
    "(the client.showErrorDetails option)."
)


def execute(body: Callable[[], Any], block: Block, *, tracebacks: bool = True) -> Execution:
    """Run `body()` and return how it ended; an uncaught exception (any `BaseException` but
    nbfrag's own rerun/stop/handled signals) is drawn in `block`.

    `tracebacks=False` draws only the exception's type and message (as under Voila, where
    visitors should not read the app's code)."""
    try:
        return Execution("completed", value=body())
    except RerunException as rerun:
        return Execution("rerun", rerun=rerun)
    except StopException as stop:
        return Execution("stopped", error=stop)
    except FragmentHandledException as handled:  # drawn in the fragment that raised it
        return Execution("exception", error=handled)
    except BaseException as exc:  # noqa: BLE001 - drawn in the app (Ctrl-C and exit() too)
        show_exception(block, exc, tracebacks=tracebacks, details=error_details())
        return Execution("exception", error=exc)


def show_exception(
    block: Block, exc: BaseException, *, tracebacks: bool = True, details: str | None = None
) -> Slot:
    """Draw an exception element (type, message, traceback) at the block's cursor.

    The traceback leaves out nbfrag's own frames: it shows the app's code. `details` is the
    `client.showErrorDetails` option when it was set ("full", "stacktrace": no message,
    "type": no message nor traceback, "none": only a generic message); None keeps all but
    what `tracebacks` withholds."""
    kind = type(exc)
    name = kind.__qualname__
    if kind.__module__ not in ("builtins", "__main__"):
        name = f"{kind.__module__}.{name}"
    message = str(exc)
    if details is not None:
        tracebacks = details in ("full", "stacktrace")
        if details != "full":
            message = _REDACTED
        if details == "none":
            name = ""
    headline = f"{name}: {message}" if name and message else name or message
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith(_PACKAGE_DIR)
    ]
    details = "".join(traceback.format_list(frames)) if tracebacks else ""

    def update(widget: widgets.Widget) -> None:
        widget.text = headline
        trace = (
            f"<pre class='nbfrag-traceback'>Traceback (most recent call last):\n{escape(details)}</pre>"
            if details
            else ""
        )
        widget.value = (
            "<div class='nbfrag-exception' role='alert' style='border-left:4px solid #d32f2f;"
            "background:rgba(211,47,47,0.08);padding:0.5em 1em;border-radius:4px'>"
            f"<pre style='margin:0;white-space:pre-wrap;font-weight:bold'>{escape(headline)}</pre>"
            f"{trace}</div>"
        )

    slot = block.place(
        "exception",
        None,
        lambda: Html("nbfrag-exception-element"),
        update,
        text=lambda: headline,
    )
    # What tests read, as Streamlit's testing `Exception` element has it.
    slot.fields.update(
        value=message, message=message, stack_trace=[line.rstrip("\n") for line in traceback.format_list(frames)]
    )
    return slot
