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

    `scope="app"` (the default) reruns the whole app, also from inside a fragment.
    `scope="fragment"` reruns only the current fragment, and is allowed only inside a
    fragment during a fragment rerun (not during a full app run). `rerun` raises an exception
    that `except Exception:` does not catch, so it works inside `try` blocks too.
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
    """Stop the current run here. In a fragment rerun only the fragment stops; what it drew
    before this call stays and what it drew after it last time goes away."""
    raise StopException()
