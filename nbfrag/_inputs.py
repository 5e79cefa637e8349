"""Free-value inputs: `st.checkbox`, `st.toggle`, `st.text_input`, `st.text_area`,
`st.number_input`, `st.date_input`, `st.time_input`, `st.color_picker`.

Each is a standard ipywidgets control described by a `Control` and drawn by `input_widget`,
so identity, keys, callbacks and reruns work the same for all of them. Text and numbers commit
on Enter or blur (`continuous_update=False`), as Streamlit's do: typing does not rerun at every
keystroke.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

import ipywidgets as widgets
import traitlets

from . import errors
from ._widgets import Control, InputOwner, input_widget

Callback = Callable[..., Any] | None


def _bool_text(mark_on: str, mark_off: str) -> Callable[[InputOwner], str]:
    return lambda owner: f"{mark_on if owner.value else mark_off} {owner.label}"


def checkbox(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> bool:
    """Display a checkbox. Returns whether it is checked."""
    control = Control(lambda: widgets.Checkbox(indent=False), lambda w: None, None, coerce=bool)
    return input_widget(
        "checkbox", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, text=_bool_text("[x]", "[ ]"),
    )


def toggle(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> bool:
    """Display an on/off toggle (a ToggleButton in Jupyter). Returns whether it is on."""
    control = Control(widgets.ToggleButton, lambda w: None, None, coerce=bool)
    return input_widget(
        "toggle", label, key, (bool(value),), bool(value), control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, text=_bool_text("(on)", "(off)"),
    )


def _text_coerce(max_chars: int | None, allow_none: bool) -> Callable[[Any], Any]:
    def coerce(value: Any) -> Any:
        if value is None and allow_none:
            return None
        text = str(value)
        return text[:max_chars] if max_chars else text

    return coerce


def _show_text(password: bool) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        if value is None:
            return "[]"
        return f"[{'•' * len(value) if password else value}]"

    return show


def _check_max_chars(max_chars: Any) -> int | None:
    if max_chars is None:
        return None
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0:
        raise errors.StreamlitAPIException(
            f"`max_chars` must be a positive integer or None; got {max_chars!r}."
        )
    return max_chars


def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: str | int | None = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: Any = "stretch",
) -> str | None:
    """Display a single-line text input. Returns its text (None if `value=None` and untouched).

    The value is sent when the user presses Enter or leaves the field, as in Streamlit.
    `type="password"` masks the text.
    """
    if type not in ("default", "password"):
        raise errors.StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
        )
    max_chars = _check_max_chars(max_chars)
    password = type == "password"

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)

    control = Control(
        lambda: (widgets.Password if password else widgets.Text)(continuous_update=False),
        configure,
        (placeholder,),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(password),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_input", label, key, (value, max_chars, type, autocomplete, placeholder), initial,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )


def text_area(
    label: str,
    value: str | None = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> str | None:
    """Display a multi-line text input. Returns its text; sent when the field loses focus."""
    max_chars = _check_max_chars(max_chars)
    if height is not None and not isinstance(height, (int, str)):
        raise errors.StreamlitAPIException(f"`height` must be an int (pixels) or None; got {height!r}.")
    css_height = f"{height}px" if isinstance(height, int) else None

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)
        widget.layout.height = css_height
        widget.layout.width = "100%"

    control = Control(
        lambda: widgets.Textarea(continuous_update=False),
        configure,
        (placeholder, css_height),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(False),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_area", label, key, (value, height, max_chars, placeholder), initial, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )


# --------------------------------------------------------------------------------------------
# Numbers


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number_input(
    label: str,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    value: Any = "min",
    step: int | float | None = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: Any = "stretch",
) -> int | float:
    """Display a numeric input. Returns an int when every number given is an int, else a float.

    `value="min"` (the default) starts at `min_value`, or 0. `value=None` starts with an empty
    field (showing `placeholder`) and returns None until a number is entered; it is a text
    field then, without step arrows. Values outside `[min_value, max_value]` are refused and
    the field shows the last valid value.
    """
    if isinstance(value, str) and value == "min":
        value = min_value if min_value is not None else 0
    empty_field = value is None
    given = {"value": value, "min_value": min_value, "max_value": max_value, "step": step}
    for name, number in given.items():
        if number is not None and not _is_number(number):
            raise errors.StreamlitAPIException(
                f"`{name}` must be an int or a float; got {type(number).__name__}: {number!r}."
            )
    numbers = [n for n in given.values() if n is not None]
    kinds = {isinstance(n, float) for n in numbers}
    if len(kinds) > 1:
        described = ", ".join(f"`{k}` has {type(v).__name__} type" for k, v in given.items() if v is not None)
        raise errors.StreamlitAPIException(
            f"All numerical arguments must be of the same type. {described}. "
            "Make them all ints or all floats (e.g. `value=1.0` with `step=0.5`)."
        )
    is_float = kinds == {True} or (empty_field and not numbers)  # Streamlit: float by default
    if min_value is not None and max_value is not None and min_value > max_value:
        raise errors.StreamlitAPIException(
            f"The `min_value`, set to {min_value}, shouldn't be larger than the `max_value`, set to {max_value}."
        )
    if not empty_field:
        _check_bounds(value, min_value, max_value)
    step = step if step is not None else (0.01 if is_float else 1)
    cast = float if is_float else int

    def coerce(number: Any) -> Any:
        if number is None and empty_field:
            return None
        if not _is_number(number):
            raise ValueError(number)
        number = cast(number)
        _check_bounds(number, min_value, max_value)
        return number

    def parse(text: str) -> Any:
        """What the user typed into the empty-able field: None when cleared."""
        text = text.strip()
        return None if not text else (float(text) if is_float else int(text))

    def configure(widget: Any) -> None:
        if empty_field:
            widget.placeholder = "" if placeholder is None else str(placeholder)
        else:
            widget.step = step

    if empty_field:
        control = Control(
            lambda: widgets.Text(continuous_update=False), configure, (placeholder,),
            to_widget=lambda v: "" if v is None else str(v), from_widget=parse,
            coerce=coerce, show=lambda v: "" if v is None else _format_number(v, format),
        )
    else:
        control = Control(
            lambda: (widgets.FloatText if is_float else widgets.IntText)(continuous_update=False),
            configure, (step,), coerce=coerce, show=lambda v: _format_number(v, format),
        )
    return input_widget(
        "number_input", label, key, (min_value, max_value, value, step, format, placeholder),
        coerce(value), control, help=help, on_change=on_change, args=args, kwargs=kwargs,
        disabled=disabled, label_visibility=label_visibility,
    )


def _check_bounds(value: Any, low: Any, high: Any) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        raise errors.StreamlitValueError(
            f"The default `value` {value} must be greater than or equal to the `min_value` {low} "
            f"and less than or equal to the `max_value` {high}."
        )


def _format_number(value: Any, format: str | None) -> str:
    """Show a number with a printf-style `format` (`"%.2f"`, `"%d"`), as Streamlit does."""
    if format:
        try:
            return format % value
        except (TypeError, ValueError):
            pass
    return str(value)


# --------------------------------------------------------------------------------------------
# Dates, times, colors


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
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> dt.date | None:
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

    def one(day: Any) -> dt.date | None:
        day = _date(day, "value")
        if day is not None and ((low and day < low) or (high and day > high)):
            raise errors.StreamlitAPIException(
                f"The date {day} is outside the allowed range {low} to {high}."
            )
        return day

    def coerce(picked: Any) -> Any:
        if not is_range:
            return one(picked)
        if not isinstance(picked, (tuple, list)) or len(picked) > 2:
            raise errors.StreamlitAPIException(f"A date range is a tuple of up to two dates; got {picked!r}.")
        return tuple(sorted(day for day in map(one, picked) if day is not None))

    def configure(widget: Any) -> None:
        widget.min, widget.max = low, high

    if is_range:
        control = Control(
            DateRange, configure, (low, high), coerce=coerce,
            to_widget=lambda days: (tuple(days) + (None, None))[:2],
            show=lambda days: " – ".join(d.isoformat() for d in days),
        )
        start = coerce(value)
        return input_widget(
            "date_input", label, key, (start, low, high, format), start, control,
            help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
            label_visibility=label_visibility,
        )
    start = one(value)
    control = Control(
        widgets.DatePicker, configure, (low, high), coerce=coerce,
        show=lambda d: "" if d is None else d.isoformat(),
    )
    return input_widget(
        "date_input", label, key, (start, low, high, format), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
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
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    step: int | dt.timedelta = 900,
    width: Any = "stretch",
) -> dt.time | None:
    """Display a time picker. Returns a `datetime.time` (None when `value=None` and unpicked).

    `step` is in seconds (or a timedelta), between 60 seconds and 23 hours, as in Streamlit.
    """
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if not _is_number(seconds) or not 60 <= seconds <= 23 * 3600:
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


_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def _color(value: Any) -> str:
    if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
        raise errors.StreamlitAPIException(
            f"This does not look like a hex color: {value!r}. Use the format '#RRGGBB' or "
            "'#RGB', e.g. '#00f900'."
        )
    return value


def color_picker(
    label: str,
    value: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> str:
    """Display a color picker. Returns the color as a hex string such as `'#00f900'`."""
    start = _color("#000000" if value is None else value)
    control = Control(lambda: widgets.ColorPicker(concise=False), lambda w: None, None, coerce=_color)
    return input_widget(
        "color_picker", label, key, (start,), start, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
