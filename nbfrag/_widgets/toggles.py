"""On/off inputs: `st.checkbox` and `st.toggle`."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from .base import Control, InputOwner, input_widget
from .types import Bind, Callback, Key, LabelVisibility, PersistState, WidgetArgs, WidgetKwargs, Width


def _bool_text(mark_on: str, mark_off: str) -> Callable[[InputOwner], str]:
    return lambda owner: f"{mark_on if owner.shown() else mark_off} {owner.label}"


def checkbox(
    label: str,
    value: bool = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    wrap: bool | None = None,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> bool:
    """Display a checkbox and return whether it is checked.

    Parameters
    ----------
    label : str
        What the checkbox is for, shown beside it as plain text. Part of the widget's identity when it
        has no `key`.
    value : bool, default False
        Whether the box starts checked.
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
    wrap : bool or None, default None
        Accepted for compatibility and ignored: ipywidgets lays the label out itself and never
        cuts it to one line.
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
    bool
        True while the box is checked.

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
    >>> if st.checkbox("Show details"):
    ...     st.write("Here are the details.")
    """
    control = Control(lambda: widgets.Checkbox(indent=False), lambda w: None, None, coerce=bool)
    return input_widget(
        "checkbox", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, text=_bool_text("[x]", "[ ]"),
    )


def toggle(
    label: str,
    value: bool = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    wrap: bool | None = None,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> bool:
    """Display an on/off toggle and return whether it is on.

    It is a sliding switch with its label beside it, as in Streamlit (an ipywidgets `Checkbox`
    that nbfrag's stylesheet draws as a switch).

    Parameters
    ----------
    label : str
        What the toggle is for, shown beside it as plain text. Part of the widget's identity when it
        has no `key`.
    value : bool, default False
        Whether the toggle starts on.
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
    wrap : bool or None, default None
        Accepted for compatibility and ignored: ipywidgets lays the label out itself and never
        cuts it to one line.
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
    bool
        True while the toggle is on.

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
    >>> metric = st.toggle("Metric units", value=True)
    >>> st.write("Centimetres" if metric else "Inches")
    """
    control = Control(lambda: widgets.Checkbox(indent=False), lambda w: None, None, coerce=bool)  # a switch
    return input_widget(
        "toggle", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, text=_bool_text("(on)", "(off)"),
    )
