"""What every widget shares: identity, its scope, callbacks, Session State keys, and the
generic input path that the concrete widgets (one module per family beside this one) are built on.

A widget's identity is its type plus its `key`, or without a key its type and identity
arguments (label, options, default...), as in Streamlit: not its position and not its
fragment. An input's value lives on its `InputOwner` (kernel side), which lives as long as the
widget is drawn: a widget not drawn in a run of its scope is closed and its value dropped. A
one-run value (a click) lives in `runtime.triggers`, cleared after the run it caused.

Values change on the ipywidget's own trait (what a browser edit or `nbfrag.testing` sets), and
every change is one `Request` through `runtime.dispatch`: callback first, then the widget's
scope (its fragment, else the app). Traits the kernel sets while drawing are not user input.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterator

import ipywidgets as widgets

from .. import errors
from .._runtime.forms import FormScope, form_of
from .._runtime.reconciler import Slot
from .._runtime.runtime import runtime
from .._runtime.scopes import Fragment, Frame, Request
from .._runtime.state import Binding


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
    keys: list[str] = field(default_factory=list)
    # The value as the app sees it, and how a user sets it (through the widget's own trait,
    # so it takes the same path as a browser edit). `nbfrag.testing` drives widgets with these.
    read: Callable[[], Any] = lambda: None
    write: Callable[[Any], None] | None = None

    def request(self, trigger: Any = None) -> Request:
        """A rerun of the widget's scope, with its callback first."""
        return Request(
            self.app,
            fragment=self.fragment,
            callback=self.callback,
            trigger=(self.widget_id, trigger) if trigger is not None else None,
        )


Callback = Callable[..., Any] | None
"""An `on_change`/`on_click` argument: a function, or None."""

_LABEL_VISIBILITY = ("visible", "hidden", "collapsed")


def widget_frame(
    element_type: str, key: str | None, *identity: Any, unique: bool = True
) -> tuple[Frame, Hashable]:
    """The frame to draw a widget in, and the widget's id, claimed for this run (`unique`).

    Raises Streamlit's errors for a duplicate identity and for a fragment drawing a widget
    into a container created outside it (its clicks would have no scope to rerun)."""
    frame = runtime.require_frame()
    if frame.outside_scope:
        raise errors.StreamlitFragmentWidgetsNotAllowedOutsideError()
    wid = widget_id(element_type, key, *identity)
    form = form_of(frame.block)
    if form is not None:  # the form is part of a widget's identity, as in Streamlit
        wid = ("form", form.key, wid)
    if unique:
        frame.run.claim(wid, element_type, key)
    return frame, wid


def widget_id(element_type: str, key: str | int | None, *identity: Any) -> Hashable:
    """A widget's identity: its type and key, or its type and identity arguments."""
    if key is not None:
        return (element_type, "key", str(key))
    return (element_type, "auto", *(repr(part) for part in identity))


def make_callback(func: Callable[..., Any] | None, args: Any, kwargs: Any) -> Callable[[], Any] | None:
    if func is None:
        return None
    if not callable(func):
        raise errors.StreamlitAPIException(
            f"on_click/on_change must be a function; got {type(func).__name__}: {func!r}"
        )
    args, kwargs = tuple(args or ()), dict(kwargs or {})
    return lambda: func(*args, **kwargs)


def bind_key(slot: Slot, key: str, binding: Binding) -> None:
    owner: WidgetOwner = slot.owner
    if key not in owner.keys:
        owner.keys.append(key)
        slot.on_dispose.append(lambda: runtime.state.unbind(key, binding))
    runtime.state.bind(key, binding)


# --------------------------------------------------------------------------------------------
# Inputs: widgets with a value


def _same(value: Any) -> Any:
    return value


@dataclass
class Control:
    """How one kind of input maps between the app's value and its ipywidget.

    `configure` sets everything but the value (options, bounds, placeholder); `config` is a
    comparable summary of it, so an unchanged widget gets no update. `coerce` returns a valid
    value or raises (ValueError or StreamlitAPIException): it checks values from Session State,
    keeps a value valid when options change, and rejects browser input the widget allows but
    Streamlit does not (too many selections, too many characters).
    """

    create: Callable[[], widgets.Widget]
    configure: Callable[[widgets.Widget], None]
    config: Hashable
    to_widget: Callable[[Any], Any] = _same
    from_widget: Callable[[Any], Any] = _same
    coerce: Callable[[Any], Any] = _same
    show: Callable[[Any], str] = str
    trait: str = "value"
    # How a user's edit combines with the value before it (multiselect keeps picking order).
    merge: Callable[[Any, Any], Any] = lambda before, edited: edited


_kernel_writes = [0]  # > 0 while nbfrag itself sets widget traits


@contextlib.contextmanager
def kernel_writes() -> Iterator[None]:
    """Trait changes made inside are nbfrag drawing, not a user editing a widget."""
    _kernel_writes[0] += 1
    try:
        yield
    finally:
        _kernel_writes[0] -= 1


@dataclass(eq=False)
class InputOwner(WidgetOwner):
    """A drawn input: its value, its control, and its Session State binding (`key=`)."""

    widget: Any = None
    control: Control | None = None
    value: Any = None
    form: FormScope | None = None  # in a form, edits wait there for its submit

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
            with kernel_writes():
                setattr(self.widget, self.control.trait, target)

    def changed(self, change: dict[str, Any]) -> None:
        """A user edited the widget: take the new value and rerun the widget's scope (in a
        form: keep it as the form's pending edit, no rerun)."""
        if _kernel_writes[0] or self.control is None:
            return
        try:
            edited = self.control.merge(self.shown(), self.control.from_widget(change["new"]))
            value = self.control.coerce(edited)
        except (ValueError, TypeError, errors.StreamlitAPIException):
            self.push()  # not a value Streamlit's widget would send: show the last valid one
            return
        if self.form is not None:
            self.form.hold(self, value)
        else:
            self.value = value
        if self.control.to_widget(value) != change["new"]:
            self.push()  # e.g. text cut to max_chars
        if self.form is None:
            runtime.dispatch(self.request())

    def _write_from_user(self, value: Any) -> None:
        """Set the widget as a user would (for `nbfrag.testing`): through the trait."""
        assert self.control is not None
        setattr(self.widget, self.control.trait, self.control.to_widget(value))

    # -- the Session State side (Binding) ------------------------------------------------------
    def get(self) -> Any:
        return self.value

    def set(self, value: Any) -> None:
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


def input_widget(
    element_type: str,
    label: Any,
    key: str | int | None,
    identity: tuple[Any, ...],
    default: Any,
    control: Control,
    *,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    text: Callable[[InputOwner], str] | None = None,
) -> Any:
    """Draw an input widget and return its value: the generic path of every input.

    `default` is the value of a new widget, unless Session State already holds its `key`
    (set before the widget existed), which wins, as in Streamlit.
    """
    if label_visibility not in _LABEL_VISIBILITY:
        raise errors.StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. Valid values are "
            "'visible', 'hidden' or 'collapsed'."
        )
    label = str(label)
    key = None if key is None else str(key)
    frame, wid = widget_frame(element_type, key, label, help, *identity)
    form = form_of(frame.block)
    if form is not None and callable(on_change):
        raise errors.StreamlitInvalidFormCallbackError()

    def update(widget: Any) -> None:
        with kernel_writes():
            control.configure(widget)
            widget.description = label if label_visibility == "visible" else ""
            widget.tooltip = help or None
            widget.disabled = bool(disabled)

    def create() -> widgets.Widget:
        widget = control.create()
        widget.add_class(f"nbfrag-{element_type.replace('_', '-')}")
        if "description_width" in getattr(getattr(widget, "style", None), "keys", ()):
            widget.style.description_width = "initial"  # the whole label, as Streamlit shows it
        return widget

    props = (control.config, label, label_visibility, help, bool(disabled))
    slot = frame.block.place(element_type, wid, create, update, props=props)
    owner = slot.owner
    if owner is None:
        owner = slot.owner = InputOwner(wid, element_type, label, key, widget=slot.widget, form=form)
        owner.control = control
        found, preset = runtime.state.preset(key) if key is not None else (False, None)
        owner.value = control.coerce(preset) if found else default
        owner.push()
        slot.widget.observe(owner.changed, names=control.trait)
    else:
        owner.control = control
        try:  # still valid with this run's options and bounds?
            owner.value = control.coerce(owner.value)
        except (ValueError, TypeError, errors.StreamlitAPIException):
            owner.value = default
        owner.push()
    owner.label = label
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = make_callback(on_change, args, kwargs)
    slot.text = (lambda: text(owner)) if text is not None else owner.describe
    slot.body = label
    if key is not None:
        bind_key(slot, key, owner)
    if form is not None:
        form.enroll(slot, owner, default)
    frame.show(slot.widget)
    return owner.value
