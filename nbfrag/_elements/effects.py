"""Transient effects: `st.toast`, `st.balloons`, `st.snow` and `st.spinner`.

Toasts, balloons and snow are not page elements: they float over the page. Each scope's area keeps
one `Toaster`/`Balloons` anywidget after its elements (created on first use, then reused, so
toasting creates no models in steady state). A toast is appended to a synced list with an
expiry time; views show entries they have not shown yet and that have not expired, so a toast
sent while the view is still being created is not lost, and reopening the notebook does not
replay old ones. The kernel keeps each app's toast bodies for tests.

The spinner is a real element at its position, shown (after a 0.5 s CSS delay, so short
blocks never flash it) only while its block runs.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from .._runtime.markdown import inline_markdown_html, markdown_html
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .._widgets.types import Width, check_width
from .base import clean_text

_LIFETIME_S = {"short": 4.0, "long": 10.0}


class _Effects(anywidget.AnyWidget):
    """Base for widgets that replay short-lived entries of a synced list in every live view."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)

    def _entries(self, name: str, entry: dict[str, Any], lifetime_s: float) -> None:
        now_ms = time.time() * 1000
        entry = {"uid": uuid.uuid4().hex, "expires_at": now_ms + lifetime_s * 1000, **entry}
        fresh = [e for e in getattr(self, name) if e["expires_at"] > now_ms]
        setattr(self, name, fresh + [entry])

    def __repr__(self) -> str:
        return type(self).__name__


class Toaster(_Effects):
    """Shows toasts bottom-right over the page."""

    _esm = esm("toast.js")
    toasts = traitlets.List(traitlets.Dict()).tag(sync=True)

    def push(self, html: str, icon: str, duration_s: float) -> None:
        self._entries(
            "toasts", {"html": html, "icon": icon, "duration_ms": duration_s * 1000}, duration_s
        )


class Balloons(_Effects):
    """Lets balloons rise across the page."""

    _esm = esm("balloons.js")
    launches = traitlets.List(traitlets.Dict()).tag(sync=True)

    def launch(self) -> None:
        self._entries("launches", {}, 4.0)


class Snow(_Effects):
    """Lets snowflakes fall across the page."""

    _esm = esm("snow.js")
    falls = traitlets.List(traitlets.Dict()).tag(sync=True)

    def fall(self) -> None:
        self._entries("falls", {}, 7.0)


def _effects_widget(name: str, factory: type[_Effects]) -> Any:
    frame = runtime.require_frame()
    block = frame.scope_block
    widget = block.extras.get(name)
    if widget is None:
        widget = block.extra(name, factory)
        if block.widget is None:  # top level of a plain cell: no container to sit in
            frame.show(widget)
    return frame, widget


def toast(body: str, *, icon: str | None = None, duration: str | int = "short") -> None:
    """Show a short notification over the page, bottom right, that goes away by itself.

    A toast is not an element of the page: it floats over it and is not part of the text form.
    Each app keeps the bodies of its toasts for tests (`AppTest.toasts`).

    Parameters
    ----------
    body : str
        The message, as Markdown (raw HTML is not rendered).
    icon : str, optional
        Text shown before the message, typically an emoji, as it is.
    duration : "short", "long" or number, default "short"
        How long it stays: "short" is 4 seconds, "long" 10 seconds, or a number of seconds.
        Another string raises `ValueError`.

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * Returns None: Streamlit returns a handle whose `.toast()` changes the message.
    * No `duration="infinite"` (it raises `ValueError`); `icon` is shown as text (no
      `":material/...:"` icons, no "spinner").

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.button("Save"):
    ...     st.toast("Saved!", icon="💾")
    """
    if isinstance(duration, str):
        if duration not in _LIFETIME_S:
            raise ValueError(
                f"toast duration must be 'short', 'long' or a number of seconds; got {duration!r}"
            )
        seconds = _LIFETIME_S[duration]
    else:
        seconds = float(duration)
    frame, toaster = _effects_widget("toaster", Toaster)
    text = clean_text(body)
    toaster.push(markdown_html(text), str(icon or ""), seconds)
    frame.app.toasts.append(text)
    frame.app.toast_icons.append(str(icon or ""))


def balloons() -> None:
    """Let balloons rise across the page, to celebrate.

    They float over the page each time a run calls this, and are not part of the page's text.

    Returns
    -------
    None

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.button("Celebrate"):
    ...     st.balloons()
    """
    frame, widget = _effects_widget("balloons", Balloons)
    widget.launch()


def snow() -> None:
    """Let snowflakes fall across the page, to celebrate (a wintry `st.balloons`).

    They float over the page each time a run calls this, and are not part of the page's text.

    Returns
    -------
    None

    Examples
    --------
    >>> import nbfrag as st
    >>> if st.button("Let it snow"):
    ...     st.snow()
    """
    frame, widget = _effects_widget("snow", Snow)
    widget.fall()


_SPINNER_CSS = (
    "<style>@keyframes nbfrag-reveal{to{opacity:1}}@keyframes nbfrag-spin{to{transform:rotate(360deg)}}"
    ".nbfrag-spinner{opacity:0;animation:nbfrag-reveal 0s linear 0.5s forwards;display:flex;"
    "align-items:center;gap:0.5em;padding:0.25em 0}"
    ".nbfrag-spinner i{width:1em;height:1em;border:2px solid rgba(128,128,128,0.3);"
    "border-top-color:var(--jp-brand-color1,#1976d2);border-radius:50%;"
    "animation:nbfrag-spin 0.8s linear infinite}"
    "@media (prefers-reduced-motion: reduce){.nbfrag-spinner i{animation:none}}</style>"
)
# The elapsed time, counted by the browser (no message per second): a registered custom
# property animated in whole-second steps, shown through a CSS counter.
_ELAPSED_CSS = (
    "<style>@property --nbfrag-elapsed{syntax:'<integer>';inherits:false;initial-value:0}"
    "@keyframes nbfrag-elapsed{to{--nbfrag-elapsed:86400}}"
    ".nbfrag-spinner-time{animation:nbfrag-elapsed 86400s steps(86400,end) forwards;"
    "counter-reset:nbfrag-elapsed var(--nbfrag-elapsed);opacity:0.7}"
    ".nbfrag-spinner-time::after{content:'(' counter(nbfrag-elapsed) ' seconds)'}</style>"
)


@contextmanager
def spinner(text: str = "In progress...", *, show_time: bool = False, width: Width = "content") -> Iterator[None]:
    """Show a spinner and a message while a block of code runs.

    A context manager. The spinner sits where it is called (inside a fragment: in the fragment),
    appears only when the block takes longer than half a second, and is gone when it ends.

    Parameters
    ----------
    text : str, default "In progress..."
        The message beside the spinner (inline Markdown).
    show_time : bool, default False
        Show the seconds elapsed since the block started beside the message, e.g. "(3 seconds)",
        counted by the browser (the kernel sends nothing while it counts).
    width : "content", "stretch" or int, default "content"
        The spinner's width: its message's, its container's, or a number of pixels. Other
        values raise `StreamlitInvalidWidthError`.

    Returns
    -------
    context manager
        Use it as `with st.spinner(...):`.

    Differences from Streamlit
    --------------------------
    * `show_time` counts whole seconds ("(3 seconds)"; Streamlit shows tenths of a second).
    * The first run of an `%%app` cell displays its page only when the cell finishes, so the
      cell's busy indicator stands in for the spinner then; every later run shows it.

    Examples
    --------
    >>> import time
    >>> import nbfrag as st
    >>> with st.spinner("Reading the sensors..."):
    ...     time.sleep(0.1)
    >>> st.success("Done")
    """
    check_width(width, allow_content=True)
    frame = runtime.require_frame()
    block = frame.block
    widget = block.transients.get("spinner")
    if widget is None:
        widget = block.transients["spinner"] = widgets.HTML()
        widget.add_class("nbfrag-spinner-element")
    label = inline_markdown_html(clean_text(text))
    elapsed = f"{_ELAPSED_CSS}<span class='nbfrag-spinner-time'></span>" if show_time else ""
    size = f" style='width:{width}px;max-width:100%'" if isinstance(width, int) else ""
    widget.value = (
        f"{_SPINNER_CSS}<div class='nbfrag-spinner' role='status'{size}><i></i><span>{label}</span>{elapsed}</div>"
    )
    block.flush(extra=[widget])
    try:
        yield
    finally:
        block.flush()

