"""`st.pills`, `st.segmented_control` and `st.feedback` in-process (spec items 84, 85), and the
choice parameters of `st.radio` and `st.selectbox` checked against Streamlit 1.67.

A click is sent as js/chips.js sends it: the positions picked, set on the widget's `value`
trait (`click` below computes them as the browser's `nextValue` does). Forged messages set
what no click can send. Expected values and messages were read from Streamlit 1.67.0 (its
AppTest) on the same calls.
"""

from __future__ import annotations

from typing import Any

import pytest

from nbfrag._widgets.chips import chip
from nbfrag.testing import AppTest


def click(element: Any, position: int) -> None:
    """Click the chip at `position` as js/chips.js does (`nextValue`), through the trait."""
    widget = element.slot.widget
    value = list(widget.value)
    if widget.mode == "multi":
        value = [i for i in value if i != position] if position in value else [*value, position]
    elif value == [position]:
        value = value if widget.required else []
    else:
        value = [position]
    with element._acting():
        widget.value = value


def forge(element: Any, state: dict[str, Any]) -> None:
    """A message no click sends, applied as the comm's handler applies state (a trait may refuse)."""
    try:
        with element._acting():
            element.slot.widget.set_state(state)
    except Exception:  # noqa: BLE001 - refused by the trait itself: also a refusal
        pass


PICKS = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
one = st.pills("One", ["x", "y", "z"], key="one", on_change=lambda *a, **k: ss.update(cb=(a, k)),
               args=(1,), kwargs={"k": 2})
many = st.pills("Many", ["x", "y", "z"], selection_mode="multi", default="y")
seg = st.segmented_control("Seg", ["x", "y"], default="x")
st.text(f"runs={ss.runs} one={one!r} many={many!r} seg={seg!r}")
"""


def test_84_return_values_as_streamlit(app_test: Any) -> None:
    at = app_test.from_string(PICKS).run()
    assert at.text[0].value == "runs=1 one=None many=['y'] seg='x'"
    assert [p.value for p in at.pills] == [None, ["y"]] and at.segmented_control[0].value == "x"
    assert at.pills[0].options == ["x", "y", "z"]
    assert [e.label for e in at.button_group] == ["One", "Many", "Seg"]  # Streamlit's AppTest name for both
    assert str(at.pills[1]) == "Many: [ ] x  [x] y  [ ] z"


def test_84_a_click_picks_reruns_with_the_callback_and_a_second_click_clears(app_test: Any) -> None:
    at = app_test.from_string(PICKS).run()
    click(at.pills[0], 1)
    assert at.text[0].value == "runs=2 one='y' many=['y'] seg='x'"
    assert at.session_state["cb"] == ((1,), {"k": 2}) and at.session_state["one"] == "y"
    click(at.pills[0], 1)  # the picked pill again: back to None, as Streamlit's clearable pills
    assert at.text[0].value == "runs=3 one=None many=['y'] seg='x'"
    click(at.segmented_control[0], 0)
    assert at.text[0].value == "runs=4 one=None many=['y'] seg=None"


def test_84_multi_keeps_the_picking_order(app_test: Any) -> None:
    at = app_test.from_string(PICKS).run()
    click(at.pills[1], 2)
    click(at.pills[1], 0)
    assert at.pills[1].value == ["y", "z", "x"]
    click(at.pills[1], 1)
    assert at.text[0].value == "runs=4 one=None many=['z', 'x'] seg='x'"


def test_84_required_cannot_be_cleared_and_starts_at_none_without_a_default(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\n"
        "v = st.pills('R', ['a', 'b'], required=True)\nst.text(f'{ss.runs} {v!r}')"
    ).run()
    assert at.text[0].value == "1 None"
    click(at.pills[0], 0)
    assert at.text[0].value == "2 'a'"
    forge(at.pills[0], {"value": []})  # a clearing click the browser does not send
    assert at.text[0].value == "2 'a'" and at.pills[0].slot.widget.value == [0]


def test_84_options_are_any_objects_shown_through_format_func(app_test: Any) -> None:
    at = app_test.from_function(_objects_app).run()
    assert at.pills[0].options == ["n1", "n2"]
    assert at.text[0].value == "picked Obj(2) original=True"
    click(at.pills[0], 0)
    assert at.text[0].value == "picked Obj(1) original=True"
    assert at.pills[1].value == "b" and at.pills[1].options == ["a", "b"]  # a dict: its keys


def _objects_app() -> None:
    import nbfrag as st

    class Obj:
        def __init__(self, n: int) -> None:
            self.n = n

        def __repr__(self) -> str:
            return f"Obj({self.n})"

    opts = st.session_state.setdefault("opts", [Obj(1), Obj(2)])
    got = st.pills("Objects", opts, format_func=lambda o: f"n{o.n}", default=opts[1])
    st.text(f"picked {got!r} original={any(got is o for o in opts)}")
    st.pills("Dict", {"a": 1, "b": 2}, default="b")


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.pills("A", ["x", "y"], default="q")',
         ("The default value 'q' is not part of the options. Please make sure that every default value also "
          "exists in the options.")),
        ('st.pills("A", ["x", "y"], selection_mode="multi", default=["x", "q"])', "The default value 'q' is not"),
        ('st.pills("A", ["x", "y"], selection_mode="many")',
         "Invalid `selection_mode` value. Supported values: 'single', 'multi'."),
        ('st.pills("A", ["x", "y"], selection_mode="multi", required=True)',
         ("`required=True` and `selection_mode='multi'` cannot be used together. `required` is only supported "
          "for single-select mode.")),
        ('st.segmented_control("A", ["x", "y"], default=["x", "y"])',
         "The default argument to `st.segmented_control` must be a single value when `selection_mode='single'`."),
        ('st.pills("A", ["x"], width="wide")',
         "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.pills("A", ["x"], on_change="nope")',
         "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."),
        ('st.pills("A", ["x"]); st.pills("A", ["x"])', "multiple `pills` elements with the same"),
        ('import numpy as np; st.pills("A", [np.array([1, 2]), np.array([3])])', "Options must be comparable"),
        ('st.feedback("hearts")', "Invalid `options` value. Supported values: 'thumbs', 'faces', 'stars'."),
        ('st.feedback("thumbs", default=3)', "The `default` parameter, set to 3, is outside the required range [0, 1]."),
        ('st.feedback("stars", default=-1)', "The `default` parameter, set to -1, is outside the required range [0, 4]."),
        ('st.feedback("stars", default=2.0)', "'float' object cannot be interpreted as an integer"),
        ('st.feedback(width="x")', "Invalid width value: 'x'."),
        ('st.feedback(); st.feedback()', "multiple `feedback` elements with the same"),
    ],
)
def test_84_85_bad_arguments_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in at.exception[0].value


@pytest.mark.parametrize(
    "call, shown",
    [
        ('st.pills("A", ["x", "y"], default=["y"])', "'y'"),
        ('st.pills("A", ["x", "y"], default=[])', "None"),
        ('(st.pills("A", []), st.pills("B", [], selection_mode="multi"))', "(None, [])"),
        ('st.pills("A", __import__("numpy").array([1, 2, 3]), default=2)', "2"),
        ('st.pills(None, ["x"])', "None"),
        ('st.pills("A", ["x", "y"], selection_mode="multi", default=("x", "y"))', "['x', 'y']"),
        ('(st.feedback(), st.feedback("faces", default=4), st.feedback("stars", default=3))', "(None, 4, 3)"),
    ],
)
def test_84_85_good_arguments_return_what_streamlit_returns(app_test: Any, call: str, shown: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.text(repr({call}))").run()
    assert len(at.exception) == 0, str(at)
    assert at.text[0].value == shown


@pytest.mark.parametrize(
    "preset, call, expected",
    [
        ('"q"', 'st.pills("A", ["x", "y"], key="k", default="y")', "'y' 'y'"),  # not an option: the default
        ('["q", "x"]', 'st.pills("A", ["x", "y"], key="k", selection_mode="multi")', "['x'] ['x']"),
        ('"y"', 'st.pills("A", ["x", "y"], key="k")', "'y' 'y'"),
        ("7", 'st.feedback("stars", key="k")', "None None"),  # out of range: the default
        ('"2"', 'st.feedback("stars", key="k", default=1)', "1 1"),
        ("True", 'st.feedback("thumbs", key="k")', "None None"),
        ("4", 'st.feedback("faces", key="k")', "4 4"),
    ],
)
def test_session_state_values_that_are_not_options_become_the_default(
    app_test: Any, preset: str, call: str, expected: str
) -> None:
    at = app_test.from_string(
        f"import nbfrag as st\nif 'k' not in st.session_state:\n    st.session_state.k = {preset}\n"
        f"v = {call}\nst.text(f'{{v!r}} {{st.session_state.k!r}}')"
    ).run()
    assert at.text[0].value == expected


def test_session_state_set_in_a_callback_moves_the_pills(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\n"
        "st.button('All', on_click=lambda: st.session_state.update(m=['c', 'a']))\n"
        "v = st.pills('M', ['a', 'b', 'c'], key='m', selection_mode='multi')\nst.text(repr(v))"
    ).run()
    at.button[0].click()
    assert at.text[0].value == "['c', 'a']" and at.pills[0].slot.widget.value == [2, 0]


@pytest.mark.parametrize(
    "call, forged",
    [
        ('st.pills("W", ["a", "b"])', [5]),
        ('st.pills("W", ["a", "b"])', [0, 1]),  # two picks in single mode
        ('st.pills("W", ["a", "b"], selection_mode="multi")', [1, 1]),
        ('st.pills("W", ["a", "b"], selection_mode="multi")', [-1]),
        ('st.segmented_control("W", ["a", "b"])', ["a"]),
        ('st.pills("W", ["a", "b"])', [True]),
        ('st.feedback("thumbs")', [2]),
        ('st.feedback("stars")', [5]),
        ('st.feedback("faces")', [0, 4]),
    ],
)
def test_a_forged_value_is_refused_and_the_last_valid_one_shown(app_test: Any, call: str, forged: Any) -> None:
    at = app_test.from_string(
        f"import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\nv = {call}\n"
        "st.text(f'{ss.runs} {v!r}')"
    ).run()
    element = at.elements()[0]
    before = at.text[0].value
    forge(element, {"value": forged})
    assert at.text[0].value == before and element.slot.widget.value == []


@pytest.mark.parametrize("call", ['st.pills("W", ["a", "b"], disabled=True)', 'st.feedback("stars", disabled=True)'])
def test_a_disabled_group_ignores_clicks_and_is_restored(app_test: Any, call: str) -> None:
    at = app_test.from_string(
        f"import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\nv = {call}\n"
        "st.text(f'{ss.runs} {v!r}')"
    ).run()
    widget = at.elements()[0].slot.widget
    widget.disabled = False  # a visitor removes `disabled` (or forges the message)
    widget.value = [1]
    assert at.text[0].value == "1 None" and widget.value == [] and widget.disabled is True


FEEDBACK = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
stars = st.feedback("stars", key="stars", on_change=lambda: ss.update(changed=ss.get("changed", 0) + 1))
thumbs = st.feedback(default=1)
faces = st.feedback("faces", on_change="ignore")
st.text(f"runs={ss.runs} stars={stars!r} thumbs={thumbs!r} faces={faces!r}")
"""


def test_85_feedback_returns_the_position_and_a_second_click_clears(app_test: Any) -> None:
    at = app_test.from_string(FEEDBACK).run()
    assert at.text[0].value == "runs=1 stars=None thumbs=1 faces=None"
    click(at.feedback[0], 3)
    assert at.text[0].value == "runs=2 stars=3 thumbs=1 faces=None"
    assert at.session_state["stars"] == 3 and at.session_state["changed"] == 1
    assert str(at.feedback[0]) == "feedback (stars): ★★★★☆"
    click(at.feedback[1], 1)  # the picked thumb again
    assert at.text[0].value == "runs=3 stars=3 thumbs=None faces=None"
    click(at.feedback[2], 4)  # on_change="ignore": kept, no rerun
    assert at.text[0].value == "runs=3 stars=3 thumbs=None faces=None" and at.feedback[2].value == 4
    at.run()
    assert at.text[0].value == "runs=4 stars=3 thumbs=None faces=4"
    assert str(at.feedback[2]) == "feedback (faces): 😞 🙁 😐 🙂 [😀]"


def test_apptest_reads_and_acts_as_streamlits(app_test: Any) -> None:
    at = app_test.from_string(PICKS.replace("st.text", "st.feedback('stars', key='fb')\nst.text")).run()
    at.pills[0].set_value("z").run()
    assert at.pills[0].value == "z"
    at.pills[1].select("x").run()
    assert at.pills[1].value == ["y", "x"]
    at.pills[1].unselect("y").run()
    at.pills(key="one").unselect("z")
    assert [p.value for p in at.pills] == [None, ["x"]]
    at.segmented_control[0].select("y")
    at.feedback(key="fb").set_value(4)
    assert at.text[0].value == "runs=7 one=None many=['x'] seg='y'" and at.feedback[0].value == 4
    with pytest.raises(ValueError, match="not one of the options"):
        at.pills[0].set_value("nope")


def test_a_click_in_a_fragment_reruns_only_the_fragment(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\nss.app = ss.get('app', 0) + 1\n"
        "@st.fragment\ndef part():\n    ss.part = ss.get('part', 0) + 1\n"
        "    v = st.feedback('faces')\n    st.text(f'app={ss.app} part={ss.part} v={v!r}')\npart()\n"
    ).run()
    click(at.feedback[0], 2)
    assert at.text[0].value == "app=1 part=2 v=2"


def test_in_a_form_a_pick_waits_for_the_submit(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\n"
        "with st.form('f'):\n    v = st.pills('P', ['a', 'b'], selection_mode='multi')\n"
        "    st.form_submit_button('Send')\nst.text(f'{ss.runs} {v!r}')"
    ).run()
    click(at.pills[0], 1)
    assert at.text[0].value == "1 []"
    at.form_submit_button[0].click()
    assert at.text[0].value == "2 ['b']"


def test_option_labels_are_markdown_rendered_safely_with_icons_as_text() -> None:
    assert chip("<img src=x onerror=alert(1)>") == {"icon": "", "html": "&lt;img src=x onerror=alert(1)&gt;"}
    assert chip("**bold** [x](javascript:alert(1))")["html"] == "<strong>bold</strong> [x](javascript:alert(1))"
    assert chip(":material/zoom_in: Zoom") == {"icon": "material/zoom_in", "html": "Zoom"}
    assert chip(":material/add:") == {"icon": "material/add", "html": ""}
    assert chip("🔥 Fire") == {"icon": "🔥", "html": "Fire"}
    assert chip("👍🏽") == {"icon": "👍🏽", "html": ""}
    assert chip(":material/Bad-Name: x")["icon"] == ""  # not an icon name: all text
    assert chip("Fire 🔥") == {"icon": "", "html": "Fire 🔥"}


def test_identity_options_change_keeps_a_keyed_value_that_is_still_an_option(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nopts = st.session_state.get('opts', ['a', 'b', 'c'])\n"
        "v = st.segmented_control('S', opts, key='s')\nst.text(repr(v))\n"
        "st.button('Shrink', on_click=lambda: st.session_state.update(opts=['a', 'c']))\n"
        "st.button('Drop', on_click=lambda: st.session_state.update(opts=['a']))"
    ).run()
    click(at.segmented_control[0], 2)
    at.button("Shrink").click()
    assert at.text[0].value == "'c'" and at.segmented_control[0].slot.widget.value == [1]
    at.button("Drop").click()
    assert at.text[0].value == "None"


def test_the_widget_shows_its_label_help_and_width(app_test: Any) -> None:
    at: AppTest = app_test.from_string(
        "import nbfrag as st\nst.pills('Tags', ['a'], help='Pick some', width=300, wrap=False)\n"
        "st.segmented_control('Hidden', ['a'], label_visibility='collapsed', width='stretch')"
    ).run()
    tags, hidden = at.pills[0].slot.widget, at.segmented_control[0].slot.widget
    assert (tags.description, tags.tooltip, tags.width, tags.wrap, tags.look) == ("Tags", "Pick some", "300px", False, "pills")
    assert (hidden.description, hidden.width, hidden.look) == ("", "100%", "segmented_control")


# -- st.radio and st.selectbox against 1.67 -------------------------------------------------------


@pytest.mark.parametrize("widget", ["radio", "selectbox"])
@pytest.mark.parametrize(
    "index, message",
    [
        ('"1"', "Invalid `index` type. Expected one of: int, None. Provided type: str."),
        ("1.0", "Invalid `index` type. Expected one of: int, None. Provided type: float."),
        ("5", "The `index` parameter, set to 5, is outside the required range [0, 1]."),
        ("-1", "The `index` parameter, set to -1, is outside the required range [0, 1]."),
    ],
)
def test_a_bad_index_gets_streamlits_error(app_test: Any, widget: str, index: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.{widget}('W', ['a', 'b'], index={index})").run()
    assert at.exception[0].value.endswith(message)


@pytest.mark.parametrize("widget", ["radio", "selectbox"])
def test_index_none_and_a_session_state_value_that_is_no_option(app_test: Any, widget: str) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nif 's' not in st.session_state:\n    st.session_state.s = 'q'\n"
        f"v = st.{widget}('W', ['a', 'b'], key='s', index=1)\n"
        f"n = st.{widget}('N', ['a', 'b'], index=None)\n"
        "st.text(f'{v!r} {st.session_state.s!r} {n!r}')"
    ).run()
    assert at.text[0].value == "'b' 'b' None"  # not an option: back to `index`, as in Streamlit
    getattr(at, widget)[1].set_value("a")
    assert at.text[0].value == "'b' 'b' 'a'" and getattr(at, widget)[1].options == ["a", "b"]


def test_selectbox_accept_new_options_returns_typed_text(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nif 's' not in st.session_state:\n    st.session_state.s = 'zzz'\n"
        "v = st.selectbox('S', ['a', 'b'], key='s', accept_new_options=True)\n"
        "w = st.selectbox('W', ['a'], index=None, accept_new_options=True, placeholder='Type')\n"
        "st.text(f'{v!r} {w!r}')"
    ).run()
    assert at.text[0].value == "'zzz' None" and at.selectbox[1].slot.widget.placeholder == "Type"
    at.selectbox[1].set_value("new one")
    assert at.text[0].value == "'zzz' 'new one'"


CAPTIONS = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
genre = st.radio("Genre", ["Comedy", "Drama", "Documentary"], index=None, horizontal=True,
                 captions=["Laugh **out** loud.", "<img src=x onerror=alert(1)>"])
st.text(f"{ss.runs} {genre!r}")
"""


def test_radio_captions_show_under_their_options_and_the_radio_works(app_test: Any) -> None:
    at = app_test.from_string(CAPTIONS).run()
    assert str(at.radio[0]) == (
        "Genre: ( ) Comedy (Laugh **out** loud.)  ( ) Drama (<img src=x onerror=alert(1)>)  ( ) Documentary"
    )
    widget = at.radio[0].slot.widget
    assert [c.get("caption") for c in widget.options] == [
        "Laugh <strong>out</strong> loud.", "&lt;img src=x onerror=alert(1)&gt;", None
    ]
    assert (widget.look, widget.orientation, at.radio[0].options) == ("radio", "horizontal", ["Comedy", "Drama", "Documentary"])
    click(at.radio[0], 1)
    assert at.text[0].value == "2 'Drama'"
    click(at.radio[0], 1)  # a radio cannot be cleared: the browser sends nothing
    forge(at.radio[0], {"value": []})  # nor does a forged clearing count
    forge(at.radio[0], {"value": [3]})
    assert at.text[0].value == "2 'Drama'" and widget.value == [1]
    at.radio[0].set_value("Comedy")
    assert at.text[0].value == "3 'Comedy'"


@pytest.mark.parametrize(
    "captions, shown",
    [("['one']", "( ) a (one)  ( ) b"), ("['one', 'two', 'three']", "( ) a (one)  ( ) b (two)"),
     ("[None, 'x']", "( ) a  ( ) b (x)"), ("'ab'", "( ) a (a)  ( ) b (b)"), ("[]", "( ) a  ( ) b")],
)
def test_radio_captions_match_options_by_position_as_in_streamlit(app_test: Any, captions: str, shown: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.radio('R', ['a', 'b'], index=None, captions={captions})").run()
    assert str(at.radio[0]) == f"R: {shown}"


def test_a_caption_that_is_not_text_gets_streamlits_error(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.radio('R', ['a', 'b'], captions=['one', 2])").run()
    assert at.exception[0].value.endswith("Invalid `captions` type. Expected one of: str, None. Provided type: int.")
