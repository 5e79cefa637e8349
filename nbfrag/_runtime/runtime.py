"""The run model: apps and fragments are *scopes* that re-execute code into a reconciled block.

One `Runtime` per kernel holds Session State and dispatches every interaction (a click, a
`run_every` tick, `st.rerun()`) as a `Request`: run the widget's callback, then rerun the
scope that owns the widget (a fragment, or the whole app), then whatever that run asked for
(`st.rerun()`), until nothing is left. Everything enters through `dispatch`, which catches
`BaseException` so no widget message is ever left without an answer, and which queues
requests that arrive while a run is going (a run's own writes must not rerun it).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
import sys
import traceback
from collections import deque
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator

import ipywidgets as widgets

from .capture import capturing
from .markdown import escape
from .reconciler import Block, Slot
from .scopes import (
    RERUN_NEEDS_EXTENSION,
    App,
    Fragment,
    FragmentHandledException,
    Frame,
    Request,
    RerunException,
    Run,
    StopException,
)
from .shell import cell_id, execution_key, shell
from .state import SessionState
from .ticker import place_ticker
from .views import Html

_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)  # nbfrag/


# --------------------------------------------------------------------------------------------
# The runtime


class Runtime:
    """Session State, the current frame, and the loop that runs requests."""

    def __init__(self) -> None:
        self.state = SessionState()
        self.triggers: dict[Hashable, Any] = {}
        self._frame: contextvars.ContextVar[Frame | None] = contextvars.ContextVar(
            "nbfrag_frame", default=None
        )
        self._busy = False
        self._queue: deque[Request] = deque()
        self.apps: list[App] = []  # every live app, oldest first
        self._cell_app: tuple[Hashable, App] | None = None  # the plain cell running now
        self.apps_by_cell: dict[str, App] = {}  # `%%app` and plain-cell apps, by cell id
        self.cell_source: tuple[Hashable, str] | None = None  # set by the extension's hook
        self.show_tracebacks = "VOILA_KERNEL_ID" not in os.environ
        # Called with each finished `Run` (how `nbfrag.testing` records `at.runs`).
        self.run_observers: list[Callable[[Run], None]] = []

    def reset(self) -> None:
        """Close every app and forget Session State (a fresh session, as after a restart)."""
        for app in self.apps:
            app.close()
        self.apps.clear()
        self._cell_app = None
        self.apps_by_cell.clear()
        self.triggers.clear()
        self.cell_source = None
        self.state.clear()  # widget keys were unbound when their apps closed

    @property
    def busy(self) -> bool:
        """A run is in progress (so trait changes now come from the app's own code)."""
        return self._busy

    # -- frames -----------------------------------------------------------------------------
    def frame(self) -> Frame | None:
        """The frame of the run in progress, if any."""
        return self._frame.get()

    def require_frame(self) -> Frame:
        """The current frame, or a frame for the plain notebook cell calling nbfrag right now."""
        frame = self._frame.get()
        return frame if frame is not None else self._cell_frame()

    def current_block(self) -> Block | None:
        frame = self._frame.get()
        return frame.block if frame is not None else None

    @contextlib.contextmanager
    def drawing_into(self, block: Block) -> Iterator[Frame]:
        """Draw into a layout block (`with st.container():`) inside the current frame."""
        frame = dataclasses.replace(self.require_frame(), block=block, live_cell=False)
        token = self._frame.set(frame)
        try:
            yield frame
        finally:
            self._frame.reset(token)

    def _cell_frame(self) -> Frame:
        """A plain cell (no `%%app`) called nbfrag: it becomes an app whose elements are shown
        one by one as the cell produces them. With the extension loaded its source is known,
        so `st.rerun()` can re-execute it."""
        running = shell()
        parent = getattr(running, "parent_header", None) or {}
        execution = execution_key(running)
        app = self._cell_app[1] if self._cell_app and self._cell_app[0] == execution else None
        if app is None:
            source = None
            if self.cell_source is not None and self.cell_source[0] == execution:
                source = self.cell_source[1]
            namespace = running.user_ns if running is not None else {}
            app = App(source, namespace, host=None, magic=False)
            app.hand_run = Run(app, "app")
            self._cell_app = (execution, app)
            self.add_app(app, cell_id(parent))
        assert app.hand_run is not None
        return Frame(app, app.root, None, app.hand_run, live_cell=True)

    def add_app(self, app: App, cell_id: str | None) -> None:
        """Track a new app; a cell re-executed by hand replaces the app it made before."""
        self.apps.append(app)
        if cell_id is None:
            return
        old = self.apps_by_cell.get(cell_id)
        if old is not None and old is not app:
            old.close()
            self.apps.remove(old)
        self.apps_by_cell[cell_id] = app

    # -- dispatch ---------------------------------------------------------------------------
    def dispatch(self, request: Request) -> None:
        """Run a request and every rerun it leads to. Never raises: errors are drawn."""
        if self._busy:
            self._queue.append(request)
            return
        self._busy = True
        try:
            finishers: list[Callable[[], None]] = []
            with capturing(self.current_block):
                pending: Request | None = request
                while pending is not None:
                    if pending.done is not None:
                        finishers.append(pending.done)
                    try:
                        pending = self._execute(pending)
                    except BaseException:  # noqa: BLE001 - the boundary of a widget event
                        # KeyboardInterrupt, SystemExit, or a bug in nbfrag: stop here, say so
                        # on the kernel's own stderr, and leave the message answered.
                        traceback.print_exc(file=sys.__stderr__)
                        pending = None
                    finally:
                        self.triggers.clear()  # a click is True for one run only
            for finish in finishers:
                finish()
        finally:
            self._busy = False
        while self._queue:
            self.dispatch(self._queue.popleft())

    def _execute(self, request: Request) -> Request | None:
        if request.trigger is not None:
            self.triggers[request.trigger[0]] = request.trigger[1]
        fragment = request.fragment
        if fragment is None:
            if request.app.source is None:  # a plain cell run without the extension
                print(RERUN_NEEDS_EXTENSION, file=sys.__stderr__)
                return None
            return self._run_app(request.app, request.callback)
        if not fragment.alive:  # removed by a full run since the click was sent: ignore it
            return None
        return self._run_fragment(fragment, request.callback)

    def _run_app(self, app: App, callback: Callable[[], Any] | None) -> Request | None:
        run = Run(app, "app")
        frame = Frame(app, app.root, None, run)
        app.root.begin()
        if app.sidebar is not None:  # redrawn by every full run, like the main area
            app.root.adopt(app.sidebar)
        token = self._frame.set(frame)
        complete, follow_up = True, None
        try:
            if callback is not None:
                callback()
            exec(app.code(), app.namespace)
        except RerunException as rerun:
            complete, follow_up = False, self.follow_up(app, rerun)
            run.outcome = "rerun"
        except StopException:
            run.outcome = "stopped"
        except FragmentHandledException:
            run.outcome = "exception"
        except Exception as exc:  # noqa: BLE001 - drawn in the app, like Streamlit
            run.outcome = "exception"
            self.show_exception(app.root, exc)
        finally:
            self._frame.reset(token)
            app.root.commit(complete)
            self._finished(run)
        return follow_up

    def _run_fragment(self, fragment: Fragment, callback: Callable[[], Any] | None) -> Request | None:
        run = Run(fragment.app, "fragment", target=fragment)
        try:
            self.run_fragment_body(fragment, run, inline=False, callback=callback)
        except RerunException as rerun:
            run.outcome = "rerun"
            return self.follow_up(fragment.app, rerun)
        except (StopException, FragmentHandledException):
            pass  # run_fragment_body recorded the outcome
        finally:
            self._finished(run)
        return None

    def _finished(self, run: Run) -> None:
        for observer in list(self.run_observers):
            observer(run)

    def run_fragment_body(
        self,
        fragment: Fragment,
        run: Run,
        *,
        inline: bool,
        callback: Callable[[], Any] | None = None,
    ) -> Any:
        """Run a fragment's function into its area; `inline` is a call from a running parent.

        An exception is drawn in the area. Inline, it then stops the parent's run (Streamlit
        stops the script at that fragment); in a fragment rerun the rest of the page is
        untouched. `st.stop()` inline stops the parent too; in a rerun only the fragment.
        """
        block = fragment.block
        block.begin()
        run.fragments.append(fragment.name)
        if fragment.run_every is not None:
            place_ticker(block, fragment.run_every, lambda rearm: self._tick(fragment, rearm))
        token = self._frame.set(Frame(fragment.app, block, fragment, run))
        complete = True
        try:
            with capturing(self.current_block):
                if callback is not None:
                    callback()
                return fragment.func(*fragment.args, **fragment.kwargs)
        except RerunException:
            complete = False
            raise
        except StopException:
            run.outcome = "stopped"
            if inline:
                raise
        except FragmentHandledException:
            raise
        except Exception as exc:  # noqa: BLE001 - drawn inside the fragment
            run.outcome = "exception"
            self.show_exception(block, exc)
            if inline:
                raise FragmentHandledException() from exc
        finally:
            self._frame.reset(token)
            block.commit(complete)
        return None

    def _tick(self, fragment: Fragment, rearm: Callable[[], None]) -> None:
        """A `run_every` tick: rerun the fragment, then re-arm its ticker's views."""
        if fragment.alive:
            self.dispatch(Request(fragment.app, fragment=fragment, done=rearm))

    def follow_up(self, app: App, rerun: RerunException) -> Request:
        if rerun.scope == "fragment" and rerun.fragment is not None:
            return Request(app, fragment=rerun.fragment)
        return Request(app)

    # -- errors -----------------------------------------------------------------------------
    def show_exception(self, block: Block, exc: BaseException) -> Slot:
        """Draw an exception element (type, message, traceback) at the block's cursor."""
        kind = type(exc)
        name = kind.__qualname__
        if kind.__module__ not in ("builtins", "__main__"):
            name = f"{kind.__module__}.{name}"
        message = str(exc)
        headline = f"{name}: {message}" if message else name
        frames = [
            f
            for f in traceback.extract_tb(exc.__traceback__)
            if not f.filename.startswith(_PACKAGE_DIR)
        ]
        details = "".join(traceback.format_list(frames)) if self.show_tracebacks else ""

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

        return block.place(
            "exception",
            None,
            lambda: Html("nbfrag-exception-element"),
            update,
            text=lambda: headline,
        )


runtime = Runtime()
