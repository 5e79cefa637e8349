"""A cached function: what a call does on a hit and on a miss.

A call hashes its arguments (the value key), looks the entry up in the function's cache and,
on a hit, replays the elements the function drew and returns the value: an unpickled copy for
`st.cache_data`, the object itself for `st.cache_resource` (after `validate`). On a miss it
shows a spinner (only the outermost cached call of a nesting), takes the key's compute lock so
that concurrent callers compute once, looks again (another thread may have finished), runs the
function while recording the elements it places, stores the result and returns the *original*
value (not a copy), as Streamlit does.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ... import errors
from ..._elements.effects import spinner
from ..._runtime.execution import show_exception
from ..._runtime.recording import Placement, in_cached_function, recording
from ..._runtime.runtime import runtime
from . import storage
from .hashing import HashFuncs, function_key, positional_names, value_key
from .replay import finish, replay
from .storage import Caches, Entry, FunctionCache, Settings

_MISSING = object()
_SESSION_THREAD = (
    "A session-scoped cache was accessed outside of the app execution thread. Make sure all "
    "session-scoped caches are read during rendering and not read in background threads."
)


@dataclass(frozen=True)
class Options:
    """How one decorator application caches (`@st.cache_data(ttl=60)`, say)."""

    decorator: str  # "cache_data" or "cache_resource"
    caches: Caches
    settings: Settings
    show_spinner: bool | str = True
    show_time: bool = False
    hash_funcs: HashFuncs | None = None
    scope: str = "global"
    validate: Callable[[Any], bool] | None = None
    on_release: Callable[[Any], None] | None = None

    @property
    def copies(self) -> bool:
        """`cache_data` stores pickles and hands out copies; `cache_resource` the object."""
        return self.decorator == "cache_data"


class CachedFunc:
    """A function wrapped by `st.cache_data` or `st.cache_resource`.

    Call it as the function itself; `f.clear()` empties its cache and `f.clear(*args, **kwargs)`
    drops the one entry those arguments select. Works on methods too (hash `self` or name it
    `_self` to leave it out of the key).
    """

    def __init__(self, func: Callable[..., Any], options: Options) -> None:
        if inspect.isasyncgenfunction(func):
            raise errors.StreamlitAPIException(
                "Async-generator functions cannot be cached. Async generators produce streams that "
                "are one-shot iterators, rather than a single cacheable result. Consume the async "
                "generator and return a materialized result from an ordinary coroutine function if "
                "appropriate."
            )
        self._func = func
        self._options = options
        self._is_async = inspect.iscoroutinefunction(func)
        self._function_key = function_key(func)
        self._names = positional_names(func)
        self._display_name = f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', '?')}"
        self._known: tuple[int, FunctionCache] | None = None  # (registry generation, cache)
        functools.update_wrapper(self, func)

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._func!r}>"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        """As a method: bind the instance (it is the first argument, hashed as `self`)."""
        if instance is None:
            return self
        return functools.update_wrapper(BoundCachedFunc(self, instance), self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._is_async:
            return self._call_async(args, kwargs)
        cache, key = self._cache(), self._key(args, kwargs)
        found = self._lookup(cache, key, args, kwargs)
        if found is not _MISSING:
            return found
        with self._spinner(args, kwargs), cache.compute_lock(key):
            found = self._lookup(cache, key, args, kwargs)  # computed meanwhile by another thread?
            if found is not _MISSING:
                return found
            base = runtime.frame()
            placements: list[Placement] = []
            with recording(placements):
                value = self._func(*args, **kwargs)
            if inspect.isawaitable(value):
                if inspect.iscoroutine(value):
                    value.close()  # never awaited: say so once, here, not as a RuntimeWarning
                raise errors.StreamlitAPIException(
                    f"`{self._func.__name__}()` is a synchronous function decorated with "
                    f"`st.{self._options.decorator}`, but it returned an awaitable of type "
                    f"`{type(value).__module__}.{type(value).__qualname__}`. The function may have "
                    "returned an asynchronous operation without awaiting it, or the returned object "
                    "may itself be awaitable.\n\nReturn a non-awaitable value instead. Prefer defining "
                    "the cached function with `async def` and `await` the operation; note that "
                    '`async def` cached functions require `refresh_mode="foreground"`.'
                )
            self._store(cache, key, value, finish(placements, base.block if base else None))
            return value

    async def _call_async(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A coroutine function's call: the same steps, awaiting the function on a miss (two
        tasks missing the same key at once may both compute: no lock blocks the event loop)."""
        cache, key = self._cache(), self._key(args, kwargs)
        found = self._lookup(cache, key, args, kwargs)
        if found is not _MISSING:
            return found
        with self._spinner(args, kwargs):
            base = runtime.frame()
            placements: list[Placement] = []
            with recording(placements):
                value = await self._func(*args, **kwargs)
            self._store(cache, key, value, finish(placements, base.block if base else None))
            return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear the function's cache; with arguments, only the entry they select.

        Parameters
        ----------
        *args, **kwargs
            Arguments as the function takes them; the entry is found exactly as a call with
            these arguments would find it (the same keys: `_`-prefixed arguments ignored).
        """
        cache = self._cache()
        cache.clear(self._key(args, kwargs) if args or kwargs else None)

    # -- the steps of a call -------------------------------------------------------------------
    def _cache(self) -> FunctionCache:
        options = self._options
        if options.scope == "session" and threading.current_thread() is not threading.main_thread():
            raise errors.StreamlitAPIException(_SESSION_THREAD)
        known = self._known
        if known is not None and known[0] == options.caches.generation:
            return known[1]  # the registry has not changed since: no lock, no lookup
        generation = options.caches.generation
        cache = options.caches.get(
            self._function_key, options.scope, self._display_name, options.settings, options.on_release
        )
        self._known = (generation, cache)
        return cache

    def _key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        options = self._options
        return value_key(self._func, self._names, args, kwargs, options.hash_funcs, options.decorator)

    def _lookup(self, cache: FunctionCache, key: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """The value of a hit (its elements replayed), or `_MISSING`."""
        entry = cache.read(key)
        if entry is None:
            return _MISSING
        options = self._options
        if options.copies:
            try:
                value = pickle.loads(entry.value)
            except Exception:  # noqa: BLE001 - e.g. a disk entry of a class that changed: recompute
                cache.discard(key)
                return _MISSING
        else:
            value = entry.value
            if options.validate is not None and not options.validate(value):
                cache.discard(key)  # `on_release` is not called for it, as in Streamlit
                return _MISSING
        settings = options.settings
        if settings.refresh_mode == "background":
            assert settings.ttl is not None
            if storage.clock() - entry.stored_at >= settings.ttl:
                self._refresh_in_background(cache, key, entry, args, kwargs)
            return value  # background mode never replays elements
        if entry.replay:
            replay(entry.replay, options.decorator, self._func)
        return value

    def _store(self, cache: FunctionCache, key: str, value: Any, drawn: tuple[Any, ...]) -> None:
        options = self._options
        if options.settings.refresh_mode == "background":
            if drawn:
                frame = runtime.require_frame()
                warning = errors.CachedStFunctionInBackgroundModeWarning(options.decorator, self._func)
                frame.show(show_exception(frame.block, warning).widget)
            drawn = ()
        if options.copies:
            try:
                data = storage.pickled(value)
            except (pickle.PicklingError, TypeError, AttributeError) as error:
                raise errors.UnserializableReturnValueError(self._func, value) from error
            cache.write(key, Entry(data, drawn, len(data), storage.clock()))
        else:
            cache.write(key, Entry(value, drawn, 1, storage.clock()))

    def _spinner(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> contextlib.AbstractContextManager[Any]:
        """Streamlit's spinner on a miss: its text, or "Running `name(...)`."; only for the
        outermost cached call, and only where an app or fragment is running."""
        show = self._options.show_spinner
        if isinstance(show, str):
            text = show
        elif show is True:
            text = f"Running `{self._func.__qualname__}({'...' if args or kwargs else ''})`."
        else:
            return contextlib.nullcontext()
        if in_cached_function() or runtime.frame() is None:
            return contextlib.nullcontext()
        return spinner(text, show_time=self._options.show_time)

    def _refresh_in_background(
        self, cache: FunctionCache, key: str, stale: Entry, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        """Recompute an expired entry once, in a thread, while callers get the stale value."""
        lock = cache.compute_lock(key)
        if not lock.acquire(blocking=False):
            return  # a computation of this key is already running
        generation = cache.generation

        def work() -> None:
            try:
                value = self._func(*args, **kwargs)
                if cache.generation != generation or cache.read(key) is not stale:
                    return  # cleared or replaced meanwhile: drop the result
                self._store(cache, key, value, ())
                if not self._options.copies and self._options.on_release is not None:
                    self._options.on_release(stale.value)
            except Exception as error:  # noqa: BLE001 - a thread has nobody to raise to
                storage.log(f"Background cache refresh failed for {self._display_name}: {error}")
            finally:
                lock.release()

        threading.Thread(target=work, name=f"nbfrag-cache-refresh {self._display_name}", daemon=True).start()


class BoundCachedFunc:
    """A cached method bound to an instance (`obj.method(...)`, `obj.method.clear()`)."""

    def __init__(self, cached: CachedFunc, instance: Any) -> None:
        self._cached = cached
        self._instance = instance

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._instance, *args, **kwargs)

    def __repr__(self) -> str:
        return f"<BoundCachedFunc: {self._cached._func!r} of {self._instance!r}>"

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear the method's whole cache; with arguments, the entry of this instance and them."""
        if args or kwargs:
            self._cached.clear(self._instance, *args, **kwargs)
        else:
            self._cached.clear()
