"""`st.set_page_config`: the browser tab's title and icon, the content width, the sidebar's
first state. The settings live on the app (`App.page`, see `_runtime.page`)."""

from __future__ import annotations

import html
import os
import random
import re
import unicodedata
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import errors
from .._runtime.page import LAYOUTS, PageConfig, PageHead
from .._runtime.runtime import runtime
from .images import data_url
from .layout import configure_sidebar

_SIDEBAR_STATES = ("auto", "expanded", "collapsed", "locked")
_VALID_SIDEBAR_STATES = ["'auto'", "'expanded'", "'collapsed'", "'locked'", "a positive integer (width in pixels)"]
_MENU_KEYS = ("get help", "report a bug", "about")
_MENU_URL_PROTOCOLS = ("http", "https", "mailto")
# `page_icon="random"` picks one of these (nbfrag's own choice of cheerful emoji).
_RANDOM_ICONS = list("🎈🚀✨🔥🌈🎉💡🌟🍀🎨🧊🦈🐙🌻🍕⚡🌙🎯🧭🪁🦄🐝🍉🎸📚🧪🛰🌊🍩🏔")
_MATERIAL = re.compile(r"^\s*:(.+)/(.+):\s*$")
_SHORTCODE = re.compile(r"^:([a-z0-9_+\-]+):$", re.IGNORECASE)


def set_page_config(
    page_title: str | None = None,
    page_icon: Any = None,
    layout: str | None = None,
    initial_sidebar_state: str | int | None = None,
    menu_items: Mapping[str, str | None] | None = None,
) -> None:
    """Configure the page: the browser tab's title and icon, the layout, the sidebar.

    May be called anywhere in the app, and more than once: each call changes only the
    settings it is given (`None` keeps the previous value), as in Streamlit 1.67.

    Parameters
    ----------
    page_title : str or None
        The title of the browser tab (under Voila).
    page_icon : str, image or None
        The tab's icon: an emoji (`"🦈"`), an emoji shortcode (`":shark:"`, looked up by its
        Unicode name), `"random"` (an emoji picked for this app), a Material icon
        (`":material/thumb_up:"`), an http(s) URL, or any image `st.image` takes (numpy
        array, PIL image, bytes, SVG markup, file path).
    layout : "centered", "wide" or None
        `"centered"` (the default) keeps the content in a centred column as wide as a
        Streamlit page's (736px); `"wide"` uses the whole width. In Voila and inside a
        notebook cell alike.
    initial_sidebar_state : "auto", "expanded", "collapsed", "locked", int or None
        How the sidebar starts: `"collapsed"` closed (the visitor opens it with its toggle
        button), `"auto"` and `"expanded"` open, `"locked"` open without a toggle; an int
        is the open sidebar's width in pixels (200 to 600).
    menu_items : dict or None
        `{"Get help": url, "Report a bug": url, "About": markdown}`: validated as Streamlit
        does (keys, and http(s)/mailto URLs), then kept on the app (see below).

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * The title and icon change the browser tab only under Voila, where the app is the page.
      In JupyterLab and Notebook 7 the tab belongs to the notebook and is not renamed.
    * The settings show as the first line of the app's text form (`page: title 'Sales', icon 📈,
      layout wide`).
    * A Material icon is accepted and shown as text (no icon font is loaded), so the tab keeps
      its own icon; so does an emoji shortcode with no Unicode name.
    * `"random"` picks one emoji per app and keeps it across reruns (Streamlit draws a new one
      at every call). `"auto"` opens the sidebar whatever the screen size.
    * A notebook has no app menu, so `menu_items` changes nothing on the page.
    * In a plain cell (no `%%app`) the elements are separate outputs: the title and icon apply,
      the layout does not.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")
    >>> st.title("Sales")
    """
    frame = runtime.require_frame()
    app = frame.app
    page = app.page
    icon = _icon(page_icon, page) if page_icon is not None else None
    if layout is not None and layout not in LAYOUTS:
        raise errors.StreamlitValueError("layout", ["'centered'", "'wide'"])
    state, width = _sidebar(initial_sidebar_state, page)
    items = _menu_items(menu_items) if menu_items is not None else None

    if page_title is not None:
        page.title = str(page_title)
        page.given.add("title")
    if icon is not None:
        page.icon, page.favicon = icon
        page.given.add("icon")
    if layout is not None:
        page.layout = layout
        page.given.add("layout")
    if initial_sidebar_state is not None:
        page.sidebar_state, page.sidebar_width = state, width
        page.given.add("sidebar")
    if items is not None:
        page.menu_items.update(items)
    app.apply_layout()
    configure_sidebar(app)
    if page_title is not None or icon is not None:
        _show_head(frame, page)


def page_head(frame: Any) -> PageHead:
    """The app's invisible widget (made once per app) that sets the browser tab's title and
    icon, and the page's URL query string (`st.query_params`), under Voila."""
    block = frame.app.root
    head: PageHead | None = block.extras.get("page-head")
    if head is None:
        head = block.extra("page-head", PageHead)
        if block.widget is None:  # a plain cell: no area to sit in
            frame.show(head)
    return head


def _show_head(frame: Any, page: PageConfig) -> None:
    head = page_head(frame)
    head.title = page.title or ""
    head.favicon = page.favicon


# -- page_icon --------------------------------------------------------------------------------


def _icon(page_icon: Any, page: PageConfig) -> tuple[str, str]:
    """The icon's text form and the URL the tab shows ("" keeps the tab's own icon)."""
    if isinstance(page_icon, str) and page_icon == "random":
        page.random_icon = page.random_icon or random.choice(_RANDOM_ICONS)
        return page.random_icon, _emoji_favicon(page.random_icon)
    if isinstance(page_icon, str) and is_emoji(page_icon):
        return page_icon, _emoji_favicon(page_icon)
    if isinstance(page_icon, str) and page_icon.startswith(":material"):
        return _material_icon(page_icon), ""
    if isinstance(page_icon, str):
        text = page_icon
        shortcode = _SHORTCODE.match(text.strip())
        if shortcode:
            emoji = _emoji_by_name(shortcode.group(1))
            return text, _emoji_favicon(emoji) if emoji else ""
        if text.startswith(("http://", "https://", "data:image/")):
            return text, text
        if not (os.path.isfile(text) or text.lstrip().startswith(("<svg", "<?xml"))):
            return text, ""  # as Streamlit, any other string is accepted; the tab keeps its icon
    if isinstance(page_icon, Path):
        page_icon = str(page_icon)
    href, label = data_url(page_icon)
    return label, href


def is_emoji(text: str) -> bool:
    """Whether `text` is one emoji (possibly a sequence joined by ZWJ, with modifiers)."""
    core = text.replace("\ufe0f", "")
    if not core or core.isascii() or len(core) > 12:
        return False
    kinds = [unicodedata.category(ch) for ch in core]
    symbols = {"So", "Sk", "Mn", "Me", "Cf"}
    keycap = core[0] in "0123456789#*" and "\u20e3" in core
    return ("So" in kinds or keycap) and all(k in symbols or (keycap and i == 0) for i, k in enumerate(kinds))


def _emoji_by_name(name: str) -> str | None:
    """`shark` -> 🦈, by the emoji's Unicode name (`thumbs_up` -> THUMBS UP SIGN fails: None)."""
    try:
        return unicodedata.lookup(name.replace("_", " ").replace("-", " "))
    except KeyError:
        return None


def _emoji_favicon(emoji: str) -> str:
    svg = (
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
        f"<text y='.9em' font-size='90'>{html.escape(emoji)}</text></svg>"
    )
    return "data:image/svg+xml," + urllib.parse.quote(svg)


def _material_icon(icon: str) -> str:
    """A `:material/name:` icon, checked as Streamlit checks its form (nbfrag has no list of
    the icon names, so any snake_case name is accepted)."""
    match = _MATERIAL.match(icon)
    if match is None or match.group(1) != "material" or not re.fullmatch(r"[a-z0-9_]+", match.group(2)):
        shown = icon.replace("/", "\u200b/")
        raise errors.StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material icon '
            "shortcode like **`:material\u200b/thumb_up:`**"
        )
    return icon.strip()


# -- initial_sidebar_state, menu_items --------------------------------------------------------


def _sidebar(value: Any, page: PageConfig) -> tuple[str, int | None]:
    if value is None:
        return page.sidebar_state, page.sidebar_width
    if isinstance(value, str) and value in _SIDEBAR_STATES:
        return value, page.sidebar_width
    if isinstance(value, int):
        if value <= 0:
            raise errors.StreamlitValueError("initial_sidebar_state", _VALID_SIDEBAR_STATES, detail=f"Got {value}.")
        return "auto", int(value)
    raise errors.StreamlitValueError("initial_sidebar_state", _VALID_SIDEBAR_STATES, detail=f"Got {value!r}.")


def _menu_items(items: Mapping[str, str | None]) -> dict[str, str | None]:
    cleaned = {str(key).lower().strip(): value for key, value in items.items()}
    for key, value in cleaned.items():
        if key not in _MENU_KEYS:
            raise errors.StreamlitValueError(
                "menu_items", ["'Get help'", "'Report a bug'", "'About'"],
                detail=f"`{key}` is not a supported menu item key.",
            )
        if value is not None and key != "about" and not _is_url(value):
            raise errors.StreamlitInvalidURLError(value, _MENU_URL_PROTOCOLS)
    return cleaned


def _is_url(value: Any) -> bool:
    try:
        parsed = urllib.parse.urlparse(str(value))
    except ValueError:
        return False
    if parsed.scheme in ("http", "https"):
        return bool(parsed.netloc)
    return parsed.scheme == "mailto" and bool(parsed.path)
