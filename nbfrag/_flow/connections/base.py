"""`BaseConnection`: what every connection `st.connection` makes is, and what a user's own
connection class extends (it writes `_connect`)."""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar

from ..secrets import AttrDict, secrets

RawConnectionT = TypeVar("RawConnectionT")


def section_of(name: str) -> AttrDict:
    """The `[connections.<name>]` section of `st.secrets` (empty when there is none)."""
    if not secrets.load_if_toml_exists():
        return AttrDict({})
    connections = secrets.get("connections")
    if not isinstance(connections, Mapping):
        return AttrDict({})
    found = connections.get(name)
    return found if isinstance(found, AttrDict) else AttrDict({})


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base class of connections: subclass it and write `_connect(**kwargs)`, which makes
    the underlying connection object (a client, an engine).

    `st.connection(name, type=MyConnection, **kwargs)` makes one with `connection_name=name`
    and passes `kwargs` to `_connect`. Inside, `self._secrets` is the `[connections.<name>]`
    section of `st.secrets`, and `self._instance` the underlying object, made again after
    `reset()` (or when that secrets section changes). `scope()` says whether instances are
    shared by the kernel ("global") or per session; `close()` runs when the cache lets one go.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._connection_instance_id = uuid.uuid4()
        self._config_section_hash = self._section_hash()
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    def __getattribute__(self, name: str) -> Any:
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            if name.startswith("_"):
                raise
            if hasattr(self._instance, name):
                raise AttributeError(
                    f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead"
                ) from None
            raise

    def _section_hash(self) -> str:
        return json.dumps(self._secrets.to_dict(), sort_keys=True, default=str)

    @property
    def _secrets(self) -> AttrDict:
        """This connection's section of `st.secrets`, `[connections.<connection_name>]`."""
        return section_of(self._connection_name)

    def reset(self) -> None:
        """Forget the underlying connection: the next use makes a new one with `_connect`.

        Use it when a connection went stale (an expired token, a dropped socket).

        Examples
        --------
        >>> conn.reset()  # doctest: +SKIP
        """
        self._raw_instance = None

    @property
    def _instance(self) -> RawConnectionT:
        """The underlying connection, made (again) when there is none or the secrets changed."""
        current = self._section_hash()
        if current != self._config_section_hash:
            self._config_section_hash = current
            self.reset()
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Make the underlying connection object, from `kwargs` and `self._secrets`."""
        raise NotImplementedError

    @classmethod
    def scope(cls) -> Literal["global", "session"]:
        """"global" (the default): one instance per name and arguments for the kernel;
        "session": one per session."""
        return "global"

    def close(self) -> None:
        """Clean up when the connection leaves `st.connection`'s cache (does nothing here)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._connection_name!r}>"
