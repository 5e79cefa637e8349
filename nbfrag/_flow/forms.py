"""`st.form` and `st.form_submit_button`: batch a group of inputs into one run, on submit.

The form is a layout block (like `st.container`) whose block knows its `FormScope` (kernel
side of the batching, in `nbfrag._runtime.forms`). Inputs drawn inside it keep the user's
edits pending there; a submit button commits them and causes exactly one run: of the
fragment that drew the button, else of the whole app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import ipywidgets as widgets

from .. import errors
from .._elements.alerts import alert_html
from .._elements.layout import Container, _place_block
from .._runtime.forms import FormBlock, FormScope, form_of, place_enter_helper
from .._runtime.runtime import runtime
from .._runtime.views import Html
from .._widgets.base import Callback, WidgetOwner, bind_key, make_callback, widget_frame
from .._widgets.buttons import _BUTTON_STYLES, _ReadOnlyTrigger

_BORDER = "1px solid rgba(128, 128, 128, 0.35)"

MISSING_SUBMIT_BUTTON = (
    "**Missing Submit Button**\n\nThis form has no submit button, which means that user "
    "interactions will never be sent to your Streamlit app.\n\nTo create a submit button, use "
    "the `st.form_submit_button()` function.\n\nFor more information, refer to the "
    "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def _css_size(
    value: Any,
    words: dict[str, str | None],
    error: type[errors.StreamlitInvalidWidthError] | type[errors.StreamlitInvalidHeightError],
) -> str | None:
    """A `width`/`height` argument as CSS: a positive int is pixels, or one of `words`."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    if isinstance(value, str) and value in words:
        return words[value]
    raise error(value, True)


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["stretch", "content"] = "content",
) -> Container:
    """Create a form: its inputs send their values to the app together, when it is submitted.

    Edits of the widgets inside a form cause no run and are not seen by the app: the app
    reads the last submitted values (at first, the defaults) until a user clicks one of the
    form's `st.form_submit_button`s. That submit causes exactly one run, of the fragment that
    drew the button or else the whole app, in which the app reads all the new values and the
    clicked button returns True. Draw into the form with `with form:` or its methods
    (`form.slider(...)`), like any container.

    Parameters
    ----------
    key : str
        The form's identity, unique in the app (it is also reserved in `st.session_state`:
        assigning `st.session_state[key]` is an error).
    clear_on_submit : bool
        After a submit, show the widgets' default values again. Only what the form *shows* is
        reset: the app (and Session State) keep the submitted values until the next submit,
        which sends the defaults for the fields the user did not touch again.
    enter_to_submit : bool
        Pressing Enter in a text input of the form (Ctrl/Cmd+Enter in a text area) submits it
        as its first submit button would (if that button is enabled).
    border : bool
        Draw a frame around the form. Without one, users may not see that changing its widgets
        does nothing until the submit.
    width, height : int, "stretch" or "content"
        The form's size: pixels, the container's width ("stretch"), or its content's size.
        A form with a fixed height scrolls.

    Returns
    -------
    Container
        The form, to draw into.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Inside another form (forms cannot be nested).
    StreamlitDuplicateElementKey
        Another form with this key was drawn in the same run.
    StreamlitValueAssignmentNotAllowedError
        `st.session_state[key]` holds a value (the key is reserved for the form).

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.form("order"):
    ...     dish = st.selectbox("Dish", ["Soup", "Salad"])
    ...     count = st.number_input("How many", 1, 10, 1)
    ...     sent = st.form_submit_button("Order")
    >>> if sent:
    ...     st.write(f"Ordered {count} × {dish}")

    Differences from Streamlit
    --------------------------
    The batching happens in the kernel (ipywidgets sends every edit at once; the form holds
    it). A form without a submit button shows a warning inside it (Streamlit 1.60+ shows
    nothing, older versions showed this warning). Enter submits from `st.text_input` and
    `st.text_area`, not from `st.number_input`. `st.session_state[key]` is refused while it
    holds a value, not only in the run that assigned it. An `st.widget` in a form reruns
    nothing until the submit either, but its value is the ipywidget's own: a run caused
    elsewhere already reads an edit, and `clear_on_submit` leaves it (as Streamlit leaves
    custom components).
    """
    frame = runtime.require_frame()
    if form_of(frame.block) is not None:
        raise errors.StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.")
    if not isinstance(key, str):
        raise TypeError("bad argument type for built-in operation")  # Streamlit's own words
    css_width = _css_size(width, {"stretch": "100%", "content": None}, errors.StreamlitInvalidWidthError)
    css_height = _css_size(height, {"stretch": "100%", "content": None}, errors.StreamlitInvalidHeightError)
    if runtime.state.preset(key)[0]:
        raise errors.StreamlitValueAssignmentNotAllowedError(key)
    if ("form", key) in frame.run.widget_ids:  # forms have keys of their own: no widget clash
        raise errors.StreamlitDuplicateElementKey(key)
    frame.run.widget_ids.add(("form", key))
    fixed = css_height is not None and height != "stretch"

    def create() -> widgets.Box:
        box = widgets.VBox()
        box.add_class("nbfrag-form")
        return box

    def update(box: Any) -> None:
        box.layout.border = _BORDER if border else None
        box.layout.padding = "0.5em 1em" if border else None
        box.layout.width = css_width
        box.layout.height = css_height
        box.layout.overflow = "auto" if fixed else None

    slot = _place_block(
        "form", key, create, update=update, props=(bool(border), css_width, css_height),
        text=lambda: f"form {key}:", block_class=FormBlock,
    )
    block = slot.block
    assert isinstance(block, FormBlock)
    if block.form is None:  # a new form
        scope = slot.owner = block.form = FormScope(key)
        refuse = scope.refuse_assignment
        runtime.state.guard(key, refuse)
        slot.on_dispose.append(lambda: runtime.state.unguard(key, refuse))
        block.on_finish = _finish
    scope = block.form
    scope.clear_on_submit, scope.enter_to_submit = bool(clear_on_submit), bool(enter_to_submit)
    scope.begin(frame.run)
    place_enter_helper(block, scope)
    return Container(block)


def _finish(block: FormBlock) -> None:
    """The run that drew the form ends: warn in it when it has no submit button, and tell the
    browser whether Enter submits."""
    scope = block.form
    assert scope is not None
    if not scope.buttons:
        html, text = alert_html("warning", MISSING_SUBMIT_BUTTON, None)

        def update(widget: Any) -> None:
            widget.value, widget.text = html, text

        slot = block.place(
            "warning", "missing submit button", lambda: Html("nbfrag-warning"), update,
            text=lambda: text, props=(html, text),
        )
        slot.body = MISSING_SUBMIT_BUTTON
    scope.refresh()


@dataclass(eq=False)
class SubmitOwner(WidgetOwner):
    """A drawn submit button: its form, and whether it is disabled (Enter follows the first)."""

    form: FormScope | None = None
    disabled: bool = False
    widget: Any = None


def _submit_with(owner: SubmitOwner) -> Callable[[Any], None]:
    def clicked(_button: Any) -> None:
        if owner.form is not None:
            owner.form.submit(owner)

    return clicked


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callback = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    key: str | int | None = None,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | Literal["content", "stretch"] = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a form's submit button. Returns True only in the run its click caused.

    A click sends every pending edit of the form to the app at once, in one run: of the
    fragment that drew the button, else of the whole app. `on_click(*args, **kwargs)` runs
    first in that run and reads the submitted values from `st.session_state`; assigning a
    form widget's key there is how a field is reset. Pass the values through Session State,
    not through `args`/`kwargs` (those are evaluated when the button is drawn).

    Parameters
    ----------
    label : str
        The button's text; with the form's key, it makes the default `key`.
    help : str or None
        A tooltip.
    on_click : callable or None
        Called with `args`/`kwargs` before the run the submit causes.
    args, kwargs : tuple, dict or None
        Arguments for `on_click`.
    key : str, int or None
        The button's identity. Without one it is `f"FormSubmitter:{form_key}-{label}"`, which
        is visible (read-only, False except in the run of its click) in `st.session_state`;
        two unkeyed submit buttons with the same label in one form therefore collide.
    type : "primary", "secondary" or "tertiary"
        The button's emphasis.
    icon, icon_position : str or None, "left" or "right"
        Text (an emoji) shown before or after the label.
    disabled : bool
        A disabled first submit button also turns off Enter-to-submit.
    use_container_width : bool or None
        Deprecated by Streamlit: `True` means `width="stretch"`.
    width : "content", "stretch" or int
        The button's width: its label's, the container's, or pixels.
    shortcut, wrap : accepted, ignored
        A notebook's keyboard belongs to Jupyter's own shortcuts, so no key is bound; labels
        wrap as the browser lays them out.

    Returns
    -------
    bool
        True in the run its click (or Enter in the form) caused, else False.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Outside a form.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.form("login", clear_on_submit=True):
    ...     name = st.text_input("Name")
    ...     if st.form_submit_button("Sign in", type="primary"):
    ...         st.write(f"Welcome, {name}!")

    Differences from Streamlit
    --------------------------
    `shortcut` and `wrap` are accepted and ignored (see above).
    """
    frame = runtime.require_frame()
    scope = form_of(frame.block)
    if scope is None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.form_submit_button()` must be used inside an `st.form()`." + errors.FORMS_INFO
        )
    if type not in _BUTTON_STYLES:
        raise errors.StreamlitValueError(
            "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."
        )
    if icon_position not in ("left", "right"):
        raise errors.StreamlitValueError(
            f"Invalid `icon_position` value {icon_position!r}. Supported values: 'left', 'right'."
        )
    css_width = "100%" if use_container_width else _css_size(
        width, {"content": None, "stretch": "100%"}, errors.StreamlitInvalidWidthError
    )
    label = str(label)
    key = f"FormSubmitter:{scope.key}-{label}" if key is None else str(key)
    frame, wid = widget_frame("form_submit_button", key, label, help, type, icon)
    shown = label if not icon else (f"{icon} {label}" if icon_position == "left" else f"{label} {icon}")

    def create() -> widgets.Button:
        button = widgets.Button()
        button.add_class("nbfrag-form-submit-button")
        return button

    def update(button: Any) -> None:
        button.description = shown
        button.tooltip = help or None
        button.disabled = bool(disabled)
        button.button_style = _BUTTON_STYLES[type]
        button.layout.width = css_width

    props = (shown, help, bool(disabled), type, css_width)
    slot = frame.block.place("form_submit_button", wid, create, update, text=lambda: f"[{shown}]", props=props)
    owner = slot.owner
    if owner is None:
        owner = slot.owner = SubmitOwner(wid, "form_submit_button", label, key, widget=slot.widget)
        owner.read = lambda: bool(runtime.triggers.get(wid, False))
        slot.widget.on_click(_submit_with(owner))
    owner.label = label
    owner.app, owner.fragment, owner.form = frame.app, frame.fragment, scope
    owner.callback = make_callback(on_click, args, kwargs)
    owner.disabled = bool(disabled)
    bind_key(slot, key, _ReadOnlyTrigger(wid, key))
    scope.add_button(slot, owner)
    frame.show(slot.widget)
    return bool(runtime.triggers.get(wid, False))
