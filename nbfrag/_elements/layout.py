"""Layout: `st.container`, `st.columns`, `st.tabs`, `st.expander`, `st.empty`, `st.sidebar`.

Each layout element is a Box widget in a slot of the block it is drawn in, with a nested
`Block` of its own. A nested block runs with its parent's run (`Block.adopt`): drawn again,
it is reconciled like any block (same widgets, no leftovers when its shape changes); not drawn
again, it is closed with everything in it.

A fragment that writes into a container created outside it (during a fragment rerun) finds
that container's block between runs, so its elements *accumulate* there until the next full
app run redraws the container, as the `st.fragment` documentation describes; an `st.empty()`
placeholder still holds one element (a container written into it replaces what it held).
Widgets may not go there: their clicks would have no scope to rerun.
"""

from __future__ import annotations

import functools
import numbers
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal, TypeAlias

import ipywidgets as widgets
import traitlets

from .. import errors
from .._runtime.models import built, set_variant, shared_parts
from .._runtime.reconciler import Block, Slot, close_widget
from .._runtime.runtime import runtime
from .._runtime.views import Area
from .._unsupported import explain
from .._widgets.base import Control, make_callback, track_value, widget_frame
from .._widgets.types import check_wrap

Gap: TypeAlias = Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"]
VerticalAlignment: TypeAlias = Literal["top", "center", "bottom", "distribute"]

_GAPS: dict[str | None, str] = {
    None: "0", "xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "1rem", "medium": "2rem", "large": "4rem",
    "xlarge": "6rem", "xxlarge": "8rem",
}
_ALIGN: dict[str, str] = {"top": "flex-start", "center": "center", "bottom": "flex-end", "distribute": "stretch"}
_HORIZONTAL = {"left": "flex-start", "center": "center", "right": "flex-end", "distribute": "space-between"}
_VERTICAL = {"top": "flex-start", "center": "center", "bottom": "flex-end", "distribute": "space-between"}
_CHANGE_MODES = ("ignore", "rerun")
_BORDER = "1px solid rgba(128, 128, 128, 0.35)"
SIDEBAR_WIDTH = "300px"  # Streamlit's sidebar: 244 px at least, 336 px at most by default


class Container:
    """A place to draw into, like Streamlit's DeltaGenerator: use it as `with c:` or call
    any element on it (`c.write(...)`, `c.button(...)`, `col.metric(...)`)."""

    # The commands a container runs as methods, and the public names that are not elements.
    # The registry of public commands (`nbfrag._api`), above this module, fills them.
    commands: ClassVar[dict[str, Callable[..., Any]]] = {}
    not_elements: ClassVar[set[str]] = set()

    def __init__(self, block: Block, is_open: Callable[[], bool] | None = None) -> None:
        self._block = block
        self._entered: list[Any] = []
        self._is_open = is_open

    @property
    def open(self) -> bool | None:
        """Whether this tab, expander or popover is open now; None for a container that does
        not track it (tabs and expanders track it when drawn with `on_change`)."""
        return self._is_open() if self._is_open is not None else None

    def _target(self) -> Block:
        """The block this container draws into."""
        return self._block

    def __enter__(self) -> Container:
        context = runtime.drawing_into(self._target())
        context.__enter__()
        self._entered.append(context)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._entered.pop().__exit__(*exc_info)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        command = self.commands.get(name)
        if command is None:
            if name in self.not_elements:
                raise AttributeError(
                    f"'{name}' is not an element, so a container has no `.{name}()`: use st.{name} directly."
                )
            raise AttributeError(
                explain(
                    name, self.commands, f"{type(self).__name__!r} object has no attribute {name!r}",
                    call=".{}()", listing="A container's commands",
                )
            )

        @functools.wraps(command)
        def in_container(*args: Any, **kwargs: Any) -> Any:
            with runtime.drawing_into(self._target()):  # not `with self:` (a status's exit completes it)
                return command(*args, **kwargs)

        return in_container

    def __repr__(self) -> str:
        return "\n".join(self._block.lines()) or "(empty)"


class _LastWriteBlock(Block):
    """The block of `st.empty()`: each element written replaces the one it showed."""

    def place(self, *args: Any, **kwargs: Any) -> Slot:
        appending = self._next is None or self._appending
        shown = list(self.slots if self._next is None else self._next)
        if self._next is None:
            self.begin_append()
        self._next, self._placed = [], set()
        self._counts.clear()
        slot = super().place(*args, **kwargs)
        if appending:  # no commit will come to close what it replaced
            for old in shown:
                if old is not slot:
                    old.dispose()
            self._by_key = {s.key: s for s in self.slots}
        self._show([slot.widget])  # live, as placeholders are used for progress mid-run
        return slot

    def adopt(self, child: Block) -> bool:
        """A container written into the placeholder replaces what it held, also outside a run
        of the placeholder's own scope (a fragment rerun writing into a placeholder created
        outside it, a plain cell): the container then runs with the run that writes it, or,
        when nothing is running there, starts empty and shows its elements as they come."""
        if super().adopt(child) or runtime.require_frame().scope_block.adopt(child):
            return True
        child.begin()
        child.commit()  # empty now; what is written next is appended
        return False


class _TabsBlock(Block):
    """The block of `st.tabs`: the Tab widget's titles follow its children."""

    def _show(self, children: Any) -> None:
        super()._show(children)
        if self.widget is not None:
            titles = tuple(str(slot.body) for slot in self.slots)
            if len(titles) == len(self.widget.children) and titles != tuple(self.widget.titles):
                self.widget.titles = titles


class _SidebarBlock(Block):
    """The block of `st.sidebar`: hidden while empty, as a Streamlit page shows no sidebar
    when a run writes nothing there. A toggle button at its top closes it to a narrow strip
    and opens it again (no rerun, as in Streamlit); `st.set_page_config(initial_sidebar_state=)`
    sets its first state, and `"locked"` removes the toggle."""

    def __init__(self, widget: widgets.Box, parent: Block) -> None:
        super().__init__(widget, parent)
        self.collapsed = False
        self.locked = False
        self.width: int | None = None  # pixels; None for Streamlit's default
        self._state: str | None = None  # the initial state last applied
        self._content: tuple[widgets.Widget, ...] = ()
        self._drawn = False  # the last run wrote something here
        self.opened = False  # the visitor opened it (on a phone an "auto" sidebar starts closed)
        self.toggle = widgets.Button(**shared_parts(widgets.Button), _dom_classes=("nbfrag-sidebar-toggle",))
        self.toggle.on_click(lambda _: self.set_collapsed(not self.collapsed))
        # Shown by the stylesheet only on a phone, while an "auto" sidebar was not opened yet:
        # there it starts closed, as Streamlit's, and this opens it over the page.
        self.phone_toggle = widgets.Button(
            description="☰", tooltip="Open sidebar", **shared_parts(widgets.Button),
            _dom_classes=("nbfrag-sidebar-phone-toggle",),
        )
        self.phone_toggle.on_click(lambda _: self.set_collapsed(False))

    @property
    def aside_label(self) -> str:  # type: ignore[override]
        return "sidebar (collapsed):" if self.collapsed else "sidebar:"

    def configure(self, state: str, width: int | None) -> None:
        """Apply an initial state when it differs from the last one applied (a rerun that sets
        the same state again keeps what the visitor chose since)."""
        self.width = width
        if state != self._state:
            self._state = state
            self.locked = state == "locked"
            self.collapsed = state == "collapsed"
        self._render()

    def set_collapsed(self, collapsed: bool) -> None:
        self.collapsed = collapsed and not self.locked
        self.opened = not self.collapsed
        self._render()

    def _show(self, children: Any) -> None:
        children = tuple(children)
        self._drawn = bool(children)
        self._content = children + tuple(self.extras.values())
        self._render()

    def _render(self) -> None:
        side = self.widget
        if side is None:
            return
        # Open on a phone too: expanded by the page settings, or opened by the visitor.
        open_everywhere = not self.collapsed and (self.opened or self._state in ("expanded", "locked"))
        phone = () if open_everywhere or self.collapsed else (self.phone_toggle,)
        shown = (() if self.locked else (self.toggle,)) + phone + (() if self.collapsed else self._content)
        if tuple(side.children) != shown:
            side.children = shown
        set_variant(side, "sidebar", "open" if open_everywhere else "collapsed" if self.collapsed else None)
        basis = "auto" if self.collapsed else f"{max(200, min(600, self.width))}px" if self.width else SIDEBAR_WIDTH
        wanted = {"display": None if self._drawn else "none", "flex": f"0 0 {basis}"}
        for name, value in wanted.items():
            if getattr(side.layout, name) != value:
                setattr(side.layout, name, value)
        description, tooltip = ("»", "Open sidebar") if self.collapsed else ("«", "Close sidebar")
        if self.toggle.description != description:
            self.toggle.description, self.toggle.tooltip = description, tooltip

    def dispose(self) -> None:
        super().dispose()
        close_widget(self.toggle)
        close_widget(self.phone_toggle)


def configure_sidebar(app: Any) -> None:
    """Give the app's sidebar, if it has one, the state its page settings ask for."""
    if isinstance(app.sidebar, _SidebarBlock):
        app.sidebar.configure(app.page.sidebar_state, app.page.sidebar_width)


def _place_block(
    kind: str,
    identity: Any,
    create: Callable[[], widgets.Widget],
    *,
    update: Callable[[Any], None] | None = None,
    props: Any = None,
    text: Callable[[], str] = lambda: "",
    block_class: type[Block] = Block,
    inner: Callable[[Any], widgets.Box] = lambda widget: widget,
) -> Slot:
    """Draw a layout element with a nested block; `inner` finds the Box the block fills."""
    frame = runtime.require_frame()
    frame.block.check_nesting(f"st.{kind}")
    slot = frame.block.place(kind, identity, create, update, text=text, props=props)
    if slot.block is None:
        box = inner(slot.widget)
        slot.block = block_class(box, parent=frame.block)
        if box is not slot.widget:
            slot.on_dispose.append(lambda: close_widget(box))
    slot.block.parent = frame.block
    frame.block.adopt(slot.block)
    frame.show(slot.widget)
    return slot


def _check_choice(name: str, value: Any, allowed: dict[str, str], command: str) -> None:
    if value not in allowed:
        choices = ", ".join(f'"{option}"' for option in allowed)
        raise errors.StreamlitAPIException(
            f"The {name} argument to {command} must be one of {choices}. \nThe argument passed was {value!r}."
        )


def _container(slot: Slot, is_open: Callable[[], bool] | None = None) -> Container:
    """The container of a layout element drawn with `_place_block`."""
    assert slot.block is not None
    return Container(slot.block, is_open)


def _fixed(text: str) -> Callable[[], str]:
    """A slot's text that never changes (a column's, a tab's)."""
    return lambda: text


def _vbox(css_class: str) -> Callable[[], widgets.Box]:
    def create() -> widgets.Box:
        box = widgets.VBox()
        box.add_class(css_class)
        return box

    return create


# --------------------------------------------------------------------------------------------


def container(
    *,
    border: bool | None = None,
    key: str | None = None,
    width: Any = "stretch",
    height: int | str | None = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: Gap | None = "small",
    autoscroll: bool | None = None,
) -> Container:
    """Insert a container that groups elements, optionally with a border or a fixed height.

    Elements go in with `with c:` or `c.write(...)`, also after elements below it were drawn,
    so a container reserves a place on the page.

    Parameters
    ----------
    border : bool, optional
        Draw a border. None (the default) draws one only when `height` is fixed.
    height : int or str, default "content"
        A fixed height in pixels; taller content scrolls. A string ("content", "stretch") is
        accepted and ignored; other types raise `StreamlitAPIException`.
    key : str, optional
        A stable identity, so that the container keeps its widgets when elements before it come
        and go.
    width : "stretch", "content" or int, default "stretch"
        Accepted for compatibility and ignored: the container spans its parent.
    horizontal : bool, default False
        Lay the elements out in a row instead of a column.
    wrap : bool, default True
        In a horizontal container, wrap elements that do not fit onto the next line; False keeps
        one row that scrolls sideways.
    horizontal_alignment : {"left", "center", "right", "distribute"}, default "left"
        Where the elements sit across the container's width ("distribute" spreads a row).
    vertical_alignment : {"top", "center", "bottom", "distribute"}, default "top"
        Where the elements sit along the container's height.
    gap : str or None, default "small"
        The space between the elements of a horizontal container (the sizes of `st.columns`);
        a vertical container ignores it.
    autoscroll : bool, optional
        Accepted for compatibility and ignored: a fixed-height container does not scroll to
        new content by itself.

    Returns
    -------
    Container
        Draw into it with `with c:` or by calling any element on it (`c.write(...)`).

    Differences from Streamlit
    --------------------------
    * `width`, a string `height` and `autoscroll` are ignored, `gap` applies to horizontal
      containers only, and the `key` is not added as a CSS class.

    Examples
    --------
    >>> import nbfrag as st
    >>> box = st.container(border=True)
    >>> st.write("Written second, shown below the box.")
    >>> box.write("Written last, shown inside the box above.")
    """
    if height is not None and not isinstance(height, (int, str)):
        raise errors.StreamlitAPIException(f"`height` must be an int (pixels) or None; got {height!r}.")
    css_height = f"{height}px" if isinstance(height, int) else None
    bordered = bool(border) if border is not None else css_height is not None
    _check_choice("horizontal_alignment", horizontal_alignment, _HORIZONTAL, "st.container")
    _check_choice("vertical_alignment", vertical_alignment, _VERTICAL, "st.container")
    # Along the flow the alignment places the children; across it, it aligns them.
    main_axis, cross_axis = (_HORIZONTAL[horizontal_alignment], _VERTICAL[vertical_alignment])
    if not horizontal:
        main_axis, cross_axis = _VERTICAL[vertical_alignment], _HORIZONTAL[horizontal_alignment]
    cross_axis = {"space-between": "stretch", "flex-start": "stretch" if not horizontal else "flex-start"}.get(
        cross_axis, cross_axis
    )

    def create() -> widgets.Box:
        box = widgets.HBox() if horizontal else widgets.VBox()
        box.add_class("nbfrag-container")
        return box

    def update(box: Any) -> None:
        box.layout.border = _BORDER if bordered else None
        box.layout.padding = "0.5em 1em" if bordered else None
        box.layout.height = css_height
        box.layout.overflow = "auto" if css_height else None
        box.layout.grid_gap = _GAPS.get(gap, "1rem") if horizontal else None
        box.layout.justify_content = None if main_axis == "flex-start" else main_axis
        box.layout.align_items = None if cross_axis == "stretch" else cross_axis
        box.layout.flex_flow = ("row wrap" if wrap else "row nowrap") if horizontal else None
        box.layout.overflow_x = "auto" if horizontal and not wrap else None

    slot = _place_block(
        "container", None if key is None else str(key), create,
        update=update, props=(bordered, css_height, horizontal, wrap, gap, main_axis, cross_axis),
    )
    return _container(slot)


def columns(
    spec: int | Sequence[float],
    *,
    gap: Gap | None = "small",
    vertical_alignment: VerticalAlignment = "top",
    border: bool = False,
    width: Any = "stretch",
    wrap: bool = True,
) -> list[Container]:
    """Insert columns side by side and return one container per column.

    Columns may be nested in columns, to any depth.

    Parameters
    ----------
    spec : int or sequence of numbers
        The number of equal columns, or their relative widths, e.g. `[2, 1]` for a column twice
        as wide as the other. Anything but a positive int or positive numbers raises
        `StreamlitAPIException`.
    gap : {"small", "medium", "large", "xxsmall", "xsmall", "xlarge", "xxlarge"} or None, default "small"
        The space between the columns; None for none.
    vertical_alignment : {"top", "center", "bottom", "distribute"}, default "top"
        How the columns' contents line up vertically.
    border : bool, default False
        Draw a border around each column.
    width : "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the columns span their container.
    wrap : bool, default True
        Checked as Streamlit checks it (True or False, else `StreamlitValueError`), then
        ignored: Streamlit stacks columns on screens up to 640px wide unless this is False;
        in a notebook they always stay in one row, as with `wrap=False`.

    Returns
    -------
    list of Container
        One per column. Draw into a column with `with col:` or by calling any element on it
        (`col.write(...)`, `col.button(...)`).

    Differences from Streamlit
    --------------------------
    * Columns stay side by side on narrow screens (Streamlit stacks them unless `wrap=False`);
      `width` is ignored.

    Examples
    --------
    >>> import nbfrag as st
    >>> left, right = st.columns([2, 1], border=True)
    >>> left.write("The wide column")
    >>> with right:
    ...     st.metric("Plants", 12)
    """
    weights = _column_weights(spec)
    check_wrap(wrap)
    if gap not in _GAPS:
        raise errors.StreamlitAPIException(
            f'The gap argument to st.columns must be "small", "medium", or "large" (or None, '
            f'"xxsmall", "xsmall", "xlarge", "xxlarge"). \nThe argument passed was {gap!r}.'
        )
    if vertical_alignment not in _ALIGN:
        raise errors.StreamlitAPIException(
            'The vertical_alignment argument to st.columns must be "top", "center", "bottom", '
            f'or "distribute". \nThe argument passed was {vertical_alignment!r}.'
        )
    template = " ".join(f"minmax(0, {w:g}fr)" for w in weights)

    def update(grid: Any) -> None:
        grid.layout.grid_template_columns = template
        grid.layout.grid_gap = _GAPS[gap]
        grid.layout.align_items = _ALIGN[vertical_alignment]
        grid.layout.width = "100%"

    def create() -> widgets.Box:
        grid = widgets.GridBox()
        grid.add_class("nbfrag-columns")
        return grid

    row = _place_block(
        "columns", None, create, update=update,
        props=(template, gap, vertical_alignment), text=lambda: "columns:",
    )
    assert row.block is not None
    made = []
    with runtime.drawing_into(row.block):
        for number in range(1, len(weights) + 1):

            def style(box: Any) -> None:
                box.layout.border = _BORDER if border else None
                box.layout.padding = "0.5em" if border else None
                box.layout.min_width = "0"

            column = _place_block(
                "column", None, _vbox("nbfrag-column"), update=style, props=(border,),
                text=_fixed(f"column {number}:"),
            )
            made.append(_container(column))
    return made


def _is_real(value: object) -> bool:
    """An int or a float (numpy's too), not a bool."""
    return not isinstance(value, bool) and isinstance(value, numbers.Real)


def _column_weights(spec: Any) -> list[float]:
    """The relative widths of `st.columns(spec)`: a count of equal columns, or a list of
    positive weights."""
    if not isinstance(spec, bool) and isinstance(spec, numbers.Integral):
        count = int(spec)
        weights = [1.0] * count if count > 0 else []
    elif isinstance(spec, Sequence) and not isinstance(spec, str):
        weights = [float(w) for w in spec if _is_real(w) and w > 0]
        if len(weights) != len(spec):
            weights = []
    else:
        weights = []
    if not weights:
        raise errors.StreamlitAPIException(
            "The input argument to st.columns must be either a positive integer or a list of "
            f"positive numeric weights; got {spec!r}. For example st.columns(3) or st.columns([2, 1])."
        )
    return weights


class TabGroup(widgets.Tab):
    """The Tab widget of `st.tabs`. Its panes arrive when the run that draws them commits, so a
    tab chosen before that (`default=`, a tracked value) is kept and selected on their arrival."""

    def __init__(self, **kwargs: Any) -> None:
        self._wanted: int | None = None
        super().__init__(**kwargs)

    @traitlets.validate("selected_index")
    def _validated_index(self, proposal: Any) -> Any:
        value = proposal.value
        if value is not None and 0 <= value and value >= len(self.children):
            self._wanted = value  # not there yet: select it when the panes come
            return self.selected_index
        return super()._validated_index(proposal)

    def _reset_selected_index(self) -> None:
        wanted, self._wanted = self._wanted, None
        if wanted is not None and wanted < len(self.children):
            self.selected_index = wanted
        else:
            super()._reset_selected_index()


def _change_mode(on_change: Any, command: str) -> Callable[..., Any] | str:
    """Check `on_change` of a container that can track its state: "ignore", "rerun" or a callable."""
    if callable(on_change) or on_change in _CHANGE_MODES:
        return on_change  # type: ignore[no-any-return]
    raise errors.StreamlitAPIException(
        f'The on_change argument to {command} must be "ignore", "rerun" or a callable; got {on_change!r}.'
    )


def _no_binding(bind: Any, command: str) -> None:
    """`bind="query-params"` ties a container's state to the page URL, which nbfrag does not have yet."""
    if bind is not None:
        raise errors.StreamlitAPIException(
            f"{command}(bind={bind!r}) is not supported by nbfrag yet: a notebook has no page URL to bind "
            "to. Leave bind=None and use a key with on_change to read and set the state."
        )


def tabs(
    tabs: Sequence[str],
    *,
    width: Any = "stretch",
    height: int | str = "content",
    default: str | None = None,
    key: str | int | None = None,
    on_change: Callable[..., Any] | str = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> list[Container]:
    """Insert tabs and return one container per tab.

    By default every tab's content is drawn in every run, switching tabs causes no rerun, and
    the open tab stays open across reruns. With `on_change` the tabs track which one is open:
    each container's `.open` says whether its tab is, switching tabs reruns (after the callback,
    if `on_change` is one), and with a `key` the open tab's label is `st.session_state[key]`,
    which a callback may set to switch tabs (lazy loading: draw only `if tab.open:`).

    Parameters
    ----------
    tabs : sequence of str
        The tab labels, as plain text: at least one, all strings, else
        `StreamlitAPIException`.
    width : "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the tabs span their container.
    height : "content", "stretch" or int, default "content"
        Accepted for compatibility and ignored: a tab is as tall as its content.
    default : str, optional
        The label of the tab open at first (otherwise the first tab). A label not in `tabs`
        raises `StreamlitAPIException`.
    key : str or int, optional
        The tabs' identity, and with `on_change` the Session State key of the open tab's label.
    on_change : "ignore", "rerun" or callable, default "ignore"
        "ignore": the tabs track nothing and `.open` is None. "rerun": they track the open tab
        and switching reruns the app (or the fragment they are in). A callable: the same, with
        `on_change(*args, **kwargs)` called first. In an `st.form` a callable raises
        `StreamlitInvalidFormCallbackError`; "rerun" reruns at once, not on the form's submit.
    args : list or tuple, optional
        Positional arguments for an `on_change` callable.
    kwargs : dict, optional
        Keyword arguments for an `on_change` callable.
    bind : None
        Streamlit's `bind="query-params"` ties the open tab to the page URL; a notebook has
        none, so anything but None raises `StreamlitAPIException`.

    Returns
    -------
    list of Container
        One per tab. Draw into a tab with `with tab:` or by calling any element on it.

    Differences from Streamlit
    --------------------------
    * The labels are plain text (no Markdown); `width` and `height` are ignored; `bind` is not
      supported.

    Examples
    --------
    >>> import nbfrag as st
    >>> chart, data = st.tabs(["Chart", "Data"])
    >>> chart.write("A chart would go here.")
    >>> with data:
    ...     st.json({"rows": 3})
    """
    labels = list(tabs) if isinstance(tabs, Sequence) and not isinstance(tabs, str) else None
    if not labels:
        raise errors.StreamlitAPIException(
            "The input argument to st.tabs must contain at least one tab label, e.g. "
            "st.tabs(['Chart', 'Data'])."
        )
    if not all(isinstance(label, str) for label in labels):
        raise errors.StreamlitAPIException(
            "The tabs input list to st.tabs is only allowed to contain strings; got "
            f"{labels!r}."
        )
    if default is not None and default not in labels:
        raise errors.StreamlitAPIException(f"`default` must be one of the tab labels {labels!r}; got {default!r}.")
    mode = _change_mode(on_change, "st.tabs")
    _no_binding(bind, "st.tabs")
    key = None if key is None else str(key)

    fresh: list[widgets.Tab] = []

    def create() -> widgets.Tab:
        tab = TabGroup()
        tab.add_class("nbfrag-tabs")
        fresh.append(tab)
        return tab

    def current() -> str:
        index = group.widget.selected_index
        return labels[index] if index is not None and index < len(labels) else ""

    tracked = mode != "ignore"
    identity: Any = key
    if tracked:  # a widget: identity, Session State key, reruns when the user switches tab
        frame, identity = widget_frame(
            "tabs", key, tuple(labels), default, on_change=mode if callable(mode) else None
        )
    group = _place_block(
        "tabs", identity, create, block_class=_TabsBlock, text=lambda: f"tabs (open: {current()}):",
    )
    assert group.block is not None
    is_open: Callable[[str], Callable[[], bool]] | None = None
    if tracked:
        def to_index(label: Any) -> int:
            return labels.index(label)

        def from_index(index: Any) -> str:
            if not isinstance(index, int) or not 0 <= index < len(labels):
                raise ValueError(f"no tab at {index!r}")
            return labels[index]

        def check(label: Any) -> str:
            if label not in labels:
                raise errors.StreamlitAPIException(f"{label!r} is not one of the tabs {labels!r}.")
            return str(label)

        control = Control(create, lambda _w: None, tuple(labels), to_index, from_index, check, trait="selected_index")
        callback = make_callback(mode, args, kwargs) if callable(mode) else None
        owner = track_value(group, frame, "", key, default or labels[0], control, callback)
        is_open = lambda label: lambda: owner.value == label  # noqa: E731
    made = []
    with runtime.drawing_into(group.block):
        for label in labels:
            pane = _place_block("tab", label, _vbox("nbfrag-tab"), text=_fixed(f"tab {label}:"))
            pane.body = label
            made.append(_container(pane, is_open(label) if is_open else None))
    if default is not None and fresh and not tracked:  # first drawing: open the default tab
        group.widget.selected_index = labels.index(default)
    return made


def expander(
    label: str,
    expanded: bool = False,
    *,
    key: str | int | None = None,
    icon: str | None = None,
    type: str = "default",
    width: Any = "stretch",
    on_change: Callable[..., Any] | str = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> Container:
    """Insert a section that the user can open and close.

    With `on_change` the expander tracks whether it is open: the container's `.open` says so,
    opening or closing it reruns (after the callback, if `on_change` is one), and with a `key`
    `st.session_state[key]` is True while it is open and can be set to open or close it.

    Parameters
    ----------
    label : str
        The section's title, as plain text. Part of the expander's identity.
    expanded : bool, default False
        Whether the section starts open. After that, the user's choice survives reruns.
    key : str or int, optional
        The expander's identity, and with `on_change` its Session State key (True when open).
    icon : str, optional
        Text shown before the label, typically an emoji.
    type : {"default", "compact", "step"}, default "default"
        Streamlit's visual variants; accepted and drawn as the default expander.
    width : "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the expander spans its container.
    on_change : "ignore", "rerun" or callable, default "ignore"
        "ignore": nothing is tracked and `.open` is None. "rerun": opening or closing reruns
        the app (or the fragment it is in). A callable: the same, with
        `on_change(*args, **kwargs)` called first. In an `st.form` a callable raises
        `StreamlitInvalidFormCallbackError`; "rerun" reruns at once, not on the form's submit.
    args : list or tuple, optional
        Positional arguments for an `on_change` callable.
    kwargs : dict, optional
        Keyword arguments for an `on_change` callable.
    bind : None
        Streamlit's `bind="query-params"` ties the state to the page URL; a notebook has none,
        so anything but None raises `StreamlitAPIException`.

    Returns
    -------
    Container
        Draw into the section with `with section:` or by calling any element on it.

    Differences from Streamlit
    --------------------------
    * The label is plain text (no Markdown) and `icon` is shown as text (no `":material/...:"`
      icons); `width` is ignored and `type` draws the default style; `bind` is not supported.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.expander("How is this measured?"):
    ...     st.write("A probe in each pot, read every ten minutes.")
    """
    text_label = f"{icon} {label}" if icon else str(label)
    mode = _change_mode(on_change, "st.expander")
    _no_binding(bind, "st.expander")
    if type not in ("default", "compact", "step"):
        raise errors.StreamlitAPIException(
            f'The type argument to st.expander must be "default", "compact" or "step"; got {type!r}.'
        )
    key = None if key is None else str(key)

    def create() -> widgets.Accordion:
        accordion = widgets.Accordion(children=[_vbox("nbfrag-expander-body")()], titles=(text_label,))
        accordion.selected_index = 0 if expanded else None
        accordion.add_class("nbfrag-expander")
        return accordion

    def update(accordion: Any) -> None:
        accordion.titles = (text_label,)

    def text() -> str:
        opened = slot.widget.selected_index == 0
        return f"{'▾' if opened else '▸'} {text_label}:"

    tracked = mode != "ignore"
    identity: Any = str(label) if key is None else key
    if tracked:
        frame, identity = widget_frame(
            "expander", key, str(label), icon, bool(expanded), on_change=mode if callable(mode) else None
        )
    slot = _place_block(
        "expander", identity, create, update=update, props=(text_label,), text=text,
        inner=lambda accordion: accordion.children[0],
    )
    if not tracked:
        return _container(slot)
    control = Control(
        create, lambda _w: None, None, lambda is_open: 0 if is_open else None, lambda index: index == 0, bool,
        trait="selected_index",
    )
    callback = make_callback(mode, args, kwargs) if callable(mode) else None
    owner = track_value(slot, frame, str(label), key, bool(expanded), control, callback)
    return _container(slot, lambda: bool(owner.value))


def empty() -> Container:
    """Insert a placeholder that holds one element at a time.

    Each element written into it replaces the one it showed, so a loop can update one place on
    the page; `placeholder.empty()` clears it, and `placeholder.container()` holds several
    elements as one.

    Returns
    -------
    Container
        The placeholder: call any element on it (`placeholder.text(...)`) or use `with
        placeholder:`.

    Examples
    --------
    >>> import nbfrag as st
    >>> placeholder = st.empty()
    >>> for step in range(1, 4):
    ...     placeholder.text(f"Step {step} of 3")
    >>> placeholder.success("Finished")
    """
    slot = _place_block("empty", None, _vbox("nbfrag-empty"), block_class=_LastWriteBlock)
    return _container(slot)


def sidebar_block() -> Block:
    """The running app's sidebar block, made on first use."""
    frame = runtime.require_frame()
    if frame.fragment is not None:
        raise errors.StreamlitAPIException(
            "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. "
            "To write elements to the sidebar with a fragment, call your fragment function "
            "inside a `with st.sidebar` context manager."
        )
    app = frame.app
    if app.host is None:
        raise errors.StreamlitAPIException(
            "st.sidebar needs an app area to stand beside, and this plain cell has none: put "
            "the app in an `%%app` cell (after `%load_ext nbfrag`), or use st.container()."
        )
    if app.sidebar is None:
        with built():  # (background, padding and phone stacking: nbfrag's stylesheet)
            side = Area("nbfrag-sidebar")
            main = Area("nbfrag-main", layout=widgets.Layout(flex="1 1 auto", min_width="0"))
        main.block = app.root
        main.children = app.host.children
        app.root.widget = main
        app.sidebar = _SidebarBlock(side, parent=app.root)
        side.block = app.sidebar
        app.root.aside = app.sidebar
        app.host.layout.flex_flow = "row"
        app.host.children = (side, main)
        app.apply_layout()  # the width moves from the host to the main column
        configure_sidebar(app)
        app.root.adopt(app.sidebar)
    return app.sidebar


class Sidebar(Container):
    """`st.sidebar`: the sidebar of the app that uses it, a left column beside the app area
    (`with st.sidebar:` or `st.sidebar.write(...)`). A fragment called inside
    `with st.sidebar:` lives there.

    One object for every app: it finds the running app's sidebar each time it draws, so it
    can be imported, inspected and passed around anywhere, and using it outside an `%%app`
    run, or inside a fragment's body, is the error (as in Streamlit).

    It looks like Streamlit's: about 300 px wide with its own background, and on a phone (under
    640 px) an "auto" sidebar starts closed and a ☰ handle opens it over the page.

    Differences from Streamlit: the sidebar needs an `%%app` cell (a plain cell has no app
    area to stand beside); it is a column of the app's output, not of the browser window.
    """

    def __init__(self) -> None:
        self._entered: list[Any] = []

    def _target(self) -> Block:
        return sidebar_block()

    def __repr__(self) -> str:
        frame = runtime.frame()
        if frame is not None and frame.app.sidebar is not None:
            return "\n".join(frame.app.sidebar.lines()) or "(empty)"
        return "st.sidebar (the sidebar of the running %%app cell)"


sidebar = Sidebar()
