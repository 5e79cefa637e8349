"""`st.file_uploader`: files a visitor chooses (or drops) reach the app as `UploadedFile`s.

The uploader is an anywidget (js/upload.js). The chosen files travel in chunks of custom
messages (`uploads.Receiver`), checked again in the kernel; once complete they become the
widget's value on its kernel-only `value` trait, which takes the generic input path
(`InputOwner`: callback, rerun of the widget's scope, forms, `on_change="ignore"`, disabled).
The browser is only sent the files' names and sizes (`files`), never their contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import anywidget
import traitlets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .base import Control, make_callback, track_value, widget_frame
from .buttons import refuse_preset
from .types import (
    Callback,
    Key,
    LabelVisibility,
    WidgetArgs,
    WidgetKwargs,
    WidthWithoutContent,
    check_label_visibility,
    css_size,
)
from .uploads import Receiver, UploadedFile, as_files, check_file, check_max_upload_size, normalize_types, size_text

AcceptMultipleFiles = bool | Literal["directory"]


class FileUploaderWidget(anywidget.AnyWidget):
    """The uploader's view (js/upload.js); `value` (kernel only) holds the uploaded files."""

    _esm = esm("upload.js")
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode(None, allow_none=True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    accept = traitlets.List(traitlets.Unicode()).tag(sync=True)
    multiple = traitlets.Bool(False).tag(sync=True)
    directory = traitlets.Bool(False).tag(sync=True)
    max_bytes = traitlets.Int(200 * 1024 * 1024).tag(sync=True)
    files = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{file_id, name, size}] shown
    value: traitlets.List[Any] = traitlets.List()  # the UploadedFiles: never synced, never saved in the notebook

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._receiver = Receiver(
            self, lambda _purpose: (list(self.accept), self.max_bytes, self.multiple), lambda files, _: self.add(files)
        )
        self.observe(self._show, names="value")
        self.on_msg(self._on_message)

    def _show(self, _change: Any = None) -> None:
        self.files = [{"file_id": f.file_id, "name": f.name, "size": f.size} for f in self.value]

    def _on_message(self, _widget: Any, content: Any, buffers: Any) -> None:
        if self.disabled or self._receiver.handle(content, buffers or []):
            return
        if isinstance(content, dict) and content.get("event") == "remove":
            self.value = [f for f in self.value if f.file_id != content.get("file_id")]

    def add(self, files: list[UploadedFile]) -> None:
        """Files a visitor uploaded (checked, then added; one file replaces the last one unless
        several are allowed): the value changes as a browser change does."""
        if len(files) > 1 and not self.multiple:
            raise errors.StreamlitAPIException("Only one file can be uploaded here.")
        for f in files:
            check_file(f.name, f.type, f.size, list(self.accept), self.max_bytes)
        self.value = [*self.value, *files] if self.multiple else files[-1:]

    def upload(self, filename: str, content: bytes | str, mime_type: str = "application/octet-stream") -> None:
        """Upload a file as a visitor would (`nbfrag.testing`'s `at.file_uploader[0].upload`)."""
        self.add(as_files((filename, content, mime_type)))

    def __repr__(self) -> str:
        return f"file_uploader {self.description!r}"


def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: AcceptMultipleFiles = False,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
) -> Any:
    """Display a file uploader and return the uploaded file(s).

    A visitor picks files with "Browse files" or drops them on the box. An upload (or removing a
    file with its ✕) reruns the uploader's scope, its fragment or else the app, after
    `on_change`. Files are checked twice, in the browser and again in the kernel: a file of a
    type `type` does not allow, or over the size limit, is refused with a message in the
    uploader and changes nothing.

    Parameters
    ----------
    label : str
        What the uploader is for, shown above it.
    type : str or list of str, optional
        The allowed file types: extensions ("csv" or ".csv", case-insensitive; ".jpg" also
        allows ".jpeg" and the like), MIME types ("application/pdf", "image/*") or the
        shortcuts "image", "audio", "video", "text". None allows every file.
    accept_multiple_files : bool or "directory", default False
        True: several files (the value is a list); "directory": the files of a chosen folder
        (a list; each `name` is its path in the folder), where the browser can pick folders.
    key : str or int, optional
        The uploader's identity. `st.session_state[key]` holds its value; assigning it raises
        `StreamlitValueAssignmentNotAllowedError`, as in Streamlit.
    help : str, optional
        A tooltip shown on the label.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` after an upload or removal, before the rerun;
        "ignore" keeps the new files without a rerun (the app sees them in its next run).
    args : list or tuple, optional
        Positional arguments for `on_change`.
    kwargs : dict, optional
        Keyword arguments for `on_change`.
    max_upload_size : int, optional
        The largest file, in megabytes (default 200, Streamlit's `server.maxUploadSize`); must
        be a positive int.
    disabled : bool, default False
        Grey the uploader out, so that nothing can be uploaded or removed.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Show the label, keep its space empty, or drop it.
    width : "stretch" or int, default "stretch"
        The uploader's width: its container's, or pixels.

    Returns
    -------
    UploadedFile, list of UploadedFile, or None
        With `accept_multiple_files=False`: the file, or None until one is uploaded (and again
        after it is removed). Otherwise the list of files, empty at first. An `UploadedFile` is
        a `BytesIO` with `name`, `type`, `size` and `file_id`.

    Raises
    ------
    StreamlitValueAssignmentNotAllowedError
        When `st.session_state[key]` was assigned.

    Differences from Streamlit
    --------------------------
    * Files travel in 1 MB chunks over the notebook's widget connection, so the Jupyter
      server's 10 MB message limit does not apply; the files are kept in the kernel's memory
      (as Streamlit keeps them in the server's).
    * The size limit is `max_upload_size` or 200 MB: there is no `server.maxUploadSize` to set.

    Examples
    --------
    >>> import nbfrag as st
    >>> uploaded = st.file_uploader("Choose a CSV file", type="csv")
    >>> if uploaded is not None:
    ...     st.write(f"{uploaded.name}: {uploaded.size} bytes")
    """
    if accept_multiple_files not in (True, False, "directory"):
        raise errors.StreamlitValueError("accept_multiple_files", ["True", "False", "'directory'"])
    megabytes = check_max_upload_size(max_upload_size)
    allowed = normalize_types(type)
    return upload_input(
        "file_uploader", FileUploaderWidget, label, key, help, on_change, args, kwargs,
        identity=(tuple(allowed), accept_multiple_files, max_upload_size),
        config={"accept": allowed, "multiple": accept_multiple_files is not False,
                "directory": accept_multiple_files == "directory", "max_bytes": megabytes * 1024 * 1024},
        disabled=disabled, label_visibility=label_visibility, width=width,
    )


def upload_input(
    element_type: str,
    widget_class: type[FileUploaderWidget],
    label: str,
    key: Key,
    help: str | None,
    on_change: Callback,
    args: WidgetArgs,
    kwargs: WidgetKwargs,
    *,
    identity: tuple[Any, ...],
    config: dict[str, Any],
    disabled: bool,
    label_visibility: LabelVisibility,
    width: WidthWithoutContent,
) -> Any:
    """Draw an input whose value is uploaded files (`st.file_uploader`, `st.camera_input`,
    `st.audio_input`) and return its value: the file (or None), or with `config["multiple"]`
    the list of files. `config` sets the widget's traits (accept, multiple, max_bytes...)."""
    check_label_visibility(label_visibility)
    css_width = css_size(width, "width", {"stretch": "100%"})
    multiple = bool(config.get("multiple"))
    label = str(label)
    key = None if key is None else str(key)
    callback = make_callback(on_change, args, kwargs, modes=("rerun", "ignore"), param="on_change")
    frame, wid = widget_frame(
        element_type, key, *(() if key is not None else (label, help)), *identity, on_change=callback
    )
    refuse_preset(key)

    def configure(widget: Any) -> None:
        for name, value in config.items():
            setattr(widget, name, value)
        widget.layout.width = css_width

    def create() -> FileUploaderWidget:
        widget = widget_class()
        widget.add_class(f"nbfrag-{element_type.replace('_', '-')}")
        return widget

    def from_widget(files: list[UploadedFile]) -> Any:
        return list(files) if multiple else (files[-1] if files else None)

    def show(value: Any) -> str:
        files = as_files(value)
        return ", ".join(f"{f.name} ({size_text(f.size)})" for f in files) if files else "(no file)"

    control: Control[Any] = Control(
        create=create, configure=configure, config=(tuple(sorted(map(repr, config.items()))), css_width),
        to_widget=as_files, from_widget=from_widget, coerce=lambda v: from_widget(as_files(v)), show=show,
    )
    default: Any = [] if multiple else None

    def update(widget: Any) -> None:
        with runtime.kernel_writes():
            configure(widget)
            widget.description = label if label_visibility == "visible" else ""
            widget.tooltip = help or None
            widget.disabled = bool(disabled)

    props = (control.config, label, label_visibility, help, bool(disabled))
    slot = frame.block.place(element_type, wid, create, update, props=props)
    owner = track_value(slot, frame, label, key, default, control, callback, form_of(frame.block))
    owner.writes_allowed = False
    owner.rerun = on_change != "ignore"
    owner.disabled = bool(disabled)
    slot.text = owner.describe
    frame.show(slot.widget)
    owner.value = from_widget([f.fresh() for f in as_files(owner.value)])  # unread in each run
    return owner.value
