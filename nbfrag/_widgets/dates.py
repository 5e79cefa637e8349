"""Date and time pickers: `st.date_input` (single dates and `(start, end)` ranges) and `st.time_input`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Literal, TypeAlias

import ipywidgets as widgets
import traitlets

from .. import errors
from .base import Control, input_widget
from .numbers import is_number
from .text_rules import not_empty
from .types import Bind, Callback, Key, LabelVisibility, PersistState, WidgetArgs, WidgetKwargs, WidthWithoutContent

DateWidgetReturn: TypeAlias = dt.date | tuple[dt.date, ...] | None
"""A date, None, or a range: `(start, end)`, `(start,)` while only one end is picked, or `()`."""


def _date(value: Any, name: str) -> dt.date | None:
    if value is None:
        return None
    if value == "today":
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise errors.StreamlitAPIException(
        f"`{name}` must be a datetime.date, a datetime.datetime, an ISO date string such as "
        f"'2024-05-31', 'today' or None; got {type(value).__name__}: {value!r}."
    )


def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> DateWidgetReturn:
    """Display a date picker and return the chosen date, or a range of two dates.

    Parameters
    ----------
    label : str
        What the date is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    value : "today", date, datetime, str, None, or a tuple or list of them, default "today"
        The starting date: "today", a `datetime.date`, a `datetime.datetime` (its date), an ISO
        string such as "2024-05-31", or None for an empty picker. A tuple or list of up to two
        dates makes a range picker (two date fields), e.g. `(start, end)` or `()`.
    min_value : date, datetime, str or None, optional
        The earliest date that can be picked; None for no limit.
    max_value : date, datetime, str or None, optional
        The latest date that can be picked; None for no limit.
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
    format : str, default "YYYY/MM/DD"
        Accepted for compatibility and ignored: the browser's date field writes dates in its
        locale's format.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    required : bool, default False
        Refuse clearing the field: when the user empties it (or, for a range, leaves an end
        open), it goes back to the last value sent. The starting value is unchanged (use
        `value=None`, or `value=[]` for a range, for an empty required field).
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
    date, tuple or None
        The chosen `datetime.date`, or None while an empty picker has no date. A range picker
        returns a sorted tuple: `(start, end)`, `(start,)` while only one end is picked, or `()`.

    Differences from Streamlit
    --------------------------
    * A range is two date fields side by side (ipywidgets `DatePicker`s), not one calendar.
    * `format` is ignored. Without `min_value`/`max_value` any date can be picked (Streamlit
      limits its calendar to ten years around `value`).
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * An emptied `required` field goes back to the last value sent (Streamlit keeps it empty and
      shows a message).
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import datetime as dt
    >>> import nbfrag as st
    >>> birthday = st.date_input("Birthday", dt.date(1990, 7, 6))
    >>> trip = st.date_input("Trip", (dt.date(2025, 1, 10), dt.date(2025, 1, 20)))
    >>> st.write(f"Born on a {birthday:%A}; trip dates picked: {len(trip)}")
    """
    is_range = isinstance(value, (tuple, list))
    if is_range and len(value) > 2:
        raise errors.StreamlitAPIException(
            f"A date range `value` holds at most two dates (start, end); got {value!r}."
        )
    low, high = _date(min_value, "min_value"), _date(max_value, "max_value")
    control: Control[Any] = _date_range_control(low, high) if is_range else _date_control(low, high)
    start = control.coerce(value)
    if required:
        control = replace(control, accepts=_whole_range if is_range else not_empty)
    picked: DateWidgetReturn = input_widget(
        "date_input", label, key, (start, low, high, format), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
    )
    return picked


def _whole_range(days: Any) -> bool:
    """`required` for a date range: both ends picked."""
    return len(days) == 2


def _day_between(low: dt.date | None, high: dt.date | None) -> Callable[[Any], dt.date | None]:
    """A date (or None) from what `_date` accepts, refused outside `[low, high]`."""

    def day_between(given: Any) -> dt.date | None:
        day = _date(given, "value")
        if day is not None and ((low and day < low) or (high and day > high)):
            raise errors.StreamlitAPIException(
                f"The date {day} is outside the allowed range {low} to {high}."
            )
        return day

    return day_between


def _set_bounds(low: dt.date | None, high: dt.date | None) -> Callable[[Any], None]:
    def configure(widget: Any) -> None:
        widget.min, widget.max = low, high

    return configure


def _date_control(low: dt.date | None, high: dt.date | None) -> Control[dt.date | None]:
    return Control(
        widgets.DatePicker, _set_bounds(low, high), (low, high), coerce=_day_between(low, high),
        show=lambda d: "" if d is None else d.isoformat(),
    )


def _date_range_control(low: dt.date | None, high: dt.date | None) -> Control[tuple[dt.date, ...]]:
    one = _day_between(low, high)

    def coerce(picked: Any) -> tuple[dt.date, ...]:
        if not isinstance(picked, (tuple, list)) or len(picked) > 2:
            raise errors.StreamlitAPIException(f"A date range is a tuple of up to two dates; got {picked!r}.")
        return tuple(sorted(day for day in map(one, picked) if day is not None))

    return Control(
        DateRange, _set_bounds(low, high), (low, high), coerce=coerce,
        to_widget=lambda days: (tuple(days) + (None, None))[:2],
        show=lambda days: " – ".join(d.isoformat() for d in days),
    )


class DateRange(widgets.HBox):
    """Two DatePickers acting as one input whose `value` is `(start, end)` (either may be
    None), so a date range goes through the same generic input path as every widget."""

    value = traitlets.Tuple((None, None))
    description = traitlets.Unicode("")
    disabled = traitlets.Bool(False)
    min = traitlets.Any(None)
    max = traitlets.Any(None)

    def __init__(self) -> None:
        self._label = widgets.Label()
        self._start, self._end = widgets.DatePicker(), widgets.DatePicker()
        super().__init__([self._label, self._start, self._end])
        for picker in (self._start, self._end):
            picker.observe(self._picked, names="value")

    def _picked(self, change: Any) -> None:
        self.value = (self._start.value, self._end.value)

    @traitlets.observe("value")
    def _show_value(self, change: Any) -> None:
        self._start.value, self._end.value = change["new"]

    @traitlets.observe("description", "disabled", "min", "max")
    def _show_settings(self, change: Any) -> None:
        self._label.value = self.description
        for picker in (self._start, self._end):
            picker.disabled, picker.min, picker.max = self.disabled, self.min, self.max

    def close(self) -> None:
        for part in (self._label, self._start, self._end):
            part.close()
        super().close()


def _time(value: Any) -> dt.time | None:
    if value is None:
        return None
    if value == "now":
        return dt.datetime.now().time().replace(second=0, microsecond=0)
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise errors.StreamlitAPIException(
        "`value` must be a datetime.time, a datetime.datetime, an ISO time string such as "
        f"'12:30', 'now' or None; got {type(value).__name__}: {value!r}."
    )


def time_input(
    label: str,
    value: Any = "now",
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    step: int | dt.timedelta = 900,
    format: Literal["12h", "24h", "localized"] = "24h",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> dt.time | None:
    """Display a time picker and return the chosen time.

    Parameters
    ----------
    label : str
        What the time is for, shown above it as plain text. Part of the widget's identity when it
        has no `key`.
    value : "now", time, datetime, str or None, default "now"
        The starting time: "now" (the current time, to the minute), a `datetime.time`, a
        `datetime.datetime` (its time), an ISO string such as "12:30", or None for an empty
        picker.
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
    required : bool, default False
        Refuse clearing the field: when the user empties it, it goes back to the last value
        sent. The starting value is unchanged (use `value=None` for an empty required field).
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    step : int or timedelta, default 900
        The field's step, in seconds or as a `datetime.timedelta`, from 60 seconds to 23 hours;
        outside that range `StreamlitAPIException`.
    format : {"12h", "24h", "localized"}, default "24h"
        How the time is written in the element's text form: "12h" as "07:30 PM", "24h" and
        "localized" as "19:30". The field itself is the browser's, in the format of the
        browser's locale. Other values raise `StreamlitValueError`.
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
    time or None
        The chosen `datetime.time`, or None while an empty picker has no time.

    Differences from Streamlit
    --------------------------
    * The browser's own time field (ipywidgets `TimePicker`) instead of a list of times:
      `step` is the field's step rather than the spacing of listed choices, and the field
      writes times as the browser's locale does whatever `format` says.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * An emptied `required` field goes back to the last value sent (Streamlit keeps it empty and
      shows a message).
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import datetime as dt
    >>> import nbfrag as st
    >>> alarm = st.time_input("Alarm", dt.time(7, 30), step=dt.timedelta(minutes=5))
    >>> st.write(f"Alarm set for {alarm:%H:%M}.")
    """
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if not is_number(seconds) or not 60 <= seconds <= 23 * 3600:
        raise errors.StreamlitAPIException(
            f"`step` must be between 60 seconds and 23 hours (an int of seconds or a "
            f"timedelta); got {step!r}."
        )
    if format not in ("12h", "24h", "localized"):
        raise errors.StreamlitValueError("format", ["'12h'", "'24h'", "'localized'"])
    start = _time(value)
    clock = "%I:%M %p" if format == "12h" else "%H:%M"

    def configure(widget: Any) -> None:
        widget.step = seconds

    control = Control(
        widgets.TimePicker, configure, (seconds,), coerce=_time,
        show=lambda t: "" if t is None else t.strftime(clock),
    )
    if required:
        control = replace(control, accepts=not_empty)
    return input_widget(
        "time_input", label, key, (start, seconds), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state,
    )
