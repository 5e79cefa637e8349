"""The typed surface: every widget spells its repeated arguments with the shared aliases of
`nbfrag._widgets.types`, every public signature resolves at run time, the Literal arguments
still get Streamlit's errors for a bad value, and the int/float rules that `st.slider` and
`st.number_input` share."""

from __future__ import annotations

import inspect
import typing
from typing import Any

import pytest

import nbfrag._api as api
from nbfrag._widgets import types
from nbfrag._widgets.numbers import number_type
from nbfrag.errors import StreamlitAPIException

# The argument every input repeats, and the one alias its annotation must name.
SHARED = {
    "key": {"Key"},
    "on_change": {"Callback"},
    "on_click": {"Callback"},
    "args": {"WidgetArgs"},
    "kwargs": {"WidgetKwargs"},
    "label_visibility": {"LabelVisibility"},
    "width": {"Width", "WidthWithoutContent"},
    "bind": {"Bind"},
    "persist_state": {"PersistState"},
    "icon_position": {"IconPosition"},
    "filter_mode": {"FilterMode"},
}


def public_commands() -> dict[str, Any]:
    return {
        name: command for name in api.__all__
        if callable(command := getattr(api, name)) and not isinstance(command, type)
    }


def widget_commands() -> dict[str, Any]:
    return {n: c for n, c in public_commands().items() if c.__module__.startswith("nbfrag._widgets.")}


def test_every_widget_spells_its_repeated_arguments_with_the_shared_aliases() -> None:
    widgets = widget_commands()
    assert {"button", "checkbox", "slider", "number_input", "multiselect", "widget"} <= set(widgets)
    wrong = [
        f"st.{name}({param.name}: {param.annotation})"
        for name, command in widgets.items()
        for param in inspect.signature(command).parameters.values()
        if param.name in SHARED and param.annotation not in SHARED[param.name]
    ]
    assert wrong == []


def test_every_input_takes_label_visibility_as_a_literal() -> None:
    inputs = [n for n, c in widget_commands().items() if "label_visibility" in inspect.signature(c).parameters]
    assert len(inputs) >= 13
    for name in inputs:
        hint = typing.get_type_hints(getattr(api, name))["label_visibility"]
        assert typing.get_args(hint) == ("visible", "hidden", "collapsed"), name


def test_every_public_signature_resolves_at_run_time() -> None:
    """Editors, docs tools and `typing.get_type_hints` see real types, not dangling names."""
    unresolved = {}
    for name, command in public_commands().items():
        try:
            typing.get_type_hints(command)
        except Exception as exc:  # noqa: BLE001 - collected, reported together
            unresolved[name] = repr(exc)
    assert unresolved == {}


def test_button_type_is_a_literal() -> None:
    hint = typing.get_type_hints(api.button)["type"]
    assert hint is types.ButtonType
    assert typing.get_args(hint) == ("primary", "secondary", "tertiary")


@pytest.mark.parametrize(
    "call, message",
    [
        (
            'st.button("B", type="danger")',
            (
                'The type argument to st.button must be "primary", "secondary", or "tertiary". \n'
                'The argument passed was "danger".'
            ),
        ),
        ('st.toggle("T", label_visibility="none")', "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."),
        ('st.metric("M", 1, label_visibility="none")', "Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'."),
        ('st.columns(2, vertical_alignment="middle")', "The vertical_alignment argument to st.columns must be"),
    ],
)
def test_a_value_outside_a_literal_still_gets_streamlits_error(nb: Any, call: str, message: str) -> None:
    host = nb.app(f"import nbfrag as st\n{call}")
    assert message in repr(host)


@pytest.mark.parametrize("visibility", typing.get_args(types.LabelVisibility))
def test_every_label_visibility_of_the_literal_is_accepted(nb: Any, visibility: str) -> None:
    host = nb.app(f'import nbfrag as st\nst.write(f"checked={{st.checkbox(\'A\', label_visibility=\'{visibility}\')}}")')
    assert repr(host).splitlines() == ["[ ] A", "checked=False"]


# -- the int/float rules shared by st.slider and st.number_input -----------------------------


def mixed() -> str:
    return "mixed!"


@pytest.mark.parametrize(
    "given, expected",
    [
        ([("value", 1), ("step", 2)], int),
        ([("value", 1.0), ("min_value", None), ("step", 0.5)], float),
        ([("value", None)], int),
    ],
)
def test_number_type_is_the_one_type_of_the_numbers_given(given: list[tuple[str, Any]], expected: type) -> None:
    assert number_type(given, mixed) is expected


def test_number_type_without_numbers_is_the_default() -> None:
    assert number_type([("value", None)], mixed, default=float) is float


def test_ints_mixed_with_floats_raise_the_callers_message() -> None:
    with pytest.raises(StreamlitAPIException, match="^mixed!$"):
        number_type([("value", 1), ("step", 0.5)], mixed)


@pytest.mark.parametrize("bad", ["1", True, [1]])
def test_a_value_that_is_no_number_is_named(bad: Any) -> None:
    with pytest.raises(StreamlitAPIException) as error:
        number_type([("value", 1), ("step", bad)], mixed, prefix="Slider ")
    assert str(error.value) == f"Slider `step` must be an int or a float; got {type(bad).__name__}: {bad!r}."
