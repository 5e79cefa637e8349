"""`@st.fragment`: a function whose widgets rerun only that function and redraw only its area."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar, overload

from .. import errors
from .._runtime.duration import run_every_seconds
from .._runtime.runtime import runtime
from .._runtime.scopes import Fragment
from .._runtime.views import Area

F = TypeVar("F", bound=Callable[..., Any])

_LEVELS = ("app", "fragment")  # `st.rerun(scope=...)` reads these as levels, not keys


@overload
def fragment(func: F, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None) -> F: ...


@overload
def fragment(
    func: None = None, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None
) -> Callable[[F], F]: ...


def fragment(
    func: F | None = None, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None
) -> F | Callable[[F], F]:
    """Turn a function into a fragment: a part of the app that reruns on its own.

    When a user changes a widget created inside a fragment, only the fragment reruns and only its
    area is redrawn; the rest of the page stays as it is. `st.rerun()` inside a fragment reruns
    the whole app; `st.rerun(scope="fragment")`, during a fragment rerun, only the fragment.
    A fragment with a `key` can also be rerun from a widget callback anywhere in the app:
    `st.rerun("<key>")`.

    Each call draws the fragment in its own area at the call site and runs it at once, returning
    the function's value. Reruns use the arguments of the last call and ignore the return value,
    so pass changing data through `st.session_state`. A fragment called in a plain cell (without
    `%%app`) reruns on its own widgets too.

    Parameters
    ----------
    func : callable, optional
        The function to turn into a fragment. Leave it out to pass options:
        `@st.fragment(run_every="5s")`.
    run_every : int, float, timedelta, str or None, optional
        Rerun the fragment at this interval while a view of it is open in a browser: seconds, a
        `datetime.timedelta`, or a string such as "10s", "500ms", "1m30s" or "1.5 days". None or
        0 means no timer. A bad value raises when the fragment is called.
    parallel : bool, default False
        Run the fragment on a worker thread of its own, so that a slow fragment never keeps
        the rest of the page waiting. During a full run the call draws the fragment's area,
        hands the body to the worker and returns None at once, as in Streamlit; the rest of
        the script goes on meanwhile. Unlike Streamlit, its reruns (its `run_every` ticks, its
        own widgets, the fragments nested in it) run on the worker too, so clicks elsewhere
        are handled while it works. The worker runs one run at a time, in order; a full run
        that comes while it works queues a fresh run, which redraws the area when the run in
        progress ends. Everything the fragment draws must stay inside its area: writing to a
        container created outside it (or the sidebar) raises
        `StreamlitInvalidLayoutContextError`, and so does `@st.dialog`. Its errors are drawn
        in its area without stopping the full run; `st.rerun()` in it reruns the app when the
        kernel is free. Session State is safe to read and write from it (each access is
        atomic; a read-modify-write such as `+= 1` needs a lock of your own if another thread
        does it too). Only a body that waits (I/O, `time.sleep`, a native library releasing
        the GIL) leaves the kernel free; pure-Python computing shares the one interpreter.
    key : str, int or None, optional
        A name for the fragment, so that a widget callback anywhere in the app can rerun it
        with `st.rerun("<key>")` (an int key is its string). Every call site of the function
        shares the key and they rerun together; two different fragment functions called in one
        run with the same key raise `StreamlitDuplicateElementKey` at the second one. "app" and
        "fragment" are reserved and "" is not a key: both raise at once.

    Returns
    -------
    callable
        The fragment: a function with `func`'s name and signature that draws and runs it. With
        `func` left out, a decorator that makes one.

    Differences from Streamlit
    --------------------------
    * `run_every` ticks come from the browser, only while a view of the fragment is open: a
      notebook executed without a browser (nbclient, nbval) gets no ticks.
    * Elements a fragment writes into containers created outside it accumulate there until the
      next full run, as the `st.fragment` documentation describes (Streamlit 1.59 and later
      redraw them in place instead). An `st.empty()` placeholder holds one element either way:
      writing a container into it from a fragment replaces what it held.
    * `parallel=True` fragments run off the main thread on every run, not only during full
      runs, and a full run does not wait for them (see `parallel`): `st.stop()` in one ends
      only its own run, and `@st.dialog` raises in its reruns too. Called by a non-parallel
      fragment's rerun, it runs there and returns its value, as in Streamlit.
    * An `%%app` cell ends before its parallel fragments do: what they draw reaches the page
      a moment later (a notebook run without a browser stores the area as it was then).

    Examples
    --------
    >>> import nbfrag as st
    >>> if "clicks" not in st.session_state:
    ...     st.session_state.clicks = 0
    >>> @st.fragment
    ... def counter():
    ...     if st.button("Plus one!"):
    ...         st.session_state.clicks += 1
    ...     st.write(f"Clicks: {st.session_state.clicks}")
    >>> counter()
    >>> @st.fragment(run_every="10s")
    ... def clock():
    ...     import datetime as dt
    ...     st.write(f"Last reading at {dt.datetime.now():%H:%M:%S}")
    >>> clock()

    A selectbox outside a keyed fragment that reruns only the fragment when it changes:

    >>> @st.fragment(key="charts")
    ... def show_charts():
    ...     st.write(f"Data: {st.session_state.get('filter', 'all')}")
    >>> show_charts()
    >>> st.selectbox("Filter", ["all", "recent"], key="filter", on_change=lambda: st.rerun("charts"))
    """
    if key is not None:
        key = str(key)
        if key == "":
            raise errors.StreamlitValueError("key", ["a non-empty string"])
        if key in _LEVELS:
            raise errors.StreamlitAPIException(
                f"`{key}` is a reserved name and cannot be used as a fragment key, because "
                "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
                "`@st.fragment(key=...)`."
            )
    if func is None:
        return functools.partial(fragment, run_every=run_every, parallel=parallel, key=key)
    if not callable(func):
        raise TypeError(f"st.fragment() decorates a function; got {type(func).__name__}: {func!r}")
    name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
    identity = f"{getattr(func, '__module__', '')}.{name}"

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> Any:
        interval = run_every_seconds(run_every)  # bad values fail here, at the call site
        frame = runtime.require_frame()
        if key is not None:  # before drawing anything, as Streamlit raises
            frame.run.claim_fragment_key(key, identity)
        frame.block.check_nesting(f"The fragment {name}")
        slot = frame.block.place("fragment", identity, lambda: Area("nbfrag-fragment"))
        if slot.owner is None:  # first call at this call site
            slot.owner = Fragment(frame.app, name, slot)
        fragment_scope: Fragment = slot.owner
        fragment_scope.func, fragment_scope.args, fragment_scope.kwargs = func, args, kwargs
        fragment_scope.run_every = interval
        fragment_scope.key = key
        if key is not None:
            frame.app.add_keyed(fragment_scope)
        fragment_scope.block.parent = frame.block
        if parallel:
            runtime.make_parallel(fragment_scope)
        else:  # nested in a parallel fragment, it runs on that fragment's worker too
            fragment_scope.host = frame.fragment.host if frame.fragment is not None else None
        returns = not (parallel and frame.run.kind == "app")  # see `parallel`
        if not returns and not frame.live_cell and not runtime.on_worker:
            runtime.start_parallel(fragment_scope, frame.run)  # the full run goes on at once
            return None
        if not frame.live_cell:
            # Called by a running app or fragment: its `st.rerun()`, `st.stop()` or error
            # (drawn in its area) ends the parent's run there, as in Streamlit.
            result = runtime.run_fragment(fragment_scope, frame.run)
            result.raise_in_parent()
            return result.value if returns else None
        # Top level of a plain cell: the cell is the "script". The fragment's error or
        # `st.stop()` is shown in its area and the cell goes on; the area is displayed once
        # complete, so its text/plain is what it shows.
        try:
            result = runtime.run_fragment(fragment_scope, frame.run)
            follow_up = runtime.follow_up(frame.app, result)
            if follow_up is not None:  # `st.rerun()`: rerun the cell, or the fragment
                runtime.dispatch(follow_up)
        finally:
            frame.show(slot.widget)
        return result.value if returns else None

    wrap.__signature__ = inspect.signature(func)  # type: ignore[attr-defined]
    return wrap
