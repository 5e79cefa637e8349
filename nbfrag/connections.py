"""`st.connections`: the connection classes `st.connection` makes, and the base class of your
own (`class MyConnection(st.connections.BaseConnection[Client])` with a `_connect` method)."""

from __future__ import annotations

from ._flow.connections import BaseConnection, SnowflakeCallersRightsConnection, SnowflakeConnection, SQLConnection

ExperimentalBaseConnection = BaseConnection

__all__ = [
    "BaseConnection",
    "ExperimentalBaseConnection",
    "SQLConnection",
    "SnowflakeCallersRightsConnection",
    "SnowflakeConnection",
]
