"""What Streamlit's text fields settle before a value is sent: the presets of `st.text_input`'s
`type`, its `validate` rules and `live` timing, and `required` for the text and value fields.

Streamlit checks `required` and `validate` in the browser, so an edit that fails them is never
sent while the app (and Session State) may still set such a value. nbfrag checks them in the
kernel at the same point: on a user's edit (`Control.accepts`), never on a value the app sets.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, NamedTuple

from .. import errors
from .._runtime.duration import parse_duration_string


class TypePreset(NamedTuple):
    """What a `type=` of `st.text_input` brings when the app does not say otherwise."""

    placeholder: str | None
    validate: tuple[str, str] | None


# Each type's placeholder and check, as Streamlit presets them (the app's own arguments win;
# "" turns one off). The e-mail rule wants one "@" and a dotted domain; the URL rule a dotted
# host, with or without an http(s) scheme.
TYPE_PRESETS: dict[str, TypePreset] = {
    "default": TypePreset(None, None),
    "password": TypePreset(None, None),
    "email": TypePreset("you@example.com", (r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "Enter a valid email address.")),
    "url": TypePreset("https://example.com", (r"^((?i:https?)://)?[^\s/.]+\.\S+$", "Enter a valid URL.")),
    "phone": TypePreset("+1 234 567 8900", None),
    "search": TypePreset("Search", None),
}


def check_type(type: object) -> TypePreset:
    """The presets of a text input `type`; Streamlit's error for an unknown one."""
    if not isinstance(type, str) or type not in TYPE_PRESETS:
        raise errors.StreamlitValueError("type", [repr(name) for name in TYPE_PRESETS])
    return TYPE_PRESETS[type]


def validate_rule(validate: object) -> tuple[str | None, str | None]:
    """`validate` as (pattern, message); Streamlit's errors for other shapes."""
    if validate is None:
        return None, None
    if isinstance(validate, str):
        return validate, None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(part, str) for part in validate):
            return validate[0], validate[1]
        raise errors.StreamlitValueError("validate", ["a regex string", "a (regex, message) tuple of strings"])
    raise errors.StreamlitInvalidParameterTypeError("validate", type(validate).__name__, ["None", "str", "tuple"])


def text_check(required: bool, pattern: str | None) -> Callable[[str | None], bool]:
    """Whether a user's text may be committed: not blank when `required`; matching `pattern`
    (searched, not anchored, with `.` matching newlines as in the browser's "s" flag) unless
    empty, as empty fields skip validation."""
    compiled = None
    if pattern:  # "" turns a type's preset rule off
        try:
            compiled = re.compile(pattern, re.DOTALL)
        except re.error as exc:
            raise errors.StreamlitAPIException(
                f"`validate` pattern {pattern!r} is not a regular expression Python can use "
                f"({exc}). Write it in the syntax both JavaScript and Python share, e.g. "
                r"r'^\d{3}-\d{4}$'."
            ) from None

    def accepts(text: str | None) -> bool:
        if not text or not text.strip():
            return not required
        return compiled is None or compiled.search(text) is not None

    return accepts


def not_empty(value: Any) -> bool:
    """`required` for value fields (numbers, dates, times, choices): None is empty."""
    return value is not None


_LIVE_RANGE_MS = (0, 60_000)
_LIVE_ACCEPTED = (
    "True (a 250ms pause), False, or a duration string from `'0ms'` to `'1m'`, such as "
    "`'300ms'` or `'0.5s'`"
)


def live_delay_ms(live: object) -> int | None:
    """`live` as the pause in milliseconds after which typing commits (None: commit on Enter or
    blur); Streamlit's errors for numbers, other types and pauses outside 0 to 1 minute."""
    if live is False:
        return None
    if live is True:
        return 250
    if isinstance(live, (int, float, timedelta)):
        raise errors.StreamlitInvalidParameterTypeError(
            "live", type(live).__name__, ["bool", "str"],
            detail=(
                "A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, "
                "or a duration string like `'300ms'` or `'0.5s'`. `live=300` is not milliseconds "
                "(and `live=0.3` is not seconds); duration units must be explicit."
            ),
        )
    if not isinstance(live, str):
        raise errors.StreamlitInvalidParameterTypeError("live", type(live).__name__, ["bool", "str"])
    try:
        seconds = parse_duration_string(live)
    except errors.StreamlitBadTimeStringError:
        raise errors.StreamlitBadTimeStringError(live, "live", _LIVE_ACCEPTED) from None
    delay = max(1, round(seconds * 1000)) if seconds > 0 else round(seconds * 1000)
    if seconds < 0 or not math.isfinite(seconds) or delay > _LIVE_RANGE_MS[1]:
        raise errors.StreamlitValueOutOfRangeError(
            "live", live, "0ms", "1m",
            detail=(
                "Use `True` for the 250ms default, `'0ms'` to commit on every change, or a "
                "duration string up to `'1m'`."
            ),
        )
    return delay
