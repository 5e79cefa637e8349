"""Date and time pickers: `st.date_input` (single dates and `(start, end)` ranges) and `st.time_input`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeAlias

import ipywidgets as widgets
import traitlets

from .. import errors
from .base import Control, input_widget
from .numbers import is_number
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, WidthWithoutContent

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
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
) -> DateWidgetReturn:
    """Display a date picker. Returns a `datetime.date` (None when `value=None` and unpicked).

    With `value=(start, end)` (a list or tuple of up to two dates) it picks a range and
    returns a tuple: `(start, end)`, `(start,)` while only one end is picked, or `()`.
    """
    is_range = isinstance(value, (tuple, list))
    if is_range and len(value) > 2:
        raise errors.StreamlitAPIException(
            f"A date range `value` holds at most two dates (start, end); got {value!r}."
        )
    low, high = _date(min_value, "min_value"), _date(max_value, "max_value")
    control: Control[Any] = _date_range_control(low, high) if is_range else _date_control(low, high)
    start = control.coerce(value)
    picked: DateWidgetReturn = input_widget(
        "date_input", label, key, (start, low, high, format), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
    return picked


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
    label_visibility: LabelVisibility = "visible",
    step: int | dt.timedelta = 900,
    width: WidthWithoutContent = "stretch",
) -> dt.time | None:
    """Display a time picker. Returns a `datetime.time` (None when `value=None` and unpicked).

    `step` is in seconds (or a timedelta), between 60 seconds and 23 hours, as in Streamlit.
    """
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if not is_number(seconds) or not 60 <= seconds <= 23 * 3600:
        raise errors.StreamlitAPIException(
            f"`step` must be between 60 seconds and 23 hours (an int of seconds or a "
            f"timedelta); got {step!r}."
        )
    start = _time(value)

    def configure(widget: Any) -> None:
        widget.step = seconds

    control = Control(
        widgets.TimePicker, configure, (seconds,), coerce=_time,
        show=lambda t: "" if t is None else t.isoformat(timespec="minutes"),
    )
    return input_widget(
        "time_input", label, key, (start, seconds), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
