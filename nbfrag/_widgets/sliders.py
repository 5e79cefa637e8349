"""Sliders: `st.slider` (int, float, date, datetime and time, each also as a range) and
`st.select_slider` (a slider over a list of options). Both commit on release.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeAlias

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .numbers import Number, NumberType, default_step, format_number, is_number, number_type
from .options import (
    as_options,
    option_labels,
    option_pairs,
    option_position,
    summarize_labels,
)
from .types import (
    Bind,
    Callback,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    WidthWithoutContent,
)

SliderScalar: TypeAlias = int | float | dt.date | dt.time  # (a datetime is a date)


def slider(
    label: str,
    min_value: SliderScalar | None = None,
    max_value: SliderScalar | None = None,
    value: SliderScalar | tuple[SliderScalar, SliderScalar] | list[SliderScalar] | None = None,
    step: int | float | dt.timedelta | None = None,
    format: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display a slider and return its value, or a `(low, high)` range of two values.

    Numbers, dates, datetimes and times all slide; a `value` of two of them (a tuple or a list)
    makes a range slider with two handles. The value is sent when the handle is released, so a
    drag causes one rerun.

    Parameters
    ----------
    label : str
        What the slider is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    min_value : int, float, date, datetime or time, optional
        The smallest value. Defaults: 0 for ints, 0.0 for floats, 14 days before `value` (its
        first date for a range) for dates and datetimes, 00:00 for times.
    max_value : int, float, date, datetime or time, optional
        The largest value. Defaults: 100 for ints, 1.0 for floats, 14 days after `value` (its
        first date for a range) for dates and datetimes, 23:45 for times.
    value : a value, or a tuple or list of two, optional
        The starting value (default `min_value`), or `(low, high)` for a range slider. It must
        lie between the bounds. The numbers given must be all ints or all floats, and dates,
        datetimes and times must not be mixed, else `StreamlitAPIException`.
    step : int, float or timedelta, optional
        The distance between positions. Defaults: 1 for ints, 0.01 for floats, one day for dates,
        15 minutes for datetimes and times (which take a `datetime.timedelta`).
    format : str, optional
        A printf-style number format such as "%d", "%.1f" or "%.2e", used by the slider's
        readout and by its text form. Date and time sliders ignore it and show ISO text
        ("2024-05-31", "2024-05-31 14:30", "14:30").
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
    int, float, date, datetime, time or tuple
        The value, of the type of the arguments; a sorted `(low, high)` tuple for a range slider.

    Differences from Streamlit
    --------------------------
    * `format` takes printf-style number formats only; date and time sliders show ISO text
      (Streamlit takes a Moment.js format for them).
    * A date or time slider has at most 10,000 positions (a finer `step` over a wider range
      raises `StreamlitAPIException`), and a `value` between two positions snaps to the nearest.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import datetime as dt
    >>> import nbfrag as st
    >>> age = st.slider("Age", 0, 120, 30)
    >>> low, high = st.slider("Price range", 0.0, 100.0, (20.0, 80.0))
    >>> start = st.slider("Start", value=dt.time(9, 0), step=dt.timedelta(minutes=30))
    >>> st.write(f"Age {age}, prices {low} to {high}, start at {start:%H:%M}")
    """
    common: dict[str, Any] = {
        "help": help, "on_change": on_change, "args": args, "kwargs": kwargs, "disabled": disabled,
        "label_visibility": label_visibility,
        "bind": bind, "persist_state": persist_state,
    }
    values = _slider_values(value)
    if any(_temporal_kind(v) for v in [*values, min_value, max_value]):
        return _temporal_slider(label, min_value, max_value, values, step, key, **common)
    cast = _slider_type(values, value, min_value, max_value, step)
    low, high, by = _slider_bounds(cast, min_value, max_value, step)
    values = values or [low]
    _check_slider_range(low, high, values)
    is_range = isinstance(value, (tuple, list))
    control = _number_slider_control(cast, is_range, low, high, by, format)
    start = control.coerce(values if is_range else values[0])
    identity = (min_value, max_value, tuple(values), by, format)
    return input_widget("slider", label, key, identity, start, control, **common)


def _slider_values(value: Any) -> list[Any]:
    """The values a slider starts at: none given, one, or two for a range (a tuple/list)."""
    if not isinstance(value, (tuple, list)):
        return [] if value is None else [value]
    if len(value) != 2:
        raise errors.StreamlitAPIException(
            f"A range slider needs a `value` of exactly two numbers (low, high); got {value!r}."
        )
    return list(value)


def _slider_type(values: list[Any], value: Any, min_value: Any, max_value: Any, step: Any) -> NumberType:
    """The one number type of a numeric slider's arguments (int when none is given)."""
    given = {"min_value": min_value, "max_value": max_value, "step": step}

    def mixed() -> str:
        described = "\n".join(
            f"`{k}` has {type(v).__name__} type." for k, v in [("value", value), *given.items()] if v is not None
        )
        return f"Slider value arguments must be of matching types.\n{described}\nMake them all ints or all floats."

    return number_type([*(("value", v) for v in values), *given.items()], mixed, prefix="Slider ")


def _slider_bounds(cast: NumberType, min_value: Any, max_value: Any, step: Any) -> tuple[Number, Number, Number]:
    """`min_value`, `max_value` and `step`, or Streamlit's defaults: ints from 0 to 100 by 1,
    floats from 0.0 to 1.0 by 0.01."""
    low = cast(min_value) if min_value is not None else cast(0)
    high = cast(max_value) if max_value is not None else (1.0 if cast is float else 100)
    return low, high, step if step is not None else default_step(cast)


def _check_slider_range(
    low: Any, high: Any, values: list[Any], show: Callable[[Any], Any] = lambda bound: bound
) -> None:
    """Streamlit's errors for bounds the wrong way round and a `value` outside them (`show`
    turns a bound into what the message names)."""
    if low > high:
        raise errors.StreamlitAPIException(
            f"Slider `min_value` must be less than the `max_value`.\nThe values were {show(low)} and {show(high)}."
        )
    for v in values:
        if not low <= v <= high:
            raise errors.StreamlitAPIException(
                f"The default `value` of {show(v)} must lie between the `min_value` of {show(low)} "
                f"and the `max_value` of {show(high)}, inclusively."
            )


def _number_slider_control(
    cast: NumberType, is_range: bool, low: Number, high: Number, step: Number, format: str | None
) -> Control[Any]:
    """An Int/Float slider, or range slider, from `low` to `high` by `step`."""

    def coerce(current: Any) -> Any:
        parts = list(current) if is_range else [current]
        if len(parts) != (2 if is_range else 1) or not all(is_number(p) for p in parts):
            raise ValueError(current)
        parts = sorted(cast(p) for p in parts)
        if not all(low <= p <= high for p in parts):
            raise errors.StreamlitAPIException(f"{current!r} is outside [{low}, {high}].")
        return tuple(parts) if is_range else parts[0]

    is_float = cast is float
    readout = _readout(format, is_float, step)

    def configure(widget: Any) -> None:
        # Widen before narrowing so ipywidgets never clamps the value to a stale bound.
        widget.max = max(high, widget.max)
        widget.min, widget.max, widget.step = low, high, step
        widget.readout_format = readout

    def show(current: Any) -> str:
        return " – ".join(format_number(p, format) for p in current) if is_range else format_number(current, format)

    widget_class = _NUMBER_SLIDERS[(is_float, is_range)]
    return Control(
        lambda: widget_class(continuous_update=False, min=low, max=high),
        configure,
        (low, high, step, readout),
        to_widget=lambda v: tuple(v) if is_range else v,
        coerce=coerce,
        show=show,
    )


def _readout(format: str | None, is_float: bool, step: float) -> str:
    """A printf `format` as the d3 format ipywidgets' readout uses (`"%.1f"` -> `".1f"`)."""
    if format:
        spec = format.strip()
        if spec in ("%d", "%i", "%u"):
            return "d"
        if spec.startswith("%") and spec.endswith(("f", "e", "g")) and "%" not in spec[1:]:
            return spec[1:].lstrip("0") or "f"
    if not is_float:
        return "d"
    decimals = max(0, len(f"{step:.10f}".rstrip("0").split(".")[1]))
    return f".{max(decimals, 1)}f"


_NUMBER_SLIDERS = {  # (is_float, is_range)
    (False, False): widgets.IntSlider,
    (True, False): widgets.FloatSlider,
    (False, True): widgets.IntRangeSlider,
    (True, True): widgets.FloatRangeSlider,
}


def select_slider(
    label: str,
    options: Any = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> Any:
    """Display a slider over a list of options and return the selected one (or two).

    Parameters
    ----------
    label : str
        What the slider is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    options : iterable
        The slider's positions, in the given order (never sorted): any iterable, as for
        `st.selectbox`. Empty `options` raise `StreamlitAPIException`.
    value : option, or a tuple or list of two options, optional
        The starting option (default: the first), or `(low, high)` for a range slider with two
        handles. A value that is not among `options` raises `StreamlitAPIException`.
    format_func : callable, default str
        Turns an option into the label shown on the slider; the option itself is returned.
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
    any or tuple
        The selected option, or for a range slider a `(low, high)` tuple of options, in the
        order of `options`.

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
    >>> size = st.select_slider("T-shirt size", ["XS", "S", "M", "L", "XL"], value="M")
    >>> first, last = st.select_slider("Months", ["Jan", "Feb", "Mar", "Apr"], value=("Feb", "Mar"))
    >>> st.write(f"Size {size}, from {first} to {last}")
    """
    opts = as_options(options)
    if not opts:
        raise errors.StreamlitAPIException("The `options` argument needs to be non-empty")
    return _option_slider(
        "select_slider", label, opts, option_labels(opts, format_func), value, key,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
    )


def _option_slider(
    element_type: str,
    label: str,
    opts: list[Any],
    labels: list[str],
    value: Any,
    key: str | int | None,
    **common: Any,
) -> Any:
    """A slider over a list of options (select_slider, and date/time sliders): the option,
    or a `(low, high)` tuple when `value` is a tuple/list of two."""
    is_range = isinstance(value, (tuple, list))
    if is_range and len(value) != 2:
        raise errors.StreamlitAPIException(
            f"A range slider needs a `value` of exactly two options (low, high); got {value!r}."
        )

    def coerce(current: Any) -> Any:
        parts = list(current) if is_range else [current]
        try:
            positions = sorted(option_position(opts, p) for p in parts)
        except ValueError as missing:
            raise errors.StreamlitAPIException(
                f"Select slider value {missing.args[0]!r} is not part of the options. "
                f"Options: {summarize_labels(labels)}."
            ) from None
        chosen = tuple(opts[i] for i in positions)
        return chosen if is_range else chosen[0]

    start = coerce(value if value is not None else opts[0])
    widget_class = widgets.SelectionRangeSlider if is_range else widgets.SelectionSlider

    def configure(widget: Any) -> None:
        widget.options = option_pairs(labels)

    def show(current: Any) -> str:
        parts = current if is_range else (current,)
        return " – ".join(labels[option_position(opts, p)] for p in parts)

    control = Control(
        lambda: widget_class(options=option_pairs(labels), continuous_update=False),
        configure,
        (tuple(labels),),
        to_widget=lambda v: tuple(option_position(opts, p) for p in v) if is_range else option_position(opts, v),
        from_widget=lambda i: tuple(opts[p] for p in i) if is_range else opts[i],
        coerce=coerce,
        show=show,
        trait="index",
    )
    return input_widget(element_type, label, key, (tuple(labels), show(start)), start, control, **common)


# Date and time sliders: every position from min to max by `step`, as Streamlit's defaults.
_TEMPORAL_DEFAULTS: dict[type, tuple[dt.timedelta | None, dt.timedelta]] = {  # (range around value, step)
    dt.date: (dt.timedelta(days=14), dt.timedelta(days=1)),
    dt.datetime: (dt.timedelta(days=14), dt.timedelta(minutes=15)),
    dt.time: (None, dt.timedelta(minutes=15)),
}
_TEMPORAL_LABELS: dict[type, Callable[[Any], str]] = {
    dt.date: lambda d: d.isoformat(),
    dt.datetime: lambda d: d.strftime("%Y-%m-%d %H:%M"),
    dt.time: lambda t: t.strftime("%H:%M"),
}
_MOST_POSITIONS = 10_000
_DAY = dt.date(2000, 1, 1)  # times are laid out on one day, to add steps to and compare


def _temporal_kind(value: Any) -> type | None:
    for kind in (dt.datetime, dt.date, dt.time):  # datetime before date: it is a date too
        if isinstance(value, kind):
            return kind
    return None


def _temporal_slider(
    label: str, min_value: Any, max_value: Any, values: list[Any], step: Any, key: Key, **common: Any
) -> Any:
    """`st.slider` over dates, datetimes or times, as a slider over their positions."""
    kind = _temporal_type([*values, min_value, max_value])
    step = _temporal_step(kind, step)
    low, high = _temporal_bounds(kind, min_value, max_value, values)
    points = _positions(kind, low, high, step)
    _check_slider_range(low, high, [_as_point(kind, v) for v in values], lambda p: _from_point(kind, p))
    opts = [_from_point(kind, p) for p in points]

    def nearest(v: Any) -> Any:  # a value between two positions snaps to the nearest one
        return opts[min(range(len(points)), key=lambda i: abs(points[i] - _as_point(kind, v)))]

    start = tuple(nearest(v) for v in values) if len(values) == 2 else nearest(values[0] if values else opts[0])
    labels = [_TEMPORAL_LABELS[kind](o) for o in opts]
    return _option_slider("slider", label, opts, labels, start, key, **common)


def _temporal_type(given: list[Any]) -> type:
    """date, datetime or time: the one type of the values given (None is skipped)."""
    kinds = {_temporal_kind(v) for v in given if v is not None}
    kind = kinds.pop() if len(kinds) == 1 else None
    if kind is None:
        raise errors.StreamlitAPIException(
            "Slider value arguments must be of matching types: all dates, all datetimes or all "
            f"times; got {', '.join(type(v).__name__ for v in given if v is not None)}."
        )
    return kind


def _temporal_step(kind: type, step: Any) -> dt.timedelta:
    step = step if step is not None else _TEMPORAL_DEFAULTS[kind][1]
    if not isinstance(step, dt.timedelta) or step <= dt.timedelta(0):
        raise errors.StreamlitAPIException(
            f"`step` of a {kind.__name__} slider must be a positive timedelta; got {step!r}."
        )
    return step


def _temporal_bounds(kind: type, min_value: Any, max_value: Any, values: list[Any]) -> tuple[Any, Any]:
    """The first and last positions: the bounds given, else Streamlit's defaults (a whole day
    for times; two weeks either side of `value` for dates and datetimes)."""
    if kind is dt.time:
        low = min_value if min_value is not None else dt.time.min
        high = max_value if max_value is not None else dt.time(23, 45)
        return _as_point(kind, low), _as_point(kind, high)
    around = _TEMPORAL_DEFAULTS[kind][0]
    anchor = values[0] if values else (min_value if min_value is not None else max_value)
    low = min_value if min_value is not None else anchor - around
    high = max_value if max_value is not None else anchor + around
    return low, high


def _positions(kind: type, low: Any, high: Any, step: dt.timedelta) -> list[Any]:
    """Every position from `low` to `high` by `step` (none when `low` is after `high`)."""
    if (high - low) / step > _MOST_POSITIONS:
        raise errors.StreamlitAPIException(
            f"This {kind.__name__} slider would have more than {_MOST_POSITIONS:,} positions from "
            f"{_from_point(kind, low)} to {_from_point(kind, high)} by {step}: use a larger `step` or a "
            "narrower range."
        )
    return [low + i * step for i in range(int((high - low) / step) + 1)]


def _as_point(kind: type, value: Any) -> Any:
    """A value as a position that steps add to: a time on a fixed day, a date as itself."""
    return dt.datetime.combine(_DAY, value) if kind is dt.time else value


def _from_point(kind: type, point: Any) -> Any:
    return point.time() if kind is dt.time else point
