"""The Vega-Lite spec of a built-in chart, from its prepared data (spec items 89-96): encodings
and their types, axis titles, colour and size, stacking, sorting, tooltips, the line chart's
hover points and pan/zoom. Written as the dict Altair would produce, without needing Altair.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal, TypeAlias

from ... import errors
from .prepare import (
    COLOR_TITLE,
    INDEX,
    INDEX_TITLE,
    MELTED_COLOR,
    MELTED_Y,
    NO_COLUMN,
    VALUE_TITLE,
    Prepared,
    css_color,
    is_color,
    is_named_color,
)

Mark: TypeAlias = Literal["line", "area", "bar", "circle"]
Stack: TypeAlias = "bool | Literal['normalize', 'center', 'layered'] | None"
STACKS = (None, True, False, "normalize", "center", "layered")
COLOR_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
# Above this many rows the line chart's hover is throttled to one event per 16 ms.
LARGE = 1000


def check_stack(stack: Any) -> None:
    if not any(stack is s or (isinstance(s, str) and stack == s) for s in STACKS):
        raise errors.StreamlitValueError("stack", ["True", "False", "'normalize'", "'center'", "'layered'", "None"])


def chart_spec(
    mark: Mark,
    data: Prepared,
    *,
    x_label: str | None = None,
    y_label: str | None = None,
    stack: Stack = None,
    sort: bool | str = True,
    horizontal: bool = False,
) -> dict[str, Any]:
    """The spec (without `$schema`, size and theme: see `publish`) of one built-in chart."""
    frame = data.frame
    bar = mark == "bar"
    x_enc = _axis(data, data.x, data.x_given, x_label, "x", bar and not horizontal, grid=bar and horizontal)
    y_enc = _axis(data, data.y, data.y_given, y_label, "y", bar and horizontal, grid=not (bar and horizontal))
    if horizontal:  # item 93: the x encoding carries the y column, and the other way round
        x_enc = _axis(data, data.y, data.y_given, y_label, "y", False, grid=True)
        y_enc = _axis(data, data.x, data.x_given, x_label, "x", True, grid=False)
    stacked, sorted_ = (x_enc, y_enc) if horizontal else (y_enc, x_enc)
    if stack is not None:
        stacked["stack"] = False if stack == "layered" else stack
    if bar:
        if sort is False:
            sorted_["sort"] = None
        elif sort is not True:
            order = "descending" if str(sort).startswith("-") else "ascending"
            sorted_["sort"] = {"field": data.sort, "order": order}
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    if bar and stack is False and data.color is not None:
        encoding["yOffset" if horizontal else "xOffset"] = {"field": data.color}
    if data.color is not None and (mark == "area" or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color = _color(data)
    if color is not None:
        encoding["color"] = color
    size = _size(mark, data)
    if size is not None:
        encoding["size"] = size
    if data.x is not None and data.y is not None:
        encoding["tooltip"] = _tooltip(data, color)
    pan_zoom = {"name": "pan_zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}
    if mark == "line" and data.x is not None:  # item 94: hover points on the nearest x
        hover = {
            "name": "hover",
            "select": {
                "type": "point",
                "nearest": True,
                "on": "mousemove{16}" if len(frame) > LARGE else "mousemove",
                "fields": [data.x],
                "clear": "mouseleave",
            },
        }
        return {
            "layer": [
                {"mark": {"type": "line"}, "encoding": encoding, "params": [pan_zoom]},
                {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "params": [hover]},
                {
                    "mark": {"type": "point", "filled": True, "size": 65},
                    "encoding": encoding,
                    "transform": [{"filter": {"param": "hover", "empty": False}}],
                },
            ],
            "config": {"legend": {"symbolType": "stroke"}},
        }
    return {"mark": {"type": mark}, "encoding": encoding, "params": [pan_zoom]}


def infer_type(series: Any) -> str:
    """The Vega-Lite type of a column, from pandas' `infer_dtype` (as Altair does)."""
    from pandas.api.types import infer_dtype

    kind = infer_dtype(series)
    if kind in ("floating", "mixed-integer-float", "integer", "mixed-integer", "complex"):
        return "quantitative"
    if kind == "categorical" and series.cat.ordered:
        return "ordinal"
    if kind in ("datetime", "datetime64", "timedelta", "timedelta64", "date", "time", "period"):
        return "temporal"
    return "nominal"


def _is_dates(series: Any) -> bool:
    return bool(series.size) and isinstance(series.iloc[0], datetime.date)


def _axis(
    data: Prepared, column: str | None, given: bool, label: str | None, role: str, discrete: bool, *, grid: bool
) -> dict[str, Any]:
    """One positional encoding: field, title, type, scale and axis."""
    frame = data.frame
    if column is None:
        name, title, kind = NO_COLUMN, "", "quantitative"
    else:
        name = column
        generated = column == (INDEX if role == "x" else MELTED_Y)
        title = "" if generated or not given else data.title(column)
        kind = "ordinal" if discrete and not _is_dates(frame[column]) else infer_type(frame[column])
    if label is not None:
        title = label
    axis: dict[str, Any] = {"grid": grid}
    if column is not None:
        from pandas.api.types import is_integer_dtype

        if is_integer_dtype(frame[column]):
            axis["tickMinStep"] = 1
    return {"field": name, "type": kind, "title": title, "scale": {}, "axis": axis}


def _color(data: Prepared) -> dict[str, Any] | None:
    """The colour encoding (items 91-92): a constant, one colour per y column, or a column."""
    value, columns = data.color_value, data.y_columns
    if value is not None and not (isinstance(value, (list, tuple)) and len(value) == 0):
        if is_color(value) or is_named_color(value):
            if len(columns) != 1:
                raise _length_mismatch([value], columns)
            return {"value": css_color(value)}
        if isinstance(value, (list, tuple)):
            if len(value) != len(columns):
                raise _length_mismatch(list(value), columns)
            for item in value:
                if not (is_color(item) or is_named_color(item)):
                    raise _invalid_color(value)
            if len(value) == 1:
                return {"value": css_color(value[0])}
            encoding: dict[str, Any] = {"type": "nominal", "title": " ", "legend": dict(COLOR_LEGEND)}
            if data.color is not None:
                encoding["field"] = data.color
            encoding["scale"] = {"domain": list(columns), "range": [css_color(c) for c in value]}
            return encoding
        raise _invalid_color(value)
    if data.color is None:
        return None
    column = data.frame[data.color]
    melted = data.color == MELTED_COLOR
    encoding = {
        "field": data.color,
        "type": "nominal" if melted else infer_type(column),
        "legend": dict(COLOR_LEGEND),
    }
    if melted:
        encoding["title"] = " "
    else:
        if data.color in data.aliases:
            encoding["title"] = data.aliases[data.color]
        if len(column) and is_color(column.iloc[0]):  # the values are colours: drawn as they are
            encoding["scale"] = {"range": [css_color(c) for c in column.unique()]}
            encoding["legend"] = None
    return encoding


def _length_mismatch(colors: list[Any], columns: list[str]) -> errors.StreamlitAPIException:
    return errors.StreamlitAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns to be colored `{columns}`."
    )


def _invalid_color(value: Any) -> errors.StreamlitAPIException:
    return errors.StreamlitAPIException(
        f"This does not look like a valid color argument: `{value}`.\n\n"
        "The color argument can be:\n\n"
        '* A hex string like "#ffaa00" or "#ffaa0088".\n'
        "* An RGB or RGBA tuple with the red, green, blue, and alpha\n"
        "  components specified as ints from 0 to 255 or floats from 0.0 to\n"
        "  1.0.\n"
        "* The name of a column.\n"
        "* Or a list of colors, matching the number of y columns to draw."
    )


def _size(mark: Mark, data: Prepared) -> dict[str, Any] | None:
    if mark != "circle":
        return None
    if data.size is not None:
        return {"field": data.size, "type": infer_type(data.frame[data.size]), "title": data.title(data.size),
                "legend": dict(SIZE_LEGEND)}
    value = data.size_value
    if value is None:
        return {"value": 100}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"value": value}
    raise errors.StreamlitValueError("size", ["a column name", "a number"], detail=f"Got {value!r}.")


def _tooltip(data: Prepared, color: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Item 96: x, y, colour and size, with the generated columns titled plainly."""
    frame = data.frame

    def tip(name: str, title: str | None = None, kind: str | None = None) -> dict[str, Any]:
        entry = {"field": name, "type": kind or infer_type(frame[name])}
        if title is not None:
            entry["title"] = title
        elif name in data.aliases:
            entry["title"] = data.aliases[name]
        return entry

    assert data.x is not None and data.y is not None
    tips = [tip(data.x, INDEX_TITLE if data.x == INDEX else None)]
    tips.append(tip(data.y, VALUE_TITLE, "quantitative") if data.y == MELTED_Y else tip(data.y))
    if data.color is not None and (color is None or color.get("legend", True) is not None):
        tips.append(tip(data.color, COLOR_TITLE, "nominal") if data.color == MELTED_COLOR else tip(data.color))
    if data.size is not None:
        tips.append(tip(data.size))
    return tips
