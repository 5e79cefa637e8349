"""`st.dataframe`: the interactive table (js/grid.js, served a window at a time by grid.py).

Sorting happens in the kernel and reruns nothing; with `on_select="rerun"` (or a callback) a
selection is an input's value (`InputOwner`): it reruns the table's scope and is returned as
Streamlit's `DataframeState`. The page's text form (and `nbfrag.testing`'s value) is the
DataFrame itself, as pandas writes it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Literal

from .. import errors
from .._runtime.scopes import Frame
from .._widgets.base import Control, make_callback, track_value, widget_frame
from .._widgets.types import Width, css_size
from .frames import to_frame
from .grid import DEFAULT_ROW_HEIGHT, DataframeState, GridWidget, RowSource, dataframe_state
from .grid_format import ColumnSpec, column_specs, normalize_config

SELECTION_MODES = (
    "multi-cell",
    "multi-column",
    "multi-row",
    "single-cell",
    "single-column",
    "single-row",
    "single-row-required",
)
EMPTY: dict[str, list[Any]] = {"rows": [], "columns": [], "cells": []}


def prepare(
    data: Any, kind: str, column_order: Any, column_config: Any, hide_index: bool | None, *, hide_range: bool = False
) -> tuple[Any, list[ColumnSpec]]:
    """The data as a DataFrame (as Streamlit converts it) and its shown columns. Unless
    `hide_index` says, the index is hidden for data that has none of its own (lists, dicts of
    columns, numpy, polars...) and, with `hide_range`, when it is a default 0, 1, 2... index."""
    frame = to_frame(data, kind)  # (pandas missing: an ImportError with the install hint)
    if frame is None:
        raise errors.StreamlitAPIException(
            f"st.{kind} cannot show a {type(data).__name__} as a table. Pass a pandas DataFrame, a "
            "dict or list of rows/columns, a numpy array, or an object with `to_pandas()`."
        )
    frame = getattr(frame, "data", frame) if type(frame).__name__ == "Styler" else frame
    if type(frame).__name__ in ("Series", "Index"):
        frame = frame.to_frame()
        if list(frame.columns) == [0]:
            frame.columns = ["value"]
    if hide_index is None and (no_own_index(data) or (hide_range and type(frame.index).__name__ == "RangeIndex")):
        hide_index = True
    return frame, column_specs(frame, normalize_config(column_config), column_order, hide_index)


def no_own_index(data: Any) -> bool:
    """Whether Streamlit hides this data's index by default: formats whose index pandas made up."""
    module, name = type(data).__module__.split(".")[0], type(data).__name__
    if module == "pandas":
        return name not in ("DataFrame", "Series", "Styler")
    if module in ("numpy", "polars"):
        return True
    if module == "pyarrow":
        return name.endswith("Array")
    if isinstance(data, Mapping):  # columns of values, not {key: value}
        first = next(iter(data.values()), None)
        return isinstance(first, (list, tuple)) or type(first).__name__ in ("Series", "ndarray")
    return isinstance(data, (list, tuple, set, frozenset))


def grid_text(frame: Any, specs: list[ColumnSpec], placeholder: str | None = None) -> str:
    """The table as text, as pandas writes a DataFrame: past `display.max_rows` rows, the
    first and last few (`display.min_rows`) and the dimensions."""
    import pandas as pd

    names = [s.name for s in specs if not s.is_index]
    view = frame[names] if names else frame.iloc[:, :0]
    view = view.set_axis([s.label for s in specs if not s.is_index], axis=1)
    index = any(s.is_index for s in specs)
    rows = pd.get_option("display.max_rows")
    options: dict[str, Any] = {
        "index": index,
        "max_rows": rows,
        "min_rows": pd.get_option("display.min_rows"),
        "show_dimensions": "truncate",
    }
    if placeholder is not None:
        options["na_rep"] = placeholder
    if view.shape[1] == 0 and not index:
        return f"(table of {len(frame)} rows)"
    return str(view.to_string(**options))


def grid_size(width: Any, height: Any, nrows: int, row_height: int) -> tuple[str | None, int]:
    """The grid's CSS width and its height in pixels (header row included)."""
    css_width = css_size(width, "width", {"stretch": "100%", "content": "fit-content"})
    if height in ("auto", "content", "stretch"):
        shown = min(nrows, 10) if height != "content" else min(nrows, 200)
        return css_width, (max(shown, 1) + 1) * row_height + 3
    css_size(height, "height", {})
    return css_width, int(height)


def check_row_height(row_height: Any) -> int:
    if row_height is None:
        return DEFAULT_ROW_HEIGHT
    if isinstance(row_height, bool) or not isinstance(row_height, int) or row_height < 1:
        raise errors.StreamlitAPIException(f"row_height must be a positive int (pixels); got {row_height!r}.")
    return row_height


def place_grid(
    frame_: Frame,
    kind: str,
    wid: Hashable,
    frame: Any,
    specs: list[ColumnSpec],
    *,
    width: Any,
    height: Any,
    row_height: int,
    placeholder: str | None,
    alt: str | None,
    modes: list[str],
    editable: bool = False,
    num_rows: str = "fixed",
    disabled: bool = False,
    serve_rows: bool = True,
) -> Any:
    """Draw (or update) a grid of `frame` at the cursor; returns its slot."""
    css_width, px = grid_size(width, height, len(frame), row_height)
    metas = [spec.meta(editable) for spec in specs]

    def update(grid: Any) -> None:
        grid.columns = metas
        grid.height = px
        grid.row_height = row_height
        grid.selection_modes = modes
        grid.editable = editable
        grid.num_rows = num_rows
        grid.disabled = disabled
        grid.alt = alt or ""
        grid.layout.width = css_width

    def create() -> GridWidget:
        grid = GridWidget()
        grid.add_class(f"nbfrag-{kind.replace('_', '-')}")
        return grid

    shown = grid_text(frame, specs, placeholder)
    props = (repr(metas), px, row_height, tuple(modes), editable, num_rows, disabled, alt, css_width)
    slot = frame_.block.place(kind, wid, create, update, text=lambda: shown, props=props)
    if serve_rows:
        serve(slot.widget, frame, specs, placeholder)
    slot.body = frame
    slot.widget.text = shown  # its repr (a plain cell shows the grid's text)
    frame_.show(slot.widget)
    return slot


def serve(
    grid: Any, frame: Any, specs: list[ColumnSpec], placeholder: str | None, ids: list[int] | None = None
) -> None:
    """Have `grid` serve these rows, unless it already serves the same (no refetch, no flicker)."""
    old = grid.source
    if (
        old is not None
        and old.specs == specs
        and old.ids == ids
        and old.placeholder == placeholder
        and same_frame(old.frame, frame)
    ):
        return
    grid.show(RowSource(frame, specs, placeholder, ids))


def same_frame(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return bool(
            a.shape == b.shape and list(a.columns) == list(b.columns) and a.equals(b) and a.index.equals(b.index)
        )
    except (AttributeError, TypeError, ValueError):
        return False


def check_modes(selection_mode: Any) -> list[str]:
    """`selection_mode` as a list, with Streamlit's errors."""
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    bad = [m for m in modes if m not in SELECTION_MODES]
    if bad or not modes:
        raise errors.StreamlitValueError("selection_mode", [f"'{m}'" for m in SELECTION_MODES])
    for kind in ("row", "column", "cell"):
        found = [m for m in modes if m.split("-")[1] == kind]
        if len(found) > 1:
            raise errors.StreamlitIncompatibleParametersError(
                f"selection_mode='{found[1]}'",
                f"selection_mode='{found[0]}'",
                f"Only one {kind} selection mode can be specified.",
            )
    return modes


def selection_control(modes: list[str], frame: Any, specs: list[ColumnSpec], grid: Any) -> Control[DataframeState]:
    """How a selection maps between the grid's `selection` trait and a `DataframeState`; a
    selection that names rows or columns the table lacks, or breaks the modes, is refused."""
    nrows = len(frame)
    keys = [s.key for s in specs if not s.is_index]

    def coerce(value: Any) -> DataframeState:
        if isinstance(value, Mapping) and "selection" in value:
            value = value["selection"]
        if not isinstance(value, Mapping):
            raise ValueError("a selection is a dict")
        rows, columns, cells = (list(value.get(name) or []) for name in ("rows", "columns", "cells"))
        if any(isinstance(r, bool) or not isinstance(r, int) or not 0 <= r < nrows for r in rows):
            raise ValueError("row out of range")
        if any(c not in keys for c in columns):
            raise ValueError("unknown column")
        pairs = []
        for cell in cells:
            if not (
                isinstance(cell, (list, tuple))
                and len(cell) == 2
                and isinstance(cell[0], int)
                and 0 <= cell[0] < nrows
                and cell[1] in keys
            ):
                raise ValueError("bad cell")
            pairs.append((int(cell[0]), str(cell[1])))
        for kind, picked in (("row", rows), ("column", columns), ("cell", pairs)):
            multi, single = f"multi-{kind}" in modes, any(m.startswith(f"single-{kind}") for m in modes)
            if picked and not (multi or single) or (single and len(picked) > 1):
                raise ValueError(f"{kind} selection not allowed")
        return dataframe_state({"rows": sorted(set(rows)) if rows else [], "columns": columns, "cells": pairs})

    def to_widget(state: Mapping[str, Any]) -> dict[str, Any]:
        selection = state.get("selection", state)
        return {
            "rows": list(selection.get("rows") or []),
            "columns": list(selection.get("columns") or []),
            "cells": [list(c) for c in selection.get("cells") or []],
        }

    return Control(
        create=lambda: grid,
        configure=lambda _w: None,
        config=(tuple(modes), nrows, tuple(keys)),
        to_widget=to_widget,
        coerce=coerce,
        trait="selection",
        show=lambda s: str(dict(s["selection"])),
    )


def dataframe(
    data: Any = None,
    width: Width = "stretch",
    height: int | Literal["auto", "content", "stretch"] = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[str, Any] | None = None,
    key: str | int | None = None,
    on_select: Any = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Mapping[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Display a table in an interactive grid: sortable, scrollable, optionally selectable.

    Only the rows in view are sent to the browser, fetched from the kernel as the user scrolls,
    so a frame of millions of rows stays responsive. A click on a header sorts by that column
    (ascending, descending, then unsorted); sorting happens in the kernel and reruns nothing.

    Parameters
    ----------
    data : table-like, optional
        A pandas DataFrame, Series, Index or Styler (its data); a numpy array, dict or list
        (converted as Streamlit converts them); an object with `to_pandas()` or the
        `__dataframe__` interchange protocol (polars, pyarrow...); another iterable of rows.
        Anything else raises `StreamlitAPIException`. Cells are always shown as text (never HTML).
    width : "stretch", "content" or int, default "stretch"
        The grid's width: its container's, its columns', or pixels. Other values raise
        `StreamlitInvalidWidthError`.
    height : "auto", "content", "stretch" or int, default "auto"
        "auto" and "stretch" show up to 10 rows, "content" up to 200, then the grid scrolls; an
        int is pixels.
    use_container_width : bool, optional
        Deprecated in Streamlit: True is `width="stretch"`, False turns "stretch" into "content".
    hide_index : bool, optional
        True leaves the index out, False shows it; None (as Streamlit) shows a DataFrame's or
        Series' index but hides the one pandas makes up for lists, dicts of columns, numpy
        arrays and polars data, and a default 0, 1, 2... index when rows are selectable.
    column_order : iterable of str, optional
        The columns to show, in this order; others are hidden, unknown names skipped.
    column_config : dict, optional
        Per column (by name, or "_index"): an `st.column_config` object, a label string, or None
        to hide it. Labels, widths, help tooltips, alignment, number and date formats, links,
        pictures, progress bars and sparklines are drawn.
    key : str or int, optional
        The table's identity; with `on_select`, `st.session_state[key]` holds its
        `DataframeState` and can be assigned (`{"selection": {"rows": [0]}}`) to select.
    on_select : "ignore", "rerun" or callable, default "ignore"
        "ignore" makes a plain table. "rerun" or a callback makes rows/columns/cells selectable:
        a selection reruns the table's scope (after the callback) and the command returns the
        selection. Other values raise `StreamlitValueError`.
    selection_mode : str or iterable of str, default "multi-row"
        Any of "single-row", "single-row-required", "multi-row", "single-column",
        "multi-column", "single-cell", "multi-cell" (one per kind). Others raise
        `StreamlitValueError`, two of one kind `StreamlitIncompatibleParametersError`.
    selection_default : dict, optional
        The selection shown first, `{"selection": {"rows": [...], "columns": [...]}}`; needs
        `on_select` (else `StreamlitIncompatibleParametersError`).
    row_height : int, optional
        Each row's height in pixels (default 35).
    placeholder : str, optional
        The text of missing cells; default "None".
    lazy : bool, optional
        Accepted for compatibility: the grid is always lazy (rows are sent as they come into view).
    alt : str, optional
        The table's accessible name for screen readers (`aria-label`).

    Returns
    -------
    None or DataframeState
        None with `on_select="ignore"`; else the selection, `event.selection.rows` (positions
        in the original data, whatever the sort), `.columns` (names) and `.cells`
        ((position, name) tuples).

    Differences from Streamlit
    --------------------------
    * A DOM grid of nbfrag's own (no search, column menu, resizing or copy); chart columns are text
      sparklines; audio, video and button columns show text; a pandas Styler shows its data
      (its formats and colours are not applied).
    * Returns None rather than the element when nothing is selectable.

    Examples
    --------
    >>> import pandas as pd
    >>> import nbfrag as st
    >>> plants = pd.DataFrame({"plant": ["fern", "cactus"], "water_ml": [250, None]})
    >>> event = st.dataframe(plants, on_select="rerun", selection_mode="multi-row", key="pick")
    >>> event.selection.rows
    []
    """
    if on_select not in ("ignore", "rerun", None) and not callable(on_select):
        raise errors.StreamlitValueError("on_select", ["'rerun'", "'ignore'", "a callback function"])
    selectable = on_select not in ("ignore", None)
    if selection_default is not None and not selectable:
        raise errors.StreamlitIncompatibleParametersError(
            "selection_default",
            "on_select='ignore'",
            "Set `on_select` to `'rerun'` or a callback to use `selection_default`.",
        )
    modes = check_modes(selection_mode) if selectable else []
    rh = check_row_height(row_height)
    if use_container_width is not None:  # deprecated in Streamlit, still honoured
        width = "stretch" if use_container_width else ("content" if width == "stretch" else width)
    rows_selectable = any(mode.endswith("-row") or mode == "single-row-required" for mode in modes)
    frame, specs = prepare(data, "dataframe", column_order, column_config, hide_index, hide_range=rows_selectable)
    key = None if key is None else str(key)
    callback = make_callback(on_select, (), {}, modes=("rerun",), param="on_select") if selectable else None
    runtime_frame, wid = widget_frame(
        "dataframe",
        key,
        *(() if key else (tuple(map(str, frame.columns)), tuple(modes)) if selectable else ("table",)),
        unique=selectable or key is not None,
    )
    alt_text = alt.strip() if isinstance(alt, str) and alt.strip() else None
    slot = place_grid(
        runtime_frame,
        "dataframe",
        wid,
        frame,
        specs,
        width=width,
        height=height,
        row_height=rh,
        placeholder=placeholder,
        alt=alt_text,
        modes=modes,
    )
    if not selectable:
        return None
    control = selection_control(modes, frame, specs, slot.widget)
    default = control.coerce(selection_default) if selection_default is not None else dataframe_state(EMPTY)
    owner = track_value(slot, runtime_frame, "dataframe", key, default, control, callback)
    owner.element_type = "dataframe"
    slot.body = frame
    owner.read = lambda: frame  # `nbfrag.testing` reads the table; set_value selects
    return owner.value
