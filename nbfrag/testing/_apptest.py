"""`AppTest`: one headless session of an nbfrag app, driven like a user drives a notebook.

There is no second runtime here. An `AppTest` makes an `App` with its own host area (never
displayed) and hands the runtime the same `Request`s a notebook does; clicks, edits and ticks
go through the widget objects, so a click in a fragment reruns only that fragment.

Each `AppTest` is a session of its own: while it acts, the runtime acts for the test's
`Session` (`runtime.using`), so `nbfrag.session_state` serves the test's keys and tests in one
process, and the notebook a test runs in, never see each other's state.
"""

from __future__ import annotations

import inspect
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from IPython import get_ipython as _get_ipython

from .._flow.query_params import params_of, set_params_of
from .._flow.secrets import secrets as _secrets
from .._runtime.reconciler import Block
from .._runtime.runtime import runtime
from .._runtime.scopes import Outcome, Request, Run, RunKind
from .._runtime.session import Session
from .._runtime.views import Area
from .._widgets.base import WidgetOwner
from . import _sources
from ._elements import Element, Node, Section


@dataclass
class RunRecord:
    """How one run went: `scope` "app" or "fragment", the `fragments` that ran in it (in
    order, nested ones included), and its `outcome`: "completed", "rerun" (ended by
    `st.rerun()`), "stopped" (`st.stop()`) or "exception"."""

    scope: RunKind
    fragments: list[str] = field(default_factory=list)
    outcome: Outcome = "completed"


@dataclass(frozen=True)
class Toast:
    """A toast the last interaction showed (`at.toast[0].value`, `.icon`)."""

    value: str
    icon: str


class Toasts(list[Toast]):
    """The toasts of the last interaction, with Streamlit's `.values` and `.len`."""

    @property
    def values(self) -> list[str]:
        return [toast.value for toast in self]

    @property
    def len(self) -> int:
        return len(self)


class _TimedOut(BaseException):
    """Raised into a script that ran past its `AppTest`'s timeout (a BaseException, so that
    the script's own `except Exception` does not catch it)."""


class AppTest(Node):
    """A simulated user session of an nbfrag app, for pytest and for notebook cells.

    Streamlit's `AppTest` API: make one with `from_file`, `from_string` or `from_function`
    (nbfrag adds `from_notebook`), set `secrets`, `session_state` and `query_params`, call
    `run()`, then act and assert::

        at = AppTest.from_file("app.py").run()
        at.number_input[0].increment().run()
        at.button[0].click().run()
        assert at.markdown[0].value == "Beans counted: 1"

    An interaction takes effect at once, as in a notebook: it reruns what a click reruns
    there (only its fragment, if it is in one), so the `.run()` after it is optional and adds
    no run; `at.run()` is a full run. `at.runs` records each run's scope. Close it with
    `close()` or use it as a context manager; the `app_test` pytest fixture closes its own.
    """

    DEFAULT_TIMEOUT: float | None = 3.0  # seconds a run may take (Streamlit's default)

    def __init__(
        self,
        script: _sources.Script,
        namespace: dict[str, Any] | None = None,
        *,
        default_timeout: float | None = None,
    ) -> None:
        self.origin = script.origin
        self.default_timeout = self.DEFAULT_TIMEOUT if default_timeout is None else default_timeout
        self._session = Session()
        self.session_state = self._session.state  # this session's own Session State
        self.secrets: dict[str, Any] = {}  # what `st.secrets` serves the app (when not empty)
        self.query_params: dict[str, Any] = {}  # the page's query parameters, as the app left them
        self.runs: list[RunRecord] = []
        self._last_triggers: dict[Any, Any] = {}  # one-run widget values of the last run
        self._toasts_before = 0  # toasts shown before the last interaction
        # As in a notebook cell, `get_ipython` is defined: transformed IPython syntax calls it.
        names: dict[str, Any] = {"__name__": "__main__", "get_ipython": _get_ipython}
        if script.filename is not None:
            names["__file__"] = script.filename
        names.update(namespace or {})
        self._actor = self
        self._app = runtime.new_app(script.source, names, host=Area("nbfrag-app-test"))
        self._closed = False

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float | None = None) -> AppTest:
        """An app whose script is `script` (dedented; a leading `%%app` line is allowed).
        `default_timeout`: seconds a run may take (default 3, as Streamlit's)."""
        return cls(_sources.from_string(script), default_timeout=default_timeout)

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float | None = None) -> AppTest:
        """An app whose script is a Python file. A relative path is found beside the file that
        calls `from_file` (as in Streamlit 1.67), else in the current directory (as in
        Streamlit's docs: `pytest` run from the project's root)."""
        caller = Path(sys._getframe(1).f_code.co_filename)
        caller_dir = caller.parent if caller.is_file() else None
        return cls(_sources.from_file(script_path, caller_dir), default_timeout=default_timeout)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float | None = None,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An app that defines `script` and calls it with `args` and `kwargs`, as Streamlit
        does: the function must import what it uses (it does not see the globals around it),
        and a `return` in it ends the run."""
        inspect.signature(script).bind(*(args or ()), **(kwargs or {}))  # a wrong call fails here
        names = {"__args": tuple(args or ()), "__kwargs": dict(kwargs or {})}
        return cls(_sources.from_function(script), names, default_timeout=default_timeout)

    @classmethod
    def from_notebook(cls, path: str | Path, cell: int | str | None = None) -> AppTest:
        """An app whose script is one code cell of a notebook.

        `cell` counts code cells only, from 0, in notebook order (Markdown cells are not
        counted); a string is a cell id; `None` (default) takes the notebook's only `%%app`
        cell. The cell must be self-contained (its imports inside), like a Streamlit script;
        `%%app` is stripped and other IPython syntax is turned into Python."""
        return cls(_sources.from_notebook(path, cell))

    # -- acting -------------------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the whole app (the first run, or a full rerun as `st.rerun()` would).

        A run longer than `timeout` seconds (default: `default_timeout`) is stopped and raises
        `RuntimeError`, as Streamlit's does."""
        with self._acting(timeout):
            runtime.dispatch(Request(self._app))
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Not available: an nbfrag app is one page (its `%%app` cell)."""
        raise NotImplementedError(
            f"at.switch_page({page_path!r}): an nbfrag app is one page (one %%app cell), with no "
            "pages to switch to. Test each page with an AppTest of its own, and set "
            "at.session_state to carry what the other page would have left."
        )

    def tick(self, fragment: str | None = None) -> AppTest:
        """Fire one `run_every` tick of a fragment (by name; optional if only one has a
        timer), through the fragment's ticker widget, as the browser's timer does."""
        timed = [e for e in self.fragment if _ticker(e) is not None]
        names = ", ".join(repr(e.label) for e in timed) or "none"
        if fragment is None:
            if len(timed) != 1:
                raise LookupError(
                    f"Say which fragment to tick: at.tick(name). Fragments with run_every: {names}."
                    + (self._hint() if not timed else "")
                )
            target = timed[0]
        else:
            target = self.fragment(fragment)
        ticker = _ticker(target)
        if ticker is None:
            raise LookupError(
                f"Fragment {target.label!r} has no run_every timer. Fragments with one: {names}."
            )
        with target._acting():
            # The frontend's tick message, delivered as a comm message would be.
            content = {"event": "tick", "seq": ticker.seq}
            ticker._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})
        return self

    @contextmanager
    def _acting(self, timeout: float | None = None) -> Iterator[None]:
        """Be this test's session while an interaction and the runs it causes happen: its
        Session State, its query parameters, its secrets (when it has any), its timeout."""
        if self._closed:
            raise RuntimeError(f"This AppTest ({self.origin}) is closed.")
        if runtime.frame() is not None:
            raise RuntimeError(
                "An AppTest cannot act while an nbfrag app or fragment is running "
                "(call it from a plain cell or a test, not from app code)."
            )
        set_params_of(self._session, self.query_params)
        self._toasts_before = len(self._app.toasts)
        runtime.run_observers.append(self._observe)
        try:
            with runtime.using(self._session), self._secrets(), _deadline(
                self.default_timeout if timeout is None else timeout
            ):
                yield
                runtime.settle()  # parallel fragments finish, as Streamlit's run waits for them
        finally:
            runtime.run_observers.remove(self._observe)
            self.query_params = dict(params_of(self._session).params)

    def _secrets(self) -> Any:
        """`st.secrets` serves `at.secrets` if the test set any (else the secrets files)."""
        return _secrets.override(self.secrets) if self.secrets else _no_change()

    def _observe(self, run: Run) -> None:
        if run.app is self._app:
            self.runs.append(RunRecord(run.kind, list(run.fragments), run.outcome))
            self._last_triggers = dict(runtime.session.triggers)

    def _read(self, owner: WidgetOwner) -> Any:
        """A widget's value as the last run read it (a button clicked in it is True)."""
        with runtime.using(self._session):
            triggers = self._session.triggers
            now = dict(triggers)
            triggers.clear()
            triggers.update(self._last_triggers)
            try:
                return owner.read()
            finally:
                triggers.clear()
                triggers.update(now)

    def close(self) -> None:
        """Close every widget the app drew (and the keys they bound in its Session State)."""
        if self._closed:
            return
        with self._acting():
            self._app.close()
        self._closed = True

    def __enter__(self) -> AppTest:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------------
    @property
    def ran(self) -> bool:
        return bool(self.runs)

    @property
    def toasts(self) -> list[str]:
        """The body of every toast shown so far, oldest first (nbfrag's; `toast` is Streamlit's)."""
        return list(self._app.toasts)

    @property
    def toast(self) -> Toasts:
        """The toasts the last interaction (or run) showed, as Streamlit lists them."""
        start = self._toasts_before
        shown = zip(self._app.toasts[start:], self._app.toast_icons[start:], strict=False)
        return Toasts(Toast(value, icon) for value, icon in shown)

    @property
    def columns(self) -> Any:
        """Every column on the page (`at.columns[1].markdown`), as Streamlit lists them."""
        return self.kind_list("columns")

    @property
    def tabs(self) -> Any:
        """Every tab on the page (`at.tabs[2].markdown`)."""
        return self.kind_list("tabs")

    @property
    def sidebar(self) -> Section:
        """The elements in the app's sidebar (`at.sidebar.button[0]`)."""
        side = self._app.sidebar
        return Section("sidebar", [side] if side is not None else [], self)

    @property
    def main(self) -> Section:
        """The elements of the main area, without the sidebar's."""
        return Section("main area", [self._app.root], self)

    def _roots(self) -> list[Block]:
        """Every element is in the main area or the sidebar, listed in that order (as
        Streamlit's element tree orders them)."""
        side = self._app.sidebar
        return [self._app.root] + ([side] if side is not None else [])

    def _blocks(self) -> list[Block]:
        return self._roots()

    def __str__(self) -> str:
        """The visible page as indented text, fragments marked (`fragment name:`)."""
        if not self.ran:
            return "(not run yet: call at.run())"
        return "\n".join(self._app.root.lines()) or "(empty)"

    def __repr__(self) -> str:
        runs = len(self.runs)
        return f"<AppTest {self.origin}: {runs} run{'s' if runs != 1 else ''}{', closed' if self._closed else ''}>"


@contextmanager
def _no_change() -> Iterator[None]:
    yield


@contextmanager
def _deadline(timeout: float | None) -> Iterator[None]:
    """Stop a script that runs longer than `timeout` seconds, then raise Streamlit's
    `RuntimeError`. The alarm is a SIGALRM timer, so only in the main thread of a Unix
    process; elsewhere runs are not timed."""
    usable = timeout is not None and timeout > 0 and hasattr(signal, "setitimer")
    if not usable or threading.current_thread() is not threading.main_thread():
        yield
        return
    assert timeout is not None
    expired: list[bool] = []

    def alarm(signum: int, frame: Any) -> None:
        expired.append(True)
        raise _TimedOut(f"AppTest script run timed out after {timeout}(s)")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:
        raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")


def _ticker(element: Element) -> Any:
    """A fragment's ticker widget (hidden, so not an element), if it has a timer."""
    block = element.slot.block
    slots = block.slots if block is not None else []
    return next((slot.widget for slot in slots if slot.key[0] == "ticker"), None)


__all__ = ["AppTest", "RunRecord", "Toast"]
