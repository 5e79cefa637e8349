"""What `st.file_uploader` (and `st.chat_input`'s attachments) hand to the app: `UploadedFile`,
and Streamlit's rules for which files an uploader takes (`type=`, `max_upload_size`).

A file's bytes reach the kernel in chunks of custom widget messages (js/upload.js), so no
single websocket message comes near the Jupyter server's limit (10 MB by default); they are
never part of a widget's synced state, so they are never saved into the notebook. The kernel
checks every file again (name, type, size): a browser can be bypassed.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

from .. import errors

# Streamlit's `server.maxUploadSize` default, in megabytes.
DEFAULT_MAX_UPLOAD_MB = 200
_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
_PAIRS = ((".jpg", ".jpeg"), (".mpg", ".mpeg"), (".mp4", ".mpeg4"), (".tif", ".tiff"), (".htm", ".html"))


class UploadedFile(io.BytesIO):
    """A file a visitor uploaded: a `BytesIO` (read it, seek it, pass it to pandas or PIL) with
    `name`, `type`, `size` and `file_id`, as Streamlit's `UploadedFile`.

    Parameters
    ----------
    data : bytes
        The file's contents.
    name : str
        The file's name; for a directory upload its path inside the chosen directory. It comes
        from the visitor: never use it as a path to write to.
    type : str, default "application/octet-stream"
        The MIME type the browser reported.
    file_id : str, optional
        The file's identity (two files are equal when their ids are); a new one by default.

    Examples
    --------
    >>> from nbfrag._widgets.uploads import UploadedFile
    >>> f = UploadedFile(b"a,b\\n1,2\\n", "data.csv", "text/csv")
    >>> f.name, f.size, f.read(3)
    ('data.csv', 8, b'a,b')
    """

    def __init__(
        self, data: bytes, name: str, type: str = "application/octet-stream", file_id: str | None = None
    ) -> None:
        super().__init__(data)
        self._raw = data
        self.name = name
        self.type = type or "application/octet-stream"
        self.size = len(data)
        self.file_id = file_id or str(uuid.uuid4())

    def fresh(self) -> UploadedFile:
        """The same file, unread (each run gets its files at position 0, as in Streamlit);
        the bytes are shared, not copied."""
        return UploadedFile(self._raw, self.name, self.type, self.file_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, size={self.size})"


def as_files(value: Any) -> list[UploadedFile]:
    """The files a value names: None, an `UploadedFile`, a `(name, content, mime)` tuple (as
    Streamlit's `AppTest` passes them), or a list of these."""
    if value is None:
        return []
    if isinstance(value, UploadedFile):
        return [value]
    if isinstance(value, tuple) and len(value) in (2, 3) and isinstance(value[0], str):
        name, content, *mime = value
        if isinstance(content, str):
            content = content.encode("utf-8")
        return [UploadedFile(bytes(content), name, mime[0] if mime else "application/octet-stream")]
    if isinstance(value, (list, tuple)):
        return [f for item in value for f in as_files(item)]
    raise errors.StreamlitAPIException(
        f"A file uploader holds uploaded files, not {type(value).__name__}: pass None, an "
        "UploadedFile, a (name, content, mime_type) tuple, or a list of these."
    )


def normalize_types(file_type: str | Sequence[str] | None) -> list[str]:
    """Streamlit's normal form of `type=`: "image" -> "image/*", MIME types lowercased,
    extensions lowercased with a leading dot, and ".jpg"/".jpeg" (and other aliases) paired."""
    if not file_type:
        return []
    entries = [file_type] if isinstance(file_type, str) else list(file_type)
    mimes: list[str] = []
    extensions: list[str] = []
    for raw in entries:
        entry = str(raw).strip()
        if not entry:
            continue
        if entry.lower() in _SHORTCUTS:
            mimes.append(f"{entry.lower()}/*")
        elif "/" in entry:
            mimes.append(entry.lower())
        else:
            ext = entry.lower()
            extensions.append(ext if ext.startswith(".") else f".{ext}")
    for a, b in _PAIRS:
        if a in extensions and b not in extensions:
            extensions.append(b)
        if b in extensions and a not in extensions:
            extensions.append(a)
    return mimes + extensions


def check_max_upload_size(max_upload_size: object) -> int:
    """`max_upload_size` in megabytes, checked as Streamlit checks it (None: the default 200)."""
    if max_upload_size is None:
        return DEFAULT_MAX_UPLOAD_MB
    if isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size < 1:
        raise errors.StreamlitValueError(
            "max_upload_size", ["a positive integer"],
            detail="Set it to None to fall back to the `server.maxUploadSize` configuration option.",
        )
    return max_upload_size


def check_file(name: str, type: str, size: int, allowed: Sequence[str], max_bytes: int) -> None:
    """Refuse a file an uploader must not take, with Streamlit's messages: a null byte in its
    name, an extension `allowed` does not list (checked only when `allowed` holds extensions
    alone, as Streamlit does), a size over the limit."""
    if "\0" in name:
        raise errors.StreamlitAPIException("Filename cannot contain null bytes.")
    extensions = [t for t in allowed if t.startswith(".")]
    if extensions and not any("/" in t for t in allowed):
        if not any(name.lower().endswith(ext) for ext in extensions):
            raise errors.StreamlitAPIException(
                f"Invalid file extension: `{os.path.splitext(name)[1]}`. Allowed: {extensions}"
            )
    if size > max_bytes:
        raise errors.StreamlitAPIException(f"File must be {size_text(max_bytes)} or smaller.")


def size_text(size: int) -> str:
    """A size as Streamlit's uploader writes it: "200.0MB", "12.5KB", "10.0B"."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.1f}{unit}"
        value /= 1024
    return f"{value:.1f}GB"  # pragma: no cover (the loop returns)


class Receiver:
    """Assembles the files a browser sends in chunks (js/upload.js `sendFiles`) and hands them
    to `done` once complete, checking them on the way in.

    Messages (browser -> kernel): `{"event": "upload-begin", "upload": id, "files": [{name, type,
    size}]}`, then `{"event": "upload-chunk", "upload": id, "index": i}` with the bytes as the
    message's buffer, then `{"event": "upload-end", "upload": id}`. Replies (kernel -> browser):
    `{"event": "upload-done", "upload": id}` or `{"event": "upload-error", "upload": id,
    "message": text}`; after an error the upload's further chunks are ignored.

    `rules(purpose)` gives the files allowed now: (normalized types, the size limit in bytes,
    whether several files may come at once); `done(files, purpose)` takes them. The purpose is
    the begin message's `purpose` ("" for files a visitor chose; "audio" for a chat box's voice
    recording).
    """

    def __init__(self, widget: Any, rules: Any, done: Any) -> None:
        self._widget = widget
        self._rules = rules
        self._done = done
        self._pending: dict[str, list[tuple[dict[str, Any], bytearray]]] = {}
        self._purposes: dict[str, str] = {}

    def handle(self, content: Any, buffers: Sequence[Any]) -> bool:
        """Take one message; False when it is not part of an upload."""
        if not isinstance(content, dict) or not str(content.get("event", "")).startswith("upload-"):
            return False
        upload = str(content.get("upload", ""))
        try:
            self._step(content["event"], upload, content, buffers)
        except (errors.StreamlitAPIException, ValueError, TypeError, KeyError) as error:
            self._pending.pop(upload, None)
            self._purposes.pop(upload, None)
            message = str(error) if isinstance(error, errors.StreamlitAPIException) else "Bad upload message."
            self._widget.send({"event": "upload-error", "upload": upload, "message": message})
        return True

    def _step(self, event: str, upload: str, content: dict[str, Any], buffers: Sequence[Any]) -> None:
        if event == "upload-begin":
            self._purposes[upload] = str(content.get("purpose") or "")
        purpose = self._purposes.get(upload, "")
        allowed, max_bytes, multiple = self._rules(purpose)
        if event == "upload-begin":
            metas = content.get("files")
            if not isinstance(metas, list) or not metas:
                raise ValueError("no files")
            if len(metas) > 1 and not multiple:
                raise errors.StreamlitAPIException("Only one file can be uploaded here.")
            files: list[tuple[dict[str, Any], bytearray]] = []
            for meta in metas:
                name, type_, size = str(meta["name"]), str(meta.get("type") or ""), int(meta["size"])
                check_file(name, type_, size, allowed, max_bytes)
                files.append(({"name": name, "type": type_, "size": size}, bytearray()))
            self._pending[upload] = files
        elif event == "upload-chunk":
            parts = self._pending.get(upload)
            if parts is None:
                return  # refused or cancelled: drop the rest
            meta, received = parts[int(content["index"])]
            received.extend(bytes(buffers[0]) if buffers else b"")
            if len(received) > meta["size"]:
                raise errors.StreamlitAPIException(f"File must be {size_text(max_bytes)} or smaller.")
        elif event == "upload-end":
            complete = self._pending.pop(upload, None)
            self._purposes.pop(upload, None)
            if complete is None:
                return
            if any(len(data) != meta["size"] for meta, data in complete):
                raise errors.StreamlitAPIException("The upload was interrupted: please upload the file again.")
            self._done([UploadedFile(bytes(data), meta["name"], meta["type"]) for meta, data in complete], purpose)
            self._widget.send({"event": "upload-done", "upload": upload})
        elif event == "upload-cancel":
            self._pending.pop(upload, None)
            self._purposes.pop(upload, None)


class ChatInputValue(MutableMapping[str, Any]):
    """What `st.chat_input(accept_file=..., accept_audio=...)` returns: the message's `text`,
    its `files` (a list of `UploadedFile`, with `accept_file`) and its `audio` (a WAV
    `UploadedFile` or None, with `accept_audio`), also readable as a dict (`value["text"]`), as
    Streamlit's `ChatInputValue`.

    Parameters
    ----------
    text : str
        The message's text ("" when only files or a recording were sent).
    files : list of UploadedFile, optional
        The attached files.
    audio : UploadedFile, optional
        The voice recording.
    include_files : bool, default True
        Whether the value has `files` (the box accepts files).
    include_audio : bool, default False
        Whether the value has `audio` (the box accepts voice messages).

    Examples
    --------
    >>> from nbfrag._widgets.uploads import ChatInputValue
    >>> value = ChatInputValue("hi", [])
    >>> value.text, value["files"], dict(value)
    ('hi', [], {'text': 'hi', 'files': []})
    """

    def __init__(
        self,
        text: str,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        *,
        include_files: bool = True,
        include_audio: bool = False,
    ) -> None:
        self.text = text
        self._keys = ["text"] + (["files"] if include_files else []) + (["audio"] if include_audio else [])
        if include_files:
            self.files = list(files or [])
        if include_audio:
            self.audio = audio

    def __getattr__(self, name: str) -> Any:
        if name in ("files", "audio"):  # not set: the box does not accept them
            option = "accept_file" if name == "files" else "accept_audio"
            raise AttributeError(f"'ChatInputValue' object has no attribute '{name}' ({option}=False)")
        raise AttributeError(name)

    def to_dict(self) -> dict[str, Any]:
        """The value as a plain dict: `{"text": ..., "files": [...], "audio": ...}` (the keys
        the box accepts)."""
        return {name: vars(self)[name] for name in self._keys if name in vars(self)}

    def __getitem__(self, key: str) -> Any:
        if key not in self.to_dict():
            raise KeyError(key)
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        if key not in self.to_dict():
            raise KeyError(key)
        delattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self.to_dict() == other.to_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "ChatInputValue(" + ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items()) + ")"
