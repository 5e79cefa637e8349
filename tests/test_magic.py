"""Streamlit's magic in `%%app` cells and AppTest apps (a bare expression is written with
`st.write`), not in plain cells; and `st.echo`."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import ipywidgets as widgets
import pytest
from kernel_driver import KernelDriver
from test_widgets import find

from nbfrag.testing import AppTest

ST = "import nbfrag as st\n"


def app_text(nb, source: str) -> str:
    return repr(nb.app(textwrap.dedent(source)))


def test_strings_values_and_tuples_are_written_in_place(nb):
    text = app_text(nb, """\
        import nbfrag as st
        st.write("before")
        "Response:"
        answer = 6 * 7
        answer
        answer, "is the answer"
        {"k": 1}
        st.write("after")
        """)
    assert text == 'before\nResponse:\n`42`\n`42` is the answer\n{\n  "k": 1\n}\nafter'


def test_calls_docstrings_yield_and_await_are_not_written(nb):
    text = app_text(nb, '''\
        """The module docstring is not shown."""
        import nbfrag as st
        st.button("Go")
        len("abc")

        def helper():
            """Nor a function's docstring."""
            "but this line is"

        helper()

        def numbers():
            yield 1
            (yield)

        list(numbers())

        async def later():
            await __import__("asyncio").sleep(0)

        "the last line;";
        ''')
    assert text == "[Go]\nbut this line is\nthe last line;"


def test_nested_bodies_are_transformed(nb):
    text = app_text(nb, '''\
        import nbfrag as st
        with st.container():
            "first in a with body is not a docstring"
        for i in range(2):
            f"loop {i}"
        else:
            "loop else"
        n = 0
        while n < 1:
            n += 1
            "while"
        if n:
            "if"
        else:
            "not this"
        try:
            "try"
            1 / 0
        except ZeroDivisionError:
            "except"
        else:
            "not this either"
        finally:
            "finally"
        match n:
            case 1:
                "match"

        class Shape:
            "a class body is not transformed"

            def area(self):
                "a method's docstring"
                "method"

        Shape().area()
        (lambda: "lambdas are expressions, not statements")()
        ''')
    assert text.splitlines() == [
        "first in a with body is not a docstring", "loop 0", "loop 1", "loop else", "while", "if",
        "try", "except", "finally", "match", "method",
    ]


def test_a_fragment_writes_its_bare_expressions_on_its_own_reruns(nb):
    host = nb.app(ST + textwrap.dedent("""\
        @st.fragment
        def panel():
            clicks = st.session_state.setdefault("clicks", 0)
            if st.button("Click"):
                st.session_state.clicks += 1
            f"clicks: {st.session_state.clicks}"
        panel()
        """))
    assert repr(host) == "fragment panel:\n  [Click]\n  clicks: 0"
    find(host, widgets.Button, "Click").click()
    assert repr(host) == "fragment panel:\n  [Click]\n  clicks: 1"


def test_the_cell_shows_the_app_only_and_leaves_underscore_alone(nb):
    nb.run("_ = 'untouched'")
    result = nb.run("%%app\n" + ST + "'shown in the app'\n41 + 1")
    assert result.result is None  # IPython displays no last expression of its own
    assert nb.shell.user_ns["_"] == "untouched"
    # The writer's name is hidden from %who (it starts with an underscore).
    assert all(not name.startswith("__nbfrag") for name in nb.shell.run_line_magic("who_ls", ""))


def test_plain_cells_have_no_magic(nb):
    result = nb.run(ST + "st.write('drawn')\n'only IPython shows this'")
    assert result.result == "only IPython shows this"
    from nbfrag._runtime.runtime import runtime

    assert runtime.apps[-1].root.lines() == ["drawn"]


def test_a_plain_cell_rerun_by_st_rerun_has_no_magic_either(nb):
    nb.run(ST + textwrap.dedent("""\
        @st.fragment
        def f():
            st.write("first")
            "not written in a plain cell"
            if st.button("Full rerun"):
                st.rerun()
            st.write(f"runs: {st.session_state.setdefault('runs', 0)}")
            st.session_state.runs += 1
        f()
        """))
    from nbfrag._runtime.runtime import runtime

    area = runtime.apps[-1].root.slots[0]
    find(area.widget, widgets.Button, "Full rerun").click()  # re-executes the cell's source
    assert area.block.lines() == ["first", "[Full rerun]", "runs: 1"]


def test_a_syntax_error_is_still_reported_with_its_line(nb):
    host = nb.app(ST + "x = (\n")
    line = repr(host).splitlines()[0]
    assert line.startswith("SyntaxError: '(' was never closed (<nbfrag app ") and line.endswith(">, line 2)")


def test_apptest_apps_have_magic():
    with AppTest.from_string("""
        import nbfrag as st
        "# Title from magic"
        name = "Ada"
        name
    """).run() as at:
        assert at.markdown.values == ["# Title from magic", "Ada"]


# -- a real kernel: magic across re-executions of the cell ------------------------------------------


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def test_magic_in_a_real_kernel_across_reexecutions(kd):
    source = "%%app\nimport nbfrag as st\n'Response:'\nst.button('Again')\nvalue = {n}\nvalue\n"
    first = kd.execute(source.format(n=1), cell_id="magic-cell")
    assert not first.errors
    assert first.text_plain == ["Response:\n[Again]\n`1`"]  # the app's area, and nothing else
    assert [o["output_type"] for o in first.outputs] == ["display_data"]
    (host,) = first.displayed_model_ids
    again = kd.execute(source.format(n=2), cell_id="magic-cell")
    assert again.displayed_model_ids == [host] and again.text_plain == ["Response:\n[Again]\n`2`"]
    (button,) = kd.find_models(_model_name="ButtonModel", description="Again")
    kd.click(button)
    assert kd.eval(f"repr(__import__('ipywidgets').widgets.widget._instances[{host!r}])") == "Response:\n[Again]\n`2`"


# -- st.echo -----------------------------------------------------------------------------------------

ECHO = ST + textwrap.dedent("""\
    st.write("start")
    with st.echo({where}):
        # a comment before the first statement is not part of the block
        @st.fragment
        def panel():
            st.write("in panel")

        panel()
    st.write("end")
    """)
ECHOED = '@st.fragment\ndef panel():\n    st.write("in panel")\n\npanel()'


def test_echo_shows_the_block_above_what_it_draws(nb):
    text = app_text(nb, ECHO.format(where=""))
    assert text == f"start\n{ECHOED}\nfragment panel:\n  in panel\nend"


def test_echo_below(nb):
    text = app_text(nb, ECHO.format(where="code_location='below'"))
    assert text == f"start\nfragment panel:\n  in panel\n{ECHOED}\nend"


def test_echo_code_is_python_code_and_nested_blocks_find_their_own_lines(nb):
    host = nb.app(ST + textwrap.dedent("""\
        with st.container():
            with st.echo(
                "below"
            ):
                x = 1
                with st.echo():
                    y = 2
        """))
    assert repr(host) == "y = 2\nx = 1\nwith st.echo():\n    y = 2"
    assert host.block.slots[0].block.lines()[0] == "y = 2"
    kinds = [s.key[0] for s in host.block.slots[0].block.slots]
    assert kinds == ["empty", "code"]  # the inner block's code is in its placeholder, above


def test_echo_in_a_plain_cell_a_file_and_an_apptest(nb, tmp_path):
    nb.run(ST + "with st.echo():\n    st.write('plain')\n")
    from nbfrag._runtime.runtime import runtime

    assert runtime.apps[-1].root.lines() == ["st.write('plain')", "plain"]
    script = tmp_path / "app.py"
    script.write_text(ST + "with st.echo('below'):\n    st.write('from a file')\n")
    with AppTest.from_file(script).run() as at:
        assert str(at) == "from a file\nst.write('from a file')"
    with AppTest.from_string(ST + "with st.echo():\n    total = 1 + 1\n").run() as at:
        assert str(at) == "total = 1 + 1"


def test_echo_of_a_failing_block_shows_the_error_not_the_code(nb):
    text = app_text(nb, ST + "with st.echo():\n    1 / 0\n")
    assert text.splitlines()[0] == "ZeroDivisionError: division by zero"
    assert "1 / 0" not in text.splitlines()[0]


def test_echo_without_a_readable_source_warns_and_still_runs(nb):
    nb.run(ST + "exec(compile('with st.echo():\\n    st.write(\"ran\")\\n', '<nowhere>', 'exec'))")
    from nbfrag._runtime.runtime import runtime

    assert runtime.apps[-1].root.lines() == [
        "Warning: Unable to display code. nbfrag could not read the source of <nowhere>.",
        "ran",
    ]


def test_echo_and_set_page_config_are_not_container_methods(nb):
    host = nb.app(ST + "st.container().echo()")
    assert repr(host).startswith("AttributeError: 'echo' is not an element, so a container has no `.echo()`: use st.echo directly.")
    host = nb.app(ST + "st.sidebar.set_page_config(layout='wide')")
    assert "use st.set_page_config directly" in repr(host)
