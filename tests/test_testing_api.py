"""`nbfrag.testing` itself: where scripts come from, finding elements (and the errors when
they cannot be found), acting, ticks, how runs end, sessions, closing, and the pytest plugin."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from examples import COUNT_TO_FIVE
from ipywidgets.widgets.widget import _instances

import nbfrag
from nbfrag.testing import AppTest

BUTTONS = """
import nbfrag as st

@st.fragment
def panel():
    st.button("Go", key="go-a")
    st.button("Go", key="go-b")
    st.text("inside")

panel()
st.button("Reset", key=1)
"""


def error(kind: type[Exception], action) -> str:
    """The message of the `kind` error that `action()` raises (the whole text is the API)."""
    with pytest.raises(kind) as info:
        action()
    return str(info.value)


def notebook(tmp_path, *sources: str, markdown_first: bool = True) -> str:
    """Write a notebook with a Markdown cell and these code cells; return its path."""
    cells = [{"cell_type": "markdown", "id": "intro", "metadata": {}, "source": "# Intro"}] if markdown_first else []
    for n, source in enumerate(sources):
        cells.append(
            {"cell_type": "code", "id": f"code-{n}", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
        )
    path = tmp_path / "app.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return str(path)


# -- where the script comes from ------------------------------------------------------------


def test_from_file_is_relative_to_the_current_directory(app_test, tmp_path, monkeypatch):
    (tmp_path / "app.py").write_text("import nbfrag as st\nst.text(__file__)\n")
    monkeypatch.chdir(tmp_path)
    at = app_test.from_file("app.py").run()
    assert at.text[0].value == str(tmp_path / "app.py")
    with pytest.raises(FileNotFoundError, match="relative to the current directory"):
        app_test.from_file("missing.py")
    (tmp_path / "app.ipynb").write_text("{}")
    with pytest.raises(ValueError, match=r"is a notebook: use AppTest.from_notebook\('app.ipynb', cell=N\)"):
        app_test.from_file("app.ipynb")


def test_from_function_runs_the_body_with_its_arguments(app_test):
    def main(greeting, times=2):
        import nbfrag as st

        @st.fragment
        def shout():
            st.text(greeting * times)

        shout()

    at = app_test.from_function(main, args=("hi",)).run()
    assert at.fragment("shout").text[0].value == "hihi"  # the plain name: the body is the app


def test_from_function_does_not_see_the_globals_around_it(app_test):
    def main():
        import nbfrag as st

        st.text(BUTTONS)

    at = app_test.from_function(main).run()
    assert at.exception[0].value == "name 'BUTTONS' is not defined"  # the message, as Streamlit's
    assert at.runs[-1].outcome == "exception"


def test_from_function_needs_a_def():
    with pytest.raises(TypeError, match="needs a `def` function"):
        AppTest.from_function(lambda: None)


def test_from_notebook_counts_code_cells_from_zero(app_test, tmp_path):
    path = notebook(tmp_path, "%load_ext nbfrag", "%%app\nimport nbfrag as st\nst.text('one')")
    assert app_test.from_notebook(path, cell=1).run().text[0].value == "one"
    assert app_test.from_notebook(path).run().text[0].value == "one"  # the only %%app cell
    assert app_test.from_notebook(path, cell="code-1").run().text[0].value == "one"


def test_from_notebook_errors_list_the_code_cells(tmp_path):
    path = notebook(tmp_path, "%load_ext nbfrag", "%%app\nimport nbfrag as st\nst.text('a')", "%%app\nst.text('b')")
    assert error(IndexError, lambda: AppTest.from_notebook(path, cell=3)).endswith(
        "there is no code cell 3:\n  0: %load_ext nbfrag\n  1: %%app ... st.text('a')\n  2: %%app ... st.text('b')"
    )
    with pytest.raises(ValueError, match="has 2 %%app cells; pass cell=N"):
        AppTest.from_notebook(path)
    with pytest.raises(ValueError, match="'intro' of .* is a markdown cell, not code"):
        AppTest.from_notebook(path, cell="intro")
    with pytest.raises(ValueError, match="no cell with id 'nope'"):
        AppTest.from_notebook(path, cell="nope")


def test_ipython_syntax_in_a_cell_runs_with_a_shell(app_test, shell):
    at = app_test.from_string("%%app\nimport nbfrag as st\nout = !echo hi\nst.text(out[0])").run()
    assert at.text[0].value == "hi"


# -- finding elements -------------------------------------------------------------------------


def test_elements_by_kind_label_key_and_fragment(app_test):
    at = app_test.from_string(BUTTONS).run()
    assert [b.label for b in at.button] == ["Go", "Go", "Reset"]
    assert at.button(key="go-b").key == "go-b"
    assert at.get(key=1).label == "Reset"  # keys are strings, as in Session State
    assert at.get(key="go-a").label == "Go"
    assert at.get("text").values == ["inside"]
    panel = at.fragment("panel")
    assert panel.label == "panel" and panel.value is None
    assert [b.key for b in panel.button] == ["go-a", "go-b"]
    assert panel.button.values == [False, False]  # a button is True only in its click's run
    assert at.button("Reset").disabled is False


def test_missing_label_lists_what_exists(app_test):
    at = app_test.from_string(COUNT_TO_FIVE).run()
    assert error(LookupError, lambda: at.button("Plus 1")) == (
        "No button with key or label 'Plus 1'. Buttons: 'Plus one!', 'Check click count'."
    )
    assert error(LookupError, lambda: at.checkbox("Agree")) == (
        "No checkbox with key or label 'Agree'. There are no checkboxes. "
        "The page shows: button, fragment, header."
    )


def test_ambiguous_label_lists_the_candidates(app_test):
    at = app_test.from_string(BUTTONS).run()
    assert error(LookupError, lambda: at.button("Go")) == (
        "2 buttons labelled 'Go': 'Go' (key='go-a'), 'Go' (key='go-b'). "
        "Pass key= (if they have keys) or index the list: [i]."
    )


def test_scoped_lookups_say_where_they_looked(app_test):
    at = app_test.from_string(COUNT_TO_FIVE).run()
    assert error(IndexError, lambda: at.fragment("count_to_five").header[0]) == (
        "No header [0]: there are no headers in fragment 'count_to_five'. "
        "Fragment 'count_to_five' shows: button."
    )
    with pytest.raises(LookupError, match=r"^No button with key or label 'Check click count' in fragment"):
        at.fragment("count_to_five").button("Check click count")
    with pytest.raises(AttributeError, match="holds no elements"):
        at.header[0].button  # noqa: B018 - the lookup is what raises
    with pytest.raises(AttributeError, match="has no attribute 'buton'. Element kinds: .*button"):
        at.buton  # noqa: B018 - the lookup is what raises


def test_before_the_first_run_errors_say_so(app_test):
    at = app_test.from_string(COUNT_TO_FIVE)
    assert str(at) == "(not run yet: call at.run())"
    with pytest.raises(LookupError, match=r"has not run yet: call at.run\(\) first"):
        at.button("Plus one!")


def test_element_that_left_the_page_cannot_act(app_test):
    at = app_test.from_string(
        "import nbfrag as st\n"
        "if not st.session_state.get('gone'):\n    st.session_state.gone = True\n    st.button('Soon gone')"
    ).run()
    soon_gone = at.button("Soon gone")
    at.run()
    with pytest.raises(LookupError, match=r"button 'Soon gone' is no longer on the page"):
        soon_gone.click()


# -- acting ---------------------------------------------------------------------------------


def test_actions_check_what_the_element_is(app_test):
    at = app_test.from_string(COUNT_TO_FIVE).run()
    with pytest.raises(TypeError, match="header 'Multiples of five clicks: 0' cannot be clicked"):
        at.header[0].click()
    with pytest.raises(TypeError, match="button 'Plus one!' has no value to set; click it instead"):
        at.button("Plus one!").set_value("clicked")  # (set_value(True) clicks, as in Streamlit)


def test_streamlit_style_run_after_an_action_adds_no_run(app_test):
    at = app_test.from_string(COUNT_TO_FIVE).run()
    assert at.button("Plus one!").click().run() is at
    assert [run.scope for run in at.runs] == ["app", "fragment"]


def test_print_output_goes_into_the_page_not_the_terminal(app_test, capsys):
    at = app_test.from_string("import nbfrag as st\nprint('hello')\nst.text('after')").run()
    assert str(at) == "hello\nafter"
    assert at.output[0].value == "hello"
    assert capsys.readouterr().out == ""


# -- ticks and how runs end -----------------------------------------------------------------

TIMED = """
import nbfrag as st
st.session_state.setdefault("ticks", 0)

@st.fragment(run_every="1s")
def clock():
    st.session_state.ticks += 1
    st.text(f"tick {st.session_state.ticks}")
    if st.session_state.ticks == 3:
        st.stop()
    st.caption("running")

@st.fragment
def still():
    st.text("no timer")

clock()
still()
"""


def test_tick_reruns_the_timed_fragment_through_its_ticker(app_test):
    at = app_test.from_string(TIMED).run()
    at.tick("clock")
    assert at.runs[-1] == at.runs[-1].__class__("fragment", ["clock"], "completed")
    assert at.fragment("clock").text[0].value == "tick 2"
    at.tick()  # the only fragment with a timer
    assert (at.runs[-1].scope, at.runs[-1].outcome) == ("fragment", "stopped")
    assert str(at.fragment("clock")) == "fragment clock:\n  tick 3"
    with pytest.raises(LookupError, match="Fragment 'still' has no run_every timer. Fragments with one: 'clock'."):
        at.tick("still")
    with pytest.raises(LookupError, match="No fragment with key or label 'nope'. Fragments: 'clock', 'still'."):
        at.tick("nope")


def test_tick_without_a_name_needs_exactly_one_timer(app_test):
    at = app_test.from_string(COUNT_TO_FIVE).run()
    assert error(LookupError, at.tick) == (
        "Say which fragment to tick: at.tick(name). Fragments with run_every: none. "
        "The page shows: button, fragment, header."
    )


def test_exception_in_a_fragment_rerun_is_drawn_in_the_fragment(app_test):
    at = app_test.from_string(
        "import nbfrag as st\n@st.fragment\ndef f():\n    if st.button('Fail'):\n        1 / 0\n"
        "f()\nst.text('outside')"
    ).run()
    at.button("Fail").click()
    assert (at.runs[-1].scope, at.runs[-1].outcome) == ("fragment", "exception")
    assert at.fragment("f").exception[0].value == "division by zero"
    assert at.text[-1].value == "outside"


def test_st_stop_in_a_full_run_ends_it_there(app_test):
    at = app_test.from_string(
        "import nbfrag as st\nst.text('before')\nif not st.checkbox('Go on'):\n    st.stop()\nst.text('after')"
    ).run()
    assert (at.runs[-1].outcome, at.text.values) == ("stopped", ["before"])
    at.checkbox("Go on").check()
    assert (at.runs[-1].outcome, at.text.values) == ("completed", ["before", "after"])


def test_rerun_scopes_are_recorded(app_test):
    at = app_test.from_string(
        "import nbfrag as st\nst.session_state.setdefault('n', 0)\n@st.fragment\ndef f():\n"
        "    st.session_state.n += 1\n    if st.button('Again') and st.session_state.n < 4:\n"
        "        st.rerun(scope='fragment')\nf()"
    ).run()
    at.button("Again").click()
    assert [(r.scope, r.outcome) for r in at.runs] == [
        ("app", "completed"),
        ("fragment", "rerun"),
        ("fragment", "completed"),
    ]


# -- sessions and lifetime ------------------------------------------------------------------


def test_each_app_test_has_its_own_session_state(app_test):
    nbfrag.session_state.mine = "notebook"
    notebook_state = nbfrag.session_state.to_dict()
    first, second = app_test.from_string(COUNT_TO_FIVE).run(), app_test.from_string(COUNT_TO_FIVE).run()
    first.button("Plus one!").click()
    first.button("Plus one!").click()
    second.button("Plus one!").click()
    assert (first.session_state.clicks, second.session_state.clicks) == (2, 1)
    assert nbfrag.session_state.to_dict() == notebook_state
    assert "clicks" not in nbfrag.session_state
    del nbfrag.session_state.mine


def test_close_closes_every_widget_and_ends_the_session(tmp_path):
    before = len(_instances)
    with AppTest.from_string(COUNT_TO_FIVE) as at:
        at.run().button("Plus one!").click()
        assert len(_instances) > before
    assert len(_instances) == before
    assert repr(at) == "<AppTest <string>: 2 runs, closed>"
    with pytest.raises(RuntimeError, match="is closed"):
        at.run()


def test_an_app_cannot_drive_an_app_test_while_it_runs(app_test):
    inner = app_test.from_string(COUNT_TO_FIVE)

    def main(inner):
        inner.run()

    outer = app_test.from_function(main, args=(inner,)).run()
    assert outer.exception[0].value.startswith("An AppTest cannot act while")
    assert inner.runs == []


def test_inside_a_notebook_cell_nothing_is_displayed(nb):
    from IPython.utils.capture import capture_output

    from nbfrag._runtime.runtime import runtime

    with capture_output() as captured:
        nb.run(
            "from nbfrag.testing import AppTest\n"
            f"at = AppTest.from_string({COUNT_TO_FIVE!r}).run()\n"
            "at.button('Plus one!').click()\n"
            "print(at.session_state.clicks)"
        )
    assert captured.outputs == [] and captured.stdout == "1\n"
    assert runtime.apps == []  # a test's app is not one of the notebook's apps
    nb.shell.user_ns["at"].close()


def test_the_fixture_works_without_ipython_and_closes_its_apps(tmp_path):
    (tmp_path / "test_plugin.py").write_text(
        textwrap.dedent(
            """
            made = []

            def test_click(app_test):
                from IPython import get_ipython
                assert get_ipython() is None
                at = app_test.from_string("import nbfrag as st\\nif st.button('Hi'):\\n    st.text('clicked')").run()
                at.button("Hi").click()
                assert at.text[0].value == "clicked"
                made.append(at)

            def test_closed_after_the_test():
                assert repr(made[0]).endswith(", closed>")
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "test_plugin.py"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0 and "2 passed" in result.stdout, result.stdout + result.stderr
