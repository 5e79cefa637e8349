"""Exceptions raised by nbfrag, named after Streamlit's so ported code catches the same things.

`from streamlit.errors import StreamlitAPIException` becomes
`from nbfrag.errors import StreamlitAPIException`; messages follow Streamlit's wording where
Streamlit has one, and otherwise say what went wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Collection


class StreamlitAPIException(Exception):
    """An nbfrag command was used in a way it does not support."""


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A command was called where the layout (app, fragment, callback) does not allow it."""


class StreamlitValueError(StreamlitAPIException, ValueError):
    """A parameter has a value nbfrag cannot use.

    Raised as Streamlit 1.67 raises it, `StreamlitValueError("layout", ["'centered'",
    "'wide'"], detail=...)`, which reads "Invalid `layout` value. Supported values: 'centered',
    'wide'." (then the detail); a single argument is the whole message."""

    def __init__(
        self, parameter: str, valid_values: Collection[str] | None = None, *, detail: str | None = None
    ) -> None:
        if valid_values is None:
            super().__init__(parameter)
            return
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)
        self.parameter = parameter


class StreamlitInvalidParameterTypeError(StreamlitAPIException, TypeError):
    """A parameter got a value of a type it does not accept.

    Raised as Streamlit 1.67 raises it, `StreamlitInvalidParameterTypeError("scope", "float",
    ["str", "int"])`, which reads "Invalid `scope` type. Expected one of: str, int. Provided
    type: float." (then the detail, if any)."""

    def __init__(
        self, parameter: str, provided_type: str, expected_types: Collection[str], *, detail: str | None = None
    ) -> None:
        message = (
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. "
            f"Provided type: {provided_type}."
        )
        super().__init__(f"{message} {detail}" if detail else message)
        self.parameter = parameter


class StreamlitValueOutOfRangeError(StreamlitAPIException):
    """A parameter is outside the closed interval it must lie in."""

    def __init__(
        self, parameter: str, value: object, min_value: object, max_value: object, *, detail: str | None = None
    ) -> None:
        message = (
            f"The `{parameter}` parameter, set to {value}, is outside the required range "
            f"[{min_value}, {max_value}]."
        )
        super().__init__(f"{message} {detail}" if detail else message)
        self.parameter = parameter


class StreamlitInvalidURLError(StreamlitAPIException):
    """A URL is malformed or uses a protocol the parameter does not accept."""

    def __init__(self, url: str, protocols: Collection[str] = ("http", "https", "mailto")) -> None:
        prefixes = [f'"{p}:"' if p == "mailto" else f'"{p}://"' for p in protocols]
        if len(prefixes) <= 2:
            accepted = " or ".join(prefixes)
        else:
            accepted = f"{', '.join(prefixes[:-1])}, or {prefixes[-1]}"
        super().__init__(
            f'"{url}" is not a valid URL. You must use a fully qualified domain beginning with {accepted}.'
        )


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
    """A duration parameter (`run_every`, a cache's `ttl`) got a string that is not a duration."""

    def __init__(self, value: str, parameter: str = "run_every", accepted: str | None = None) -> None:
        accepted = accepted or (
            "seconds as an int or float (`5`, `0.5`), a `datetime.timedelta`, or a duration "
            "string such as `'10s'`, `'500ms'`, `'1m30s'`, `'1h23s'`, `'1.5 days'`, `'00:00:05'` "
            "or ISO 8601 `'PT5S'`"
        )
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or "
            f"`2 days`, for example. Got: {value}\n\n"
            f"Accepted `{parameter}` values: {accepted}."
        )


class NoAppError(StreamlitAPIException):
    """A command needs a running app, and there is none (or it cannot be rerun)."""


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A parameter that the other arguments make necessary was not given."""

    def __init__(self, parameter: str, detail: str = "") -> None:
        super().__init__(f"The `{parameter}` parameter is required." + (f" {detail}" if detail else ""))


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    """Two parameters were given that cannot be used together."""

    def __init__(self, first: str, second: str, explanation: str = "") -> None:
        message = f"`{first}` and `{second}` cannot be used together."
        super().__init__(message + (f" {explanation}" if explanation else ""))


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A problem shown on the page as an exception element, never raised."""


# --------------------------------------------------------------------------------------------
# Caching (`st.cache_data`, `st.cache_resource`)


def _type_name(value: object) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _func_md(func: object) -> str:
    return f"`{getattr(func, '__name__', type(func).__name__)}()`"


class UnhashableParamError(StreamlitAPIException):
    """A cached function was called with an argument its cache key cannot include."""

    def __init__(self, decorator: str, func: object, arg_name: str | None, arg_value: object) -> None:
        name = getattr(func, "__name__", "unknown")
        super().__init__(
            f"Cannot hash argument '{arg_name if arg_name is not None else '(unnamed)'}' "
            f"(of type `{_type_name(arg_value)}`) in '{name}'.\n\n"
            "To address this, you can tell Streamlit not to hash this argument by adding a\n"
            "leading underscore to the argument's name in the function signature:\n\n"
            f"```\n@st.{decorator}\ndef {name}({'_' + arg_name if arg_name is not None else '_arg'}, ...):\n"
            "    ...\n```"
        )


class UserHashError(StreamlitAPIException):
    """A function given in `hash_funcs=` raised while hashing an argument."""

    def __init__(
        self, error: BaseException, value: object, hash_func: object, decorator: str, func: object, chain: str
    ) -> None:
        hash_name = f"`{hash_func.__name__}()`" if hasattr(hash_func, "__name__") else "a function"
        super().__init__(
            f"{error}\n\n"
            f"This error is likely due to a bug in {hash_name}, which is a\n"
            f"user-defined hash function that was passed into the `@st.{decorator}` decorator of\n"
            f"{_func_md(func)}.\n\n"
            f"{hash_name} failed when hashing an object of type\n`{_type_name(value)}`.  If you don't "
            "know where that object is coming from,\ntry looking at the hash chain below for an "
            "object that you do recognize, then\npass that to `hash_funcs` instead:\n\n"
            f"```\n{chain}\n```"
        )


class UnserializableReturnValueError(StreamlitAPIException):
    """`st.cache_data` could not pickle what the function returned."""

    def __init__(self, func: object, value: object) -> None:
        kind = f"`{_type_name(value)}`" if hasattr(value, "__module__") else _func_md(value)
        super().__init__(
            f"Cannot serialize the return value (of type {kind}) in {_func_md(func)}. "
            "`st.cache_data` uses [pickle](https://docs.python.org/3/library/pickle.html) to "
            "serialize the function's return value and safely store it in the cache without "
            "mutating the original object. Please convert the return value to a "
            "pickle-serializable type. If you want to cache unserializable objects such as "
            "database connections or Tensorflow sessions, use `st.cache_resource` instead "
            "(see [our docs](https://docs.streamlit.io/develop/concepts/architecture/caching) "
            "for differences)."
        )


class CacheReplayClosureError(StreamlitAPIException):
    """A cached function drew into a container created outside it: a hit cannot replay that."""

    def __init__(self, decorator: str, func: object) -> None:
        name = _func_md(func)
        super().__init__(
            f"While running {name}, a streamlit element is called on some layout block\n"
            "created outside the function. This is incompatible with replaying the cached\n"
            "effect of that element, because the referenced block might not exist when\n"
            "the replay happens.\n\n"
            "How to fix this:\n"
            f"* Move the creation of that layout block inside {name}.\n"
            f"* Move the call to the streamlit element outside of {name}.\n"
            f"* Remove the `@st.{decorator}` decorator from {name}."
        )


class CachedWidgetWarning(StreamlitAPIWarning):
    """A widget command ran inside a cached function (shown on the page, not raised)."""

    def __init__(self) -> None:
        super().__init__(
            "Your script uses a widget command in a cached function\n"
            "(function decorated with `@st.cache_data` or `@st.cache_resource`).\n"
            'This code will only be called when we detect a cache "miss",\n'
            "which can lead to unexpected results.\n\n"
            "To fix this, move all widget commands outside the cached function."
        )


class CachedStFunctionInBackgroundModeWarning(StreamlitAPIWarning):
    """A `refresh_mode="background"` cached function drew elements, which are never replayed."""

    def __init__(self, decorator: str, func: object) -> None:
        name = _func_md(func)
        super().__init__(
            f'{name} is decorated with `@st.{decorator}(refresh_mode="background")`\n'
            "and uses a Streamlit display command (e.g. `st.write`). In background mode, cached\n"
            "display output is **not** replayed on cache hits, so these elements only appear when\n"
            "the function actually runs (the initial cache miss and any later foreground recompute)\n"
            "and then disappear on subsequent reruns.\n\n"
            "To fix this, either move the display commands outside the cached function, or use\n"
            '`refresh_mode="foreground"`.'
        )


# --------------------------------------------------------------------------------------------
# Forms (`st.form`, `st.form_submit_button`) and sizes


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


# --------------------------------------------------------------------------------------------
# Custom components (`st.components.v2.component`)


class BidiComponentError(StreamlitAPIException):
    """Any error of a custom component (`st.components.v2`)."""


class BidiComponentInvalidCallbackNameError(BidiComponentError):
    """A callback keyword is `on__change`: an event needs a name."""

    def __init__(self, callback_name: str) -> None:
        super().__init__(
            f"The callback name `'{callback_name}'` is not allowed. Name callbacks "
            "`on_{event_name}_change` with a non-empty `event_name`."
        )


class BidiComponentInvalidDefaultKeyError(BidiComponentError):
    """`default=` names a state that has no `on_<name>_change` callback."""

    def __init__(self, state_key: str, available_keys: list[str]) -> None:
        super().__init__(
            f"Key `'{state_key}'` in `default` is not a valid state name. A state name is valid "
            "when the component is mounted with its `on_{state_name}_change` callback. Available "
            f"state names: `{available_keys or 'none'}`"
        )


class BidiComponentUnserializableDataError(BidiComponentError):
    """The `data=` of a custom component cannot be sent to the browser."""

    def __init__(self) -> None:
        super().__init__(
            "The `data` given to the component could not be serialized: pass JSON-serializable "
            "data (dicts, lists, strings, numbers), a pandas DataFrame or a NumPy array."
        )


class StreamlitSecretNotFoundError(StreamlitAPIException, FileNotFoundError):
    """No secrets file was found, or one could not be read (`st.secrets`)."""


class StreamlitQueryParamDictValueError(StreamlitAPIException):
    """A query parameter was set to a dict (`st.query_params`)."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"Query param value for `{key}` cannot be set to a dictionary. "
            "Provide a string or iterable of strings instead."
        )


class StreamlitDefaultNotInOptionsError(StreamlitAPIException):
    """A picker's `default` is not one of its `options`."""

    def __init__(self, value: object) -> None:
        super().__init__(
            f"The default value '{value}' is not part of the options. Please make sure that every "
            "default value also exists in the options."
        )


class StreamlitValueBelowMinError(StreamlitAPIException):
    """A widget's `value` is below its `min_value`."""

    def __init__(self, value: object, min_value: object) -> None:
        super().__init__(f"The `value` {value} is less than the `min_value` {min_value}.")


class StreamlitValueAboveMaxError(StreamlitAPIException):
    """A widget's `value` is above its `max_value`."""

    def __init__(self, value: object, max_value: object) -> None:
        super().__init__(f"The `value` {value} is greater than the `max_value` {max_value}.")


class StreamlitInvalidMinMaxError(StreamlitAPIException):
    """A widget's `min_value` is above its `max_value` (or equal, where that is refused)."""

    def __init__(self, min_value: object, max_value: object) -> None:
        if min_value == max_value:
            message = (
                f"The `min_value` and `max_value` parameters are both set to {min_value}. They must not be equal."
            )
        else:
            message = (
                f"The `min_value`, set to {min_value}, cannot be greater than the `max_value`, set to {max_value}."
            )
        super().__init__(message)
