"""nbfrag: Streamlit's `st.fragment`, done natively in Jupyter notebooks.

Load the extension once, mark the app's cell with `%%app`, and write Streamlit code with
`import nbfrag as st`:

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

A short tour
------------
* Execution flow: `fragment` (`run_every=` adds a timer), `rerun`, `stop`, and
  `session_state` (also `state`), shared by the app cell and every fragment.
* Inputs, each a standard ipywidgets control returning its value as Streamlit's does:
  `button`, `checkbox`, `toggle`, `radio`, `selectbox`, `multiselect`, `slider`,
  `select_slider`, `text_input`, `text_area`, `number_input`, `date_input`, `time_input`,
  `color_picker`; and `widget(w)`, which lets any ipywidget or anywidget rerun its fragment.
* Text: `write` (chooses the element by type), `markdown`, `title`, `header`, `subheader`,
  `caption`, `text`, `code`, `latex`, `divider`, `help`, `exception`.
* Data and media: `dataframe`, `table`, `metric`, `json`, `image`, `pyplot`, `plotly_chart`.
* Layout: `columns`, `container`, `tabs`, `expander`, `empty` and `sidebar`, each a
  container to draw into with `with box:` or `box.write(...)`.
* Status: `error`, `warning`, `info`, `success`, `progress`, `spinner`, `toast`, `balloons`.
* App and data: `connection` (SQL through SQLAlchemy, or your own `connections.BaseConnection`),
  `secrets`, `query_params`, `context`, `get_option` and `set_option`.
* `errors` holds Streamlit's exception classes; `nbfrag.testing.AppTest` runs an app
  headlessly and clicks through it in tests.

Each command's docstring is its reference, including where it differs from Streamlit:
`help(st.slider)`. A page is readable as text too: the `repr()` of an app's area is what
it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import NoReturn as _NoReturn

from . import _api
from . import components as components
from . import connections as connections
from . import errors as errors
from ._api import *  # noqa: F403 - the registry is the public face
from ._elements import column_config as column_config
from ._elements.bottom import bottom as bottom
from ._elements.layout import sidebar as sidebar
from ._flow.context import context as context
from ._flow.query_params import query_params as query_params
from ._flow.secrets import secrets as secrets
from ._runtime.magics import load_ipython_extension as load_ipython_extension
from ._runtime.magics import unload_ipython_extension as unload_ipython_extension
from ._runtime.runtime import runtime as _runtime
from ._unsupported import explain as _explain

__version__ = "0.1.0"

session_state = _runtime.state

if not TYPE_CHECKING:  # type checkers read the explicit imports (see nbfrag/_api.py) and,
    # without a module `__getattr__`, keep unknown names errors (`st.mapp`)
    __all__ = _api.__all__ + list(_api._OBJECTS)

    def __dir__() -> list[str]:
        return sorted([*__all__, "__version__", "load_ipython_extension", "unload_ipython_extension"])

    def __getattr__(name: str) -> _NoReturn:
        """A missing name: a Streamlit command nbfrag does not have yet, or not Streamlit's."""
        if name.startswith("_"):
            raise AttributeError(f"module 'nbfrag' has no attribute {name!r}")
        commands = [n for n in __all__ if n != "errors"]
        raise AttributeError(_explain(name, commands, f"module 'nbfrag' has no attribute {name!r}"))


del TYPE_CHECKING  # not a public name
