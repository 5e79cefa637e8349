"""`st.datetime_input`: one date and time of day, to the minute (ipywidgets `NaiveDatetimePicker`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .text_rules import not_empty
from .types import (
    Bind,
    Callback,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    WidthWithoutContent,
    check_width,
)

DATE_FORMATS = (
    "YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY", "YYYY.MM.DD", "DD.MM.YYYY", "MM.DD.YYYY",
    "YYYY-MM-DD", "DD-MM-YYYY", "MM-DD-YYYY",
)
_MIDNIGHT, _LAST_MINUTE = dt.time(0, 0), dt.time(23, 59)
_TEXT_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def _minute(value: dt.datetime) -> dt.datetime:
    """A datetime to the minute, without a time zone (as Streamlit returns it)."""
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time.replace(second=0, microsecond=0, tzinfo=None))


def to_datetime(value: Any, day: dt.date, time: dt.time, parameter: str = "value") -> dt.datetime:
    """`value` as Streamlit reads it: "now", a datetime, a date (at `time`), a time (on `day`),
    or an ISO or "YYYY/MM/DD hh:mm" string; anything else raises its type error."""
    if isinstance(value, str) and value == "now":
        return _minute(dt.datetime.now())
    if isinstance(value, dt.datetime):
        return _minute(value)
    if isinstance(value, dt.date):
        return _at(value, time)
    if isinstance(value, dt.time):
        return _at(day, value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return _minute(dt.datetime.fromisoformat(text))
        except ValueError:
            pass
        for pattern in _TEXT_FORMATS:
            try:
                return _minute(dt.datetime.strptime(text, pattern))
            except ValueError:
                pass
        try:
            return _at(dt.date.fromisoformat(text), time)
        except ValueError:
            pass
        try:
            return _at(day, dt.time.fromisoformat(text))
        except ValueError:
            pass
    raise errors.StreamlitInvalidParameterTypeError(
        parameter, type(value).__name__, ["datetime", "date", "time", "ISO string", '"now"']
    )


def _ten_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    format: str = "YYYY/MM/DD",
    step: int | dt.timedelta = dt.timedelta(minutes=15),
    disabled: bool = False,
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> dt.datetime | None:
    """Display a date-and-time field and return the `datetime.datetime` chosen.

    Parameters
    ----------
    label : str
        What the field is for, shown beside it as plain text. Part of the widget's identity
        when it has no `key`.
    value : "now", datetime, date, time, str or None, default "now"
        The starting value: the current minute, a datetime, a date (at 00:00), a time (today),
        an ISO string ("2025-11-19T16:45", "2025-11-19 16:45") or None for an empty field.
        Seconds and time zones are dropped. Anything else raises
        `StreamlitInvalidParameterTypeError`.
    min_value : "now", datetime, date, time, str or None, default None
        The earliest value (a date means 00:00 that day). None: ten years before `value` (or
        today). Above `max_value` it raises `StreamlitInvalidMinMaxError`.
    max_value : "now", datetime, date, time, str or None, default None
        The latest value (a date means 23:59 that day). None: ten years after `value` (or
        today). A `value` outside the bounds raises `StreamlitValueBelowMinError` or
        `StreamlitValueAboveMaxError`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so
        two identical widgets in one run need different keys. With one,
        `st.session_state[key]` holds the value: readable anywhere, and writable before the
        widget is drawn in a run (or from a callback) to set it; a value outside the bounds
        becomes `value` again, as in Streamlit.
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
    format : str, default "YYYY/MM/DD"
        How the page's text form writes the date: one of "YYYY/MM/DD", "DD/MM/YYYY",
        "MM/DD/YYYY" and the same with "." or "-" between the parts. Other values raise
        `StreamlitValueError` (a non-str `StreamlitInvalidParameterTypeError`). The browser's
        field writes dates as its locale does.
    step : int or timedelta, default 15 minutes
        Checked as Streamlit checks it (an int of seconds or a timedelta, from 60 seconds to 23
        hours), then ignored: the browser's field picks any minute.
    disabled : bool, default False
        Show the field greyed out, so that the user cannot change it.
    required : bool, default False
        Forbid emptying the field: an emptied field goes back to the last value. As in
        Streamlit the starting value is unchanged (None stays None until the user picks).
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown. "hidden" and "collapsed" both remove it.
    width : "stretch" or int, default "stretch"
        Checked as Streamlit checks it (`StreamlitInvalidWidthError`), then ignored: the field
        keeps the width ipywidgets gives it.
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
    datetime.datetime or None
        The chosen date and time (naive, to the minute), or None while the field is empty.

    Differences from Streamlit
    --------------------------
    * The browser's own date-and-time field (ipywidgets `NaiveDatetimePicker`): it writes
      dates as the browser's locale does whatever `format` says, and picks any minute whatever
      `step` says.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the control's native tooltip rather than a question-mark icon.
    * `label_visibility="hidden"` removes the label like "collapsed"; `width` is ignored.
    * An emptied `required` field goes back to the last value (Streamlit keeps it empty and
      shows a message).
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import datetime
    >>> import nbfrag as st
    >>> event_time = st.datetime_input("Schedule your event", datetime.datetime(2025, 11, 19, 16, 45))
    >>> st.write("Event scheduled for", event_time)
    """
    today = dt.date.today()
    start = None if value is None else to_datetime(value, today, _MIDNIGHT)
    base = start.date() if start is not None else today
    low = _at(_ten_years(base, -10), _MIDNIGHT) if min_value is None else to_datetime(
        min_value, base, _MIDNIGHT, "min_value"
    )
    high = _at(_ten_years(base, 10), _LAST_MINUTE) if max_value is None else to_datetime(
        max_value, base, _LAST_MINUTE, "max_value"
    )
    if low > high:
        raise errors.StreamlitInvalidMinMaxError(low, high)
    if start is not None and start < low:
        raise errors.StreamlitValueBelowMinError(start, low)
    if start is not None and start > high:
        raise errors.StreamlitValueAboveMaxError(start, high)
    _check_format(format)
    _check_step(step)
    check_width(width, allow_content=False)
    shown = re.sub("YYYY|MM|DD", lambda part: {"YYYY": "%Y", "MM": "%m", "DD": "%d"}[part.group()], format)

    def within(chosen: Any) -> dt.datetime | None:
        """A value from Session State: a date or datetime within the bounds, else `value`."""
        if chosen is None:
            return None
        if isinstance(chosen, dt.date) and not isinstance(chosen, dt.datetime):
            chosen = _at(chosen, _MIDNIGHT)
        if not isinstance(chosen, dt.datetime) or not low <= _minute(chosen) <= high:
            return start
        return _minute(chosen)

    def from_browser(sent: Any) -> dt.datetime | None:
        """What the field sent, refused (ValueError) outside the bounds: the field never sends it."""
        if sent is None:
            return None
        if not isinstance(sent, dt.datetime) or not low <= _minute(sent) <= high:
            raise ValueError(sent)
        return _minute(sent)

    def configure(widget: Any) -> None:
        widget.min, widget.max = low, high

    control = Control(
        widgets.NaiveDatetimePicker, configure, (low, high), from_widget=from_browser, coerce=within,
        show=lambda chosen: "" if chosen is None else chosen.strftime(f"{shown} %H:%M"),
    )
    if required:
        control = replace(control, accepts=not_empty)
    picked: dt.datetime | None = input_widget(
        "datetime_input", label, key, (start, low, high, format, step), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, bind=bind, persist_state=persist_state,
    )
    return picked


def _check_format(format: object) -> None:
    if not isinstance(format, str):
        raise errors.StreamlitInvalidParameterTypeError("format", type(format).__name__, ["str"])
    if format not in DATE_FORMATS:
        raise errors.StreamlitValueError(
            "format", [repr(f) for f in DATE_FORMATS], detail=f"Provided value: {format!r}."
        )


def _check_step(step: object) -> None:
    if isinstance(step, bool) or not isinstance(step, (int, dt.timedelta)):
        raise errors.StreamlitInvalidParameterTypeError("step", type(step).__name__, ["int", "timedelta"])
    seconds = int(step.total_seconds()) if isinstance(step, dt.timedelta) else step
    if not 60 <= seconds <= 23 * 3600:
        raise errors.StreamlitValueOutOfRangeError("step", f"{seconds} seconds", "60 seconds", "23 hours")
