"""Table-like data as the notebook shows it: `st.table` draws through here, and `st.dataframe`
and `st.data_editor` convert their data with `to_frame`.

Data is turned into a pandas object as Streamlit turns it (a dict of scalars is a key/value
table, a list of scalars one column named "value"), then shown with the frontend's own
DataFrame rendering: the DataFrame's mimebundle (escaped HTML and text) in a reused `Output`
widget. Only when a display option changes the table (hidden index or header, a placeholder
for missing values, an accessible name) is the bundle built here with pandas' `to_html` and
`to_string`, with escaping on. HTML pandas does not escape (a Styler's cells) or that an
object renders itself is sanitised (`safe_bundle`). pandas is imported only when the data needs it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import errors
from .._runtime.markdown import escape
from .base import ADDRESS, display_output, has_rich_repr, mimebundle, place_outputs
from .sanitize import safe_bundle

_PANDAS_TYPES = ("DataFrame", "Series", "Index", "Styler")


@dataclass(frozen=True)
class TableView:
    """How a table is shown. None for `hide_index`/`hide_header` means Streamlit's automatic
    choice (see `auto_view`); `size` is the Output widget's CSS width and height."""

    hide_index: bool | None = False
    hide_header: bool | None = False
    column_order: Any = None
    placeholder: str | None = None
    alt: str | None = None
    size: tuple[str | None, str | None] = (None, None)


def place_table(kind: str, data: Any, view: TableView) -> None:
    """Draw `data` as a table element of this `kind`."""
    frame = to_frame(data, kind)
    if frame is None:  # not convertible, but renders itself (polars without pandas, ...)
        bundle, metadata = mimebundle(data)
        text = str(bundle.get("text/plain", ""))
    else:
        if view.column_order is not None and type(frame).__name__ == "DataFrame":
            frame = frame[[c for c in view.column_order if c in frame.columns]]
        bundle, metadata = _frame_bundle(frame, auto_view(data, frame, view))
        shown: Any = getattr(frame, "data", None)  # a Styler's DataFrame: its text, not its repr
        text = str(shown.to_string()) if hasattr(shown, "to_string") else str(bundle["text/plain"])
    text = ADDRESS.sub("", text)  # a default repr's address changes every run
    bundle = safe_bundle(bundle, frame if frame is not None else data)
    place_outputs(kind, [display_output(bundle, metadata)], text, data, size=view.size)


def auto_view(data: Any, frame: Any, view: TableView) -> TableView:
    """`view` with Streamlit's automatic choices made: the index is hidden when it is the
    default 0, 1, 2... (a `RangeIndex`), the header when the data named no columns (a dict of
    scalars, lists of values or rows, numpy arrays, sets and tuples)."""
    hide_index, hide_header = view.hide_index, view.hide_header
    if hide_index is None:
        shown = getattr(frame, "data", frame)  # a Styler's DataFrame
        hide_index = type(getattr(shown, "index", None)).__name__ == "RangeIndex"
    if hide_header is None:
        hide_header = _unnamed_columns(data)
    return TableView(hide_index, hide_header, view.column_order, view.placeholder, view.alt, view.size)


def _unnamed_columns(data: Any) -> bool:
    """Whether Streamlit calls this data's format one without user-defined column names:
    arrays, a dict of scalars, and lists, tuples or sets of values or of rows."""
    module, name = type(data).__module__.split(".")[0], type(data).__name__
    if module == "numpy" or (module == "pandas" and name not in _PANDAS_TYPES):
        return True
    if module == "pyarrow":
        return name.endswith("Array")
    if isinstance(data, Mapping):
        first = next(iter(data.values()), None)
        return not data or not (isinstance(first, (dict, list, tuple)) or type(first).__name__ == "Series")
    if isinstance(data, (list, tuple, set, frozenset)):
        from pandas.api.types import infer_dtype

        if infer_dtype(list(data), skipna=True) not in ("mixed", "unknown-array"):
            return True  # values
        return isinstance(next(iter(data)), (list, tuple, set, frozenset))  # rows, not records
    return False


def _frame_bundle(frame: Any, view: TableView) -> tuple[dict[str, Any], dict[str, Any]]:
    """The mimebundle of a pandas object: the notebook's own, or built with `view`'s options."""
    if not (view.hide_index or view.hide_header or view.placeholder is not None or view.alt):
        return mimebundle(frame)
    if hasattr(frame, "hide") and hasattr(frame, "data"):  # a Styler
        styler = frame
        if view.hide_index:
            styler = styler.hide(axis="index")
        if view.hide_header:
            styler = styler.hide(axis="columns")
        if view.placeholder is not None:
            styler = styler.format(na_rep=view.placeholder)
        bundle, metadata = mimebundle(styler)
        return _named(bundle, view.alt), metadata
    import pandas as pd

    if isinstance(frame, (pd.Series, pd.Index)):
        frame = _value_column(frame.to_frame())
    rows = pd.get_option("display.max_rows")
    options: dict[str, Any] = {"index": not view.hide_index, "header": not view.hide_header, "max_rows": rows}
    if view.placeholder is not None:
        options["na_rep"] = view.placeholder
    bundle = {
        "text/plain": frame.to_string(**options),
        "text/html": frame.to_html(notebook=True, escape=True, **options),
    }
    return _named(bundle, view.alt), {}


def _named(bundle: dict[str, Any], alt: str | None) -> dict[str, Any]:
    """The bundle with `alt` as its table's accessible name (`aria-label`)."""
    html = bundle.get("text/html")
    if not alt or not isinstance(html, str) or "<table" not in html:
        return bundle
    return {**bundle, "text/html": html.replace("<table", f'<table aria-label="{escape(alt)}"', 1)}


def to_frame(data: Any, kind: str = "dataframe") -> Any:
    """pandas data as it is; other table-like data converted to a DataFrame as Streamlit
    converts it; None when `data` is not table-like but renders itself (`_repr_html_`)."""
    module = type(data).__module__.split(".")[0]
    if module == "pandas" and type(data).__name__ in _PANDAS_TYPES:
        return data
    if isinstance(data, Mapping) and _unnamed_columns(data) and data:  # {key: value}: one row each
        return _value_column(_pandas(kind, data).DataFrame.from_dict(dict(data), orient="index"))
    if data is None or isinstance(data, (Mapping, list, tuple)) or module == "numpy":
        return _value_column(_pandas(kind, data).DataFrame(data))
    if callable(getattr(data, "to_pandas", None)):
        return data.to_pandas()
    if callable(getattr(data, "__dataframe__", None)):  # the DataFrame interchange protocol
        return _pandas(kind, data).api.interchange.from_dataframe(data)
    if has_rich_repr(data):
        return None
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return _value_column(_pandas(kind, data).DataFrame(list(data)))
    raise errors.StreamlitAPIException(
        f"st.{kind} cannot display an object of type {type(data).__name__}. Pass a pandas "
        "DataFrame or Series, a numpy array, a dict or list of rows/columns, or an object "
        "with `to_pandas()` or `_repr_html_()`."
    )


def _value_column(frame: Any) -> Any:
    """A single unnamed column (pandas calls it 0) is called "value", as Streamlit calls it."""
    if len(frame.columns) == 1 and frame.columns[0] == 0:
        return frame.rename(columns={0: "value"})
    return frame


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
