"""Custom components: `st.components.v2.component(name, html=, css=, js=)` and its mounts.

A component is the app author's own HTML, CSS and JavaScript (trusted, as in Streamlit),
hosted by one anywidget (js/component.js) that calls the JavaScript's default export with
`{name, key, data, parentElement, setStateValue, setTriggerValue}`. The browser reports
`setStateValue(name, value)` and `setTriggerValue(name, value)` as messages; each is one
`Request` of the component's scope (its fragment, else the app), after the
`on_<name>_change` callback:

* a *state* value is kept (on the component's owner, and under `st.session_state[key]`) and
  returned by every later run, like an input's value;
* a *trigger* value is returned only by the run its message caused, like a button's click.

The mount returns a `ComponentResult`: a dict with attribute access holding the state values
and, for each callback's name, the trigger value (None when it did not fire in this run).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import anywidget
import traitlets

from .. import errors
from .._runtime.runtime import runtime
from .._runtime.scopes import Request
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .base import WidgetOwner, bind_key, widget_frame
from .types import Key, css_size

_MAX_NAME = 200  # characters of a state or trigger name a browser may send


class ComponentResult(dict[str, Any]):
    """A component's values: `result["name"]` or `result.name` (AttributeError when missing)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"'ComponentResult' object has no attribute '{name}'") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class ComponentState(ComponentResult):
    """`st.session_state[key]` of a mounted component: its state values (and this run's trigger
    values), where assigning a state value before the component is drawn in a run sets it."""

    def __init__(self, owner: ComponentOwner, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        object.__setattr__(self, "_owner", owner)

    def __setitem__(self, name: str, value: Any) -> None:
        owner: ComponentOwner = object.__getattribute__(self, "_owner")
        owner.check_not_drawn(name)
        if owner.callbacks and name not in owner.callbacks:
            return  # only named states may be set (Streamlit ignores others)
        owner.state[name] = value
        super().__setitem__(name, value)

    def __delitem__(self, name: str) -> None:
        owner: ComponentOwner = object.__getattribute__(self, "_owner")
        owner.check_not_drawn(name)
        owner.state.pop(name, None)
        super().__delitem__(name)


class ComponentWidget(TextRepr, anywidget.AnyWidget):
    """The host of one mounted component (js/component.js)."""

    _esm = esm("component.js")
    name = traitlets.Unicode("").tag(sync=True)
    key = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    html = traitlets.Unicode("").tag(sync=True)
    css = traitlets.Unicode("").tag(sync=True)
    js = traitlets.Unicode("").tag(sync=True)
    isolate_styles = traitlets.Bool(True).tag(sync=True)
    data = traitlets.Any(None).tag(sync=True)
    width = traitlets.Unicode("").tag(sync=True)
    height = traitlets.Unicode("").tag(sync=True)

    def __init__(self, isolate_styles: bool) -> None:
        super().__init__(isolate_styles=isolate_styles)
        self.add_class("nbfrag-component")
        self.on_event: Callable[[str, str, Any], None] | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """A visitor's message is untrusted: only well-formed events reach the app."""
        if not isinstance(content, dict) or self.on_event is None:
            return
        event, name = content.get("event"), content.get("name")
        if event in ("state", "trigger") and isinstance(name, str) and 0 < len(name) <= _MAX_NAME:
            self.on_event(event, name, content.get("value"))


@dataclass(eq=False)
class ComponentOwner(WidgetOwner):
    """A mounted component: its state values and its callbacks by event name."""

    widget: ComponentWidget | None = None
    state: dict[str, Any] = field(default_factory=dict)
    callbacks: dict[str, Callable[[], Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.read = self.result
        self.write = self.set_states

    def triggers(self) -> dict[str, Any]:
        fired = runtime.session.triggers.get(self.widget_id)
        return dict(fired) if isinstance(fired, dict) else {}

    def result(self) -> ComponentResult:
        """What the mount returns in this run: state values, and a trigger value (or None) per
        callback."""
        fired = self.triggers()
        triggers = {name: fired.get(name) for name in self.callbacks}
        return ComponentResult({**fired, **triggers, **self.state})

    def receive(self, event: str, name: str, value: Any) -> None:
        """`setStateValue` / `setTriggerValue` from the browser: one run of the scope."""
        if event == "state":
            if name in self.state and self.state[name] == value:
                return
            self.state[name] = value
            trigger = None
        else:
            trigger = {name: value}
        runtime.dispatch(
            Request(
                self.app,
                fragment=self.fragment,
                callback=self.callbacks.get(name),
                trigger=(self.widget_id, trigger) if trigger is not None else None,
            )
        )

    def set_states(self, values: Any) -> None:
        """Set state values as the browser does (`nbfrag.testing`'s `set_value`): a dict of them."""
        if not isinstance(values, Mapping):
            raise TypeError("a component's value is set with a dict of its state values")
        for name, value in values.items():
            self.receive("state", str(name), value)

    def check_not_drawn(self, name: str) -> None:
        frame = runtime.frame()
        if frame is not None and self.widget_id in frame.run.widget_ids:
            raise errors.StreamlitAPIException(
                f"`st.session_state.{self.key}.{name}` cannot be modified after the component with "
                f"key `{self.key}` is drawn in this run: set it before the component's mount."
            )

    # -- the Session State side (a Binding) ----------------------------------------------------
    def get(self) -> ComponentState:
        return ComponentState(self, {**self.triggers(), **self.state})

    def set(self, value: Any) -> None:
        if not isinstance(value, Mapping):
            raise errors.StreamlitAPIException(
                f"`st.session_state.{self.key}` of a component holds a dict of its state values, "
                f"not {type(value).__name__}: set one state with `st.session_state.{self.key}.name = value`."
            )
        for name, item in value.items():
            self.get()[str(name)] = item


def to_json_data(data: Any) -> Any:
    """`data=` as JSON for the browser: DataFrames as lists of records, arrays as lists."""
    if data is None:
        return None
    to_dict = getattr(data, "to_dict", None)
    if callable(to_dict) and hasattr(data, "columns"):  # a pandas DataFrame
        data = json.loads(data.to_json(orient="records", date_format="iso"))
    elif hasattr(data, "tolist") and hasattr(data, "dtype"):  # a NumPy array
        data = data.tolist()
    elif isinstance(data, (bytes, bytearray)):
        data = list(bytes(data))
    try:
        return json.loads(json.dumps(data, allow_nan=False))
    except (TypeError, ValueError):
        raise errors.BidiComponentUnserializableDataError() from None


def _callbacks(on_callbacks: Mapping[str, Any]) -> dict[str, Callable[[], Any]]:
    """The `on_<event>_change=` callables by event name (Streamlit skips other keywords)."""
    found: dict[str, Callable[[], Any]] = {}
    for keyword, value in on_callbacks.items():
        if not callable(value) or not (keyword.startswith("on_") and keyword.endswith("_change")):
            continue
        event = keyword[3:-7]
        if not event or event == "_":
            raise errors.BidiComponentInvalidCallbackNameError(keyword)
        found[event] = value
    return found


@dataclass(frozen=True)
class ComponentSource:
    """What `st.components.v2.component(...)` registered: the component's own code."""

    name: str
    html: str | None
    css: str | None
    js: str | None
    isolate_styles: bool


def mount(
    source: ComponentSource,
    *,
    key: Key = None,
    data: Any = None,
    default: dict[str, Any] | None = None,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["stretch", "content"] = "content",
    on_callbacks: Mapping[str, Any],
) -> ComponentResult:
    """Draw one instance of a component and return its values (see `component`)."""
    callbacks = _callbacks(on_callbacks)
    for state_key in default or {}:
        if state_key not in callbacks:
            raise errors.BidiComponentInvalidDefaultKeyError(state_key, list(callbacks))
    sent = to_json_data(data)
    css_width = css_size(width, "width", {"stretch": "100%", "content": "fit-content"}) or ""
    css_height = css_size(height, "height", {"stretch": "100%", "content": ""}) or ""
    key = None if key is None else str(key)
    identity: tuple[Hashable, ...] = (
        source.name, source.isolate_styles, css_width, css_height,
        json.dumps(default, sort_keys=True, default=repr), json.dumps(sent, sort_keys=True),
    )
    frame, wid = widget_frame("component", key, *(() if key is not None else identity))
    props = (source, sent, css_width, css_height, key)
    text = f"component {source.name}" + (f" (key {key})" if key is not None else "")

    def update(widget: Any) -> None:
        widget.text = text
        widget.name, widget.key = source.name, key
        widget.html, widget.css, widget.js = source.html or "", source.css or "", source.js or ""
        widget.width, widget.height = css_width, css_height
        widget.data = sent

    slot = frame.block.place(
        "component", wid, lambda: ComponentWidget(source.isolate_styles), update, text=lambda: text, props=props
    )
    widget = slot.widget
    assert isinstance(widget, ComponentWidget)
    if slot.owner is None:
        owner = slot.owner = ComponentOwner(wid, "component", source.name, key, widget=widget)
        widget.on_event = owner.receive
        if key is not None:
            found, preset = runtime.session.state.preset(key)
            if found and isinstance(preset, Mapping):
                owner.state.update(preset)
    owner = slot.owner
    assert isinstance(owner, ComponentOwner)
    owner.app, owner.fragment, owner.callbacks = frame.app, frame.fragment, callbacks
    for name, value in (default or {}).items():
        owner.state.setdefault(name, value)
    if key is not None:
        bind_key(slot, key, owner)
    frame.show(widget)
    return owner.result()


def component(
    name: str,
    *,
    html: str | None = None,
    css: str | None = None,
    js: str | None = None,
    isolate_styles: bool = True,
) -> Callable[..., ComponentResult]:
    """Define a custom component from HTML, CSS and JavaScript; return the command that mounts it.

    The JavaScript is an ES module whose default export is called with one object,
    ``{name, key, data, parentElement, setStateValue, setTriggerValue}``, when the component
    is drawn and again whenever its `data` changes; the function it returns, if any, is called
    before the next call and when the component goes. ``setStateValue(name, value)`` keeps a
    value (returned by every later run) and ``setTriggerValue(name, value)`` sends a one-run
    value; each reruns the component's fragment (else the app) after its
    ``on_<name>_change`` callback.

    Parameters
    ----------
    name : str
        The component's name (shown in its text form; given to the JavaScript).
    html : str, optional
        HTML put into the component's root before the JavaScript runs.
    css : str, optional
        CSS for the component (inside its shadow root when `isolate_styles`).
    js : str, optional
        The JavaScript module (with an ``export default function(component) {...}``).
    isolate_styles : bool, default True
        Mount the HTML in a shadow root, so the page's CSS and the component's do not mix
        (`parentElement` is then the `ShadowRoot`).

    Returns
    -------
    callable
        ``mount(*, key=None, data=None, default=None, width="stretch", height="content",
        **on_<name>_change)`` draws one instance and returns its `ComponentResult`: a dict with
        attribute access of the state values and, per callback, the trigger value (None unless
        it fired in this run). With a `key`, ``st.session_state[key]`` holds the same values,
        and assigning ``st.session_state[key].name`` before the mount sets a state value.

    Raises
    ------
    StreamlitAPIException
        `html`, `css` or `js` is not a string.

    Differences from Streamlit
    --------------------------
    * `html`, `css` and `js` are the code itself; paths into a packaged component's
      ``asset_dir`` are not read.
    * A DataFrame in `data` reaches the JavaScript as a list of row objects, and bytes as a
      list of numbers (Streamlit sends Arrow tables and byte arrays).

    Examples
    --------
    >>> import nbfrag as st
    >>> counter = st.components.v2.component(
    ...     "counter",
    ...     html="<button>+1</button>",
    ...     js='''export default function({parentElement, data, setStateValue}) {
    ...         parentElement.querySelector("button").onclick = () => setStateValue("count", data + 1);
    ...     }''',
    ... )
    >>> result = counter(data=0, default={"count": 0}, on_count_change=lambda: None)
    """
    for parameter, value in (("css", css), ("js", js), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise errors.StreamlitAPIException(
                f"`{parameter}` of st.components.v2.component must be a string or None, not "
                f"{type(value).__name__}: pass the {parameter.upper()} code itself."
            )
    source = ComponentSource(str(name), html, css, js, bool(isolate_styles))

    def mount_component(
        *,
        key: Key = None,
        data: Any = None,
        default: dict[str, Any] | None = None,
        width: int | Literal["stretch", "content"] = "stretch",
        height: int | Literal["stretch", "content"] = "content",
        **on_callbacks: Any,
    ) -> ComponentResult:
        on_callbacks.pop("isolate_styles", None)  # an older mount-time parameter, ignored
        return mount(source, key=key, data=data, default=default, width=width, height=height,
                     on_callbacks=on_callbacks)

    mount_component.__name__ = f"mount_{source.name}"
    mount_component.__doc__ = f"Draw the `{source.name}` component (see `st.components.v2.component`)."
    return mount_component
