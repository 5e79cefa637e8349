"""What `st.cache_data`/`st.cache_resource` return and how long entries live: copies and
singletons, ttl, max_entries, max_size, persist="disk", validate/on_release, scope, background
refresh, clearing and one computation per key.

Item numbers are those of section 3 of the next-wave spec (`streamlit-next-wave.md`). Time is a
fake clock (`storage.clock`), never a sleep.
"""

from __future__ import annotations

import pickle
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import nbfrag as st
from nbfrag import errors
from nbfrag._flow.caching import storage
from nbfrag._flow.caching.api import CacheDataAPI
from nbfrag._runtime.runtime import runtime


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(storage, "clock", fake)
    return fake


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    return tmp_path / "disk"


@pytest.fixture(autouse=True)
def fresh_caches(disk: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NBFRAG_CACHE_DIR", str(disk))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


# -- items 49-51: copies and singletons ---------------------------------------------------------


def test_item49_the_miss_returns_the_original_and_hits_return_copies() -> None:
    original = {"rows": [1, 2]}

    @st.cache_data
    def load() -> dict[str, Any]:
        return original

    first = load()
    assert first is original
    first["rows"].append(3)  # mutating what the miss returned does not change the entry
    second, third = load(), load()
    assert second == {"rows": [1, 2]} and second is not original and second is not third


def test_item49_an_unpicklable_return_value_raises_unserializable_return_value_error() -> None:
    @st.cache_data
    def f() -> Any:
        return threading.Lock()

    with pytest.raises(errors.UnserializableReturnValueError) as info:
        f()
    assert str(info.value).startswith(
        "Cannot serialize the return value (of type `_thread.lock`) in `f()`. `st.cache_data` uses "
        "[pickle](https://docs.python.org/3/library/pickle.html) to serialize the function's return value"
    )
    assert "use `st.cache_resource` instead" in str(info.value)


def test_item50_cache_resource_returns_the_same_object_every_time() -> None:
    @st.cache_resource
    def shared() -> list[int]:
        return []

    shared().append(1)
    shared().append(2)
    assert shared() is shared() and shared() == [1, 2]
    assert st.cache_resource(lambda: threading.Lock())() is not None  # no pickling for resources


# -- items 52-55: ttl, max_entries, max_size, changed settings ----------------------------------


def test_item52_ttl_counts_from_the_write_and_is_not_refreshed_by_reads(clock: Clock) -> None:
    calls: list[float] = []

    @st.cache_data(ttl=1)
    def now() -> float:
        calls.append(clock.now)
        return clock.now

    now()
    clock.now += 0.6
    assert now() == 1000.0  # a hit
    clock.now += 0.6  # 1.2 s after the write, 0.6 s after the last read
    assert now() == 1001.2 and len(calls) == 2


def test_item53_max_entries_evicts_the_least_recently_used() -> None:
    computed: list[str] = []

    @st.cache_data(max_entries=2)
    def m(name: str) -> str:
        computed.append(name)
        return name

    for name in ("m1", "m2", "m1", "m3", "m1", "m2"):
        m(name)
    assert computed == ["m1", "m2", "m3", "m2"]  # m2 went for m3: m1 had been read after it


def test_item54_max_size_drops_least_recently_used_until_the_value_fits(capfd: pytest.CaptureFixture[str]) -> None:
    computed: list[str] = []
    size = len(pickle.dumps(b"a" * 1000, pickle.HIGHEST_PROTOCOL))

    @st.cache_data(max_size=2 * size + 10)
    def blob(name: str, n: int = 1000) -> bytes:
        computed.append(name)
        return name.encode() * n

    for name in ("a", "b", "a", "c", "a", "b"):
        blob(name)
    assert computed == ["a", "b", "c", "b"]
    blob("huge", 5000)  # larger than max_size: kept alone, with a note
    assert "larger than the st.cache_data size limit and was stored anyway" in capfd.readouterr().err
    blob("huge", 5000)
    blob("a")
    assert computed == ["a", "b", "c", "b", "huge", "a"]


def test_item55_redefining_with_other_settings_replaces_the_cache() -> None:
    computed: list[int] = []

    def load() -> int:
        computed.append(1)
        return 1

    st.cache_data(ttl=60)(load)()
    st.cache_data(ttl=60)(load)()
    assert len(computed) == 1
    st.cache_data(ttl=120)(load)()
    assert len(computed) == 2


# -- item 56: persist="disk" --------------------------------------------------------------------


def load_table(n: int) -> list[int]:
    LOADS.append(n)
    return list(range(n))


LOADS: list[int] = []


def test_item56_persisted_entries_are_shared_through_the_disk_folder(disk: Path) -> None:
    LOADS.clear()
    first_kernel = st.cache_data(persist="disk")(load_table)
    assert first_kernel(3) == [0, 1, 2]
    files = sorted(p.name for p in disk.iterdir())
    assert len(files) == 1 and re.fullmatch(r"[0-9a-f]{32}-[0-9a-f]{32}\.memo", files[0])
    another_kernel = CacheDataAPI()(persist="disk")(load_table)  # a fresh registry: only the disk
    assert another_kernel(3) == [0, 1, 2] and LOADS == [3]
    assert st.cache_data(persist=True)(load_table)(3) == [0, 1, 2] and LOADS == [3]  # True is "disk"
    st.cache_data.clear()
    assert list(disk.glob("*.memo")) == []
    assert CacheDataAPI()(persist="disk")(load_table)(3) == [0, 1, 2] and LOADS == [3, 3]


def test_item56_persist_ignores_ttl_and_says_so(clock: Clock, capfd: pytest.CaptureFixture[str]) -> None:
    LOADS.clear()
    cached = st.cache_data(persist="disk", ttl=1)(load_table)
    cached(2)
    assert "has a TTL that will be ignored. Persistent cached functions currently don't support TTL." in capfd.readouterr().err
    clock.now += 10
    cached(2)
    assert LOADS == [2]


def test_item56_writes_are_atomic_and_a_damaged_file_is_recomputed(disk: Path) -> None:
    LOADS.clear()
    cached = st.cache_data(persist="disk")(load_table)
    cached(4)
    (entry,) = disk.iterdir()
    assert [p.name for p in disk.iterdir() if p.name.endswith(".tmp")] == []  # no leftovers
    entry.write_bytes(b"not a pickle")
    fresh = CacheDataAPI()(persist="disk")(load_table)
    assert fresh(4) == [0, 1, 2, 3] and LOADS == [4, 4]
    assert pickle.loads(entry.read_bytes()) == [0, 1, 2, 3]  # rewritten whole


def test_item56_the_folder_is_the_platform_user_cache_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("NBFRAG_CACHE_DIR")
    assert storage.cache_dir() == platformdirs.user_cache_path("nbfrag") / "cache_data"
    assert st.cache_data.disk_folder == str(storage.cache_dir())


# -- item 57: validate and on_release -----------------------------------------------------------


def test_item57_validate_runs_on_hits_and_discards_without_release() -> None:
    released: list[Any] = []
    made: list[dict[str, bool]] = []

    @st.cache_resource(validate=lambda conn: conn["open"], on_release=released.append)
    def connect() -> dict[str, bool]:
        made.append({"open": True})
        return made[-1]

    conn = connect()
    assert connect() is conn and len(made) == 1
    conn["open"] = False
    assert connect() is not conn and len(made) == 2
    assert released == []  # validate's discard bypasses on_release, as in Streamlit


def test_item57_on_release_runs_on_expiry_eviction_and_clears(clock: Clock) -> None:
    released: list[str] = []

    @st.cache_resource(ttl=10, max_entries=2, on_release=released.append)
    def res(name: str) -> str:
        return name

    res("a"), res("b"), res("c")  # "a" evicted
    assert released == ["a"]
    clock.now += 11
    res("d")  # the expired entries go when the cache is next written
    assert sorted(released) == ["a", "b", "c"]
    res("e")
    res.clear("d")
    assert released[-1] == "d"
    res.clear()
    assert released[-1] == "e"
    res("f")
    st.cache_resource.clear()
    assert released[-1] == "f"


# -- items 58-61: scope, background refresh, clearing, one computation per key ------------------


def test_item58_session_scope_is_a_separate_cache_read_on_the_main_thread_only() -> None:
    computed: list[str] = []

    def load() -> int:
        computed.append("x")
        return 1

    session = st.cache_data(scope="session")(load)
    session()
    st.cache_data(load)()
    session()
    assert computed == ["x", "x"]
    failures: list[BaseException] = []
    thread = threading.Thread(target=lambda: _capture(session, failures))
    thread.start()
    thread.join()
    assert [str(f) for f in failures] == [
        ("A session-scoped cache was accessed outside of the app execution thread. Make sure all "
        "session-scoped caches are read during rendering and not read in background threads.")
    ]


def _capture(func: Any, failures: list[BaseException]) -> None:
    try:
        func()
    except errors.StreamlitAPIException as failure:
        failures.append(failure)


def test_item59_background_refresh_serves_the_stale_value_and_recomputes_once(clock: Clock) -> None:
    versions: list[float] = []

    @st.cache_data(ttl=10, refresh_mode="background")
    def version() -> float:
        versions.append(clock.now)
        return clock.now

    assert version() == 1000.0
    clock.now += 12  # stale but within the extra ttl
    assert version() == 1000.0  # returned at once...
    for thread in threading.enumerate():  # ...while a thread recomputes it
        if thread.name.startswith("nbfrag-cache-refresh"):
            thread.join()
    assert version() == 1012.0 and versions == [1000.0, 1012.0]
    clock.now += 25  # past twice the ttl: a plain miss
    assert version() == 1037.0


def test_item60_clear_one_entry_all_entries_or_every_function() -> None:
    computed: list[int] = []

    @st.cache_data
    def f(x: int, _ignored: Any = None) -> int:
        computed.append(x)
        return x

    @st.cache_data
    def g() -> int:
        computed.append(0)
        return 0

    f(1), f(2), g()
    f.clear(1, _ignored=object())  # the entry `f(1)` selects
    f(1), f(2)
    assert computed == [1, 2, 0, 1]
    f.clear()
    f(1), f(2), g()
    assert computed == [1, 2, 0, 1, 1, 2]
    st.cache_data.clear()
    g()
    assert computed[-1] == 0 and len(computed) == 7


def test_item61_concurrent_misses_of_one_key_compute_once(monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[int] = []
    inside, go, second_looked = threading.Event(), threading.Event(), threading.Event()

    @st.cache_data
    def slow(x: int) -> int:
        computed.append(x)
        inside.set()
        assert go.wait(60)  # a guard against hanging, not a timing
        return x

    read = storage.FunctionCache.read

    def observed_read(self: Any, key: str) -> Any:
        found = read(self, key)
        if threading.current_thread().name == "second":
            second_looked.set()
        return found

    monkeypatch.setattr(storage.FunctionCache, "read", observed_read)
    first = threading.Thread(target=slow, args=(1,), name="first")
    first.start()
    assert inside.wait(60)
    second = threading.Thread(target=slow, args=(1,), name="second")
    second.start()
    assert second_looked.wait(60)  # the second call missed too, while the first computes
    go.set()
    first.join()
    second.join()
    assert computed == [1]


def test_item64_caching_works_outside_any_app_and_creates_none() -> None:
    runtime.reset()

    @st.cache_data
    def f() -> int:
        return 1

    assert f() == 1 and f() == 1
    assert runtime.apps == []

