"""`st.pagination`: page buttons with previous/next arrows (js/pagination.js), returning the page."""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets

from .. import errors
from .._runtime.static import esm
from .base import Control, input_widget
from .types import Bind, Callback, Key, PersistState, WidgetArgs, WidgetKwargs, Width, css_size

_WIDTHS: dict[str, str | None] = {"content": None, "stretch": "100%"}


class PaginationWidget(anywidget.AnyWidget):
    """The page buttons (js/pagination.js); `value` is the page shown, from 1."""

    _esm = esm("pagination.js")
    num_pages = traitlets.Int(1).tag(sync=True)
    max_visible = traitlets.Int(7, allow_none=True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    width = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Int(1).tag(sync=True)

    def __repr__(self) -> str:
        return f"pagination {self.value}/{self.num_pages}"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: Width = "content",
    key: Key = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    disabled: bool = False,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> int:
    """Display page buttons with previous/next arrows and return the page picked (from 1).

    Parameters
    ----------
    num_pages : int
        How many pages there are: an int of at least 1, else `StreamlitAPIException`.
    default : int, default 1
        The page shown at first, from 1 to `num_pages` (`StreamlitValueOutOfRangeError`); not an
        int, `StreamlitInvalidParameterTypeError`.
    max_visible_pages : int or None, default 7
        About how many page buttons to show: the first and last page and a window around the
        current one, "…" for the pages left out. None shows every page; 0 only the arrows. A
        negative or non-int value raises `StreamlitAPIException`.
    width : "content", "stretch" or int, default "content"
        The row's width: as wide as its buttons, the container's width, or pixels. Other values
        raise `StreamlitInvalidWidthError`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its arguments, so two
        identical widgets in one run need different keys. With one, `st.session_state[key]`
        holds the page: readable anywhere, and writable before the widget is drawn in a run (or
        from a callback) to turn the page; a value that is not a page becomes `default`, as in
        Streamlit.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when the user turns the page, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's page without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    disabled : bool, default False
        Show the buttons greyed out, so that the user cannot turn the page. Enforced in the
        kernel.
    bind : "query-params" or None, default None
        Streamlit syncs the value with a URL query parameter named after `key`. A notebook
        page has no query parameters, so only None is taken: "query-params" raises
        `StreamlitAPIException` saying what to do instead; other values raise Streamlit's
        `StreamlitValueError`.
    persist_state : "page", "session" or None, default None
        Keep the value in `st.session_state[key]` while the widget is not drawn (for example
        behind an unchecked checkbox), so that it comes back with the widget. A notebook is one
        page, so "page" and "session" behave alike. Needs a `key`
        (`StreamlitMissingRequiredParameterError`); other values raise `StreamlitValueError`.

    Returns
    -------
    int
        The page picked, from 1 to `num_pages`.

    Differences from Streamlit
    --------------------------
    * The number of page buttons follows `max_visible_pages` only; Streamlit also hides some
      when the row would not fit.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> rows = list(range(95))
    >>> page = st.pagination(10, key="page")
    >>> st.write(rows[(page - 1) * 10 : page * 10])
    """
    if not _is_int(num_pages) or num_pages < 1:
        raise errors.StreamlitAPIException(f"`num_pages` must be an integer of at least 1. Got {num_pages}.")
    if not _is_int(default):
        raise errors.StreamlitInvalidParameterTypeError("default", type(default).__name__, ["int"])
    if not 1 <= default <= num_pages:
        raise errors.StreamlitValueOutOfRangeError("default", default, 1, num_pages)
    if max_visible_pages is not None and (not _is_int(max_visible_pages) or max_visible_pages < 0):
        raise errors.StreamlitAPIException(
            f"`max_visible_pages` must be a non-negative integer or None. Got {max_visible_pages}."
        )
    css_width = css_size(width, "width", _WIDTHS) or ""

    def from_browser(page: Any) -> int:
        if not _is_int(page) or not 1 <= page <= num_pages:
            raise ValueError(page)
        return int(page)

    def configure(widget: Any) -> None:
        widget.num_pages = num_pages
        widget.max_visible = max_visible_pages
        widget.width = css_width

    control = Control(
        PaginationWidget, configure, (num_pages, max_visible_pages, css_width), from_widget=from_browser,
        coerce=lambda page: int(page) if _is_int(page) and 1 <= page <= num_pages else default,
        show=lambda page: f"page {page} of {num_pages}",
    )
    page: int = input_widget(
        "pagination", "", key, (num_pages, default, max_visible_pages, width), default, control, help=None,
        on_change=on_change, args=args, kwargs=kwargs, disabled=disabled, label_visibility="collapsed",
        bind=bind, persist_state=persist_state, text=lambda owner: f"pagination: {control.show(owner.shown())}",
    )
    return page
