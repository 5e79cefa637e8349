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

from . import errors
from ._alerts import error, info, success, warning
from ._any_widget import widget
from ._choices import multiselect, radio, select_slider, selectbox, slider
from ._code import code, divider, help, latex
from ._control import rerun, stop
from ._data import dataframe, json, metric, table
from ._effects import balloons, spinner, toast
from ._elements import (
    caption,
    exception,
    header,
    markdown,
    subheader,
    text,
    title,
    write,
)
from ._fragment import fragment
from ._inputs import (
    checkbox,
    color_picker,
    date_input,
    number_input,
    text_area,
    text_input,
    time_input,
    toggle,
)
from ._layout import columns, container, empty, expander, tabs
from ._magics import load_ipython_extension, unload_ipython_extension
from ._media import image, plotly_chart, pyplot
from ._progress import progress
from ._runtime import runtime as _runtime
from ._widgets import button

__version__ = "0.1.0"

session_state = _runtime.state
state = session_state

__all__ = [
    "balloons",
    "button",
    "caption",
    "checkbox",
    "code",
    "color_picker",
    "columns",
    "container",
    "dataframe",
    "date_input",
    "divider",
    "empty",
    "error",
    "errors",
    "exception",
    "expander",
    "fragment",
    "header",
    "help",
    "image",
    "info",
    "json",
    "latex",
    "load_ipython_extension",
    "markdown",
    "metric",
    "multiselect",
    "number_input",
    "plotly_chart",
    "progress",
    "pyplot",
    "radio",
    "rerun",
    "select_slider",
    "selectbox",
    "session_state",
    "sidebar",
    "slider",
    "spinner",
    "state",
    "stop",
    "subheader",
    "success",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "unload_ipython_extension",
    "warning",
    "widget",
    "write",
]


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name == "sidebar":  # made on first use, and refused inside fragments (see _layout)
        from ._layout import sidebar

        return sidebar()
    raise AttributeError(
        f"module 'nbfrag' has no attribute {name!r}. nbfrag supports: {', '.join(__all__)}"
    )
