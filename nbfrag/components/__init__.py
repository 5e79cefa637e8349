"""`st.components`: show HTML and web pages in frames (`v1`), and build custom components (`v2`).

>>> import nbfrag as st
>>> st.components.v1.html("<b>Hello</b>", height=40)

`import nbfrag.components.v1 as components` works as Streamlit's does.
"""

from __future__ import annotations

from . import v1 as v1
from . import v2 as v2

__all__ = ["v1", "v2"]
