"""`st.connection`: make a connection (or hand back the cached one) from its name, type,
keyword arguments and the `[connections.<name>]` secrets."""

from __future__ import annotations

import importlib
import math
import os
import re
from datetime import timedelta
from typing import Any

from ... import errors
from ..._runtime.options import options
from ..caching import cache_resource
from ..secrets import secrets
from .base import BaseConnection
from .snowflake import SnowflakeCallersRightsConnection, SnowflakeConnection
from .sql import SQLConnection

FIRST_PARTY: dict[str, type[BaseConnection[Any]]] = {
    "snowflake": SnowflakeConnection,
    "snowflake-callers-rights": SnowflakeCallersRightsConnection,
    "sql": SQLConnection,
}
_SNOWPARK_REMOVED = (
    "The Snowpark connection was removed in favor of the Snowflake connection. "
    'Update your app to use `st.connection("<name>", type="snowflake")` with '
    "`SnowflakeConnection` instead."
)
# The package to install when a connection's module is missing.
_PACKAGES = {
    "MySQLdb": "mysqlclient",
    "psycopg2": "psycopg2-binary",
    "sqlalchemy": "sqlalchemy",
    "snowflake": "snowflake-connector-python",
    "snowflake.connector": "snowflake-connector-python",
    "snowflake.snowpark": "snowflake-snowpark-python",
}


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Any = _Unset()


def _first_party(kind: str) -> type[BaseConnection[Any]]:
    if kind == "snowpark":
        raise errors.StreamlitAPIException(_SNOWPARK_REMOVED)
    found = FIRST_PARTY.get(kind)
    if found is None:
        raise errors.StreamlitAPIException(
            f"Invalid connection '{kind}'. Supported connection classes: {FIRST_PARTY}"
        )
    return found


def _default_ttl() -> float | None:
    """`runner.connectionDefaultTTL` (None: connections stay until the cache is cleared)."""
    value = options.get("runner.connectionDefaultTTL")
    if value is None:
        return None
    given = value
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise errors.StreamlitAPIException(
            "Invalid `runner.connectionDefaultTTL` value. Use a finite, non-negative number of seconds, "
            f"or leave the option unset to keep connections cached until they are cleared. Received {given!r}."
        )
    return float(value)


def connection(
    name: str,
    type: Any = None,  # Streamlit's parameter name (shadows the builtin here)
    max_entries: int | None = None,
    ttl: float | timedelta | None = _UNSET,
    **kwargs: Any,
) -> Any:
    """Make a connection to a database or API, or return the one already made.

    Connections are cached like `st.cache_resource`, by name, type and keyword arguments:
    a rerun gets the same object. Their settings combine the keyword arguments with the
    `[connections.<name>]` section of `st.secrets` (the arguments win).

    Parameters
    ----------
    name : str
        The connection's name: its secrets are `[connections.<name>]`. "sql", "snowflake" and
        "snowflake-callers-rights" also name their type. "env:VAR" takes the name from the
        environment variable VAR.
    type : str, connection class or None
        "sql" (`SQLConnection`, SQLAlchemy), "snowflake", a `BaseConnection` subclass, or
        "package.module.ClassName" to import one. None: inferred from `name`, else from the
        `type` in the name's secrets.
    max_entries : int or None
        Keep at most this many connections of this kind (None: no limit).
    ttl : float, timedelta or None
        Seconds a connection stays cached, then it is closed and made again. Left out: the
        `runner.connectionDefaultTTL` option (by default None: until the cache is cleared).
    **kwargs : Any
        The connection's settings, passed to its `_connect` (for "sql": `url`, or `dialect`,
        `host`, `username`, ...; `autocommit`; `create_engine` arguments).

    Returns
    -------
    BaseConnection
        The connection, e.g. a `SQLConnection` with `.query(sql)` and `.session`.

    Differences from Streamlit
    --------------------------
    * A kernel is one session: "global" connections are shared by the notebook's apps,
      and under Voila each visitor's kernel has its own.
    * "snowflake-callers-rights" needs Snowpark Container Services: it raises a clear error.
      `SnowflakeConnection` is a plain `snowflake.connector` connection (its `.query` is not
      cached; no `session()`, no `~/.snowsql/config`).

    Examples
    --------
    >>> import nbfrag as st
    >>> conn = st.connection("pets_db", type="sql", url="sqlite:///:memory:")
    >>> st.dataframe(conn.query("SELECT 'Rex' AS name, 3 AS age"))
    """
    if name.startswith("env:"):
        name = os.environ[name.removeprefix("env:")]
    kind = type
    if kind is None:
        if name == "snowpark":
            raise errors.StreamlitAPIException(_SNOWPARK_REMOVED)
        if name in FIRST_PARTY:
            kind = FIRST_PARTY[name]
        else:
            secrets.load_if_toml_exists()
            kind = secrets["connections"][name]["type"]
    if isinstance(kind, str):
        if "." in kind:
            module, _, class_name = kind.rpartition(".")
            kind = getattr(importlib.import_module(module), class_name)
        else:
            kind = _first_party(kind)
    if ttl is _UNSET:
        ttl = _default_ttl()
    try:
        return _cached(name, kind, max_entries, ttl, kwargs)
    except ModuleNotFoundError as exc:
        named = re.search(r"No module named '(.+)'", str(exc))
        missing = named.group(1) if named else exc.name
        package = _PACKAGES.get(missing) if missing else None
        hint = (
            f"You need to install the '{package}' package to use this connection."
            if package
            else "You may be missing a dependency required to use this connection."
        )
        raise ModuleNotFoundError(f"{exc}. {hint}") from None


def _cached(name: str, kind: Any, max_entries: int | None, ttl: Any, kwargs: dict[str, Any]) -> Any:
    """The connection from `st.cache_resource`, one cache per ttl and max_entries."""
    if not (isinstance(kind, type) and issubclass(kind, BaseConnection)):
        raise errors.StreamlitAPIException(f"{kind} is not a subclass of BaseConnection!")
    if isinstance(ttl, timedelta):
        ttl = ttl.total_seconds()
    elif isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        ttl = float(ttl)
    scope = kind.scope()
    if scope not in ("global", "session"):
        raise errors.StreamlitValueError(
            "scope", ["'global'", "'session'"], detail=f"Connection class {kind.__name__} has scope {scope!r}."
        )

    def create(name: str, class_path: str, connection_class: Any, **kwargs: Any) -> Any:
        return connection_class(connection_name=name, **kwargs)

    create.__qualname__ = f"{create.__qualname__}_{str(ttl).replace('.', '_')}_{max_entries}"
    cached = cache_resource(
        max_entries=max_entries,
        show_spinner="Running `st.connection(...)`.",
        ttl=ttl,
        scope=scope,
        on_release=lambda made: made.close(),
    )(create)
    return cached(name, f"{kind.__module__}.{kind.__qualname__}", kind, **kwargs)
