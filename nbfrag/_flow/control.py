"""`st.rerun()` and `st.stop()`: end the current run at once, with Streamlit's semantics."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from .. import errors
from .._runtime.runtime import runtime
from .._runtime.scopes import RERUN_NEEDS_EXTENSION, RerunException, StopException
from .._runtime.shell import shell

_LEVELS = ("app", "fragment")  # the scopes that are not fragment keys
_SCOPE_VALUES = ["'app'", "'fragment'", "a fragment key", "a list of keys"]


def rerun(scope: str | int | Sequence[str | int] = "app") -> NoReturn:
    """Stop the current run at once and run again.

    What reruns is the whole app, the current fragment, or the fragments with the given keys.

    Parameters
    ----------
    scope : "app", "fragment", str, int or list of str/int, default "app"
        What reruns:

        * "app" reruns the whole app, also from inside a fragment.
        * "fragment" reruns only the current fragment (and the fragments queued after it in
          the same rerun). It is allowed only inside a fragment during a fragment rerun, not
          during a full run: else `StreamlitInvalidLayoutContextError`.
        * A fragment key, or a list of keys, reruns every call site of the fragments declared
          with `@st.fragment(key=...)`, and nothing else. An int key is its string (`5` and
          "5" are the same key). Allowed only in a widget callback (`on_click`, `on_change`),
          where it replaces the rerun the interaction would cause; anywhere else it raises
          `StreamlitAPIException`, and so does a key of no fragment on the page.

        An empty string or list raises `StreamlitValueError`, and so does "app" or "fragment"
        inside a list; a value of another type raises `StreamlitInvalidParameterTypeError`.

    Returns
    -------
    NoReturn
        It never returns: it raises an exception that `except Exception:` does not catch, so it
        works inside `try` blocks too.

    Differences from Streamlit
    --------------------------
    * The app is the `%%app` cell: a full rerun runs its source, kept by the kernel, again.
      Outside `%%app`, `st.rerun()` works in a fragment or a widget callback (at the top level
      of a plain cell it raises `NoAppError`) and re-executes the plain cell if
      `%load_ext nbfrag` recorded its source; elements that the cell's first run did not draw
      cannot appear later, since a finished cell gets no new outputs.

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.button("Start over"):
    ...     st.session_state.clear()
    ...     st.rerun()

    A button outside a fragment that reruns only that fragment:

    >>> import random
    >>> @st.fragment(key="dice")
    ... def dice():
    ...     st.write(f"You rolled {random.randint(1, 6)}")
    >>> dice()
    >>> st.button("Roll again", on_click=lambda: st.rerun("dice"))
    """
    keys = _fragment_keys(scope)
    frame = runtime.frame()
    if frame is None:
        raise errors.NoAppError(
            "st.rerun() can only be called while an nbfrag app or fragment runs: from code in "
            "an `%%app` cell, in a fragment, or in a widget callback."
        )
    if keys is not None:
        if not frame.in_callback:
            raise errors.StreamlitAPIException(
                "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
                "(e.g. `on_change` / `on_click`). Calling it from the main script body or a "
                "fragment body would abort the current run. If you meant to rerun the whole app "
                "or the current fragment, use `scope='app'` or `scope='fragment'`."
            )
        raise RerunException("keys", frame.app.fragments_keyed(keys))
    if scope == "fragment":
        if frame.run.kind != "fragment" or frame.fragment is None:
            raise errors.StreamlitInvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
                "during fragment reruns."
            )
        raise RerunException("fragment", frame.run.rest())
    if frame.app.source is None:
        raise errors.NoAppError(RERUN_NEEDS_EXTENSION)
    raise RerunException("app")


def _fragment_keys(scope: object) -> list[str] | None:
    """The fragment keys a `scope` names (ints as strings), or None for "app" / "fragment";
    a malformed scope raises Streamlit's errors."""
    if isinstance(scope, int):
        scope = str(scope)
    if isinstance(scope, (bytes, bytearray)) or not isinstance(scope, (str, Sequence)):
        raise errors.StreamlitInvalidParameterTypeError(
            "scope", type(scope).__name__, ["str", "int", "list[str | int]"]
        )
    if isinstance(scope, str):
        if scope == "":
            raise errors.StreamlitValueError("scope", _SCOPE_VALUES, detail="Got an empty string.")
        return None if scope in _LEVELS else [scope]
    if len(scope) == 0:
        raise errors.StreamlitValueError("scope", _SCOPE_VALUES, detail="Got an empty list.")
    keys: list[str] = []
    for name in scope:
        if isinstance(name, int):
            name = str(name)
        elif not isinstance(name, str):
            raise errors.StreamlitInvalidParameterTypeError("scope list items", type(name).__name__, ["str", "int"])
        elif name == "":
            raise errors.StreamlitValueError(
                "scope list items", ["non-empty strings or ints"], detail="Found an empty string in the list."
            )
        keys.append(name)
    for name in keys:
        if name in _LEVELS:
            raise errors.StreamlitValueError(
                "scope",
                ["fragment keys"],
                detail=f"'{name}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{name}' directly as a string.",
            )
    return keys


def stop() -> NoReturn:
    """Stop the current run here.

    Nothing after the call runs. In a fragment rerun only the fragment stops: what it drew before
    the call stays, and what it drew after that point in its previous run goes away.

    Returns
    -------
    NoReturn
        It never returns: it raises an exception that ends the run.

    Examples
    --------
    >>> import nbfrag as st
    >>> name = st.text_input("Name")
    >>> if not name:
    ...     st.info("Type a name to go on.")
    ...     st.stop()
    >>> st.write(f"Hello, {name}!")
    """
    if runtime.frame() is None:  # a plain cell: it stops silently, as an app's run does
        stop_quietly(shell())
    raise StopException()


def stop_quietly(running: Any) -> None:
    """Let `st.stop()` end a plain cell silently, as it ends an app's run: no traceback, and
    the cell counts as run (no `error` reply, so nbclient, nbval and "Run all" go on). Set up
    once per shell: a `StopException` shows nothing, and a cell it ended is cleared of it."""
    if running is None or getattr(running, "_nbfrag_stops_quietly", False):
        return
    running._nbfrag_stops_quietly = True
    if not running.custom_exceptions:  # never replace a handler someone else set
        running.set_custom_exc((StopException,), _show_nothing)
    running.events.register("post_run_cell", _clear_stop)


def _show_nothing(_shell: Any, etype: Any, value: Any, tb: Any, tb_offset: Any = None) -> None:
    return None


def _clear_stop(result: Any) -> None:
    if result is not None and isinstance(result.error_in_exec, StopException):
        result.error_in_exec = None
