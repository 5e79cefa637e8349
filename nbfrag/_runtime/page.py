"""An app's page settings (`st.set_page_config`): what they are, and how the app's area shows them.

Each `App` has one `PageConfig`. Its layout is applied to the app's host area from the start:
`"centered"` (Streamlit's default) keeps the app's content in a centred column as wide as a
Streamlit page's (`contentMaxWidth` 736px, 1rem padding each side, border-box), `"wide"` lets it
use the whole width. The host carries the class `nbfrag-layout-centered` or
`nbfrag-layout-wide`; the width itself is set through Layout traits of the main column (the
host, or the column beside the sidebar), so no stylesheet is needed.

The title and icon go to the browser tab through `PageHead`, an invisible anywidget that the
first `set_page_config` call puts in the app's area: under Voila it sets `document.title` and
the page's `<link rel="icon">`; in JupyterLab and Notebook 7 the tab is the notebook's and is
left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from .static import esm

CONTENT_MAX_WIDTH = "736px"  # Streamlit's centred block container (its `contentMaxWidth`)
CONTENT_PADDING = "0 1rem"  # its side padding, inside that width (widgets are border-box)
LAYOUTS = ("centered", "wide")


@dataclass
class PageConfig:
    """The page settings an app made so far; each `set_page_config` call updates the fields it
    was given (Streamlit 1.67: later calls override only the parameters they specify)."""

    title: str | None = None
    icon: str | None = None  # the icon as text: an emoji, ":material/name:", "<image 16x16 PNG>"...
    favicon: str = ""  # what the browser tab shows: a data: or http(s) URL, "" for its default
    layout: str = "centered"
    sidebar_state: str = "auto"  # "auto", "expanded", "collapsed" or "locked"
    sidebar_width: int | None = None  # pixels, from `initial_sidebar_state=<int>`
    menu_items: dict[str, str | None] = field(default_factory=dict)
    given: set[str] = field(default_factory=set)  # the settings some call set explicitly
    random_icon: str | None = None  # what `page_icon="random"` picked for this app

    def lines(self) -> list[str]:
        """The app's first line of text form, `page: title 'Demo', icon 🦈, layout wide`: the
        settings some call gave (none for an app that never called `set_page_config`)."""
        parts = []
        if "title" in self.given:
            parts.append(f"title {self.title!r}")
        if "icon" in self.given:
            parts.append(f"icon {self.icon}")
        if "layout" in self.given:
            parts.append(f"layout {self.layout}")
        if "sidebar" in self.given:
            width = f" {self.sidebar_width}px" if self.sidebar_width is not None else ""
            parts.append(f"sidebar {self.sidebar_state}{width}")
        return ["page: " + ", ".join(parts)] if parts else []


class PageHead(anywidget.AnyWidget):
    """Sets the browser tab's title and icon, and the URL's query string, under Voila (see js/page.js)."""

    _esm = esm("page.js")
    title = traitlets.Unicode("").tag(sync=True)
    favicon = traitlets.Unicode("").tag(sync=True)
    # The page's query string as `st.query_params` last set it (None: never set, leave the URL).
    query = traitlets.Unicode(None, allow_none=True).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)
        self.add_class("nbfrag-page-head")

    def __repr__(self) -> str:
        return f"PageHead(title={self.title!r})"


def apply_layout(host: widgets.Box | None, column: widgets.Widget | None, layout: str) -> None:
    """Show an app's layout: a class on its host, the width on its main column (the host
    itself, or the column beside the sidebar)."""
    if host is None:
        return
    for name in LAYOUTS:
        if name == layout:
            host.add_class(f"nbfrag-layout-{name}")
        else:
            host.remove_class(f"nbfrag-layout-{name}")
    centred = layout == "centered"
    for widget in {id(host): host, id(column): column}.values():
        if widget is None:
            continue
        constrained = centred and widget is column
        _set(widget.layout, "max_width", CONTENT_MAX_WIDTH if constrained else None)
        _set(widget.layout, "padding", CONTENT_PADDING if constrained else None)
        _set(widget.layout, "margin", "0 auto" if constrained else None)


def _set(layout: widgets.Layout, name: str, value: str | None) -> None:
    if getattr(layout, name) != value:
        setattr(layout, name, value)
