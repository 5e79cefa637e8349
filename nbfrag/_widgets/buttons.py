"""`st.button`: a value for one run only (True in the run its click caused)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.runtime import runtime
from .base import WidgetOwner, bind_key, make_callback, widget_frame
from .types import ButtonType, Callback, IconPosition, Key, WidgetArgs, WidgetKwargs, Width

_BUTTON_STYLES: dict[str, str] = {"primary": "primary", "secondary": "", "tertiary": ""}


class _ReadOnlyTrigger:
    """Session State binding of a keyed button: True in the run its click caused."""

    def __init__(self, widget_id: Hashable, key: str) -> None:
        self._widget_id = widget_id
        self._key = key

    def get(self) -> Any:
        return bool(runtime.session.triggers.get(self._widget_id, False))

    def set(self, value: Any) -> None:
        raise errors.StreamlitValueAssignmentNotAllowedError(self._key)


def button(
    label: str,
    key: Key = None,
    help: str | None = None,
    on_click: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: IconPosition = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button and return whether it was just clicked.

    A click reruns the button's scope: only the fragment it is drawn in, or the whole app when it
    is outside fragments. The button returns True in the run that the click caused and False in
    every other run, so act on it at once and keep what must last in `st.session_state`.

    Parameters
    ----------
    label : str
        The text on the button, as plain text. Part of the button's identity when it has no `key`.
    key : str or int, optional
        The button's unique name. With one, `st.session_state[key]` is True in the run its click
        caused; assigning to it raises `StreamlitValueAssignmentNotAllowedError`, as in Streamlit.
    help : str, optional
        A tooltip shown when the pointer rests on the button.
    on_click : callable, optional
        Called as `on_click(*args, **kwargs)` when the button is clicked, before the rerun that
        the click causes.
    args : tuple, optional
        Positional arguments passed to `on_click`.
    kwargs : dict, optional
        Keyword arguments passed to `on_click`.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The emphasis. "primary" is ipywidgets' coloured primary style; "secondary" and "tertiary"
        are its plain style. Other values raise `StreamlitAPIException`.
    icon : str, optional
        Text shown beside the label, typically an emoji such as "🚀".
    icon_position : {"left", "right"}, default "left"
        Which side of the label the icon is on. Other values raise `StreamlitValueError`.
    disabled : bool, default False
        Show the button greyed out, so that it cannot be clicked.
    use_container_width : bool, optional
        True stretches the button across its container (the older spelling of
        `width="stretch"`).
    width : "content", "stretch" or int, default "content"
        "stretch" makes the button as wide as its container; "content" and a number of pixels
        leave it at its natural width.
    shortcut : str, optional
        Checked as Streamlit checks it (one key such as "K", "4", "F2", "Enter" or "Esc", with
        modifiers such as "Ctrl+Shift+K"; "C" and "R" are reserved), then ignored: in JupyterLab
        and Notebook 7 the keyboard belongs to the notebook (its own single-key shortcuts such
        as A, B, D and M act on cells), so nbfrag binds no keys. A bad shortcut raises
        Streamlit's errors.
    wrap : bool or None, default None
        Accepted for compatibility and ignored: ipywidgets' button keeps its label on one line.

    Returns
    -------
    bool
        True in the run caused by a click of this button, False otherwise.

    Differences from Streamlit
    --------------------------
    * `type="tertiary"` looks like "secondary": ipywidgets has no borderless button style.
    * `icon` is shown as text: an emoji works, a `":material/...:"` name is not turned into an icon.
    * The label and `help` are plain text (no Markdown); a width in pixels is ignored.
    * `shortcut` is checked but binds no key: the notebook owns the keyboard.

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.button("Say hello", type="primary"):
    ...     st.write("Hello!")
    ... else:
    ...     st.write("Click the button.")
    """
    if type not in _BUTTON_STYLES:
        raise errors.StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".'
        )
    if icon_position is not None and icon_position not in ("left", "right"):
        raise errors.StreamlitValueError("icon_position", ["'left'", "'right'"])
    if shortcut is not None:
        normalize_shortcut(shortcut)
    key = None if key is None else str(key)
    frame, wid = widget_frame("button", key, str(label), help, type, icon)
    text = str(label) if not icon else f"{label} {icon}" if icon_position == "right" else f"{icon} {label}"
    full_width = use_container_width is True or width == "stretch"

    def create() -> widgets.Button:
        widget = widgets.Button()
        widget.add_class("nbfrag-button")
        return widget

    def update(widget: Any) -> None:
        widget.description = text
        widget.tooltip = help or None
        widget.disabled = bool(disabled)
        widget.button_style = _BUTTON_STYLES[type]
        widget.layout.width = "100%" if full_width else None

    props = (text, help, disabled, type, full_width)
    slot = frame.block.place("button", wid, create, update, text=lambda: f"[{label}]", props=props)
    if slot.owner is None:
        owner = slot.owner = WidgetOwner(wid, "button", str(label), key)
        owner.read = lambda: bool(runtime.session.triggers.get(wid, False))
        slot.widget.on_click(lambda _button: runtime.dispatch(owner.request(trigger=True)))
    owner = slot.owner
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = make_callback(on_click, args, kwargs)
    if key is not None:
        bind_key(slot, key, _ReadOnlyTrigger(wid, key))
    frame.show(slot.widget)
    return bool(runtime.session.triggers.get(wid, False))


# -- shortcuts ----------------------------------------------------------------------------------

_MODIFIERS = {
    "ctrl": "ctrl", "control": "ctrl", "mod": "ctrl",
    "cmd": "cmd", "command": "cmd", "meta": "cmd",
    "alt": "alt", "option": "alt",
    "shift": "shift",
}
_SPECIAL_KEYS = {
    "enter": "enter", "return": "enter", "space": "space", "spacebar": "space", "tab": "tab",
    "escape": "escape", "esc": "escape", "backspace": "backspace", "delete": "delete",
    "del": "delete", "home": "home", "end": "end", "pageup": "pageup", "pagedown": "pagedown",
    "left": "left", "arrowleft": "left", "right": "right", "arrowright": "right",
    "up": "up", "arrowup": "up", "down": "down", "arrowdown": "down",
}


def normalize_shortcut(shortcut: object) -> str:
    """A button's `shortcut` in a canonical form ("ctrl+shift+k"), with Streamlit's errors for
    a non-string, no key, two keys, the reserved keys C and R, and unknown keys."""
    if not isinstance(shortcut, str):
        raise errors.StreamlitInvalidParameterTypeError("shortcut", type(shortcut).__name__, ["str"])
    tokens = [token.strip().lower() for token in shortcut.split("+") if token.strip()]
    if not tokens:
        raise errors.StreamlitAPIException("The `shortcut` must contain at least one key or modifier.")
    modifiers: set[str] = set()
    keys: list[str] = []
    for token in tokens:
        if token in _MODIFIERS:
            modifiers.add(_MODIFIERS[token])
            continue
        if keys:
            raise errors.StreamlitAPIException("The `shortcut` may only specify a single non-modifier key.")
        keys.append(_key(token))
    if not keys:
        raise errors.StreamlitAPIException(
            "The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'."
        )
    return "+".join([m for m in ("ctrl", "cmd", "alt", "shift") if m in modifiers] + keys)


def _key(token: str) -> str:
    if token in _SPECIAL_KEYS:
        key = _SPECIAL_KEYS[token]
    elif (len(token) == 1 and token.isalnum()) or (token[:1] == "f" and token[1:].isdigit()):
        key = token
    else:
        raise errors.StreamlitAPIException(
            "shortcut must include a single character or one of the supported keys "
            "(e.g. Enter, Space, Tab, Escape)."
        )
    if key in ("c", "r"):
        raise errors.StreamlitAPIException("The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.")
    return key
