"""`st.status` (a collapsible container with a state icon) and `st.popover` (a button that opens
a floating container). Both are layout elements (`_place_block`) like `st.expander`; a popover
drawn with `on_change` tracks whether it is open as a widget value (`track_value`), as tracked
tabs and expanders do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as widgets
import traitlets

from .. import errors
from .._runtime.reconciler import Slot, close_widget
from .._widgets.base import Control, make_callback, track_value, widget_frame
from .._widgets.buttons import BUTTON_STYLES
from .._widgets.types import ButtonType, Key, WidgetArgs, WidgetKwargs, Width, WidthWithoutContent
from .layout import Container, _change_mode, _place_block, _vbox

StatusState = Literal["running", "complete", "error"]
STATE_ICONS: dict[str, str] = {"running": "⏳", "complete": "✅", "error": "❌"}


class StatusContainer(Container):
    """The container of `st.status`: draw into it, `.update()` its label, state or openness,
    and use it as `with st.status(...) as s:` (complete on exit, error on an exception)."""

    def __init__(self, slot: Slot, label: str, state: str) -> None:
        assert slot.block is not None
        super().__init__(slot.block)
        self._slot = slot
        self._label = label
        self._state = state

    @property
    def label(self) -> str:
        return self._label

    @property
    def state(self) -> str:
        return self._state

    def _title(self) -> str:
        return f"{STATE_ICONS[self._state]} {self._label}"

    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: StatusState | None = None
    ) -> None:
        """Change the status in place; what is not given keeps its value (`expanded=None` leaves
        the user's open/closed choice alone).

        Parameters
        ----------
        label : str, optional
            The new label.
        expanded : bool, optional
            Open (True) or close (False) the container.
        state : {"running", "complete", "error"}, optional
            The new state, which sets the icon.
        """
        if state is not None:
            _check_state(state)
            self._state = state
        if label is not None:
            self._label = str(label)
        accordion = self._slot.widget
        title = self._title()
        if tuple(accordion.titles) != (title,):
            accordion.titles = (title,)
        if expanded is not None:
            accordion.selected_index = 0 if expanded else None
        self._slot.props = (title,)

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        try:
            if self._state == "running":  # left by an exception (also st.rerun/st.stop): error
                self.update(state="error" if exc_info[0] is not None else "complete")
        finally:
            super().__exit__(*exc_info)


def _check_state(state: Any) -> None:
    if state not in STATE_ICONS:
        raise errors.StreamlitValueError("state", ["'running'", "'complete'", "'error'"])


def status(
    label: str,
    *,
    expanded: bool = False,
    state: StatusState = "running",
    type: Literal["default", "compact", "step"] = "default",
    width: WidthWithoutContent = "stretch",
) -> StatusContainer:
    """Insert a status container: a collapsible section whose title shows how a task is going.

    Write the task's progress into it; as a context manager (`with st.status(...) as s:`) it
    turns "complete" when the block ends, or "error" when an exception leaves it (the exception
    goes on). `s.update(label=..., state=..., expanded=...)` changes it at any time. Everything
    written into it is drawn, also while it is closed.

    Parameters
    ----------
    label : str
        The title, as plain text, after the state's icon.
    expanded : bool, default False
        Whether it starts open. After that, the user's choice survives reruns.
    state : {"running", "complete", "error"}, default "running"
        The icon: ⏳ while running, ✅ complete, ❌ error. Another value raises
        `StreamlitValueError`.
    type : {"default", "compact", "step"}, default "default"
        Streamlit's visual variants; accepted and drawn as the default.
    width : "stretch" or int, default "stretch"
        The container's width: its parent's, or pixels.

    Returns
    -------
    StatusContainer
        The container: draw into it with `with` or its methods; `.update()` changes it.

    Differences from Streamlit
    --------------------------
    * The icons are emoji (⏳ ✅ ❌) rather than a spinner and Material icons; the label is
      plain text; `type` draws the default style; creating and leaving it does not pause 0.05 s.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.status("Downloading data...", expanded=True) as s:
    ...     st.write("Searching for data...")
    ...     st.write("Found URL.")
    ...     s.update(label="Download complete!", expanded=False)
    """
    _check_state(state)
    if type not in ("default", "compact", "step"):
        raise errors.StreamlitValueError("type", ["'default'", "'compact'", "'step'"])
    css_width = "100%" if width == "stretch" else f"{int(width)}px"
    title = f"{STATE_ICONS[state]} {label}"

    def create() -> widgets.Accordion:
        accordion = widgets.Accordion(children=[_vbox("nbfrag-status-body")()], titles=(title,))
        accordion.selected_index = 0 if expanded else None
        accordion.add_class("nbfrag-status")
        return accordion

    def update(accordion: Any) -> None:
        accordion.titles = (title,)
        accordion.layout.width = css_width

    made: list[StatusContainer] = []

    def text() -> str:
        opened = slot.widget.selected_index == 0
        return f"{'▾' if opened else '▸'} {made[0]._title() if made else title}:"

    slot = _place_block(
        "status", None, create, update=update, props=(title, css_width), text=text,
        inner=lambda accordion: accordion.children[0],
    )
    slot.body = str(label)
    container = StatusContainer(slot, str(label), state)
    made.append(container)
    return container


# --------------------------------------------------------------------------------------------
# st.popover

_POPOVER_CSS = (
    "<style>.nbfrag-popover{overflow:visible}"
    ".nbfrag-popover-body{position:relative;z-index:1;width:max-content;min-width:14rem;max-width:min(40rem,100%);"
    "margin-top:0.25rem;padding:0.75rem 1rem;border:1px solid rgba(128,128,128,0.35);border-radius:0.5rem;"
    "background:var(--jp-layout-color0,#fff);box-shadow:0 4px 16px rgba(0,0,0,0.18)}</style>"
)


class PopoverBox(widgets.VBox):
    """A popover: its button, its floating body and a style. `is_open` (kernel side) says whether
    the body shows; the button's clicks set it, and so does the app (a tracked value)."""

    is_open = traitlets.Bool(False)

    def __init__(self) -> None:
        self.button = widgets.ToggleButton()
        self.body = _vbox("nbfrag-popover-body")()
        self.style_sheet = widgets.HTML(_POPOVER_CSS, layout=widgets.Layout(display="none"))
        super().__init__(children=[self.button, self.body, self.style_sheet])
        self.add_class("nbfrag-popover")
        self.body.layout.display = "none"
        self.button.observe(self._clicked, names="value")
        self.observe(self._opened, names="is_open")

    def _clicked(self, change: dict[str, Any]) -> None:
        if self.is_open != change["new"]:
            self.is_open = change["new"]

    def _opened(self, change: dict[str, Any]) -> None:
        opened = bool(change["new"])
        self.body.layout.display = None if opened else "none"
        if self.button.value != opened:
            self.button.value = opened

    def close(self) -> None:
        for part in (self.button, self.style_sheet):
            close_widget(part)
        super().close()


def popover(
    label: str,
    *,
    type: ButtonType = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    wrap: bool | None = None,
    key: Key = None,
    on_change: Callable[..., Any] | str = "ignore",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
) -> Container:
    """Insert a popover: a button that opens a container of elements below it.

    The content is drawn in every run, open or not; clicking the button opens or closes it and,
    by default, reruns nothing, and it stays open across reruns. With `on_change` the popover
    tracks whether it is open: the container's `.open` says so, opening or closing reruns
    (after the callback, if `on_change` is one), and with a `key` `st.session_state[key]` is
    True while it is open and can be set to open or close it.

    Parameters
    ----------
    label : str
        The button's text, as plain text. None raises `StreamlitMissingRequiredParameterError`.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The button's emphasis ("tertiary" looks like "secondary"); another value raises
        `StreamlitValueError`.
    help : str, optional
        A tooltip on the button.
    icon : str, optional
        Text shown before the label, typically an emoji.
    disabled : bool, default False
        Grey the button out, so that the popover cannot be opened.
    use_container_width : bool, optional
        True stretches the button across its container (the older spelling of `width="stretch"`).
    width : "content", "stretch" or int, default "content"
        The button's width: its label's, its container's, or pixels.
    wrap : bool, optional
        Accepted for compatibility and ignored.
    key : str or int, optional
        The popover's identity, and with `on_change` its Session State key (True when open).
    on_change : "ignore", "rerun" or callable, default "ignore"
        "ignore": nothing is tracked and `.open` is None. "rerun": opening or closing reruns
        the app (or the fragment it is in). A callable: the same, with
        `on_change(*args, **kwargs)` called first; in an `st.form` it raises
        `StreamlitInvalidFormCallbackError`.
    args : list or tuple, optional
        Positional arguments for an `on_change` callable.
    kwargs : dict, optional
        Keyword arguments for an `on_change` callable.

    Returns
    -------
    Container
        The popover's body, to draw into with `with` or its methods; `.open` as above.

    Differences from Streamlit
    --------------------------
    * The label is plain text and `icon` is shown as text; `wrap` is ignored. The body opens
      as a card below the button that pushes what follows down (a notebook output would clip
      a container floating over the page), and a click elsewhere does not close it.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.popover("Settings"):
    ...     st.checkbox("Show totals")
    """
    if label is None:
        raise errors.StreamlitMissingRequiredParameterError("label")
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if type not in BUTTON_STYLES:
        raise errors.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
    mode = _change_mode(on_change, "st.popover")
    key = None if key is None else str(key)
    text_label = f"{icon} {label}" if icon else str(label)
    button_width = {"stretch": "100%", "content": None}.get(width) if isinstance(width, str) else f"{int(width)}px"

    def update(box: Any) -> None:
        button = box.button
        button.description = text_label
        button.tooltip = help or None
        button.disabled = bool(disabled)
        button.button_style = BUTTON_STYLES[type]
        button.layout.width = button_width
        box.layout.width = "100%" if width == "stretch" else None

    def text() -> str:
        return f"popover [{text_label}]{' (open)' if slot.widget.is_open else ''}:"

    tracked = mode != "ignore"
    identity: Any = str(label) if key is None else key
    if tracked:
        frame, identity = widget_frame(
            "popover", key, str(label), type, help, icon, bool(disabled), on_change=mode if callable(mode) else None
        )
    slot = _place_block(
        "popover", identity, PopoverBox, update=update,
        props=(text_label, help, bool(disabled), type, button_width, width), text=text,
        inner=lambda box: box.body,
    )
    slot.body = str(label)
    if not tracked:
        assert slot.block is not None
        return Container(slot.block)
    control = Control(PopoverBox, lambda _w: None, None, bool, bool, bool, trait="is_open")
    callback = make_callback(mode, args, kwargs) if callable(mode) else None
    owner = track_value(slot, frame, str(label), key, False, control, callback)
    assert slot.block is not None
    return Container(slot.block, lambda: bool(owner.value))
