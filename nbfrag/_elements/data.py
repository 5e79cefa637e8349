"""Data elements: `st.json`, `st.table` (`st.dataframe`: `dataframe.py`; `st.metric`: `metric.py`).

`json` is HTML rendered and escaped here (its keys and values are often what a visitor
entered). `st.table` goes through the frontend's own rendering of DataFrames (`frames.py`), so
JupyterLab, Notebook 7 and Voila show it as they show any DataFrame.
"""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, Literal

from .. import errors
from .._runtime.markdown import escape
from .._widgets.types import Height, Width, check_height, check_width
from .base import place_html
from .code import highlight
from .frames import TableView, place_table

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
    slot = place_html("json", f"<div class='nbfrag-json-block'>{html}</div>", text, body)
    slot.fields["value"] = body if isinstance(body, str) else _json.dumps(body, default=repr)


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


# -- st.table (st.dataframe: dataframe.py) ----------------------------------------------------------------


def table(
    data: Any = None,
    *,
    border: bool | Literal["horizontal"] = True,
    width: Width = "stretch",
    height: Height = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> None:
    """Display a static table (the same data types as `st.dataframe`).

    Parameters
    ----------
    data : table-like, optional
        A pandas DataFrame, Series, Index or Styler; a numpy array, dict or list (converted as
        Streamlit converts them: a dict of scalars is a key/value table); an object with
        `to_pandas()` or the `__dataframe__` interchange protocol (polars, pyarrow...); another
        iterable of rows; or an object that renders itself with `_repr_html_`. Anything else
        raises `StreamlitAPIException`. HTML that pandas does not escape (a Styler's cells) or
        that an object renders itself is sanitised: scripts, event handlers and `javascript:`
        links are removed, a Styler keeps its own styles.
    border : bool or "horizontal", default True
        Checked as Streamlit checks it (else `StreamlitValueError`), then ignored: the table
        has the notebook's table style.
    width : "stretch", "content" or int, default "stretch"
        A number of pixels fixes the table's width (it scrolls sideways if wider); "stretch"
        and "content" leave it as wide as its content. Other values raise
        `StreamlitInvalidWidthError`.
    height : "content", "stretch" or int, default "content"
        A number of pixels fixes the table's height (it scrolls if longer); "content" and
        "stretch" show it whole. Other values raise `StreamlitInvalidHeightError`.
    hide_index : bool, optional
        True leaves the index out, False shows it; None (the default) hides it when it is the
        default 0, 1, 2... (a `RangeIndex`), as Streamlit does.
    hide_header : bool, optional
        True leaves the column names out, False shows them; None (the default) hides them when
        the data named no columns (a dict of scalars, lists of values or rows, numpy arrays),
        as Streamlit does.
    alt : str, optional
        The table's accessible name for screen readers (`aria-label`); empty or blank is none.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Rendered as `st.dataframe` renders: a long table is truncated by pandas'
      `display.max_rows` (Streamlit's table shows every row); `border` is ignored; cells are
      plain text (Streamlit renders Markdown in them).
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.table({"plant": ["fern", "cactus"], "water_ml": [250, 40]})
    >>> st.table({"Name": "Ada", "Role": "Engineer"}, border="horizontal", width="content")
    """
    if not isinstance(border, bool) and border != "horizontal":
        raise errors.StreamlitValueError("border", ["True", "False", "'horizontal'"])
    check_width(width, allow_content=True)
    check_height(height, allow_content=True)
    view = TableView(hide_index, hide_header, None, None, _alt(alt), _size(width, height))
    place_table("table", data, view)


def _alt(alt: str | None) -> str | None:
    """An accessible name; empty and blank ones are none, as in Streamlit."""
    return alt.strip() if isinstance(alt, str) and alt.strip() else None


def _size(width: Any, height: Any) -> tuple[str | None, str | None]:
    """The Output widget's CSS width and height: only numbers of pixels fix them."""
    return (f"{width}px" if isinstance(width, int) else None, f"{height}px" if isinstance(height, int) else None)
