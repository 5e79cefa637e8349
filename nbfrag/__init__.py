"""nbfrag: Streamlit's `st.fragment`, done natively in Jupyter notebooks.

    %load_ext nbfrag

    %%app
    import nbfrag as st

    @st.fragment
    def counter():
        if st.button("Plus one!"):
            st.session_state.clicks = st.session_state.get("clicks", 0) + 1
        st.write(f"Clicks: {st.session_state.get('clicks', 0)}")

    counter()

A click reruns only `counter` and redraws only its area; `st.rerun()` reruns the app cell.
"""

from __future__ import annotations

from typing import Any

from . import _api
from . import errors as errors
from ._api import *  # noqa: F403 - the registry is the public face
from ._elements.layout import sidebar as _sidebar
from ._runtime.magics import load_ipython_extension as load_ipython_extension
from ._runtime.magics import unload_ipython_extension as unload_ipython_extension
from ._runtime.runtime import runtime as _runtime

__version__ = "0.1.0"

session_state = _runtime.state
state = session_state

__all__ = sorted(
    [*_api.__all__, "errors", "load_ipython_extension", "session_state", "sidebar", "state", "unload_ipython_extension"]
)


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name == "sidebar":  # made on first use, and refused inside fragments (see _layout)
        return _sidebar()
    raise AttributeError(
        f"module 'nbfrag' has no attribute {name!r}. nbfrag supports: {', '.join(__all__)}"
    )
