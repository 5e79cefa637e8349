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
import linecache
import os
import sys
import traceback
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Hashable, Iterator

import ipywidgets as widgets

from . import errors
from ._capture import capturing
from ._markdown import escape
from ._reconciler import Block, Slot, close_widget
from ._state import SessionState
from ._views import Area, Html

_PACKAGE_DIR = str(Path(__file__).resolve().parent)
RERUN_NEEDS_EXTENSION = (
    "This plain cell cannot be rerun: nbfrag does not know its source. Load the extension "
    "with `%load_ext nbfrag` and run the cell again (or put the app in an `%%app` cell)."
)


class RerunException(BaseException):
    """Raised by `st.rerun()`: ends the current run at once (`except Exception` won't stop it)."""

    def __init__(self, scope: str, fragment: "Fragment | None" = None) -> None:
        super().__init__(scope)
        self.scope = scope
        self.fragment = fragment


class StopException(BaseException):
    """Raised by `st.stop()`: ends the current run (only the fragment, in a fragment rerun)."""


class FragmentHandledException(BaseException):
    """A fragment raised during its parent's run; it shows the error, the parent run stops."""


# --------------------------------------------------------------------------------------------
# Scopes


class App:
    """A full-rerun scope: an `%%app` cell, or a plain cell whose code called nbfrag."""

    _count = 0

    def __init__(self, source: str | None, namespace: dict[str, Any], host: Area | None) -> None:
        App._count += 1
        self.number = App._count
        self.namespace = namespace
        self.host = host
        self.root = Block(host)
        if host is not None:
            host.block = self.root
        self.sidebar: Block | None = None  # made by the first `st.sidebar` (see _layout)
        self.toasts: list[str] = []  # every toast body, oldest first (for tests)
        self.hand_run: Run | None = None  # a plain cell running by hand (widget ids so far)
        self._code: Any = None
        self.source = source

    @property
    def source(self) -> str | None:
        return self._source

    @source.setter
    def source(self, value: str | None) -> None:
        self._source = value
        self._code = None

    def code(self) -> Any:
        """The app's source compiled once, registered in linecache for readable tracebacks."""
        if self._code is None:
            assert self._source is not None
            source = self._source
            try:
                from IPython import get_ipython

                shell = get_ipython()
                if shell is not None:  # line magics and `!cmd` inside an app cell
                    source = shell.transform_cell(source)
            except ImportError:  # pragma: no cover
                pass
            filename = f"<nbfrag app {self.number}>"
            linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
            self._code = compile(source, filename, "exec")
        return self._code

    def close(self) -> None:
        """Close every widget the app drew (its cell was re-executed or the app replaced)."""
        self.root.dispose()
        if self.sidebar is not None:
            self.sidebar.dispose()
            if self.sidebar.widget is not None:
                close_widget(self.sidebar.widget)
        if self.root.widget is not None and self.root.widget is not self.host:
            close_widget(self.root.widget)  # the main column beside a sidebar
        if self.host is not None:
            close_widget(self.host)


class Fragment:
    """A fragment scope: a function, its call site, and the arguments of its last call."""

    def __init__(self, app: App, name: str, slot: Slot) -> None:
        self.app = app
        self.name = name
        area = slot.widget
        assert isinstance(area, Area)
        self.block = Block(area, parent=None)
        area.block = self.block
        slot.block = self.block
        self.func: Callable[..., Any] = lambda: None
        self.args: tuple[Any, ...] = ()
        self.kwargs: dict[str, Any] = {}
        self.run_every: float | None = None
        self.alive = True
        slot.text = lambda: f"fragment {self.name}:"
        slot.on_dispose.append(self.kill)

    def kill(self) -> None:
        """The fragment left the page: its ticks and clicks are ignored from now on."""
        self.alive = False


@dataclass
class Run:
    """One execution: a full app run or a fragment rerun (with the fragments it calls inline)."""

    app: App
    kind: str  # "app" or "fragment"
    target: Fragment | None = None
    widget_ids: set[Hashable] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    fragments: list[str] = field(default_factory=list)  # names of the fragments that ran
    outcome: str = "completed"  # or "rerun", "stopped", "exception"

    def claim(self, widget_id: Hashable, element_type: str, key: str | None) -> None:
        """Register a widget drawn in this run; the same identity twice is an error."""
        if key is not None and key in self.keys:  # a key is unique across element types
            raise errors.StreamlitDuplicateElementKey(key)
        if widget_id in self.widget_ids:
            raise errors.StreamlitDuplicateElementId(element_type)
        self.widget_ids.add(widget_id)
        if key is not None:
            self.keys.add(key)


@dataclass
class Frame:
    """Where nbfrag commands draw right now."""

    app: App
    block: Block
    fragment: Fragment | None
    run: Run
    live_cell: bool = False  # a plain cell running by hand: show top-level elements at once

    @property
    def scope_block(self) -> Block:
        """The block of the scope (fragment or app) the code belongs to."""
        return self.fragment.block if self.fragment is not None else self.app.root

    @property
    def outside_scope(self) -> bool:
        """A fragment is drawing into a container created outside it."""
        if self.fragment is None:
            return False
        block: Block | None = self.block
        while block is not None:
            if block is self.fragment.block:
                return False
            block = block.parent
        return True

    def show(self, widget: widgets.Widget) -> None:
        """At the top level of a plain cell, display a finished element as the cell's output
        (inside an app or fragment, the reconciler puts it in its container instead)."""
        if self.live_cell:
            from IPython.display import display

            display(widget)


@dataclass
class Request:
    """Something to run: the whole app, or one fragment, after an optional widget callback."""

    app: App
    fragment: Fragment | None = None
    callback: Callable[[], Any] | None = None
    trigger: tuple[Hashable, Any] | None = None  # a one-run widget value (a button click)
    done: Callable[[], None] | None = None


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
        shell = _shell()
        parent = getattr(shell, "parent_header", None) or {}
        execution = execution_key(shell)
        app = self._cell_app[1] if self._cell_app and self._cell_app[0] == execution else None
        if app is None:
            source = None
            if self.cell_source is not None and self.cell_source[0] == execution:
                source = self.cell_source[1]
            namespace = shell.user_ns if shell is not None else {}
            app = App(source, namespace, host=None)
            app.hand_run = Run(app, "app")
            self._cell_app = (execution, app)
            self.add_app(app, _cell_id(parent))
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
            from ._ticker import place_ticker

            place_ticker(block, fragment)
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


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    return get_ipython()


def execution_key(shell: Any) -> Hashable:
    """Identifies the cell execution in progress (the execute request, or the prompt number)."""
    parent = getattr(shell, "parent_header", None) or {}
    return parent.get("header", {}).get("msg_id") or ("count", getattr(shell, "execution_count", 0))


def _cell_id(parent: dict[str, Any]) -> str | None:
    """JupyterLab and Notebook 7 send the cell's id; nbclient, nbval and Voila do not."""
    cell_id = parent.get("metadata", {}).get("cellId")
    return str(cell_id) if cell_id else None


runtime = Runtime()
