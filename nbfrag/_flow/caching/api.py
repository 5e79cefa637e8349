"""`st.cache_data` and `st.cache_resource`: the decorators, their parameters and `.clear()`."""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable
from datetime import timedelta
from numbers import Integral, Real
from typing import Any, TypeVar

from ... import errors
from ..._runtime.duration import parse_duration_string
from .cached import CachedFunc, Options
from .hashing import HashFuncs
from .storage import Caches, Settings, cache_dir

F = TypeVar("F", bound=Callable[..., Any])

_BYTE_SIZE = re.compile(r"(\d+(?:\.\d*)?|\.\d+) ?(b|kb|kib|mb|mib|gb|gib|tb|tib)", re.ASCII | re.IGNORECASE)
_BYTE_UNITS = {
    "b": 1, "kb": 1024, "kib": 1024, "mb": 1024**2, "mib": 1024**2, "gb": 1024**3, "gib": 1024**3, "tb": 1024**4,
    "tib": 1024**4,
}
_MAX_SIZE_HINT = (
    "Invalid `max_size` value. Supported values: a positive byte size. Use an integer number of "
    'bytes or a positive value with an explicit unit, such as "500MB", "1.5GB", or "200KiB".'
)


def ttl_seconds(ttl: object) -> float | None:
    """`ttl=` in seconds: a number, a `timedelta`, or a duration string ("1h", "1.5 days";
    a bare number string is nanoseconds, as pandas reads it). None means no expiry; any other
    value (the caller's, unchecked) is an error."""
    if ttl is None:
        return None
    if isinstance(ttl, timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, str):
        try:
            return parse_duration_string(ttl)
        except errors.StreamlitBadTimeStringError:
            raise errors.StreamlitBadTimeStringError(ttl, "ttl") from None
    if isinstance(ttl, (int, float, Real)) and not isinstance(ttl, bool):  # int, float: for mypy
        return float(ttl)
    raise errors.StreamlitAPIException(
        f"`ttl` must be a number of seconds, a datetime.timedelta, a duration string such as "
        f"'1h' or None; got {type(ttl).__name__}: {ttl!r}"
    )


def max_size_bytes(value: object) -> int | None:
    """`max_size=` in bytes: an integer, or a number with a binary unit ("500MB" = 500 MiB); any
    other value is an error."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (Integral, str)):
        raise errors.StreamlitAPIException(
            f"Invalid `max_size` type. Expected one of: int, str. Provided type: {type(value).__name__}. "
            'Pass an integer byte count such as int(5e8), or a unit string such as "500MB".'
        )
    if isinstance(value, str):
        match = _BYTE_SIZE.fullmatch(value)
        if match is None:
            raise errors.StreamlitValueError(_MAX_SIZE_HINT)
        whole, _, fraction = match.group(1).partition(".")
        size = int(f"{whole or '0'}{fraction}") * _BYTE_UNITS[match.group(2).lower()] // int(10 ** len(fraction))
    else:
        size = int(value)
    if size <= 0:
        raise errors.StreamlitValueError(_MAX_SIZE_HINT)
    return size


def _check_refresh_mode(refresh_mode: str, ttl: float | None) -> None:
    if refresh_mode not in ("foreground", "background"):
        raise errors.StreamlitValueError("Invalid `refresh_mode` value. Supported values: foreground, background.")
    if refresh_mode == "background":
        if ttl is None:
            raise errors.StreamlitMissingRequiredParameterError(
                "ttl", 'Set a positive `ttl` (for example `ttl="1h"`) or use `refresh_mode="foreground"`.'
            )
        if not ttl > 0 or math.isinf(ttl):
            raise errors.StreamlitValueError(
                "Invalid `ttl` value. Supported values: a positive duration. Background refresh "
                'requires a positive `ttl` (for example `ttl="1h"`) or `refresh_mode="foreground"`.'
            )


def _check_scope(scope: str) -> None:
    if scope not in ("global", "session"):
        raise errors.StreamlitValueError("Invalid `scope` value. Supported values: 'global', 'session'.")


def _is_async(callback: Any) -> bool:
    """A coroutine function, or an object whose `__call__` is one."""
    call = type(callback).__call__
    return any(inspect.iscoroutinefunction(f) or inspect.isasyncgenfunction(f) for f in (callback, call))


def _decorate(func: Callable[..., Any] | None, options: Options) -> Any:
    """Bare (`@st.cache_data`), called (`@st.cache_data(ttl=60)`) or direct (`st.cache_data(f)`)."""

    def wrap(f: Callable[..., Any]) -> CachedFunc:
        if not callable(f):
            raise TypeError(f"st.{options.decorator}() decorates a function; got {type(f).__name__}: {f!r}")
        if inspect.iscoroutinefunction(f) and options.settings.refresh_mode == "background":
            raise errors.StreamlitValueError(
                'Invalid `refresh_mode` value. Supported values: "foreground". Background refresh is not '
                'supported for coroutine functions (`async def`). Use `refresh_mode="foreground"` instead.'
            )
        return CachedFunc(f, options)

    return wrap if func is None else wrap(func)


class CacheDataAPI:
    """`st.cache_data`: cache what a function returns (data), handing out copies."""

    def __init__(self) -> None:
        self._caches = Caches(persistent=True)

    def __call__(
        self,
        func: F | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: HashFuncs | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        """Cache a function that returns data (a DataFrame transform, a query, a download).

        The first call with some arguments runs the function and stores its return value
        (pickled); later calls with equal arguments return a copy of it without running the
        function, and draw again the elements the function drew. The cache lives in the kernel:
        it is shared by every fragment, every rerun and every re-execution of the `%%app` cell,
        and ends with the kernel. A function's cache is found again by its module, qualified
        name and source code, so re-executing a cell keeps the entries of unchanged functions
        and editing a function (or its decorator line) starts it afresh.

        Parameters
        ----------
        func : callable
            The function to cache; or leave it out and use `@st.cache_data(...)` with options.
        ttl : float, timedelta, str or None
            How long an entry stays, counted from its computation: seconds, a `timedelta`, or a
            string such as "1h", "30m" or "1.5 days". None (default): until cleared. Ignored,
            with a note on the kernel's stderr, with `persist="disk"`.
        max_entries : int or None
            Keep at most this many entries; a new one evicts the least recently *used* entry.
        max_size : int, str or None
            Cap the pickled bytes held in memory: an int, or a size with a binary unit ("500MB",
            "1.5GiB"). Least recently used entries are dropped until a new value fits; a single
            larger value is kept alone.
        show_spinner : bool or str
            Show a spinner while a miss computes: True shows "Running `name(...)`.", a string
            shows that text, False none. Only the outermost of nested cached calls shows one,
            and like every spinner it appears only after half a second.
        show_time : bool
            Passed on to `st.spinner(show_time=...)` (the elapsed time next to the text).
        persist : "disk", True, False or None
            "disk" (or True) also writes each entry to a folder shared by all of the user's
            kernels on the machine, so another kernel (another Voila visitor, a restarted kernel)
            loads the value instead of computing it. The folder is `$NBFRAG_CACHE_DIR` if set,
            else the user cache folder: `~/.cache/nbfrag/cache_data` on Linux,
            `~/Library/Caches/nbfrag/cache_data` on macOS, `%LOCALAPPDATA%\\nbfrag\\Cache\\
            cache_data` on Windows. Delete it (or call `st.cache_data.clear()`) to clear it.
            Only load data you trust: those files are pickles, and every kernel of the user
            shares them.
        hash_funcs : dict or None
            `{type or "module.TypeName": function}`: arguments of that type are hashed as what
            the function returns for them (e.g. `{Connection: lambda c: c.url}`).
        scope : "global" or "session"
            Where entries are shared; a kernel is one session, so "session" keeps a separate
            cache that, like the global one, ends with the kernel.
        refresh_mode : "foreground" or "background"
            "background" (needs `ttl`): an expired entry is returned at once and recomputed once
            in a thread; its elements are never replayed, and the function must not use
            `st.*` commands or Session State.

        Returns
        -------
        CachedFunc
            The wrapped function, with `.clear()` (all entries) and `.clear(*args, **kwargs)`
            (the entry those arguments select).

        Examples
        --------
        >>> import nbfrag as st
        >>> @st.cache_data(ttl="1h")
        ... def load(rows: int) -> list[int]:
        ...     return [n * n for n in range(rows)]  # a slow query, download or pd.read_csv(url)
        >>> squares = load(1000)  # runs load; load(1000) again returns a copy at once
        >>> st.write(f"{len(squares)} rows, the last is {squares[-1]}")

        Arguments must be hashable by the cache (numbers, strings, containers, DataFrames,
        arrays, dataclasses...); prefix a parameter with `_` to leave it out of the key
        (`def query(_connection, sql)`), or pass `hash_funcs`.

        Differences from Streamlit
        --------------------------
        Elements the function drew are replayed within the kernel that computed them; an entry
        loaded from disk by another kernel returns its value without them. `print()` output is
        not replayed. Coroutine functions may compute twice when two tasks miss at once.
        """
        ttl_s = ttl_seconds(ttl)
        if persist is True or persist == "disk":
            persistent = True
        elif persist is None or persist is False:
            persistent = False
        else:
            raise errors.StreamlitValueError("Invalid `persist` value. Supported values: 'disk', None.")
        _check_scope(scope)
        size = max_size_bytes(max_size)
        _check_refresh_mode(refresh_mode, ttl_s)
        if refresh_mode == "background" and persistent:
            raise errors.StreamlitIncompatibleParametersError(
                "refresh_mode='background'", f"persist={persist!r}",
                "Persisted (disk) caches do not support TTL-based expiration, which background refresh "
                'requires. Use `persist=None` with `refresh_mode="background"`, or use `refresh_mode="foreground"`.',
            )
        settings = Settings(ttl_s, max_entries, size, persistent, refresh_mode)
        options = Options("cache_data", self._caches, settings, show_spinner, show_time, hash_funcs, scope)
        return _decorate(func, options)

    def clear(self) -> None:
        """Clear every `st.cache_data` cache: all functions, in memory and on disk."""
        self._caches.clear()

    @property
    def disk_folder(self) -> str:
        """Where `persist="disk"` entries are written (see `persist`)."""
        return str(cache_dir())


class CacheResourceAPI:
    """`st.cache_resource`: cache a shared object (a model, a connection), handing out itself."""

    def __init__(self) -> None:
        self._caches = Caches(persistent=False)

    def __call__(
        self,
        func: F | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Any:
        """Cache a function that returns a shared resource (an ML model, a database client).

        Every call with equal arguments returns the *same* object, so mutations are shared and
        the object must be safe to use from several places (and threads). The cache lives in
        the kernel, across reruns and re-executions of the `%%app` cell, found again by the
        function's module, qualified name and source code: a model loads once per kernel (once
        per Voila visitor, whose kernels share nothing).

        Parameters
        ----------
        func : callable
            The function to cache; or leave it out and use `@st.cache_resource(...)`.
        ttl : float, timedelta, str or None
            How long an entry stays (seconds, `timedelta` or a string such as "1h"); None: forever.
        max_entries : int or None
            Keep at most this many objects; a new one evicts the least recently used.
        show_spinner : bool or str
            As for `st.cache_data`: a spinner while the object is being made.
        show_time : bool
            Passed on to `st.spinner(show_time=...)`.
        validate : callable or None
            `validate(obj) -> bool`, run on every hit; False discards the object (without
            `on_release`) and makes a new one, e.g. `validate=lambda conn: conn.is_open()`.
        hash_funcs : dict or None
            `{type or "module.TypeName": function}` to hash arguments of that type.
        on_release : callable or None
            `on_release(obj)` when an object leaves the cache by `ttl` expiry (when next
            touched), `max_entries` eviction or clearing; not when `validate` discards it, and
            not guaranteed when the kernel shuts down.
        scope : "global" or "session"
            A kernel is one session: "session" keeps a separate cache that ends with the kernel.
        refresh_mode : "foreground" or "background"
            "background" (needs `ttl`): an expired object is returned at once and remade once in
            a thread; the old one is then released.

        Returns
        -------
        CachedFunc
            The wrapped function, with `.clear()` and `.clear(*args, **kwargs)`.

        Examples
        --------
        >>> import sqlite3
        >>> import nbfrag as st
        >>> @st.cache_resource(on_release=lambda conn: conn.close())
        ... def connect(path: str) -> sqlite3.Connection:
        ...     return sqlite3.connect(path, check_same_thread=False)
        >>> conn = connect(":memory:")  # the same connection object on every rerun
        >>> st.write(conn.execute("select 1 + 1").fetchone()[0])

        Differences from Streamlit
        --------------------------
        None beyond `st.cache_data`'s: elements drawn by the function are replayed on hits
        within the kernel; `print()` output is not.
        """
        for name, callback in (("validate", validate), ("on_release", on_release)):
            if callback is not None and _is_async(callback):
                raise errors.StreamlitAPIException(
                    f"The `{name}` callback of `st.cache_resource` must be a synchronous function. Async "
                    "callbacks are never awaited; call the coroutine from a synchronous wrapper instead."
                )
        _check_scope(scope)
        ttl_s = ttl_seconds(ttl)
        _check_refresh_mode(refresh_mode, ttl_s)
        settings = Settings(ttl_s, max_entries, None, False, refresh_mode, on_release is not None, validate is not None)
        options = Options(
            "cache_resource", self._caches, settings, show_spinner, show_time, hash_funcs, scope, validate, on_release
        )
        return _decorate(func, options)

    def clear(self) -> None:
        """Clear every `st.cache_resource` cache (each object's `on_release` runs)."""
        self._caches.clear()


def _reads_as_its_call(decorator: CacheDataAPI | CacheResourceAPI) -> None:
    """Make `help()`, `inspect.getdoc`/`signature` and `typing.get_type_hints` read a decorator
    object as its `__call__`: its docstring, its parameters (without `self`), its types."""
    call = type(decorator).__call__
    vars(decorator).update(__doc__=call.__doc__, __annotations__=call.__annotations__, __wrapped__=decorator.__call__)


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()
_reads_as_its_call(cache_data)
_reads_as_its_call(cache_resource)
