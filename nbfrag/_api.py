"""The registry of public commands: everything `import nbfrag as st` offers, in one place.

Every public name in this module is a command of the public face (`nbfrag/__init__.py`
re-exports them all and nothing else); helpers here are private. Commands are grouped as
Streamlit's API reference groups them.
"""

from __future__ import annotations

from ._elements.alerts import error, info, success, warning
from ._elements.code import code, divider, help, latex
from ._elements.data import dataframe, json, metric, table
from ._elements.effects import balloons, spinner, toast
from ._elements.layout import Container as _Container
from ._elements.layout import columns, container, empty, expander, tabs
from ._elements.media import image, plotly_chart, pyplot
from ._elements.progress import progress
from ._elements.text import caption, exception, header, markdown, subheader, text, title
from ._elements.write import write
from ._flow.control import rerun, stop
from ._flow.forms import form, form_submit_button
from ._flow.fragment import fragment
from ._widgets.any_widget import widget
from ._widgets.buttons import button
from ._widgets.choices import multiselect, radio, selectbox
from ._widgets.color import color_picker
from ._widgets.dates import date_input, time_input
from ._widgets.numbers import number_input
from ._widgets.sliders import select_slider, slider
from ._widgets.text import text_area, text_input
from ._widgets.toggles import checkbox, toggle

# The public commands, as Streamlit's API reference groups them.
__all__ = [
    # Write and text
    "write", "markdown", "title", "header", "subheader", "caption", "code", "divider", "latex",
    "text", "help", "exception",
    # Data
    "dataframe", "table", "metric", "json",
    # Charts and media
    "pyplot", "plotly_chart", "image",
    # Input widgets
    "button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider",
    "select_slider", "text_input", "text_area", "number_input", "date_input", "time_input",
    "color_picker", "widget",
    # Layout
    "columns", "container", "empty", "expander", "tabs",
    # Status
    "error", "warning", "info", "success", "progress", "spinner", "toast", "balloons",
    # Execution flow
    "fragment", "rerun", "stop", "form", "form_submit_button",
]


def _fill_container_methods() -> None:
    """Containers run every element command as a method (`col.write(...)`)."""
    public = {name: globals()[name] for name in __all__}
    flow = {"fragment", "rerun", "stop"}
    _Container.commands.update({n: c for n, c in public.items() if callable(c) and n not in flow})
    _Container.not_elements.update(flow | {"errors", "session_state", "load_ipython_extension", "unload_ipython_extension"})


_fill_container_methods()
