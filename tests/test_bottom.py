"""`st.bottom`: one container per app, after everything else, drawn once per run however
often it is used; Streamlit's errors where it cannot be used."""

from __future__ import annotations

from typing import Any


def test_the_bottom_comes_after_everything_and_collects_every_use(app_test: Any) -> None:
    app = """
import nbfrag as st
st.text("top")
with st.bottom:
    st.text("bottom one")
st.text("middle")
st.bottom.text("bottom two")
st.text("last in the script")
"""
    at = app_test.from_string(app).run()
    assert at.text.values == ["top", "middle", "last in the script", "bottom one", "bottom two"]
    bottoms = [e for e in at.elements() if e.kind == "bottom"]
    assert len(bottoms) == 1
    first = bottoms[0].slot.widget
    at.run()
    assert at.text.values[-2:] == ["bottom one", "bottom two"]
    assert [e for e in at.elements() if e.kind == "bottom"][0].slot.widget is first, "kept across reruns"


def test_a_run_that_skips_the_bottom_removes_it(app_test: Any) -> None:
    app = """
import nbfrag as st
if st.toggle("show"):
    st.bottom.text("at the bottom")
st.text("body")
"""
    at = app_test.from_string(app).run()
    assert at.text.values == ["body"]
    at.toggle[0].set_value(True).run()
    assert at.text.values == ["body", "at the bottom"]
    at.toggle[0].set_value(False).run()
    assert at.text.values == ["body"] and not [e for e in at.elements() if e.kind == "bottom"]


def test_widgets_in_the_bottom_rerun_the_app(app_test: Any) -> None:
    app = """
import nbfrag as st
with st.bottom:
    name = st.text_input("Name")
st.text(f"hello {name}")
"""
    at = app_test.from_string(app).run()
    at.text_input[0].input("Ada").run()
    assert at.text.values == ["hello Ada"]


def test_the_bottom_refuses_the_sidebar_and_fragment_bodies(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nwith st.sidebar:\n    st.bottom.text('x')").run()
    assert "`st.bottom` cannot be used inside `st.sidebar`" in at.exception[0].value
    app = "import nbfrag as st\n@st.fragment\ndef part():\n    st.bottom.text('x')\npart()"
    at = app_test.from_string(app).run()
    assert "call the fragment inside `with st.bottom:`" in at.exception[0].value


def test_a_fragment_called_in_the_bottom_lives_there_and_reruns_alone(app_test: Any) -> None:
    app = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

@st.fragment
def counter():
    if st.button("plus"):
        ss.n = ss.get("n", 0) + 1
    st.text(f"n={ss.get('n', 0)} app_runs={ss.app_runs}")

with st.bottom:
    counter()
st.text("body")
"""
    at = app_test.from_string(app).run()
    at.button[0].click().run()
    assert at.text.values == ["body", "n=1 app_runs=1"]
    assert at.runs[-1].scope == "fragment"
