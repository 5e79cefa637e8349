"""`st.components.v2`: custom components from the app author's own HTML, CSS and JavaScript
(`component`), hosted in the notebook by an anywidget."""

from __future__ import annotations

from .._widgets.component import ComponentResult as ComponentResult
from .._widgets.component import component as component

__all__ = ["ComponentResult", "component"]
