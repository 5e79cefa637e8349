"""One-of-many and many-of-many pickers: `st.radio`, `st.selectbox`, `st.multiselect`."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import ipywidgets as widgets

from .. import errors
from .base import Callback, Control, input_widget
from .options import (
    as_options,
    one_of,
    option_labels,
    option_pairs,
    option_position,
    start_index,
)


def radio(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: Any = "content",
) -> Any:
    """Display radio buttons. Returns the selected option (None if `index=None` and unpicked)."""
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    start = start_index("radio", index, opts)
    control = one_of(widgets.RadioButtons, opts, labels, "horizontal" if horizontal else "vertical")
    return input_widget(
        "radio", label, key, (tuple(labels), index), None if start is None else opts[start],
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        text=lambda o: f"{o.label}: " + "  ".join(
            f"({'•' if o.shown() is not None and i == option_position(opts, o.shown()) else ' '}) {lab}"
            for i, lab in enumerate(labels)
        ),
    )


def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: Any = "stretch",
) -> Any:
    """Display a drop-down select. Returns the selected option (None if `index=None` and
    nothing is picked, or `options` is empty).

    With `accept_new_options=True` it is a combo box: the user may also type a value that is
    not an option, returned as a str (and `placeholder` shows while it is empty)."""
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    start = start_index("selectbox", index, opts)
    if accept_new_options:
        control = _open_choice(opts, labels, placeholder)
    else:
        control = one_of(widgets.Dropdown, opts, labels)
    return input_widget(
        "selectbox", label, key, (tuple(labels), index, placeholder), None if start is None else opts[start],
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )


def _open_choice(opts: list[Any], labels: list[str], placeholder: str | None) -> Control:
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


def multiselect(
    label: str,
    options: Any,
    default: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: Any = "stretch",
) -> list[Any]:
    """Display a multi-select list (Ctrl/Shift-click picks several). Returns the selected
    options in the order they were picked (`default` first, in its order)."""
    opts = as_options(options)
    labels = option_labels(opts, format_func)
    if max_selections is not None and (not isinstance(max_selections, int) or max_selections < 1):
        raise errors.StreamlitAPIException(f"`max_selections` must be a positive int or None; got {max_selections!r}.")

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

    def configure(widget: Any) -> None:
        widget.options = option_pairs(labels)
        widget.rows = max(2, min(len(labels), 8))

    control = Control(
        widgets.SelectMultiple,
        configure,
        (tuple(labels),),
        to_widget=lambda vs: tuple(sorted(option_position(opts, v) for v in vs)),
        from_widget=lambda idx: [opts[i] for i in sorted(idx)],
        coerce=coerce,
        show=lambda vs: "[" + ", ".join(labels[option_position(opts, v)] for v in vs) + "]",
        trait="index",
        merge=_in_picking_order,
    )
    start = coerce(default)
    return input_widget(
        "multiselect", label, key, (tuple(labels), tuple(labels[option_position(opts, v)] for v in start), max_selections, placeholder),
        start, control, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility,
    )


def _in_picking_order(before: list[Any], picked: list[Any]) -> list[Any]:
    """The selection in the order the user picked it, as Streamlit returns it: what stays
    keeps its place, what is new goes last (the list box itself only knows positions)."""
    kept = [v for v in before if any(v is p or v == p for p in picked)]
    return kept + [p for p in picked if not any(p is v or p == v for v in kept)]
