"""`st.grid`: a container whose elements are laid out as cells of a CSS grid.

The container is an ipywidgets `GridBox`: every element drawn into it is one cell, in order;
`grid.cell(column_span=, row_span=)` groups several elements into one cell that may span
tracks. With `wrap=True` the grid shows at most `columns` columns and drops one whenever a
cell would be narrower than `min_column_width` (a CSS `auto-fill` track list), so it adapts
to its column and to phones without a message to the kernel.
"""

from __future__ import annotations

from typing import Any, Literal

import ipywidgets as widgets

from .. import errors
from .._runtime.runtime import runtime
from .._widgets.types import Key, css_size
from .layout import _GAPS, Container, Gap, _place_block

_MAX_COLUMNS = 24
_AUTO_MIN = 200  # pixels: Streamlit's theme-based minimum column width
_ALIGN = {"top": "flex-start", "center": "center", "bottom": "flex-end"}


def _gap(value: Any) -> str:
    if value is None or value in _GAPS:
        return _GAPS[value]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return f"{value}px"
    raise errors.StreamlitAPIException(
        f"Invalid gap {value!r} for st.grid: use 'xxsmall', 'xsmall', 'small', 'medium', 'large', "
        "'xlarge', 'xxlarge', a number of pixels, None, or a (row_gap, column_gap) pair of those."
    )


def _gaps(gap: Any) -> tuple[str, str]:
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise errors.StreamlitAPIException(
                f"st.grid takes gap as one size or a (row_gap, column_gap) pair, not {len(gap)} values."
            )
        return _gap(gap[0]), _gap(gap[1])
    return _gap(gap), _gap(gap)


def _count(name: str, value: Any) -> int | None:
    if value == "auto":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise errors.StreamlitAPIException(f'`{name}` must be "auto" or an integer, not {value!r}.')
    return value


def track_list(columns: int | None, min_width: int, column_gap: str, wrap: bool) -> str:
    """The grid's `grid-template-columns`."""
    if columns is None:  # as many as fit
        return f"repeat(auto-fill, minmax(min({min_width}px, 100%), 1fr))"
    if not wrap:  # this many, however narrow; the grid scrolls
        return f"repeat({columns}, minmax({min_width}px, 1fr))"
    # At most `columns`, fewer when a cell would be narrower than `min_width`.
    share = f"calc((100% - {columns - 1} * {column_gap}) / {columns})"
    return f"repeat(auto-fill, minmax(max(min({min_width}px, 100%), {share}), 1fr))"


class GridContainer(Container):
    """The container `st.grid` returns: each element drawn into it is a cell; `cell()` groups
    elements into one cell that may span columns and rows."""

    def __init__(self, block: Any, columns: int | None) -> None:
        super().__init__(block)
        self._columns = columns

    def cell(self, *, column_span: int | Literal["all"] = 1, row_span: int = 1) -> Container:
        """The next cell of the grid, holding every element drawn into it.

        Parameters
        ----------
        column_span : int or "all", default 1
            How many columns the cell covers; "all" gives it a row of its own.
        row_span : int, default 1
            How many rows the cell covers.

        Returns
        -------
        Container
            The cell: `with cell:` or `cell.write(...)`.
        """
        if column_span != "all" and (isinstance(column_span, bool) or not isinstance(column_span, int)
                                     or column_span < 1):
            raise errors.StreamlitAPIException(
                f'`column_span` must be a positive integer or "all", not {column_span!r}.'
            )
        if self._columns is not None and column_span != "all" and column_span > self._columns:
            raise errors.StreamlitAPIException(
                f"`column_span` ({column_span}) cannot exceed the grid's {self._columns} columns."
            )
        if isinstance(row_span, bool) or not isinstance(row_span, int) or row_span < 1:
            raise errors.StreamlitAPIException(f"`row_span` must be a positive integer, not {row_span!r}.")
        column = "1 / -1" if column_span == "all" else f"span {column_span}"
        row = f"span {row_span}"

        def create() -> widgets.Box:
            box = widgets.VBox()
            box.add_class("nbfrag-grid-cell")
            return box

        def update(box: Any) -> None:
            box.layout.grid_column = None if column == "span 1" else column
            box.layout.grid_row = None if row == "span 1" else row

        with runtime.drawing_into(self._target()):
            slot = _place_block("grid_cell", None, create, update=update, props=(column, row))
        assert slot.block is not None
        return Container(slot.block)


def grid(
    columns: Literal["auto"] | int = "auto",
    *,
    min_column_width: Literal["auto"] | int = "auto",
    wrap: bool = True,
    gap: Gap | int | tuple[Any, Any] | list[Any] | None = "small",
    vertical_alignment: Literal["top", "center", "bottom"] = "top",
    border: bool = False,
    row_height: Literal["content"] | int = "content",
    width: Literal["stretch"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
    key: Key = None,
    dense: bool = False,
) -> GridContainer:
    """Insert a grid: each element drawn into it is one cell, placed row by row.

    Parameters
    ----------
    columns : "auto" or int, default "auto"
        The most columns (1 to 24); "auto" fits as many as `min_column_width` allows.
    min_column_width : "auto" or int, default "auto"
        Pixels a cell may shrink to before the grid drops a column; "auto" is about 200.
    wrap : bool, default True
        Drop columns as the container narrows; False keeps `columns` and scrolls sideways
        (it needs an int `columns`).
    gap : str, int, pair or None, default "small"
        The space between cells ("xxsmall" to "xxlarge", pixels, None), or a
        `(row_gap, column_gap)` pair.
    vertical_alignment : {"top", "center", "bottom"}, default "top"
        Where content sits inside its cell.
    border : bool, default False
        Draw a border around each cell.
    row_height : "content" or int, default "content"
        Each row's height: its tallest cell's, or pixels (taller content scrolls in its cell).
    width : "stretch" or int, default "stretch"
        The grid's width: its container's, or pixels (at most the container's).
    height : "content", "stretch" or int, default "content"
        The grid's height: its content's, its container's, or pixels (taller content scrolls).
    key : str or int, optional
        A stable identity, so the grid keeps its cells when elements before it come and go.
    dense : bool, default False
        Fill holes left by spanning cells with later, smaller cells.

    Returns
    -------
    GridContainer
        The grid: `with grid:` or `grid.write(...)` adds a cell; `grid.cell(...)` groups several
        elements into one cell.

    Raises
    ------
    StreamlitAPIException
        `columns` outside 1-24, `wrap=False` with `columns="auto"`, or another invalid value.

    Examples
    --------
    >>> import nbfrag as st
    >>> cards = st.grid(3, border=True)
    >>> for name in ["Alpha", "Beta", "Gamma", "Delta"]:
    ...     cards.metric(name, 42)
    """
    count = _count("columns", columns)
    if count is not None and not 1 <= count <= _MAX_COLUMNS:
        raise errors.StreamlitAPIException(f"`columns` must be between 1 and {_MAX_COLUMNS}, not {count}.")
    if count is None and not wrap:
        raise errors.StreamlitAPIException(
            '`wrap=False` needs a number of columns to keep: pass `columns=` an integer, or leave `wrap=True`.'
        )
    least = _count("min_column_width", min_column_width)
    if least is not None and least < 1:
        raise errors.StreamlitAPIException(f"`min_column_width` must be a positive integer, not {least}.")
    if vertical_alignment not in _ALIGN:
        raise errors.StreamlitValueError("vertical_alignment", ["'top'", "'center'", "'bottom'"])
    row_gap, column_gap = _gaps(gap)
    tracks = track_list(count, least or _AUTO_MIN, column_gap, bool(wrap))
    rows = "auto" if row_height == "content" else css_size(row_height, "height", {})
    css_width = css_size(width, "width", {"stretch": None})
    css_height = css_size(height, "height", {"content": None, "stretch": "100%"})
    classes = ["nbfrag-grid"] + (["nbfrag-grid-border"] if border else []) + (
        ["nbfrag-grid-fixed-rows"] if rows != "auto" else []
    )

    def create() -> widgets.GridBox:
        box = widgets.GridBox()
        for name in classes:
            box.add_class(name)
        return box

    def update(box: Any) -> None:
        box._dom_classes = tuple(classes)
        box.layout.grid_template_columns = tracks
        box.layout.grid_auto_rows = rows
        box.layout.grid_gap = f"{row_gap} {column_gap}"
        box.layout.grid_auto_flow = "row dense" if dense else "row"
        box.layout.align_items = _ALIGN[vertical_alignment]
        box.layout.width = css_width
        box.layout.max_width = "100%"
        box.layout.height = css_height
        box.layout.overflow = "auto" if css_height or not wrap else None

    props = (tuple(classes), tracks, rows, row_gap, column_gap, dense, vertical_alignment, css_width, css_height, wrap)
    slot = _place_block("grid", None if key is None else str(key), create, update=update, props=props)
    assert slot.block is not None
    return GridContainer(slot.block, count)
