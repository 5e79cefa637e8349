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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from IPython import get_ipython as _get_ipython

from .._runtime.reconciler import Block
from .._runtime.runtime import runtime
from .._runtime.scopes import Outcome, Request, Run, RunKind
from .._runtime.session import Session
from .._runtime.views import Area
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


class AppTest(Node):
    """A simulated user session of an nbfrag app, for pytest and for notebook cells.

    Make one with `from_string`, `from_file`, `from_function` or `from_notebook`, call
    `run()`, then act and assert::

        at = AppTest.from_notebook("notebooks/quickstart.ipynb", cell=2).run()
        at.button("Plus one!").click()          # reruns only the fragment
        assert at.header[0].value == "Multiples of five clicks: 0"
        assert at.runs[-1].scope == "fragment"

    Interactions take effect at once, as in a notebook (no `.run()` after them). Close it with
    `close()` or use it as a context manager; the `app_test` pytest fixture closes its own.
    """

    def __init__(self, script: _sources.Script, namespace: dict[str, Any] | None = None) -> None:
        self.origin = script.origin
        self._session = Session()
        self.session_state = self._session.state  # this session's own Session State
        self.runs: list[RunRecord] = []
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
    def from_string(cls, source: str) -> AppTest:
        """An app whose script is `source` (dedented; a leading `%%app` line is allowed)."""
        return cls(_sources.from_string(source))

    @classmethod
    def from_file(cls, path: str | Path) -> AppTest:
        """An app whose script is a Python file (relative paths: from the current directory)."""
        return cls(_sources.from_file(path))

    @classmethod
    def from_function(
        cls, func: Callable[..., Any], args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None
    ) -> AppTest:
        """An app whose script is the *body* of `func`, as in Streamlit: the body must import
        what it uses (it does not see the globals around the function). `args`/`kwargs` bind
        the function's parameters as variables of the script."""
        bound = inspect.signature(func).bind(*args, **(kwargs or {}))
        bound.apply_defaults()
        return cls(_sources.from_function(func), dict(bound.arguments))

    @classmethod
    def from_notebook(cls, path: str | Path, cell: int | str | None = None) -> AppTest:
        """An app whose script is one code cell of a notebook.

        `cell` counts code cells only, from 0, in notebook order (Markdown cells are not
        counted); a string is a cell id; `None` (default) takes the notebook's only `%%app`
        cell. The cell must be self-contained (its imports inside), like a Streamlit script;
        `%%app` is stripped and other IPython syntax is turned into Python."""
        return cls(_sources.from_notebook(path, cell))

    # -- acting -------------------------------------------------------------------------------
    def run(self) -> AppTest:
        """Run the whole app (the first run, or a full rerun as `st.rerun()` would)."""
        with self._acting():
            runtime.dispatch(Request(self._app))
        return self

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
    def _acting(self) -> Iterator[None]:
        """Be this test's session while an interaction and the runs it causes happen."""
        if self._closed:
            raise RuntimeError(f"This AppTest ({self.origin}) is closed.")
        if runtime.frame() is not None:
            raise RuntimeError(
                "An AppTest cannot act while an nbfrag app or fragment is running "
                "(call it from a plain cell or a test, not from app code)."
            )
        runtime.run_observers.append(self._observe)
        try:
            with runtime.using(self._session):
                yield
                runtime.settle()  # parallel fragments finish, as Streamlit's run waits for them
        finally:
            runtime.run_observers.remove(self._observe)

    def _observe(self, run: Run) -> None:
        if run.app is self._app:
            self.runs.append(RunRecord(run.kind, list(run.fragments), run.outcome))

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
        """The body of every toast shown so far, oldest first."""
        return list(self._app.toasts)

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
        """Every element is in the sidebar (listed first, as the page shows it) or the main area."""
        side = self._app.sidebar
        return ([side] if side is not None else []) + [self._app.root]

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


def _ticker(element: Element) -> Any:
    """A fragment's ticker widget (hidden, so not an element), if it has a timer."""
    block = element.slot.block
    slots = block.slots if block is not None else []
    return next((slot.widget for slot in slots if slot.key[0] == "ticker"), None)


__all__ = ["AppTest", "RunRecord"]
