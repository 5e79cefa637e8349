"""Every input widget and layout kind through `nbfrag.testing`, with no per-kind code in the
testing module: inputs are found by kind and label, set through their own trait, and rerun
their fragment; layout elements hold what was drawn into them."""

import datetime as dt

import pytest

CASES = [
    ("checkbox", "", True),
    ("toggle", "", True),
    ("radio", ", ['a', 'b']", "b"),
    ("selectbox", ", ['a', 'b']", "b"),
    ("multiselect", ", ['a', 'b']", ["b"]),
    ("slider", ", 0, 10, 1", 3),
    ("select_slider", ", ['a', 'b']", "b"),
    ("number_input", ", value=1", 3),
    ("text_input", "", "Ada"),
    ("text_area", "", "two\nlines"),
    ("date_input", ", dt.date(2024, 1, 1)", dt.date(2024, 1, 2)),
    ("time_input", ", dt.time(9, 0)", dt.time(10, 30)),
    ("color_picker", "", "#ff0000"),
]


@pytest.mark.parametrize(("kind", "args", "new"), CASES, ids=[case[0] for case in CASES])
def test_each_input_kind_reruns_only_its_fragment(app_test, kind, args, new):
    at = app_test.from_string(
        f"""
import datetime as dt
import nbfrag as st

@st.fragment
def form():
    value = st.{kind}("Field"{args}, key="field")
    st.text(f"seen {{value!r}}")

form()
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
"""
    ).run()
    field = at.fragment("form").get(kind)("Field")
    field.set_value(new)
    assert field.value == new and at.session_state.field == new
    assert at.get(key="field").kind == kind
    assert at.text[0].value == f"seen {new!r}"
    assert (at.runs[-1].scope, at.runs[-1].fragments) == ("fragment", ["form"])
    assert at.session_state.app_runs == 1


def test_text_input_outside_a_fragment_reruns_the_app(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
name = st.text_input("Name")
agree = st.checkbox("Agree", on_change=lambda: st.session_state.update(changed=True))
st.header(f"Hello {name}" + ("!" if agree else ""))
"""
    ).run()
    at.text_input("Name").input("Ada")
    assert at.runs[-1].scope == "app"
    assert at.header[0].value == "Hello Ada"
    at.checkbox("Agree").check()
    assert at.session_state.changed is True
    assert str(at) == "Name: [Ada]\n[x] Agree\n## Hello Ada!"
    at.checkbox("Agree").uncheck()
    assert at.header[0].value == "Hello Ada"


def test_disabled_widgets_cannot_be_used(app_test):
    at = app_test.from_string("import nbfrag as st\nst.slider('Level', 0, 5, disabled=True)").run()
    assert at.slider("Level").disabled is True and at.slider("Level").value == 0
    with pytest.raises(RuntimeError, match="slider 'Level' is disabled: a user cannot use it"):
        at.slider("Level").set_value(3)


LAYOUT = """
import nbfrag as st

with st.sidebar:
    st.button("Side")
left, right = st.columns(2)
left.text("left")
chart, data = st.tabs(["Chart", "Data"])
data.write("rows")

@st.fragment
def details():
    with st.expander("More"):
        st.checkbox("Extra")

with right:
    details()
"""


def test_layout_elements_hold_their_elements(app_test):
    at = app_test.from_string(LAYOUT).run()
    assert at.sidebar.button.values == [False] and at.main.button.values == []
    assert at.tab("Data").markdown[0].value == "rows"
    assert [column.text.values for column in at.column] == [["left"], []]
    extra = at.column[1].fragment("details").expander("More").checkbox("Extra")
    extra.check()
    assert (at.runs[-1].scope, at.runs[-1].fragments) == ("fragment", ["details"])
    assert str(at.column[1]) == "column 2:\n  fragment details:\n    ▸ More:\n      [x] Extra"
    assert str(at).startswith("sidebar:\n  [Side]\ncolumns:\n")
    with pytest.raises(LookupError, match=r"^No button with key or label 'Right' in the sidebar\. Buttons in the sidebar: 'Side'\.$"):
        at.sidebar.button("Right")


def test_any_element_kind_reads_what_the_app_gave_it(app_test):
    at = app_test.from_string(
        "import nbfrag as st\nst.success('Saved')\nst.metric('Users', 42)\nst.code('x = 1')"
    ).run()
    assert (at.success[0].value, at.metric[0].value, at.code[0].value) == ("Saved", "42", "x = 1")
    assert at.warning.values == []  # a known kind that is not on the page is an empty list
