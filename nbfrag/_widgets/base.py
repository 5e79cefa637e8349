"""What every widget shares: identity, its scope, callbacks, Session State keys, and the
generic input path that the concrete widgets (one module per family beside this one) are built on.

A widget's identity is its type plus its `key`, or without a key its type and identity
arguments (label, options, default...), as in Streamlit: not its position and not its
fragment. An input's value lives on its `InputOwner` (kernel side), which lives as long as the
widget is drawn: a widget not drawn in a run of its scope is closed and its value dropped. A
one-run value (a click) lives in the session's `triggers`, cleared after the run it caused.

Values change on the ipywidget's own trait (what a browser edit or `nbfrag.testing` sets), and
every change is one `Request` through `runtime.dispatch`: callback first, then the widget's
scope (its fragment, else the app). Traits the kernel sets while drawing are not user input.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import ipywidgets as widgets
import traitlets
from ipywidgets.widgets.widget import _put_buffers

from .. import errors
from .._runtime.execution import show_exception
from .._runtime.forms import FormScope, form_of
from .._runtime.models import set_variant, share
from .._runtime.reconciler import Slot
from .._runtime.recording import in_cached_function
from .._runtime.runtime import runtime
from .._runtime.scopes import Fragment, Frame, Request
from .._runtime.state import Binding
from .types import (
    Bind,
    Callback,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    check_bind,
    check_label_visibility,
    check_persist_state,
)


@dataclass
class WidgetOwner:
    """What a drawn widget needs to act on an interaction: its scope and its callback."""

    widget_id: Hashable
    element_type: str = ""  # "button", "slider", ... (Streamlit's name)
    label: str = ""
    key: str | None = None
    app: Any = None
    fragment: Fragment | None = None
    callback: Callable[[], Any] | None = None
    bindings: dict[str, Binding] = field(default_factory=dict)  # by key, the one bound last
    # The value as the app sees it, and how a user sets it (through the widget's own trait,
    # so it takes the same path as a browser edit). `nbfrag.testing` drives widgets with these.
    read: Callable[[], Any] = lambda: None
    write: Callable[[Any], None] | None = None
    persist: bool = False  # `persist_state`: the key keeps the value when the widget goes
    rerun: bool = True  # False for `on_change="ignore"`: a change is kept, nothing reruns
    # `disabled=True` of this run: enforced here, not only in the browser (whose `disabled` a
    # visitor can remove, or whose message a visitor can forge).
    disabled: bool = False

    def guard_disabled(self, widget: widgets.Widget) -> None:
        """Keep the widget's `disabled` trait as the app set it: a change from the browser is
        undone (the kernel's `disabled` is what counts, see `disabled`)."""

        def restore(change: dict[str, Any]) -> None:
            if not runtime.kernel_writing and change["new"] != self.disabled:
                with runtime.kernel_writes():
                    widget.disabled = self.disabled

        widget.observe(restore, names="disabled")

    def request(self, trigger: Any = None) -> Request:
        """A rerun of the widget's scope, with its callback first."""
        return Request(
            self.app,
            fragment=self.fragment,
            callback=self.callback,
            trigger=(self.widget_id, trigger) if trigger is not None else None,
        )


def guard_messages(widget: widgets.Widget) -> None:
    """Refuse state a browser sends that the widget cannot hold, before ipywidgets applies it.

    A visitor can forge any message: NaN or infinity (which the kernel would echo back with a
    jupyter_client warning on the page), or a value of the wrong type or out of range (which
    ipywidgets would reject with a traceback sent to the page as an iopub `error`). Such a
    message changes nothing and the browser is sent the widget's current state back."""
    comm = getattr(widget, "comm", None)
    if comm is None:
        return

    def handle(msg: dict[str, Any]) -> None:
        data = msg.get("content", {}).get("data", {})
        state = data.get("state")
        if data.get("method") != "update" or not isinstance(state, dict):
            widget._handle_msg(msg)  # clicks, custom messages, state requests
            return
        try:
            if "buffer_paths" in data:
                _put_buffers(state, data["buffer_paths"], msg.get("buffers", []))
            for name in state:  # what each trait would hold ("nan" casts to a float NaN)
                if name in widget.keys and _has_non_finite(_as_trait(widget, name, state[name])):
                    raise ValueError("NaN or infinity")
            widget.set_state(state)  # (`_handle_msg` would send a refusal's traceback to the page)
        except (traitlets.TraitError, ValueError, TypeError, LookupError):
            names = [name for name in state if name in widget.keys]
            if names:
                widget.send_state(names)

    comm.on_msg(handle)


def _as_trait(widget: widgets.Widget, name: str, sent: Any) -> Any:
    """The value trait `name` would take from `sent` (TraitError when it cannot)."""
    from_json = widget.trait_metadata(name, "from_json", widget._trait_from_json)
    return widget.traits()[name]._validate(widget, from_json(sent, widget))


def _has_non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_has_non_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_non_finite(v) for v in value)
    return False


def widget_frame(
    element_type: str, key: str | None, *identity: Any, unique: bool = True, on_change: Any = None
) -> tuple[Frame, Hashable]:
    """The frame to draw a widget in, and the widget's id, claimed for this run (`unique`).
    Inside an `st.form` the form is part of the id, as in Streamlit.

    Raises Streamlit's errors for a duplicate identity, for a fragment drawing a widget into a
    container created outside it (its clicks would have no scope to rerun) and for a callback
    (`on_change`) on a widget in a form (only submit buttons may have one). Inside a cached
    function it first draws Streamlit's `CachedWidgetWarning`."""
    frame = runtime.require_frame()
    if frame.outside_scope:
        raise errors.StreamlitFragmentWidgetsNotAllowedOutsideError()
    form = form_of(frame.block)
    if form is not None and on_change is not None:
        raise errors.StreamlitInvalidFormCallbackError()
    if in_cached_function():  # Streamlit draws this warning, then the widget
        frame.show(show_exception(frame.block, errors.CachedWidgetWarning()).widget)
    wid = widget_id(element_type, key, *identity)
    if form is not None:  # the form is part of a widget's identity, as in Streamlit
        wid = ("form", form.key, wid)
    if unique:
        frame.run.claim(wid, element_type, key)
        if key is not None and frame.run.kind == "fragment":
            _check_key_outside(frame, key)
    return frame, wid


def _check_key_outside(frame: Frame, key: str) -> None:
    """In a fragment rerun, only the fragment's own widgets are claimed in the run: a key held
    by another widget still drawn outside the fragments that ran is a duplicate too."""
    holder = frame.app.key_owners.get(key)
    if holder is not None and holder.fragment not in frame.run.ran:
        raise errors.StreamlitDuplicateElementKey(key)


def widget_id(element_type: str, key: Key, *identity: Any) -> Hashable:
    """A widget's identity: its type and key, or its type and identity arguments."""
    if key is not None:
        return (element_type, "key", str(key))
    return (element_type, "auto", *(repr(part) for part in identity))


ON_CHANGE_MODES = ("rerun", "ignore")


def make_callback(
    func: Callback,
    args: WidgetArgs,
    kwargs: WidgetKwargs,
    *,
    modes: tuple[str, ...] = (),
    param: str = "on_click",
) -> Callable[[], Any] | None:
    """The callback to run before a widget's rerun; None for None and for the mode strings
    the widget takes (`modes`), Streamlit's errors for other modes and other values."""
    if func is None:
        return None
    if callable(func):
        args, kwargs = tuple(args or ()), dict(kwargs or {})
        return lambda: func(*args, **kwargs)
    if isinstance(func, str) and func in ON_CHANGE_MODES:
        if func in modes:
            return None
        raise errors.StreamlitAPIException(
            f'`{param}="{func}"` is not supported on this widget. Pass a callback, or omit `{param}`.'
        )
    raise errors.StreamlitValueError(param, [*(repr(mode) for mode in modes), "a callback function"])


def bind_key(slot: Slot, key: str, binding: Binding) -> None:
    """Bind `key` in Session State to the widget (again, in every run that draws it); when the
    widget closes, the binding bound last goes, and the key with it (unless the owner
    `persist`s: then the key keeps the last value, as Streamlit's `persist_state` does)."""
    owner: WidgetOwner = slot.owner
    state = runtime.session.state  # the session that drew the widget, also when it closes
    holders = owner.app.key_owners

    def close() -> None:
        if owner.persist:
            state.release(key, owner.bindings[key])
        else:
            state.unbind(key, owner.bindings[key])
        if holders.get(key) is owner:
            holders.pop(key)

    if key not in owner.bindings:
        slot.on_dispose.append(close)
    holders[key] = owner
    owner.bindings[key] = binding
    state.bind(key, binding)


# --------------------------------------------------------------------------------------------
# Inputs: widgets with a value


V = TypeVar("V")  # the value of an input, as the app sees it


def _same(value: Any) -> Any:
    return value


def finite(value: Any) -> Any:
    """A number from the browser, refused (ValueError) when NaN or infinite, which no
    Streamlit widget sends (a forged message can)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(value)
    if isinstance(value, (tuple, list)):
        for part in value:
            finite(part)
    return value


def _edited(before: Any, edited: Any) -> Any:
    return edited


def _anything(value: Any) -> bool:
    return True


@dataclass
class Control(Generic[V]):
    """How one kind of input maps between the app's value and its ipywidget.

    `configure` sets everything but the value (options, bounds, placeholder); `config` is a
    comparable summary of it, so an unchanged widget gets no update. `coerce` returns a valid
    value or raises (ValueError or StreamlitAPIException): it checks values from Session State,
    keeps a value valid when options change, and rejects browser input the widget allows but
    Streamlit does not (too many selections, too many characters). `accepts` is the check
    Streamlit's browser makes before it sends a user's edit (`required`, `validate`): an edit it
    refuses is not committed, while the app and Session State may still set such a value.
    """

    create: Callable[[], widgets.Widget]
    configure: Callable[[widgets.Widget], None]
    config: Hashable
    to_widget: Callable[[V], Any] = _same
    from_widget: Callable[[Any], Any] = _same
    coerce: Callable[[Any], V] = _same
    show: Callable[[V], str] = str
    trait: str = "value"
    # How a user's edit combines with the value before it (multiselect keeps picking order).
    merge: Callable[[V, Any], Any] = _edited
    accepts: Callable[[V], bool] = _anything
    # The options' labels as the page shows them, for pickers (what `nbfrag.testing` reads as
    # `.options`, as Streamlit's AppTest does); empty for other inputs.
    options: tuple[str, ...] = ()


def _same_value(a: Any, b: Any) -> bool:
    """Whether two widget values are the same (values such as arrays compare elementwise)."""
    try:
        return type(a) is type(b) and bool(a == b)
    except (TypeError, ValueError):
        return False


@dataclass(eq=False)
class InputOwner(WidgetOwner):
    """A drawn input: its value, its control, and its Session State binding (`key=`)."""

    widget: Any = None
    control: Control[Any] | None = None
    value: Any = None
    form: FormScope | None = None  # in a form, edits wait there for its submit
    writes_allowed: bool = True  # False: assigning its key raises (a file uploader's value)

    def __post_init__(self) -> None:
        self.read = lambda: self.value
        self.write = self._write_from_user

    # -- the ipywidget side ------------------------------------------------------------------
    def shown(self) -> Any:
        """What the widget shows: `value`, or in a form the user's edit not submitted yet."""
        return self.form.shown(self) if self.form is not None else self.value

    def push(self) -> None:
        """Show `shown()` in the widget (no message when it already does)."""
        assert self.control is not None
        target = self.control.to_widget(self.shown())
        if getattr(self.widget, self.control.trait) != target:
            with runtime.kernel_writes():
                setattr(self.widget, self.control.trait, target)

    def changed(self, change: dict[str, Any]) -> None:
        """A user edited the widget: take the new value and rerun the widget's scope (in a
        form: keep it as the form's pending edit, no rerun)."""
        if runtime.kernel_writing or self.control is None:
            return
        if self.disabled:  # a disabled widget sends nothing in Streamlit: restore it
            self.push()
            return
        try:
            edited = self.control.merge(self.shown(), self.control.from_widget(change["new"]))
            value = self.control.coerce(edited)
        except (ValueError, TypeError, LookupError, ArithmeticError, errors.StreamlitAPIException):
            self.push()  # not a value Streamlit's widget would send: show the last valid one
            return
        if not self.control.accepts(value):
            self.push()  # refused, as Streamlit's browser refuses it (`required`, `validate`)
            return
        if self.form is not None:
            self.form.hold(self, value)  # no run: the form's submit sends it
            if self.control.to_widget(value) != change["new"]:
                self.push()
            return
        unchanged = _same_value(value, self.value)
        self.value = value
        if self.control.to_widget(value) != change["new"]:
            self.push()  # e.g. text cut to max_chars
        if not unchanged and self.rerun:  # as in Streamlit, only a new value reruns
            runtime.dispatch(self.request())

    def _write_from_user(self, value: Any) -> None:
        """Set the widget as a user would (for `nbfrag.testing`): through the trait."""
        assert self.control is not None
        setattr(self.widget, self.control.trait, self.control.to_widget(value))

    # -- the Session State side (Binding) ------------------------------------------------------
    def get(self) -> Any:
        return self.value

    def set(self, value: Any) -> None:
        if not self.writes_allowed:
            raise errors.StreamlitValueAssignmentNotAllowedError(self.key or "")
        frame = runtime.frame()
        if frame is not None and self.widget_id in frame.run.widget_ids:
            raise errors.StreamlitWidgetAlreadyInstantiatedError(self.key or "")
        assert self.control is not None
        self.value = self.control.coerce(value)
        if self.form is not None:
            self.form.drop(self)  # the app's value replaces an edit not submitted yet
        self.push()

    def describe(self) -> str:
        """The widget as the page shows it (in a form, with the edit not submitted yet)."""
        assert self.control is not None
        return f"{self.label}: {self.control.show(self.shown())}"


def track_value(
    slot: Slot,
    frame: Frame,
    label: str,
    key: str | None,
    default: V,
    control: Control[V],
    callback: Callable[[], Any] | None,
    form: FormScope | None = None,
    *,
    persist: bool = False,
) -> InputOwner:
    """Give a drawn slot a value that users change: its `InputOwner` (made on first draw),
    kept valid with this run's `control`, bound to Session State under `key` (which keeps the
    value when the widget goes if `persist`).

    `default` is the value of a new widget, unless Session State already holds its `key`
    (set before the widget existed), which wins, as in Streamlit. Inputs and widget-like
    containers (tabs and expanders with `on_change`) share this. An input in an `st.form`
    joins it (`form`): the user's edits wait there for a submit, and `clear_on_submit` brings
    `default` back. (Streamlit does not batch tracked containers in a form: they pass no form.)
    """
    owner = _input_owner(slot, slot.key[1], slot.key[0], label, key, default, control, form)
    owner.label = label
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = callback
    owner.persist = persist
    slot.body = label
    if key is not None:
        bind_key(slot, key, owner)
    if form is not None:
        form.enroll(slot, owner, default)
    return owner


def input_widget(
    element_type: str,
    label: Any,
    key: Key,
    identity: tuple[Any, ...],
    default: V,
    control: Control[V],
    *,
    help: str | None,
    on_change: Callback,
    args: WidgetArgs,
    kwargs: WidgetKwargs,
    disabled: bool,
    label_visibility: LabelVisibility,
    bind: Bind = None,
    persist_state: PersistState = None,
    text: Callable[[InputOwner], str] | None = None,
    fields: dict[str, Any] | None = None,
) -> V:
    """Draw an input widget and return its value: the generic path of every input.

    `default` is the value of a new widget, unless Session State already holds its `key`
    (set before the widget existed), which wins, as in Streamlit. `bind` and `persist_state`
    are checked as Streamlit checks them (see `types.check_bind`, `types.check_persist_state`).
    `fields` are what `nbfrag.testing` reads of the widget besides its value (`placeholder`).
    """
    check_label_visibility(label_visibility)
    check_bind(bind, key)
    persist = check_persist_state(persist_state, key)
    label = str(label)
    key = None if key is None else str(key)
    callback = make_callback(on_change, args, kwargs, modes=ON_CHANGE_MODES, param="on_change")
    frame, wid = widget_frame(element_type, key, label, help, *identity, on_change=callback)

    def update(widget: Any) -> None:
        with runtime.kernel_writes():
            control.configure(widget)
            widget.description = label if label_visibility == "visible" else ""
            widget.tooltip = help or None
            widget.disabled = bool(disabled)
            set_variant(widget, "label", None if label_visibility == "visible" else label_visibility)
            set_variant(widget, "input", "disabled" if disabled else None)  # (for views without `disabled`)
            set_variant(widget, "help", "shown" if help and label_visibility == "visible" else None)

    def create() -> widgets.Widget:
        widget = share(control.create())  # the stylesheet puts its label above it, full width
        widget.add_class("nbfrag-input")
        widget.add_class(f"nbfrag-{element_type.replace('_', '-')}")
        with runtime.kernel_writes():  # built with its first value: no update after it opens
            control.configure(widget)
            with contextlib.suppress(ValueError, TypeError, LookupError, errors.StreamlitAPIException):
                setattr(widget, control.trait, control.to_widget(_first_value(key, default, control)))
        return widget

    props = (control.config, label, label_visibility, help, bool(disabled))
    slot = frame.block.place(element_type, wid, create, update, props=props)
    owner = track_value(slot, frame, label, key, default, control, callback, form_of(frame.block), persist=persist)
    owner.rerun = on_change != "ignore"
    owner.disabled = bool(disabled)
    slot.text = (lambda: text(owner)) if text is not None else owner.describe
    slot.fields.update(help=help, **(fields or {}))
    frame.show(slot.widget)
    value: V = owner.value
    return value


def _first_value(key: str | None, default: V, control: Control[V]) -> V:
    """The value a new input starts at: Session State's for its `key` if set, else `default`
    (raises as `control.coerce` does for a preset it refuses)."""
    found, preset = runtime.session.state.preset(key) if key is not None else (False, None)
    return control.coerce(preset) if found else default


def _input_owner(
    slot: Slot,
    wid: Hashable,
    element_type: str,
    label: str,
    key: str | None,
    default: V,
    control: Control[V],
    form: FormScope | None = None,
) -> InputOwner:
    """The input drawn in `slot`, holding its value for this run: a new one starts at the
    value Session State holds for its `key`, else at `default`; last run's keeps its value
    while this run's options and bounds allow it, else starts again at `default`."""
    if slot.owner is None:
        owner = slot.owner = InputOwner(wid, element_type, label, key, widget=slot.widget, form=form)
        owner.control = control
        owner.value = _first_value(key, default, control)
        owner.push()
        slot.widget.observe(owner.changed, names=control.trait)
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
        return owner
    kept: InputOwner = slot.owner
    kept.control = control
    try:
        kept.value = control.coerce(kept.value)
    except (ValueError, TypeError, errors.StreamlitAPIException):
        kept.value = default
    kept.push()
    return kept
