"""`st.get_option` and `st.set_option`: Streamlit's configuration options, read and set in the
kernel (the values live in `nbfrag._runtime.options`)."""

from __future__ import annotations

from typing import Any

from .. import errors
from .._runtime.options import SCRIPTABLE, options


def get_option(key: str) -> Any:
    """The current value of a Streamlit configuration option.

    Every option name of Streamlit 1.67 is known, with Streamlit's default. A value comes
    from, the later winning: that default, `~/.streamlit/config.toml`, `.streamlit/config.toml`
    beside the notebook (the kernel's current directory), a `STREAMLIT_<SECTION>_<NAME>`
    environment variable (`STREAMLIT_THEME_PRIMARY_COLOR`), then `st.set_option`.

    Parameters
    ----------
    key : str
        The option's name, "section.optionName", e.g. "theme.primaryColor" or
        "server.maxUploadSize".

    Returns
    -------
    Any
        The option's value (None for a theme option nobody set).

    Raises
    ------
    RuntimeError
        `Config key "..." not defined.` for a name Streamlit does not have.

    Differences from Streamlit
    --------------------------
    * No command line (`streamlit run --theme.base dark`): the files, the environment
      and `st.set_option` give values.
    * Server options (`server.*`, `browser.*`) are read as configured but change nothing:
      Jupyter or Voila is the server. nbfrag honours `runner.magicEnabled` (false: bare
      expressions in an `%%app` cell are not written), `client.showErrorDetails` and
      `runner.connectionDefaultTTL`; the theme options are read but the notebook keeps its
      own theme.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.write("Uploads up to", st.get_option("server.maxUploadSize"), "MB")
    """
    return options.get(key)


def set_option(key: str, value: Any) -> None:
    """Set a configuration option while the app runs.

    As in Streamlit, a script may set only the `client` options (`client.showErrorDetails`,
    `client.toolbarMode`, `client.disableDataExport`, `client.showSidebarNavigation`) and
    `logger.enableRich`; others are set in `config.toml` (see `st.get_option`). The value
    holds for the rest of the kernel's life.

    Parameters
    ----------
    key : str
        The option's name, "section.optionName".
    value : Any
        Its new value. `client.showErrorDetails` takes "full" (type, message and traceback
        of an uncaught exception are shown), "stacktrace" (no message), "type" (only the
        type), "none" (a generic message), or True ("full") / False ("stacktrace").

    Returns
    -------
    None

    Raises
    ------
    StreamlitAPIException
        `Unrecognized config option: ...` for an unknown name; `... cannot be set on the
        fly ...` for an option Streamlit only reads from its configuration.

    Differences from Streamlit
    --------------------------
    * `client.showErrorDetails` applies to the exceptions of the following runs; the other
      `client` options are kept (and read by `st.get_option`) but change nothing, as a
      notebook has no toolbar, page navigation or built-in data export buttons.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.set_option("client.showErrorDetails", "type")
    >>> st.write(st.get_option("client.showErrorDetails"))
    """
    if not options.known(key):
        raise errors.StreamlitAPIException(f"Unrecognized config option: {key}")
    if key not in SCRIPTABLE:
        raise errors.StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"streamlit run script.py --{key}, or in config.toml instead."
        )
    options.set_values[key] = value
