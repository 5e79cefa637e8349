"""`st.connection` and the connection classes (`nbfrag.connections` re-exports them)."""

from __future__ import annotations

from .base import BaseConnection
from .factory import connection
from .snowflake import SnowflakeCallersRightsConnection, SnowflakeConnection
from .sql import SQLConnection

__all__ = [
    "BaseConnection",
    "SQLConnection",
    "SnowflakeCallersRightsConnection",
    "SnowflakeConnection",
    "connection",
]
