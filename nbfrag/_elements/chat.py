"""`st.chat_message`: a container for one message of a conversation, with its author's avatar.

The message is a layout element (`_place_block`): an avatar beside a column that holds any
elements. Its text form is `<avatar> <name>:` with the message's elements indented below.
"""

from __future__ import annotations

import os
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.markdown import escape
from .._runtime.reconciler import close_widget
from .._widgets.types import Width
from .images import data_url
from .layout import Container, _place_block, _vbox

# Streamlit's preset names and the avatars they get (emoji: the notebook has no icon font).
USER_AVATAR = "🧑"
ASSISTANT_AVATAR = "🤖"
_PRESETS = {"user": USER_AVATAR, "human": USER_AVATAR, "assistant": ASSISTANT_AVATAR, "ai": ASSISTANT_AVATAR}
_AVATAR_CSS = (
    "display:flex;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:0.5rem;"
    "font-size:1.25rem;line-height:1;flex:0 0 auto;overflow:hidden"
)


def _avatar(name: str, avatar: Any) -> tuple[str, str]:
    """The avatar's HTML and its text form: a preset's emoji, the name's initial, an emoji or
    short text, an image (URL, file, bytes, PIL, numpy)."""
    if avatar is None:
        preset = _PRESETS.get(name.lower())
        if preset is not None:
            return f"<span style='{_AVATAR_CSS}'>{preset}</span>", preset
        initial = name[:1].upper()
        style = f"{_AVATAR_CSS};background:rgba(128,128,128,0.25);font-size:1rem;font-weight:600"
        return f"<span style='{style}'>{escape(initial)}</span>", initial
    if isinstance(avatar, str) and not avatar.startswith(("http://", "https://")) and not os.path.isfile(avatar):
        if len(avatar) <= 8 or avatar.startswith(":material"):
            return f"<span style='{_AVATAR_CSS}'>{escape(avatar)}</span>", avatar
    try:
        url, text = data_url(avatar)
    except Exception as exc:
        raise errors.StreamlitAPIException("Failed to load the provided avatar value as an image.") from exc
    image = f"<img src='{escape(url)}' alt='' style='width:100%;height:100%;object-fit:cover'>"
    return f"<span style='{_AVATAR_CSS}'>{image}</span>", text


class _MessageRow(widgets.HBox):
    """A message: its avatar (closed with it) beside its body (closed by the layout block)."""

    def close(self) -> None:
        if self.children:
            close_widget(self.children[0])
        super().close()


def chat_message(name: str, *, avatar: Any = None, width: Width = "stretch") -> Container:
    """Insert a chat message: a container with its author's avatar, holding any elements.

    Draw into it with `with st.chat_message("user"):` or its methods (`msg.write(...)`). A
    conversation is redrawn from `st.session_state` on every run, one message per entry.

    Parameters
    ----------
    name : str
        The author: "user" and "human" get the user avatar, "assistant" and "ai" the bot
        avatar, any other name its first letter. It is also the message's accessible label.
        None raises `StreamlitMissingRequiredParameterError`.
    avatar : str, bytes, PIL image, numpy array or path, optional
        An emoji (or a short text), an image URL, an image file or image data, shown instead of
        the default avatar. An image that cannot be read raises `StreamlitAPIException`.
    width : "stretch", "content" or int, default "stretch"
        The message's width: its container's, its content's, or pixels.

    Returns
    -------
    Container
        The message's body, to draw into with `with` or its methods.

    Differences from Streamlit
    --------------------------
    * The default avatars are emoji (🧑 for the user, 🤖 for the assistant) and a
      `":material/...:"` avatar is shown as text.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.chat_message("user"):
    ...     st.write("Hello 👋")
    >>> st.chat_message("assistant").write("Hello, human.")
    """
    if name is None:
        raise errors.StreamlitMissingRequiredParameterError("name")
    name = str(name)
    avatar_html, avatar_text = _avatar(name, avatar)
    css_width = {"stretch": "100%", "content": None}.get(width) if isinstance(width, str) else f"{int(width)}px"
    label = escape(name) or "message"

    def create() -> widgets.Box:
        row = _MessageRow([widgets.HTML(), _vbox("nbfrag-chat-message-body")()])
        row.add_class("nbfrag-chat-message")
        row.layout.align_items = "flex-start"
        row.layout.grid_gap = "0.75rem"
        row.layout.padding = "0.5rem 0"
        row.children[1].layout.flex = "1 1 auto"
        row.children[1].layout.min_width = "0"
        return row

    def update(row: Any) -> None:
        row.children[0].value = f"<div role='img' aria-label='{label}'>{avatar_html}</div>"
        row.layout.width = css_width

    slot = _place_block(
        "chat_message", None, create, update=update, props=(avatar_html, label, css_width),
        text=lambda: f"{avatar_text} {name}:", inner=lambda row: row.children[1],
    )
    slot.body = name
    slot.fields.update(name=name, avatar=avatar if isinstance(avatar, str) else name)
    assert slot.block is not None
    return Container(slot.block)
