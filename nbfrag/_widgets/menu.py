"""`st.menu_button`: a button opening a menu (js/menu.js); the option picked is the button's
value in the one run the pick causes (None in every other run), as a button's click is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anywidget
import traitlets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .base import WidgetOwner, bind_key, guard_messages, make_callback, widget_frame
from .buttons import ReadOnlyTrigger, refuse_preset
from .chips import check_comparable
from .options import as_options, option_labels
from .types import ButtonType, Callback, Key, WidgetArgs, WidgetKwargs, Width, css_size

_WIDTHS: dict[str, str | None] = {"content": None, "stretch": "100%"}


class MenuButtonWidget(anywidget.AnyWidget):
    """The menu button (js/menu.js): a pick is a custom message `{"event": "pick", "index": i}`."""

    _esm = esm("menu.js")
    label = traitlets.Unicode("").tag(sync=True)
    icon = traitlets.Unicode("").tag(sync=True)
    kind = traitlets.Unicode("secondary").tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    width = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_pick: Callable[[int], None] | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "pick" or self.on_pick is None:
            return
        index = content.get("index")
        if type(index) is int and 0 <= index < len(self.options):  # a forged index is ignored
            self.on_pick(index)

    def __repr__(self) -> str:
        return f"menu_button {self.label!r}"


@dataclass(eq=False)
class MenuOwner(WidgetOwner):
    """A drawn menu button: its options; `write` picks one as a visitor does (`nbfrag.testing`)."""

    options: list[Any] | None = None

    def __post_init__(self) -> None:
        wid = self.widget_id
        self.read = lambda: runtime.session.triggers.get(wid, (None,))[0]
        self.write = self.pick_option

    def pick(self, index: int) -> None:
        """The visitor picked entry `index`: one run of the button's scope, in which the button
        returns that option (nothing, if the button is disabled)."""
        if self.disabled or self.options is None:
            return
        runtime.dispatch(self.request(trigger=(self.options[index],)))

    def pick_option(self, option: Any) -> None:
        assert self.options is not None
        for i, candidate in enumerate(self.options):
            if candidate is option or candidate == option:
                self.pick(i)
                return
        raise ValueError(f"{option!r} is not one of the menu's options")


def menu_button(
    label: str,
    options: Any,
    *,
    key: Key = None,
    help: str | None = None,
    on_click: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: Width = "content",
    format_func: Callable[[Any], Any] = str,
    wrap: bool | None = None,
) -> Any:
    """Display a button that opens a menu, and return the option just picked from it.

    A pick reruns the button's scope (only its fragment, or the whole app) and the button
    returns the option in that run only; in every other run it returns None, as `st.button`
    returns True only in the run its click caused.

    Parameters
    ----------
    label : str
        The text on the button, as plain text. Part of the widget's identity when it has no
        `key`.
    options : iterable
        The menu's entries: a list, tuple, range, dict (its keys), pandas Series or DataFrame
        (its first column), or any other iterable; at least one
        (`StreamlitMissingRequiredParameterError`). The option objects themselves are returned.
    key : str or int, optional
        The button's unique name. With one, `st.session_state[key]` is the option in the run
        its pick caused, else None; assigning to it raises
        `StreamlitValueAssignmentNotAllowedError`, as in Streamlit.
    help : str, optional
        A tooltip shown when the pointer rests on the button.
    on_click : callable, optional
        Called as `on_click(*args, **kwargs)` when an option is picked, before the rerun the
        pick causes. Streamlit's modes ("rerun", "ignore") are not taken, as in Streamlit.
    args : tuple, optional
        Positional arguments passed to `on_click`.
    kwargs : dict, optional
        Keyword arguments passed to `on_click`.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The emphasis: filled with the accent colour, outlined, or plain. Other values raise
        `StreamlitValueError`.
    icon : str, optional
        Text shown before the label, typically an emoji.
    disabled : bool, default False
        Show the button greyed out, so that its menu cannot be opened. Enforced in the kernel.
    width : "content", "stretch" or int, default "content"
        The button's width: its content's, the container's, or pixels. Other values raise
        `StreamlitInvalidWidthError`.
    format_func : callable, default str
        Turns an option into the text of its menu entry; the option itself is still returned.
        Two entries with the same text raise `StreamlitAPIException`.
    wrap : bool or None, default None
        Accepted and ignored: the button's label stays on one line.

    Returns
    -------
    any or None
        The option picked, in the run its pick caused; None in every other run.

    Differences from Streamlit
    --------------------------
    * The label, the entries and `help` are plain text (Streamlit renders Markdown in them);
      `icon` is shown as text (a `":material/...:"` name is not turned into an icon).
    * The option itself is returned, not a copy; `wrap` is ignored.

    Examples
    --------
    >>> import nbfrag as st
    >>> action = st.menu_button("Export", options=["CSV", "JSON", "PDF"])
    >>> if action is not None:
    ...     st.write(f"Exporting as {action}...")
    """
    frame = runtime.require_frame()
    if form_of(frame.block) is not None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.menu_button()` can't be used in an `st.form()`." + errors.FORMS_INFO
        )
    if type not in ("primary", "secondary", "tertiary"):
        raise errors.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
    css_width = css_size(width, "width", _WIDTHS) or ""
    opts = as_options(options)
    if not opts:
        raise errors.StreamlitMissingRequiredParameterError("options", "Provide at least one option.")
    check_comparable(opts)
    labels = option_labels(opts, format_func)
    if len(set(labels)) != len(labels):
        raise errors.StreamlitAPIException(
            "The `format_func` produced duplicate labels for the menu button options. Each formatted "
            "option label must be unique."
        )
    callback = make_callback(on_click, args, kwargs)
    key = None if key is None else str(key)
    frame, wid = widget_frame("menu_button", key, str(label), tuple(labels), help, type, icon, width)
    refuse_preset(key)

    def create() -> MenuButtonWidget:
        widget = MenuButtonWidget()
        widget.add_class("nbfrag-menu-button-widget")
        return widget

    def update(widget: Any) -> None:
        with runtime.kernel_writes():
            widget.label, widget.icon, widget.kind = str(label), icon or "", type
            widget.options = labels
            widget.tooltip = help or None
            widget.disabled = bool(disabled)
            widget.width = css_width

    def text() -> str:
        return f"[{label} ▾] " + " | ".join(labels) + (" (disabled)" if disabled else "")

    props = (str(label), tuple(labels), help, type, icon, bool(disabled), css_width)
    slot = frame.block.place("menu_button", wid, create, update, text=text, props=props)
    if slot.owner is None:
        owner = slot.owner = MenuOwner(wid, "menu_button", str(label), key)
        slot.widget.on_pick = owner.pick
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
    owner = slot.owner
    assert isinstance(owner, MenuOwner)
    owner.label, owner.options = str(label), opts
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.disabled = bool(disabled)
    owner.callback = callback
    if key is not None:
        bind_key(slot, key, _MenuTrigger(wid, key))
    frame.show(slot.widget)
    return owner.read()


class _MenuTrigger(ReadOnlyTrigger):
    """Session State binding of a keyed menu button: the option in the run its pick caused."""

    def get(self) -> Any:
        return runtime.session.triggers.get(self._widget_id, (None,))[0]
