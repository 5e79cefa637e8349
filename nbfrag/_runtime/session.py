"""A `Session`: what belongs to one user of the apps, as a browser tab does in Streamlit.

The notebook is one session; each `nbfrag.testing.AppTest` is another. The runtime acts for
one session at a time (`with runtime.using(session):`), and `st.session_state` reads the
Session State of whichever session that is.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any

from .state import SessionState, StateView, state_view


class Session:
    """One user's Session State (with its one live view) and the values a widget holds for
    one run only (a click is True in the run it caused: `triggers`, by widget id).

    Triggers belong to the thread that runs: a parallel fragment's worker reruns it while the
    kernel's main thread handles other clicks, and neither may see or clear the other's."""

    def __init__(self) -> None:
        self.state = SessionState()
        self._local = threading.local()

    @property
    def triggers(self) -> dict[Hashable, Any]:
        """The one-run widget values of the run going on in this thread."""
        try:
            found: dict[Hashable, Any] = self._local.triggers
        except AttributeError:
            found = self._local.triggers = {}
        return found

    @property
    def view(self) -> StateView:
        """The live table of this session's Session State (the same widget every time)."""
        return state_view(self.state)

    def clear(self) -> None:
        """Forget every value and trigger (keys bound to widgets go when their widgets close)."""
        self.triggers.clear()
        self.state.clear()
