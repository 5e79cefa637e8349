"""`st.html`: the app's own HTML, sanitised as Streamlit sanitises it.

Without `unsafe_allow_javascript` the markup goes through nh3 (`sanitize.sanitize_html`):
scripts, event handlers and `javascript:` URLs are removed; `<style>` blocks are kept when
they load nothing (`sanitize.page_stylesheet`). A body of only `<style>` blocks styles the page
and takes no room (a hidden element, not part of the page's text). With
`unsafe_allow_javascript=True` the markup is shown as given and its scripts run (js/html.js).
"""

from __future__ import annotations

import html as _html
import re
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from .. import errors
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .._widgets.types import Width, check_width
from .base import clean_text, place_html, text_style
from .sanitize import page_stylesheet, sanitize_html

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
_SCRIPT = re.compile(r"<script[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class ScriptedHtml(TextRepr, anywidget.AnyWidget):
    """HTML whose scripts run (js/html.js)."""

    _esm = esm("html.js")
    html = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("nbfrag-html")
        self.text = ""


def html(body: Any, *, width: Width = "stretch", unsafe_allow_javascript: bool = False) -> None:
    """Insert HTML into the app.

    The markup is sanitised in the kernel: scripts, event handlers (`onclick=`...) and
    `javascript:` links are removed, and `<style>` blocks are kept unless they load something
    (`@import`, `url(...)`). A body of only `<style>` blocks styles the page and takes no room.

    Parameters
    ----------
    body : str, pathlib.Path or object
        The HTML: a string; a `pathlib.Path` to a file, whose text is read (a `.css` file is
        wrapped in `<style>`); or any object, whose `_repr_html_()` (or `__html__()`) is used
        when it has one, else `str(body)`. A string is always HTML, never a file name. Empty
        HTML raises `StreamlitMissingRequiredParameterError`.
    width : "stretch", "content" or int, default "stretch"
        The element's width: its container's, its content's, or a number of pixels. Other
        values raise `StreamlitInvalidWidthError`.
    unsafe_allow_javascript : bool, default False
        Run the scripts in `body` and keep it unsanitised. Never turn it on for HTML a visitor
        can influence.

    Returns
    -------
    None
        Nothing (Streamlit returns the element).

    Differences from Streamlit
    --------------------------
    * Sanitised with nh3 rather than DOMPurify: `<style>` blocks that load resources
      (`@import`, `url(...)`) are dropped, as are `<iframe>`, `<form>` and inputs.
    * An object's `__html__()` is used too (after `_repr_html_()`).

    Examples
    --------
    >>> import nbfrag as st
    >>> st.html("<p><span style='text-decoration: line-through double red;'>Oops</span>!</p>")
    """
    check_width(width, allow_content=True)
    markup = _content(body)
    if markup == "":
        raise errors.StreamlitMissingRequiredParameterError("body")
    text = _text(markup)
    style = text_style(width)
    box = f" style='{style}'" if style else ""
    if unsafe_allow_javascript:
        _place_scripted(f"<div class='nbfrag-html-body'{box}>{markup}</div>", text, markup)
        return
    sheets = "".join(page_stylesheet(css) for css in _STYLE.findall(markup))
    if not text and not _TAG.search(_STYLE.sub("", _COMMENT.sub("", markup))):
        slot = place_html("html", f"<div style='display:none'>{sheets}</div>", "", markup)
        slot.hidden = True  # styles the page, shows nothing (Streamlit's event container)
        return
    shown = sheets + sanitize_html(_STYLE.sub("", markup))
    place_html("html", f"<div class='nbfrag-html-body'{box}>{shown}</div>", text, markup)


def _text(markup: str) -> str:
    """What the HTML shows as text: its markup, styles, scripts and comments left out."""
    return _html.unescape(_TAG.sub("", _SCRIPT.sub("", _STYLE.sub("", _COMMENT.sub("", markup))))).strip()


def _content(body: Any) -> str:
    """The HTML `body` stands for (see `html`)."""
    repr_html = getattr(body, "_repr_html_", None)
    if callable(repr_html):
        return str(repr_html() or "")
    dunder_html = getattr(body, "__html__", None)
    if callable(dunder_html) and not isinstance(body, str):
        return str(dunder_html() or "")
    if isinstance(body, Path):
        content = body.read_text(encoding="utf-8")
        return f"<style>{content}</style>" if body.suffix.lower() == ".css" else content
    return clean_text(body)


def _place_scripted(markup: str, text: str, body: str) -> None:
    frame = runtime.require_frame()

    def update(widget: Any) -> None:
        widget.html = markup
        widget.text = text

    slot = frame.block.place("html", None, ScriptedHtml, update, text=lambda: text, props=(markup, text))
    slot.body = body
    frame.show(slot.widget)
