"""One-of-many pickers: `st.radio` and `st.selectbox` (many-of-many: `multiselect.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.markdown import escape, inline_markdown_html
from .base import Control, input_widget
from .chips import chips_control
from .options import (
    as_options,
    one_of,
    option_labels,
    option_position,
    start_index,
)
from .types import (
    Bind,
    Callback,
    FilterMode,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    Width,
    WidthWithoutContent,
    check_filter_mode,
)


def radio(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: LabelVisibility = "visible",
    width: Width = "content",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display radio buttons and return the selected option.

    Parameters
    ----------
    label : str
        What the choice is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    options : iterable
        The choices: a list, tuple, range, dict (its keys), pandas Series or DataFrame (its first
        column), or any other iterable. The option objects themselves are returned, not their
        labels.
    index : int or None, default 0
        The position in `options` of the option selected at first; None starts with nothing
        selected. A position outside `options` raises `StreamlitValueOutOfRangeError`, anything
        but an int or None `StreamlitInvalidParameterTypeError`.
    format_func : callable, default str
        Turns an option into the label shown for it; the option itself is still returned.
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
    horizontal : bool, default False
        Lay the buttons out in a row instead of a column.
    captions : sequence of str or None, optional
        A caption shown under each option, matched by position (None or "" for none; captions
        past the last option are ignored), as Markdown rendered safely. A caption that is
        neither a str nor None raises `StreamlitInvalidParameterTypeError`. With captions the
        radio is nbfrag's own chip row (js/chips.js) rather than ipywidgets' `RadioButtons`,
        which have no place for them.
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
    any
        The selected option, or None while nothing is selected (`index=None`, or no options).

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
    >>> size = st.radio("Size", ["S", "M", "L"], index=1, horizontal=True)
    >>> st.write(f"You picked {size}.")
    >>> genre = st.radio("Genre", ["Comedy", "Drama"], captions=["Laugh out loud.", "Get the popcorn."])
    """
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    start = start_index("radio", index, opts)
    default = None if start is None else opts[start]
    notes = _captions(captions, len(opts))
    orientation = "horizontal" if horizontal else "vertical"
    if any(notes):  # ipywidgets' radio buttons have no place for captions: nbfrag's chip row does
        control = _captioned_radio(opts, labels, notes, orientation, default)
    else:
        control = one_of(widgets.RadioButtons, opts, labels, orientation, default)
    return input_widget(
        "radio", label, key, (tuple(labels), index, tuple(notes)), default,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
        text=lambda o: f"{o.label}: " + "  ".join(
            f"({'•' if o.shown() is not None and i == option_position(opts, o.shown()) else ' '}) {lab}"
            + (f" ({note})" if note else "")
            for i, (lab, note) in enumerate(zip(labels, notes, strict=True))
        ),
    )


def _captions(captions: Any, count: int) -> list[str]:
    """One caption per option ("" for none), matched by position as Streamlit matches them:
    captions past the last option are dropped; a caption that is neither a str nor None
    raises `StreamlitInvalidParameterTypeError`."""
    notes: list[str] = []
    for caption in [] if captions is None else captions:
        if caption is not None and not isinstance(caption, str):
            raise errors.StreamlitInvalidParameterTypeError("captions", type(caption).__name__, ["str", "None"])
        notes.append(caption or "")
    return (notes + [""] * count)[:count]


def _captioned_radio(
    opts: list[Any], labels: list[str], notes: list[str], orientation: str, default: Any
) -> Control[Any]:
    """A radio with captions: nbfrag's chip row (js/chips.js) in its radio look, each caption
    Markdown rendered safely under its option; like any radio it cannot be cleared."""
    chips = [
        {"icon": "", "html": escape(label), **({"caption": inline_markdown_html(note)} if note else {})}
        for label, note in zip(labels, notes, strict=True)
    ]
    return chips_control(
        opts, chips, look="radio", mode="single", default=default, required=True, orientation=orientation,
        show=lambda value: "" if value is None else labels[option_position(opts, value)], labels=labels,
    )


def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: FilterMode = "fuzzy",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display a drop-down list and return the selected option.

    Parameters
    ----------
    label : str
        What the choice is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    options : iterable
        The choices: a list, tuple, range, dict (its keys), pandas Series or DataFrame (its first
        column), or any other iterable. The option objects themselves are returned, not their
        labels.
    index : int or None, default 0
        The position in `options` of the option selected at first; None starts with nothing
        selected. A position outside `options` raises `StreamlitValueOutOfRangeError`, anything
        but an int or None `StreamlitInvalidParameterTypeError`.
    format_func : callable, default str
        Turns an option into the label shown for it; the option itself is still returned.
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
    placeholder : str, optional
        Hint text shown while nothing is selected. Only the combo box of
        `accept_new_options=True` can show it; the plain drop-down is then just empty.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    required : bool, default False
        Forbid clearing the choice: emptying the combo box of `accept_new_options=True` is
        refused and the last choice stays (the plain drop-down cannot be cleared anyway). As in
        Streamlit the starting choice is unchanged: with `index=None` it is None until the user
        picks an option.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    icon : str, optional
        Accepted for compatibility and not shown: ipywidgets' drop-down has no place for an
        icon.
    accept_new_options : bool, default False
        Make the field a combo box (an ipywidgets `Combobox`) in which the user may also type a
        value that is not an option: text matching no option's label is returned as a str.
    filter_mode : {"fuzzy", "contains", "prefix"} or None, default "fuzzy"
        Checked as Streamlit checks it (None cannot go with `accept_new_options=True`), then
        ignored: the drop-down is the browser's own list, which jumps to the option whose
        label starts with the letters typed, and the combo box's suggestions are the browser's.
    width : "content", "stretch" or int, default "stretch"
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
    any
        The selected option (a typed str with `accept_new_options=True`), or None while nothing
        is selected (`index=None`, an emptied combo box, or no options).

    Differences from Streamlit
    --------------------------
    * The drop-down is the browser's own list, without Streamlit's type-to-search; `placeholder`
      shows only with `accept_new_options=True`.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `required` refuses an emptied combo box instead of showing a message; `icon` is not
      shown and `filter_mode` is the browser's own.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> city = st.selectbox("City", ["Lisbon", "Oslo", "Quito"])
    >>> st.write(f"Off to {city}.")
    >>> other = st.selectbox("Or anywhere", ["Paris"], index=None, accept_new_options=True,
    ...                      placeholder="Type a city")
    """
    check_filter_mode(filter_mode, accept_new_options)
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    start = start_index("selectbox", index, opts)
    default = None if start is None else opts[start]
    if accept_new_options:
        control = _open_choice(opts, labels, placeholder)
    else:
        control = one_of(widgets.Dropdown, opts, labels, default=default)
    if required:
        control = replace(control, accepts=_chosen)
    return input_widget(
        "selectbox", label, key, (tuple(labels), index, placeholder), default,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, fields={"placeholder": placeholder},
    )


def _chosen(choice: Any) -> bool:
    return choice is not None


def _open_choice(opts: list[Any], labels: list[str], placeholder: str | None) -> Control[Any]:
    """`accept_new_options=True`: a Combobox; typed text that is no option's label is a new
    option (a str), as in Streamlit. Empty text is no choice (None)."""

    def from_widget(text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        return opts[labels.index(text)] if text in labels else text

    def to_widget(choice: Any) -> str:
        if choice is None:
            return ""
        try:
            return labels[option_position(opts, choice)]
        except ValueError:
            return str(choice)

    def configure(widget: Any) -> None:
        widget.options = tuple(dict.fromkeys(labels))
        widget.placeholder = "" if placeholder is None else str(placeholder)

    return Control(
        lambda: widgets.Combobox(ensure_option=False, continuous_update=False),
        configure,
        (tuple(labels), placeholder),
        to_widget=to_widget,
        from_widget=from_widget,
        show=lambda choice: to_widget(choice),
    )
