"""Where cached entries live: one store per cached function, in memory, optionally on disk.

The in-memory store is `cachetools.TTLCache` (a well-kept LRU cache with one time-to-live for
all its items): reads refresh recency, `max_entries` evicts the least recently used entry (as
Streamlit does, whatever its docs say), an entry's age counts from its write and expired
entries read as missing. On top of it nbfrag adds Streamlit's byte budget (`max_size`) and the
release hook of `st.cache_resource` (`on_release`), which runs on eviction, expiry and clearing
but not when `validate` discards an entry.

`persist="disk"` also writes every entry to one folder shared by all the user's kernels on
the machine (`cache_dir()`), one pickle per entry named `<function key>-<value key>.memo`.
Writes go to a temporary file in that folder first and are renamed into place, so a kernel
reading while another writes sees a whole file or none.
"""

from __future__ import annotations

import math
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cachetools
import platformdirs

clock: Callable[[], float] = time.monotonic
"""The clock entry ages are measured with (tests replace it)."""

CACHE_DIR_ENV = "NBFRAG_CACHE_DIR"


def log(message: str) -> None:
    """A note for whoever runs the server (Streamlit logs these to its console): the kernel
    process's own stderr, never the page."""
    print(f"nbfrag: {message}", file=sys.__stderr__)


def cache_dir() -> Path:
    """The folder `persist="disk"` writes to: `$NBFRAG_CACHE_DIR` if set, else the user's cache
    folder (`~/.cache/nbfrag/cache_data` on Linux, `~/Library/Caches/nbfrag/cache_data` on
    macOS, `%LOCALAPPDATA%\\nbfrag\\Cache\\cache_data` on Windows)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_cache_path("nbfrag") / "cache_data"


@dataclass
class Entry:
    """One cached call: the value (pickled bytes for `cache_data`, the object itself for
    `cache_resource`) and the elements it drew (None: unknown, e.g. read from disk)."""

    value: Any
    replay: Any = None
    size: int = 1
    stored_at: float = 0.0


Release = Callable[[Any], None]


class MemoryStore(cachetools.TTLCache[str, Entry]):
    """An LRU cache with a uniform TTL, an optional byte budget and a release hook."""

    def __init__(
        self, max_entries: int | None, ttl: float | None, max_size: int | None, on_release: Release | None, name: str
    ) -> None:
        super().__init__(
            maxsize=math.inf, ttl=math.inf if ttl is None else ttl, timer=lambda: clock(), getsizeof=lambda e: e.size
        )
        self.max_entries = max_entries
        self.max_size = max_size
        self.on_release = on_release
        self.name = name

    def _release(self, entry: Entry) -> None:
        if self.on_release is not None:
            self.on_release(entry.value)

    def expire(self, time: float | None = None) -> list[tuple[str, Entry]]:
        expired = super().expire(time)
        for _key, entry in expired:
            self._release(entry)
        return expired

    def popitem(self) -> tuple[str, Entry]:
        key, entry = super().popitem()  # the least recently used entry (evicted)
        self._release(entry)
        return key, entry

    def discard(self, key: str) -> None:
        """Forget an entry without releasing it (`validate` said no, or it was replaced)."""
        try:
            del self[key]
        except KeyError:  # absent, or present but already expired (deleted all the same)
            pass

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry, evicting least-recently-used ones to respect the limits."""
        self.discard(key)
        if self.max_entries is not None:
            if self.max_entries <= 0:
                return  # Streamlit: a cache of size 0 keeps nothing
            while len(self) >= self.max_entries:
                self.popitem()
        if self.max_size is not None:
            while len(self) and self.currsize + entry.size > self.max_size:
                self.popitem()
            if entry.size > self.max_size:
                log(
                    "A cached result is larger than the st.cache_data size limit and was stored "
                    f"anyway. Function {self.name!r} produced {entry.size} serialized bytes, "
                    f"exceeding max_size={self.max_size}."
                )
        self[key] = entry

    def release_all(self) -> None:
        """Empty the store, releasing every entry (expired ones too)."""
        self.expire()
        entries = [cachetools.Cache.__getitem__(self, key) for key in list(cachetools.Cache.__iter__(self))]
        self.clear()
        for entry in entries:
            self._release(entry)


class DiskStore:
    """The `persist="disk"` files of one function: `<function key>-<value key>.memo`."""

    def __init__(self, function_key: str) -> None:
        self.function_key = function_key

    def path(self, value_key: str) -> Path:
        return cache_dir() / f"{self.function_key}-{value_key}.memo"

    def read(self, value_key: str) -> bytes | None:
        try:
            return self.path(value_key).read_bytes()
        except OSError:
            return None

    def write(self, value_key: str, data: bytes) -> None:
        """Write atomically: a temporary file in the same folder, then a rename over the name."""
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as file:
                    file.write(data)
                os.replace(temporary, self.path(value_key))
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as error:
            log(f"could not write the disk cache entry {self.path(value_key)}: {error}")

    def delete(self, value_key: str) -> None:
        self.path(value_key).unlink(missing_ok=True)

    def clear(self) -> None:
        for path in cache_dir().glob(f"{self.function_key}-*.memo"):
            path.unlink(missing_ok=True)


def clear_disk() -> None:
    """Delete every entry `persist="disk"` wrote (`st.cache_data.clear()`)."""
    for path in cache_dir().glob("*.memo"):
        path.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# One function's cache


@dataclass(frozen=True)
class Settings:
    """What shapes a function's store; a cached function redefined with other settings gets a
    new store (the old one is cleared)."""

    ttl: float | None = None
    max_entries: int | None = None
    max_size: int | None = None
    persist: bool = False
    refresh_mode: str = "foreground"
    releases: bool = False  # an `on_release` hook is set
    validates: bool = False  # a `validate` hook is set


class FunctionCache:
    """The entries of one cached function (one function key), safe to use from many threads."""

    def __init__(self, key: str, name: str, settings: Settings, on_release: Release | None = None) -> None:
        self.key = key
        self.name = name
        self.settings = settings
        # Background refresh serves an expired value for one more ttl: entries live twice as long.
        ttl = None if settings.persist else settings.ttl
        if ttl is not None and settings.refresh_mode == "background":
            ttl *= 2
        self.memory = MemoryStore(settings.max_entries, ttl, settings.max_size, on_release, name)
        self.disk = DiskStore(key) if settings.persist else None
        self.generation = 0  # bumped by every clear: late background results are dropped
        self._lock = threading.Lock()  # guards the memory store (cachetools is not thread-safe)
        self._compute_locks: dict[str, threading.Lock] = {}
        if settings.persist and settings.ttl is not None:
            log(
                f"The cached function '{name}' has a TTL that will be ignored. Persistent cached "
                "functions currently don't support TTL."
            )

    def read(self, value_key: str) -> Entry | None:
        """The entry for this key: from memory, else from disk (then kept in memory too)."""
        with self._lock:
            entry = self.memory.get(value_key)
        if entry is not None or self.disk is None:
            return entry
        data = self.disk.read(value_key)
        if data is None:
            return None
        entry = Entry(data, None, len(data), clock())
        with self._lock:
            self.memory.put(value_key, entry)
        return entry

    def write(self, value_key: str, entry: Entry) -> None:
        with self._lock:
            self.memory.put(value_key, entry)
        if self.disk is not None:
            self.disk.write(value_key, entry.value)

    def discard(self, value_key: str) -> None:
        """Drop one entry without releasing it (a disk copy that fails to load, `validate`)."""
        with self._lock:
            self.memory.discard(value_key)
        if self.disk is not None:
            self.disk.delete(value_key)

    def clear(self, value_key: str | None = None) -> None:
        """Drop one entry (or all), releasing them; their disk copies go too."""
        with self._lock:
            self.generation += 1
            if value_key is None:
                self.memory.release_all()
            else:
                entry = self.memory.pop(value_key, None)
                if entry is not None:
                    self.memory._release(entry)
        if self.disk is not None:
            self.disk.clear() if value_key is None else self.disk.delete(value_key)

    def compute_lock(self, value_key: str) -> threading.Lock:
        """The lock held while this key's value is computed (one computation per key)."""
        with self._lock:
            lock = self._compute_locks.get(value_key)
            if lock is None:
                lock = self._compute_locks[value_key] = threading.Lock()
            return lock


class Caches:
    """Every function cache of one decorator (`cache_data` or `cache_resource`)."""

    def __init__(self, persistent: bool) -> None:
        self.persistent = persistent
        self._caches: dict[tuple[str, str], FunctionCache] = {}
        self._lock = threading.Lock()
        self.generation = 0  # changes whenever a function cache is replaced or dropped

    def get(self, key: str, scope: str, name: str, settings: Settings, on_release: Release | None) -> FunctionCache:
        with self._lock:
            cache = self._caches.get((scope, key))
            if cache is not None and cache.settings == settings:
                cache.memory.on_release = on_release  # the newest definition's hook
                return cache
            if cache is not None:
                cache.clear()
            self.generation += 1
            cache = self._caches[(scope, key)] = FunctionCache(key, name, settings, on_release)
            return cache

    def clear(self) -> None:
        """Clear every function's cache (and, for `cache_data`, every file on disk)."""
        with self._lock:
            caches = list(self._caches.values())
            self._caches.clear()
            self.generation += 1
        for cache in caches:
            cache.clear()
        if self.persistent:
            clear_disk()


def pickled(value: Any) -> bytes:
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
