"""The run model: apps and fragments are *scopes* that re-execute code into a reconciled block.

One `Runtime` per kernel owns everything that lives as long as the kernel: the session acting
now (`Session`: Session State and one-run triggers; `using` switches it), the apps, the frame
of the run in progress, output capture. It dispatches every interaction (a click, a
`run_every` tick, `st.rerun()`) as a `Request`: run the widget's callback, then rerun the
scope that owns the widget (a fragment, or the whole app), then whatever that run asked for
(`st.rerun()`), until nothing is left. Every run's code goes through the one error ladder,
`execution.execute`. Everything enters through `dispatch`, which catches `BaseException` so
no widget message is ever left without an answer, and which queues requests that arrive
while a run is going (a click processed mid-run, e.g. by `jupyter_ui_poll`, or an `%%app`
cell the app's code runs): they run after it, in order.

Parallel fragments (`@st.fragment(parallel=True)`) are the exception: every run of one goes
to its worker thread (see parallel.py and worker.py), and `dispatch` only hands it over. A worker acts with
its own frame (a ContextVar), its own output capture, its own one-run triggers, and the session
it was given; what its run asks for next outside the fragment (`st.rerun()` of the app) comes
back to the main thread through `post`. While it runs, the thread may only draw inside the
fragment's area (`require_frame` raises Streamlit's error otherwise).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import itertools
import os
import sys
import threading
import traceback
import weakref
from collections import deque
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from .. import errors
from .capture import Capture
from .execution import Execution, execute
from .options import options
from .parallel import PARALLEL_OUTSIDE, ParallelRuns, ThreadState, host_of
from .reconciler import Block, carry_appends
from .scopes import (
    RERUN_NEEDS_EXTENSION,
    App,
    Fragment,
    Frame,
    Request,
    Run,
    within,
)
from .session import Session
from .shell import cell_id, execution_key, shell
from .state import SessionStateProxy
from .ticker import place_ticker
from .views import Area
from .worker import Worker

# --------------------------------------------------------------------------------------------
# The runtime


class Runtime(ParallelRuns):
    """The kernel's sessions, apps, current frame, and the loop that runs requests."""

    def __init__(self) -> None:
        self._session = Session()  # the notebook's; `using` another one acts for it in a thread
        self._thread = ThreadState()
        self.state = SessionStateProxy(lambda: self.session.state)  # `st.session_state`
        self._frame: contextvars.ContextVar[Frame | None] = contextvars.ContextVar(
            "nbfrag_frame", default=None
        )
        self._busy = False
        self._queue: deque[Request] = deque()
        self._inbox: deque[Request] = deque()  # requests from workers for the main thread
        self._workers: weakref.WeakSet[Worker] = weakref.WeakSet()
        self._output = Capture(self.current_block)
        self._app_numbers = itertools.count(1)
        self.extension_shells: set[int] = set()  # ids of the shells `%load_ext nbfrag` set up
        self.apps: list[App] = []  # every live app, oldest first
        self._cell_app: tuple[Hashable, App] | None = None  # the plain cell running now
        self.apps_by_cell: dict[str, App] = {}  # `%%app` and plain-cell apps, by cell id
        self.cell_source: tuple[Hashable, str] | None = None  # set by the extension's hook
        self.show_tracebacks = "VOILA_KERNEL_ID" not in os.environ
        # Called with each finished `Run` (how `nbfrag.testing` records `at.runs`).
        self.run_observers: list[Callable[[Run], None]] = []
        self._carried: list[Block] = []  # blocks a callback of this run wrote into (see `_call_back`)

    def reset(self) -> None:
        """Close every app and forget Session State (a fresh session, as after a restart)."""
        for worker in list(self._workers):
            worker.wait_idle(5.0)
        self._inbox.clear()
        for app in self.apps:
            app.close()
        self.apps.clear()
        self._cell_app = None
        self.apps_by_cell.clear()
        self.cell_source = None
        self.session.clear()  # widget keys were unbound when their apps closed
        options.set_values.clear()  # `st.set_option` holds for the session

    @property
    def session(self) -> Session:
        """The session acting now in this thread: the notebook's, unless `using` another."""
        return self._thread.session or self._session

    @contextlib.contextmanager
    def using(self, session: Session) -> Iterator[Session]:
        """Act for `session` in this thread while the block runs (its Session State, its
        clicks); nests."""
        state = self._thread
        saved, state.session = state.session, session
        try:
            yield session
        finally:
            state.session = saved

    @property
    def busy(self) -> bool:
        """A run is in progress in this thread (so trait changes now come from the app's code)."""
        return self._busy or self._thread.working

    @contextlib.contextmanager
    def kernel_writes(self) -> Iterator[None]:
        """Trait changes made inside (in this thread) are nbfrag drawing, not a user editing a
        widget."""
        state = self._thread
        state.writes += 1
        try:
            yield
        finally:
            state.writes -= 1

    @property
    def kernel_writing(self) -> bool:
        """nbfrag itself is setting widget traits now, in this thread (inside `kernel_writes`)."""
        return self._thread.writes > 0

    def new_app(
        self, source: str | None, namespace: dict[str, Any], host: Area | None, *, magic: bool = True
    ) -> App:
        """A new app, numbered in this kernel (not yet tracked: see `add_app`). `magic` writes its
        bare expressions as Streamlit does (`%%app` cells and AppTest apps; not plain cells)."""
        return App(source, namespace, host, next(self._app_numbers), magic=magic)

    # -- frames -----------------------------------------------------------------------------
    def frame(self) -> Frame | None:
        """The frame of the run in progress, if any."""
        return self._frame.get()

    def require_frame(self) -> Frame:
        """The current frame, or a frame for the plain notebook cell calling nbfrag right now.

        In a run of a parallel fragment, a frame outside the fragment's area (a container
        created outside it, the sidebar) raises `StreamlitInvalidLayoutContextError`."""
        frame = self._frame.get()
        if frame is None:
            return self._cell_frame()
        host = self._thread.host
        if host is not None and not within(frame.block, host.block):
            raise errors.StreamlitInvalidLayoutContextError(PARALLEL_OUTSIDE)
        return frame

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
            app = self.new_app(source, namespace, host=None, magic=False)
            app.hand_run = Run(app, "app")
            self._cell_app = (execution, app)
            self.add_app(app, cell_id(parent))  # (identical plain cells are common: no source rule)
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
        """Run a request and every rerun it leads to. Never raises: errors are drawn.

        A rerun of a parallel fragment goes to its worker; a request made on another thread
        than the main one goes to the main thread (`post`)."""
        if threading.current_thread() is not threading.main_thread():
            self.post(request)
            return
        host = host_of(request)
        if host is not None:
            self._submit(host, request)
            return
        if self._busy:
            self._queue.append(request)
            return
        self._busy = True
        try:
            finishers: list[Callable[[], None]] = []
            with self._output.capturing():
                pending: Request | None = request
                while pending is not None:
                    host = host_of(pending)
                    if host is not None:  # e.g. `st.rerun("<key>")` of a parallel fragment
                        self._submit(host, pending)
                        break
                    if pending.done is not None:
                        finishers.append(pending.done)
                    try:
                        pending = self._execute(pending)
                    except BaseException:  # noqa: BLE001 - the boundary of a widget event
                        # A bug in nbfrag itself (the app's errors, BaseExceptions too, are
                        # drawn by `execute`): stop here, say so on the kernel's own stderr (the
                        # server's log, never the page), and leave the message answered.
                        traceback.print_exc(file=sys.__stderr__)
                        pending = None
                    finally:
                        self.session.triggers.clear()  # a click is True for one run only
            for finish in finishers:
                finish()
        finally:
            self._busy = False
        while self._queue:
            self.dispatch(self._queue.popleft())
        self._drain_inbox()

    def _execute(self, request: Request) -> Request | None:
        if request.trigger is not None:
            self.session.triggers[request.trigger[0]] = request.trigger[1]
        fragment = request.fragment
        if fragment is None:
            if request.app.source is None:  # a plain cell run without the extension
                print(RERUN_NEEDS_EXTENSION, file=sys.__stderr__)
                return None
            return self._run_app(request.app, request.callback)
        # Fragments removed by a full run since the click was sent are ignored.
        fragments = tuple(f for f in (fragment, *request.queued) if f.alive)
        if not fragments:
            return None
        return self._rerun_fragments(fragments, request.callback)

    def _run_app(self, app: App, callback: Callable[[], Any] | None) -> Request | None:
        """A full run: the callback, then the app's code, into the app's whole page."""
        run = Run(app, "app")
        app.root.begin()
        if app.sidebar is not None:  # redrawn by every full run, like the main area
            app.root.adopt(app.sidebar)

        def body() -> None:
            if callback is not None:
                self._call_back(callback)
            exec(app.code(), app.namespace)

        token = self._frame.set(Frame(app, app.root, None, run))
        result = Execution("completed")  # unless something escapes the ladder (Ctrl-C)
        try:
            result = execute(body, app.root, tracebacks=self.show_tracebacks)
        finally:
            self._frame.reset(token)
            app.root.commit(result.outcome != "rerun")
            run.outcome = result.outcome
            self._finished(run)
        return self.follow_up(app, result)

    def _rerun_fragments(
        self, fragments: tuple[Fragment, ...], callback: Callable[[], Any] | None
    ) -> Request | None:
        """A fragment rerun: the callback, then each fragment alone, in order, into its own
        area. An error drawn in one does not stop the next; `st.rerun()` or `st.stop()` does.
        A fragment that already ran inside an earlier one (nested in it) is not run again."""
        app = fragments[0].app
        run = Run(app, "fragment", target=fragments[0], queue=fragments)
        result = Execution("completed")
        try:
            for fragment in fragments:
                if fragment in run.ran or not fragment.alive:  # redrawn (or removed) by its parent
                    continue
                run.target = fragment
                result = self.run_fragment(fragment, run, callback=callback)
                callback = None  # the widget's own callback runs once, before its fragment
                if run.outcome == "completed":
                    run.outcome = result.outcome
                if result.outcome in ("rerun", "stopped"):
                    break
        finally:
            self._finished(run)
        return self.follow_up(app, result)

    def _call_back(self, callback: Callable[[], Any]) -> None:
        """Run a widget's callback in the current frame, marked as a callback."""
        frame = self._frame.get()
        assert frame is not None
        token = self._frame.set(dataclasses.replace(frame, in_callback=True))
        try:
            with carry_appends() as written:  # into containers of the last run: kept, as Streamlit does
                callback()
        finally:
            self._frame.reset(token)
            self._carried.extend(written)

    def _finished(self, run: Run) -> None:
        for block in self._carried:  # a container this run did not redraw keeps them as appended
            block.carried = []
        self._carried.clear()
        for observer in list(self.run_observers):
            observer(run)

    def run_fragment(
        self, fragment: Fragment, run: Run, *, callback: Callable[[], Any] | None = None, record: bool = True
    ) -> Execution:
        """Run a fragment's function (after `callback`) into its area, as part of `run`.

        Returns how it went (an exception is drawn in the area); the caller decides what that
        means: a fragment rerun records it, a call from a running parent passes a stop or an
        error on to the parent, a plain cell goes on. A parallel fragment's run holds its
        worker's lock and may draw only inside its area (`record=False`: the caller already
        listed it in `run`).
        """
        worker = fragment.worker
        if worker is None or fragment.host is not fragment:
            return self._run_fragment(fragment, run, callback, record)
        state = self._thread
        with worker.lock:
            saved, state.host = state.host, fragment
            try:
                result = self._run_fragment(fragment, run, callback, record)
            finally:
                state.host = saved
            if not fragment.alive:  # it left the page while it ran: close what it drew
                fragment.block.dispose()
            return result

    def _run_fragment(
        self, fragment: Fragment, run: Run, callback: Callable[[], Any] | None, record: bool
    ) -> Execution:
        block = fragment.block
        block.begin()
        if record:
            run.fragments.append(fragment.name)
            run.ran.append(fragment)
        if fragment.run_every is not None:
            place_ticker(block, fragment.run_every, lambda rearm: self._tick(fragment, rearm))

        def body() -> Any:
            if callback is not None:
                self._call_back(callback)
            return fragment.func(*fragment.args, **fragment.kwargs)

        token = self._frame.set(Frame(fragment.app, block, fragment, run))
        result = Execution("completed")
        try:
            with self._output.capturing():  # a plain cell's fragment is not inside a dispatch
                result = execute(body, block, tracebacks=self.show_tracebacks)
        finally:
            self._frame.reset(token)
            block.commit(result.outcome != "rerun")
        return result

    def _tick(self, fragment: Fragment, rearm: Callable[[], None]) -> None:
        """A `run_every` tick: rerun the fragment, then re-arm its ticker's views."""
        if fragment.alive:
            self.dispatch(Request(fragment.app, fragment=fragment, done=rearm))

    def follow_up(self, app: App, result: Execution) -> Request | None:
        """What a run that ended with `result` asks for next: after `st.rerun()`, the
        fragments it named (in one run) or the whole app; otherwise nothing."""
        rerun = result.rerun
        if rerun is None:
            return None
        if rerun.fragments:
            first, *more = rerun.fragments
            return Request(app, fragment=first, queued=tuple(more))
        return Request(app)


runtime = Runtime()
