"""The half of the runtime that runs parallel fragments (`@st.fragment(parallel=True)`).

Every run of a parallel fragment goes to its `Worker` (worker.py): its first run during a full
run (`start_parallel`: the full run goes on at once), its ticks, its widgets' reruns and the
reruns of fragments nested in it (`Runtime.dispatch` hands them over with `_submit`). A worker
acts with its own frame (the runtime's ContextVar), its own output capture, its own one-run
triggers and the session it was given (`ThreadState`, per thread). What a worker's run asks
for outside its fragment (`st.rerun()` of the app) goes back to the kernel's main thread with
`post`: in a kernel as a callback of its event loop, in-process at the end of the next
`dispatch` or in `settle` (what tests and `nbfrag.testing` call to let workers finish).

`Runtime` mixes `ParallelRuns` in; the methods it relies on are declared here.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
import threading
import time
import traceback
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from .. import errors
from .capture import Capture
from .execution import Execution
from .scopes import App, Fragment, Frame, Request, Run
from .session import Session
from .shell import shell
from .worker import Worker

PARALLEL_OUTSIDE = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
    "To fix this, move the element inside the fragment body."
)


class ThreadState(threading.local):
    """What the runtime keeps per thread (the main thread's, a worker's)."""

    def __init__(self) -> None:
        self.session: Session | None = None  # `using` another session than the notebook's
        self.writes = 0  # > 0 while nbfrag itself sets widget traits
        self.host: Fragment | None = None  # the parallel fragment whose area this thread draws
        self.working = False  # a worker thread in a run of its fragment


class ParallelRuns:
    """Runs parallel fragments on their workers (a part of `Runtime`)."""

    _busy: bool
    _thread: ThreadState
    _frame: contextvars.ContextVar[Frame | None]
    _output: Capture
    _inbox: deque[Request]
    _workers: weakref.WeakSet[Worker]

    # -- what Runtime provides ----------------------------------------------------------------
    @property
    def session(self) -> Session:
        raise NotImplementedError

    def using(self, session: Session) -> contextlib.AbstractContextManager[Session]:
        raise NotImplementedError

    def dispatch(self, request: Request) -> None:
        raise NotImplementedError

    def _execute(self, request: Request) -> Request | None:
        raise NotImplementedError

    def run_fragment(
        self, fragment: Fragment, run: Run, *, callback: Callable[[], Any] | None = None, record: bool = True
    ) -> Execution:
        raise NotImplementedError

    def follow_up(self, app: App, result: Execution) -> Request | None:
        raise NotImplementedError

    # -- parallel fragments -------------------------------------------------------------------
    def make_parallel(self, fragment: Fragment) -> None:
        """Give a `parallel=True` fragment its worker: from now on its runs happen there."""
        if fragment.worker is None:
            fragment.worker = Worker(fragment.name)
            self._workers.add(fragment.worker)
        fragment.host = fragment
        fragment.block.isolated = True

    @property
    def on_worker(self) -> bool:
        """This thread is a parallel fragment's worker, in a run."""
        return self._thread.working

    def check_not_parallel(self, command: str) -> None:
        """Refuse a command that draws outside the fragment (a dialog) in a parallel fragment's
        run: with Streamlit's error in the run of a full run, and in nbfrag's later runs too,
        since they happen on the worker as well."""
        host = self._thread.host
        if host is None:
            return
        frame = self._frame.get()
        if frame is not None and frame.run.kind == "app":
            raise errors.StreamlitInvalidLayoutContextError(
                f"`{command}` cannot be called from a parallel fragment during the initial page "
                f"load, because parallel fragments run concurrently on separate threads where "
                f"`{command}` is not safe.\n\nTo fix this, gate the call behind a widget "
                "interaction (e.g., `if st.button(...):`) so it runs during a sequential "
                "fragment rerun instead."
            )
        raise errors.StreamlitInvalidLayoutContextError(
            f"`{command}` cannot be called from a parallel fragment: all its runs happen on its "
            f"worker thread, and `{command}` draws outside the fragment's area.\n\nTo fix "
            "this, call it from a fragment without `parallel=True` or from the app's script."
        )

    def start_parallel(self, fragment: Fragment, run: Run) -> None:
        """A full run reached a parallel fragment: its worker runs it into its (already
        placed) area, as part of `run`, while the full run goes on. What it asks for next
        (`st.rerun()`) follows on the worker or, for the whole app, on the main thread."""
        assert fragment.worker is not None
        run.fragments.append(fragment.name)  # listed now: the full run may end before it does
        run.ran.append(fragment)
        session = self.session

        def job() -> None:
            if not fragment.alive:
                return
            with self._working(session):
                result = self.run_fragment(fragment, run, record=False)
                follow_up = self.follow_up(fragment.app, result)
            if follow_up is not None:
                self._continue(fragment, follow_up, session)

        fragment.worker.submit(job)

    def _submit(self, host: Fragment, request: Request) -> None:
        assert host.worker is not None
        session = self.session
        host.worker.submit(lambda: self._continue(host, request, session))

    def _continue(self, host: Fragment, request: Request, session: Session) -> None:
        """On `host`'s worker: run a request and the reruns it leads to, as `dispatch` does;
        a rerun of anything but `host` (and what is nested in it) goes to the main thread."""
        finishers: list[Callable[[], None]] = []
        with self._working(session):
            pending: Request | None = request
            while pending is not None:
                if host_of(pending) is not host:
                    self.post(pending)
                    break
                if pending.done is not None:
                    finishers.append(pending.done)
                try:
                    pending = self._execute(pending)
                except BaseException:  # noqa: BLE001 - the boundary of the event, as in dispatch
                    traceback.print_exc(file=sys.__stderr__)
                    pending = None
                finally:
                    self.session.triggers.clear()
            for finish in finishers:
                finish()

    @contextlib.contextmanager
    def _working(self, session: Session) -> Iterator[None]:
        """A worker thread acts for `session`, with its output captured, in a run."""
        state = self._thread
        state.working = True
        try:
            with self.using(session), self._output.capturing():
                yield
        finally:
            state.working = False

    def post(self, request: Request) -> None:
        """Hand a request to the kernel's main thread (from a worker): it runs when the main
        thread is free (in a kernel, as a callback of its event loop; in-process, at the end
        of the next `dispatch` or in `settle`)."""
        self._inbox.append(request)
        loop = getattr(getattr(shell(), "kernel", None), "io_loop", None)
        if loop is not None:
            loop.add_callback(self._drain_inbox)

    def _drain_inbox(self) -> None:
        while self._inbox and not self._busy:
            self.dispatch(self._inbox.popleft())

    def settle(self, timeout: float = 60.0) -> bool:
        """Wait until every parallel fragment's worker is idle and what they handed to the
        main thread has run (call it on the main thread: tests, `nbfrag.testing`). Returns
        False if `timeout` seconds passed first."""
        deadline = time.monotonic() + timeout
        while True:
            for worker in list(self._workers):
                worker.wait_idle(max(0.0, deadline - time.monotonic()))
            if self._inbox and not self._busy:
                self._drain_inbox()
                continue
            if all(worker.idle for worker in list(self._workers)):
                return True
            if time.monotonic() >= deadline:
                return False


def host_of(request: Request) -> Fragment | None:
    """The parallel fragment whose worker runs `request` (every fragment it reruns is that
    fragment or nested in it), or None: the main thread runs it."""
    if request.fragment is None:
        return None
    host = request.fragment.host
    if host is None or host.worker is None:
        return None
    if any(fragment.host is not host for fragment in request.queued):
        return None
    return host
