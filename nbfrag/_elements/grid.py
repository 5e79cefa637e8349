"""The interactive table of `st.dataframe` and `st.data_editor`: an anywidget (js/grid.js) that
shows a window of rows and asks the kernel for the rows it scrolls to.

The kernel keeps the data: the browser is sent the column headers and the row count, then
asks `{"event": "rows", "start", "stop"}` for the rows in view (at most `MAX_WINDOW` per ask)
and gets back `{"event": "rows", "version", "start", "rows": [...]}` with each row's cells
formatted here (`grid_format.ColumnSpec.cell`). A 1,000,000-row frame costs the browser the
rows it shows. Sorting is a `sort` trait the browser sets (`[column key, "asc"|"desc"]`, or
`[]`); the kernel sorts row positions and bumps `version`, and the browser asks again.
Selections (`selection` trait) and edits (messages, see `nbfrag/_widgets/data_editor.py`) name
rows by their position in the original data, as Streamlit does, whatever the sort.

Why not an existing grid widget: see the README ("Interactive tables").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import anywidget
import traitlets

from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .grid_format import ColumnSpec

MAX_WINDOW = 500  # rows per ask: a window of the grid, never the whole frame
DEFAULT_ROW_HEIGHT = 35
DEFAULT_HEIGHT = 400  # "auto" height: about 10 rows, then the grid scrolls (Streamlit: 10 rows)


class ReadOnlyDict(dict[str, Any]):
    """A dict read by key or attribute (`event.selection.rows`), as Streamlit's states are."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")


class DataframeSelectionState(ReadOnlyDict):
    """`rows` (original positions), `columns` (names), `cells` ((position, name) tuples)."""


class DataframeState(ReadOnlyDict):
    """What `st.dataframe(..., on_select="rerun")` returns: `{"selection": {...}}`."""


def dataframe_state(selection: dict[str, Any]) -> DataframeState:
    cells = [tuple(cell) for cell in selection.get("cells", [])]
    inner = DataframeSelectionState(
        rows=list(selection.get("rows", [])), columns=list(selection.get("columns", [])), cells=cells
    )
    return DataframeState(selection=inner)


class RowSource:
    """The rows of a frame, in the browser's sort order, formatted window by window.

    `ids` names each row of `frame` (its position in the original data; added rows of an
    editor continue after the last); None means the row's position in `frame`."""

    def __init__(
        self, frame: Any, specs: Sequence[ColumnSpec], placeholder: str | None, ids: Sequence[int] | None = None
    ) -> None:
        self.frame = frame
        self.specs = list(specs)
        self.placeholder = placeholder
        self.ids = list(ids) if ids is not None else None
        self.order: Any = None  # positions in `frame`, sorted; None = as they come
        self.sorted_by: tuple[str, bool] | None = None

    def __len__(self) -> int:
        return len(self.frame)

    def sort(self, key: str | None, ascending: bool = True) -> None:
        """Sort by the column `key` (None: the data's own order). Missing values go last."""
        import numpy as np

        if key is None:
            self.order, self.sorted_by = None, None
            return
        spec = next(s for s in self.specs if s.key == key)
        values = self.frame.index.to_series() if spec.is_index else self.frame[spec.name]
        try:
            ranked = values.reset_index(drop=True).sort_values(ascending=ascending, kind="stable", na_position="last")
        except TypeError:  # mixed types: sort by their text
            ranked = values.reset_index(drop=True).astype(str).sort_values(ascending=ascending, kind="stable")
        self.order = np.asarray(ranked.index)
        self.sorted_by = (key, ascending)

    def position(self, i: int) -> int:
        """The id of the row shown i-th."""
        at = int(self.order[i]) if self.order is not None else i
        return self.ids[at] if self.ids is not None else at

    def window(self, start: int, stop: int) -> list[dict[str, Any]]:
        """Rows `start` to `stop` (shown order) as the browser draws them."""
        start, stop = max(0, start), min(len(self.frame), stop, start + MAX_WINDOW)
        if stop <= start:
            return []
        rows_at = list(self.order[start:stop]) if self.order is not None else list(range(start, stop))
        part = self.frame.iloc[rows_at]
        columns = [part.index.tolist() if spec.is_index else part[spec.name].tolist() for spec in self.specs]
        return [
            {
                "pos": self.ids[at] if self.ids is not None else int(at),
                "cells": [spec.cell(columns[c][r], self.placeholder) for c, spec in enumerate(self.specs)],
            }
            for r, at in enumerate(rows_at)
        ]


class GridWidget(TextRepr, anywidget.AnyWidget):
    """The grid (js/grid.js). Its repr is its text form (the table as pandas writes it)."""

    _esm = esm("grid.js")
    columns: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    nrows = traitlets.Int(0).tag(sync=True)
    version = traitlets.Int(0).tag(sync=True)
    height = traitlets.Int(DEFAULT_HEIGHT).tag(sync=True)
    row_height = traitlets.Int(DEFAULT_ROW_HEIGHT).tag(sync=True)
    selection_modes: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    selection: traitlets.Dict[str, Any] = traitlets.Dict({"rows": [], "columns": [], "cells": []}).tag(sync=True)
    sort: traitlets.List[Any] = traitlets.List([]).tag(sync=True)
    editable = traitlets.Bool(False).tag(sync=True)
    num_rows = traitlets.Unicode("fixed").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
    edits: traitlets.Dict[str, Any] = traitlets.Dict({})  # kernel only: an editor's state (DataEditorState)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source: RowSource | None = None
        self.on_edit: Callable[[dict[str, Any]], None] | None = None
        self.sent_rows = 0  # rows sent to the browser so far (benchmarks, tests)
        self.on_msg(self._on_message)
        self.observe(self._sorted, names="sort")

    def show(self, source: RowSource) -> None:
        """Serve `source`'s rows from now on (the browser asks again), keeping the sort."""
        with runtime.kernel_writes():
            if self.sort and self._valid_sort(self.sort, source):
                source.sort(self.sort[0], self.sort[1] == "asc")
            elif self.sort:
                self.sort = []
            self.source = source
            self.nrows = len(source)
            self.version += 1

    def _valid_sort(self, sort: Any, source: RowSource) -> bool:
        return (
            isinstance(sort, list)
            and len(sort) == 2
            and sort[1] in ("asc", "desc")
            and any(spec.key == sort[0] for spec in source.specs)
        )

    def _sorted(self, change: dict[str, Any]) -> None:
        if runtime.kernel_writing or self.source is None:
            return
        sort = change["new"]
        if sort == []:
            self.source.sort(None)
        elif self._valid_sort(sort, self.source):
            self.source.sort(sort[0], sort[1] == "asc")
        else:  # forged: put the last valid sort back
            with runtime.kernel_writes():
                self.sort = change["old"]
            return
        with runtime.kernel_writes():
            self.version += 1

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        if event == "rows":
            start, stop = content.get("start"), content.get("stop")
            if isinstance(start, int) and isinstance(stop, int) and not isinstance(start, bool):
                self.send_rows(start, stop)
        elif event in ("edit", "add", "delete") and self.on_edit is not None:
            self.on_edit(content)

    def send_rows(self, start: int, stop: int) -> list[dict[str, Any]]:
        """Send the browser the rows `start` to `stop` of the current version."""
        rows = self.source.window(start, stop) if self.source is not None else []
        self.sent_rows += len(rows)
        self.send({"event": "rows", "version": self.version, "start": max(0, start), "rows": rows})
        return rows

