"""Exceptions raised by nbfrag, named after Streamlit's so ported code catches the same things.

`from streamlit.errors import StreamlitAPIException` becomes
`from nbfrag.errors import StreamlitAPIException`; messages follow Streamlit's wording where
Streamlit has one, and otherwise say what went wrong and how to fix it.
"""

from __future__ import annotations


class StreamlitAPIException(Exception):
    """An nbfrag command was used in a way it does not support."""


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A command was called where the layout (app, fragment, callback) does not allow it."""


class StreamlitValueError(StreamlitAPIException, ValueError):
    """A parameter has a value nbfrag cannot use."""


class DuplicateWidgetID(StreamlitAPIException):
    """Two widgets with the same identity were drawn in one run."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    """Two unkeyed widgets of one type with the same parameters were drawn in one run."""

    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same auto-generated ID. "
            "When this element is created, it is assigned an internal ID based on the element "
            "type and provided parameters. Multiple elements with the same type and parameters "
            "will cause this error.\n\n"
            f"To fix this error, please pass a unique `key` argument to the `{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    """Two widgets with the same `key=` were drawn in one run."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please make "
            "sure that the `key` argument is unique for each element you create."
        )


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A read-only Session State key (a button's) was assigned."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"`st.session_state['{key}']` is read-only and cannot be assigned through session "
            "state. Use a different session state key for values you need to set."
        )


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    """A widget's key was assigned after the widget was drawn in the same run."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"`st.session_state['{key}']` cannot be modified after the widget with that key is "
            f"instantiated. Assign `st.session_state['{key}']` before creating the widget, or "
            "update it from an `on_change` or `on_click` callback, which runs before the widget "
            "is instantiated. If this is a read-only session state key (buttons, file and media "
            "inputs, `st.data_editor`, forms, chart or `ButtonColumn` selections), store the "
            "value under a different session state key."
        )


class StreamlitFragmentWidgetsNotAllowedOutsideError(StreamlitAPIException):
    """A fragment drew a widget into a container created outside it."""

    def __init__(self) -> None:
        super().__init__("Fragments cannot write widgets to outside containers.")


class StreamlitBadTimeStringError(StreamlitValueError):
    """`run_every` got a string that is not a duration."""

    def __init__(self, value: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or "
            f"`2 days`, for example. Got: {value}\n\n"
            "Accepted `run_every` values: seconds as an int or float (`5`, `0.5`), a "
            "`datetime.timedelta`, or a duration string such as `'10s'`, `'500ms'`, `'1m30s'`, "
            "`'1h23s'`, `'1.5 days'`, `'00:00:05'` or ISO 8601 `'PT5S'`."
        )


class NoAppError(StreamlitAPIException):
    """A command needs a running app, and there is none (or it cannot be rerun)."""


class StreamlitInvalidFormCallbackError(StreamlitAPIException):
    """A widget inside a form was given a callback (only submit buttons may have one)."""

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed."
        )


class StreamlitInvalidWidthError(StreamlitAPIException):
    """`width=` is not a positive number of pixels or one of the allowed words."""

    def __init__(self, width: object, allow_content: bool = False) -> None:
        valid = "a positive integer (pixels), 'stretch', or 'content'" if allow_content else (
            "a positive integer (pixels) or 'stretch'"
        )
        super().__init__(f"Invalid width value: {width!r}. Width must be either {valid}.")


class StreamlitInvalidHeightError(StreamlitAPIException):
    """`height=` is not a positive number of pixels or one of the allowed words."""

    def __init__(self, height: object, allow_content: bool = False) -> None:
        valid = "a positive integer (pixels), 'stretch', or 'content'" if allow_content else (
            "a positive integer (pixels) or 'stretch'"
        )
        super().__init__(f"Invalid height value: {height!r}. Height must be either {valid}.")


FORMS_INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).\n"
)
"""Appended to the layout errors about forms, as Streamlit does."""
