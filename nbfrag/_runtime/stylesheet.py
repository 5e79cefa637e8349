"""nbfrag's stylesheet on the page: `Stylesheet`, an invisible anywidget whose `_css` is
js/nbfrag.css, one per app (anywidget adds the `<style>` once per page, keyed on the class).

The look of an app (labels above controls, controls filling their column, the sidebar, the
buttons' kinds, the themes) comes from that stylesheet and the classes the commands put on
their widgets at construction, not from per-widget Layout or Style traits: styling costs no
message when a widget is drawn or clicked.
"""

from __future__ import annotations

from typing import Any

import anywidget

from .models import shared_parts
from .static import esm, static_file

CSS = static_file("nbfrag.css").read_text(encoding="utf-8")


class Stylesheet(anywidget.AnyWidget):
    """Loads nbfrag's stylesheet into the page (see js/nbfrag.css); shows nothing."""

    _esm = esm("stylesheet.js")
    _css = CSS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**shared_parts(anywidget.AnyWidget), **kwargs})
        self.add_class("nbfrag-stylesheet")

    def __repr__(self) -> str:
        return "Stylesheet()"
