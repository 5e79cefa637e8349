"""Cache keys of `st.cache_data`/`st.cache_resource`: signatures, decoration errors, which calls
share an entry, hashing rules and the unhashable-argument errors.

Item numbers are those of section 3 of the next-wave spec (`streamlit-next-wave.md`).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import numpy as np
import pandas as pd
import pytest

import nbfrag as st
from nbfrag import errors
from nbfrag._flow.caching import hashing
from nbfrag._flow.caching.cached import BoundCachedFunc, CachedFunc


@pytest.fixture(autouse=True)
def fresh_caches(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NBFRAG_CACHE_DIR", str(tmp_path / "disk"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def counting(decorator: Any = st.cache_data, **options: Any) -> tuple[Any, list[Any]]:
    """A cached function that records each computation's arguments."""
    calls: list[Any] = []

    def data(x: Any, y: Any = 1, *rest: Any, **named: Any) -> Any:
        calls.append((x, y, rest, named))
        return len(calls)

    return (decorator(**options)(data) if options else decorator(data)), calls


# -- item 40: signatures, three ways to decorate, wrapper, methods ------------------------------


def test_item40_bare_called_and_direct_forms_return_cached_funcs_with_clear() -> None:
    def load(n: int) -> list[int]:
        """Load n numbers."""
        return list(range(n))

    bare = st.cache_data(load)
    called = st.cache_data(ttl=60)(load)
    resource = st.cache_resource(load)
    for wrapped in (bare, called, resource):
        assert isinstance(wrapped, CachedFunc) and callable(wrapped.clear)
        assert wrapped.__name__ == "load" and wrapped.__doc__ == "Load n numbers." and wrapped.__wrapped__ is load
        assert wrapped(3) == [0, 1, 2]
    assert callable(st.cache_data.clear) and callable(st.cache_resource.clear)


def test_item40_parameters_are_streamlits() -> None:
    import inspect

    data = list(inspect.signature(st.cache_data.__call__).parameters)
    resource = list(inspect.signature(st.cache_resource.__call__).parameters)
    assert data == ["func", "ttl", "max_entries", "max_size", "show_spinner", "show_time", "persist", "hash_funcs", "scope", "refresh_mode"]
    assert resource == ["func", "ttl", "max_entries", "show_spinner", "show_time", "validate", "hash_funcs", "on_release", "scope", "refresh_mode"]


def test_item40_methods_bind_through_the_descriptor() -> None:
    computed: list[int] = []

    @dataclasses.dataclass
    class Repo:
        name: str

        @st.cache_data
        def rows(self, n: int) -> list[str]:
            computed.append(n)
            return [self.name] * n

    repo = Repo("a")
    assert isinstance(repo.rows, BoundCachedFunc) and Repo.rows.__name__ == "rows"
    assert repo.rows(2) == ["a", "a"] and repo.rows(2) == ["a", "a"] and Repo("b").rows(2) == ["b", "b"]
    assert computed == [2, 2]  # `self` (a dataclass) is part of the key
    repo.rows.clear(2)  # this instance's entry only
    repo.rows(2)
    Repo("b").rows(2)
    assert computed == [2, 2, 2]


def test_item40_coroutine_functions_return_awaitables_and_async_generators_are_refused() -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    def run(coroutine: Any) -> Any:
        """Await on a thread of its own: the browser tests' Playwright keeps an event loop
        running on the main thread when the whole suite runs in one process."""
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    computed: list[int] = []

    @st.cache_data
    async def fetch(n: int) -> int:
        computed.append(n)
        return n * 2

    assert run(fetch(2)) == 4 and run(fetch(2)) == 4 and computed == [2]

    async def stream() -> Any:
        yield 1

    with pytest.raises(errors.StreamlitAPIException, match="^Async-generator functions cannot be cached"):
        st.cache_data(stream)


# -- item 41: decoration-time errors ------------------------------------------------------------


@pytest.mark.parametrize(
    "make, kind, message",
    [
        (lambda: st.cache_data(persist="cloud"), errors.StreamlitValueError,
         "Invalid `persist` value. Supported values: 'disk', None."),
        (lambda: st.cache_data(scope="user"), errors.StreamlitValueError,
         "Invalid `scope` value. Supported values: 'global', 'session'."),
        (lambda: st.cache_resource(scope="user"), errors.StreamlitValueError,
         "Invalid `scope` value. Supported values: 'global', 'session'."),
        (lambda: st.cache_data(max_size="lots"), errors.StreamlitValueError,
         ("Invalid `max_size` value. Supported values: a positive byte size. Use an integer number of bytes or "
         'a positive value with an explicit unit, such as "500MB", "1.5GB", or "200KiB".')),
        (lambda: st.cache_data(max_size=0), errors.StreamlitValueError, "Invalid `max_size` value."),
        (lambda: st.cache_data(refresh_mode="background"), errors.StreamlitMissingRequiredParameterError,
         ("The `ttl` parameter is required. Set a positive `ttl` (for example `ttl=\"1h\"`) or use "
         '`refresh_mode="foreground"`.')),
        (lambda: st.cache_data(ttl=60, persist="disk", refresh_mode="background"),
         errors.StreamlitIncompatibleParametersError,
         "`refresh_mode='background'` and `persist='disk'` cannot be used together."),
        (lambda: st.cache_resource(validate=_async_validate), errors.StreamlitAPIException,
         ("The `validate` callback of `st.cache_resource` must be a synchronous function. Async callbacks are "
         "never awaited; call the coroutine from a synchronous wrapper instead.")),
        (lambda: st.cache_resource(on_release=_async_validate), errors.StreamlitAPIException,
         "The `on_release` callback of `st.cache_resource` must be a synchronous function."),
    ],
)
def test_item41_decoration_time_errors(make: Any, kind: type, message: str) -> None:
    with pytest.raises(kind) as info:
        make()
    assert str(info.value).startswith(message)


async def _async_validate(value: Any) -> bool:
    return True


def test_item41_a_ttl_string_that_is_no_duration_is_a_bad_time_string() -> None:
    with pytest.raises(errors.StreamlitBadTimeStringError, match="(?s)Got: soon.*Accepted `ttl` values"):
        st.cache_data(ttl="soon")


def test_item52_ttl_forms_are_seconds_timedeltas_and_duration_strings() -> None:
    from nbfrag._flow.caching.api import max_size_bytes, ttl_seconds

    assert [ttl_seconds(v) for v in (None, 90, timedelta(minutes=2), "1h23s", "1.5 days", "1000000000")] == [
        None, 90.0, 120.0, 3623.0, 129600.0, 1.0,  # a bare number string is nanoseconds (pandas)
    ]
    assert [max_size_bytes(v) for v in (None, 10, "1KB", "1.1KB", "2 MiB")] == [None, 10, 1024, 1126, 2 * 1024**2]


# -- items 42-44: function key and value key ----------------------------------------------------


def test_item43_function_key_is_module_qualname_and_source() -> None:
    def f() -> int:
        return 1

    same_source = f
    key = hashing.function_key(f)
    assert hashing.function_key(same_source) == key

    def g() -> int:
        return 1

    assert hashing.function_key(g) != key  # another qualified name


def test_item43_without_source_the_bytecode_ignores_edited_constants() -> None:
    """Streamlit's pitfall: code exec'd without a linecache entry falls back to bytecode, so
    editing a constant does not change the key (nbfrag's `%%app` registers its source)."""
    one: dict[str, Any] = {}
    two: dict[str, Any] = {}
    exec(compile("def f():\n    return 1\n", "<no source>", "exec"), one)
    exec(compile("def f():\n    return 2\n", "<no source>", "exec"), two)
    assert hashing.function_key(one["f"]) == hashing.function_key(two["f"])


def test_item44_value_key_follows_how_arguments_are_passed() -> None:
    data, calls = counting()
    data(1)
    data(x=1)  # same entry as data(1)
    data(1, 1)
    data(1, y=1)  # same entry as data(1, 1): defaults are not hashed
    data(y=1, x=1)  # keyword order matters: a third entry
    assert len(calls) == 3


def test_item44_star_args_items_are_hashed_unnamed() -> None:
    data, calls = counting()
    data(1, 2, 3)
    data(1, 2, 3)
    data(1, 2, 4)
    assert len(calls) == 2


# -- item 45: hashing rules ---------------------------------------------------------------------


class Color(Enum):
    RED = 1
    BLUE = 2


@dataclasses.dataclass
class Point:
    x: int
    y: int


@pytest.mark.parametrize(
    "a, b",
    [
        (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 2]})),
        (pd.Series([1.0, 2.0]), pd.Series([1.0, 2.0])),
        (np.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3)),
        (Point(1, 2), Point(1, 2)),
        (Color.RED, Color.RED),
        (datetime(2024, 1, 2, 3), datetime(2024, 1, 2, 3)),
        ({"k": [1, (2, 3)]}, {"k": [1, (2, 3)]}),
        (re.compile("a+", re.IGNORECASE), re.compile("a+", re.IGNORECASE)),
        (io.BytesIO(b"abc"), io.BytesIO(b"abc")),
        (functools.partial(int, base=2), functools.partial(int, base=2)),
        (io, io),
        (Point, Point),
    ],
)
def test_item45_equal_values_share_an_entry(a: Any, b: Any) -> None:
    data, calls = counting()
    data(a)
    data(b)
    assert len(calls) == 1


@pytest.mark.parametrize(
    "a, b",
    [
        (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1, 3]})),
        (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1.0, 2.0]})),  # dtypes count
        (np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2)),  # shape counts
        (Point(1, 2), Point(2, 1)),
        (Color.RED, Color.BLUE),
        (1, 1.0),
        (io.BytesIO(b"abc"), io.BytesIO(b"abd")),
    ],
)
def test_item45_different_values_get_their_own_entries(a: Any, b: Any) -> None:
    data, calls = counting()
    data(a)
    data(b)
    assert len(calls) == 2


def test_item45_cycles_are_tolerated() -> None:
    loop: list[Any] = [1]
    loop.append(loop)
    data, calls = counting()
    data(loop)
    data(loop)
    assert len(calls) == 1


def test_item45_large_frames_are_sampled() -> None:
    """A frame of 50,000 rows or more hashes a 10,000-row sample: a change outside it is unseen."""
    frame = pd.DataFrame({"v": np.arange(60_000)})
    sampled = set(frame.sample(n=10_000, random_state=0).index)
    outside = next(i for i in range(60_000) if i not in sampled)
    inside = next(iter(sampled))
    changed_outside, changed_inside = frame.copy(), frame.copy()
    changed_outside.loc[outside, "v"] = -1
    changed_inside.loc[inside, "v"] = -1
    data, calls = counting()
    data(frame)
    data(changed_outside)
    assert len(calls) == 1
    data(changed_inside)
    assert len(calls) == 2


# -- items 46-48: unhashable arguments, `_` parameters, hash_funcs --------------------------------


def test_item46_unhashable_argument_error_names_argument_type_and_function() -> None:
    @st.cache_data
    def f(lock: Any) -> int:
        return 1

    with pytest.raises(errors.UnhashableParamError) as info:
        f(threading.Lock())
    assert str(info.value) == (
        "Cannot hash argument 'lock' (of type `_thread.lock`) in 'f'.\n\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:\n\n"
        "```\n@st.cache_data\ndef f(_lock, ...):\n    ...\n```"
    )
    assert isinstance(info.value, errors.StreamlitAPIException)


def test_item46_functions_and_unnamed_star_args_and_resources() -> None:
    @st.cache_resource
    def f(*items: Any) -> int:
        return 1

    with pytest.raises(errors.UnhashableParamError) as info:
        f(lambda: None)
    message = str(info.value)
    assert message.startswith("Cannot hash argument '(unnamed)' (of type `builtins.function`) in 'f'.")
    assert "@st.cache_resource\ndef f(_arg, ...):" in message


def test_item47_underscore_parameters_are_left_out_of_the_key() -> None:
    calls: list[Any] = []

    @st.cache_data
    def query(_connection: Any, sql: str) -> str:
        calls.append(sql)
        return sql

    query(threading.Lock(), "select 1")
    query(threading.Lock(), "select 1")
    assert calls == ["select 1"]


class Conn:
    def __init__(self, url: str) -> None:
        self.url = url


def test_item48_hash_funcs_by_type_or_by_qualified_name() -> None:
    for key in (Conn, f"{Conn.__module__}.Conn"):
        st.cache_data.clear()
        data, calls = counting(hash_funcs={key: lambda c: c.url})
        data(Conn("a"))
        data(Conn("a"))
        data(Conn("b"))
        assert len(calls) == 2


def test_item48_a_plain_class_instance_is_unhashable_without_hash_funcs() -> None:
    data, _ = counting()
    with pytest.raises(errors.UnhashableParamError, match="of type `test_cache_keys.Conn`"):
        data(Conn("a"))


def test_item48_a_raising_hash_function_gives_user_hash_error() -> None:
    def bad(conn: Conn) -> str:
        raise ValueError("no url today")

    @st.cache_data(hash_funcs={Conn: bad})
    def f(conn: Conn) -> int:
        return 1

    with pytest.raises(errors.UserHashError) as info:
        f(Conn("a"))
    message = str(info.value)
    assert message.startswith(
        "no url today\n\nThis error is likely due to a bug in `bad()`, which is a\nuser-defined hash "
        "function that was passed into the `@st.cache_data` decorator of\n`f()`."
    )
    assert "`test_cache_keys.Conn`" in message and "Object of type test_cache_keys.Conn" in message


def test_item40_a_synchronous_function_returning_an_awaitable_is_an_error() -> None:
    async def later() -> int:
        return 1

    @st.cache_data
    def f() -> Any:
        return later()

    with pytest.raises(errors.StreamlitAPIException, match="^`f\\(\\)` is a synchronous function decorated with `st.cache_data`"):
        f()
