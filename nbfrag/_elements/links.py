"""Links: `st.link_button` and `st.page_link`, and the URL check both share.

Streamlit sends any URL to the browser and relies on its frontend to neutralise
`javascript:` links. nbfrag's HTML goes into widgets whose markup the browser trusts, so the
check happens here, in the kernel: a link opens only an http(s), mailto or tel URL, or a
path relative to the page; anything else (`javascript:`, `vbscript:`, `data:`, `file:`...)
raises an error shown where the link would have been.

A link button with `on_click="ignore"` (the default) is plain HTML; with `"rerun"` or a
callback it is a small anywidget (js/link.js) that opens the link and reports the click.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import anywidget
import traitlets

from .. import errors
from .._runtime.directives import check_icon, icon_html
from .._runtime.markdown import escape, inline_markdown_html
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .._widgets.base import WidgetOwner, bind_key, guard_messages, make_callback, widget_frame
from .._widgets.buttons import ReadOnlyTrigger, check_icon_position, normalize_shortcut, refuse_preset
from .._widgets.types import ButtonType, Callback, IconPosition, Key, WidgetArgs, WidgetKwargs, Width, check_width
from .base import place_html

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Browsers drop these anywhere in a URL's scheme ("java\tscript:"), so they are dropped before
# the scheme is read.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


class LinkLabel(str):
    """A link's label as the app reads it (`at.link_button[0].value`), carrying its `url`."""

    url: str = ""

    def __new__(cls, label: str, url: str) -> LinkLabel:
        made = super().__new__(cls, label)
        made.url = url
        return made


def check_url(url: object, command: str) -> str:
    """`url` if a link may open it (see the module), else `StreamlitAPIException`."""
    if isinstance(url, Path):
        url = str(url)
    if not isinstance(url, str):
        raise errors.StreamlitInvalidParameterTypeError("url", type(url).__name__, ["str"])
    scheme = _SCHEME.match(_IGNORED.sub("", url).lower())
    if scheme is not None and scheme.group(1) not in SAFE_SCHEMES:
        raise errors.StreamlitAPIException(
            f"{command} does not open {url!r}: a `{scheme.group(1)}:` link could run code or load "
            "content the page does not trust, so nbfrag refuses it. Use an http:// or https:// URL "
            "(or mailto:, tel:, or a path relative to the page)."
        )
    return url


_LOOKS: dict[str, str] = {
    "primary": "background:var(--jp-brand-color1,#ff4b4b);color:#fff;border:1px solid transparent",
    "secondary": "background:transparent;color:inherit;border:1px solid var(--jp-border-color1,rgba(49,51,63,0.2))",
    "tertiary": "background:transparent;color:inherit;border:1px solid transparent",
}


def link_html(
    kind: str, label: str, url: str, *, look: str, icon: str, icon_position: str, help: str | None,
    disabled: bool, width: Any,
) -> str:
    """An `<a>` that opens `url` (already checked) in a new tab, drawn as a button (`look`)."""
    icon_part = f"<span class='nbfrag-link-icon' aria-hidden='true'>{icon_html(icon)}</span>" if icon else ""
    text = f"<span>{inline_markdown_html(label)}</span>"
    inner = f"{text} {icon_part}" if icon_position == "right" else f"{icon_part} {text}"
    size = "display:flex;width:100%" if width == "stretch" else (
        f"display:inline-flex;width:{width}px;max-width:100%" if isinstance(width, int) else "display:inline-flex"
    )
    style = (
        f"{_LOOKS[look]};{size};align-items:center;justify-content:center;gap:0.4em;box-sizing:border-box;"
        "padding:0.25em 0.75em;border-radius:0.5em;text-decoration:none;min-height:2.2em"
        + (";opacity:0.5;pointer-events:none;cursor:default" if disabled else "")
    )
    title = f" title='{escape(help)}'" if help else ""
    target = " aria-disabled='true'" if disabled else f" href='{escape(url)}' target='_blank' rel='noopener noreferrer'"
    return f"<a class='nbfrag-{kind}-anchor'{target}{title} style='{style}'>{inner.strip()}</a>"


def _shown(label: str, icon: str, icon_position: str) -> str:
    if not icon:
        return label
    return f"{label} {icon}" if icon_position == "right" else f"{icon} {label}"


class LinkButtonWidget(TextRepr, anywidget.AnyWidget):
    """A link button that reruns (js/link.js): `click()` is what the browser's click sends."""

    _esm = esm("link.js")
    html = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("nbfrag-link_button")
        self.text = ""
        self.owner: WidgetOwner | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "click":
            self.click()

    def click(self) -> None:
        """A visitor clicked: rerun the button's scope (after its callback), unless disabled."""
        if self.owner is not None and not self.owner.disabled:
            runtime.dispatch(self.owner.request(trigger=True))


def link_button(
    label: str,
    url: str,
    *,
    key: Key = None,
    on_click: Callback = "ignore",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    help: str | None = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: IconPosition = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> Any:
    """Display a button that opens a URL in a new browser tab.

    The URL is checked in the kernel: only http(s), mailto and tel links, or paths relative to
    the page, are opened; `javascript:`, `vbscript:`, `data:` and other schemes raise
    `StreamlitAPIException`, shown where the button would be.

    Parameters
    ----------
    label : str
        The button's text, as inline Markdown (bold, italics, code; raw HTML is shown as text).
    url : str
        The address to open in a new tab.
    key : str or int, optional
        The button's unique name. With `on_click` "rerun" or a callback, `st.session_state[key]`
        is True in the run its click caused (read-only, as for `st.button`).
    on_click : "ignore", "rerun" or callable, default "ignore"
        "ignore": only open the link (nothing reruns). "rerun": open it and rerun the button's
        scope (its fragment, else the app). A callable: open it, call
        `on_click(*args, **kwargs)`, then rerun.
    args : tuple, optional
        Positional arguments passed to a callable `on_click`.
    kwargs : dict, optional
        Keyword arguments passed to a callable `on_click`.
    help : str, optional
        A tooltip (plain text) shown when the pointer rests on the button.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The emphasis: filled, outlined, or plain text. Other values raise `StreamlitValueError`.
    icon : str, optional
        An emoji or a `":material/name:"` icon shown beside the label.
    icon_position : {"left", "right"}, default "left"
        Which side of the label the icon is on. Other values raise `StreamlitValueError`.
    disabled : bool, default False
        Grey the button out so that it opens nothing.
    use_container_width : bool, optional
        True is `width="stretch"`, False `width="content"` (the older spelling).
    width : "content", "stretch" or int, default "content"
        The button's width: its label's, its container's, or a number of pixels.
    shortcut : str, optional
        Checked as for `st.button` (a bad shortcut raises Streamlit's errors), then ignored: the
        notebook owns the keyboard.
    wrap : bool, optional
        Accepted for compatibility and ignored: the label wraps as the browser lays it out.

    Returns
    -------
    None or bool
        With `on_click="ignore"`: None. Otherwise True in the run its click caused, else False.

    Differences from Streamlit
    --------------------------
    * Unsafe URLs (`javascript:`, `vbscript:`, `data:`...) raise in the kernel, where Streamlit
      accepts them and its browser code disables the link.
    * `help` is a plain tooltip; `shortcut` binds no key; `wrap` is ignored; a `:material/...:`
      icon shows its name unless the page loads the Material Symbols font.
    * With `on_click="ignore"` it returns None, not the element.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.link_button("Go to gallery", "https://streamlit.io/gallery")
    """
    if type not in ("primary", "secondary", "tertiary"):
        raise errors.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
    check_icon_position(icon_position)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    check_width(width, allow_content=True)
    if shortcut is not None:
        normalize_shortcut(shortcut)
    if not (on_click in ("ignore", "rerun") or callable(on_click)):
        raise errors.StreamlitValueError("on_click", ["'rerun'", "'ignore'", "a callable"])
    label = "" if label is None else str(label)
    url = check_url(url, "st.link_button")
    shown_icon = check_icon(icon)
    html = link_html(
        "link_button", label, url, look=type, icon=shown_icon, icon_position=icon_position,
        help=help, disabled=bool(disabled), width=width,
    )
    text = f"[{_shown(label, shown_icon, icon_position)}]({url})"
    if on_click == "ignore":
        place_html("link_button", html, text, LinkLabel(label, url))
        return None
    return _rerun_link_button(label, url, key, on_click, args, kwargs, help, type, shown_icon, disabled, html, text)


def _rerun_link_button(
    label: str, url: str, key: Key, on_click: Callback, args: WidgetArgs, kwargs: WidgetKwargs,
    help: str | None, type: str, icon: str, disabled: bool, html: str, text: str,
) -> bool:
    key = None if key is None else str(key)
    callback = on_click if callable(on_click) else None  # refused in a form, as in Streamlit
    frame, wid = widget_frame("link_button", key, label, url, help, type, icon, on_change=callback)
    refuse_preset(key)

    def update(widget: Any) -> None:
        with runtime.kernel_writes():
            widget.html = html
            widget.disabled = bool(disabled)
            widget.text = text

    props = (html, text, disabled)
    slot = frame.block.place("link_button", wid, LinkButtonWidget, update, text=lambda: text, props=props)
    if slot.owner is None:
        owner = slot.owner = WidgetOwner(wid, "link_button", label, key)
        owner.read = lambda: bool(runtime.session.triggers.get(wid, False))
        slot.widget.owner = owner
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
    owner = slot.owner
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.disabled = bool(disabled)
    owner.callback = make_callback(None if on_click == "rerun" else on_click, args, kwargs)
    if key is not None:
        bind_key(slot, key, ReadOnlyTrigger(wid, key))
    frame.show(slot.widget)
    return bool(runtime.session.triggers.get(wid, False))


def page_link(
    page: Any,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: IconPosition = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    query_params: Any = None,
) -> None:
    """Display a link to another web page.

    A notebook is one page, so only the external form of Streamlit's `st.page_link` exists: an
    http(s) URL opens in a new tab. A page file or an `st.Page` (the multipage form) raises
    `StreamlitAPIException`, shown where the link would be.

    Parameters
    ----------
    page : str
        The URL to open, starting with "http://" or "https://". A path to a page file (or a
        `pathlib.Path`, or an `st.Page`) raises: multipage apps are not supported.
    label : str
        The link's text, as inline Markdown. Required (an external page has no name to show).
    icon : str, optional
        An emoji or a `":material/name:"` icon shown beside the label.
    icon_position : {"left", "right"}, default "left"
        Which side of the label the icon is on. Other values raise `StreamlitValueError`.
    help : str, optional
        A tooltip (plain text) shown when the pointer rests on the link.
    disabled : bool, default False
        Grey the link out so that it opens nothing.
    use_container_width : bool, optional
        True is `width="stretch"`, False `width="content"` (the older spelling).
    width : "content", "stretch" or int, default "content"
        The link's width: its label's, its container's, or a number of pixels.
    query_params : dict or list of tuples, optional
        Query parameters added to the URL (`{"q": "ferns"}` -> `?q=ferns`); a value that is a list
        repeats its key.

    Returns
    -------
    None
        Nothing (Streamlit returns the element).

    Differences from Streamlit
    --------------------------
    * Multipage apps are not supported: a page file or `st.Page` raises `StreamlitAPIException`.
    * `help` is a plain tooltip; a `:material/...:` icon shows its name unless the page loads
      the Material Symbols font.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.page_link("https://docs.streamlit.io", label="Streamlit docs", icon="🌎")
    """
    check_icon_position(icon_position)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    check_width(width, allow_content=True)
    target = str(page) if isinstance(page, (str, Path)) else None
    if target is None or not re.match(r"(?i)https?://", target.strip()):
        shown = target if target is not None else type(page).__name__
        raise errors.StreamlitAPIException(
            f"st.page_link cannot link to the page {shown!r}: multipage apps are not supported in a "
            "notebook, which is one page. Link an external page with an http:// or https:// URL and a "
            "label, or split the app into sections with st.tabs."
        )
    if label is None or label == "":
        raise errors.StreamlitMissingRequiredParameterError(
            "label", detail="Streamlit cannot infer a label for an external URL."
        )
    url = check_url(target.strip(), "st.page_link") + _query_string(query_params)
    shown_icon = check_icon(icon)
    label = str(label)
    html = link_html(
        "page_link", label, url, look="tertiary", icon=shown_icon, icon_position=icon_position,
        help=help, disabled=bool(disabled), width=width,
    )
    text = f"[{_shown(label, shown_icon, icon_position)}]({url})"
    place_html("page_link", html, text, LinkLabel(label, url))


def _query_string(query_params: Any) -> str:
    """`?a=1&b=2` from a dict or key-value pairs (a list value repeats its key); "" for none."""
    if not query_params:
        return ""
    pairs = query_params.items() if isinstance(query_params, dict) else query_params
    flat: list[tuple[str, str]] = []
    for name, value in pairs:
        values = value if isinstance(value, (list, tuple)) else [value]
        flat.extend((str(name), str(v)) for v in values)
    return "?" + urlencode(flat)
