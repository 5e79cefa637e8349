"""Session State: one `SessionState` per session, shared by every app and fragment in it.

`st.session_state` is a `SessionStateProxy`: the Session State of the session acting now (the
notebook's, or an `nbfrag.testing.AppTest`'s while it acts). Both behave like Streamlit's
proxy (attribute and item access, `in`, `get`, `setdefault`, `del`, iteration) with
Streamlit's error texts. Widgets with a `key=` are *bound* to it: the binding supplies the
value (and may refuse assignment, as buttons do), so a widget's value and
`st.session_state[key]` can never disagree.

Session State is shared by the kernel's main thread and the workers of parallel fragments
(`@st.fragment(parallel=True)`): every read and write of one key, and every iteration, holds
the state's lock, so no access sees a half-made change. A read-modify-write such as
`st.session_state.n += 1` is two accesses, as in Streamlit: two threads doing it at once need a
lock of the app's own (`threading.Lock`) around it.

Displaying the state in a notebook cell shows its live view (`StateView`, one per Session
State) that redraws after every change, which is how a plain cell "sees" what fragments do.
"""

from __future__ import annotations

import reprlib
import threading
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, Protocol

import ipywidgets as widgets

from .markdown import escape

_HINT = (
    "Did you forget to initialize it? More info: "
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


class Binding(Protocol):
    """What a keyed widget provides to Session State."""

    def get(self) -> Any: ...

    def set(self, value: Any) -> None: ...


class _ByAttribute(MutableMapping[str, Any]):
    """A mapping whose `state.name` is `state["name"]`, with Streamlit's error texts."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{name}". {_HINT}'
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{name}". {_HINT}'
            ) from None


class SessionState(_ByAttribute):
    """One session's Session State. Use it as `st.session_state.name` or `st.session_state["name"]`."""

    def __init__(self) -> None:
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_bindings", {})
        object.__setattr__(self, "_listeners", [])
        object.__setattr__(self, "_view", None)  # its live view, made when first displayed
        object.__setattr__(self, "_guards", {})  # reserved keys (a form's): key -> check
        object.__setattr__(self, "_lock", threading.RLock())  # see the module's docstring

    _lock: threading.RLock

    # -- mapping protocol ---------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        with self._lock:
            binding = self._bindings.get(key)
            if binding is not None:
                return binding.get()
            try:
                return self._values[key]
            except KeyError:
                raise KeyError(f'st.session_state has no key "{key}". {_HINT}') from None

    def __setitem__(self, key: str, value: Any) -> None:
        with self._lock:
            guard = self._guards.get(key)
            if guard is not None:
                guard()  # may refuse the assignment
            binding = self._bindings.get(key)
            if binding is not None:
                binding.set(value)
            else:
                self._values[key] = value
        self._changed()

    def __delitem__(self, key: str) -> None:
        with self._lock:
            if key in self._bindings:
                del self._bindings[key]
                self._values.pop(key, None)
            else:
                try:
                    del self._values[key]
                except KeyError:
                    raise KeyError(f'st.session_state has no key "{key}". {_HINT}') from None
        self._changed()

    def __iter__(self) -> Iterator[str]:
        with self._lock:  # a snapshot: another thread may add keys while the caller iterates
            keys = [*self._values, *(k for k in self._bindings if k not in self._values)]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return len(self._values.keys() | self._bindings.keys())

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._values or key in self._bindings

    # -- widgets and observers ----------------------------------------------------------
    def bind(self, key: str, binding: Binding) -> None:
        """Make `key` read and write through a widget's binding (its value wins from now on)."""
        self._bindings[key] = binding
        self._values.pop(key, None)

    def preset(self, key: str) -> tuple[bool, Any]:
        """`(True, value)` if `key` holds a plain value (set before its widget existed)."""
        if key in self._values and key not in self._bindings:
            return True, self._values[key]
        return False, None

    def unbind(self, key: str, binding: Binding) -> None:
        """Drop a widget's binding when the widget is gone; its key disappears with it."""
        if self._bindings.get(key) is binding:
            del self._bindings[key]
            self._changed()

    def guard(self, key: str, check: Callable[[], None]) -> None:
        """Call `check()` before every assignment of `key`, which may refuse it: a form's key
        is reserved without being a key of the state."""
        self._guards[key] = check

    def unguard(self, key: str, check: Callable[[], None]) -> None:
        if self._guards.get(key) is check:
            del self._guards[key]

    def release(self, key: str, binding: Binding) -> None:
        """Drop a widget's binding when the widget is gone, keeping its last value under `key`
        as a plain value (`persist_state`): a widget drawn again with that key starts from it."""
        if self._bindings.get(key) is binding:
            value = binding.get()
            del self._bindings[key]
            self._values[key] = value
            self._changed()

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call `callback()` after every change (the live view uses this)."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    def to_dict(self) -> dict[str, Any]:
        """A plain copy of every key and value."""
        with self._lock:
            return {key: self[key] for key in self}

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
        self._changed()

    # -- display ------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"SessionState({self.to_dict()!r})"

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return state_view(self)._repr_mimebundle_(**kwargs)


_short = reprlib.Repr()
_short.maxstring = 200
_short.maxother = 200


class StateView(widgets.HTML):
    """A live table of Session State, redrawn whenever the state changes."""

    def __init__(self, state: SessionState) -> None:
        super().__init__()
        self._state = state
        self.add_class("nbfrag-state")
        self.refresh()
        state.on_change(self.refresh)

    def refresh(self) -> None:
        rows = "".join(
            f"<tr><th style='text-align:left;padding-right:1em'>{escape(str(k))}</th>"
            f"<td><code>{escape(_short.repr(v))}</code></td></tr>"
            for k, v in self._state.to_dict().items()
        )
        body = rows or "<tr><td><em>(empty)</em></td></tr>"
        caption = "<caption style='text-align:left'>st.session_state</caption>"
        self.value = f"<table class='nbfrag-state-table'>{caption}{body}</table>"

    def __repr__(self) -> str:
        return repr(self._state)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self._state)  # untruncated and deterministic
        return bundle


def state_view(state: SessionState) -> StateView:
    """The one live view of `state` (displaying it twice shows the same widget twice)."""
    view: StateView | None = state._view
    if view is None or view.comm is None:
        view = StateView(state)
        object.__setattr__(state, "_view", view)
    return view


class SessionStateProxy(_ByAttribute):
    """`st.session_state`: asks for the acting session's `SessionState` on every use.

    Apps keep the one `st.session_state` object they imported, while the session behind it
    changes (each `nbfrag.testing.AppTest` is a session of its own)."""

    _current: Callable[[], SessionState]

    def __init__(self, current: Callable[[], SessionState]) -> None:
        object.__setattr__(self, "_current", current)

    def _state(self) -> SessionState:
        return self._current()

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def to_dict(self) -> dict[str, Any]:
        """A plain copy of every key and value."""
        return self._state().to_dict()

    def clear(self) -> None:
        """Forget every value (keys bound to widgets stay, as the widgets do)."""
        self._state().clear()

    def __repr__(self) -> str:
        return repr(self._state())

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self._state()._repr_mimebundle_(**kwargs)
