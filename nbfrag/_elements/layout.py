"""Layout: `st.container`, `st.columns`, `st.tabs`, `st.expander`, `st.empty`, `st.sidebar`.

Each layout element is a Box widget in a slot of the block it is drawn in, with a nested
`Block` of its own. A nested block runs with its parent's run (`Block.adopt`): drawn again,
it is reconciled like any block (same widgets, no leftovers when its shape changes); not drawn
again, it is closed with everything in it.

A fragment that writes into a container created outside it (during a fragment rerun) finds
that container's block between runs, so its elements *accumulate* there until the next full
app run redraws the container, as the `st.fragment` documentation describes. Widgets may not
go there: their clicks would have no scope to rerun.
"""

from __future__ import annotations

import functools
import numbers
from typing import Any, Callable, ClassVar, Sequence

import ipywidgets as widgets

from .. import errors
from .._runtime.reconciler import Block, Slot, close_widget
from .._runtime.runtime import runtime
from .._runtime.views import Area

_GAPS = {None: "0", "xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "1rem", "medium": "2rem", "large": "4rem", "xlarge": "6rem", "xxlarge": "8rem"}
_ALIGN = {"top": "flex-start", "center": "center", "bottom": "flex-end", "distribute": "stretch"}
_BORDER = "1px solid rgba(128, 128, 128, 0.35)"


class Container:
    """A place to draw into, like Streamlit's DeltaGenerator: use it as `with c:` or call
    any element on it (`c.write(...)`, `c.button(...)`, `col.metric(...)`)."""

    # The commands a container runs as methods, and the public commands that are not
    # elements. The registry of public commands (`nbfrag._api`), above this module, fills them.
    commands: ClassVar[dict[str, Callable[..., Any]]] = {}
    not_elements: ClassVar[set[str]] = set()

    def __init__(self, block: Block) -> None:
        self._block = block
        self._entered: list[Any] = []

    def __enter__(self) -> "Container":
        context = runtime.drawing_into(self._block)
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
                    f"'{name}' is not an element, so a container has no `.{name}()`: call st.{name} directly."
                )
            raise AttributeError(
                f"module 'nbfrag' has no attribute {name!r}. nbfrag supports: {', '.join(sorted(self.commands))}"
            )

        @functools.wraps(command)
        def in_container(*args: Any, **kwargs: Any) -> Any:
            with self:
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
        self.toggle = widgets.Button(layout=widgets.Layout(width="2.2em", align_self="flex-end"))
        self.toggle.add_class("nbfrag-sidebar-toggle")
        self.toggle.on_click(lambda _: self.set_collapsed(not self.collapsed))

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
        shown = (() if self.locked else (self.toggle,)) + (() if self.collapsed else self._content)
        if tuple(side.children) != shown:
            side.children = shown
        basis = "auto" if self.collapsed else f"{max(200, min(600, self.width))}px" if self.width else "16rem"
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


def _vbox(css_class: str) -> Callable[[], widgets.Box]:
    def create() -> widgets.Box:
        box = widgets.VBox()
        box.add_class(css_class)
        return box

    return create


# --------------------------------------------------------------------------------------------


def container(
    border: bool | None = None,
    height: int | str | None = None,
    key: str | None = None,
    *,
    width: Any = "stretch",
    horizontal: bool = False,
    gap: str | None = "small",
) -> Container:
    """Insert an invisible container that holds several elements (optionally bordered).

    Elements can be added with `with c:` or `c.write(...)`, also after later elements were
    drawn outside it. `height` (pixels) makes it scroll; a fixed height implies a border.
    """
    if height is not None and not isinstance(height, (int, str)):
        raise errors.StreamlitAPIException(f"`height` must be an int (pixels) or None; got {height!r}.")
    css_height = f"{height}px" if isinstance(height, int) else None
    bordered = bool(border) if border is not None else css_height is not None

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

    slot = _place_block(
        "container", None if key is None else str(key), create,
        update=update, props=(bordered, css_height, horizontal, gap),
    )
    return Container(slot.block)


def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: Any = "stretch",
) -> list[Container]:
    """Insert side-by-side columns: `spec` is a count, or relative widths such as `[2, 1]`.

    Returns one container per column; use `with col:` or `col.write(...)`.
    """
    if isinstance(spec, numbers.Integral) and not isinstance(spec, bool):
        weights = [1.0] * int(spec) if spec > 0 else []
    elif isinstance(spec, Sequence) and not isinstance(spec, str):
        weights = [float(w) for w in spec if isinstance(w, numbers.Real) and not isinstance(w, bool) and w > 0]
        if len(weights) != len(spec):
            weights = []
    else:
        weights = []
    if not weights:
        raise errors.StreamlitAPIException(
            "The input argument to st.columns must be either a positive integer or a list of "
            f"positive numeric weights; got {spec!r}. For example st.columns(3) or st.columns([2, 1])."
        )
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
                text=lambda n=number: f"column {n}:",
            )
            made.append(Container(column.block))
    return made


def tabs(tabs: Sequence[str], *, width: Any = "stretch", default: str | None = None) -> list[Container]:
    """Insert tabs; returns one container per tab label. The open tab survives reruns."""
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

    fresh: list[widgets.Tab] = []

    def create() -> widgets.Tab:
        tab = widgets.Tab()
        tab.add_class("nbfrag-tabs")
        fresh.append(tab)
        return tab

    def current() -> str:
        index = group.widget.selected_index
        return labels[index] if index is not None and index < len(labels) else ""

    group = _place_block(
        "tabs", None, create, block_class=_TabsBlock, text=lambda: f"tabs (open: {current()}):",
    )
    assert group.block is not None
    made = []
    with runtime.drawing_into(group.block):
        for label in labels:
            pane = _place_block("tab", label, _vbox("nbfrag-tab"), text=lambda lab=label: f"tab {lab}:")
            pane.body = label
            made.append(Container(pane.block))
    if default is not None and fresh:  # first drawing: open the default tab
        group.widget.selected_index = labels.index(default)
    return made


def expander(label: str, expanded: bool = False, *, icon: str | None = None, width: Any = "stretch") -> Container:
    """Insert a collapsible section (an Accordion with one panel), open when `expanded`.

    The user's open/closed choice survives reruns; `expanded` is the initial state.
    """
    text_label = f"{icon} {label}" if icon else str(label)

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

    slot = _place_block(
        "expander", str(label), create, update=update, props=(text_label,), text=text,
        inner=lambda accordion: accordion.children[0],
    )
    return Container(slot.block)


def empty() -> Container:
    """Insert a single-element placeholder: each element written into it replaces the last
    (e.g. `placeholder.text(f"step {i}")` in a loop), and `placeholder.empty()` clears it."""
    slot = _place_block("empty", None, _vbox("nbfrag-empty"), block_class=_LastWriteBlock)
    return Container(slot.block)


def sidebar() -> Container:
    """The app's sidebar: a left column beside the app area (`with st.sidebar:` or
    `st.sidebar.write(...)`). A fragment called inside `with st.sidebar:` lives there."""
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
        side = Area("nbfrag-sidebar")
        side.layout.border = _BORDER
        side.layout.padding = "0.5em 1em"
        side.layout.margin = "0 1em 0 0"
        main = Area("nbfrag-main")
        main.layout.flex = "1 1 auto"
        main.layout.min_width = "0"
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
    return Container(app.sidebar)
