from datetime import timedelta

import pytest

from nbfrag._runtime.duration import run_every_seconds
from nbfrag.errors import StreamlitBadTimeStringError


@pytest.mark.parametrize(
    "value, seconds",
    [
        (2, 2.0),
        (0.5, 0.5),
        ("1m30s", 90.0),
        (timedelta(minutes=1), 60.0),
        ("1.5 days", 129600.0),
        ("10s", 10.0),
        ("500ms", 0.5),
        ("1h23s", 3623.0),
        ("1min", 60.0),
        ("2 minutes", 120.0),
        ("5 seconds", 5.0),
        ("5S", 5.0),
        ("1w", 604800.0),
        ("1D", 86400.0),
        ("P1DT2H", 93600.0),
        ("PT5S", 5.0),
        ("00:00:05", 5.0),
        (" 3s ", 3.0),
        ("1m", 60.0),
        ("-5s", -5.0),
        (-3, -3.0),
        (True, 1.0),
        ("0s", 0.0),
    ],
)
def test_accepted_forms(value, seconds):
    assert run_every_seconds(value) == pytest.approx(seconds)


@pytest.mark.parametrize("value", [None, 0, 0.0, "", timedelta(0), False])
def test_falsy_means_no_timer(value):
    assert run_every_seconds(value) is None


def test_bare_number_string_is_nanoseconds_like_pandas():
    assert run_every_seconds("5") == pytest.approx(5e-9)


@pytest.mark.parametrize("value", ["soon", "nan", "inf", "1y", "5 parsecs", "s", "10 s s", "1h-3m"])
def test_bad_strings_name_the_value_and_the_accepted_forms(value):
    with pytest.raises(StreamlitBadTimeStringError) as info:
        run_every_seconds(value)
    message = str(info.value)
    assert f"Got: {value}" in message
    assert "'1m30s'" in message and "timedelta" in message
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_numbers_are_rejected(value):
    with pytest.raises(ValueError):
        run_every_seconds(value)


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError, match="run_every must be"):
        run_every_seconds([1])
