"""The types of the arguments every widget repeats, named once (as Streamlit names them).

Literal types let an editor or a type checker catch `label_visibility="hiden"`; the widgets
still check their arguments at run time and raise Streamlit's errors for bad values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeAlias, get_args

from .. import errors

Key: TypeAlias = str | int | None
"""A widget's `key=`: its identity and its name in Session State (an int is used as a str)."""

Callback: TypeAlias = Callable[..., Any] | Literal["rerun", "ignore"] | None
"""An `on_change`/`on_click` argument: a function, or None. Inputs also take Streamlit's modes
"rerun" (the same as None) and "ignore" (a change is kept but reruns nothing); `st.button` takes
no mode, as in Streamlit."""

WidgetArgs: TypeAlias = tuple[Any, ...] | list[Any] | None
"""The positional arguments `args=` passed to a widget's callback."""

WidgetKwargs: TypeAlias = dict[str, Any] | None
"""The keyword arguments `kwargs=` passed to a widget's callback."""

LabelVisibility: TypeAlias = Literal["visible", "hidden", "collapsed"]
"""`"visible"` shows the label, `"hidden"` keeps its space empty, `"collapsed"` removes it."""



def check_label_visibility(label_visibility: str) -> None:
    """Streamlit's error for a `label_visibility` that is none of `LabelVisibility`."""
    if label_visibility not in get_args(LabelVisibility):
        raise errors.StreamlitValueError("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])


Width: TypeAlias = int | Literal["stretch", "content"]
"""A widget's `width=`: pixels, the container's width, or its content's."""

WidthWithoutContent: TypeAlias = int | Literal["stretch"]
"""A `width=` for widgets without a content width (fields, sliders): pixels or the container's."""

ButtonType: TypeAlias = Literal["primary", "secondary", "tertiary"]
"""A button's emphasis: filled with the accent colour, outlined, or plain text."""


def css_size(value: Any, parameter: Literal["width", "height"], words: Mapping[str, str | None]) -> str | None:
    """A `width=`/`height=` argument as CSS: a positive int is pixels, a word of `words` its CSS
    (None: the natural size). Anything else raises Streamlit's `StreamlitInvalidWidthError` /
    `StreamlitInvalidHeightError`."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    if isinstance(value, str) and value in words:
        return words[value]
    error = errors.StreamlitInvalidWidthError if parameter == "width" else errors.StreamlitInvalidHeightError
    raise error(value, "content" in words)


IconPosition: TypeAlias = Literal["left", "right"]
"""Which side of a button's label its icon is on."""

TextAlignment: TypeAlias = Literal["left", "center", "right", "justify"]
"""How a text element's lines are aligned in its box."""

Height: TypeAlias = int | Literal["stretch", "content"]
"""An element's `height=`: pixels, its container's height, or its content's."""

Bind: TypeAlias = Literal["query-params"] | None
"""A widget's `bind=`: Streamlit syncs the value with a URL query parameter. A notebook has no
URL of its own, so nbfrag takes only None (see `check_bind`)."""

PersistState: TypeAlias = Literal["page", "session"] | None
"""A widget's `persist_state=`: keep the value (under its `key`) while the widget is not drawn.
A notebook is one page, so "page" and "session" are the same there."""


def check_bind(bind: object, key: object) -> None:
    """Streamlit's errors for a bad `bind`, and nbfrag's for `bind="query-params"`: a notebook
    (JupyterLab, Notebook 7, Voila) has no query parameters to sync with."""
    if bind is None:
        return
    if bind != "query-params":
        raise errors.StreamlitValueError("bind", ["'query-params'", "None"])
    if key is None:
        raise errors.StreamlitMissingRequiredParameterError(
            "key",
            "When using bind='query-params', the widget must have a unique 'key' parameter "
            "specified. This 'key' will be used as the name of the query parameter.",
        )
    raise errors.StreamlitAPIException(
        "bind='query-params' is not supported by nbfrag: a notebook page has no URL query "
        f"parameters to sync the widget with. Drop `bind`; the value stays in "
        f"st.session_state[{str(key)!r}] for the whole session (add persist_state='session' to "
        "keep it while the widget is not drawn)."
    )


def check_persist_state(persist_state: object, key: object) -> bool:
    """Whether the widget keeps its value while not drawn; Streamlit's errors for a bad
    `persist_state` and for one without a `key`."""
    if persist_state is None:
        return False
    if persist_state not in ("page", "session"):
        raise errors.StreamlitValueError("persist_state", ["'page'", "'session'", "None"])
    if key is None:
        raise errors.StreamlitMissingRequiredParameterError(
            "key",
            "When using persist_state, the widget must have a unique 'key' parameter specified "
            "so its value can be preserved across reruns and page switches.",
        )
    return True


_SIZE_WORDS: dict[str, str | None] = {"stretch": "100%", "content": None}
_STRETCH_ONLY: dict[str, str | None] = {"stretch": "100%"}


def check_width(width: object, *, allow_content: bool = True) -> None:
    """Streamlit's error for a `width=` that is neither a positive int nor a valid word
    (`css_size` is the one check)."""
    css_size(width, "width", _SIZE_WORDS if allow_content else _STRETCH_ONLY)


def check_height(height: object, *, allow_content: bool = True) -> None:
    """Streamlit's error for a `height=` that is neither a positive int nor a valid word
    (`css_size` is the one check)."""
    css_size(height, "height", _SIZE_WORDS if allow_content else _STRETCH_ONLY)


def check_text_alignment(text_alignment: object) -> None:
    if text_alignment not in get_args(TextAlignment):
        raise errors.StreamlitValueError("text_alignment", ["'left'", "'center'", "'right'", "'justify'"])


def check_wrap(wrap: object) -> None:
    """Streamlit's error for a `wrap` that must be True or False (text elements)."""
    if not isinstance(wrap, bool):
        raise errors.StreamlitValueError("wrap", ["True", "False"])

FilterWords: TypeAlias = Literal["fuzzy", "contains", "prefix"]
FilterMode: TypeAlias = FilterWords | None
"""How Streamlit's select boxes filter their options as the user types (None: no typing)."""


def check_filter_mode(filter_mode: object, accept_new_options: bool) -> None:
    """Streamlit's errors for a bad `filter_mode`, and for None with `accept_new_options`."""
    if filter_mode is not None and (not isinstance(filter_mode, str) or filter_mode not in get_args(FilterWords)):
        raise errors.StreamlitValueError("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise errors.StreamlitIncompatibleParametersError(
            "filter_mode=None",
            "accept_new_options=True",
            "`filter_mode` cannot be `None` when `accept_new_options=True`. Set `filter_mode` "
            "to `fuzzy`, `contains`, or `prefix`.",
        )
