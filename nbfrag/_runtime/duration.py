"""Parse `run_every` values: seconds, `timedelta`, or duration strings as Streamlit accepts them.

Streamlit hands strings to `pandas.Timedelta`; nbfrag must not need pandas, so this module
parses the same everyday forms itself ("10s", "500ms", "1m30s", "1.5 days", "1h23s",
"00:00:05", "P1DT2H") and rejects everything else with Streamlit's message plus the list of
accepted forms.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from numbers import Real

from ..errors import StreamlitBadTimeStringError

_UNIT_SECONDS = {
    "w": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "m": 60.0, "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0, "t": 60.0,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "ms": 1e-3, "milli": 1e-3, "millis": 1e-3, "millisecond": 1e-3, "milliseconds": 1e-3,
    "us": 1e-6, "µs": 1e-6, "micro": 1e-6, "micros": 1e-6, "microsecond": 1e-6,
    "microseconds": 1e-6,
    "ns": 1e-9, "nano": 1e-9, "nanos": 1e-9, "nanosecond": 1e-9, "nanoseconds": 1e-9,
}
_NUMBER = r"(\d+(?:\.\d*)?|\.\d+)"
_PART = re.compile(_NUMBER + r"\s*([a-zµ]+)\s*", re.IGNORECASE)
_CLOCK = re.compile(r"^(-)?(?:(\d+)\s*days?,?\s*)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")
_ISO = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
    re.IGNORECASE,
)


def parse_duration_string(text: str) -> float:
    """Seconds in a duration string; raises `StreamlitBadTimeStringError` when it is not one."""
    s = text.strip()
    if not s:
        return 0.0
    if s.isdigit():  # pandas reads a bare number string as nanoseconds; so does Streamlit
        return int(s) * 1e-9
    match = _CLOCK.match(s)
    if match:
        sign, days, hours, minutes, seconds = match.groups()
        total = int(days or 0) * 86400 + int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        return -total if sign else total
    match = _ISO.match(s)
    if match and any(match.groups()[1:]):
        sign, *parts = match.groups()
        scales = (604800, 86400, 3600, 60, 1)
        total = sum(float(p) * k for p, k in zip(parts, scales, strict=True) if p)
        return -total if sign else total
    negative = s.startswith("-")
    body = s[1:].lstrip() if negative else s
    total, pos = 0.0, 0
    for part in _PART.finditer(body):
        if part.start() != pos or part.group(2).lower() not in _UNIT_SECONDS:
            raise StreamlitBadTimeStringError(text)
        total += float(part.group(1)) * _UNIT_SECONDS[part.group(2).lower()]
        pos = part.end()
    if pos != len(body) or pos == 0:
        raise StreamlitBadTimeStringError(text)
    return -total if negative else total


def run_every_seconds(value: object) -> float | None:
    """The interval of `run_every=value` in seconds, or None for no timer.

    Falsy values (None, 0, "", timedelta(0)) mean no timer, as in Streamlit; `True` is one
    second (Python's bool is an int). Non-finite numbers and unknown strings are errors.
    """
    if not value:
        return None
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Real):
        try:
            seconds = float(value)
        except OverflowError:  # Streamlit's class, with a message that names the parameter
            raise OverflowError(
                f"`run_every` is too large: {str(value)[:20]}... seconds cannot be a float. Pass a "
                "number of seconds such as 10, a datetime.timedelta or a string such as '1h'."
            ) from None
        if not math.isfinite(seconds):
            raise StreamlitBadTimeStringError(str(value))
        return seconds
    if isinstance(value, str):
        return parse_duration_string(value)
    raise TypeError(
        f"run_every must be a number of seconds, a datetime.timedelta or a duration string "
        f"such as '10s' or '1m30s'; got {type(value).__name__}: {value!r}"
    )
