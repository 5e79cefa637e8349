"""Scopes and runs: what re-executes (an `App`, a `Fragment`), one execution of it (`Run`),
where commands draw right now (`Frame`), and what to run next (`Request`).

`st.rerun()` and `st.stop()` end a run by raising `RerunException` / `StopException`, which
derive from `BaseException` so that an app's `except Exception:` does not swallow them."""

from __future__ import annotations

import linecache
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import ipywidgets as widgets
from IPython.display import display

from .. import errors
from .magic import WRITER_NAME, add_magic, magic_write
from .options import setting
from .page import PageConfig, apply_layout
from .reconciler import Block, Slot, close_widget
from .shell import shell
from .views import Area
from .worker import Worker

RunKind = Literal["app", "fragment"]
"""What a run re-executes: the whole app, or one fragment (with the fragments it calls)."""

Outcome = Literal["completed", "rerun", "stopped", "exception"]
"""How a run ended: it reached its end, `st.rerun()` ended it, `st.stop()` did, or an
exception did (drawn where it happened)."""

RERUN_NEEDS_EXTENSION = (
    "This plain cell cannot be rerun: nbfrag does not know its source. Load the extension "
    "with `%load_ext nbfrag` and run the cell again (or put the app in an `%%app` cell)."
)


class RerunException(BaseException):
    """Raised by `st.rerun()`: ends the current run at once (`except Exception` won't stop it)."""

    def __init__(self, scope: str, fragments: Sequence[Fragment] = ()) -> None:
        super().__init__(scope)
        self.scope = scope  # "app", "fragment" (the current one), or "keys" (fragments by key)
        self.fragments = tuple(fragments)  # what to rerun, in order; none for the whole app


class StopException(BaseException):
    """Raised by `st.stop()`: ends the current run (only the fragment, in a fragment rerun)."""


class FragmentHandledException(BaseException):
    """A fragment raised during its parent's run; it shows the error, the parent run stops."""


# --------------------------------------------------------------------------------------------
# Scopes


class App:
    """A full-rerun scope: an `%%app` cell, or a plain cell whose code called nbfrag."""

    def __init__(
        self, source: str | None, namespace: dict[str, Any], host: Area | None, number: int, *, magic: bool = True
    ) -> None:
        self.number = number  # unique in the kernel: names the app's code in tracebacks
        self.namespace = namespace
        self.host = host
        self.root = Block(host)
        if host is not None:
            host.block = self.root
        self.sidebar: Block | None = None  # made by the first `st.sidebar` (see _layout)
        self.toasts: list[str] = []  # every toast body, oldest first (for tests)
        self.toast_icons: list[str] = []  # their icons ("" for none)
        self.hand_run: Run | None = None  # a plain cell running by hand (widget ids so far)
        self.magic = magic  # bare expressions are written (not in plain cells: IPython shows them)
        self.page = PageConfig()  # st.set_page_config; its layout applies from the start
        self.root.heading = self.page.lines
        self.apply_layout()
        self._code: Any = None
        self.source = source
        self.keyed: dict[str, list[Fragment]] = {}  # `@st.fragment(key=)` call sites, by key
        # The drawn widget (its owner: `widget_id`, `fragment`) holding each widget key, so a
        # fragment rerun can see a key already used by a widget outside the fragment.
        self.key_owners: dict[str, Any] = {}

    def add_keyed(self, fragment: Fragment) -> None:
        """Register a keyed fragment's call site, so `st.rerun(key)` can find it."""
        assert fragment.key is not None
        sites = self._keyed_sites(fragment.key)
        if fragment not in sites:
            sites.append(fragment)

    def fragments_keyed(self, keys: Sequence[str]) -> tuple[Fragment, ...]:
        """Every live call site of the fragments with these keys, key by key, each call site
        once; an unknown key (or one whose fragments left the page) raises."""
        found: dict[Fragment, None] = {}
        for key in keys:
            sites = self._keyed_sites(key)
            if not sites:
                raise errors.StreamlitAPIException(
                    f"No fragment found for target '{key}'. Pass the same `key` you set on "
                    "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
                )
            found.update(dict.fromkeys(sites))
        return tuple(found)

    def _keyed_sites(self, key: str) -> list[Fragment]:
        """The call sites registered under `key` that are still on the page with that key."""
        sites = self.keyed[key] = [f for f in self.keyed.get(key, ()) if f.alive and f.key == key]
        return sites

    @property
    def source(self) -> str | None:
        return self._source

    @source.setter
    def source(self, value: str | None) -> None:
        self._source = value
        self._code = None

    def code(self) -> Any:
        """The app's source compiled once, with Streamlit's magic (a bare expression is
        written, see `magic`), registered in linecache for tracebacks and `st.echo`."""
        if self._code is None:
            assert self._source is not None
            source = self._source
            running = shell()
            if running is not None:  # line magics and `!cmd` inside an app cell
                source = running.transform_cell(source)
            filename = f"<nbfrag app {self.number}>"
            linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
            magical = self.magic and setting("runner.magicEnabled", True) is not False  # config.toml's
            self._code = compile(add_magic(source, filename) if magical else source, filename, "exec")
        if self.magic:  # every run: `%reset` may have emptied the namespace since
            self.namespace[WRITER_NAME] = magic_write
        return self._code

    def apply_layout(self) -> None:
        """Show the page layout on the app's area (its main column beside a sidebar)."""
        apply_layout(self.host, self.root.widget, self.page.layout)

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
        self.key: str | None = None  # `@st.fragment(key=)`: `st.rerun(key)` from a callback reruns it
        # `parallel=True`: the worker that runs it (see worker.py). `host` is the parallel
        # fragment whose worker runs this one: itself, the parallel fragment it is nested in
        # (set by its caller), or None (runs on the kernel's main thread).
        self.worker: Worker | None = None
        self.host: Fragment | None = None
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
    kind: RunKind
    target: Fragment | None = None  # in a fragment run, the fragment of `queue` running now
    queue: tuple[Fragment, ...] = ()  # in a fragment run, the fragments it reruns, in order
    widget_ids: set[Hashable] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    fragment_keys: dict[str, str] = field(default_factory=dict)  # key -> the function that claimed it
    fragments: list[str] = field(default_factory=list)  # names of the fragments that ran
    ran: list[Fragment] = field(default_factory=list)  # the fragments that ran (nested ones too)
    outcome: Outcome = "completed"

    def rest(self) -> tuple[Fragment, ...]:
        """The fragment running now and those queued after it (what `scope="fragment"` reruns)."""
        assert self.target is not None
        return self.queue[self.queue.index(self.target) :]

    def claim_fragment_key(self, key: str, function: str) -> None:
        """Register a keyed fragment called in this run: another function with the same key
        is an error; the same function called again (another call site) shares it."""
        if self.fragment_keys.setdefault(key, function) != function:
            raise errors.StreamlitDuplicateElementKey(key)

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
    in_callback: bool = False  # a widget callback is running (where `st.rerun(key)` is allowed)

    @property
    def scope_block(self) -> Block:
        """The block of the scope (fragment or app) the code belongs to."""
        return self.fragment.block if self.fragment is not None else self.app.root

    @property
    def outside_scope(self) -> bool:
        """A fragment is drawing into a container created outside it."""
        return self.fragment is not None and not within(self.block, self.fragment.block)

    def show(self, widget: widgets.Widget) -> None:
        """At the top level of a plain cell, display a finished element as the cell's output
        (inside an app or fragment, the reconciler puts it in its container instead)."""
        if self.live_cell:
            display(widget)


def within(block: Block | None, container: Block) -> bool:
    """`block` is `container` or a block drawn inside it."""
    while block is not None:
        if block is container:
            return True
        block = block.parent
    return False


@dataclass
class Request:
    """Something to run: the whole app, or one fragment (then the `queued` ones, in the same
    run), after an optional widget callback."""

    app: App
    fragment: Fragment | None = None
    callback: Callable[[], Any] | None = None
    trigger: tuple[Hashable, Any] | None = None  # a one-run widget value (a button click)
    done: Callable[[], None] | None = None
    queued: tuple[Fragment, ...] = ()  # more fragments to rerun after `fragment` (`st.rerun(keys)`)
