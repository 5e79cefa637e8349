"""The data rules of the built-in charts (spec items 88-92): which columns are x, y, colour,
size and sort; the index as x; wide data melted into long form; colour constants and columns;
Vega-Lite-safe column names. Errors are Streamlit's, word for word.

pandas is imported when a chart is drawn (an optional heavy library).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ... import errors
from ..frames import to_frame

SUFFIX = " -- streamlit-generated"
INDEX_TITLE, VALUE_TITLE, COLOR_TITLE = "index", "value", "color"
INDEX = INDEX_TITLE + SUFFIX
MELTED_Y = VALUE_TITLE + SUFFIX
MELTED_COLOR = COLOR_TITLE + SUFFIX
NO_COLUMN = "DOES_NOT_EXIST" + SUFFIX
ALIAS_PREFIX = "col" + SUFFIX + "-"
# Vega-Lite reads these in a field name as a path into nested data (item 96).
FIELD_PATH_CHARS = (".", "[", "]", "\\")
# Streamlit's built-in colour names, drawn with its light theme's colours.
NAMED_COLORS = {
    "red": "#ff4b4b",
    "orange": "#ffa421",
    "yellow": "#ffe312",
    "green": "#21c354",
    "blue": "#1c83e1",
    "violet": "#803df5",
    "gray": "#a3a8b8",
    "grey": "#a3a8b8",
    "primary": "#ff4b4b",
}
MIXED_LIMIT = 100


@dataclass
class Prepared:
    """A built-in chart's table in long form and the roles of its columns (field names, i.e.
    after aliasing; `aliases` maps an alias back to the user's column name)."""

    frame: Any
    rows: int
    x: str | None
    y: str | None
    y_columns: list[str]
    color: str | None
    color_value: Any
    size: str | None
    size_value: Any
    sort: str | None
    x_given: bool
    y_given: bool
    aliases: dict[str, str] = field(default_factory=dict)

    def title(self, name: str) -> str:
        """The user's name of a field."""
        return self.aliases.get(name, name)


def prepare(
    kind: str,
    data: Any,
    *,
    x: Any = None,
    y: Any = None,
    color: Any = None,
    size: Any = None,
    sort: bool | str = False,
) -> Prepared:
    """Apply Streamlit's data rules for chart `kind` ("line_chart", ...) to `data`."""
    frame = as_frame(kind, data)
    rows = len(frame)
    x_column = _parse_x(frame, x)
    y_columns = _parse_y(frame, y, x_column)
    color_column, color_value = _column_or_value(frame, color)
    size_column, size_value = _column_or_value(frame, size)
    sort_column = _parse_sort(frame, sort)

    if x_column is None and y_columns:  # item 89: the index becomes the x column
        name = INDEX if frame.index.name is None else str(frame.index.name)
        frame.index.name = name
        frame = frame.reset_index()
        x_column = name
    roles = (x_column, color_column, size_column, sort_column, *y_columns)
    keep = list(dict.fromkeys(c for c in roles if c is not None))
    frame = frame[keep]
    if color_column is not None and len(frame) and is_color_tuple(frame[color_column].iloc[0]):
        frame[color_column] = frame[color_column].map(css_color)

    names = [str(c) for c in frame.columns]
    reserved = {n for n in names if not needs_alias(n)}
    aliases: dict[str, str] = {}
    renamed: dict[str, list[str]] = {}
    final: list[str] = []
    for index, name in enumerate(names):
        if needs_alias(name):
            alias, counter = f"{ALIAS_PREFIX}{index}", 0
            while alias in reserved or alias in aliases:
                counter += 1
                alias = f"{ALIAS_PREFIX}{index}-{counter}"
            aliases[alias] = name
            renamed.setdefault(name, []).append(alias)
            final.append(alias)
        else:
            final.append(name)
    frame.columns = final
    first = {name: found[0] for name, found in renamed.items()}

    def field_of(name: Any) -> str | None:
        return None if name is None else first.get(str(name), str(name))

    y_fields = [renamed[str(c)].pop(0) if renamed.get(str(c)) else field_of(c) or "" for c in y_columns]
    x_column, color_column = field_of(x_column), field_of(color_column)
    size_column, sort_column = field_of(size_column), field_of(sort_column)

    y_column: str | None = y_fields[0] if len(y_fields) == 1 else None
    if len(y_fields) > 1 and x_column is not None:  # item 90: wide data to long form
        frame = _melt(frame, [c for c in dict.fromkeys((x_column, size_column, sort_column)) if c], y_fields)
        if aliases:
            frame[MELTED_COLOR] = frame[MELTED_COLOR].map(lambda v: aliases.get(v, v))
        y_column, color_column = MELTED_Y, MELTED_COLOR
    return Prepared(
        frame=frame,
        rows=rows,
        x=x_column,
        y=y_column,
        y_columns=[aliases.get(c, c) for c in y_fields],
        color=color_column,
        color_value=color_value,
        size=size_column,
        size_value=size_value,
        sort=sort_column,
        x_given=x is not None,
        y_given=y is not None,
        aliases=aliases,
    )


def as_frame(kind: str, data: Any) -> Any:
    """The chart's data as a new pandas DataFrame (None is an empty one)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    frame = to_frame(data, kind)
    if frame is None:
        raise errors.StreamlitAPIException(
            f"st.{kind} cannot draw an object of type {type(data).__name__}. Pass a pandas DataFrame "
            "or Series, a numpy array, a dict of columns or a list of rows."
        )
    if type(frame).__name__ == "Styler":
        frame = frame.data
    if isinstance(frame, (pd.Series, pd.Index)):
        frame = frame.to_frame()
    return frame.copy()


def needs_alias(name: str) -> bool:
    return any(ch in name for ch in FIELD_PATH_CHARS)


def _missing(frame: Any, name: str) -> errors.StreamlitAPIException:
    available = ", ".join(str(c) for c in frame.columns)
    return errors.StreamlitAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
    )


def _parse_x(frame: Any, x: Any) -> str | None:
    if x is None:
        return None
    if isinstance(x, str):
        if x not in frame.columns:
            raise _missing(frame, x)
        return x
    raise errors.StreamlitInvalidParameterTypeError(
        "x", type(x).__name__, ["str", "None"], detail="Pass a column name or None to use the dataframe's index."
    )


def _parse_y(frame: Any, y: Any, x_column: str | None) -> list[str]:
    if y is None:
        columns = list(frame.columns)
    elif isinstance(y, str):
        columns = [y]
    else:
        columns = [str(c) for c in _as_list(y)]
    for column in columns:
        if column not in frame.columns:
            raise _missing(frame, column)
    given = [] if y is None else columns
    if x_column in columns and x_column not in given:  # x drawn against itself only when asked
        columns.remove(x_column)
    return columns


def _as_list(value: Any) -> list[Any]:
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return list(value) if isinstance(value, (Sequence, set, frozenset)) or hasattr(value, "__iter__") else [value]


def _column_or_value(frame: Any, value: Any) -> tuple[str | None, Any]:
    if isinstance(value, str) and value in frame.columns:
        return value, None
    return None, value


def _parse_sort(frame: Any, sort: bool | str) -> str | None:
    if sort is True or sort is False:
        return None
    column = str(sort).removeprefix("-")
    if column not in frame.columns:
        raise _missing(frame, column)
    return column


def _melt(frame: Any, keep: list[str], melt: list[str]) -> Any:
    import pandas as pd
    from pandas.api.types import infer_dtype

    long = pd.melt(frame, id_vars=keep, value_vars=melt, var_name=MELTED_COLOR, value_name=MELTED_Y)
    values = long[MELTED_Y]
    if values.dtype == "object" and "mixed" in infer_dtype(values) and len(values.unique()) > MIXED_LIMIT:
        raise errors.StreamlitAPIException(
            "The columns used for rendering the chart contain too many values with mixed types. Please "
            "select the columns manually via the y parameter."
        )
    return long


# -- colours ------------------------------------------------------------------------------------


def is_hex_color(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("#") and value[1:].isalnum() and len(value) in (4, 5, 7, 9)


def is_color_tuple(value: Any) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) in (3, 4)
        and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in value)
    )


def is_color(value: Any) -> bool:
    """A colour value as Streamlit takes it: hex, `rgb(...)`/`rgba(...)` text, or an RGB(A) tuple."""
    return is_hex_color(value) or is_color_tuple(value) or (
        isinstance(value, str) and value.startswith(("rgb(", "rgba("))
    )


def is_named_color(value: Any) -> bool:
    return isinstance(value, str) and value.lower() in NAMED_COLORS


def css_color(value: Any) -> str:
    """A colour as CSS text Vega draws: hex and `rgb()` text as they are, tuples as `rgb()`/
    `rgba()` (float components are fractions of 255, an int alpha a fraction of 255), names as
    the theme's colour."""
    if is_named_color(value):
        return NAMED_COLORS[value.lower()]
    if isinstance(value, str):
        return value
    floats = any(isinstance(c, float) for c in value[:3]) and all(0 <= c <= 1 for c in value[:3])
    rgb = [round(c * 255) if floats else int(c) for c in value[:3]]
    if len(value) == 3:
        return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
    alpha = value[3] / 255 if isinstance(value[3], int) else value[3]
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {round(float(alpha), 4)})"
