"""Columns of an interactive table: their type, header and formatting, decided in the kernel.

`column_specs` turns a DataFrame and a `column_config` mapping into one `ColumnSpec` per shown
column (the index first, unless hidden). `ColumnSpec.cell` formats one value into what the
browser draws (a text, and for links, pictures and progress bars the URL or fraction), so the
browser only ever writes text (`textContent`) and checked URLs. `ColumnSpec.parse` checks and
converts a value a visitor entered in `st.data_editor` (untrusted) into the column's type, or
raises ValueError.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .. import errors

INDEX = "_index"
WIDTHS = {"small": 75, "medium": 200, "large": 400}
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_SAFE_IMAGE = re.compile(r"^(https?://|data:image/(png|jpeg|gif|webp);)", re.IGNORECASE)
_SPARK = "▁▂▃▄▅▆▇█"
# Moment.js tokens -> strftime (longest first).
_MOMENT = [
    ("YYYY", "%Y"),
    ("YY", "%y"),
    ("MMMM", "%B"),
    ("MMM", "%b"),
    ("MM", "%m"),
    ("M", "%-m"),
    ("DD", "%d"),
    ("D", "%-d"),
    ("dddd", "%A"),
    ("ddd", "%a"),
    ("HH", "%H"),
    ("H", "%-H"),
    ("hh", "%I"),
    ("h", "%-I"),
    ("mm", "%M"),
    ("m", "%-M"),
    ("ss", "%S"),
    ("s", "%-S"),
    ("A", "%p"),
    ("a", "%p"),
    ("Z", "%z"),
]
_MOMENT_RE = re.compile("|".join(re.escape(token) for token, _ in _MOMENT))
_NAMED_TEMPORAL = {
    "datetime": {"localized": "%b %-d, %Y, %-I:%M:%S %p", "iso8601": None, None: "%Y-%m-%d %H:%M:%S"},
    "date": {"localized": "%b %-d, %Y", "iso8601": None, None: "%Y-%m-%d"},
    "time": {"localized": "%-I:%M:%S %p", "iso8601": None, None: "%H:%M:%S"},
}
EDITABLE = {"text", "number", "checkbox", "selectbox", "link", "date", "datetime", "time", "list", "markdown"}


@dataclass
class ColumnSpec:
    """One shown column: `name` in the data (None for the index), its header and type."""

    name: Any
    label: str
    kind: str
    config: dict[str, Any] = field(default_factory=dict)
    type_config: dict[str, Any] = field(default_factory=dict)
    integer: bool = False
    is_index: bool = False

    @property
    def key(self) -> str:
        """The column's name as Streamlit reports it in selections and edits."""
        return INDEX if self.is_index else str(self.name)

    def meta(self, editable: bool) -> dict[str, Any]:
        """What the browser needs to draw the header and edit cells."""
        width = self.config.get("width")
        tc = self.type_config
        options = tc.get("options")
        if self.kind == "selectbox" and options is not None:
            options = [o if isinstance(o, Mapping) else {"value": o, "label": str(o)} for o in options]
        progress = self._progress_range() if self.kind == "progress" else None
        return {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "help": self.config.get("help") or "",
            "width": WIDTHS.get(width) if isinstance(width, str) else width if isinstance(width, int) else None,
            "align": self.config.get("alignment") or ("right" if self.kind in ("number", "progress") else "left"),
            "index": self.is_index,
            "editable": bool(
                editable and not self.is_index and self.kind in EDITABLE and not self.config.get("disabled")
            ),
            "options": _jsonable(options),
            "color": tc.get("color") if self.kind == "progress" else None,
            "range": progress,
        }

    # -- display ----------------------------------------------------------------------------
    def cell(self, value: Any, placeholder: str | None) -> dict[str, Any]:
        """The drawn cell of `value`: `{"t": text}` plus `"v"` (the raw value, for editing),
        `"href"` (a checked link), `"src"` (a checked picture) or `"p"` (a bar's fraction)."""
        if _missing(value):
            return {"t": "None" if placeholder is None else placeholder, "v": None, "na": True}
        kind = self.kind
        out: dict[str, Any] = {"t": self.text(value), "v": _jsonable(value)}
        if kind == "link" and isinstance(value, str) and _SAFE_URL.match(value):
            out["href"] = value
        elif kind == "image" and isinstance(value, str) and _SAFE_IMAGE.match(value):
            out["src"] = value
        elif kind == "progress" and isinstance(value, (int, float)):
            low, high = self._progress_range()
            out["p"] = 0.0 if high == low else min(1.0, max(0.0, (float(value) - low) / (high - low)))
        return out

    def text(self, value: Any) -> str:
        """`value` as the column shows it."""
        if _missing(value):
            return "None"
        kind, tc = self.kind, self.type_config
        if kind in ("number", "progress") and isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_number(value, tc.get("format"), self.integer)
        if kind in ("date", "datetime", "time") and hasattr(value, "strftime"):
            return format_temporal(value, kind, tc.get("format"), tc.get("timezone"))
        if kind == "checkbox":
            return "true" if bool(value) else "false"
        if kind == "link" and isinstance(value, str):
            return link_text(value, tc.get("display_text"))
        if kind == "selectbox":
            for option in tc.get("options") or []:
                if isinstance(option, Mapping) and option.get("value") == value:
                    return str(option.get("label", value))
        if kind in ("line_chart", "bar_chart", "area_chart"):
            return sparkline(value, tc.get("y_min"), tc.get("y_max"))
        if kind == "json":
            return value if isinstance(value, str) else _json.dumps(_jsonable(value), default=str)
        if kind in ("list", "multiselect") and _is_list(value):
            return ", ".join(str(v) for v in value)
        if _is_list(value):
            return str(list(value))
        return str(value)

    def _progress_range(self) -> tuple[float, float]:
        tc = self.type_config
        low = tc.get("min_value")
        high = tc.get("max_value")
        return (float(low if low is not None else 0), float(high if high is not None else (100 if self.integer else 1)))

    # -- editing (untrusted input) ------------------------------------------------------------
    def parse(self, value: Any) -> Any:
        """A visitor's entry converted to this column's type; ValueError when it does not fit."""
        if value is None or value == "":
            if self.config.get("required"):
                raise ValueError(f"column {self.key!r} requires a value")
            return None
        kind, tc = self.kind, self.type_config
        if kind == "number":
            number = _number(value)
            if self.integer or isinstance(tc.get("step"), int) and not isinstance(tc.get("step"), bool):
                if number != int(number):
                    raise ValueError("not a whole number")
                number = int(number)
            low, high = tc.get("min_value"), tc.get("max_value")
            if (low is not None and number < low) or (high is not None and number > high):
                raise ValueError(f"{number} is out of range")
            return number
        if kind == "checkbox":
            if not isinstance(value, bool):
                raise ValueError("not a boolean")
            return value
        if kind in ("date", "datetime", "time"):
            return _temporal(kind, value, tc)
        if kind == "list":
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
                raise ValueError("not a list")
            return value
        if not isinstance(value, str):
            raise ValueError("not a text")
        if kind == "selectbox":
            values = [o.get("value") if isinstance(o, Mapping) else o for o in tc.get("options") or []]
            if value not in [str(v) for v in values]:
                raise ValueError("not an option")
            return values[[str(v) for v in values].index(value)]
        if tc.get("max_chars") and len(value) > int(tc["max_chars"]):
            raise ValueError("too long")
        if tc.get("validate") and not re.search(str(tc["validate"]), value):
            raise ValueError("does not match `validate`")
        return value


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray"


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return int(number) if number == int(number) and not isinstance(value, float) else number


def _temporal(kind: str, value: Any, tc: Mapping[str, Any]) -> Any:
    wanted: type = {"date": _dt.date, "time": _dt.time, "datetime": _dt.datetime}[kind]
    if isinstance(value, (_dt.date, _dt.time)) and isinstance(value, wanted):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError("not a date/time text")
    parsed: Any
    if kind == "date":
        parsed = _dt.date.fromisoformat(value[:10])
    elif kind == "time":
        parsed = _dt.time.fromisoformat(value)
    else:
        parsed = _dt.datetime.fromisoformat(value)
    for bound, later in ((tc.get("min_value"), False), (tc.get("max_value"), True)):
        if bound is None:
            continue
        limit = type(parsed).fromisoformat(str(bound)) if kind != "date" else _dt.date.fromisoformat(str(bound)[:10])
        if (parsed > limit) if later else (parsed < limit):
            raise ValueError("out of range")
    return parsed


def _jsonable(value: Any) -> Any:
    """A value the widget's JSON can carry (numpy scalars, dates, lists...)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # numpy scalars
        return _jsonable(value.item())
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return str(value.isoformat())
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if _is_list(value):
        return [_jsonable(v) for v in value]
    return str(value)


# -- formats -----------------------------------------------------------------------------------


def format_number(value: float, fmt: str | None, integer: bool = False) -> str:
    """`value` in a NumberColumn `format`: printf-style or one of Streamlit's named formats."""
    if fmt is None or fmt == "plain":
        if isinstance(value, float) and not integer:
            return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else "None"
        return str(value)
    named = {
        "localized": lambda v: f"{v:,}" if isinstance(v, int) else f"{v:,.2f}",
        "percent": lambda v: f"{v * 100:.2f}%",
        "dollar": lambda v: f"${v:,.2f}",
        "euro": lambda v: f"€{v:,.2f}",
        "yen": lambda v: f"¥{v:,.0f}",
        "accounting": lambda v: f"({abs(v):,.2f})" if v < 0 else f"{v:,.2f}",
        "compact": _compact,
        "scientific": lambda v: f"{v:.3E}",
        "engineering": _engineering,
    }
    if fmt in named:
        return str(named[fmt](value))
    try:
        if re.search(r"%[-+ 0#]*\d*(\.\d+)?[di]", fmt):
            value = int(round(value))
        return fmt % value
    except (TypeError, ValueError):
        return str(value)


def _compact(value: float) -> str:
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.1f}".rstrip("0").rstrip(".") + suffix
    return str(value)


def _engineering(value: float) -> str:
    if value == 0:
        return "0E0"
    exponent = int(math.floor(math.log10(abs(value)) / 3) * 3)
    return f"{value / 10**exponent:.3f}E{exponent}"


def format_temporal(value: Any, kind: str, fmt: str | None, timezone: str | None = None) -> str:
    """A date, time or datetime in a Moment.js `format` (or a named one)."""
    if timezone and isinstance(value, _dt.datetime):
        try:
            zone = ZoneInfo(timezone)
            value = (
                value.replace(tzinfo=_dt.timezone.utc).astimezone(zone)
                if value.tzinfo is None
                else value.astimezone(zone)
            )
        except (KeyError, ValueError, OSError):
            pass
    named = _NAMED_TEMPORAL[kind]
    if fmt in named or fmt in ("distance", "calendar"):
        pattern = named.get(fmt if fmt in named else None)
        return str(value.isoformat() if pattern is None else value.strftime(pattern))
    pattern = _MOMENT_RE.sub(lambda m: dict(_MOMENT)[m.group(0)], str(fmt))
    return str(value.strftime(pattern))


def link_text(url: str, display_text: str | None) -> str:
    """A link's text: the URL, a fixed text, or the first group of a regex on the URL."""
    if not display_text:
        return url
    if "(" in display_text:
        try:
            found = re.search(display_text, url)
        except re.error:
            return display_text
        return found.group(1) if found and found.groups() else url
    return display_text


def sparkline(values: Any, low: Any = None, high: Any = None) -> str:
    """A text sparkline of a list of numbers."""
    if not _is_list(values):
        return str(values)
    numbers = [float(v) for v in values if isinstance(v, (int, float)) and not _missing(v)]
    if not numbers:
        return ""
    lo = float(low) if low is not None else min(numbers)
    hi = float(high) if high is not None else max(numbers)
    span = hi - lo or 1.0
    return "".join(_SPARK[min(7, max(0, int((n - lo) / span * 7.999)))] for n in numbers)


# -- from a frame and a column_config ------------------------------------------------------------


def _kind_of(series: Any) -> tuple[str, bool]:
    """A column's type from its dtype: (kind, holds whole numbers)."""
    from pandas.api import types as ptypes

    if ptypes.is_bool_dtype(series.dtype):
        return "checkbox", False
    if ptypes.is_integer_dtype(series.dtype):
        return "number", True
    if ptypes.is_numeric_dtype(series.dtype):
        return "number", False
    if ptypes.is_datetime64_any_dtype(series.dtype):
        return "datetime", False
    if isinstance(series.dtype, ptypes.CategoricalDtype):
        return "selectbox", False
    sample = series.dropna()
    first = sample.iloc[0] if len(sample) else None
    if isinstance(first, _dt.datetime):
        return "datetime", False
    if isinstance(first, _dt.date):
        return "date", False
    if isinstance(first, _dt.time):
        return "time", False
    if _is_list(first):
        return "list", False
    if isinstance(first, Mapping):
        return "json", False
    return "text", False


def normalize_config(column_config: Any) -> dict[str, dict[str, Any]]:
    """`column_config` as {name: config dict}; a str is a label, None hides the column."""
    if column_config is None:
        return {}
    if not isinstance(column_config, Mapping):
        raise errors.StreamlitAPIException(
            "column_config must be a dict mapping column names to st.column_config objects, "
            f"labels or None; got {type(column_config).__name__}."
        )
    out: dict[str, dict[str, Any]] = {}
    for name, config in column_config.items():
        if config is None:
            out[str(name)] = {"hidden": True}
        elif isinstance(config, str):
            out[str(name)] = {"label": config}
        elif isinstance(config, Mapping):
            out[str(name)] = dict(config)
        else:
            raise errors.StreamlitAPIException(
                f"column_config[{name!r}] must be an st.column_config object, a label or None; "
                f"got {type(config).__name__}."
            )
    return out


def column_specs(
    frame: Any, configs: Mapping[str, dict[str, Any]], column_order: Any, hide_index: bool | None
) -> list[ColumnSpec]:
    """The columns shown for `frame`, in order: the index (unless hidden), then the data columns
    in `column_order` (unknown names skipped) or their own order, without hidden ones."""
    specs: list[ColumnSpec] = []
    index_config = configs.get(INDEX, {})
    show_index = not (index_config.get("hidden") if hide_index is None else hide_index)
    if show_index:
        kind, integer = _kind_of(frame.index.to_series())
        kind = (index_config.get("type_config") or {}).get("type", kind)
        label = index_config.get("label") or (str(frame.index.name) if frame.index.name is not None else "")
        specs.append(
            ColumnSpec(None, label, kind, index_config, dict(index_config.get("type_config") or {}), integer, True)
        )
    names = list(frame.columns)
    if column_order is not None:
        wanted = [str(c) for c in ([column_order] if isinstance(column_order, str) else column_order)]
        by_str = {str(n): n for n in names}
        names = [by_str[c] for c in wanted if c in by_str]
    for name in names:
        config = configs.get(str(name), {})
        if config.get("hidden"):
            continue
        kind, integer = _kind_of(frame[name])
        type_config = dict(config.get("type_config") or {})
        kind = type_config.get("type", kind)
        if kind == "selectbox" and type_config.get("options") is None:
            categories = getattr(getattr(frame[name], "cat", None), "categories", None)
            type_config["options"] = list(categories) if categories is not None else []
        label = config.get("label") or str(name)
        specs.append(ColumnSpec(name, str(label), kind, config, type_config, integer))
    return specs
