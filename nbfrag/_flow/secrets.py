"""`st.secrets`: the app's secrets, read from `secrets.toml` files as Streamlit reads them.

Files, later ones winning key by key: `~/.streamlit/secrets.toml` (the user's), then
`.streamlit/secrets.toml` in the current directory (beside the notebook, where Jupyter starts
its kernel). They are read on first use and again when one of them changes. Root-level string
secrets are also put in `os.environ`, as Streamlit does. Nothing here draws on the page.

An `AppTest` gives its app secrets of its own (`at.secrets`) through `override`.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from .. import errors

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

_HINT = "Did you forget to add it to secrets.toml (in .streamlit/ beside the notebook, or in ~/.streamlit/)?"


def secrets_files() -> list[Path]:
    """Where secrets are looked for, in the order they are read (later files win)."""
    return [Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"]


class AttrDict(Mapping[str, Any]):
    """A read-only section of secrets: `section.name` and `section["name"]`."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_given", value)

    @property
    def _value(self) -> Mapping[str, Any]:
        given: Mapping[str, Any] = self._given
        return given

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self._value[key])
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_HINT}') from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _wrap(self._value[name])
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{name}". {_HINT}') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def to_dict(self) -> dict[str, Any]:
        """The section as a plain (nested) dict."""
        return _plain(self._value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._value)} keys)"


def _wrap(value: Any) -> Any:
    return AttrDict(value) if isinstance(value, Mapping) else value


def _plain(value: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) if isinstance(v, Mapping) else v for k, v in value.items()}


class Secrets(AttrDict):
    """The app's secrets, read from `secrets.toml` files: `st.secrets.db.password`.

    Read-only, by attribute (`st.secrets.token`) or item (`st.secrets["token"]`); a TOML
    section is a nested mapping of the same kind (`st.secrets.db.user`); `to_dict()` gives
    plain dicts. The files are `~/.streamlit/secrets.toml`, then `.streamlit/secrets.toml` in
    the kernel's current directory (beside the notebook), the later winning key by key; they
    are read on first use and again when one changes. Root-level text secrets are also set
    in `os.environ`, as Streamlit does. A missing key is a `KeyError` (an `AttributeError`
    by attribute); with no secrets file at all, reading one raises
    `StreamlitSecretNotFoundError` (a `FileNotFoundError`). An `AppTest` gives its app
    secrets of its own (`at.secrets["token"] = ...`).

    Returns
    -------
    Secrets
        `st.secrets` is an object, not a command: read it like a read-only dict.

    Differences from Streamlit
    --------------------------
    * Its `repr` (what a notebook cell shows for `st.secrets`) names the keys, never the
      values; `st.write(st.secrets)` still shows them, as Streamlit's does.
    * `secrets.files` cannot be configured (no `config.toml`): the two files above are read.

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.secrets.load_if_toml_exists():
    ...     st.write("Connecting as", st.secrets.get("db_username", "nobody"))
    ... else:
    ...     st.info("Add .streamlit/secrets.toml beside the notebook to connect.")
    """

    def __init__(self) -> None:
        super().__init__({})
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_loaded", None)  # (file stamps, secrets)
        object.__setattr__(self, "_overrides", [])  # AppTests' own secrets, innermost last

    @property
    def _value(self) -> Mapping[str, Any]:
        if self._overrides:
            overridden: Mapping[str, Any] = self._overrides[-1]
            return overridden
        return self._parse()

    def _parse(self) -> Mapping[str, Any]:
        files = secrets_files()
        stamps = tuple(_stamp(path) for path in files)
        with self._lock:
            loaded = self._loaded
            if loaded is not None and loaded[0] == stamps:
                secrets: dict[str, Any] = loaded[1]
                return secrets
            secrets = {}
            for path, stamp in zip(files, stamps, strict=True):
                if stamp is None:
                    continue
                try:
                    secrets.update(tomllib.loads(path.read_text(encoding="utf-8")))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                    raise errors.StreamlitSecretNotFoundError(
                        f"Error parsing secrets file at {path}: {exc}"
                    ) from None
            if all(stamp is None for stamp in stamps):
                raise errors.StreamlitSecretNotFoundError(
                    "No secrets found. Valid paths for a secrets.toml file are: "
                    + ", ".join(str(path) for path in files)
                )
            for key, value in secrets.items():
                if isinstance(value, str):
                    os.environ[key] = value
            object.__setattr__(self, "_loaded", (stamps, secrets))
            return secrets

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _wrap(self._value[name])
        except (KeyError, FileNotFoundError):  # as Streamlit's: getattr raises AttributeError only
            raise AttributeError(f'st.secrets has no attribute "{name}". {_HINT}') from None

    def load_if_toml_exists(self) -> bool:
        """Read the secrets files if there are any; False (no error) when there are none."""
        try:
            self._value  # noqa: B018 - reading is the point
        except FileNotFoundError:
            return False
        return True

    @contextmanager
    def override(self, secrets: Mapping[str, Any]) -> Iterator[None]:
        """Serve `secrets` instead of the files' while the block runs (an `AppTest`'s)."""
        self._overrides.append(secrets)
        try:
            yield
        finally:
            self._overrides.pop()

    def __repr__(self) -> str:
        try:
            keys = list(self._value)
        except FileNotFoundError:
            keys = []
        return f"Secrets(keys={keys})"


def _stamp(path: Path) -> tuple[float, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime, stat.st_size)


secrets = Secrets()
