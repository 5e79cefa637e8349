"""The Box widgets that host an app or a fragment, with reprs that say what they show.

nbval compares `text/plain`, and tests read the page without a browser, so every host's repr
is the text of its contents (see `Block.lines`): deterministic, untruncated, no model ids.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from .models import shared_parts
from .reconciler import Block


class Area(widgets.VBox):
    """A reconciled container: an app's host or a fragment's area."""

    def __init__(self, css_class: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("nbfrag-area")
        self.add_class(css_class)
        self.block: Block | None = None

    def text(self) -> str:
        """What the area shows, as text (one line per element, nested areas indented)."""
        return "\n".join(self.block.lines()) if self.block is not None else ""

    def __repr__(self) -> str:
        return self.text() or "(empty)"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)  # ipywidgets truncates at 110 characters
        return bundle


class TextRepr:
    """Mixin: the widget's repr (and a plain cell's `text/plain`) is its element's text, whole
    (ipywidgets would show its traits, truncated at 110 characters)."""

    text: str = ""

    def __repr__(self) -> str:
        return self.text

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        bundle["text/plain"] = self.text
        return bundle


class Html(TextRepr, widgets.HTML):
    """An HTML element whose repr is its text, not its markup."""

    def __init__(self, css_class: str, **kwargs: Any) -> None:
        super().__init__(**{**shared_parts(widgets.HTML), "_dom_classes": (css_class,), **kwargs})
        self.text = ""
