"""`st.download_button`: a button whose click saves a file in the visitor's browser.

The button is an anywidget (js/download.js). Its data stays in the kernel, as the app passed
it (bytes are not copied); only a click sends it, as one binary message the browser turns
into a Blob URL and clicks as a download link. That works in Voila (which blocks `FileLink`
and JavaScript outputs) as in JupyterLab, and a page never carries the file in its widget
state (so large files do not slow other widgets, and are not saved into the notebook).
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import anywidget
import traitlets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .base import WidgetOwner, bind_key, guard_messages, make_callback, widget_frame
from .buttons import BUTTON_STYLES, ReadOnlyTrigger, check_icon_position, normalize_shortcut, refuse_preset, with_icon
from .types import ButtonType, Callback, IconPosition, Key, WidgetArgs, WidgetKwargs, Width, css_size

DownloadData = str | bytes | io.IOBase | Callable[[], Any]
_PREFERRED_EXTENSIONS = {"audio/wav": ".wav", "text/vtt": ".vtt"}


class DownloadButtonWidget(anywidget.AnyWidget):
    """The download button (js/download.js); a click asks the kernel for the file."""

    _esm = esm("download.js")
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    button_style = traitlets.Unicode("").tag(sync=True)
    file_name = traitlets.Unicode("").tag(sync=True)
    fill = traitlets.Bool(False).tag(sync=True)  # as wide as the widget's box (a set width)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_download: Callable[[], None] | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "download" and self.on_download is not None:
            self.on_download()

    def click(self) -> None:
        """Click as a visitor does (`nbfrag.testing`): the file is sent, then the app reruns."""
        self._on_message(self, {"event": "download"}, [])

    def __repr__(self) -> str:
        return f"download_button {self.description!r}"


@dataclass(eq=False)
class DownloadOwner(WidgetOwner):
    """A drawn download button: what it downloads, and what its click reruns."""

    widget: DownloadButtonWidget | None = None
    source: Any = field(default=b"", repr=False)  # the app's bytes, str or callable (files are read)
    file_name: str = ""
    mime: str = "application/octet-stream"
    ignore: bool = False  # on_click="ignore": download only, no rerun

    @property
    def data(self) -> bytes:
        """The file's bytes, as a click sends them (a callable is called)."""
        source = self.source() if callable(self.source) else self.source
        return _as_bytes(source)[0]

    def download(self) -> None:
        """A click: send the file to the browser, then rerun the button's scope (unless
        `on_click="ignore"`). A disabled button's click is a forgery and does nothing."""
        if self.disabled or self.widget is None:
            return
        try:
            payload = self.data
        except Exception as error:  # noqa: BLE001 (the app's callable failed: say so on the button)
            self.widget.send({"event": "download-error", "message": f"{type(error).__name__}: {error}"})
            return
        self.widget.send({"event": "download-data", "file_name": self.file_name, "mime": self.mime}, buffers=[payload])
        if not self.ignore:
            runtime.dispatch(self.request(trigger=True))


def _as_bytes(data: Any) -> tuple[bytes, str]:
    """Data as bytes with the MIME type it suggests, as Streamlit converts it (str and text
    files are UTF-8 text/plain; bytes and binary files application/octet-stream)."""
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, io.StringIO):
        return data.getvalue().encode(), "text/plain"
    if isinstance(data, io.TextIOBase):
        return data.read().encode(), "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data) if not isinstance(data, bytes) else data, "application/octet-stream"
    if isinstance(data, io.BytesIO):
        return data.getvalue(), "application/octet-stream"
    if isinstance(data, io.IOBase):
        data.seek(0)
        return data.read() or b"", "application/octet-stream"
    raise errors.StreamlitAPIException(f"Invalid binary data format: {type(data)}")


def _file_info(data: Any, file_name: str | None, mime: str | None) -> tuple[str | None, str | None]:
    """A missing `file_name`/`mime` from a file object's `name`, as Streamlit infers them."""
    try:
        name = getattr(data, "name", None)
    except (AttributeError, ValueError, OSError):
        return file_name, mime
    if not isinstance(name, str) or not name:
        return file_name, mime
    if file_name is None:
        file_name = os.path.basename(name)
    if mime is None:
        mime = mimetypes.guess_type(file_name)[0]
    return file_name, mime


def _default_name(mime: str) -> str:
    extension = _PREFERRED_EXTENSIONS.get(mime) or mimetypes.guess_extension(mime, strict=False) or ""
    return f"streamlit_download{extension}"


def download_button(
    label: str,
    data: DownloadData,
    file_name: str | None = None,
    mime: str | None = None,
    key: Key = None,
    help: str | None = None,
    on_click: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: IconPosition = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Width = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button that downloads a file, and return whether it was just clicked.

    A click saves the file in the visitor's browser, then (with `on_click="rerun"`, the
    default, or a callback) reruns the button's scope, its fragment or else the app; the button
    returns True in that run. The file's bytes stay in the kernel until the click: the page
    holds none of them.

    Parameters
    ----------
    label : str
        The text on the button, as plain text.
    data : str, bytes, file object or callable
        The file: text (saved as UTF-8), bytes, a file object (read now: a file opened in a
        `with` block can be passed), or a function without arguments returning one of these,
        called on each click (for data that is slow to make).
    file_name : str, optional
        The saved file's name; default: the file object's name, else "streamlit_download" with
        the extension of `mime`.
    mime : str, optional
        The file's MIME type; default: guessed from the file object's name, else "text/plain"
        for text and "application/octet-stream" for bytes.
    key : str or int, optional
        The button's identity. `st.session_state[key]` is True in the run its click caused;
        assigning it raises `StreamlitValueAssignmentNotAllowedError`.
    help : str, optional
        A tooltip shown when the pointer rests on the button.
    on_click : callable, "rerun", "ignore" or None, default "rerun"
        "rerun" (or None) downloads and reruns; "ignore" only downloads (no rerun, the button
        stays False); a callable is called as `on_click(*args, **kwargs)` before the rerun.
    args : list or tuple, optional
        Positional arguments for `on_click`.
    kwargs : dict, optional
        Keyword arguments for `on_click`.
    type : {"primary", "secondary", "tertiary"}, default "secondary"
        The emphasis, as for `st.button`.
    icon : str, optional
        Text shown beside the label, typically an emoji.
    icon_position : {"left", "right"}, default "left"
        Which side of the label the icon is on.
    disabled : bool, default False
        Show the button greyed out, so that it cannot be clicked.
    use_container_width : bool, optional
        True stretches the button across its container (the older spelling of
        `width="stretch"`).
    width : "content", "stretch" or int, default "content"
        The button's width: its label's, the container's, or pixels.
    shortcut : str, optional
        Checked as for `st.button`, then ignored: the notebook owns the keyboard.
    wrap : bool, optional
        Accepted and ignored: the label stays on one line.

    Returns
    -------
    bool
        True in the run its click caused (not with `on_click="ignore"`), else False.

    Raises
    ------
    StreamlitAPIException
        For data of another type (Streamlit's "Invalid binary data format").
    StreamlitInvalidLayoutContextError
        Inside an `st.form`.

    Differences from Streamlit
    --------------------------
    * A callable `data` runs in the kernel on each click, before the rerun (not on a separate
      thread); Streamlit commands inside it draw nothing.
    * `icon` is shown as text (an emoji works, a `":material/...:"` name does not), `shortcut`
      binds no key and `wrap` is ignored, as for `st.button`.

    Examples
    --------
    >>> import nbfrag as st
    >>> csv = "name,water\\nfern,250\\n"
    >>> if st.download_button("Download CSV", csv, file_name="plants.csv", mime="text/csv"):
    ...     st.write("Saved!")
    """
    if type not in BUTTON_STYLES:
        raise errors.StreamlitAPIException(
            f'The type argument to st.download_button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".'
        )
    check_icon_position(icon_position)
    if shortcut is not None:
        normalize_shortcut(shortcut)
    if form_of(runtime.require_frame().block) is not None:
        raise errors.StreamlitInvalidLayoutContextError(
            "`st.download_button()` can't be used in an `st.form()`." + errors.FORMS_INFO
        )
    css_width = "100%" if use_container_width else css_size(width, "width", {"content": None, "stretch": "100%"})
    if callable(data):
        source: Any = data
        inferred = "application/octet-stream"
    else:
        file_name, mime = _file_info(data, file_name, mime)
        source, inferred = _as_bytes(data)
        if isinstance(data, str):
            source = data  # encoded on click: the app's string is not kept twice
    mime = mime or inferred
    name = file_name or _default_name(mime)
    key = None if key is None else str(key)
    frame, wid = widget_frame("download_button", key, str(label), help, type, icon, on_click == "ignore")
    refuse_preset(key)
    text = with_icon(str(label), icon, icon_position)

    def create() -> DownloadButtonWidget:
        widget = DownloadButtonWidget()
        widget.add_class("nbfrag-download-button")
        return widget

    def update(widget: Any) -> None:
        with runtime.kernel_writes():
            widget.description = text
            widget.tooltip = help or None
            widget.disabled = bool(disabled)
            widget.button_style = BUTTON_STYLES[type]
            widget.file_name = name
            widget.layout.width = css_width
            widget.fill = css_width is not None

    props = (text, help, bool(disabled), type, name, css_width)
    slot = frame.block.place("download_button", wid, create, update, text=lambda: f"[{text}]", props=props)
    if slot.owner is None:
        owner = slot.owner = DownloadOwner(wid, "download_button", str(label), key, widget=slot.widget)
        owner.read = lambda: bool(runtime.session.triggers.get(wid, False))
        slot.widget.on_download = owner.download
        owner.guard_disabled(slot.widget)
        guard_messages(slot.widget)
    owner = slot.owner
    assert isinstance(owner, DownloadOwner)
    owner.label = str(label)
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.disabled = bool(disabled)
    owner.source, owner.file_name, owner.mime = source, name, mime
    owner.ignore = on_click == "ignore"
    owner.callback = make_callback(on_click, args, kwargs, modes=("rerun", "ignore"))
    slot.body = owner
    if key is not None:
        bind_key(slot, key, ReadOnlyTrigger(wid, key))
    frame.show(slot.widget)
    return bool(runtime.session.triggers.get(wid, False))

