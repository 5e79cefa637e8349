"""Cache keys, with Streamlit's rules: a *function key* selects a function's cache, a *value key*
the entry for one call's arguments.

The function key hashes the function's module and qualified name and its source code (decorator
lines included), so a function redefined by a rerun with the same source finds its entries
again and an edited function starts afresh. The value key hashes the call's `(name, value)`
pairs in call order: positional arguments named from the signature, keywords by keyword,
defaults not added, names starting with `_` skipped, `*args` items unnamed.

Values are turned into bytes by type (strings, numbers, containers, dataclasses, enums, pandas
and polars objects, numpy arrays, PIL images, files, regexes, partials, modules and classes by
name, pydantic models) and otherwise through `__reduce__`, which functions, locks and plain
class instances fail: their argument is unhashable. Large frames and arrays are sampled, as
Streamlit does: pandas' own `hash_pandas_object` hashes a DataFrame's rows in C, numpy hands
over its raw bytes, and everything ends in XXH3-128 (`xxhash`), which digests a megabyte in a
few hundredths of a millisecond where hashlib's MD5 or BLAKE2 take milliseconds: arguments are
hashed on every call, hits included. XXH3 is a fixed algorithm, so keys are the same in every
kernel and on every machine, which `persist="disk"` relies on.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import inspect
import io
import os
import pickle
import re
import struct
import tempfile
import uuid
from collections.abc import Callable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any

import xxhash

from ... import errors

HashFuncs = Mapping[Any, Callable[[Any], Any]]

_PANDAS_ROWS_LARGE = 50_000  # a frame this long hashes a sample of...
_PANDAS_SAMPLE_SIZE = 10_000  # ...this many rows
_NP_SIZE_LARGE = 500_000  # an array this big hashes a sample of...
_NP_SAMPLE_SIZE = 100_000  # ...this many elements
SAMPLE_SEED = 0  # Streamlit's default `runner.cacheHashSeed`
_CYCLE = b"nbfrag-cache-hash-cycle"
_NONE = b"NoneType:0"
_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


class UnhashableTypeError(Exception):
    """Internal: a value that cannot be hashed (turned into `UnhashableParamError` at the call)."""


def new_hasher() -> xxhash.xxh3_128:
    """XXH3-128: a checksum (not cryptographic), stable across machines and versions."""
    return xxhash.xxh3_128()


def type_name(value: Any) -> str:
    """`module.QualName` of a value's type (how `hash_funcs` keys are matched)."""
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _is(value: Any, *names: str) -> bool:
    return type_name(value) in names


class Hasher:
    """Turns values into bytes by Streamlit's rules; cycles are cut, `hash_funcs` come first."""

    def __init__(self, hash_funcs: HashFuncs | None = None, *, decorator: str = "cache_data", func: Any = None) -> None:
        self.hash_funcs = {
            key if isinstance(key, str) else f"{key.__module__}.{key.__qualname__}": fn
            for key, fn in (hash_funcs or {}).items()
        }
        self.decorator = decorator
        self.func = func
        self._stack: dict[int, Any] = {}  # what is being hashed now, outermost first

    def to_bytes(self, value: Any) -> bytes:
        kind = type(value)
        if kind is str and not self.hash_funcs:  # the common case, fast (no cycle possible)
            text: str = value
            return b"str:" + text.encode()
        if id(value) in self._stack:
            return _CYCLE
        self._stack[id(value)] = value
        try:
            return type(value).__qualname__.encode() + b":" + self._to_bytes(value)
        finally:
            self._stack.pop(id(value), None)

    def _digest(self, *values: Any) -> bytes:
        hasher = new_hasher()
        for value in values:
            hasher.update(self.to_bytes(value))
        return hasher.digest()

    def chain(self) -> str:
        """What was being hashed, innermost first (for `UserHashError`)."""

        def line(value: Any) -> str:
            try:
                return f"Object of type {type_name(value)}: {value}"
            except Exception:  # noqa: BLE001 - a broken __str__ must not hide the real error
                return "<Unable to convert item to string>"

        return "\n".join(line(v) for v in reversed(self._stack.values()))

    def _to_bytes(self, obj: Any) -> bytes:
        if _is(obj, "unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))  # mocks look infinitely deep
        if isinstance(obj, bytes):
            return obj
        if isinstance(obj, bytearray):
            return bytes(obj)
        custom = self.hash_funcs.get(type_name(obj))
        if custom is not None:
            try:
                output = custom(obj)
            except Exception as error:
                raise errors.UserHashError(error, obj, custom, self.decorator, self.func, self.chain()) from error
            return self.to_bytes(output)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, datetime.datetime):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            return self._digest(*obj)
        if isinstance(obj, dict):
            return self._digest(*obj.items())
        if obj is None:
            return b"0"
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return self.to_bytes(dataclasses.asdict(obj))
        if isinstance(obj, Enum):
            return str(obj).encode()
        if _is(obj, "pandas.Series", "pandas.core.series.Series", "pandas.DataFrame", "pandas.core.frame.DataFrame"):
            return self._pandas(obj)
        if _is(obj, "polars.series.series.Series", "polars.dataframe.frame.DataFrame"):
            return self._polars(obj)
        if _is(obj, "numpy.ndarray"):
            return self._numpy(obj)
        if any(c.__module__.startswith("PIL.") and c.__name__ == "Image" for c in type(obj).__mro__):
            import numpy as np

            pixels = obj.tobytes()
            palette = obj.getpalette() if obj.mode == "P" else None
            if palette is not None:  # palette images store indices: their colours matter too
                pixels = bytes(palette) + pixels
            return self.to_bytes(np.frombuffer(pixels, dtype="uint8"))
        if inspect.isbuiltin(obj) or _is(obj, "numpy.ufunc"):
            builtin_name: str = obj.__name__
            return builtin_name.encode()
        if isinstance(obj, (MappingProxyType, type({}.items()))):
            return self.to_bytes(dict(obj))
        if _is(obj, "builtins.getset_descriptor"):
            descriptor_name: str = obj.__qualname__
            return descriptor_name.encode()
        is_file = isinstance(obj, (io.IOBase, tempfile._TemporaryFileWrapper))
        file_name = getattr(obj, "name", None) if is_file else None
        if file_name is not None:  # a file on disk: its name, when it changed, where we are in it
            return self._digest(file_name, os.path.getmtime(file_name), obj.tell())
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if isinstance(obj, (io.StringIO, io.BytesIO)):
            return self._digest(obj.tell(), obj.getvalue())
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            return self._digest(obj.args, obj.func, obj.keywords)
        if callable(getattr(obj, "model_dump_json", None)) and hasattr(type(obj), "model_fields"):
            try:  # a pydantic model: its JSON
                return self.to_bytes(obj.model_dump_json())
            except Exception as error:
                raise UnhashableTypeError("Pydantic object contains unhashable members") from error
        try:  # the last resort: what pickle would store
            reduced = obj.__reduce__()
        except Exception as error:
            raise UnhashableTypeError() from error
        return self._digest(*reduced) if isinstance(reduced, tuple) else self.to_bytes(reduced)

    def _pandas(self, obj: Any) -> bytes:
        from pandas.util import hash_pandas_object

        frame = obj.ndim == 2
        head = (obj.shape,) if frame else (obj.size, obj.dtype.name)
        if len(obj) >= _PANDAS_ROWS_LARGE:
            obj = obj.sample(n=_PANDAS_SAMPLE_SIZE, random_state=SAMPLE_SEED)
        try:
            parts = (hash_pandas_object(obj.dtypes).to_numpy().tobytes(),) if frame else ()
            return self._digest(*head, *parts, hash_pandas_object(obj).to_numpy().tobytes())
        except TypeError:  # unhashable cells (lists...): pickle the object instead
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)

    def _polars(self, obj: Any) -> bytes:
        if len(obj) >= _PANDAS_ROWS_LARGE:
            obj = obj.sample(n=_PANDAS_SAMPLE_SIZE, seed=SAMPLE_SEED)
        try:
            if _is(obj, "polars.series.series.Series"):
                return self._digest(str(obj.dtype), obj.shape, obj.hash(seed=0).to_arrow().to_string())
            schema = [(name, str(kind)) for name, kind in obj.schema.items()]
            return self._digest(obj.shape, schema, obj.hash_rows(seed=0).hash(seed=0).to_arrow().to_string())
        except TypeError:
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)

    def _numpy(self, obj: Any) -> bytes:
        head = (obj.shape, str(obj.dtype))
        if obj.size >= _NP_SIZE_LARGE:
            import numpy as np

            obj = np.random.RandomState(SAMPLE_SEED).choice(obj.flat, size=_NP_SAMPLE_SIZE)
        return self._digest(*head, obj.tobytes())


# --------------------------------------------------------------------------------------------
# The two keys


def function_key(func: Callable[..., Any]) -> str:
    """The key of a function's cache: its module, qualified name and source (or bytecode)."""
    hasher = Hasher()
    digest = new_hasher()
    digest.update(hasher.to_bytes((getattr(func, "__module__", None), getattr(func, "__qualname__", None))))
    source: str | bytes
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):  # no source (exec'd without linecache): bytecode, as Streamlit
        source = getattr(getattr(func, "__code__", None), "co_code", b"")
    digest.update(hasher.to_bytes(source))
    return digest.hexdigest()


def positional_names(func: Callable[..., Any]) -> list[str | None]:
    """The name of each positional parameter, None for `*args` and beyond."""
    try:
        parameters = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return []
    names: list[str | None] = []
    for parameter in parameters:
        if parameter.kind not in _POSITIONAL:
            break
        names.append(parameter.name)
    return names


def value_key(
    func: Callable[..., Any],
    names: list[str | None],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    hash_funcs: HashFuncs | None,
    decorator: str,
) -> str:
    """The key of one call's entry; raises `UnhashableParamError` naming the argument."""
    pairs = [(names[i] if i < len(names) else None, value) for i, value in enumerate(args)]
    pairs += list(kwargs.items())
    digest = new_hasher()
    hasher = Hasher(hash_funcs, decorator=decorator, func=func)
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            digest.update(_NONE if name is None else b"str:" + name.encode())  # never via hash_funcs
            digest.update(hasher.to_bytes(value))
        except UnhashableTypeError as error:
            raise errors.UnhashableParamError(decorator, func, name, value) from error
    return digest.hexdigest()
