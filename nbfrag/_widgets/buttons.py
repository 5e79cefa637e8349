"""`st.button` and `st.form_submit_button`: values for one run only (True in the run the click
caused). A submit button's click submits its form (`nbfrag._runtime.forms.FormScope`): the form's
pending edits become the values the app reads, in that one run."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.forms import FormScope, form_of
from .._runtime.models import set_layout, set_variant, shared_parts
from .._runtime.runtime import runtime
from .base import WidgetOwner, bind_key, guard_messages, make_callback, widget_frame
from .types import ButtonType, Callback, IconPosition, Key, WidgetArgs, WidgetKwargs, Width, css_size

BUTTON_STYLES: dict[str, str] = {"primary": "primary", "secondary": "", "tertiary": ""}


def new_button(css_class: str) -> widgets.Button:
    """A button with the shared default Layout and Style (see `style_button`)."""
    return widgets.Button(**shared_parts(widgets.Button), _dom_classes=("nbfrag-button", css_class))


def style_button(button: widgets.Button, type: str, width: str | None) -> None:
    """Show a button's `type` (class `nbfrag-kind-primary|secondary|tertiary`, styled by nbfrag's
    stylesheet; download buttons use the same classes) and its width: `"100%"` fills the column
    (class `nbfrag-stretch`), pixels set its own Layout, None is its label's width."""
    button.button_style = BUTTON_STYLES[type]
    set_variant(button, "kind", type)
    set_variant(button, "width", "stretch" if width == "100%" else None)
    set_layout(button, width=None if width == "100%" else width)


class ReadOnlyTrigger:
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
    if type not in BUTTON_STYLES:
        raise errors.StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".'
        )
    check_icon_position(icon_position)
    if shortcut is not None:
        normalize_shortcut(shortcut)
    if form_of(runtime.require_frame().block) is not None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead "
            "to submit the form." + errors.FORMS_INFO
        )
    key = None if key is None else str(key)
    frame, wid = widget_frame("button", key, str(label), help, type, icon)
    refuse_preset(key)
    text = with_icon(str(label), icon, icon_position)
    full_width = use_container_width is True or width == "stretch"

    def create() -> widgets.Button:
        return new_button("nbfrag-st-button")

    def update(widget: Any) -> None:
        with runtime.kernel_writes():  # not a visitor's change (see `guard_disabled`)
            widget.description = text
            widget.tooltip = help or None
            widget.disabled = bool(disabled)
            style_button(widget, type, "100%" if full_width else None)

    props = (text, help, disabled, type, full_width)
    slot = frame.block.place("button", wid, create, update, text=lambda: f"[{label}]", props=props)
    if slot.owner is None:
        owner = slot.owner = WidgetOwner(wid, "button", str(label), key)
        owner.read = lambda: bool(runtime.session.triggers.get(wid, False))
        slot.widget.on_click(lambda _button: _clicked(owner))
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
    owner = slot.owner
    owner.label = str(label)  # a keyed button keeps its widget when a rerun relabels it
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.disabled = bool(disabled)
    owner.callback = make_callback(on_click, args, kwargs)
    if key is not None:
        bind_key(slot, key, ReadOnlyTrigger(wid, key))
    frame.show(slot.widget)
    return bool(runtime.session.triggers.get(wid, False))


def refuse_preset(key: str | None) -> None:
    """A button's value cannot be set through Session State: a value already there under its
    key (set before the button was drawn) raises Streamlit's error."""
    if key is not None and runtime.session.state.preset(key)[0]:
        raise errors.StreamlitValueAssignmentNotAllowedError(key)


def _clicked(owner: WidgetOwner) -> None:
    """A click: rerun the button's scope, unless the button is disabled (then the click is a
    visitor's forgery, ignored as Streamlit ignores it)."""
    if not owner.disabled:
        runtime.dispatch(owner.request(trigger=True))


def check_icon_position(icon_position: object) -> None:
    """Streamlit's error for an `icon_position` that is neither "left" nor "right" (None is "left")."""
    if icon_position is not None and icon_position not in ("left", "right"):
        raise errors.StreamlitValueError("icon_position", ["'left'", "'right'"])


def with_icon(label: str, icon: str | None, icon_position: IconPosition | None) -> str:
    """A button's text: its label with the icon on the side `icon_position` names."""
    if not icon:
        return label
    return f"{label} {icon}" if icon_position == "right" else f"{icon} {label}"


# --------------------------------------------------------------------------------------------
# st.form_submit_button


@dataclass(eq=False)
class SubmitOwner(WidgetOwner):
    """A drawn submit button: its form, and whether it is disabled (Enter follows the first)."""

    form: FormScope | None = None
    widget: Any = None


def _submit_with(owner: SubmitOwner) -> Callable[[Any], None]:
    def clicked(_button: Any) -> None:
        if owner.form is not None and not owner.disabled:
            owner.form.submit(owner)

    return clicked


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    key: Key = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: IconPosition = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a form's submit button and return whether it was just clicked.

    A click sends every pending edit of the form to the app at once, in one run: of the
    fragment that drew the button, else of the whole app. `on_click(*args, **kwargs)` runs
    first in that run and reads the submitted values from `st.session_state`; assigning a
    form widget's key there is how a field is reset. Pass the values through Session State,
    not through `args`/`kwargs` (those are evaluated when the button is drawn).

    Parameters
    ----------
    label : str, default "Submit"
        The button's text, as plain text; with the form's key, it makes the default `key`.
    help : str, optional
        A tooltip shown when the pointer rests on the button.
    on_click : callable, optional
        Called as `on_click(*args, **kwargs)` before the run the submit causes.
    args : tuple, optional
        Positional arguments passed to `on_click`.
    kwargs : dict, optional
        Keyword arguments passed to `on_click`.
    key : str or int, optional
        The button's identity. Without one it is `f"FormSubmitter:{form_key}-{label}"`, which
        is visible (read-only, False except in the run of its click) in `st.session_state`;
        two unkeyed submit buttons with the same label in one form therefore collide.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The emphasis, as for `st.button`.
    icon : str, optional
        Text shown beside the label, typically an emoji.
    icon_position : {"left", "right"}, default "left"
        Which side of the label the icon is on.
    disabled : bool, default False
        Show the button greyed out. A disabled first submit button also turns off
        Enter-to-submit.
    use_container_width : bool, optional
        True stretches the button across its container (the older spelling of
        `width="stretch"`).
    width : "content", "stretch" or int, default "content"
        The button's width: its label's, the container's, or pixels.
    shortcut : str, optional
        Checked as for `st.button` (a bad shortcut raises Streamlit's errors), then ignored: a
        notebook's keys belong to Jupyter's own shortcuts.
    wrap : bool, optional
        Accepted and ignored: labels wrap as the browser lays them out.

    Returns
    -------
    bool
        True in the run its click (or Enter in the form) caused, else False.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Outside a form.

    Differences from Streamlit
    --------------------------
    * `shortcut` is checked but binds no key, and `wrap` is ignored (see above).
    * `type="tertiary"` looks like "secondary" and `icon` is shown as text, as for `st.button`.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.form("login", clear_on_submit=True):
    ...     name = st.text_input("Name")
    ...     if st.form_submit_button("Sign in", type="primary"):
    ...         st.write(f"Welcome, {name}!")
    """
    frame = runtime.require_frame()
    scope = form_of(frame.block)
    if scope is None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.form_submit_button()` must be used inside an `st.form()`." + errors.FORMS_INFO
        )
    if type not in BUTTON_STYLES:
        raise errors.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
    check_icon_position(icon_position)
    if shortcut is not None:
        normalize_shortcut(shortcut)
    stretch = {"content": None, "stretch": "100%"}
    css_width = "100%" if use_container_width else css_size(width, "width", stretch)
    label = str(label)
    key = f"FormSubmitter:{scope.key}-{label}" if key is None else str(key)
    frame, wid = widget_frame("form_submit_button", key, label, help, type, icon)
    refuse_preset(key)
    shown = with_icon(label, icon, icon_position)

    def create() -> widgets.Button:
        return new_button("nbfrag-form-submit-button")

    def update(button: Any) -> None:
        with runtime.kernel_writes():  # not a visitor's change (see `guard_disabled`)
            button.description = shown
            button.tooltip = help or None
            button.disabled = bool(disabled)
            style_button(button, type, css_width)

    props = (shown, help, bool(disabled), type, css_width)
    slot = frame.block.place("form_submit_button", wid, create, update, text=lambda: f"[{shown}]", props=props)
    owner = slot.owner
    if owner is None:
        owner = slot.owner = SubmitOwner(wid, "form_submit_button", label, key, widget=slot.widget)
        owner.read = lambda: bool(runtime.session.triggers.get(wid, False))
        slot.widget.on_click(_submit_with(owner))
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
    owner.label = label
    owner.app, owner.fragment, owner.form = frame.app, frame.fragment, scope
    owner.callback = make_callback(on_click, args, kwargs)
    owner.disabled = bool(disabled)
    bind_key(slot, key, ReadOnlyTrigger(wid, key))
    scope.add_button(slot, owner)
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
