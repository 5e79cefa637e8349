"""Forms, kernel side: a form holds its widgets' edits until one of its submit buttons is clicked.

ipywidgets has no forms: every edit reaches the kernel at once. So the batching happens here,
as Streamlit's browser does it (`WidgetStateManager`): each form keeps a *pending* store, an
edit of a widget in the form goes there and causes no run, and a submit commits the pending
values (they become the widgets' values, what the app reads) in the first step of the one run
the submit causes. App code never sees a pending value; the widget keeps showing it across
other runs until the submit (or until the widget leaves the page).

A widget belongs to the form whose block encloses the block it is drawn in (`form_of`), so a
widget drawn through a container made inside the form (`col = form.columns(2)[0]`) belongs to
it too, as in Streamlit. The commands (`st.form`, `st.form_submit_button`) live in
`nbfrag._flow.forms`; the widgets' side of the hook in `nbfrag._widgets.base`.

Enter-to-submit needs the browser: ipywidgets' `Text` sends its own "submit" message *before*
the value it submits (the change event comes after the keypress), so the kernel would submit
a stale value. `EnterToSubmit`, an invisible anywidget in the form, catches Enter first and
sends the field's text along with the submit (see js/form.js).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Protocol

import anywidget
import ipywidgets as widgets
import traitlets

from .. import errors
from .reconciler import Block, Slot
from .runtime import runtime
from .scopes import Fragment, Request, Run
from .static import esm


class Member(Protocol):
    """What a form needs from an input drawn in it (an `InputOwner`)."""

    widget_id: Hashable
    widget: Any
    control: Any
    value: Any
    fragment: Fragment | None

    def push(self) -> None: ...


class Submitter(Protocol):
    """What a form needs from one of its submit buttons."""

    widget_id: Hashable
    app: Any
    fragment: Fragment | None
    callback: Callable[[], Any] | None
    disabled: bool


_INVALID = (ValueError, TypeError, errors.StreamlitAPIException)


class FormScope:
    """One `st.form`: its pending edits, its members and its submit buttons.

    It lives as long as the form is on the page (it is the owner of the form's slot), so
    pending edits survive reruns that draw the form again and fragment reruns elsewhere.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.clear_on_submit = False
        self.enter_to_submit = True
        self.run: Run | None = None  # the run that drew the form last
        self.pending: dict[Hashable, Any] = {}  # edits not submitted yet, by widget id
        self.members: dict[Hashable, tuple[Member, Any]] = {}  # inputs drawn in it, with defaults
        self.buttons: dict[Hashable, Submitter] = {}  # submit buttons, in the order drawn
        self._watched: set[Hashable] = set()  # buttons whose removal is watched
        self.helper: EnterToSubmit | None = None

    # -- members ----------------------------------------------------------------------------
    def enroll(self, slot: Slot, member: Member, default: Any) -> None:
        """An input was drawn in the form (each run); `default` is what `clear_on_submit`
        brings back."""
        wid = member.widget_id
        if wid not in self.members:
            slot.on_dispose.append(lambda: self._leave(wid))
            member.widget.add_class(field_class(member.widget))  # how js/form.js names it
        self.members[wid] = (member, default)

    def _leave(self, wid: Hashable) -> None:
        """The widget left the page: its pending edit goes with it."""
        self.members.pop(wid, None)
        self.pending.pop(wid, None)

    def shown(self, member: Member) -> Any:
        """What the member's widget shows: its pending edit, else its value. An edit that is no
        longer valid (the options changed) is dropped."""
        wid = member.widget_id
        if wid not in self.pending:
            return member.value
        try:
            return member.control.coerce(self.pending[wid])
        except _INVALID:
            del self.pending[wid]
            return member.value

    def hold(self, member: Member, value: Any) -> None:
        """A user's edit: kept until the submit, no run."""
        self.pending[member.widget_id] = value

    def drop(self, member: Member) -> None:
        """The app set the member's value (Session State): no edit is pending any more."""
        self.pending.pop(member.widget_id, None)

    def commit(self) -> None:
        """Pending -> committed: the edits become the values the app reads."""
        for wid, value in list(self.pending.items()):
            found = self.members.get(wid)
            if found is not None:
                found[0].value = value
        self.pending.clear()

    def clear(self) -> None:
        """`clear_on_submit`: after the submit run, the widgets show their defaults again and
        the defaults are the new pending edits; the app keeps reading the submitted values
        until the next submit (Streamlit clears only what the browser shows)."""
        for wid, (member, default) in list(self.members.items()):
            self.pending[wid] = default
            member.push()

    # -- submit buttons ---------------------------------------------------------------------
    def begin(self, run: Run) -> None:
        """The form is drawn: its submit buttons are those drawn from now on."""
        self.run = run
        self.buttons.clear()

    def add_button(self, slot: Slot, button: Submitter) -> None:
        """A submit button was drawn in the form (each run)."""
        wid = button.widget_id
        if wid not in self._watched:  # once per button, not once per run
            self._watched.add(wid)
            slot.on_dispose.append(lambda: self.remove_button(wid))
        self.buttons[wid] = button
        self.refresh()

    def remove_button(self, wid: Hashable) -> None:
        self._watched.discard(wid)
        self.buttons.pop(wid, None)
        self.refresh()

    @property
    def first_button(self) -> Submitter | None:
        return next(iter(self.buttons.values()), None)

    @property
    def enter_submits(self) -> bool:
        """Enter submits when the form allows it and its first submit button is enabled."""
        first = self.first_button
        return self.enter_to_submit and first is not None and not first.disabled

    def refresh(self) -> None:
        """Tell the browser whether Enter submits now."""
        if self.helper is not None and self.helper.active != self.enter_submits:
            self.helper.active = self.enter_submits

    def submit(self, button: Submitter, fragment: Fragment | None = None) -> None:
        """One run of the scope that drew `button` (or of `fragment`, for Enter in a field):
        it commits the pending edits, runs the button's callback, then the body, with the
        button True for that run; `clear_on_submit` resets the display after it."""

        def commit_then_callback() -> None:
            self.commit()
            if button.callback is not None:
                button.callback()

        runtime.dispatch(
            Request(
                button.app,
                fragment=fragment if fragment is not None else button.fragment,
                callback=commit_then_callback,
                trigger=(button.widget_id, True),
                done=self.clear if self.clear_on_submit else None,
            )
        )

    def enter(self, field: str, text: Any) -> None:
        """Enter in a text field of the form (from js/form.js): take the field's text as the
        user's edit, then submit as the first submit button would, in the field's scope."""
        member = next((m for m, _ in self.members.values() if field_class(m.widget) == field), None)
        if member is None:
            return
        trait = member.control.trait
        if isinstance(text, str) and isinstance(getattr(member.widget, trait), str):
            setattr(member.widget, trait, text)  # the path of a browser edit: `changed` holds it
        first = self.first_button
        if first is not None and self.enter_submits:
            self.submit(first, fragment=member.fragment)

    # -- Session State ------------------------------------------------------------------------
    def refuse_assignment(self) -> None:
        """The form's key is reserved: assigning it in the run that drew the form fails."""
        frame = runtime.frame()
        if frame is not None and frame.run is self.run:
            raise errors.StreamlitWidgetAlreadyInstantiatedError(self.key)


def field_class(widget: widgets.Widget) -> str:
    """The CSS class that names a form's field for js/form.js (its model id)."""
    return f"nbfrag-field-{widget.model_id}"


class FormBlock(Block):
    """The block of an `st.form`: knows its form, and finishes it when a run ends."""

    def __init__(self, widget: widgets.Box | None, parent: Block | None = None) -> None:
        super().__init__(widget, parent)
        self.form: FormScope | None = None
        self.on_finish: Callable[[FormBlock], None] | None = None  # set by `st.form`

    def commit(self, complete: bool = True) -> None:
        if complete and self.running and not self._appending and self.on_finish is not None:
            self.on_finish(self)  # e.g. the missing-submit-button warning, as the run ends
        super().commit(complete)


def form_of(block: Block | None) -> FormScope | None:
    """The form enclosing a block (the nearest `st.form` up the containers), or None."""
    while block is not None:
        if isinstance(block, FormBlock):
            return block.form
        block = block.parent
    return None


class EnterToSubmit(anywidget.AnyWidget):
    """Invisible helper of a form: while `active`, Enter in one of its text fields (Ctrl/Cmd+Enter
    in a text area) sends `{"event": "submit", "field": <field class>, "value": <text>}`."""

    _esm = esm("form.js")
    active = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)
        self.on_enter: Callable[[str, Any], None] | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and self.on_enter is not None:
            self.on_enter(str(content.get("field", "")), content.get("value"))

    def __repr__(self) -> str:
        return f"EnterToSubmit(active={self.active})"


def place_enter_helper(block: Block, form: FormScope) -> EnterToSubmit:
    """Keep the form's Enter helper as an invisible element of its block."""

    def update(helper: widgets.Widget) -> None:
        assert isinstance(helper, EnterToSubmit)
        helper.on_enter = form.enter

    slot = block.place("form_enter", None, EnterToSubmit, update, text=lambda: "")
    slot.hidden = True
    helper = slot.widget
    assert isinstance(helper, EnterToSubmit)
    form.helper = helper
    return helper
