"""`st.query_params`: the page URL's query parameters, per session, as Streamlit keeps them.

Under Voila the page's query string reaches the kernel (Voila puts it in the kernel's
`QUERY_STRING` environment variable before the notebook runs): that is where the notebook
session's parameters start. Setting or clearing them changes the address in the visitor's
browser (`history.replaceState`, through the app's invisible page-head widget, js/page.js),
without reloading the page. In JupyterLab and Notebook 7 the notebook's URL is not the app's:
the parameters start empty and work the same, the browser's address is left alone.
Each `AppTest` has its own parameters (`at.query_params`).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlencode

from .. import errors
from .._elements.page import page_head
from .._runtime.runtime import runtime
from .._runtime.session import Session

_EMBED = ("embed", "embed_options")  # Streamlit's own: never listed, never settable
Value = str | Iterable[str]


def _missing_key(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def parse(query_string: str) -> dict[str, list[str] | str]:
    """A query string as Streamlit holds it: one value as a str, repeated ones as a list."""
    parsed = parse_qs(query_string.lstrip("?"), keep_blank_values=True)
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


def _page_query() -> str:
    """The query string of the page the notebook runs in: Voila's, else none."""
    return os.environ.get("QUERY_STRING", "") if os.environ.get("VOILA_KERNEL_ID") else ""


class QueryParams:
    """One session's query parameters (what `st.query_params` serves in that session)."""

    def __init__(self, params: Mapping[str, list[str] | str]) -> None:
        self.params: dict[str, list[str] | str] = dict(params)

    def set(self, key: str, value: Any) -> None:
        if isinstance(value, dict):
            raise errors.StreamlitQueryParamDictValueError(key)
        if key.lower() in _EMBED:
            raise errors.StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
            )
        if isinstance(value, Iterable) and not isinstance(value, str):
            self.params[key] = [str(item) for item in value]
        else:
            self.params[key] = str(value)

    def query_string(self) -> str:
        return urlencode(self.params, doseq=True)


_sessions: weakref.WeakKeyDictionary[Session, QueryParams] = weakref.WeakKeyDictionary()


def params_of(session: Session) -> QueryParams:
    """The session's parameters (the notebook's start from the page's query string)."""
    found = _sessions.get(session)
    if found is None:
        found = _sessions[session] = QueryParams(parse(_page_query()))
    return found


def set_params_of(session: Session, params: Mapping[str, Any]) -> None:
    """Give a session these parameters (an `AppTest` before its run); no URL changes."""
    holder = QueryParams({})
    for key, value in params.items():
        holder.set(str(key), value)
    _sessions[session] = holder


class QueryParamsProxy(MutableMapping[str, str]):
    """The page URL's query parameters, read and set like a dict: `st.query_params["page"]`.

    A key's value is its last one (`get_all` gives every one); setting a list repeats the key
    (`?tag=a&tag=b`); every value is stored as text. Attribute access works too
    (`st.query_params.page`); `to_dict()`, `from_dict(d)` (replaces them all), `update`,
    `clear()`. `embed` and `embed_options` are Streamlit's own and cannot be set. Under Voila
    they start as the page's query string and each change updates the address bar (no
    reload). An `AppTest` has its own (`at.query_params`).

    Returns
    -------
    QueryParamsProxy
        `st.query_params` is an object, not a command: use it like a dict of str.

    Differences from Streamlit
    --------------------------
    * Only a Voila page has query parameters of its own: in JupyterLab and Notebook 7 they
      start empty (the notebook's URL is not the app's), and setting them changes no URL.
    * Widgets cannot be bound to query parameters (`bind="query-params"`).

    Examples
    --------
    >>> import nbfrag as st
    >>> st.query_params["page"] = "2"
    >>> st.write(st.query_params.get("page"), st.query_params.to_dict())
    """

    @property
    def _held(self) -> QueryParams:
        return params_of(runtime.session)

    def _sent(self) -> None:
        """Show the new query string in the browser's address bar (under Voila)."""
        frame = runtime.frame()
        if frame is not None:
            page_head(frame).query = self._held.query_string()

    def __getitem__(self, key: str) -> str:
        if key.lower() in _EMBED or key not in self._held.params:
            raise KeyError(_missing_key(key))
        value = self._held.params[key]
        if isinstance(value, list):
            return value[-1] if value else ""
        return value

    def __setitem__(self, key: str, value: Value) -> None:
        self._held.set(key, value)
        self._sent()

    def __delitem__(self, key: str) -> None:
        if key.lower() in _EMBED or key not in self._held.params:
            raise KeyError(_missing_key(key))
        del self._held.params[key]
        self._sent()

    def __iter__(self) -> Iterator[str]:
        return iter([key for key in self._held.params if key.lower() not in _EMBED])

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() not in _EMBED and key in self._held.params

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Value) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(_missing_key(key)) from None

    def update(self, other: Any = (), /, **kwds: Value) -> None:
        """Set several parameters at once (one URL change)."""
        pairs = list(other.items()) if hasattr(other, "items") else list(other)
        for key, value in [*pairs, *kwds.items()]:
            self._held.set(key, value)
        self._sent()

    def clear(self) -> None:
        """Remove every parameter (the URL keeps no query string)."""
        self._held.params = {k: v for k, v in self._held.params.items() if k.lower() in _EMBED}
        self._sent()

    def get_all(self, key: str) -> list[str]:
        """Every value of `key` (a repeated key has several), or [] when it is absent."""
        if key not in self:
            return []
        value = self._held.params[key]
        return list(value) if isinstance(value, list) else [value]

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict, each key with its last value."""
        return {key: self[key] for key in self}

    def from_dict(self, params: Any) -> None:
        """Replace every parameter with `params` (a dict or key/value pairs); on an invalid
        value nothing changes."""
        before = dict(self._held.params)
        self._held.params = {k: v for k, v in before.items() if k.lower() in _EMBED}
        try:
            self.update(params)
        except errors.StreamlitAPIException:
            self._held.params = before
            raise

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def __str__(self) -> str:
        return str(self._held.params)


query_params = QueryParamsProxy()
