"""`@st.dialog`: a modal whose body is a fragment, opened by calling the decorated function.

The kernel is the source of truth. Each app has one `DialogWidget` (an anywidget kept after
the app's elements, made on first use) that every view of the app shows as a modal; what the
open dialog holds is a slot floating over the app's root block (`Block.overlays`), so the
app's text form lists it (`dialog "Title":`, its body indented) while it is open and
`nbfrag.testing` finds its elements. The state machine is Streamlit's (spec section 2):

* calling the decorated function during a run opens the dialog and runs its body at once as a
  fragment inside it (items 27-29); called again, the same dialog keeps its fragment and
  widgets, a different one replaces it (item 31); one dialog per run (34), no nesting (35);
* the next full run that does not call it closes it (item 30); `st.rerun()` in the body hides
  it at once; reruns of the fragment that opened it leave it open (item 37);
* a visitor's dismissal (Esc, the close button, a click outside) is a message to the kernel,
  which enforces `dismissible`, closes the dialog and, for `on_dismiss="rerun"` or a callback,
  reruns the opener's scope after the callback (items 32-33).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anywidget
import ipywidgets as widgets
import traitlets

from .. import errors
from .._runtime.execution import Execution
from .._runtime.markdown import inline_markdown_html
from .._runtime.reconciler import Block, Slot
from .._runtime.runtime import runtime
from .._runtime.scopes import (
    App,
    Fragment,
    FragmentHandledException,
    Frame,
    Request,
    RerunException,
    Run,
    StopException,
)
from .._runtime.shell import shell
from .._runtime.static import esm
from .._runtime.views import Area
from .fragment import fragment

F = TypeVar("F", bound=Callable[..., Any])
OnDismiss = str | Callable[[], Any]

WIDTHS = {"small": 500, "medium": 750, "large": 1280}  # pixels, as Streamlit's dialogs
POSITIONS = ("left", "center", "right")
TITLE_EXAMPLE = 'For example: `@st.dialog("Example Title")`.'
ONLY_ONE = (
    "Only one dialog is allowed to be opened at the same time. Please make sure to not call a "
    "dialog-decorated function more than once in a script run."
)
NESTED = "Dialogs may not be nested inside other dialogs."
PLAIN_CELL = (
    "This dialog cannot open: it was called after its plain cell finished, and a finished cell "
    "cannot show new outputs. Put the app in an `%%app` cell (after `%load_ext nbfrag`)."
)


@dataclass(frozen=True)
class Look:
    """What makes a dialog the same dialog across runs (Streamlit's dialog block id)."""

    title: str
    width: int  # pixels
    position: str
    dismissible: bool
    icon: str
    dismiss_mode: str  # "ignore", "rerun" or "callback"


def _look(title: str, width: Any, position: Any, dismissible: bool, icon: Any, on_dismiss: Any) -> Look:
    """Validate the options when the dialog opens, with Streamlit's messages (item 26)."""
    if isinstance(width, str) and width in WIDTHS:
        pixels = WIDTHS[width]
    elif isinstance(width, int) and not isinstance(width, bool) and 0 < width <= 2**32 - 1:
        pixels = width
    else:
        raise errors.StreamlitValueError(
            "width", ["'small'", "'medium'", "'large'", "a positive integer"], detail=f"Got {width!r}."
        )
    if not isinstance(position, str) or position not in POSITIONS:
        raise errors.StreamlitValueError("position", ["'left'", "'center'", "'right'"])
    if callable(on_dismiss):
        mode = "callback"
    elif isinstance(on_dismiss, str) and on_dismiss in ("ignore", "rerun"):
        mode = on_dismiss
    else:
        raise errors.StreamlitValueError("on_dismiss", ["'rerun'", "'ignore'", "a callback function"])
    if icon is not None and not isinstance(icon, str):
        raise errors.StreamlitAPIException(
            f"`icon` must be an emoji, a string like ':material/thumb_up:' or 'spinner'; got {icon!r}."
        )
    return Look(title, pixels, position, bool(dismissible), icon or "", mode)


class DialogBody(Area):
    """The area inside a dialog (its body fragment is drawn here)."""

    def __init__(self) -> None:
        super().__init__("nbfrag-dialog-body")


class DialogWidget(anywidget.AnyWidget):
    """An app's modal: shows the open dialog over the app's area in a notebook and over the
    page in Voila, in every view of the app, and tells the kernel when a visitor dismisses it
    (`{"event": "dismiss", "generation": n}`)."""

    _esm = esm("dialog.js")
    is_open = traitlets.Bool(False).tag(sync=True)
    # +1 each time a run opens the dialog: a view the visitor dismissed shows it again.
    generation = traitlets.Int(0).tag(sync=True)
    title_html = traitlets.Unicode("").tag(sync=True)  # inline Markdown, rendered safely here
    icon = traitlets.Unicode("").tag(sync=True)  # plain text (an emoji), "spinner" or ":material/x:"
    width = traitlets.Int(WIDTHS["small"]).tag(sync=True)
    position = traitlets.Unicode("center").tag(sync=True)
    dismissible = traitlets.Bool(True).tag(sync=True)
    mode = traitlets.Unicode("area").tag(sync=True)  # "area" (a notebook) or "page" (Voila)
    body = traitlets.Instance(widgets.Widget, allow_none=True).tag(sync=True, **widgets.widget_serialization)

    def __init__(self, app: App) -> None:
        mode = "page" if "VOILA_KERNEL_ID" in os.environ else "area"
        super().__init__(layout=widgets.Layout(display="none"), mode=mode)
        self.app = app
        self.slot: Slot | None = None  # the open (or hidden) dialog, over the app's root block
        self.look: Look | None = None
        self.opened_in: Run | None = None  # the last run that called a dialog function
        self.opener: Fragment | None = None  # the fragment whose code opened it; None: the app
        self.on_dismiss: OnDismiss = "ignore"
        self.on_msg(self._on_message)
        runtime.run_observers.append(self._after_run)

    # -- opening ----------------------------------------------------------------------------
    def open_dialog(
        self, frame: Frame, look: Look, on_dismiss: OnDismiss, content: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        """Open the dialog `look` for this run (or keep it open) and run `content` into it."""
        if self.opened_in is frame.run:  # item 34
            if self.look == look:
                raise errors.StreamlitDuplicateElementId("dialog")
            raise errors.StreamlitInvalidLayoutContextError(ONLY_ONE)
        self.opened_in = frame.run
        if self.slot is None or self.look != look:
            self.close_dialog()
            self.slot, self.look = self._new_slot(look), look
        slot, container = self.slot, self.slot.block
        assert container is not None
        slot.hidden = False
        self.opener, self.on_dismiss = frame.fragment, on_dismiss
        with self.hold_sync():
            self.generation += 1
            self.is_open = True
        container.begin()
        complete = True
        try:
            # TODO(forms, spec item 23): a dialog opened inside `with st.form(...)` is not part
            # of that form (its widgets have no form); when st.form lands, clear the current
            # form for the body here. A form inside the dialog works as inside a fragment.
            with runtime.drawing_into(container):
                content(*args, **kwargs)
        except RerunException:
            complete = False
            raise
        finally:
            container.commit(complete)
            for inner in container.slots:  # the body fragment has no level of its own in the text
                inner.text = lambda: ""

    def _new_slot(self, look: Look) -> Slot:
        area = DialogBody()
        head = f'dialog {look.icon + " " if look.icon else ""}"{look.title}":'
        slot = Slot(("dialog", look, 0), area, text=lambda: head, owner=self, body=look.title)
        slot.block = area.block = Block(area)
        self.app.root.overlays.append(slot)
        with self.hold_sync():
            self.title_html = inline_markdown_html(look.title)
            self.icon = look.icon
            self.width = look.width
            self.position = look.position
            self.dismissible = look.dismissible
            self.body = area
        return slot

    # -- closing ----------------------------------------------------------------------------
    def hide(self) -> None:
        """`st.rerun()` in the body: the dialog disappears now; the full run that follows
        closes it, unless that run calls the dialog function again (item 30)."""
        if self.slot is not None:
            self.slot.hidden = True
        self.is_open = False

    def close_dialog(self) -> None:
        """Close the dialog: its body fragment and widgets are gone."""
        slot, self.slot, self.look = self.slot, None, None
        self.opener, self.on_dismiss = None, "ignore"
        with self.hold_sync():
            self.is_open = False
            self.body = None
        if slot is not None:
            self.app.root.overlays.remove(slot)
            slot.dispose()

    def _after_run(self, run: Run) -> None:
        """A finished full run that did not call a dialog function closes the dialog (an
        interrupted one does not: the run that follows decides)."""
        finished = run.app is self.app and run.kind == "app" and run.outcome != "rerun"
        if finished and self.opened_in is not run and self.slot is not None:
            self.close_dialog()

    def dismiss(self) -> None:
        """What a visitor's Esc, close button or click outside does (for `nbfrag.testing`)."""
        self._on_message(self, {"event": "dismiss", "generation": self.generation}, [])

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "dismiss":
            return
        if content.get("generation") != self.generation or not self.is_open or not self.dismissible:
            return  # an old view's message, a closed dialog, or forged for a non-dismissible one
        opener, on_dismiss = self.opener, self.on_dismiss
        self.close_dialog()
        if on_dismiss == "ignore":
            return
        if opener is not None and not opener.alive:  # its fragment left the page: rerun the app
            opener = None
        callback = on_dismiss if callable(on_dismiss) else None
        runtime.dispatch(Request(self.app, fragment=opener, callback=callback))

    def close(self) -> None:
        if self._after_run in runtime.run_observers:
            runtime.run_observers.remove(self._after_run)
        super().close()

    def __repr__(self) -> str:
        return "DialogWidget"


def _dialog_widget(frame: Frame) -> DialogWidget:
    """The app's modal, made (and, in a plain cell, displayed) on first use."""
    root = frame.app.root
    found = root.extras.get("dialog")
    if isinstance(found, DialogWidget):
        return found
    if root.widget is None and not frame.live_cell:
        raise errors.StreamlitAPIException(PLAIN_CELL)
    made = root.extra("dialog", lambda: DialogWidget(frame.app))
    if root.widget is None:
        frame.show(made)
    assert isinstance(made, DialogWidget)
    return made


def _inside_dialog(frame: Frame) -> bool:
    block: Block | None = frame.block
    while block is not None:
        if isinstance(block.widget, DialogBody):
            return True
        block = block.parent
    return False


def _body(func: Callable[..., Any]) -> Callable[..., None]:
    """The dialog's content: `func` with its return value dropped (item 27); `st.rerun()` in
    it hides the dialog before the full run it asks for."""

    @functools.wraps(func)
    def body(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
        except RerunException as rerun:
            if rerun.scope == "app":
                modal = runtime.require_frame().app.root.extras.get("dialog")
                if isinstance(modal, DialogWidget):
                    modal.hide()
            raise

    return body


def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: OnDismiss = "ignore",
) -> Callable[[F], F]:
    """Turn a function into a dialog: calling it opens a modal dialog that shows what it draws.

    Use it as `@st.dialog("Title")`. Calling the decorated function during a run opens the
    dialog and runs the function inside it at once; the call returns `None`. The body is a
    fragment: a widget inside the dialog reruns only the dialog function (with the arguments of
    the call that opened it), not the app. Share values with the rest of the app through
    `st.session_state`.

    The dialog closes when the body calls `st.rerun()` (the app reruns without calling the
    dialog function again), when a full run does not call it, or when the visitor dismisses it
    (the "X", Esc, or a click outside) if `dismissible`. Reruns of the fragment that opened it
    leave it open. Only one dialog may be opened per run, and dialogs cannot be nested.

    Parameters
    ----------
    title : str
        The dialog's title (inline Markdown; raw HTML is not rendered). Required, not empty.
    width : "small", "medium", "large" or int
        500, 750 or 1280 pixels, or a width in pixels (narrower on a narrow screen).
    position : "center", "left" or "right"
        A centered dialog, or a full-height panel at the left or right edge.
    dismissible : bool
        Whether the visitor may dismiss it. If False there is no "X", Esc and clicks outside
        do nothing, and only `st.rerun()` in the body closes it. The kernel enforces this, but
        it does not make the rest of the app unreachable: don't rely on it for security.
    icon : str or None
        An emoji shown before the title, or "spinner" for a spinning indicator.
    on_dismiss : "ignore", "rerun" or callable
        What a dismissal does: nothing but close ("ignore"), rerun the scope that opened the
        dialog ("rerun": only that fragment, if a fragment's code opened it), or call this
        function with no arguments and then rerun that scope.

    Returns
    -------
    A decorator; the decorated function opens the dialog and returns None.

    Examples
    --------
    >>> import nbfrag as st
    >>> @st.dialog("Rename the plant")
    ... def rename(plant):
    ...     name = st.text_input("New name", plant)
    ...     if st.button("Save"):
    ...         st.session_state.plant = name
    ...         st.rerun()  # closes the dialog: the app reruns without calling rename()
    >>> st.write("Plant:", st.session_state.get("plant", "not named yet"))
    >>> if st.button("Rename") or "plant" not in st.session_state:  # open until a name is saved
    ...     rename(st.session_state.get("plant", "Fern"))

    Differences from Streamlit
    --------------------------
    In JupyterLab and Notebook 7 the dialog covers the app's area (the cell's output), not the
    whole notebook: the rest of the notebook stays usable, so a dialog that does not close can
    always be fixed by editing the cell. In Voila, where the app is the page, it covers the
    page. Focus moves into the dialog when it opens, stays inside it (Tab cycles) and returns
    where it was when it closes. The kernel is told of every dismissal, also with
    `on_dismiss="ignore"` (then nothing reruns), so `repr()` of the app shows the dialog only
    while it is open. `":material/...:"` icons are not drawn (a notebook has no Material icon
    font), and a left/right panel cannot be resized. `st.sidebar` in a dialog raises, as in any
    fragment. In a plain cell (no `%%app`) a dialog opens only during the cell's own run.
    """
    if callable(title) or title is None or title == "":  # `@st.dialog` without a title
        raise errors.StreamlitMissingRequiredParameterError("title", TITLE_EXAMPLE)
    title = str(title)

    def decorate(func: F) -> F:
        content = fragment(_body(func))

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> None:
            if runtime.frame() is None and shell() is None:
                return  # outside a notebook nothing runs, as outside a Streamlit run
            frame = runtime.require_frame()
            runtime.check_not_parallel("@st.dialog")
            if _inside_dialog(frame):
                raise errors.StreamlitInvalidLayoutContextError(NESTED)
            look = _look(title, width, position, dismissible, icon, on_dismiss)
            modal = _dialog_widget(frame)
            if not frame.live_cell:
                modal.open_dialog(frame, look, on_dismiss, content, args, kwargs)
                return
            # Top level of a plain cell: the body's error or `st.stop()` shows in the dialog
            # and the cell goes on; `st.rerun()` reruns the cell.
            try:
                modal.open_dialog(frame, look, on_dismiss, content, args, kwargs)
            except (StopException, FragmentHandledException):
                pass
            except RerunException as rerun:
                follow_up = runtime.follow_up(frame.app, Execution("rerun", rerun=rerun))
                if follow_up is not None:
                    runtime.dispatch(follow_up)

        return call  # type: ignore[return-value]

    return decorate
