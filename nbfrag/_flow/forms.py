"""`st.form`: batch a group of inputs into one run, on submit.

The form is a layout block (like `st.container`) whose block knows its `FormScope` (kernel
side of the batching, in `nbfrag._runtime.forms`). Inputs drawn inside it keep the user's
edits pending there; a submit button (`st.form_submit_button`, in `nbfrag._widgets.buttons`)
commits them and causes exactly one run: of the fragment that drew the button, else of the
whole app.
"""

from __future__ import annotations

from typing import Any, Literal

import ipywidgets as widgets

from .. import errors
from .._elements.alerts import alert_html
from .._elements.layout import Container, _place_block
from .._runtime.forms import FormBlock, FormScope, form_of, place_enter_helper
from .._runtime.runtime import runtime
from .._runtime.views import Html
from .._widgets.types import Width, css_size

_BORDER = "1px solid rgba(128, 128, 128, 0.35)"

MISSING_SUBMIT_BUTTON = (
    "**Missing Submit Button**\n\nThis form has no submit button, which means that user "
    "interactions will never be sent to your Streamlit app.\n\nTo create a submit button, use "
    "the `st.form_submit_button()` function.\n\nFor more information, refer to the "
    "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: Width = "stretch",
    height: int | Literal["stretch", "content"] = "content",
) -> Container:
    """Create a form: its inputs send their values to the app together, when it is submitted.

    Edits of the widgets inside a form cause no run and are not seen by the app: the app
    reads the last submitted values (at first, the defaults) until a user clicks one of the
    form's `st.form_submit_button`s. That submit causes exactly one run, of the fragment that
    drew the button or else the whole app, in which the app reads all the new values and the
    clicked button returns True. Draw into the form with `with form:` or its methods
    (`form.slider(...)`), like any container. Widgets in a form cannot have callbacks (only
    its submit buttons can), and `st.button` cannot be used in one.

    Parameters
    ----------
    key : str
        The form's identity, unique in the app. It is reserved in `st.session_state`:
        assigning `st.session_state[key]` is an error.
    clear_on_submit : bool, default False
        After a submit, show the widgets' default values again. Only what the form *shows* is
        reset: the app (and Session State) keep the submitted values until the next submit,
        which sends the defaults for the fields the user did not touch again.
    enter_to_submit : bool, default True
        Pressing Enter in a text input of the form (Ctrl/Cmd+Enter in a text area) submits it
        as its first submit button would (if that button is enabled).
    border : bool, default True
        Draw a frame around the form. Without one, users may not see that changing its widgets
        does nothing until the submit.
    width : "stretch", "content" or int, default "stretch"
        The form's width: the container's, its content's, or pixels.
    height : "content", "stretch" or int, default "content"
        The form's height: its content's, the container's, or pixels (a fixed height scrolls).

    Returns
    -------
    Container
        The form, to draw into with `with form:` or its methods.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Inside another form (forms cannot be nested).
    StreamlitDuplicateElementKey
        Another form with this key was drawn in the same run.
    StreamlitValueAssignmentNotAllowedError
        `st.session_state[key]` holds a value (the key is reserved for the form).

    Differences from Streamlit
    --------------------------
    * The batching happens in the kernel (ipywidgets sends every edit at once; the form holds
      it until the submit).
    * A form without a submit button shows a warning inside it (Streamlit 1.60+ shows nothing;
      older versions showed this warning).
    * Enter submits from `st.text_input` and `st.text_area`, not from `st.number_input`.
    * `st.session_state[key]` is refused while it holds a value, not only in the run that
      assigned it.
    * An `st.widget` in a form reruns nothing until the submit either, but its value is the
      ipywidget's own: a run caused elsewhere already reads an edit, and `clear_on_submit`
      leaves it (as Streamlit leaves custom components).

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.form("order"):
    ...     dish = st.selectbox("Dish", ["Soup", "Salad"])
    ...     count = st.number_input("How many", 1, 10, 1)
    ...     sent = st.form_submit_button("Order")
    >>> if sent:
    ...     st.write(f"Ordered {count} × {dish}")
    """
    frame = runtime.require_frame()
    if form_of(frame.block) is not None:
        raise errors.StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.")
    if not isinstance(key, str):
        raise TypeError("bad argument type for built-in operation")  # Streamlit's own words
    sizes = {"stretch": "100%", "content": None}
    css_width, css_height = css_size(width, "width", sizes), css_size(height, "height", sizes)
    state = runtime.session.state  # the session that draws the form, also when it goes
    if state.preset(key)[0]:
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
        state.guard(key, refuse)
        slot.on_dispose.append(lambda: state.unguard(key, refuse))
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
