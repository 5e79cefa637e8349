"""Embedded frames: `st.iframe`, and `st.components.v1.html` / `st.components.v1.iframe`.

Each draws one anywidget (js/frame.js) holding an `<iframe>`: a URL, or an HTML document
given as text. The frame is sandboxed so that its scripts run but never with the notebook
server's origin, which would hand them the page's credentials (and so the kernel): HTML text
and paths on this server get an opaque origin; only a page of another origin keeps its own.
The text form is what the frame shows, as a line (`iframe: https://...`).
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path
from typing import Any, Literal

import anywidget
import traitlets

from .. import errors
from .._runtime.reconciler import Slot
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .._widgets.types import css_size

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_URL_PREFIXES = ("http://", "https://", "data:")
_V1_HEIGHT = 150  # components.v1's default height, in pixels
_URL_HEIGHT = 400  # what "content" falls back to for a page that cannot be measured


class FrameWidget(TextRepr, anywidget.AnyWidget):
    """An `<iframe>` in the page (js/frame.js); its repr is its text form."""

    _esm = esm("frame.js")
    src = traitlets.Unicode("").tag(sync=True)
    srcdoc = traitlets.Unicode("").tag(sync=True)
    width = traitlets.Unicode("100%").tag(sync=True)
    height = traitlets.Unicode("content").tag(sync=True)
    fallback_height = traitlets.Int(_URL_HEIGHT).tag(sync=True)
    scrolling = traitlets.Bool(False).tag(sync=True)
    tab_index = traitlets.Int(None, allow_none=True).tag(sync=True)
    title = traitlets.Unicode("st.iframe").tag(sync=True)

    def __init__(self) -> None:
        super().__init__()
        self.add_class("nbfrag-iframe")


def place_frame(
    *,
    src: str = "",
    srcdoc: str = "",
    width: str,
    height: str,
    fallback_height: int = _URL_HEIGHT,
    scrolling: bool = False,
    tab_index: int | None = None,
    title: str = "st.iframe",
) -> Slot:
    """Draw a frame at the cursor (reused across reruns: an unchanged frame sends nothing)."""
    frame = runtime.require_frame()
    shown = src if src and not src.startswith("data:") else ("HTML" if srcdoc else src.split(",", 1)[0])
    text = f"iframe: {shown}"
    props = (src, srcdoc, width, height, fallback_height, scrolling, tab_index, title)

    def update(widget: Any) -> None:
        widget.text = text
        (widget.src, widget.srcdoc, widget.width, widget.height, widget.fallback_height, widget.scrolling,
         widget.tab_index, widget.title) = props

    slot = frame.block.place("iframe", None, FrameWidget, update, text=lambda: text, props=props)
    slot.body = src or srcdoc
    frame.show(slot.widget)
    return slot


def _check_tab_index(tab_index: Any) -> int | None:
    if tab_index is None:
        return None
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise errors.StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise errors.StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])
    return tab_index


def _file_source(path: Path) -> tuple[str, str]:
    """(src, srcdoc) for a local file: an HTML file's text, any other file as a data: URL."""
    if not path.is_file():
        raise errors.StreamlitAPIException(
            f"st.iframe could not find the file {str(path)!r}: pass the path of an existing file "
            "(relative paths are read from the kernel's working directory)."
        )
    if path.suffix.lower() in _HTML_SUFFIXES:
        return "", path.read_text(encoding="utf-8")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}", ""


def iframe(
    src: str | Path,
    *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["stretch", "content"] = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> None:
    """Embed a web page, an HTML document or a local file in a frame.

    Parameters
    ----------
    src : str or pathlib.Path
        What to show: a URL starting with ``http://``, ``https://`` or ``data:``; a path on
        this server starting with ``/``; a `pathlib.Path` to a local file (an HTML file is
        shown as a document, any other file, such as a PDF or an image, by the browser's own
        viewer); any other string is an HTML document.
    width : "stretch", "content" or int, default "stretch"
        The frame's width: its container's, the content's natural width, or pixels.
    height : "content", "stretch" or int, default "content"
        The frame's height: the document's own height (measured for HTML documents and HTML
        files; 400 pixels for a URL, which cannot be measured), its container's, or pixels.
    tab_index : int, optional
        The frame's place in keyboard navigation: None for the browser's default, -1 to leave
        it out, 0 or more for its order.
    alt : str, optional
        A description for screen readers (the frame's title); blank means "st.iframe".

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * The frame is sandboxed without the notebook's origin: its scripts run, but it cannot
      reach the page around it (`window.parent.document`), as Streamlit's same-origin frames
      can; a page of another origin keeps its own origin.
    * A local non-HTML file is embedded as a ``data:`` URL rather than served from a media
      store, so keep such files small (a few megabytes).

    Examples
    --------
    >>> import nbfrag as st
    >>> st.iframe("<p>Hello from <b>a frame</b></p>", height=80)
    """
    css_width = css_size(width, "width", {"stretch": "100%", "content": ""}) or ""
    css_height = css_size(height, "height", {"stretch": "100%", "content": "content"}) or "content"
    tab = _check_tab_index(tab_index)
    title = alt.strip() if isinstance(alt, str) and alt.strip() else "st.iframe"
    if isinstance(src, Path):
        url, doc = _file_source(src)
    elif isinstance(src, str):
        url, doc = (src, "") if src.startswith(_URL_PREFIXES) or src.startswith("/") else ("", src)
    else:
        raise errors.StreamlitAPIException(
            f"st.iframe takes a str or a pathlib.Path as src, not {type(src).__name__}: pass a URL, "
            "an HTML string, or Path('file.html')."
        )
    place_frame(src=url, srcdoc=doc, width=css_width, height=css_height, tab_index=tab, title=title)


def _v1_size(width: Any, height: Any) -> tuple[str, str]:
    """components.v1's `width` (None: the container's) and `height` (None: 150 pixels)."""
    for name, value in (("width", width), ("height", height)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise errors.StreamlitAPIException(
                f"components.v1 takes {name} as a number of pixels or None; got {value!r}."
            )
    return ("100%" if width is None else f"{width}px"), f"{_V1_HEIGHT if height is None else height}px"


def components_html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """Show an HTML document, scripts included, in a frame (`st.components.v1.html`).

    Parameters
    ----------
    html : str
        The HTML document. Its scripts run inside the frame.
    width : int, optional
        The frame's width in pixels; None fills the container.
    height : int, optional
        The frame's height in pixels; None is 150.
    scrolling : bool, default False
        Whether the frame shows scroll bars.
    tab_index : int, optional
        The frame's place in keyboard navigation (None: the browser's default; -1: left out).

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * The frame is sandboxed without the notebook's origin: scripts run, but cannot reach the
      page around them (`window.parent.document`); use `st.components.v2.component` for code
      that works with the page.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.components.v1.html("<p id='t'></p><script>t.textContent = 1 + 1</script>", height=40)
    """
    if not isinstance(html, str):
        raise errors.StreamlitAPIException(
            f"components.v1.html takes the HTML as a str, not {type(html).__name__}."
        )
    css_width, css_height = _v1_size(width, height)
    place_frame(srcdoc=html, width=css_width, height=css_height, scrolling=bool(scrolling),
                tab_index=_check_tab_index(tab_index), title="components.html")


def components_iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """Show a web page in a frame (`st.components.v1.iframe`).

    Parameters
    ----------
    src : str
        The page's URL: ``http://``, ``https://``, ``data:``, or a path on this server.
    width : int, optional
        The frame's width in pixels; None fills the container.
    height : int, optional
        The frame's height in pixels; None is 150.
    scrolling : bool, default False
        Whether the frame shows scroll bars.
    tab_index : int, optional
        The frame's place in keyboard navigation (None: the browser's default; -1: left out).

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * A page of this notebook server is sandboxed without the server's origin (its scripts
      cannot use the page's credentials); a URL with another scheme (``javascript:``,
      ``file:``) is refused with an error.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.components.v1.iframe("https://example.com", height=300)
    """
    if not isinstance(src, str) or not (src.startswith(_URL_PREFIXES) or src.startswith("/")):
        raise errors.StreamlitAPIException(
            f"components.v1.iframe shows a URL starting with http://, https://, data: or /, not "
            f"{src!r}; to show HTML text use st.components.v1.html."
        )
    css_width, css_height = _v1_size(width, height)
    place_frame(src=src, width=css_width, height=css_height, scrolling=bool(scrolling),
                tab_index=_check_tab_index(tab_index), title="components.iframe")
