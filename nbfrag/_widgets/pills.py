"""`st.pills` and `st.segmented_control`: options as a row of toggle chips (js/chips.js), one
of them (`selection_mode="single"`, clicking the picked one again clears it) or several."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from .. import errors
from .base import input_widget
from .chips import Look, Mode, check_comparable, chip, chips_control, position
from .options import as_options, option_labels
from .types import (
    Bind,
    Callback,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    Width,
    check_label_visibility,
    css_size,
)

_WIDTHS: dict[str, str | None] = {"content": None, "stretch": "100%"}


def pills(
    label: str,
    options: Any,
    *,
    selection_mode: Literal["single", "multi"] = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    wrap: bool | None = None,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display options as a row of pill buttons and return the one picked (or the ones).

    Like `st.radio` (`selection_mode="single"`) or `st.multiselect` (`"multi"`), with every
    option a button that toggles. In single mode, clicking the picked pill again clears the
    choice (back to None) unless `required=True`.

    Parameters
    ----------
    label : str
        What the choice is for, shown above the pills as plain text. Part of the widget's
        identity when it has no `key`.
    options : iterable
        The choices: a list, tuple, range, set, dict (its keys), pandas Series or DataFrame (its
        first column), or any other iterable. The option objects themselves are returned, not
        their labels. Options that `==` cannot compare (numpy arrays) raise
        `StreamlitAPIException`.
    selection_mode : {"single", "multi"}, default "single"
        Pick one option (the value is the option or None) or several (a list). Other values
        raise `StreamlitValueError`.
    default : option, list of options or None, default None
        What is picked at first. Every value must be one of `options`
        (`StreamlitDefaultNotInOptionsError`); in single mode a list of more than one raises
        `StreamlitAPIException`.
    required : bool, default False
        Single mode only: once a pill is picked, clicking it again does not clear it. Without a
        `default` the value is None until the first pick. With `selection_mode="multi"` it
        raises `StreamlitIncompatibleParametersError`.
    format_func : callable, optional
        Turns an option into the label shown on its pill (str by default); the option itself
        is still returned. A label is Markdown (rendered safely, raw HTML shown as text); an
        emoji or a `:material/name:` icon at its start, followed by a space, is shown as the
        pill's icon.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so
        two identical widgets in one run need different keys. With one,
        `st.session_state[key]` holds the value: readable anywhere, and writable before the
        widget is drawn in a run (or from a callback) to set it; a value that is not an option
        becomes `default` (single mode) or is left out (multi mode), as in Streamlit.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    disabled : bool, default False
        Show the pills greyed out, so that the user cannot change them. Enforced in the kernel.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown. "hidden" and "collapsed" both remove it.
    width : "content", "stretch" or int, default "content"
        The row's width: as wide as its pills, the container's width, or pixels. Other values
        raise `StreamlitInvalidWidthError`.
    wrap : bool or None, default None
        False keeps the pills on one row that scrolls sideways; True and None wrap them onto
        more rows when they do not fit.
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
    any or list
        Single mode: the picked option, or None while nothing is picked. Multi mode: the picked
        options in the order they were picked (an empty list for none).

    Differences from Streamlit
    --------------------------
    * The options themselves are returned, not copies of them.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the native tooltip rather than a question-mark icon; `label_visibility="hidden"` removes
      the label like "collapsed".
    * A `:material/name:` icon shows as the icon only where the Material Symbols font is
      loaded; elsewhere its name shows as text.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> directions = st.pills("Directions", ["North", "East", "South", "West"], selection_mode="multi")
    >>> st.markdown(f"Your selected options: {directions}.")
    >>> tool = st.pills("Tool", ["✏️ Draw", "🧽 Erase"], default="✏️ Draw", required=True)
    """
    return button_group(
        "pills", label, options, selection_mode=selection_mode, default=default, required=required,
        format_func=format_func, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility, width=width, wrap=wrap, bind=bind,
        persist_state=persist_state,
    )


def segmented_control(
    label: str,
    options: Any,
    *,
    selection_mode: Literal["single", "multi"] = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    wrap: bool | None = None,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display options as one bar of joined segments and return the one picked (or the ones).

    The same widget as `st.pills`, drawn as a segmented bar: each option is a segment that
    toggles. In single mode, clicking the picked segment again clears the choice (back to
    None) unless `required=True`.

    Parameters
    ----------
    label : str
        What the choice is for, shown above the bar as plain text. Part of the widget's
        identity when it has no `key`.
    options : iterable
        The choices: a list, tuple, range, set, dict (its keys), pandas Series or DataFrame (its
        first column), or any other iterable. The option objects themselves are returned, not
        their labels. Options that `==` cannot compare (numpy arrays) raise
        `StreamlitAPIException`.
    selection_mode : {"single", "multi"}, default "single"
        Pick one option (the value is the option or None) or several (a list). Other values
        raise `StreamlitValueError`.
    default : option, list of options or None, default None
        What is picked at first. Every value must be one of `options`
        (`StreamlitDefaultNotInOptionsError`); in single mode a list of more than one raises
        `StreamlitAPIException`.
    required : bool, default False
        Single mode only: once a segment is picked, clicking it again does not clear it.
        Without a `default` the value is None until the first pick. With
        `selection_mode="multi"` it raises `StreamlitIncompatibleParametersError`.
    format_func : callable, optional
        Turns an option into the label shown on its segment (str by default); the option itself
        is still returned. A label is Markdown (rendered safely, raw HTML shown as text); an
        emoji or a `:material/name:` icon at its start, followed by a space, is shown as the
        segment's icon.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so
        two identical widgets in one run need different keys. With one,
        `st.session_state[key]` holds the value: readable anywhere, and writable before the
        widget is drawn in a run (or from a callback) to set it; a value that is not an option
        becomes `default` (single mode) or is left out (multi mode), as in Streamlit.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    disabled : bool, default False
        Show the bar greyed out, so that the user cannot change it. Enforced in the kernel.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown. "hidden" and "collapsed" both remove it.
    width : "content", "stretch" or int, default "content"
        The bar's width: as wide as its segments, the container's width (segments share it),
        or pixels. Other values raise `StreamlitInvalidWidthError`.
    wrap : bool or None, default None
        Accepted and ignored: the segments of a bar stay on one row.
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
    any or list
        Single mode: the picked option, or None while nothing is picked. Multi mode: the picked
        options in the order they were picked (an empty list for none).

    Differences from Streamlit
    --------------------------
    * The options themselves are returned, not copies of them.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the native tooltip rather than a question-mark icon; `label_visibility="hidden"` removes
      the label like "collapsed".
    * A `:material/name:` icon shows as the icon only where the Material Symbols font is
      loaded; elsewhere its name shows as text. `wrap` is ignored (one row).
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> view = st.segmented_control("View", ["Day", "Week", "Month"], default="Week")
    >>> st.write(f"Showing one {view or 'nothing'}.")
    """
    return button_group(
        "segmented_control", label, options, selection_mode=selection_mode, default=default,
        required=required, format_func=format_func, key=key, help=help, on_change=on_change, args=args,
        kwargs=kwargs, disabled=disabled, label_visibility=label_visibility, width=width, wrap=wrap,
        bind=bind, persist_state=persist_state,
    )


def _as_list(value: Any) -> list[Any]:
    """A default as a list of values (a str, or any non-iterable, is one value)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        return [value]
    return list(as_options(value))


def button_group(
    style: Literal["pills", "segmented_control"],
    label: str | None,
    options: Any,
    *,
    selection_mode: Mode,
    default: Any,
    required: bool,
    format_func: Callable[[Any], Any] | None,
    key: Key,
    help: str | None,
    on_change: Callback,
    args: WidgetArgs,
    kwargs: WidgetKwargs,
    disabled: bool,
    label_visibility: LabelVisibility,
    width: Width,
    wrap: bool | None,
    bind: Bind,
    persist_state: PersistState,
) -> Any:
    """What `st.pills` and `st.segmented_control` share: checks in Streamlit's order, then one
    chip row through the generic input path (`input_widget`)."""
    check_label_visibility(label_visibility)
    if required and selection_mode == "multi":
        raise errors.StreamlitIncompatibleParametersError(
            "required=True", "selection_mode='multi'", "`required` is only supported for single-select mode."
        )
    opts = as_options(options)
    check_comparable(opts)
    labels = option_labels(opts, str if format_func is None else format_func)
    picked: list[int] = []
    for value in [] if default is None else _as_list(default):
        found = position(opts, value)
        if found is None:
            raise errors.StreamlitDefaultNotInOptionsError(value)
        picked.append(found)
    if selection_mode not in ("single", "multi"):
        raise errors.StreamlitValueError("selection_mode", ["'single'", "'multi'"])
    if selection_mode == "single" and len(picked) > 1:
        raise errors.StreamlitAPIException(
            f"The default argument to `st.{style}` must be a single value when `selection_mode='single'`."
        )
    css_width = css_size(width, "width", _WIDTHS) or ""
    if selection_mode == "single":
        start: Any = opts[picked[0]] if picked else None
    else:
        start = [opts[i] for i in dict.fromkeys(picked)]
    look: Look = style

    def show(value: Any) -> str:
        chosen = [] if value is None else [value] if selection_mode == "single" else list(value)
        marks = {position(opts, v) for v in chosen}
        return "  ".join(f"[{'x' if i in marks else ' '}] {text}" for i, text in enumerate(labels))

    control = chips_control(
        opts, [chip(text) for text in labels], look=look, mode=selection_mode, default=start,
        required=bool(required), width=css_width, wrap=wrap is not False or style == "segmented_control",
        show=show, labels=labels,
    )
    identity = (tuple(labels), tuple(picked), selection_mode, width)
    return input_widget(
        style, "" if label is None else label, key, identity, start, control, help=help,
        on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, bind=bind, persist_state=persist_state,
    )
