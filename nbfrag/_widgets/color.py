"""`st.color_picker`: a hex colour string."""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .types import Bind, Callback, Key, LabelVisibility, PersistState, WidgetArgs, WidgetKwargs, Width

_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def _color(value: Any) -> str:
    if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
        raise errors.StreamlitAPIException(
            f"This does not look like a hex color: {value!r}. Use the format '#RRGGBB' or "
            "'#RGB', e.g. '#00f900'."
        )
    return value


def color_picker(
    label: str,
    value: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> str:
    """Display a colour picker and return the colour as a hex string.

    Parameters
    ----------
    label : str
        What the colour is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    value : str, optional
        The starting colour as "#RRGGBB" or "#RGB"; None starts at black ("#000000"). Anything
        else raises `StreamlitAPIException`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so two
        identical widgets in one run need different keys. With one, `st.session_state[key]` holds
        the value: readable anywhere, and writable before the widget is drawn in a run (or from a
        callback) to set it.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    on_change : callable, "rerun" or "ignore", optional
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    width : "content", "stretch" or int, default "content"
        Accepted for compatibility and ignored: the control keeps the width ipywidgets gives it.
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
    str
        The colour, such as "#00f900".

    Differences from Streamlit
    --------------------------
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> colour = st.color_picker("Pen colour", "#1f77b4")
    >>> st.write(f"The pen colour is {colour}.")
    """
    start = _color("#000000" if value is None else value)
    control = Control(lambda: widgets.ColorPicker(concise=False), lambda w: None, None, coerce=_color)
    return input_widget(
        "color_picker", label, key, (start,), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
    )
