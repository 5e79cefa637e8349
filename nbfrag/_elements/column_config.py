"""`st.column_config`: how `st.dataframe` and `st.data_editor` show and edit each column.

Every constructor returns the plain dict Streamlit 1.67 returns (`label`, `width`, `help`, ...,
and a `type_config` naming the column type), so a config built here is the same value as in
Streamlit and can be passed around, compared or merged. `nbfrag/_elements/grid_format.py`
reads these dicts to format cells in the kernel and check edits.

A `column_config` mapping passed to a table maps a column name (or `"_index"` for the index)
to one of these dicts, to a plain label string, or to None to hide the column.

Differences from Streamlit: chart columns (line, bar, area) show a text sparkline
(``▁▃▆█``); image columns show http(s) and `data:image/` pictures only; audio, video,
markdown and button columns show their value as text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any, Literal

ColumnWidth = Literal["small", "medium", "large"] | int
Alignment = Literal["left", "center", "right"]


def _base(label: str | None, width: Any, help: str | None, **rest: Any) -> dict[str, Any]:
    return {"label": label, "width": width, "help": help, **rest}


def _iso(value: Any) -> Any:
    """Dates, times and datetimes as Streamlit stores them in a config: ISO strings."""
    return value.isoformat() if isinstance(value, (_dt.date, _dt.time)) else value


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, _dt.timedelta) else step


def Column(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
) -> dict[str, Any]:
    """Configure a column's generic options (its type stays what the data makes it).

    Parameters
    ----------
    label : str, optional
        The header shown instead of the column's name.
    width : "small", "medium", "large" or int, optional
        75, 200 or 400 pixels, or a number of pixels; None sizes the column to its content.
    help : str, optional
        A tooltip on the column's header.
    disabled : bool, optional
        In `st.data_editor`, True makes the column read-only.
    required : bool, optional
        In `st.data_editor`, True refuses an empty value in an edited cell.
    pinned : bool, optional
        Keep the column at the left while scrolling sideways.
    alignment : "left", "center" or "right", optional
        The cells' alignment; None aligns numbers right and text left.

    Returns
    -------
    dict
        The configuration, as Streamlit's (`{"label": ..., "width": ..., ...}`).

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"w": [1, 2]}, column_config={"w": st.column_config.Column("Widgets", help="Stock")})
    """
    return _base(label, width, help, disabled=disabled, required=required, pinned=pinned, alignment=alignment)


def _typed(label: str | None, width: Any, help: str | None, type_config: dict[str, Any], **rest: Any) -> dict[str, Any]:
    return {**_base(label, width, help, **rest), "type_config": type_config}


def NumberColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: int | float | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> dict[str, Any]:
    """Configure a number column: its display format, and in `st.data_editor` its range.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : int or float, optional
        The value of this column in a row a user adds.
    format : str, optional
        A printf-style format ("%d", "%.2f", "$%.2f", "%.1f%%") or one of "plain", "localized",
        "percent", "dollar", "euro", "yen", "accounting", "compact", "scientific", "engineering".
    min_value, max_value : int or float, optional
        The smallest and largest value an edit may enter (the kernel refuses others).
    step : int or float, optional
        The precision of an edit (an int step keeps edited values whole).

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "number", ...}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"price": [1.5, 20]}, column_config={"price": st.column_config.NumberColumn(format="$%.2f")})
    """
    config = {"type": "number", "min_value": min_value, "max_value": max_value, "format": format, "step": step}
    return _typed(
        label,
        width,
        help,
        config,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
    )


def TextColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> dict[str, Any]:
    """Configure a text column.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : str, optional
        The value of this column in a row a user adds.
    max_chars : int, optional
        The longest text an edit may enter.
    validate : str, optional
        A regular expression an edited text must match (else the edit is refused).

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "text", ...}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"name": ["fern"]}, column_config={"name": st.column_config.TextColumn("Plant", max_chars=20)})
    """
    config = {"type": "text", "max_chars": max_chars, "validate": validate}
    return _typed(
        label,
        width,
        help,
        config,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
    )


def LinkColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> dict[str, Any]:
    """Configure a column of URLs shown as links.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : str, optional
        The value of this column in a row a user adds.
    max_chars : int, optional
        The longest URL an edit may enter.
    validate : str, optional
        A regular expression an edited URL must match.
    display_text : str, optional
        The link's text: a fixed text, or a regular expression whose first group is taken
        from the URL (`"https://(.*?)\\.example"`); None shows the URL. Only http(s) and
        mailto URLs become links; others show as text.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "link", ...}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> config = st.column_config.LinkColumn(display_text="Open")
    >>> st.dataframe({"site": ["https://streamlit.io"]}, column_config={"site": config})
    """
    config = {"type": "link", "max_chars": max_chars, "validate": validate, "display_text": display_text}
    return _typed(
        label,
        width,
        help,
        config,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
    )


def CheckboxColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: bool | None = None,
) -> dict[str, Any]:
    """Configure a column of booleans shown as checkboxes.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : bool, optional
        The value of this column in a row a user adds.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "checkbox"}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"done": [True, False]}, column_config={"done": st.column_config.CheckboxColumn("Done?")})
    """
    return _typed(
        label,
        width,
        help,
        {"type": "checkbox"},
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
    )


def SelectboxColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    """Configure a column whose values come from a list of options.

    Parameters
    ----------
    label, width, help, disabled, required, pinned : see `Column`
        The generic options.
    default : str, int or float, optional
        The value of this column in a row a user adds.
    options : iterable, optional
        The values an edit may choose; None takes the column's categories, if any.
    format_func : callable, optional
        Turns an option into the text shown for it.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "selectbox", "options": [...]}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> config = st.column_config.SelectboxColumn("Size", options=["S", "M", "L"])
    >>> st.dataframe({"size": ["S", "L"]}, column_config={"size": config})
    """
    listed: list[Any] | None = None if options is None else list(options)
    if listed is not None and format_func is not None:
        listed = [{"value": option, "label": format_func(option)} for option in listed]
    return _typed(
        label,
        width,
        help,
        {"type": "selectbox", "options": listed},
        disabled=disabled,
        required=required,
        pinned=pinned,
        default=default,
    )


def MultiselectColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[str] | None = None,
    accept_new_options: bool | None = None,
    color: Any = None,
    format_func: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """Configure a column of lists whose items come from a list of options.

    Parameters
    ----------
    label, width, help, disabled, required, pinned : see `Column`
        The generic options.
    default : iterable of str, optional
        The value of this column in a row a user adds.
    options : iterable of str, optional
        The items a list may hold.
    accept_new_options : bool, optional
        Whether an edit may add items that are not options.
    color : str or iterable of str, optional
        Accepted for compatibility; the items show as plain text.
    format_func : callable, optional
        Turns an option into the text shown for it.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "multiselect", ...}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> config = st.column_config.MultiselectColumn("Tags", options=["a", "b"])
    >>> st.dataframe({"tags": [["a"], ["a", "b"]]}, column_config={"tags": config})
    """
    listed = [{"value": o, **({"label": format_func(o)} if format_func else {})} for o in (options or [])]
    config = {"type": "multiselect", "options": listed, "accept_new_options": accept_new_options}
    if color is not None:
        config["color"] = color
    return _typed(
        label,
        width,
        help,
        config,
        disabled=disabled,
        required=required,
        pinned=pinned,
        default=None if default is None else list(default),
    )


def ListColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Configure a column of lists, shown as comma-separated items.

    Parameters
    ----------
    label, width, help, pinned, disabled, required : see `Column`
        The generic options.
    default : iterable of str, optional
        The value of this column in a row a user adds.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "list"}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"tags": [["a", "b"]]}, column_config={"tags": st.column_config.ListColumn("Tags")})
    """
    return _typed(
        label,
        width,
        help,
        {"type": "list"},
        pinned=pinned,
        disabled=disabled,
        required=required,
        default=None if default is None else list(default),
    )


def _temporal(
    kind: str,
    label: Any,
    width: Any,
    help: Any,
    disabled: Any,
    required: Any,
    pinned: Any,
    alignment: Any,
    default: Any,
    format: Any,
    min_value: Any,
    max_value: Any,
    step: Any,
    **extra: Any,
) -> dict[str, Any]:
    config = {
        "type": kind,
        "format": format,
        "min_value": _iso(min_value),
        "max_value": _iso(max_value),
        "step": _seconds(step),
        **extra,
    }
    return _typed(
        label,
        width,
        help,
        config,
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=_iso(default),
    )


def DatetimeColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: _dt.datetime | None = None,
    format: str | None = None,
    min_value: _dt.datetime | None = None,
    max_value: _dt.datetime | None = None,
    step: int | float | _dt.timedelta | None = None,
    timezone: str | None = None,
) -> dict[str, Any]:
    """Configure a column of datetimes.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : datetime, optional
        The value of this column in a row a user adds.
    format : str, optional
        A Moment.js format ("D MMM YYYY, h:mm a"), or "localized", "distance", "calendar",
        "iso8601"; None shows "YYYY-MM-DD HH:mm:ss".
    min_value, max_value : datetime, optional
        The earliest and latest value an edit may enter.
    step : int, float or timedelta, optional
        The precision of an edit, in seconds.
    timezone : str, optional
        The time zone the values are shown in (an IANA name such as "Europe/Paris").

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "datetime", ...}` (datetimes as ISO strings).

    Examples
    --------
    >>> import datetime
    >>> import nbfrag as st
    >>> when = {"at": [datetime.datetime(2024, 2, 5, 12, 30)]}
    >>> st.dataframe(when, column_config={"at": st.column_config.DatetimeColumn(format="D MMM YYYY, h:mm a")})
    """
    return _temporal(
        "datetime",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
        timezone=timezone,
    )


def DateColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: _dt.date | None = None,
    format: str | None = None,
    min_value: _dt.date | None = None,
    max_value: _dt.date | None = None,
    step: int | None = None,
) -> dict[str, Any]:
    """Configure a column of dates.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : date, optional
        The value of this column in a row a user adds.
    format : str, optional
        A Moment.js format ("MMM D, YYYY"), or "localized", "distance", "iso8601"; None shows
        "YYYY-MM-DD".
    min_value, max_value : date, optional
        The earliest and latest date an edit may enter.
    step : int, optional
        The precision of an edit, in days.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "date", ...}`.

    Examples
    --------
    >>> import datetime
    >>> import nbfrag as st
    >>> days = {"day": [datetime.date(2024, 2, 5)]}
    >>> st.dataframe(days, column_config={"day": st.column_config.DateColumn("Day", format="MMM D, YYYY")})
    """
    return _temporal(
        "date",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: _dt.time | None = None,
    format: str | None = None,
    min_value: _dt.time | None = None,
    max_value: _dt.time | None = None,
    step: int | float | _dt.timedelta | None = None,
) -> dict[str, Any]:
    """Configure a column of times of day.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : time, optional
        The value of this column in a row a user adds.
    format : str, optional
        A Moment.js format ("h:mm a"), or "localized", "iso8601"; None shows "HH:mm:ss".
    min_value, max_value : time, optional
        The earliest and latest time an edit may enter.
    step : int, float or timedelta, optional
        The precision of an edit, in seconds.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "time", ...}`.

    Examples
    --------
    >>> import datetime
    >>> import nbfrag as st
    >>> times = {"opens": [datetime.time(9, 30)]}
    >>> st.dataframe(times, column_config={"opens": st.column_config.TimeColumn(format="h:mm a")})
    """
    return _temporal(
        "time",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
    )


def ProgressColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    """Configure a number column shown as progress bars (read-only).

    Parameters
    ----------
    label, width, help, pinned : see `Column`
        The generic options.
    format : str, optional
        The number's format beside the bar, as `NumberColumn`'s.
    min_value, max_value : int or float, optional
        The values of an empty and a full bar; default 0 and 100 for whole numbers, 0 and 1
        otherwise.
    step : int or float, optional
        The precision of the number shown.
    color : str, optional
        The bar's CSS colour ("red", "#1f77b4"); None uses the theme's.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "progress", ...}`.

    Examples
    --------
    >>> import nbfrag as st
    >>> done = {"sales": [20, 80]}
    >>> st.dataframe(done, column_config={"sales": st.column_config.ProgressColumn(max_value=100, format="%d")})
    """
    config = {
        "type": "progress",
        "format": format,
        "min_value": min_value,
        "max_value": max_value,
        "step": step,
        "color": color,
    }
    return _typed(label, width, help, config, pinned=pinned)


def _chart(
    kind: str, label: Any, width: Any, help: Any, pinned: Any, y_min: Any, y_max: Any, color: Any
) -> dict[str, Any]:
    return _typed(label, width, help, {"type": kind, "y_min": y_min, "y_max": y_max, "color": color}, pinned=pinned)


_CHART_DOC = """Configure a column of number lists shown as a small {what} chart (read-only).

    Parameters
    ----------
    label, width, help, pinned : see `Column`
        The generic options.
    y_min, y_max : int or float, optional
        The values at the bottom and top of the chart; None uses each list's smallest and largest.
    color : str, optional
        Accepted for compatibility: the chart is a text sparkline in the text colour.

    Returns
    -------
    dict
        The configuration, with `type_config` `{{"type": "{kind}", ...}}`.

    Differences from Streamlit
    --------------------------
    * Drawn as a text sparkline (``▁▃▆█``), not an SVG chart.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({{"trend": [[1, 3, 2, 5]]}}, column_config={{"trend": st.column_config.{name}("Trend")}})
    """


def LineChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


LineChartColumn.__doc__ = _CHART_DOC.format(what="line", kind="line_chart", name="LineChartColumn")
BarChartColumn.__doc__ = _CHART_DOC.format(what="bar", kind="bar_chart", name="BarChartColumn")
AreaChartColumn.__doc__ = _CHART_DOC.format(what="area", kind="area_chart", name="AreaChartColumn")


def _plain(kind: str, label: Any, width: Any, help: Any, pinned: Any, alignment: Any) -> dict[str, Any]:
    return _typed(label, width, help, {"type": kind}, pinned=pinned, alignment=alignment)


_PLAIN_DOC = """Configure a column of {what} (read-only).

    Parameters
    ----------
    label, width, help, pinned, alignment : see `Column`
        The generic options.

    Returns
    -------
    dict
        The configuration, with `type_config` `{{"type": "{kind}"}}`.

    Differences from Streamlit
    --------------------------
    * {difference}

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({{"c": [{sample}]}}, column_config={{"c": st.column_config.{name}("C")}})
    """


def ImageColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
) -> dict[str, Any]:
    return _plain("image", label, width, help, pinned, alignment)


def AudioColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
) -> dict[str, Any]:
    return _plain("audio", label, width, help, pinned, alignment)


def VideoColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
) -> dict[str, Any]:
    return _plain("video", label, width, help, pinned, alignment)


def JsonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
) -> dict[str, Any]:
    return _plain("json", label, width, help, pinned, alignment)


ImageColumn.__doc__ = _PLAIN_DOC.format(
    what="image URLs shown as pictures",
    kind="image",
    name="ImageColumn",
    sample='"https://example.com/a.png"',
    difference="Only http(s) and `data:image/` URLs are shown as pictures; others as text.",
)
AudioColumn.__doc__ = _PLAIN_DOC.format(
    what="audio URLs",
    kind="audio",
    name="AudioColumn",
    sample='"https://example.com/a.mp3"',
    difference="The URL is shown as text, without a player.",
)
VideoColumn.__doc__ = _PLAIN_DOC.format(
    what="video URLs",
    kind="video",
    name="VideoColumn",
    sample='"https://example.com/a.mp4"',
    difference="The URL is shown as text, without a player.",
)
JsonColumn.__doc__ = _PLAIN_DOC.format(
    what="JSON values (dicts, lists, JSON strings)",
    kind="json",
    name="JsonColumn",
    sample='{"a": 1}',
    difference="Shown as one line of JSON text, not an expandable tree.",
)


def MarkdownColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    default: str | None = None,
) -> dict[str, Any]:
    """Configure a column of Markdown texts.

    Parameters
    ----------
    label, width, help, disabled, required, pinned, alignment : see `Column`
        The generic options.
    default : str, optional
        The value of this column in a row a user adds.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "markdown"}`.

    Differences from Streamlit
    --------------------------
    * The Markdown source is shown as plain text.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"note": ["**bold**"]}, column_config={"note": st.column_config.MarkdownColumn("Note")})
    """
    return _typed(
        label,
        width,
        help,
        {"type": "markdown"},
        disabled=disabled,
        required=required,
        pinned=pinned,
        alignment=alignment,
        default=default,
    )


def ButtonColumn(
    label: str | None = None,
    *,
    width: ColumnWidth | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: Alignment | None = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    on_click: Any = None,
    args: Any = None,
    kwargs: Any = None,
    key: str | None = None,
) -> dict[str, Any]:
    """Configure a column of buttons (shown as their text; clicks are not reported).

    Parameters
    ----------
    label, width, help, pinned, alignment : see `Column`
        The generic options.
    type : "primary", "secondary" or "tertiary", default "secondary"
        The buttons' style.
    on_click : callable, optional
        Accepted for compatibility: clicks on cell buttons are not reported.
    args, kwargs : tuple and dict, optional
        Arguments for `on_click`, unused.
    key : str, optional
        Accepted for compatibility, unused.

    Returns
    -------
    dict
        The configuration, with `type_config` `{"type": "button", ...}`.

    Differences from Streamlit
    --------------------------
    * Cells show their text; clicking them does nothing (no `ButtonColumnResult`).

    Examples
    --------
    >>> import nbfrag as st
    >>> st.dataframe({"act": ["Open"]}, column_config={"act": st.column_config.ButtonColumn("Action")})
    """
    config = {"type": "button", "button_type": type}
    return _typed(label, width, help, config, pinned=pinned, alignment=alignment, disabled=True)


__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]
