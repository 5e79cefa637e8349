"""`st.feedback`: thumbs, faces or stars in a row (js/chips.js), returning the position picked."""

from __future__ import annotations

import numbers
from dataclasses import replace
from typing import Any, Literal

from .. import errors
from .base import InputOwner, input_widget
from .chips import chips_control
from .types import Bind, Callback, Key, PersistState, WidgetArgs, WidgetKwargs, Width, css_size

FeedbackOptions = Literal["thumbs", "faces", "stars"]

# The glyphs of each kind, lowest feedback first, with the name a screen reader says.
_GLYPHS: dict[str, list[tuple[str, str]]] = {
    "thumbs": [("👎", "thumbs down"), ("👍", "thumbs up")],
    "faces": [
        ("😞", "very dissatisfied"),
        ("🙁", "dissatisfied"),
        ("😐", "neutral"),
        ("🙂", "satisfied"),
        ("😀", "very satisfied"),
    ],
    "stars": [("★", f"{n} star{'s' if n > 1 else ''}") for n in range(1, 6)],
}
_WIDTHS: dict[str, str | None] = {"content": None, "stretch": "100%"}


def feedback(
    options: FeedbackOptions = "thumbs",
    *,
    key: Key = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    width: Width = "content",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> int | None:
    """Display a feedback row (thumbs, faces or stars) and return the position picked.

    Clicking the picked icon again clears the choice (back to None), as in Streamlit.

    Parameters
    ----------
    options : {"thumbs", "faces", "stars"}, default "thumbs"
        The icons: a thumb down and a thumb up; five faces from very dissatisfied to very
        satisfied; or five stars (picking a star lights every star up to it). Other values
        raise `StreamlitValueError`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its options and default, so
        two identical widgets in one run need different keys. With one,
        `st.session_state[key]` holds the value: readable anywhere, and writable before the
        widget is drawn in a run (or from a callback) to set it; a value that is not a valid
        position becomes `default`, as in Streamlit.
    default : int or None, default None
        The position picked at first: 0 or 1 for thumbs, 0 to 4 for faces and stars. Outside
        that range it raises `StreamlitValueOutOfRangeError`.
    disabled : bool, default False
        Show the icons greyed out, so that the user cannot change them. Enforced in the kernel.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    width : "content", "stretch" or int, default "content"
        The row's width: as wide as its icons, the container's width, or pixels. Other values
        raise `StreamlitInvalidWidthError`.
    bind : "query-params" or None, default None
        Streamlit syncs the value with a URL query parameter named after `key`. A notebook
        page has no query parameters, so only None is taken: "query-params" raises
        `StreamlitAPIException` saying what to do instead; other values raise Streamlit's
        `StreamlitValueError`.
    persist_state : "page", "session" or None, default None
        Keep the value in `st.session_state[key]` while the widget is not drawn (for example
        behind an unchecked checkbox), so that it comes back with the widget. A notebook is one
        page, so "page" and "session" behave alike. Needs a `key`
        (`StreamlitMissingRequiredParameterError`); other values raise `StreamlitValueError`.

    Returns
    -------
    int or None
        The position picked, 0 being the lowest feedback: 0 (thumb down) or 1 (thumb up); 0 to
        4 for faces and stars. None while nothing is picked.

    Differences from Streamlit
    --------------------------
    * The icons are emoji (👎 👍, 😞 🙁 😐 🙂 😀) and ★ glyphs rather than Material icons.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> sentiment_mapping = ["one", "two", "three", "four", "five"]
    >>> selected = st.feedback("stars")
    >>> if selected is not None:
    ...     st.markdown(f"You selected {sentiment_mapping[selected]} star(s).")
    """
    if options not in _GLYPHS:
        raise errors.StreamlitValueError("options", ["'thumbs'", "'faces'", "'stars'"])
    glyphs = _GLYPHS[options]
    count = len(glyphs)
    if default is not None and not 0 <= default < count:
        raise errors.StreamlitValueOutOfRangeError("default", default, 0, count - 1)
    given: object = default  # typed int, but an app may pass anything
    if given is not None and not isinstance(given, numbers.Integral):
        raise TypeError(f"'{type(given).__name__}' object cannot be interpreted as an integer")
    css_width = css_size(width, "width", _WIDTHS) or ""

    def valid(value: Any) -> Any:
        """A position from Session State: an int in range (not a bool), else `default`."""
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= int(value) < count:
            return default
        return int(value)

    def show(value: Any) -> str:
        if options == "stars":
            lit = -1 if value is None else value
            return "".join("★" if i <= lit else "☆" for i in range(count))
        return " ".join(f"[{glyph}]" if i == value else glyph for i, (glyph, _) in enumerate(glyphs))

    positions = list(range(count))
    control = replace(chips_control(
        positions, [{"icon": glyph, "html": "", "name": name} for glyph, name in glyphs], look=options,
        mode="single", default=default, width=css_width, show=show,
    ), coerce=lambda value: None if value is None else valid(value))

    def text(owner: InputOwner) -> str:
        return f"feedback ({options}): {show(owner.shown())}"

    value: int | None = input_widget(
        "feedback", "", key, (options, default, width), default, control, help=None,
        on_change=on_change, args=args, kwargs=kwargs, disabled=disabled, label_visibility="collapsed",
        bind=bind, persist_state=persist_state, text=text,
    )
    return value
