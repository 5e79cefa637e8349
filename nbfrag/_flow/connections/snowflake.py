"""`SnowflakeConnection`: a Snowflake connection made with `snowflake-connector-python` from
`st.connection`'s arguments and the `[connections.<name>]` secrets."""

from __future__ import annotations

from typing import Any

from ... import errors
from .base import BaseConnection


class SnowflakeConnection(BaseConnection[Any]):
    """A connection to Snowflake (`pip install snowflake-connector-python`).

    Made by `st.connection("snowflake")`: the keyword arguments and the
    `[connections.<name>]` secrets (account, user, password, warehouse, ...; arguments win)
    go to `snowflake.connector.connect`. `.raw_connection` is that connection, `.cursor()`
    one of its cursors, `.query(sql)` a DataFrame (`cursor.fetch_pandas_all()`).
    """

    def _connect(self, **kwargs: Any) -> Any:
        import snowflake.connector  # type: ignore[import-not-found,unused-ignore]

        given = {**self._secrets.to_dict(), **kwargs}
        given.pop("type", None)
        return snowflake.connector.connect(**given)

    def query(self, sql: str, *, params: Any = None, **kwargs: Any) -> Any:
        """Run `sql` and return its rows as a pandas DataFrame (not cached)."""
        cursor = self._instance.cursor()
        cursor.execute(sql, params=params, **kwargs)
        return cursor.fetch_pandas_all()

    def cursor(self) -> Any:
        """A new cursor of the Snowflake connection."""
        return self._instance.cursor()

    @property
    def raw_connection(self) -> Any:
        """The `snowflake.connector` connection."""
        return self._instance

    def close(self) -> None:
        """Close the Snowflake connection."""
        if self._raw_instance is not None:
            self._raw_instance.close()
            self._raw_instance = None


class SnowflakeCallersRightsConnection(SnowflakeConnection):
    """Snowflake with the viewer's identity: only in Snowpark Container Services."""

    @classmethod
    def scope(cls) -> Any:
        return "session"

    def _connect(self, **kwargs: Any) -> Any:
        raise errors.StreamlitAPIException(
            "A snowflake-callers-rights connection needs the viewer's identity token, which only "
            "Snowflake's Snowpark Container Services provide; a notebook has none. Use type=\"snowflake\"."
        )
