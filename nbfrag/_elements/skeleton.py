"""`st.skeleton`: a grey, shimmering block that holds a place until its content is ready.

It is an `st.empty()` placeholder that starts out showing the skeleton: writing into it
(`placeholder.dataframe(df)`) replaces the skeleton, as writing into an `st.empty` replaces
what it showed. Used as a context manager it shows the skeleton while its block runs, after
half a second as Streamlit does, and clears itself at the end; what the block draws goes to
the page around it, not into the skeleton.
"""

from __future__ import annotations

from typing import Any

from .._runtime.runtime import runtime
from .._widgets.types import css_size
from .base import place_html
from .layout import Container, empty

_SKELETON_CSS = (
    "<style>@keyframes nbfrag-shimmer{0%{background-position:100% 0}100%{background-position:0 0}}"
    "@keyframes nbfrag-skeleton-reveal{to{visibility:visible}}"
    ".nbfrag-skeleton-box{border-radius:0.5rem;max-width:100%;"
    "background:linear-gradient(90deg,rgba(128,128,128,0.12) 25%,rgba(128,128,128,0.24) 50%,"
    "rgba(128,128,128,0.12) 75%);background-size:400% 100%;animation:nbfrag-shimmer 1.5s ease infinite}"
    ".nbfrag-skeleton-delayed{visibility:hidden;animation:nbfrag-skeleton-reveal 0s linear 0.5s forwards,"
    "nbfrag-shimmer 1.5s ease infinite}"
    "@media (prefers-reduced-motion: reduce){.nbfrag-skeleton-box{animation:none}}</style>"
)
_INPUT_HEIGHT = "2.5rem"  # the height of most inputs: what a skeleton without a height takes


class SkeletonPlaceholder(Container):
    """The placeholder `st.skeleton` returns: call any element on it to replace the skeleton,
    or use it as `with st.skeleton():` around slow code (it clears itself at the end)."""

    def __init__(self, placeholder: Container, html: str) -> None:
        super().__init__(placeholder._block)
        self._html = html

    def __enter__(self) -> SkeletonPlaceholder:
        """Show the skeleton after half a second while the block runs (what the block draws
        goes to the page around the placeholder)."""
        self._show(delayed=True)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.empty()

    def _show(self, *, delayed: bool) -> None:
        html = self._html
        if delayed:
            html = html.replace("nbfrag-skeleton-box", "nbfrag-skeleton-box nbfrag-skeleton-delayed")
        with runtime.drawing_into(self._target()):
            place_html("skeleton", html, "skeleton")

    def __repr__(self) -> str:
        return "\n".join(self._block.lines()) or "(empty)"


def skeleton(height: int | str | None = None, *, width: int | str = "stretch") -> SkeletonPlaceholder:
    """Insert a placeholder that shows a loading skeleton until content replaces it.

    Parameters
    ----------
    height : int or "stretch", optional
        The skeleton's height in pixels, or its container's height; None is the height of an
        input widget.
    width : "stretch" or int, default "stretch"
        The skeleton's width: its container's, or pixels.

    Returns
    -------
    SkeletonPlaceholder
        A placeholder like `st.empty()`'s: `placeholder.write(...)` (or any element) replaces
        the skeleton. As a context manager, `with st.skeleton():` shows the skeleton while the
        block runs and clears it at the end.

    Examples
    --------
    >>> import nbfrag as st
    >>> placeholder = st.skeleton(height=120)  # shown until the chart is ready
    >>> # ... later in the run: placeholder.line_chart(data) replaces it
    """
    css_height = css_size(height, "height", {"stretch": "100%"}) if height is not None else _INPUT_HEIGHT
    css_width = css_size(width, "width", {"stretch": "100%"})
    html = (
        f"{_SKELETON_CSS}<div class='nbfrag-skeleton-box' role='progressbar' aria-label='Loading' "
        f"style='height:{css_height};width:{css_width}'></div>"
    )
    placeholder = SkeletonPlaceholder(empty(), html)
    placeholder._show(delayed=False)
    return placeholder
