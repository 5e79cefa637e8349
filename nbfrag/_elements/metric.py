"""`st.metric`: a label, a value in large type, its change (delta) with an arrow, and an optional
sparkline.

Everything is HTML built and escaped here (labels and values are often what a visitor
entered). Numbers are shaped by `format` as Streamlit's browser shapes them (`number_text`),
and the sparkline is a small inline SVG drawn in the kernel; the text form shows it as a row of
block characters, so a page's text says where the values went.
"""

from __future__ import annotations

import math
import numbers
import textwrap
from typing import Any, Literal, TypeAlias

from .. import errors
from .._runtime.markdown import escape, inline_markdown_html
from .._widgets.types import Height, LabelVisibility, Width, check_height, check_label_visibility, check_width
from .base import clean_text, place_html

DeltaColor: TypeAlias = Literal[
    "normal", "inverse", "off", "red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary"
]
DeltaArrow: TypeAlias = Literal["auto", "up", "down", "off"]
ChartType: TypeAlias = Literal["line", "bar", "area"]

_UP, _DOWN, _GRAY = "#09ab3b", "#ff2b2b", "#808495"
_NAMED_COLORS = {
    "red": "#ff2b2b", "orange": "#ff8700", "yellow": "#e5b700", "green": "#09ab3b", "blue": "#1c83e1",
    "violet": "#803df5", "gray": _GRAY, "grey": _GRAY, "primary": "var(--jp-brand-color1,#ff4b4b)",
}
_DELTA_COLORS = ("normal", "inverse", "off", *_NAMED_COLORS)
_ARROWS = {"up": "↑", "down": "↓"}


def metric(
    label: Any,
    value: Any,
    delta: Any = None,
    delta_color: DeltaColor = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: LabelVisibility = "visible",
    border: bool = False,
    width: Width = "stretch",
    height: Height = "content",
    chart_data: Any = None,
    chart_type: ChartType = "line",
    delta_arrow: DeltaArrow = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> None:
    """Display a metric: a label, a value in large type, and optionally its change and trend.

    Parameters
    ----------
    label : str
        What is measured; inline Markdown is rendered.
    value : int, float, Decimal, str or None
        The value, shown large; None shows "—". Other types raise
        `StreamlitInvalidParameterTypeError` (numpy numbers are accepted).
    delta : int, float, Decimal, str or None, optional
        The change, shown under the value with an arrow: down when it is negative or starts
        with "-", none (and grey) when it is zero or "0", up otherwise.
    delta_color : str, default "normal"
        "normal" shows increases green and decreases red, "inverse" the other way round, "off"
        both grey; a colour name ("red", "orange", "yellow", "green", "blue", "violet", "gray"
        or "grey", "primary") paints the delta and the chart that colour whatever the sign.
        Other values raise `StreamlitValueError`.
    help : str, optional
        A tooltip on the metric.
    icon : str, optional
        Text shown before the label, typically an emoji such as "🌡️".
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        "hidden" keeps the label's space empty, "collapsed" removes it.
    border : bool, default False
        Draw a border around the metric.
    width : "stretch", "content" or int, default "stretch"
        The metric's width: its container's, its content's, or a number of pixels (never wider
        than the container). Other values raise `StreamlitInvalidWidthError`.
    height : "content", "stretch" or int, default "content"
        A number of pixels fixes the height (the content scrolls if taller); "content" and
        "stretch" leave it as tall as its content. Other values raise
        `StreamlitInvalidHeightError`.
    chart_data : iterable of numbers, optional
        Values drawn as a sparkline under the delta, in the delta's colour: a list, tuple, set,
        numpy array, pandas Series or the first column of a DataFrame. A value that is not a
        number raises `StreamlitAPIException`.
    chart_type : {"line", "bar", "area"}, default "line"
        The sparkline's kind: a line, bars, or a line over a shaded area.
    delta_arrow : {"auto", "up", "down", "off"}, default "auto"
        The arrow's direction: from the delta's sign ("auto"), forced up or down, or none.
        Other values raise `StreamlitValueError`.
    format : str, optional
        How numeric `value` and `delta` are written: "plain", "localized" (1,234.567),
        "percent" (123,456.7%), "dollar" ($1,234.57), "euro", "yen", "accounting" (negatives
        in parentheses), "bytes" (1.2KB), "compact" (1.2K), "scientific" or "engineering"
        (1.235E3), or a printf format such as "%.2f" or "%,d" (a comma groups thousands).
        Strings are shown as given.
    delta_description : str, optional
        A short muted note beside the delta, such as "month over month".

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `help` is the browser's plain tooltip; `icon` is shown as text (a `":material/...:"`
      name is not turned into an icon); `height="stretch"` is the content's height.
    * Named formats use English (US) conventions rather than the browser's locale.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.metric("Temperature", "21.5 °C", "-1.2 °C", icon="🌡️")
    >>> st.metric("Failed sensors", 3, -2, delta_color="inverse", border=True)
    >>> st.metric("Visitors", 1234, 56, format="compact", chart_data=[3, 5, 4, 8, 9],
    ...           chart_type="area", delta_description="week over week")
    """
    check_label_visibility(label_visibility)
    check_width(width, allow_content=True)
    check_height(height, allow_content=True)
    color_mode = clean_text(delta_color)
    if color_mode not in _DELTA_COLORS:
        raise errors.StreamlitValueError("delta_color", [repr(c) for c in _DELTA_COLORS])
    arrow_mode = clean_text(delta_arrow)
    if arrow_mode not in ("auto", "up", "down", "off"):
        raise errors.StreamlitValueError("delta_arrow", ["'auto'", "'up'", "'down'", "'off'"])
    value_text = _part(value, "value", format) if value is not None else "—"
    delta_text = "" if delta is None or (isinstance(delta, str) and not delta) else _part(delta, "delta", format)
    series = _series(chart_data)
    direction = _direction(delta) if delta_text else None
    color = _color(color_mode, direction)
    arrow = "" if arrow_mode == "off" else _ARROWS.get(arrow_mode if arrow_mode != "auto" else direction or "", "")

    label_text = str(label)
    icon_text = "" if icon is None else str(icon).strip()
    signed = delta_text if not delta_text or direction != "up" or delta_text.startswith("+") else f"+{delta_text}"
    text = f"{label_text}: {value_text}" + (f" ({signed})" if delta_text else "")
    if delta_description:
        text += f" {delta_description}"
    if series:
        text += f" {_blocks(series)}"
    if icon_text:
        text = f"{icon_text} {text}"

    label_style = {"visible": "", "hidden": "visibility:hidden;", "collapsed": "display:none;"}[label_visibility]
    icon_html = f"<span class='nbfrag-metric-icon' aria-hidden='true'>{escape(icon_text)}</span> " if icon_text else ""
    title = f" title='{escape(help)}'" if help else ""
    delta_html = ""
    if delta_text or delta_description:
        note = ""
        if delta_description:
            note = f" <span class='nbfrag-metric-note' style='color:{_GRAY};font-size:0.85em'>"
            note += f"{escape(delta_description)}</span>"
        shown = f"{arrow} {escape(delta_text)}".strip() if delta_text else ""
        tone = {_UP: " nbfrag-delta-good", _DOWN: " nbfrag-delta-bad", _GRAY: " nbfrag-delta-gray"}.get(color, "")
        delta_html = f"<div class='nbfrag-metric-delta{tone}' style='color:{color}'>{shown}{note}</div>"
    chart_html = _sparkline(series, chart_type, color) if series else ""
    html = (
        f"<div class='nbfrag-metric' style='{_frame_style(border, width, height)}'{title}>"
        f"<div class='nbfrag-metric-label' style='{label_style}font-size:0.875em'>"
        f"{icon_html}{inline_markdown_html(label_text)}</div>"
        f"<div class='nbfrag-metric-value' style='font-size:2.25em;line-height:1.2'>{escape(value_text)}</div>"
        f"{delta_html}{chart_html}</div>"
    )
    slot = place_html("metric", html, text, value)
    slot.fields.update(label=label_text, value=value_text, delta=delta_text)


def _frame_style(border: bool, width: Any, height: Any) -> str:
    style = "border:1px solid var(--jp-border-color1,#ccc);border-radius:0.5em;padding:0.75em;" if border else ""
    if isinstance(width, int):
        style += f"width:{width}px;max-width:100%;"
    elif width == "content":
        style += "width:fit-content;max-width:100%;"
    if isinstance(height, int):
        style += f"height:{height}px;overflow:auto;"
    return style


def _part(part: Any, name: str, format: str | None) -> str:
    """A metric's value or delta as text: strings as given (a delta dedented), numbers shaped
    by `format`; Streamlit's error for other types."""
    if isinstance(part, str):
        return textwrap.dedent(part) if name == "delta" else part
    number = part.item() if type(part).__module__ == "numpy" and hasattr(part, "item") else part
    if isinstance(number, bool) or not isinstance(number, numbers.Number):
        raise errors.StreamlitInvalidParameterTypeError(
            name, type(part).__name__, ["int", "float", "Decimal", "NumPy number"],
            detail="Convert the value to a number type.",
        )
    return number_text(number, format)


def _direction(delta: Any) -> str | None:
    """"up", "down", or None for a zero delta (numeric zero or the string "0")."""
    if isinstance(delta, str) and textwrap.dedent(delta) == "0":
        return None
    if not isinstance(delta, str) and delta == 0:
        return None
    return "down" if textwrap.dedent(str(delta)).startswith("-") else "up"


def _color(mode: str, direction: str | None) -> str:
    if mode in _NAMED_COLORS:
        return _NAMED_COLORS[mode]
    if direction is None or mode == "off":
        return _GRAY
    good = direction == "up" if mode == "normal" else direction == "down"
    return _UP if good else _DOWN


# -- formats --------------------------------------------------------------------------------------


def number_text(number: Any, format: str | None) -> str:
    """A number as Streamlit's metric writes it with `format` (None: as Python writes it)."""
    if not format:
        return str(number)
    value = float(number)
    if not math.isfinite(value):
        return str(number)
    named = _NAMED_FORMATS.get(format)
    if named is not None:
        return str(named(value))
    return _printf(format, number)


def _trimmed(value: float, decimals: int, grouped: bool = True) -> str:
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _money(symbol: str, decimals: int) -> Any:
    return lambda v: f"{'-' if v < 0 else ''}{symbol}{abs(v):,.{decimals}f}"


def _compact(value: float) -> str:
    """Intl's compact notation: 1.2K, 12K, 123K (two significant digits below ten units)."""
    units = ("", "K", "M", "B", "T")
    step = 0
    scaled = value
    while abs(scaled) >= 1000 and step < len(units) - 1:
        scaled /= 1000
        step += 1
    if abs(scaled) >= 100 or (step and abs(scaled) >= 10):
        digits = 0
    else:
        digits = max(0, 1 - math.floor(math.log10(abs(scaled)))) if scaled else 0
    return f"{_trimmed(round(scaled, digits), digits)}{units[step]}"


def _exponent(value: float, engineering: bool) -> str:
    if value == 0:
        return "0E0"
    power = math.floor(math.log10(abs(value)))
    if engineering:
        power -= power % 3
    mantissa = value / 10**power
    return f"{_trimmed(mantissa, 3, grouped=False)}E{power}"


def _accounting(value: float) -> str:
    text = f"{abs(value):,.2f}"
    return f"({text})" if value < 0 else text


def _bytes(value: float) -> str:
    """Compact bytes with at most one decimal: 1.2KB, 123.5KB, 1.5GB."""
    units = ("B", "KB", "MB", "GB", "TB")
    step = 0
    while abs(value) >= 1000 and step < len(units) - 1:
        value /= 1000
        step += 1
    return f"{_trimmed(round(value, 1), 1)}{units[step]}"


_NAMED_FORMATS: dict[str, Any] = {
    "plain": lambda v: _trimmed(v, 12, grouped=False),
    "localized": lambda v: _trimmed(v, 3),
    "percent": lambda v: f"{_trimmed(v * 100, 2)}%",
    "dollar": _money("$", 2),
    "euro": _money("€", 2),
    "yen": _money("¥", 0),
    "accounting": _accounting,
    "bytes": _bytes,
    "compact": _compact,
    "scientific": lambda v: _exponent(v, engineering=False),
    "engineering": lambda v: _exponent(v, engineering=True),
}


def _printf(format: str, number: Any) -> str:
    """A printf format; a "," flag groups thousands ("%,d" -> 1,234). A format that does not
    fit the number shows the number as Python writes it."""
    grouped = "%," in format
    spec = format.replace("%,", "%")
    try:
        text = spec % number
    except (TypeError, ValueError):
        return str(number)
    if grouped:
        head, dot, tail = text.partition(".")
        digits = head.lstrip("+- ")
        sign = head[: len(head) - len(digits)]
        if digits.isdigit():
            text = f"{sign}{int(digits):,}{dot}{tail}"
    return str(text)


# -- the sparkline --------------------------------------------------------------------------------


def _series(chart_data: Any) -> list[float]:
    """`chart_data` as floats (a DataFrame's first column); Streamlit's error for others."""
    if chart_data is None:
        return []
    data = chart_data
    if type(data).__name__ == "DataFrame" and hasattr(data, "iloc"):
        data = data.iloc[:, 0] if data.shape[1] else []
    if hasattr(data, "tolist"):
        data = data.tolist()
    elif isinstance(data, (str, bytes)) or not hasattr(data, "__iter__"):
        data = [data]
    values = []
    for item in data:
        try:
            values.append(float(item))
        except (TypeError, ValueError):
            raise errors.StreamlitAPIException(
                "Only numeric values are supported for chart data sequence. The value "
                f"'{item}' is of type {type(item)} and cannot be converted to float."
            ) from None
    return values


_W, _H = 100.0, 24.0


def _sparkline(series: list[float], chart_type: str, color: str) -> str:
    """A small SVG of the series, as wide as the metric, in `color`."""
    low, high = min(series), max(series)
    span = (high - low) or 1.0
    count = len(series)

    def y(value: float) -> float:
        return round(_H - (value - low) / span * (_H - 2) - 1, 2)

    if chart_type == "bar":
        slot = _W / count
        base = y(max(low, 0.0)) if low < 0 < high else _H
        shapes = "".join(
            f"<rect x='{round(i * slot + slot * 0.1, 2)}' y='{min(y(v), base)}' width='{round(slot * 0.8, 2)}' "
            f"height='{max(round(abs(base - y(v)), 2), 0.5)}'/>"
            for i, v in enumerate(series)
        )
        body = f"<g fill='{color}'>{shapes}</g>"
    else:
        step = _W / max(count - 1, 1)
        points = " ".join(f"{round(i * step, 2)},{y(v)}" for i, v in enumerate(series))
        line = (
            f"<polyline points='{points}' fill='none' stroke='{color}' stroke-width='1.5' "
            "vector-effect='non-scaling-stroke'/>"
        )
        area = f"<polygon points='0,{_H} {points} {_W if count > 1 else 0},{_H}' fill='{color}' fill-opacity='0.2'/>"
        body = (area if chart_type == "area" else "") + line
    return (
        f"<svg class='nbfrag-metric-chart' viewBox='0 0 {_W:g} {_H:g}' preserveAspectRatio='none' "
        f"role='img' aria-label='trend of {count} values' style='display:block;width:100%;height:2.5em;"
        f"margin-top:0.25em'>{body}</svg>"
    )


_BLOCKS = "▁▂▃▄▅▆▇█"


def _blocks(series: list[float]) -> str:
    """The series as block characters, for the text form."""
    low, high = min(series), max(series)
    span = (high - low) or 1.0
    return "".join(_BLOCKS[round((v - low) / span * (len(_BLOCKS) - 1))] for v in series)
