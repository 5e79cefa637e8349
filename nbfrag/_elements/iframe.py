"""`st.iframe`: a web page, a file or a piece of HTML in an inline frame.

An external http(s) page is framed as it is (it is another site: the browser keeps it apart).
Everything else runs in a sandboxed frame (`allow-scripts` without `allow-same-origin`): HTML
given as a string or read from a file, `data:` URLs, and paths on the notebook server itself,
whose pages would otherwise share the origin of JupyterLab or Voila (and with it the access to
the kernel). Scripts run inside the frame but cannot reach the page around it.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path
from typing import Any, Literal

from .. import errors
from .._runtime.markdown import escape
from .._widgets.types import check_height, check_width
from .base import place_html

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SANDBOX = "allow-scripts allow-popups allow-forms allow-modals allow-downloads"
_CONTENT_HEIGHT = 400  # what Streamlit falls back to when it cannot measure the content


def _source(src: Any) -> tuple[str, str, bool]:
    """(attribute, value, sandboxed): how the frame gets its content (see the module)."""
    if isinstance(src, Path):
        try:
            if src.suffix.lower() in _HTML_SUFFIXES:
                return "srcdoc", src.read_text(encoding="utf-8"), True
            data = src.read_bytes()
        except (OSError, UnicodeDecodeError) as error:
            raise errors.StreamlitAPIException(f"Unable to read file '{src}': {error}") from error
        mime = mimetypes.guess_type(str(src))[0] or "application/octet-stream"
        return "src", f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", True
    text = str(src)
    if re.match(r"(?i)https?://", text):
        return "src", text, False
    if re.match(r"(?i)data:", text):
        return "src", text, True
    if text.startswith("/") and "<" not in text and "\n" not in text:
        return "src", text, True
    return "srcdoc", text, True


def iframe(
    src: str | Path,
    *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["stretch", "content"] = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> None:
    """Embed a web page, a local file or HTML in an inline frame.

    Parameters
    ----------
    src : str or pathlib.Path
        An http(s) URL (framed as it is); a `data:` URL; a path on the notebook's server
        starting with "/"; a `pathlib.Path` to a local file (HTML files are embedded, others
        such as PDFs and images are shown by the browser's own viewer); any other string is
        HTML to show in the frame. A string is never read as a file name.
    width : "stretch", "content" or int, default "stretch"
        The frame's width: its container's, or a number of pixels ("content" is the
        container's too). Other values raise `StreamlitInvalidWidthError`.
    height : "content", "stretch" or int, default "content"
        The frame's height in pixels; "content" and "stretch" are 400 pixels. Other values raise
        `StreamlitInvalidHeightError`.
    tab_index : int, optional
        The frame's place in the keyboard's tab order: -1 takes it out, 0 or more puts it in.
        Anything else raises `StreamlitValueError` (`StreamlitInvalidParameterTypeError` for a
        non-integer).
    alt : str, optional
        The frame's accessible name (its `title`); "st.iframe" when None or blank.

    Returns
    -------
    None
        Nothing (Streamlit returns the element).

    Differences from Streamlit
    --------------------------
    * HTML, files, `data:` URLs and server paths run in a sandboxed frame: their scripts run
      but cannot reach the app's page (Streamlit gives them the app's origin).
    * `height="content"` is 400 pixels for HTML too (Streamlit measures it), and
      `width="content"` is the container's width.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.iframe("https://docs.streamlit.io", height=600, alt="Streamlit documentation")
    >>> st.iframe("<p>This is <strong>embedded HTML</strong>.</p>", height=80)
    """
    check_width(width, allow_content=True)
    check_height(height, allow_content=True)
    if tab_index is not None:
        if isinstance(tab_index, bool) or not isinstance(tab_index, int):
            raise errors.StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
        if tab_index < -1:
            raise errors.StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])
    attribute, value, sandboxed = _source(src)
    title = alt.strip() if isinstance(alt, str) and alt.strip() else "st.iframe"
    css_width = f"{width}px" if isinstance(width, int) else "100%"
    css_height = height if isinstance(height, int) else _CONTENT_HEIGHT
    parts = [
        f"{attribute}='{escape(value)}'",
        f"title='{escape(title)}'",
        f"style='width:{css_width};max-width:100%;height:{css_height}px;border:none;display:block'",
    ]
    if sandboxed:
        parts.append(f"sandbox='{_SANDBOX}'")
    if tab_index is not None:
        parts.append(f"tabindex='{tab_index}'")
    shown = value if attribute == "src" and not value.startswith("data:") else f"<{len(value)} characters of HTML>"
    if attribute == "src" and value.startswith("data:"):
        shown = value.split(",", 1)[0] + ",..."
    place_html("iframe", f"<iframe {' '.join(parts)}></iframe>", f"iframe: {shown}", src)
