"""`SQLConnection`: a SQLAlchemy engine made from `st.connection`'s arguments and the
`[connections.<name>]` secrets, with a cached `.query()` returning a pandas DataFrame."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from ... import errors
from ..caching import cache_data
from .base import BaseConnection

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

# The URL's parts (given as keyword arguments or secrets); everything else goes to create_engine.
URL_PARTS = ("url", "driver", "dialect", "username", "password", "host", "port", "database", "query")
_REQUIRED = ("dialect", "username", "host")
ATTEMPTS = 3  # a query failing with a database error is tried again, after a reset
RETRY_WAIT = 1.0  # seconds between attempts
T = TypeVar("T")


class SQLConnection(BaseConnection["Engine"]):
    """A connection to a SQL database through a SQLAlchemy engine (`pip install sqlalchemy`
    and the database's driver; sqlite needs none).

    Made by `st.connection("sql")` or `st.connection(name, type="sql")`. Its parameters come
    from the keyword arguments and the `[connections.<name>]` secrets (arguments win): either
    `url` (a SQLAlchemy URL such as "sqlite:///shop.db"), or `dialect`, `username`, `host`
    and optionally `driver`, `password`, `port`, `database`, `query`; `autocommit=True`
    runs without transactions; any other argument (and the secrets' `create_engine_kwargs`
    table) goes to `sqlalchemy.create_engine`.

    `.query(sql, ...)` runs a read-only query and caches its DataFrame as `st.cache_data`
    does; `.session` is a SQLAlchemy Session for writes; `.engine`, `.driver`, `.connect()`
    and `.reset()` reach the engine.
    """

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Engine:
        import sqlalchemy
        from sqlalchemy.engine import URL, make_url

        given = copy.deepcopy(kwargs)
        url_given = {name: given.pop(name) for name in URL_PARTS if name in given}
        secrets = self._secrets.to_dict()
        parts = {**{k: v for k, v in secrets.items() if k in URL_PARTS}, **url_given}
        if not url_given and not secrets:
            raise errors.StreamlitAPIException(
                "Missing SQL DB connection configuration. "
                "Did you forget to set this in `secrets.toml` or as kwargs to `st.connection`?"
            )
        if "url" in parts:
            url = make_url(parts["url"])
        else:
            for name in _REQUIRED:
                if name not in parts:
                    raise errors.StreamlitMissingRequiredParameterError(
                        name,
                        "Set this SQL DB connection parameter in `secrets.toml` or pass it as a kwarg to "
                        "`st.connection`.",
                    )
            driver = f"+{parts['driver']}" if "driver" in parts else ""
            url = URL.create(
                drivername=f"{parts['dialect']}{driver}",
                username=parts["username"],
                password=parts.get("password"),
                host=parts["host"],
                port=int(parts["port"]) if "port" in parts else None,
                database=parts.get("database"),
                query=parts.get("query", {}),
            )
        engine_kwargs = {**dict(secrets.get("create_engine_kwargs", {})), **given}
        engine = sqlalchemy.create_engine(url, **engine_kwargs)
        if autocommit:
            return engine.execution_options(isolation_level="AUTOCOMMIT")
        return engine

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | timedelta | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any | None = None,
        **kwargs: Any,
    ) -> pd.DataFrame:
        """Run a read-only query and return its rows as a DataFrame, cached like `st.cache_data`.

        The same query with the same arguments on the same connection is answered from the
        cache (forever, or for `ttl`); a database error is tried again twice, resetting the
        connection in between.

        Parameters
        ----------
        sql : str
            The query, e.g. "SELECT * FROM pets WHERE owner = :owner".
        show_spinner : bool or str
            A spinner (with this text) while the query runs on a cache miss.
        ttl : float, int, timedelta or None
            How long (seconds) a result stays cached; None: until the cache is cleared.
        index_col : str, list of str or None
            The column(s) to make the DataFrame's index.
        chunksize : int or None
            Rows per chunk: an iterator of DataFrames instead of one (not cacheable).
        params : list, tuple, dict or None
            The query's parameters, in the driver's style (`:name` with a dict for sqlite).
        **kwargs : Any
            Passed on to `pandas.read_sql`.

        Returns
        -------
        pandas.DataFrame
            The query's rows.
        """
        from sqlalchemy import text
        from sqlalchemy.exc import DatabaseError, InternalError, OperationalError

        retried = (DatabaseError, InternalError, OperationalError)

        def run(
            instance_id: Any, sql: str, index_col: Any = None, chunksize: Any = None, params: Any = None, **kwargs: Any
        ) -> pd.DataFrame:
            import pandas as pd

            def read() -> pd.DataFrame:
                with self._instance.connect() as connection:
                    found: pd.DataFrame = pd.read_sql(
                        text(sql), connection, index_col=index_col, chunksize=chunksize, params=params, **kwargs
                    )
                    return found

            return _retrying(read, retried, self.reset)

        # One cache per connection name and ttl (the instance id keys the entries).
        run.__qualname__ = f"{run.__qualname__}_{self._connection_name}_{str(ttl).replace('.', '_')}"
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(run)
        result: pd.DataFrame = cached(
            self._connection_instance_id, sql, index_col=index_col, chunksize=chunksize, params=params, **kwargs
        )
        return result

    def connect(self) -> Connection:
        """A new SQLAlchemy connection from the engine (`engine.connect()`).

        Returns
        -------
        sqlalchemy.engine.Connection
            Use it in a `with` block, which closes it.
        """
        return self._instance.connect()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the engine's driver, e.g. "pysqlite" or "psycopg2"."""
        return str(self._instance.driver)

    @property
    def session(self) -> Session:
        """A new SQLAlchemy Session on the engine: `with conn.session as s: ...; s.commit()`."""
        from sqlalchemy.orm import Session

        return Session(self._instance)


def _retrying(read: Callable[[], T], retried: tuple[type[BaseException], ...], reset: Callable[[], None]) -> T:
    """`read()`, tried up to ATTEMPTS times while it fails with one of `retried`."""
    attempt = 1
    while True:
        try:
            return read()
        except retried:
            reset()
            if attempt >= ATTEMPTS:
                raise
            time.sleep(RETRY_WAIT)
            attempt += 1
