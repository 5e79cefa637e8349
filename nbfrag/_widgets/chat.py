"""`st.chat_input`: a message box whose text reaches the app once, in the run its sending caused.

The box is an anywidget (js/chat.js): Enter sends `{"event": "submit", "value": text}`, the
text inside the message itself, so no value sync can trail it; the box clears itself and keeps
the focus. The kernel turns the message into one `Request` of the box's scope (its fragment,
else the app) whose trigger is the text: `st.chat_input` returns it in that run only, `None`
in every other run, as buttons do with their clicks.

At the top level of an app (not in a container, not in a fragment) the box is pinned after the
app's other elements (`Slot.pinned`) and sticks to the bottom of the visible page, as
Streamlit pins it; anywhere else it is inline, where it is called.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import anywidget
import traitlets

from .. import errors
from .._runtime.forms import form_of
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .base import WidgetOwner, bind_key, make_callback, widget_frame
from .types import Callback, Key, WidgetArgs, WidgetKwargs, Width, css_size
from .uploads import (
    DEFAULT_MAX_UPLOAD_MB,
    ChatInputValue,
    Receiver,
    UploadedFile,
    as_files,
    check_file,
    check_max_upload_size,
    normalize_types,
)

SubmitMode = Literal["submit", "disable", "stop"]
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


class ChatInputWidget(anywidget.AnyWidget):
    """The chat box (js/chat.js). Its repr is its text form."""

    _esm = esm("chat.js")
    placeholder = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    max_chars = traitlets.Int(0).tag(sync=True)
    uid = traitlets.Unicode("").tag(sync=True)
    draft = traitlets.Unicode("").tag(sync=True)
    draft_version = traitlets.Int(0).tag(sync=True)
    # Attachments (`accept_file`): "" for none, else "single", "multiple" or "directory".
    accept_file = traitlets.Unicode("").tag(sync=True)
    accept = traitlets.List(traitlets.Unicode()).tag(sync=True)  # Streamlit's normal form of file_type
    max_bytes = traitlets.Int(DEFAULT_MAX_UPLOAD_MB * 1024 * 1024).tag(sync=True)
    attachments = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{file_id, name, size}] shown
    # Voice messages (`accept_audio`): recorded as WAV at `sample_rate` (0: the microphone's).
    accept_audio = traitlets.Bool(False).tag(sync=True)
    sample_rate = traitlets.Int(0).tag(sync=True)
    recording: traitlets.Any = traitlets.Any(None).tag(sync=True)  # {file_id, name, size} or None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.uid = uuid.uuid4().hex  # (its model id may not exist yet: see `_runtime.models`)
        self.on_submit: Callable[[str], None] | None = None
        self._attached: list[UploadedFile] = []  # uploaded, waiting for the message that sends them
        self._audio: UploadedFile | None = None  # recorded, waiting likewise
        self._receiver = Receiver(self, self._rules, self._received)
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, buffers: Any) -> None:
        if self.disabled or self._receiver.handle(content, buffers or []) or not isinstance(content, dict):
            return
        if content.get("event") == "submit" and self.on_submit is not None:
            value = content.get("value")
            if isinstance(value, str):
                self.on_submit(value)
        elif content.get("event") == "remove":
            self._show([f for f in self._attached if f.file_id != content.get("file_id")])
            if self._audio is not None and self._audio.file_id == content.get("file_id"):
                self.record(None)

    def _rules(self, purpose: str) -> tuple[list[str], int, bool]:
        if purpose == "audio":
            return [".wav"], self.max_bytes, False
        return list(self.accept), self.max_bytes, self.accept_file != "single"

    def _received(self, files: list[UploadedFile], purpose: str) -> None:
        if purpose == "audio":
            if not self.accept_audio:
                raise errors.StreamlitAPIException("This chat input takes no voice messages: set accept_audio.")
            self.record(files[-1])
        else:
            self.attach(files)

    def record(self, audio: UploadedFile | None) -> None:
        """The voice recording to send with the next message (None: none)."""
        self._audio = audio
        self.recording = None if audio is None else {"file_id": audio.file_id, "name": audio.name, "size": audio.size}

    def take_audio(self) -> UploadedFile | None:
        """The recording, now sent with a message (the box shows none after)."""
        audio = self._audio
        self.record(None)
        return audio

    def attach(self, files: list[UploadedFile]) -> None:
        """Files a visitor attached to the next message (checked as an uploader checks them)."""
        if not self.accept_file:
            raise errors.StreamlitAPIException("This chat input takes no files: set accept_file to attach some.")
        for f in files:
            check_file(f.name, f.type, f.size, list(self.accept), self.max_bytes)
        self._show(files[-1:] if self.accept_file == "single" else [*self._attached, *files])

    def take_attachments(self) -> list[UploadedFile]:
        """The attached files, now sent with a message (the box shows none after)."""
        files = self._attached
        self._show([])
        return files

    def _show(self, files: list[UploadedFile]) -> None:
        self._attached = files
        self.attachments = [{"file_id": f.file_id, "name": f.name, "size": f.size} for f in files]

    def set_draft(self, text: str) -> None:
        """Show `text` in the box, unsent (what `st.session_state[key] = text` does)."""
        self.draft = text
        self.draft_version += 1

    def __repr__(self) -> str:
        return f"chat_input {self.placeholder!r}"


@dataclass(eq=False)
class ChatInputOwner(WidgetOwner):
    """A drawn chat box: its scope, callback and character limit; `write` sends a message as
    a visitor does (`nbfrag.testing`'s `set_value`)."""

    widget: ChatInputWidget | None = None
    max_chars: int | None = None

    def __post_init__(self) -> None:
        wid = self.widget_id
        self.read = lambda: runtime.session.triggers.get(wid)
        self.write = self.submit

    def submit(self, text: Any) -> None:
        """A visitor sent `text`: one run of the box's scope, in which the box returns it (with
        `accept_file`, as a `ChatInputValue` carrying the attached files). `nbfrag.testing` may
        pass a `ChatInputValue` or a dict `{"text": ..., "files": [...]}` as well."""
        if self.widget is not None and self.widget.disabled:
            return
        files: list[UploadedFile] = []
        audio: UploadedFile | None = None
        if isinstance(text, ChatInputValue):
            given = text.to_dict()
            text, files, audio = given["text"], list(given.get("files", [])), given.get("audio")
        elif isinstance(text, dict):
            sent = text
            text, files = sent.get("text", ""), as_files(sent.get("files"))
            recorded = as_files(sent.get("audio"))
            audio = recorded[0] if recorded else None
        text = str(text)
        if self.max_chars is not None:
            text = text[: self.max_chars]
        box = self.widget
        if box is None or not (box.accept_file or box.accept_audio):
            runtime.dispatch(self.request(trigger=text))
            return
        files = [*box.take_attachments(), *files]
        audio = box.take_audio() or audio
        value = ChatInputValue(
            text, files, audio, include_files=bool(box.accept_file), include_audio=box.accept_audio
        )
        runtime.dispatch(self.request(trigger=value))

    # -- the Session State side (a Binding) ----------------------------------------------------
    def get(self) -> Any:
        return runtime.session.triggers.get(self.widget_id)

    def set(self, value: Any) -> None:
        """`st.session_state[key] = text` before the box is drawn shows the text in the box,
        unsent, as Streamlit pre-fills it."""
        frame = runtime.frame()
        if frame is not None and self.widget_id in frame.run.widget_ids:
            raise errors.StreamlitWidgetAlreadyInstantiatedError(self.key or "")
        if self.widget is not None:
            self.widget.set_draft("" if value is None else str(value))


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Key = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | Literal["multiple", "directory"] = False,
    file_type: str | Sequence[str] | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: SubmitMode = "submit",
    on_submit: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    width: Width = "stretch",
    height: int | Literal["content"] = "content",
) -> str | ChatInputValue | None:
    """Display a chat box and return the message a visitor just sent.

    Enter sends (Shift+Enter starts a new line); the box then clears and keeps the keyboard
    focus. Sending reruns the box's scope, the fragment it is in or else the whole app, after
    `on_submit`; in that one run `st.chat_input` returns the text, in every other run None.
    Keep the conversation in `st.session_state` and redraw it each run. At the top level of an
    app the box sits at the bottom of the app (after everything else, and sticking to the
    bottom of the window while the app is in view); in a container or a fragment it is inline.

    Parameters
    ----------
    placeholder : str, default "Your message"
        The text shown in the empty box.
    key : str or int, optional
        The box's identity. `st.session_state[key]` is the sent text in the run the sending
        caused, None otherwise; assigning it before the box is drawn puts the text in the box
        without sending it.
    max_chars : int, optional
        The most characters a message may have; longer text cannot be typed.
    max_upload_size : int, optional
        The largest attachment, in megabytes (default 200); must be a positive int.
    accept_file : bool, "multiple" or "directory", default False
        Let a message carry files, attached with the 📎 button: True one file, "multiple"
        several, "directory" a folder's files. The box then returns a `ChatInputValue` (`.text`
        and `.files`, a list of `UploadedFile`), and a message may be files without text.
        Another value raises Streamlit's `StreamlitValueError`.
    file_type : str or list of str, optional
        The file types attachments may have, as `st.file_uploader`'s `type` (checked in the
        browser and again in the kernel).
    accept_audio : bool, default False
        Let a message carry a voice recording, made with the 🎤 button (the browser asks for
        the microphone; it allows it on https or localhost pages). The box then returns a
        `ChatInputValue` whose `audio` is the recording as a WAV `UploadedFile`, or None.
    audio_sample_rate : int, optional
        The recording's samples per second: 8000, 11025, 16000 (default), 22050, 24000, 32000,
        44100 or 48000 (another value raises `StreamlitValueError`); None keeps the
        microphone's own.
    disabled : bool, default False
        Grey the box out, so that nothing can be sent.
    submit_mode : {"submit", "disable", "stop"}, default "submit"
        Streamlit disables the box (or shows a stop button) while the run a message caused
        runs; accepted here and the same as "submit" (the kernel handles one message at a time,
        so a message sent meanwhile waits for the run to end).
    on_submit : callable, optional
        Called as `on_submit(*args, **kwargs)` when a message is sent, before the rerun; it
        can read the text from `st.session_state[key]`.
    args : list or tuple, optional
        Positional arguments for `on_submit`.
    kwargs : dict, optional
        Keyword arguments for `on_submit`.
    width : "stretch", "content" or int, default "stretch"
        The box's width: its container's, a narrow natural width, or pixels.
    height : "content" or int, default "content"
        Accepted for compatibility and ignored: the box grows with its text.

    Returns
    -------
    str, ChatInputValue or None
        The message, in the run its sending caused (with `accept_file`, a `ChatInputValue`);
        None in every other run.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Inside an `st.form`.

    Differences from Streamlit
    --------------------------
    * A voice recording waits, like attachments, for the message that sends it.
    * Attachments travel in 1 MB chunks over the widget connection (no 10 MB limit) and stay
      in the kernel's memory.
    * `submit_mode` "disable" and "stop" behave as "submit"; `height` is ignored.
    * At the top level of an app the box is the app's last element, not a bar fixed to the
      browser window: it sticks to the bottom of the window while the app is in view.

    Examples
    --------
    >>> import nbfrag as st
    >>> prompt = st.chat_input("Say something")
    >>> if prompt:
    ...     st.write(f"You said: {prompt}")
    """
    if accept_file not in (True, False, "multiple", "directory"):
        raise errors.StreamlitValueError(
            "accept_file", ["True", "False", "'multiple'", "'directory'"], detail=f"Got {accept_file!r}."
        )
    if submit_mode not in ("submit", "disable", "stop"):
        raise errors.StreamlitValueError("submit_mode", ["'submit'", "'disable'", "'stop'"])
    max_bytes = check_max_upload_size(max_upload_size) * 1024 * 1024
    if audio_sample_rate is not None and audio_sample_rate not in _SAMPLE_RATES:
        raise errors.StreamlitValueError("audio_sample_rate", [str(r) for r in _SAMPLE_RATES] + ["None"])
    allowed = normalize_types(file_type)
    attach = {False: "", True: "single", "multiple": "multiple", "directory": "directory"}[accept_file]
    frame = runtime.require_frame()
    if form_of(frame.block) is not None:
        raise errors.StreamlitInvalidLayoutContextError("`st.chat_input()` can't be used in a `st.form()`.")
    key = None if key is None else str(key)
    limit = int(max_chars) if max_chars else None
    # Identity: the key, else what Streamlit hashes (here: what the box is).
    frame, wid = widget_frame(
        "chat_input", key, *(() if key is not None else (placeholder,)), limit, max_upload_size,
        accept_file, file_type, on_change=on_submit,
    )
    bottom = frame.fragment is None and frame.block is frame.app.root and frame.app.host is not None
    css_width = css_size(width, "width", {"stretch": "100%", "content": "20rem"})

    def update(box: Any) -> None:
        box.placeholder = str(placeholder)
        box.disabled = bool(disabled)
        box.max_chars = limit or 0
        box.accept_file, box.accept, box.max_bytes = attach, allowed, max_bytes
        box.accept_audio, box.sample_rate = bool(accept_audio), audio_sample_rate or 0
        box.layout.width = css_width
        for name, wanted in (("nbfrag-chat-input-bottom", bottom),):
            if wanted and name not in box._dom_classes:
                box.add_class(name)
            elif not wanted and name in box._dom_classes:
                box.remove_class(name)

    def create() -> ChatInputWidget:
        box = ChatInputWidget()
        box.add_class("nbfrag-chat-input")
        return box

    def text() -> str:
        return f"chat_input: [{placeholder}]" + (" (disabled)" if disabled else "")

    slot = frame.block.place(
        "chat_input", wid, create, update, text=text,
        props=(str(placeholder), bool(disabled), limit, css_width, bottom, attach, tuple(allowed), max_bytes,
               bool(accept_audio), audio_sample_rate),
    )
    slot.pinned = bottom
    box = slot.widget
    assert isinstance(box, ChatInputWidget)
    if slot.owner is None:
        owner = slot.owner = ChatInputOwner(wid, "chat_input", str(placeholder), key, widget=box)
        box.on_submit = owner.submit
        if key is not None:
            found, preset = runtime.session.state.preset(key)
            if found and preset is not None:
                box.set_draft(str(preset))
    owner = slot.owner
    assert isinstance(owner, ChatInputOwner)
    owner.label, owner.max_chars = str(placeholder), limit
    owner.app, owner.fragment = frame.app, frame.fragment
    owner.callback = make_callback(on_submit, args, kwargs)
    if key is not None:
        bind_key(slot, key, owner)
    frame.show(box)
    value = runtime.session.triggers.get(wid)
    if isinstance(value, ChatInputValue):
        return value if attach or accept_audio else value.text
    return value if isinstance(value, str) else None
