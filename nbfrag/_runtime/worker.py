"""Workers of parallel fragments (`@st.fragment(parallel=True)`): their runs happen off the
kernel's main thread, so a slow fragment never keeps the rest of the page waiting.

Each parallel fragment has one `Worker`. Every run of the fragment (its first run during a
full run, its `run_every` ticks, its own widgets' reruns, and the fragments nested in it) is a
job for its worker: a thread started when a job arrives and ended when none is left, which
runs the jobs one at a time, in the order they came. The main thread only hands jobs over and
never waits for one, so a click elsewhere is handled while the fragment works. A tick cannot
pile up behind a slow body: the ticker re-arms only after the run it asked for.

`lock` is held for every run of the fragment, wherever it runs (a run on the main thread, as
when a non-parallel parent reruns and calls it, waits for the worker's run to end): the
fragment's area is only ever drawn by one run at a time.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable


class Worker:
    """Runs one parallel fragment's jobs on a thread of its own, one at a time, in order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lock = threading.RLock()  # held by every run of the fragment (see the module)
        self._jobs: deque[Callable[[], None]] = deque()
        self._state = threading.Condition()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        """Run `job()` on the worker after the jobs before it; returns at once."""
        with self._state:
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name=f"nbfrag parallel fragment {self.name}", daemon=True
                )
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._state:
                if not self._jobs:
                    self._thread = None
                    self._state.notify_all()
                    return
                job = self._jobs.popleft()
            try:
                job()
            except BaseException:  # noqa: BLE001 - a job draws its own errors; this is a bug in nbfrag
                traceback.print_exc(file=sys.__stderr__)

    @property
    def idle(self) -> bool:
        """No job is running or waiting."""
        return self._thread is None

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no job is running or waiting; False if `timeout` passed first."""
        if self._thread is threading.current_thread():
            return False  # a job waiting for its own worker would wait forever
        with self._state:
            return self._state.wait_for(lambda: self._thread is None, timeout)
