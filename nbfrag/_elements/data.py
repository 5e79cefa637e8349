"""Data elements: `st.json`, `st.metric`, `st.dataframe`, `st.table`.

`json` and `metric` are HTML rendered and escaped here (their keys, values and labels are
often what a visitor entered). Tables go through the frontend's own rendering: the kernel
computes the DataFrame's mimebundle (its escaped HTML table and its text) and puts it in a
reused `Output` widget, so JupyterLab, Notebook 7 and Voila show it as they show any
DataFrame. pandas is imported only when the data needs converting to a DataFrame.
"""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

from .. import errors
from .._runtime.markdown import escape, inline_markdown_html
from .._widgets.types import LabelVisibility, check_label_visibility
from .base import (
    display_output,
    has_rich_repr,
    mimebundle,
    place_html,
    place_outputs,
)
from .code import highlight
from .sanitize import safe_bundle

# -- st.json --------------------------------------------------------------------------------


def json(body: Any, *, expanded: bool | int = True, width: Any = None) -> None:
    """Display an object or a JSON string as pretty-printed, highlighted JSON.

    Parameters
    ----------
    body : object or str
        A dict, list, tuple, namedtuple or other JSON-serializable object, or a string of JSON
        (parsed first: invalid JSON raises `StreamlitAPIException`). Sets become sorted lists,
        other values JSON cannot hold their `str()`, and keys JSON cannot have are left out.
    expanded : bool or int, default True
        True, or any int but 0, shows the whole value. False or 0 shows it collapsed behind a
        one-line summary such as "{ 3 keys }" that opens on a click.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `expanded` is all or nothing: an int does not open that many levels, and nodes cannot be
      folded one by one.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.json({"name": "fern", "needs": ["shade", "water"]})
    >>> st.json('{"collapsed": true}', expanded=False)
    """
    text = json_text(body)
    html = highlight(text, "json")
    if expanded is False or (not isinstance(expanded, bool) and expanded == 0):
        html = f"<details><summary style='cursor:pointer'>{escape(_summary(text))}</summary>{html}</details>"
    place_html("json", f"<div class='nbfrag-json-block'>{html}</div>", text, body)


def json_text(body: Any) -> str:
    """Pretty JSON for `body`; a string is parsed as JSON first. Deterministic: sets sorted."""
    if isinstance(body, str):
        try:
            body = _json.loads(body)
        except ValueError as exc:
            raise errors.StreamlitAPIException(
                f"st.json received a string that is not valid JSON ({exc}). Pass a JSON "
                "string, or the object itself (dict, list, ...)."
            ) from None
    if isinstance(body, tuple) and hasattr(body, "_asdict"):  # a namedtuple: an object
        body = body._asdict()
    try:
        return _json.dumps(body, indent=2, ensure_ascii=False, default=_jsonable)
    except TypeError:  # keys JSON cannot have (tuples...): left out, as Streamlit does
        return _json.dumps(body, indent=2, ensure_ascii=False, default=_jsonable, skipkeys=True)


def _jsonable(value: Any) -> Any:
    """What JSON cannot encode: sets as (sorted) lists, namedtuples as objects, else `str`."""
    if isinstance(value, (set, frozenset)):
        try:
            return sorted(value)
        except TypeError:
            return sorted(value, key=repr)
    if isinstance(value, Mapping):
        return dict(value)
    if hasattr(value, "_asdict"):
        return value._asdict()
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return value.tolist()
    return str(value)


def _summary(text: str) -> str:
    first = text.lstrip()[:1]
    if first in "{[":
        count = len(_json.loads(text))
        unit = "key" if first == "{" else "item"
        return f"{first} {count} {unit}{'s' if count != 1 else ''} {'}' if first == '{' else ']'}"
    return text


# -- st.metric ------------------------------------------------------------------------------

DeltaColor: TypeAlias = Literal["normal", "inverse", "off"]
_DELTA_COLORS: dict[str, tuple[str, str]] = {  # (up, down)
    "normal": ("#09ab3b", "#ff2b2b"),
    "inverse": ("#ff2b2b", "#09ab3b"),
    "off": ("gray", "gray"),
}


def metric(
    label: Any,
    value: Any,
    delta: Any = None,
    delta_color: DeltaColor = "normal",
    *,
    help: str | None = None,
    label_visibility: LabelVisibility = "visible",
    border: bool = False,
    width: Any = None,
    height: Any = None,
) -> None:
    """Display a metric: a label, a value in large type, and optionally its change.

    Parameters
    ----------
    label : str
        What is measured; inline Markdown is rendered.
    value : int, float, str or None
        The value, shown large; None shows "—". Other types raise `TypeError` (numpy numbers
        are accepted).
    delta : int, float, str or None, optional
        The change, shown under the value with an arrow: down when it starts with "-", up
        otherwise.
    delta_color : {"normal", "inverse", "off"}, default "normal"
        "normal" shows increases green and decreases red, "inverse" the other way round, "off"
        both grey. Other values raise `StreamlitAPIException`.
    help : str, optional
        A tooltip on the metric.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        "hidden" keeps the label's space empty, "collapsed" removes it.
    border : bool, default False
        Draw a border around the metric.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the metric spans its container.
    height : "content", "stretch" or int, optional
        Accepted for compatibility and ignored: the metric is as tall as its content.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `help` is the browser's plain tooltip; `width` and `height` are ignored; there is no
      sparkline (`chart_data`).
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.metric("Temperature", "21.5 °C", "-1.2 °C")
    >>> st.metric("Failed sensors", 3, -2, delta_color="inverse", border=True)
    """
    value_text = _metric_part(value, "value", none="—")
    delta_text = _metric_part(delta, "delta", none="")
    if delta_color not in _DELTA_COLORS:
        raise errors.StreamlitAPIException(
            f"'{delta_color}' is not an accepted value. delta_color only accepts: "
            "'normal', 'inverse', or 'off'"
        )
    check_label_visibility(label_visibility)
    label_text = str(label)
    negative = delta_text.lstrip().startswith("-")
    signed = delta_text if not delta_text or negative or delta_text.startswith("+") else f"+{delta_text}"
    text = f"{label_text}: {value_text}" + (f" ({signed})" if delta_text else "")

    label_style = {"visible": "", "hidden": "visibility:hidden;", "collapsed": "display:none;"}[label_visibility]
    label_html = inline_markdown_html(label_text)
    title = f" title='{escape(help)}'" if help else ""
    delta_html = ""
    if delta_text:
        up, down = _DELTA_COLORS[delta_color]
        arrow = "↓" if negative else "↑"
        delta_html = (
            f"<div class='nbfrag-metric-delta' style='color:{down if negative else up}'>"
            f"{arrow} {escape(delta_text)}</div>"
        )
    frame_style = "border:1px solid var(--jp-border-color1,#ccc);border-radius:0.5em;padding:0.75em;" if border else ""
    html = (
        f"<div class='nbfrag-metric' style='{frame_style}'{title}>"
        f"<div class='nbfrag-metric-label' style='{label_style}font-size:0.875em'>{label_html}</div>"
        f"<div class='nbfrag-metric-value' style='font-size:2.25em;line-height:1.2'>{escape(value_text)}</div>"
        f"{delta_html}</div>"
    )
    place_html("metric", html, text, value)


def _metric_part(part: Any, name: str, *, none: str) -> str:
    """Streamlit's accepted types for a metric's value and delta: int, float, str or None."""
    if part is None:
        return none
    if isinstance(part, str):
        return part or none
    if isinstance(part, (int, float)) and not isinstance(part, bool):
        return str(part)
    if hasattr(part, "item") and type(part).__module__ == "numpy":  # numpy scalars
        return str(part.item())
    raise TypeError(
        f"'{part}' is of type {type(part)}, which is not an accepted type. {name} only accepts: "
        "int, float, str, or None. Please convert the value to an accepted type."
    )


# -- st.dataframe / st.table ----------------------------------------------------------------


def dataframe(
    data: Any = None,
    width: Any = None,
    height: int | None = None,
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Any = None,
    column_config: Any = None,
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = "multi-row",
    row_height: int | None = None,
) -> None:
    """Display a table of data the way the notebook shows DataFrames.

    Parameters
    ----------
    data : table-like, optional
        A pandas DataFrame, Series, Index or Styler; a numpy array, dict or list (converted with
        pandas); an object with `to_pandas()` or the `__dataframe__` interchange protocol
        (polars, pyarrow...); another iterable of rows; or an object that renders itself with
        `_repr_html_`. Anything else raises `StreamlitAPIException`. HTML that pandas does not
        escape (a Styler's cells) or that an object renders itself is sanitised: scripts, event
        handlers and `javascript:` links are removed, a Styler keeps its own styles.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the table takes the width its content needs.
    height : int or str, optional
        Accepted for compatibility and ignored: the table is as long as pandas' display options
        (`display.max_rows`) make it.
    use_container_width : bool, optional
        Accepted for compatibility and ignored, as `width`.
    hide_index : bool, optional
        True leaves the index out.
    column_order : iterable of str, optional
        The columns to show, in this order; the others are hidden and unknown names skipped.
        Only applies to DataFrames.
    column_config : dict, optional
        Accepted for compatibility and ignored: a static table has no column types or editors.
    key : str, optional
        Accepted for compatibility and ignored: the table keeps no selection state.
    on_select : "ignore" or None, default "ignore"
        Rows cannot be selected, so anything but "ignore" or None (such as "rerun" or a
        callback) raises `StreamlitAPIException`.
    selection_mode : str or iterable of str, default "multi-row"
        Accepted for compatibility and ignored (no selections).
    row_height : int, optional
        Accepted for compatibility and ignored: rows are as tall as the notebook's table style.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, or the selection state with `on_select`).

    Differences from Streamlit
    --------------------------
    * The notebook's static HTML table (truncated by pandas' `display.max_rows`), not
      Streamlit's interactive grid: no sorting, resizing, search, `column_config` or
      selections. Only `data`, `hide_index` and `column_order` are honoured.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import pandas as pd
    >>> import nbfrag as st
    >>> plants = pd.DataFrame({"plant": ["fern", "cactus"], "water_ml": [250, 40]})
    >>> st.dataframe(plants, hide_index=True)
    """
    if on_select not in ("ignore", None):
        raise errors.StreamlitAPIException(
            "nbfrag's st.dataframe does not support selections: drop on_select (or pass "
            "on_select='ignore') and use a widget such as st.multiselect to choose rows."
        )
    _place_table("dataframe", data, hide_index=bool(hide_index), column_order=column_order)


def table(data: Any = None, *, border: Any = True) -> None:
    """Display a static table (the same data types as `st.dataframe`).

    Parameters
    ----------
    data : table-like, optional
        A pandas DataFrame, Series, Index or Styler; a numpy array, dict or list (converted with
        pandas); an object with `to_pandas()` or the `__dataframe__` interchange protocol
        (polars, pyarrow...); another iterable of rows; or an object that renders itself with
        `_repr_html_`. Anything else raises `StreamlitAPIException`. HTML that pandas does not
        escape (a Styler's cells) or that an object renders itself is sanitised: scripts, event
        handlers and `javascript:` links are removed, a Styler keeps its own styles.
    border : bool or str, default True
        Accepted for compatibility and ignored: the table has the notebook's table style.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Rendered as `st.dataframe` renders: a long table is truncated by pandas'
      `display.max_rows` (Streamlit's table shows every row); `border` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.table({"plant": ["fern", "cactus"], "water_ml": [250, 40]})
    """
    _place_table("table", data, hide_index=False, column_order=None)


def _place_table(kind: str, data: Any, *, hide_index: bool, column_order: Any) -> None:
    frame = to_frame(data, kind)
    if frame is None:  # not convertible, but renders itself (polars without pandas, ...)
        bundle, metadata = mimebundle(data)
        text = str(bundle.get("text/plain", ""))
    else:
        if column_order is not None and type(frame).__name__ == "DataFrame":
            frame = frame[[c for c in column_order if c in frame.columns]]
        bundle, metadata = _frame_bundle(frame, hide_index)
        text = str(bundle["text/plain"])
    bundle = safe_bundle(bundle, frame if frame is not None else data)
    place_outputs(kind, [display_output(bundle, metadata)], text, data)


def _frame_bundle(frame: Any, hide_index: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mimebundle the notebook shows for a DataFrame; without its index if asked."""
    if not hide_index or not hasattr(frame, "to_html"):
        return mimebundle(frame)
    if hasattr(frame, "hide") and hasattr(frame, "data"):  # a Styler (`hide` keeps its uuid)
        return mimebundle(frame.hide(axis="index"))
    import pandas as pd

    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    rows = pd.get_option("display.max_rows")
    return {
        "text/plain": frame.to_string(index=False, max_rows=rows),
        "text/html": frame.to_html(index=False, notebook=True, max_rows=rows, escape=True),
    }, {}


_PANDAS_TYPES = ("DataFrame", "Series", "Index", "Styler")


def to_frame(data: Any, kind: str = "dataframe") -> Any:
    """pandas data as it is; other table-like data converted to a DataFrame; None when `data`
    is not table-like but renders itself (`_repr_html_`)."""
    module = type(data).__module__.split(".")[0]
    if module == "pandas" and type(data).__name__ in _PANDAS_TYPES:
        return data
    if data is None or isinstance(data, (Mapping, list, tuple)) or module == "numpy":
        return _pandas(kind, data).DataFrame(data)
    if callable(getattr(data, "to_pandas", None)):
        return data.to_pandas()
    if callable(getattr(data, "__dataframe__", None)):  # the DataFrame interchange protocol
        return _pandas(kind, data).api.interchange.from_dataframe(data)
    if has_rich_repr(data):
        return None
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return _pandas(kind, data).DataFrame(list(data))
    raise errors.StreamlitAPIException(
        f"st.{kind} cannot display an object of type {type(data).__name__}. Pass a pandas "
        "DataFrame or Series, a numpy array, a dict or list of rows/columns, or an object "
        "with `to_pandas()` or `_repr_html_()`."
    )


def _pandas(kind: str, data: Any) -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            f"st.{kind} needs pandas to show a {type(data).__name__}: `pip install pandas` "
            "(or pass an object that renders itself with `_repr_html_()`)."
        ) from None
    return pandas


def is_dataframe_like(obj: Any) -> bool:
    """What `st.write` shows with `st.dataframe` (Streamlit's rule): pandas objects, numpy
    arrays, and objects that convert with `to_pandas()` or the interchange protocol."""
    module = type(obj).__module__.split(".")[0]
    if module == "pandas" and type(obj).__name__ in _PANDAS_TYPES:
        return True
    if module == "numpy" and type(obj).__name__ == "ndarray":
        return True
    return callable(getattr(obj, "to_pandas", None)) or callable(getattr(obj, "__dataframe__", None))
