"""Text inputs: `st.text_input` and `st.text_area`. They commit on Enter or blur
(`continuous_update=False`), as Streamlit's do: typing does not rerun at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeAlias

import ipywidgets as widgets

from .. import errors
from .._runtime.models import set_layout
from .base import Control, input_widget
from .text_rules import check_type, live_delay_ms, text_check, validate_rule
from .types import (
    Bind,
    Callback,
    Key,
    LabelVisibility,
    PersistState,
    WidgetArgs,
    WidgetKwargs,
    WidthWithoutContent,
)

TextInputType: TypeAlias = Literal["default", "password", "email", "url", "phone", "search"]


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
    type: TextInputType = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = None,
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    icon: str | None = None,
    validate: str | tuple[str, str] | None = None,
    live: str | bool = False,
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> str | None:
    """Display a single-line text field and return its text.

    The text is sent when the user presses Enter or leaves the field, not at every keystroke.

    Parameters
    ----------
    label : str
        What the field is for, shown above it as plain text. Part of the widget's identity when it
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
    type : {"default", "password", "email", "url", "phone", "search"}, default "default"
        "password" masks the characters typed (an ipywidgets `Password` field). "email",
        "url", "phone" and "search" bring Streamlit's presets: a placeholder ("you@example.com",
        "https://example.com", "+1 234 567 8900", "Search") and, for "email" and "url", a
        `validate` rule; the app's own `placeholder` and `validate` win. Other values raise
        `StreamlitValueError`.
    help : str, optional
        A tooltip shown when the pointer rests on the widget.
    autocomplete : str, optional
        Accepted for compatibility and ignored: ipywidgets' text field sets no `autocomplete`
        attribute, so the browser decides what to suggest.
    on_change : callable, "rerun" or "ignore", optional
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    placeholder : str, optional
        Grey hint text shown while the field is empty (None: the preset of `type`; "": none).
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    required : bool, default False
        Refuse an empty or blank entry from the user: the field goes back to the last text
        sent. The starting `value` is unchanged (use `value=None` for an empty required field).
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    icon : str, optional
        Accepted for compatibility and not shown: ipywidgets' text field has no place for an icon.
    validate : str or (str, str), optional
        A regular expression the user's text must match (searched, so anchor it with `^...$`
        to match the whole text), optionally with the message Streamlit shows when it does not.
        Text that does not match is refused: the field goes back to the last text sent. Empty
        text skips the check. None uses the preset of `type`; "" turns it off. Other shapes
        raise Streamlit's errors.
    live : bool or str, default False
        Send the text while the user types rather than on Enter or blur. True or a duration
        string up to "1m" ("300ms", "0.5s") as in Streamlit; numbers raise
        `StreamlitInvalidParameterTypeError`.
    width : "content", "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the control keeps the width ipywidgets gives it.
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
    str or None
        The text. None only with `value=None` until the user enters something (a field emptied
        by the user returns "").

    Differences from Streamlit
    --------------------------
    * `autocomplete` and `icon` are ignored; `type` changes no keyboard and "search" has no
      clear button.
    * Text refused by `required` or `validate` is replaced by the last text sent (Streamlit
      keeps it and shows the message under the field).
    * `live` sends at every keystroke: the pause it names is not waited for.
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

    Examples
    --------
    >>> import nbfrag as st
    >>> name = st.text_input("Your name", placeholder="Ada", max_chars=40)
    >>> if name:
    ...     st.write(f"Hello, {name}!")
    """
    preset = check_type(type)
    if bind == "query-params" and type == "password":
        raise errors.StreamlitIncompatibleParametersError(
            "bind='query-params'", "type='password'", "Password values must not appear in URLs."
        )
    max_chars = _check_max_chars(max_chars)
    rule, _message = validate_rule(preset.validate if validate is None else validate)
    accepts = text_check(required, rule)
    typing = live_delay_ms(live) is not None
    password = type == "password"
    hint = preset.placeholder if placeholder is None else placeholder

    def configure(widget: Any) -> None:
        widget.placeholder = "" if hint is None else str(hint)
        widget.continuous_update = typing

    control = Control(
        lambda: (widgets.Password if password else widgets.Text)(continuous_update=typing),
        configure,
        (hint, typing),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(password),
        accepts=accepts,
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    identity = (value, max_chars, type, autocomplete, placeholder, validate_rule(validate)[0], required)
    return input_widget(
        "text_input", label, key, identity, initial,
        control, help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        fields={"max_chars": max_chars, "placeholder": placeholder},
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
    required: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
    bind: Bind = None,
    persist_state: PersistState = None,
) -> str | None:
    """Display a multi-line text field and return its text.

    The text is sent when the field loses focus; Enter starts a new line.

    Parameters
    ----------
    label : str
        What the field is for, shown above it as plain text. Part of the widget's identity when it
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
    on_change : callable, "rerun" or "ignore", optional
        Called as `on_change(*args, **kwargs)` when the user changes the value, before the rerun
        the change causes (inside a fragment only the fragment reruns, elsewhere the whole app).
        "rerun" is the same as None; "ignore" keeps the user's value without a rerun (the app
        reads it in its next run).
    args : tuple, optional
        Positional arguments passed to the callback.
    kwargs : dict, optional
        Keyword arguments passed to the callback.
    placeholder : str, optional
        Grey hint text shown while the field is empty.
    disabled : bool, default False
        Show the widget greyed out, so that the user cannot change it.
    required : bool, default False
        Refuse an empty or blank entry from the user: the field goes back to the last text
        sent. The starting `value` is unchanged (use `value=None` for an empty required field).
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Whether the label is shown: "hidden" keeps its room empty and "collapsed" removes it,
        as in Streamlit. Other values raise `StreamlitAPIException`.
    width : "content", "stretch" or int, default "stretch"
        Accepted for compatibility and ignored: the field always fills its container's width.
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
    str or None
        The text. None only with `value=None` until the user enters something.

    Differences from Streamlit
    --------------------------
    * The text is sent when the field loses focus (Streamlit also sends it on Ctrl+Enter).
    * A string `height` keeps the default height.
    * Text refused by `required` is replaced by the last text sent (Streamlit keeps it and
      shows a message under the field).
    * The label and `help` are plain text (Streamlit renders Markdown in them), and `help` is
      the browser's own tooltip (the "?" beside the label shows there is one).
    * `width` is ignored.
    * `bind="query-params"` raises `StreamlitAPIException`: a notebook page has no URL query
      parameters.

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
        set_layout(widget, height=css_height)  # (the stylesheet makes it fill its column)

    control = Control(
        lambda: widgets.Textarea(continuous_update=False),
        configure,
        (placeholder, css_height),
        to_widget=lambda v: "" if v is None else v,
        coerce=_text_coerce(max_chars, allow_none=True),
        show=_show_text(False),
        accepts=text_check(required, None),
    )
    initial = None if value is None else _text_coerce(max_chars, False)(value)
    return input_widget(
        "text_area", label, key, (value, height, max_chars, placeholder), initial, control,
        help=help, on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
        label_visibility=label_visibility,
        bind=bind, persist_state=persist_state, fields={"max_chars": max_chars, "placeholder": placeholder},
    )
