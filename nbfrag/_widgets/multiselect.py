"""`st.multiselect`: removable tags with type-ahead picking several options, returned in picking order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets

from .. import errors
from .._runtime.models import shared_parts
from .._runtime.reconciler import close_widget
from .base import Control, guard_messages, input_widget
from .options import as_options, option_labels, option_position
from .types import (
    Bind,
    Callback,
    FilterMode,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    WidthWithoutContent,
    check_filter_mode,
)


def multiselect(
    label: str,
    options: Any,
    default: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    accept_new_options: bool = False,
    filter_mode: FilterMode = "fuzzy",
    select_all: bool | int = 1000,
    width: WidthWithoutContent = "stretch",
    wrap: bool | None = None,
    bind: Bind = None,
    persist_state: PersistState = None,
) -> list[Any]:
    """Display a list of options and return the ones selected.

    The selected options are removable tags; typing in the field suggests the options (pick one
    with Enter or a click), as in Streamlit.

    Parameters
    ----------
    label : str
        What the choice is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    options : iterable
        The choices: a list, tuple, range, dict (its keys), pandas Series or DataFrame (its first
        column), or any other iterable. The option objects themselves are returned, not their
        labels.
    default : option or list of options, optional
        What is selected at first; a single option may be given without a list. Each must be
        one of `options`, else `StreamlitAPIException`.
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
    max_selections : int, optional
        The most options that may be selected. A pick beyond it is refused (the tags go back
        to the previous selection); a longer `default` raises `StreamlitAPIException`.
    placeholder : str, optional
        What the empty field shows; None shows Streamlit's "Choose options" ("No options to
        select" without options).
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    accept_new_options : bool, default False
        Accepted for compatibility and ignored: only `options` can be selected (a typed text
        that is no option's label is not taken).
    filter_mode : {"fuzzy", "contains", "prefix"} or None, default "fuzzy"
        Checked as Streamlit checks it (None cannot go with `accept_new_options=True`), then
        ignored: the browser's own suggestion list filters the options as the user types.
    select_all : bool or int, default 1000
        Checked as Streamlit checks it (a bool or a non-negative int), then ignored: the
        field has no "Select all" entry.
    width : "content", "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the field is as wide as its column.
    wrap : bool or None, default None
        Accepted for compatibility and ignored: the tags wrap onto more lines as needed.
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
    list
        The selected options in the order the user picked them (`default` first, in its order).

    Differences from Streamlit
    --------------------------
    * The tags field is ipywidgets' `TagsInput`: its suggestions are the browser's own list, and
      tags can be dragged to reorder them (the returned order follows).
    * `accept_new_options` and `placeholder` are ignored; past `max_selections` a pick is undone
      instead of the remaining options being disabled.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `filter_mode`, `select_all` and `wrap` are checked and ignored.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> toppings = st.multiselect("Toppings", ["cheese", "basil", "olives"], default=["cheese"])
    >>> st.write(f"{len(toppings)} topping(s): {', '.join(toppings)}")
    """
    check_filter_mode(filter_mode, accept_new_options)
    _check_select_all(select_all)
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    if max_selections is not None and (not isinstance(max_selections, int) or max_selections < 1):
        raise errors.StreamlitAPIException(f"`max_selections` must be a positive int or None; got {max_selections!r}.")
    control = _many_of(opts, labels, max_selections, placeholder)
    start = control.coerce(default)
    identity = (tuple(labels), tuple(labels[option_position(opts, v)] for v in start), max_selections, placeholder)
    return input_widget(
        "multiselect", label, key, identity, start, control, help=help, on_change=on_change, args=args,
        kwargs=kwargs, disabled=disabled, label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
    )


def _check_select_all(select_all: object) -> None:
    """Streamlit's errors for a `select_all` that is neither a bool nor a non-negative int."""
    if isinstance(select_all, bool):
        return
    if not isinstance(select_all, int):
        raise errors.StreamlitInvalidParameterTypeError("select_all", type(select_all).__name__, ["bool", "int"])
    if select_all < 0:
        raise errors.StreamlitValueError(
            "select_all", ["True", "False", "a non-negative integer"],
            detail="When using an int, `select_all` must be a non-negative integer.",
        )


class Tags(widgets.VBox):
    """ipywidgets' `TagsInput` under its label, acting as one input whose `value` is the list of
    tags (ipywidgets' view shows no label, and has no `disabled`: nbfrag's stylesheet greys a
    disabled one out and the kernel refuses its edits)."""

    value: traitlets.List[str] = traitlets.List()
    allowed_tags: traitlets.List[str] = traitlets.List()
    placeholder = traitlets.Unicode("")
    description = traitlets.Unicode("")
    tooltip = traitlets.Unicode(None, allow_none=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self) -> None:
        self._label = widgets.Label(**shared_parts(widgets.Label))  # (hidden while empty)
        self._tags = widgets.TagsInput(allow_duplicates=False, **shared_parts(widgets.TagsInput))
        super().__init__([self._label, self._tags])
        self._tags.observe(self._edited, names="value")

    def open(self) -> None:
        super().open()
        if self.comm is not None:  # (the tags' comm is open by then: parts open first)
            guard_messages(self._tags)

    def _edited(self, change: Any) -> None:
        self.value = list(change["new"])

    @traitlets.observe("value")
    def _show_value(self, change: Any) -> None:
        if list(self._tags.value) != change["new"]:
            self._tags.value = change["new"]

    @traitlets.observe("allowed_tags", "placeholder", "description", "tooltip")
    def _show_settings(self, change: Any) -> None:
        self._label.value = self.description
        self._tags.allowed_tags, self._tags.placeholder = self.allowed_tags, self.placeholder
        self._tags.tooltip = self.tooltip

    def close(self) -> None:
        for part in (self._label, self._tags):
            close_widget(part)
        super().close()


def _many_of(
    opts: list[Any], labels: list[str], max_selections: int | None, placeholder: str | None = None
) -> Control[list[Any]]:
    """Removable tags with type-ahead (ipywidgets `TagsInput`, its suggestions the option
    labels), picking several options, at most `max_selections`, in picking order."""

    def coerce(values: Any) -> list[Any]:
        if values is None:
            values = []
        elif isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
            values = [values]
        chosen = []
        for value in values:
            try:
                chosen.append(opts[option_position(opts, value)])
            except ValueError:
                raise errors.StreamlitAPIException(
                    f"The default value '{value}' is not part of the options. Please make sure "
                    "that every default value also exists in the options."
                ) from None
        if max_selections is not None and len(chosen) > max_selections:
            raise errors.StreamlitAPIException(
                f"Multiselect has {len(chosen)} options selected but `max_selections` is set to "
                f"{max_selections}. Select at most {max_selections}, or raise `max_selections`."
            )
        return chosen

    hint = placeholder if placeholder is not None else "Choose options" if labels else "No options to select"

    def configure(widget: Any) -> None:
        widget.allowed_tags = list(labels)
        widget.placeholder = hint

    return Control(
        Tags,
        configure,
        (tuple(labels), hint),
        to_widget=lambda vs: [labels[option_position(opts, v)] for v in vs],
        from_widget=lambda tags: _picked(opts, labels, tags),
        coerce=coerce,
        show=lambda vs: "[" + ", ".join(labels[option_position(opts, v)] for v in vs) + "]",
        options=tuple(labels),
    )


def _picked(opts: list[Any], labels: list[str], tags: Any) -> list[Any]:
    """The options whose labels the tags are, in the tags' (picking) order; a tag that is no
    option's label, or twice the same (a forged message), is refused with ValueError."""
    tags = list(tags)
    if len(set(tags)) != len(tags):
        raise ValueError(tags)
    return [opts[labels.index(tag)] for tag in tags]
