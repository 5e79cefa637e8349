"""`st.pdf`: a PDF shown by the browser's own PDF viewer (an anywidget, js/pdf.js).

Chrome does not show a PDF inside a sandboxed frame, and a PDF served from the notebook's
origin would share the page's credentials, so the document never gets a URL of that origin:
its bytes travel once to the browser as a binary buffer of the widget (not base64 text),
which shows them from a `blob:` URL of type `application/pdf` (rendered by the PDF viewer,
never as HTML). An http(s) URL is framed as it is; the browser refuses one of the notebook
server's own origin (a page there could reach the kernel). An unchanged PDF sends nothing on a
rerun. The text form names the document and its size: `pdf: report.pdf (12 KB)`.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any, Literal

import anywidget
import traitlets

from .. import errors
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._runtime.views import TextRepr
from .._widgets.types import Key, css_size
from .images import alt_text

PdfData = str | Path | bytes | io.BytesIO
_PDF_MAGIC = b"%PDF-"
_HEADER_WINDOW = 1024  # readers accept the header anywhere in the first kilobyte


class PdfWidget(TextRepr, anywidget.AnyWidget):
    """A PDF viewer in the page (js/pdf.js); its repr is its text form. `data` is synced as a
    binary buffer; `url` is an http(s) URL shown instead."""

    _esm = esm("pdf.js")
    data = traitlets.Bytes(b"").tag(sync=True)
    url = traitlets.Unicode("").tag(sync=True)
    name = traitlets.Unicode("document.pdf").tag(sync=True)
    height = traitlets.Unicode("500px").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)

    def __init__(self) -> None:
        super().__init__()
        self.add_class("nbfrag-pdf")


def file_size(count: int) -> str:
    """A byte count as people read it: "900 bytes", "12 KB", "3.4 MB"."""
    if count < 1024:
        return f"{count} byte{'s' if count != 1 else ''}"
    if count < 1024 * 1024:
        return f"{round(count / 1024)} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def _is_url(text: str) -> bool:
    head, sep, rest = text.partition("://")
    return bool(sep) and head.lower() in ("http", "https") and bool(rest.split("/", 1)[0])


def _read(data: Any) -> tuple[bytes | str, str]:
    """(the PDF's bytes or its http(s) URL, its file name or "") for what `st.pdf` was given."""
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if _is_url(text):
            return text, text
        try:
            with open(text, "rb") as file:
                return file.read(), Path(text).name
        except OSError as error:
            raise errors.StreamlitAPIException(f"Unable to read file '{text}': {error}") from None
    if isinstance(data, bytes):
        return data, ""
    if hasattr(data, "read"):
        raw = data.getvalue() if hasattr(data, "getvalue") else data.read()
        if isinstance(raw, str):
            raise errors.StreamlitAPIException(
                "st.pdf got a file opened in text mode: open the PDF with open(path, 'rb')."
            )
        name = getattr(data, "name", None)
        return bytes(raw), Path(name).name if isinstance(name, str) and name else ""
    raise errors.StreamlitInvalidParameterTypeError(
        "data", type(data).__name__, ["str", "Path", "bytes", "file-like object"],
        detail="A str can be a file path or a URL.",
    )


def pdf(
    data: PdfData,
    *,
    height: int | Literal["stretch"] = 500,
    key: Key | None = None,
    alt: str | None = None,
) -> None:
    """Display a PDF document in the browser's own PDF viewer.

    Parameters
    ----------
    data : str, pathlib.Path, bytes or file-like
        The PDF: an http(s) URL of another site, a path to a local file (relative to the
        kernel's working directory), its bytes, or a binary file-like object (a
        `io.BytesIO`, an uploaded file, a file opened with ``open(path, "rb")``).
    height : int or "stretch", default 500
        The viewer's height in pixels, or its container's height ("stretch", at least 500
        pixels in a container without a fixed height).
    key : str, optional
        A stable identity for the viewer across reruns.
    alt : str, optional
        A short accessible name for the viewer; blank is none.

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * The browser's own PDF viewer shows the document (no ``streamlit-pdf`` component needed);
      a browser without one shows a link to download it.
    * Bytes that are not a PDF (no ``%PDF-`` header) are an error in the viewer's place.
    * A URL of the notebook server itself, or with another scheme, is refused (the frame
      would share the notebook's credentials); pass the file's path instead.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.pdf(b"%PDF-1.4\\n%%EOF\\n", height=300, alt="An empty PDF")
    """
    if data is None:
        raise errors.StreamlitMissingRequiredParameterError(
            "data", detail="Please provide a valid PDF file path, URL, bytes data, or file-like object."
        )
    css_height = css_size(height, "height", {"stretch": "stretch"}) or "500px"
    content, name = _read(data)
    if isinstance(content, bytes) and _PDF_MAGIC not in content[:_HEADER_WINDOW]:
        raise errors.StreamlitAPIException(
            f"st.pdf got {file_size(len(content))} that are not a PDF (a PDF starts with '%PDF-'): "
            "pass a PDF file's path, bytes or URL."
        )
    if isinstance(content, bytes):
        size = file_size(len(content))
        text = f"pdf: {name} ({size})" if name else f"pdf: {size}"
        digest = hashlib.sha256(content).hexdigest()
    else:
        text, digest = f"pdf: {content}", ""
    title = alt_text(alt) or ""
    download = name if name.lower().endswith(".pdf") else "document.pdf"
    props = (digest, "" if isinstance(content, bytes) else content, download, css_height, title, text)

    def update(widget: Any) -> None:
        widget.text = text
        if isinstance(content, bytes):
            widget.url = ""
            if widget.data != content:
                widget.data = content
        else:
            widget.data = b""
            widget.url = content
        widget.name, widget.height, widget.title = download, css_height, title

    frame = runtime.require_frame()
    identity = None if key is None else ("key", str(key))
    if key is not None:  # a key is unique on the page, whatever holds it
        frame.run.claim(("pdf", str(key)), "pdf", str(key))
    slot = frame.block.place("pdf", identity, PdfWidget, update, text=lambda: text, props=props)
    slot.body = (name or text.removeprefix("pdf: ")) if isinstance(content, bytes) else content
    frame.show(slot.widget)
