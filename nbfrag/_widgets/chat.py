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

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.uid = uuid.uuid4().hex  # (its model id may not exist yet: see `_runtime.models`)
        self.on_submit: Callable[[str], None] | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and self.on_submit is not None:
            value = content.get("value")
            if isinstance(value, str):
                self.on_submit(value)

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
        """A visitor sent `text`: one run of the box's scope, in which the box returns it."""
        if self.widget is not None and self.widget.disabled:
            return
        text = str(text)
        if self.max_chars is not None:
            text = text[: self.max_chars]
        runtime.dispatch(self.request(trigger=text))

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
) -> str | None:
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
        Megabytes per file for file uploads; must be a positive int. Checked, then unused (no
        file uploads here).
    accept_file : bool, "multiple" or "directory", default False
        Streamlit's file attachments: not supported here, anything but False raises
        `StreamlitAPIException` (another value raises Streamlit's `StreamlitValueError`).
    file_type : str or list of str, optional
        The file types attachments may have; unused without `accept_file`.
    accept_audio : bool, default False
        Streamlit's voice messages: not supported here, True raises `StreamlitAPIException`.
    audio_sample_rate : int, optional
        The voice recording's sample rate; checked as Streamlit checks it, then unused.
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
    str or None
        The message, in the run its sending caused; None in every other run.

    Raises
    ------
    StreamlitInvalidLayoutContextError
        Inside an `st.form`.

    Differences from Streamlit
    --------------------------
    * No file or voice attachments (`accept_file`, `accept_audio` raise).
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
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size < 1
    ):
        raise errors.StreamlitValueError(
            "max_upload_size", ["a positive integer"],
            detail="Set it to None to fall back to the `server.maxUploadSize` configuration option.",
        )
    if audio_sample_rate is not None and audio_sample_rate not in _SAMPLE_RATES:
        raise errors.StreamlitValueError("audio_sample_rate", [str(r) for r in _SAMPLE_RATES] + ["None"])
    if accept_file is not False or accept_audio:
        raise errors.StreamlitAPIException(
            "st.chat_input(accept_file=..., accept_audio=...) is not supported by nbfrag yet: the "
            "chat box sends text only. Leave accept_file=False and accept_audio=False, and use a "
            "separate file input for attachments."
        )
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
        "chat_input", wid, create, update, text=text, props=(str(placeholder), bool(disabled), limit, css_width, bottom)
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
    return value if isinstance(value, str) else None
