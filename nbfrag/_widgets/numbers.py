"""`st.number_input`, and the int/float rules it shares with `st.slider`: one type for all the
numbers given (Streamlit's mixed-type errors), printf-style formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, Literal, TypeAlias, overload

import ipywidgets as widgets

from .. import errors
from .base import Control, finite, input_widget
from .text_rules import not_empty
from .types import Bind, Callback, Key, LabelVisibility, PersistState, WidgetArgs, WidgetKwargs, WidthWithoutContent

Number: TypeAlias = int | float
NumberType: TypeAlias = type[int] | type[float]


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number_type(
    given: Iterable[tuple[str, Any]],
    mixed_error: Callable[[], str],
    *,
    prefix: str = "",
    default: NumberType = int,
) -> NumberType:
    """`int` when the numbers `given` (name, value; None is skipped) are all ints, `float` when
    they are all floats, `default` when there are none.

    Raises Streamlit's errors: for a value that is not a number (`prefix` names the command in
    the message), and for ints mixed with floats (`mixed_error()` is the message).
    """
    kinds: set[bool] = set()
    for name, number in given:
        if number is None:
            continue
        if not is_number(number):
            raise errors.StreamlitAPIException(
                f"{prefix}`{name}` must be an int or a float; got {type(number).__name__}: {number!r}."
            )
        kinds.add(isinstance(number, float))
    if len(kinds) > 1:
        raise errors.StreamlitAPIException(mixed_error())
    if not kinds:
        return default
    return float if kinds == {True} else int


def default_step(cast: NumberType) -> Number:
    """Streamlit's step when none is given: 1 for ints, 0.01 for floats."""
    return 0.01 if cast is float else 1


def format_number(value: Any, format: str | None) -> str:
    """Show a number with a printf-style `format` (`"%.2f"`, `"%d"`), as Streamlit does."""
    if format:
        try:
            return str(format % value)
        except (TypeError, ValueError):
            pass
    return str(value)


# --------------------------------------------------------------------------------------------
# st.number_input


@overload
def number_input(
    label: str,
    min_value: Number | None = None,
    max_value: Number | None = None,
    value: Number | Literal["min"] = "min",
    step: Number | None = None,
    format: str | None = None,
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
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Number: ...


@overload
def number_input(
    label: str,
    min_value: Number | None = None,
    max_value: Number | None = None,
    value: None = None,
    step: Number | None = None,
    format: str | None = None,
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
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Number | None: ...


def number_input(
    label: str,
    min_value: Number | None = None,
    max_value: Number | None = None,
    value: Number | Literal["min"] | None = "min",
    step: Number | None = None,
    format: str | None = None,
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
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Number | None:
    """Display a number field with step buttons and return its number.

    Parameters
    ----------
    label : str
        What the field is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    min_value : int or float, optional
        The smallest number allowed; None for no lower bound.
    max_value : int or float, optional
        The largest number allowed; None for no upper bound.
    value : int, float, "min" or None, default "min"
        The starting number. "min" starts at `min_value`, or at 0 without one. None starts with
        an empty field and returns None until the user types a number; the field is then plain
        text, without step buttons. A number outside the bounds raises `StreamlitValueError`.
    step : int or float, optional
        How much the step buttons and arrow keys change the number: 1 for ints, 0.01 for floats.
    format : str, optional
        A printf-style format such as "%d", "%.2f" or "%.1e" for the number's text form (its
        repr and `nbfrag.testing`); the field shows the number as the browser writes it.
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
        Hint text for the empty field of `value=None`; ignored otherwise (that field is never
        empty).
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    required : bool, default False
        Refuse clearing the field: when the user empties it, it goes back to the last value
        sent. The starting value is unchanged (use `value=None` for an empty required field).
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    icon : str, optional
        Accepted for compatibility and not shown: ipywidgets' number field has no place for an
        icon.
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
    int, float or None
        An int when the numbers given (`value`, `min_value`, `max_value`, `step`) are ints, a
        float when they are floats (also when `value=None` and no number is given); mixing them
        raises `StreamlitAPIException`. None while the empty field of `value=None` holds no
        number.

    Differences from Streamlit
    --------------------------
    * A typed number outside `[min_value, max_value]`, or text that is not a number, is refused:
      the field goes back to the last valid value.
    * `format` shapes the text form only, not the number shown in the field; `icon` is ignored;
      the empty-able field of `value=None` has no step buttons.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * An emptied `required` field goes back to the last value sent (Streamlit keeps it empty and
      shows a message).
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> guests = st.number_input("Guests", min_value=1, max_value=12, value=2)
    >>> price = st.number_input("Price each", min_value=0.0, value=19.5, step=0.5, format="%.2f")
    >>> st.write(f"Total: {guests * price:.2f}")
    """
    if isinstance(value, str) and value == "min":  # no numbers at all: 0.0, a float, as Streamlit's
        given = [n for n in (min_value, max_value, step) if n is not None]
        ints = bool(given) and all(isinstance(n, int) and not isinstance(n, bool) for n in given)
        value = min_value if min_value is not None else (0 if ints else 0.0)
    cast = _number_input_type(value, min_value, max_value, step)
    step = step if step is not None else default_step(cast)
    control = _number_control(cast, value is None, min_value, max_value, step, format, placeholder)
    if required:
        control = replace(control, accepts=not_empty)
    return input_widget(
        "number_input", label, key, (min_value, max_value, value, step, format, placeholder),
        control.coerce(value), control, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
        fields={"min": min_value, "max": max_value, "step": step, "placeholder": placeholder},
    )


def _number_input_type(value: Any, min_value: Any, max_value: Any, step: Any) -> NumberType:
    """The arguments' one number type (an empty field, `value=None`, alone: float), after
    Streamlit's checks of their types and bounds."""
    given = {"value": value, "min_value": min_value, "max_value": max_value, "step": step}

    def mixed() -> str:
        described = ", ".join(f"`{k}` has {type(v).__name__} type" for k, v in given.items() if v is not None)
        return (
            f"All numerical arguments must be of the same type. {described}. "
            "Make them all ints or all floats (e.g. `value=1.0` with `step=0.5`)."
        )

    cast = number_type(given.items(), mixed, default=float if value is None else int)
    if min_value is not None and max_value is not None and min_value > max_value:
        raise errors.StreamlitAPIException(
            f"The `min_value`, set to {min_value}, shouldn't be larger than the `max_value`, set to {max_value}."
        )
    if value is not None:
        check_bounds(value, min_value, max_value)
    return cast


def _number_control(
    cast: NumberType,
    empty_field: bool,
    min_value: Number | None,
    max_value: Number | None,
    step: Number,
    format: str | None,
    placeholder: str | None,
) -> Control[Number | None]:
    """An IntText/FloatText with step arrows; or, when the field may be empty, a Text field
    whose cleared text is None."""

    def coerce(number: Any) -> Number | None:
        if number is None and empty_field:
            return None
        if not is_number(number):
            raise ValueError(number)
        result = cast(number)
        check_bounds(result, min_value, max_value)
        return result

    def show(number: Number | None) -> str:
        return "" if number is None else format_number(number, format)

    if empty_field:

        def parse(text: str) -> Number | None:
            """What the user typed into the empty-able field: None when cleared."""
            text = text.strip()
            return finite(cast(text)) if text else None

        def configure_text(widget: Any) -> None:
            widget.placeholder = "" if placeholder is None else str(placeholder)

        return Control(
            lambda: widgets.Text(continuous_update=False), configure_text, (placeholder,),
            to_widget=lambda v: "" if v is None else str(v), from_widget=parse, coerce=coerce, show=show,
        )

    def configure(widget: Any) -> None:
        widget.step = step

    return Control(
        lambda: (widgets.FloatText if cast is float else widgets.IntText)(continuous_update=False),
        configure, (step,), from_widget=finite, coerce=coerce, show=show,
    )


def check_bounds(value: Any, low: Any, high: Any) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        raise errors.StreamlitValueError(
            f"The default `value` {value} must be greater than or equal to the `min_value` {low} "
            f"and less than or equal to the `max_value` {high}."
        )
