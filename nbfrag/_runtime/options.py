"""Streamlit's configuration options, as a notebook has them (`st.get_option`, `st.set_option`).

Every option name of Streamlit 1.67 is known here with its default, so `get_option` answers
for each (and refuses an unknown name as Streamlit does). Values come from, later winning:
the defaults, `~/.streamlit/config.toml`, `.streamlit/config.toml` in the kernel's current
directory (beside the notebook), `STREAMLIT_<SECTION>_<OPTION_NAME>` environment variables,
then `set_option` calls (only the options Streamlit lets a script set). The files are read
on first use and again when one changes.

Some options change what nbfrag does (`runner.magicEnabled`, `client.showErrorDetails`,
`runner.connectionDefaultTTL`): the modules that honour them read them here.
"""

from __future__ import annotations

import importlib.util
import os
import re
import secrets
import sys
import threading
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

# The options a running script may set (Streamlit 1.67's "scriptable" ones).
SCRIPTABLE = frozenset({
    "client.showErrorDetails", "client.toolbarMode", "client.disableDataExport",
    "client.showSidebarNavigation", "logger.enableRich",
})


def _rich() -> bool:
    return importlib.util.find_spec("rich") is not None


def _defaults() -> dict[str, Any]:
    """Streamlit 1.67's option names with their default values."""
    found: dict[str, Any] = {
        "global.disableWidgetStateDuplicationWarning": False, "global.showWarningOnDirectExecution": True,
        "global.developmentMode": False, "global.e2eTest": False, "global.unitTest": False,
        "global.appTest": False, "global.suppressDeprecationWarnings": False,
        "global.minCachedMessageSize": 10000.0, "global.maxCachedMessageAge": 2,
        "logger.level": "info", "logger.messageFormat": "%(asctime)s %(message)s",
        "logger.enableRich": _rich(), "logger.hideWelcomeMessage": False,
        "client.showErrorDetails": "full", "client.toolbarMode": "auto", "client.disableDataExport": False,
        "client.showSidebarNavigation": True, "client.showErrorLinks": "auto", "client.allowedOrigins": [],
        "runner.magicEnabled": True, "runner.postScriptGC": True, "runner.fastReruns": True,
        "runner.enforceSerializableSessionState": False, "runner.enumCoercion": "nameOnly",
        "runner.parallelMaxWorkers": None, "runner.cacheBackgroundRefreshMaxWorkers": 4,
        "runner.cacheBackgroundRefreshTTLMultiplier": 2.0, "runner.connectionDefaultTTL": None,
        "runner.cacheHashSeed": 0,
        "server.folderWatchList": [], "server.folderWatchBlacklist": [], "server.fileWatcherType": "auto",
        "server.enableExpensiveMemoryStats": False, "server.maxCacheDataSize": None,
        "server.cookieSecret": secrets.token_hex(32), "server.headless": True, "server.showEmailPrompt": True,
        "server.runOnSave": False, "server.allowRunOnSave": True, "server.address": None, "server.port": 8501,
        "server.scriptHealthCheckEnabled": False, "server.baseUrlPath": "",
        "server.customComponentBaseUrlPath": "", "server.enableCORS": True, "server.corsAllowedOrigins": [],
        "server.allowedHosts": [], "server.enableXsrfProtection": True, "server.xsrfCookieSameSite": "lax",
        "server.maxUploadSize": 200, "server.maxMessageSize": 200, "server.maxWidgetStateSize": 25,
        "server.enableWebsocketCompression": False, "server.websocketPingInterval": None,
        "server.enableStaticServing": False, "server.disconnectedSessionTTL": 120,
        "server.enableAgentApi": False, "server.agentWaitTimeout": 30, "server.agentSessionTTL": 900,
        "server.agentMaxSessions": 100, "server.agentPreviewRows": 100, "server.trustedUserHeaders": {},
        "server.unsafeMetricsUserAttributes": [], "server.sslCertFile": None, "server.sslKeyFile": None,
        "browser.serverAddress": "localhost", "browser.gatherUsageStats": True, "browser.serverPort": 8501,
        "ui.hideTopBar": False, "magic.displayRootDocString": False, "magic.displayLastExprIfNoSemicolon": False,
        "secrets.files": [str(path) for path in _files("secrets.toml")],
    }
    single = (
        "base fontFaces baseFontSize baseFontWeight metricValueFontSize metricValueFontWeight showSidebarBorder"
    )
    varied = (
        "primaryColor backgroundColor secondaryBackgroundColor textColor redColor orangeColor yellowColor "
        "blueColor greenColor violetColor grayColor redBackgroundColor orangeBackgroundColor "
        "yellowBackgroundColor blueBackgroundColor greenBackgroundColor violetBackgroundColor "
        "grayBackgroundColor redTextColor orangeTextColor yellowTextColor blueTextColor greenTextColor "
        "violetTextColor grayTextColor linkColor linkUnderline codeTextColor codeBackgroundColor font "
        "headingFont headingFontSizes headingFontWeights codeFont codeFontSize codeFontWeight baseRadius "
        "buttonRadius paddingTop paddingBottom borderColor dataframeBorderColor dataframeHeaderBackgroundColor "
        "dataframeHeaderTextColor showWidgetBorder chartCategoricalColors chartSequentialColors "
        "chartDivergingColors"
    )
    found.update(dict.fromkeys((f"theme.{name}" for name in single.split()), None))
    for prefix in ("", "sidebar.", "light.", "dark.", "light.sidebar.", "dark.sidebar."):
        found.update(dict.fromkeys((f"theme.{prefix}{name}" for name in varied.split()), None))
    return found


def _files(name: str) -> list[Path]:
    """The user's file, then the one beside the notebook (the kernel's current directory)."""
    return [Path.home() / ".streamlit" / name, Path.cwd() / ".streamlit" / name]


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`{"theme": {"light": {"primaryColor": x}}}` -> `{"theme.light.primaryColor": x}`."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and name != "server.trustedUserHeaders":
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _env_name(key: str) -> str:
    """`client.showErrorDetails` -> `STREAMLIT_CLIENT_SHOW_ERROR_DETAILS`, as Streamlit reads it."""
    return "STREAMLIT_" + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key.replace(".", "_")).upper()


def _from_env(text: str, default: Any) -> Any:
    """An environment variable's text as the option's kind of value."""
    if isinstance(default, bool):
        return text.strip().lower() in ("true", "1", "yes")
    for kind in (int, float):
        if isinstance(default, kind):
            try:
                return kind(text)
            except ValueError:
                return text
    return text


class Options:
    """The kernel's option values: defaults, config.toml files, environment, `set_option`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._defaults: dict[str, Any] | None = None
        self._loaded: tuple[tuple[Any, ...], dict[str, Any]] | None = None  # (file stamps, values)
        self.set_values: dict[str, Any] = {}  # `set_option` calls, for this kernel

    @property
    def defaults(self) -> dict[str, Any]:
        if self._defaults is None:
            self._defaults = _defaults()
        return self._defaults

    def known(self, key: str) -> bool:
        return key in self.defaults

    def _configured(self) -> dict[str, Any]:
        """The values the files and the environment give (files re-read when they change)."""
        files = _files("config.toml")
        stamps = tuple(_stamp(path) for path in files)
        with self._lock:
            if self._loaded is not None and self._loaded[0] == stamps:
                return self._loaded[1]
            values: dict[str, Any] = {}
            for path, stamp in zip(files, stamps, strict=True):
                if stamp is None:
                    continue
                try:
                    values.update(_flatten(tomllib.loads(path.read_text(encoding="utf-8"))))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                    raise RuntimeError(f"Error parsing config file at {path}: {exc}") from None
            self._loaded = (stamps, values)
            return values

    def is_set(self, key: str) -> bool:
        """Whether `key` was given anywhere (a file, the environment, `set_option`)."""
        return key in self.set_values or key in self._configured() or _env_name(key) in os.environ

    def get(self, key: str) -> Any:
        if key not in self.defaults:
            raise RuntimeError(f'Config key "{key}" not defined.')
        if key in self.set_values:
            return self.set_values[key]
        env = os.environ.get(_env_name(key))
        if env is not None:
            return _from_env(env, self.defaults[key])
        configured = self._configured()
        return configured[key] if key in configured else self.defaults[key]


def _stamp(path: Path) -> tuple[float, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime, stat.st_size)


options = Options()


def setting(key: str, fallback: Any) -> Any:
    """An option nbfrag honours; `fallback` when a config.toml cannot be read (then
    `st.get_option` says why, rather than the error ladder or an app's compilation failing)."""
    try:
        return options.get(key)
    except RuntimeError:
        return fallback


def error_details() -> str | None:
    """How much of an uncaught exception the page shows when `client.showErrorDetails` was
    given ("full", "stacktrace", "type" or "none"; True reads "full", False "stacktrace"),
    or None when it was not (nbfrag's own default then applies)."""
    key = "client.showErrorDetails"
    try:
        if not options.is_set(key):
            return None
    except RuntimeError:  # an unreadable config.toml
        return None
    value = setting(key, "full")
    if isinstance(value, bool):
        return "full" if value else "stacktrace"
    text = str(value).lower()
    if text in ("true", "false"):
        return "full" if text == "true" else "stacktrace"
    return text if text in ("full", "stacktrace", "type", "none") else "full"
