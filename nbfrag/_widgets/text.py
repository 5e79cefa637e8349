"""Text inputs: `st.text_input` and `st.text_area`. They commit on Enter or blur
(`continuous_update=False`), as Streamlit's do: typing does not rerun at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as widgets

from .. import errors
from .base import Control, input_widget
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, WidthWithoutContent


def _text_coerce(max_chars: int | None, allow_none: bool) -> Callable[[Any], str | None]:
    def coerce(value: Any) -> str | None:
        if value is None and allow_none:
            return None
        text = str(value)
        return text[:max_chars] if max_chars else text

    return coerce


def _show_text(password: bool) -> Callable[[str | None], str]:
    def show(value: str | None) -> str:
        if value is None:
            return "[]"
        return f"[{'•' * len(value) if password else value}]"

    return show


def _check_max_chars(max_chars: Any) -> int | None:
    if max_chars is None:
        return None
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0:
        raise errors.StreamlitAPIException(
            f"`max_chars` must be a positive integer or None; got {max_chars!r}."
        )
    return max_chars


def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: Key = None,
    type: Literal["default", "password"] = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    icon: str | None = None,
    width: WidthWithoutContent = "stretch",
) -> str | None:
    """Display a single-line text field and return its text.

    The text is sent when the user presses Enter or leaves the field, not at every keystroke.

    Parameters
    ----------
    label : str
        What the field is for, shown beside it as plain text. Part of the widget's identity when it
        has no `key`.
    value : str or None, default ""
        The starting text. None starts empty and returns None until the user enters text.
    max_chars : int, optional
        The most characters kept: longer text is cut. Anything but a positive int (or None)
        raises `StreamlitAPIException`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so two
        identical widgets in one run need different keys. With one, `st.session_state[key]` holds
        the value: readable anywhere, and writable before the widget is drawn in a run (or from a
        callback) to set it.
    type : {"default", "password"}, default "default"
        "password" masks the characters typed (an ipywidgets `Password` field). Other values
        raise `StreamlitAPIException`.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    autocomplete : str, optional
        Accepted for compatibility and ignored: ipywidgets' text field sets no `autocomplete`
        attribute, so the browser decides what to suggest.
    on_change : callable, optional
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    placeholder : str, optional
        Grey hint text shown while the field is empty.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown. "hidden" and "collapsed" both remove it: an ipywidget keeps
        no empty space for a hidden label. Other values raise `StreamlitAPIException`.
    icon : str, optional
        Accepted for compatibility and not shown: ipywidgets' text field has no place for an icon.
    width : "content", "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the control keeps the width ipywidgets gives it.

    Returns
    -------
    str or None
        The text. None only with `value=None` until the user enters something (a field emptied
        by the user returns "").

    Differences from Streamlit
    --------------------------
    * `autocomplete` and `icon` are ignored.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the control's native tooltip rather than a question-mark icon.
    * `label_visibility="hidden"` removes the label like "collapsed"; `width` is ignored.

    Examples
    --------
    >>> import nbfrag as st
    >>> name = st.text_input("Your name", placeholder="Ada", max_chars=40)
    >>> if name:
    ...     st.write(f"Hello, {name}!")
    """
    if type not in ("default", "password"):
        raise errors.StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
        )
    max_chars = _check_max_chars(max_chars)
    password = type == "password"

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)

    control = Control(
        lambda: (widgets.Password if password else widgets.Text)(continuous_update=False),
        configure,
        (placeholder,),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(password),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_input", label, key, (value, max_chars, type, autocomplete, placeholder), initial,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )


def text_area(
    label: str,
    value: str | None = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
) -> str | None:
    """Display a multi-line text field and return its text.

    The text is sent when the field loses focus; Enter starts a new line.

    Parameters
    ----------
    label : str
        What the field is for, shown beside it as plain text. Part of the widget's identity when it
        has no `key`.
    value : str or None, default ""
        The starting text. None starts empty and returns None until the user enters text.
    height : int or str, optional
        The field's height in pixels. A string ("content", "stretch") is accepted and keeps the
        default height; other types raise `StreamlitAPIException`.
    max_chars : int, optional
        The most characters kept: longer text is cut. Anything but a positive int (or None)
        raises `StreamlitAPIException`.
    key : str or int, optional
        The widget's unique name. Without one a widget is known by its label and arguments, so two
        identical widgets in one run need different keys. With one, `st.session_state[key]` holds
        the value: readable anywhere, and writable before the widget is drawn in a run (or from a
        callback) to set it.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    on_change : callable, optional
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    placeholder : str, optional
        Grey hint text shown while the field is empty.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown. "hidden" and "collapsed" both remove it: an ipywidget keeps
        no empty space for a hidden label. Other values raise `StreamlitAPIException`.
    width : "content", "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the field always fills its container's width.

    Returns
    -------
    str or None
        The text. None only with `value=None` until the user enters something.

    Differences from Streamlit
    --------------------------
    * The text is sent when the field loses focus (Streamlit also sends it on Ctrl+Enter).
    * A string `height` keeps the default height.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the control's native tooltip rather than a question-mark icon.
    * `label_visibility="hidden"` removes the label like "collapsed"; `width` is ignored.

    Examples
    --------
    >>> import nbfrag as st
    >>> notes = st.text_area("Notes", "Water the ferns.", height=120)
    >>> st.write(f"{len(notes)} characters")
    """
    max_chars = _check_max_chars(max_chars)
    if height is not None and not isinstance(height, (int, str)):
        raise errors.StreamlitAPIException(f"`height` must be an int (pixels) or None; got {height!r}.")
    css_height = f"{height}px" if isinstance(height, int) else None

    def configure(widget: Any) -> None:
        widget.placeholder = "" if placeholder is None else str(placeholder)
        widget.layout.height = css_height
        widget.layout.width = "100%"

    control = Control(
        lambda: widgets.Textarea(continuous_update=False),
        configure,
        (placeholder, css_height),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(False),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_area", label, key, (value, height, max_chars, placeholder), initial, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
    )
