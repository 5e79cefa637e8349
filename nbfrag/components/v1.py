"""`st.components.v1`: `html` (an HTML document, scripts included, in a frame) and `iframe`
(a web page in a frame). `declare_component` (components built as separate web apps that
speak Streamlit's frontend protocol) is not available: build the component with
`st.components.v2.component`, or show any ipywidget or anywidget with `st.widget`.
"""

from __future__ import annotations

from typing import Any, NoReturn

from .. import errors
from .._elements.embed import components_html as html
from .._elements.embed import components_iframe as iframe

__all__ = ["declare_component", "html", "iframe"]


def declare_component(name: str, path: Any = None, url: Any = None) -> NoReturn:
    """Streamlit's v1 custom components: not available in a notebook.

    A v1 component is a separate web app served by Streamlit's server and driven through its
    frontend protocol, which a notebook page does not have.

    Parameters
    ----------
    name : str
        The component's name.
    path : str or Path, optional
        The folder of the component's built frontend.
    url : str, optional
        The URL of the component's development server.

    Returns
    -------
    NoReturn
        It always raises.

    Raises
    ------
    StreamlitAPIException
        Always, naming what to use instead.
    """
    raise errors.StreamlitAPIException(
        f"st.components.v1.declare_component({name!r}) is not supported by nbfrag: a notebook page "
        "has no Streamlit frontend to serve the component from. Write it with "
        "st.components.v2.component(name, html=..., css=..., js=...), or show any ipywidget or "
        "anywidget with st.widget(...)."
    )
