"""Transient effects: `st.toast`, `st.balloons` and `st.spinner`.

Toasts and balloons are not page elements: they float over the page. Each scope's area keeps
one `Toaster`/`Balloons` anywidget after its elements (created on first use, then reused, so
toasting creates no models in steady state). A toast is appended to a synced list with an
expiry time; views show entries they have not shown yet and that have not expired, so a toast
sent while the view is still being created is not lost, and reopening the notebook does not
replay old ones. The kernel keeps each app's toast bodies for tests.

The spinner is a real element at its position, shown (after a 0.5 s CSS delay, so short
blocks never flash it) only while its block runs.
"""

from __future__ import annotations

import itertools
import time
import uuid
from contextlib import contextmanager
from typing import Any, Iterator

import anywidget
import ipywidgets as widgets
import traitlets

from .._runtime.markdown import inline_markdown_html, markdown_html
from .._runtime.runtime import runtime
from .._runtime.static import esm
from .base import clean_text

_LIFETIME_S = {"short": 4.0, "long": 10.0}
_uids = (f"{uuid.uuid4().hex[:8]}-{n}" for n in itertools.count())


class _Effects(anywidget.AnyWidget):
    """Base for widgets that replay short-lived entries of a synced list in every live view."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)

    def _entries(self, name: str, entry: dict[str, Any], lifetime_s: float) -> None:
        now_ms = time.time() * 1000
        entry = {"uid": next(_uids), "expires_at": now_ms + lifetime_s * 1000, **entry}
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
    """Show a short notification over the page (bottom right) for about four seconds.

    `body` is Markdown (raw HTML is not rendered). `icon` is an emoji or short text shown as
    is. `duration` is "short" (4 s), "long" (10 s), or seconds.
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


def balloons() -> None:
    """Celebrate: balloons float up the page, each time the run that calls this draws it."""
    frame, widget = _effects_widget("balloons", Balloons)
    widget.launch()


_SPINNER_CSS = (
    "<style>@keyframes nbfrag-reveal{to{opacity:1}}@keyframes nbfrag-spin{to{transform:rotate(360deg)}}"
    ".nbfrag-spinner{opacity:0;animation:nbfrag-reveal 0s linear 0.5s forwards;display:flex;"
    "align-items:center;gap:0.5em;padding:0.25em 0}"
    ".nbfrag-spinner i{width:1em;height:1em;border:2px solid rgba(128,128,128,0.3);"
    "border-top-color:var(--jp-brand-color1,#1976d2);border-radius:50%;"
    "animation:nbfrag-spin 0.8s linear infinite}"
    "@media (prefers-reduced-motion: reduce){.nbfrag-spinner i{animation:none}}</style>"
)


@contextmanager
def spinner(text: str = "In progress...", *, show_time: bool = False) -> Iterator[None]:
    """Show `text` with a spinner while the block runs, if it takes more than half a second.

    The spinner sits where it is called (inside a fragment: in the fragment) and is gone when
    the block ends. `show_time` is accepted for compatibility and not shown yet.
    """
    frame = runtime.require_frame()
    block = frame.block
    widget = block.transients.get("spinner")
    if widget is None:
        widget = block.transients["spinner"] = widgets.HTML()
        widget.add_class("nbfrag-spinner-element")
    label = inline_markdown_html(clean_text(text))
    widget.value = f"{_SPINNER_CSS}<div class='nbfrag-spinner' role='status'><i></i><span>{label}</span></div>"
    block.flush(extra=[widget])
    try:
        yield
    finally:
        block.flush()

