"""`st.context`: what is known about the visitor's request and browser.

Under Voila the page request reaches the kernel as environment variables, set before the
notebook runs: `VOILA_REQUEST_URL` (the page's address), `SERVER_NAME`/`SERVER_PORT`,
`QUERY_STRING`, and `HTTP_<NAME>` for each header Voila is told to pass
(`--VoilaConfiguration.http_header_envs="['Cookie', 'Accept-Language']"`). Those make
`st.context`'s headers, cookies, url and is_embedded. In JupyterLab and Notebook 7 the kernel
serves no page request: everything is empty or None. The browser's timezone, locale and theme
are not sent to the kernel: None everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from http.cookies import CookieError, SimpleCookie
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit, urlunsplit

_KEYS = frozenset(
    {"headers", "cookies", "theme", "timezone", "timezone_offset", "locale", "url", "ip_address", "is_embedded"}
)


def _voila() -> bool:
    return bool(os.environ.get("VOILA_KERNEL_ID"))


def _header_case(name: str) -> str:
    """`coNtent-TYPE` -> `Content-Type` (how headers are keyed)."""
    return "-".join(part.capitalize() for part in name.split("-"))


class ContextHeaders(Mapping[str, str]):
    """The page request's headers, read-only; names are case-insensitive and may repeat."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._values: dict[str, list[str]] = {}
        for name, value in pairs:
            self._values.setdefault(_header_case(name), []).append(value)

    def __getitem__(self, key: str) -> str:
        values = self._values.get(_header_case(key))
        if not values:
            raise KeyError(key)
        return values[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get_all(self, key: str) -> list[str]:
        """Every value the header `key` was sent with ([] when it was not)."""
        return list(self._values.get(_header_case(key), []))

    def to_dict(self) -> dict[str, str]:
        """The headers as a dict (a repeated header with its first value)."""
        return {key: self[key] for key in self}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_dict()!r})"


class ContextCookies(Mapping[str, str]):
    """The page request's cookies, read-only: name -> value."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = dict(cookies)

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def __len__(self) -> int:
        return len(self._cookies)

    def to_dict(self) -> dict[str, str]:
        """The cookies as a dict."""
        return dict(self._cookies)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._cookies)} names)"


class ContextTheme(dict[str, Any]):
    """The theme of the visitor's page: `theme.type` is "light", "dark" or None (unknown)."""

    type: Literal["light", "dark"] | None

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def request_headers() -> list[tuple[str, str]]:
    """The headers Voila passed to the kernel (`HTTP_ACCEPT_LANGUAGE` -> `Accept-Language`)."""
    if not _voila():
        return []
    pairs = [
        (name[5:].replace("_", "-"), value) for name, value in sorted(os.environ.items()) if name.startswith("HTTP_")
    ]
    host = os.environ.get("SERVER_NAME", "")
    port = os.environ.get("SERVER_PORT", "")
    if host and not any(_header_case(name) == "Host" for name, _ in pairs):
        pairs.insert(0, ("Host", f"{host}:{port}" if port else host))
    return pairs


class ContextProxy:
    """What is known about the visitor: the page request's headers and cookies, the page's
    URL, and the browser's timezone, locale and theme.

    Read a member by attribute (`st.context.url`) or key (`st.context["url"]`); `"url" in
    st.context` tells whether a name is a member. Under Voila the headers Voila passes to
    the kernel (its `http_header_envs` setting, plus `Host`) and their cookies, the page's URL
    (without query string) and whether it was opened with `?embed=true` are known. In
    JupyterLab and Notebook 7 there is no page request: headers and cookies are empty, the
    others None.

    Returns
    -------
    ContextProxy
        `st.context` is an object, not a command: `headers`, `cookies` (read-only mappings,
        `.to_dict()`; headers also `.get_all(name)`), `url`, `ip_address`, `is_embedded`,
        `timezone`, `timezone_offset`, `locale` and `theme` (`theme.type`).

    Differences from Streamlit
    --------------------------
    * Voila passes only the headers it is configured to pass
      (`--VoilaConfiguration.http_header_envs="['Cookie', 'User-Agent']"`); cookies need
      the `Cookie` header among them.
    * `timezone`, `timezone_offset`, `locale` and `theme.type` are always None (the browser
      does not send them to the kernel), and so is `ip_address` (Voila does not pass it).
    * In JupyterLab and Notebook 7 the notebook's page is not the app's: `url` and
      `is_embedded` are None, headers and cookies empty.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.write("Served from", st.context.url or "a notebook")
    >>> st.write("Language:", st.context.headers.get("Accept-Language", "unknown"))
    """

    __iter__ = None  # not a dict: `iter(st.context)` is a TypeError, not integer probing

    @property
    def headers(self) -> ContextHeaders:
        """The page request's headers (under Voila, those it passes to the kernel)."""
        return ContextHeaders(request_headers())

    @property
    def cookies(self) -> ContextCookies:
        """The page request's cookies (under Voila, when it passes the `Cookie` header)."""
        parsed: SimpleCookie = SimpleCookie()
        for header in self.headers.get_all("Cookie"):
            try:
                parsed.load(header)
            except CookieError:
                continue
        return ContextCookies({name: morsel.value for name, morsel in parsed.items()})

    @property
    def theme(self) -> ContextTheme:
        """The page's theme: `theme.type` is None (the browser does not tell the kernel)."""
        return ContextTheme({"type": None})

    @property
    def timezone(self) -> str | None:
        """The browser's timezone: None (the browser does not tell the kernel)."""
        return None

    @property
    def timezone_offset(self) -> int | None:
        """The browser's timezone offset in minutes: None (not told to the kernel)."""
        return None

    @property
    def locale(self) -> str | None:
        """The browser's language (`navigator.language`): None (not told to the kernel)."""
        return None

    @property
    def url(self) -> str | None:
        """The page's address without query string or anchor (Voila's), else None."""
        if not _voila():
            return None
        address = os.environ.get("VOILA_REQUEST_URL", "")
        if not address:
            return None
        parts = urlsplit(address)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    @property
    def ip_address(self) -> str | None:
        """The visitor's IP address: None (Voila does not pass it to the kernel)."""
        return None

    @property
    def is_embedded(self) -> bool | None:
        """Whether the page was opened with `?embed=true` (under Voila), else None."""
        if not _voila():
            return None
        values = parse_qs(os.environ.get("QUERY_STRING", "").lstrip("?")).get("embed", [])
        return any(value.lower() == "true" for value in values)

    def __getitem__(self, key: str) -> Any:
        if key not in _KEYS:
            raise KeyError(f'st.context has no key "{key}". Valid keys are: {", ".join(sorted(_KEYS))}.')
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in _KEYS

    def __repr__(self) -> str:
        return f"ContextProxy(url={self.url!r}, headers={len(self.headers)})"


context = ContextProxy()
