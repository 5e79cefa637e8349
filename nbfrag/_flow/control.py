"""`st.rerun()` and `st.stop()`: end the current run at once, with Streamlit's semantics."""

from __future__ import annotations

from typing import NoReturn

from .. import errors
from .._runtime.runtime import runtime
from .._runtime.scopes import RERUN_NEEDS_EXTENSION, RerunException, StopException

_VALID_SCOPES = (
    "Valid scopes are 'app' (rerun the whole app) and 'fragment' (rerun only the current fragment, "
    "during a fragment rerun)."
)


def rerun(scope: str = "app") -> NoReturn:
    """Stop the current run at once and run again.

    Parameters
    ----------
    scope : {"app", "fragment"}, default "app"
        "app" reruns the whole app, also from inside a fragment. "fragment" reruns only the
        current fragment, and is allowed only inside a fragment during a fragment rerun (not
        during a full run), else `StreamlitInvalidLayoutContextError`. Other values raise
        `StreamlitAPIException`.

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
    """
    if not isinstance(scope, str) or scope not in ("app", "fragment"):
        raise errors.StreamlitAPIException(f"'{scope}' is not a valid rerun scope. {_VALID_SCOPES}")
    frame = runtime.frame()
    if frame is None:
        raise errors.NoAppError(
            "st.rerun() can only be called while an nbfrag app or fragment runs: from code in "
            "an `%%app` cell, in a fragment, or in a widget callback."
        )
    if scope == "fragment":
        if frame.run.kind != "fragment" or frame.fragment is None:
            raise errors.StreamlitInvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
                "during fragment reruns."
            )
        raise RerunException("fragment", frame.run.target)
    if frame.app.source is None:
        raise errors.NoAppError(RERUN_NEEDS_EXTENSION)
    raise RerunException("app")


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
    raise StopException()
