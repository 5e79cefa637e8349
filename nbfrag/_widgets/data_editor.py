"""`st.data_editor`: the interactive grid (js/grid.js) with editable cells, added and deleted rows.

The editor's value is Streamlit's `DataEditorState`, `{"edited_rows": {position: {column:
value}}, "added_rows": [{column: value}], "deleted_rows": [positions]}`, positions counting
rows of the original data. The browser sends one change at a time (`{"event": "edit", "pos",
"column", "value"}`, `{"event": "add"}`, `{"event": "delete", "rows"}`); the kernel turns it
into the next state and puts it on the grid's kernel-only `edits` trait, where the input path
(`InputOwner`) checks it (`coerce`: every value parsed by its column, disabled columns and
`num_rows` enforced, since a visitor can forge any message), keeps it (or in a form holds it
for the submit) and reruns the editor's scope. The command returns the data with the state
applied, in the input's type.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, Literal

from .. import errors
from .._elements.dataframe import check_row_height, grid_text, place_grid, prepare, same_frame, serve
from .._elements.grid_format import INDEX, ColumnSpec
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .base import ON_CHANGE_MODES, Control, InputOwner, make_callback, track_value, widget_frame
from .types import Callback, Key, WidgetArgs, WidgetKwargs, Width

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
EMPTY: dict[str, Any] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


class EditorState:
    """The rules of one editor run: which columns take edits, how many rows there are."""

    def __init__(self, frame: Any, specs: list[ColumnSpec], num_rows: str, disabled: Any) -> None:
        self.frame, self.specs, self.num_rows = frame, specs, num_rows
        locked = (
            set()
            if disabled in (False, None)
            else {str(c) for c in disabled}
            if not isinstance(disabled, bool)
            else None
        )
        self.columns = {
            s.key: s
            for s in specs
            if not s.is_index and (locked is not None and s.key not in locked) and s.meta(True)["editable"]
        }

    # -- checking a state (untrusted when it comes from the browser) ----------------------------
    def coerce(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise ValueError("an editor state is a dict")
        n = len(self.frame)
        edited: dict[int, dict[str, Any]] = {}
        for pos, changes in (value.get("edited_rows") or {}).items():
            row = int(pos)
            if not 0 <= row < n or not isinstance(changes, Mapping):
                raise ValueError("edited row out of range")
            edited[row] = {str(c): self._parse(str(c), v) for c, v in changes.items()}
        added = [
            {str(c): self._parse(str(c), v) for c, v in row.items() if c != INDEX}
            for row in value.get("added_rows") or []
            if isinstance(row, Mapping)
        ]
        deleted = sorted({int(p) for p in value.get("deleted_rows") or []})
        if added and self.num_rows not in ("dynamic", "add"):
            raise ValueError("rows cannot be added")
        if deleted and self.num_rows not in ("dynamic", "delete"):
            raise ValueError("rows cannot be deleted")
        if any(not 0 <= p < n for p in deleted):
            raise ValueError("deleted row out of range")
        return {"edited_rows": edited, "added_rows": added, "deleted_rows": deleted}

    def _parse(self, column: str, value: Any) -> Any:
        spec = self.columns.get(column)
        if spec is None:
            raise ValueError(f"column {column!r} is not editable")
        return spec.parse(value)

    # -- one change from the browser -------------------------------------------------------------
    def change(self, state: Mapping[str, Any], message: Mapping[str, Any]) -> dict[str, Any]:
        """The state after one browser message (checked later by `coerce`)."""
        n = len(self.frame)
        edited = {int(k): dict(v) for k, v in state["edited_rows"].items()}
        added = [dict(row) for row in state["added_rows"]]
        deleted = list(state["deleted_rows"])
        event = message.get("event")
        if event == "edit":
            pos, column = message.get("pos"), message.get("column")
            if not isinstance(pos, int) or isinstance(pos, bool) or not isinstance(column, str):
                raise ValueError("bad edit")
            if pos < n:
                edited.setdefault(pos, {})[column] = message.get("value")
            elif pos - n < len(added):
                added[pos - n][column] = message.get("value")
            else:
                raise ValueError("edit of a row that does not exist")
        elif event == "add":
            added.append(self.defaults())
        elif event == "delete":
            rows = message.get("rows")
            if not isinstance(rows, list) or not all(isinstance(r, int) and not isinstance(r, bool) for r in rows):
                raise ValueError("bad delete")
            gone_added = {r - n for r in rows if r >= n}
            added = [row for i, row in enumerate(added) if i not in gone_added]
            deleted = sorted(set(deleted) | {r for r in rows if 0 <= r < n})
        return {"edited_rows": edited, "added_rows": added, "deleted_rows": deleted}

    def defaults(self) -> dict[str, Any]:
        """A new row: each column's configured default, where it has one."""
        return {
            s.key: s.config["default"] for s in self.specs if not s.is_index and s.config.get("default") is not None
        }

    # -- applying a state --------------------------------------------------------------------------
    def apply(self, state: Mapping[str, Any]) -> tuple[Any, list[int]]:
        """The edited frame and each of its rows' position ids (added rows continue after n)."""
        import pandas as pd

        frame = self.frame.copy()
        by_key = {s.key: s.name for s in self.specs if not s.is_index}
        for pos, changes in state["edited_rows"].items():
            for column, value in changes.items():
                col = frame.columns.get_loc(by_key[column])
                frame = _set(frame, int(pos), col, value)
        n = len(frame)
        ids = [p for p in range(n) if p not in set(state["deleted_rows"])]
        frame = frame.iloc[ids]
        added = state["added_rows"]
        if added:
            rows = pd.DataFrame(
                [{by_key[k]: v for k, v in row.items() if k in by_key} for row in added], columns=frame.columns
            )
            if type(self.frame.index).__name__ == "RangeIndex":
                start = int(self.frame.index[-1]) + 1 if n else 0
                rows.index = pd.RangeIndex(start, start + len(rows))
            else:
                rows.index = pd.Index([None] * len(rows))
            frame = pd.concat([frame, rows.astype(object)]) if len(frame) else rows
            frame = frame.infer_objects()
            ids += [n + i for i in range(len(added))]
        return frame, ids


def _set(frame: Any, row: int, col: int, value: Any) -> Any:
    """`frame` with one cell set (the column widened to object when the value does not fit)."""
    try:
        frame.iat[row, col] = value
    except (TypeError, ValueError):
        name = frame.columns[col]
        frame[name] = frame[name].astype(object)
        frame.iat[row, col] = value
    return frame


def to_input_type(data: Any, edited: Any) -> Any:
    """The edited DataFrame in the type of the editor's input, as Streamlit returns it."""
    module, name = type(data).__module__.split(".")[0], type(data).__name__
    if module == "pandas" and name == "DataFrame":
        return edited
    if module == "pandas" and name == "Series":
        return edited.iloc[:, 0].rename(data.name)
    if module == "pandas" and name == "Styler":
        return edited
    if module == "numpy":
        return edited.to_numpy() if getattr(data, "ndim", 1) > 1 else edited.iloc[:, 0].to_numpy()
    if module == "pyarrow" and name == "Table":
        return type(data).from_pandas(edited, preserve_index=False)
    if isinstance(data, Mapping):
        first = next(iter(data.values()), None)
        if isinstance(first, (list, tuple)) or type(first).__name__ == "Series":
            return {k: list(v) for k, v in edited.to_dict(orient="list").items()}
        if isinstance(first, Mapping):
            return edited.to_dict()
        return dict(zip(edited.index, edited.iloc[:, 0], strict=True))
    if isinstance(data, (list, tuple, set)):
        items = list(data)
        if items and isinstance(items[0], Mapping):
            out: Any = edited.to_dict(orient="records")
        elif items and isinstance(items[0], (list, tuple)):
            out = edited.values.tolist()
        else:
            out = edited.iloc[:, 0].tolist() if edited.shape[1] else []
        return type(data)(out) if not isinstance(data, list) else out
    return edited


class EditorOwner(InputOwner):
    """A drawn editor: its value is read-only through Session State, as in Streamlit."""

    rules: EditorState | None = None
    placeholder: str | None = None

    def set(self, value: Any) -> None:
        frame = runtime.frame()
        if frame is not None and self.widget_id in frame.run.widget_ids:
            raise errors.StreamlitWidgetAlreadyInstantiatedError(self.key or "")
        raise errors.StreamlitValueAssignmentNotAllowedError(self.key or "")


def data_editor(
    data: Any,
    *,
    width: Width = "stretch",
    height: int | Literal["auto", "content", "stretch"] = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[str, Any] | None = None,
    num_rows: Literal["fixed", "dynamic", "add", "delete"] = "fixed",
    disabled: bool | Iterable[str] = False,
    key: Key = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """Display an editable table and return the data as the user edited it.

    Double-click a cell (or press Enter on it) to edit it, Enter to keep the change and Escape
    to drop it; checkboxes toggle with a click. Each change reruns the editor's scope (its
    fragment, else the app), after `on_change`; in an `st.form` the changes wait for the
    submit. The kernel checks every change (the column's type, range, options and `validate`,
    disabled columns, `num_rows`) and refuses what does not fit, whatever the browser sends.

    Parameters
    ----------
    data : table-like
        A pandas DataFrame or Series, a pyarrow Table, a numpy array, a list, tuple or set, or a
        dict (of columns, or of scalars); anything `st.dataframe` shows.
    width : "stretch", "content" or int, default "stretch"
        The grid's width: its container's, its columns', or pixels.
    height : "auto", "content", "stretch" or int, default "auto"
        "auto" and "stretch" show up to 10 rows, "content" up to 200, then the grid scrolls; an
        int is pixels.
    use_container_width : bool, optional
        Deprecated in Streamlit: True is `width="stretch"`, False turns "stretch" into "content".
    hide_index : bool, optional
        True leaves the index out, False shows it; None (as Streamlit) shows a DataFrame's
        index, but hides the one pandas makes up for lists, dicts of columns and arrays, and a
        default 0, 1, 2... index when rows can be added. The index cannot be edited: rows
        added to data with another index get a missing index value.
    column_order : iterable of str, optional
        The columns to show, in this order; others are hidden (and keep their values).
    column_config : dict, optional
        Per column: an `st.column_config` object (types, formats, `disabled`, `required`,
        `default` of added rows, ranges, options), a label, or None to hide it.
    num_rows : "fixed", "dynamic", "add" or "delete", default "fixed"
        Whether users may add rows ("dynamic", "add": an "+ Add row" button) and delete them
        ("dynamic", "delete": tick rows, then "Delete selected rows"). Other values raise
        `StreamlitValueError`.
    disabled : bool or iterable of str, default False
        True makes the whole table read-only; a list of column names makes those columns
        read-only.
    key : str or int, optional
        The editor's identity. `st.session_state[key]` is the read-only state
        `{"edited_rows": {...}, "added_rows": [...], "deleted_rows": [...]}`; assigning it
        raises `StreamlitValueAssignmentNotAllowedError`.
    on_change : callable, optional
        Called as `on_change(*args, **kwargs)` after a change, before the rerun.
    args : list or tuple, optional
        Positional arguments for `on_change`.
    kwargs : dict, optional
        Keyword arguments for `on_change`.
    row_height : int, optional
        Each row's height in pixels (default 35).
    placeholder : str, optional
        The text of missing cells; default "None".
    alt : str, optional
        The table's accessible name for screen readers (`aria-label`).

    Returns
    -------
    table-like
        The edited data in the input's type (DataFrame, Series, list, dict, numpy array,
        pyarrow Table...), a new object even when nothing was edited.

    Differences from Streamlit
    --------------------------
    * A DOM grid of nbfrag's own: no copy/paste of ranges, no column menu or search; list
      cells are edited as comma-separated text.

    Examples
    --------
    >>> import pandas as pd
    >>> import nbfrag as st
    >>> df = pd.DataFrame({"plant": ["fern", "cactus"], "water_ml": [250, 40]})
    >>> edited = st.data_editor(df, num_rows="dynamic", disabled=["plant"], key="plants")
    >>> int(edited["water_ml"].sum())
    290
    """
    if num_rows not in NUM_ROWS:
        raise errors.StreamlitValueError("num_rows", [f"'{n}'" for n in NUM_ROWS])
    if not isinstance(disabled, bool) and not isinstance(disabled, Iterable):
        raise errors.StreamlitInvalidParameterTypeError("disabled", type(disabled).__name__, ["bool", "Iterable[str]"])
    rh = check_row_height(row_height)
    if use_container_width is not None:  # deprecated in Streamlit, still honoured
        width = "stretch" if use_container_width else ("content" if width == "stretch" else width)
    adds = num_rows in ("dynamic", "add")
    frame, specs = prepare(data, "data_editor", column_order, column_config, hide_index, hide_range=adds)
    key = None if key is None else str(key)
    if key is not None and runtime.session.state.preset(key)[0]:
        raise errors.StreamlitValueAssignmentNotAllowedError(key)
    callback = make_callback(on_change, args, kwargs, modes=ON_CHANGE_MODES, param="on_change")
    runtime_frame, wid = widget_frame(
        "data_editor", key, *(() if key else (tuple(map(str, frame.columns)), len(frame), num_rows)), on_change=callback
    )
    if not isinstance(disabled, bool):  # read-only columns: drawn so, and refused by `rules`
        locked = {str(c) for c in disabled}
        specs = [replace(s, config={**s.config, "disabled": True}) if s.key in locked else s for s in specs]
    rules = EditorState(frame, specs, num_rows, disabled)
    whole_disabled = disabled is True
    alt_text = alt.strip() if isinstance(alt, str) and alt.strip() else None
    slot = place_grid(
        runtime_frame,
        "data_editor",
        wid,
        frame,
        specs,
        width=width,
        height=height,
        row_height=rh,
        placeholder=placeholder,
        alt=alt_text,
        modes=[],
        editable=True,
        num_rows=num_rows,
        disabled=whole_disabled,
        serve_rows=False,
    )
    grid = slot.widget
    control: Control[dict[str, Any]] = Control(
        create=lambda: grid,
        configure=lambda _w: None,
        config=(num_rows, repr(disabled), len(frame)),
        coerce=rules.coerce,
        trait="edits",
        show=str,
    )
    if isinstance(slot.owner, EditorOwner):
        _forget_on_new_data(slot.owner, frame, num_rows)
    if slot.owner is None:
        _start(
            slot,
            control,
            EditorOwner(wid, "data_editor", "data_editor", key, widget=grid, form=form_of(runtime_frame.block)),
        )
    owner = track_value(
        slot, runtime_frame, "data_editor", key, dict(EMPTY), control, callback, form_of(runtime_frame.block)
    )
    assert isinstance(owner, EditorOwner)
    owner.rerun = on_change != "ignore"
    owner.disabled = whole_disabled
    owner.rules = rules
    owner.placeholder = placeholder
    _refresh(owner)
    value_frame, _ids = rules.apply(owner.value)
    result = to_input_type(data, value_frame)
    owner.read = lambda: result
    slot.body = value_frame
    shown = grid_text(value_frame, specs, placeholder)
    slot.text = lambda: shown
    grid.text = shown
    return result


def _forget_on_new_data(owner: EditorOwner, frame: Any, num_rows: str) -> None:
    """New data drops the edits, as in Streamlit, except with `num_rows="fixed"` and the same
    structure (columns, types, length): then the edits apply to the new values."""
    old = owner.rules.frame if owner.rules is not None else None
    if old is None or old is frame or same_frame(old, frame):
        return
    same_shape = list(old.columns) == list(frame.columns) and list(old.dtypes) == list(frame.dtypes)
    if num_rows != "fixed" or not same_shape or len(old) != len(frame):
        owner.value = dict(EMPTY)
        if owner.form is not None:
            owner.form.drop(owner)


def _start(slot: Any, control: Control[dict[str, Any]], owner: EditorOwner) -> None:
    """A new editor: its owner watches the grid's `edits` and the browser's change messages."""
    slot.owner = owner
    owner.control = control
    owner.value = dict(EMPTY)
    grid = slot.widget
    grid.observe(owner.changed, names="edits")
    grid.observe(lambda _change: _refresh(owner), names="edits")
    owner.guard_disabled(grid)

    def on_edit(message: dict[str, Any]) -> None:
        if owner.rules is None or owner.disabled:
            return
        try:
            state = owner.rules.change(owner.rules.coerce(owner.shown()), message)
        except (ValueError, TypeError, KeyError):
            return
        grid.edits = state  # a user's change: checked by `owner.changed` (coerce)

    grid.on_edit = on_edit


def _refresh(owner: EditorOwner) -> None:
    """Serve the grid the data as edited (in a form: with the edits not submitted yet)."""
    rules = owner.rules
    if rules is None:
        return
    try:
        state = rules.coerce(owner.shown())
    except (ValueError, TypeError):
        state = dict(EMPTY)
    edited, ids = rules.apply(state)
    serve(owner.widget, edited, rules.specs, owner.placeholder, ids)
