"""Fragment keys (`@st.fragment(key=...)`, `st.rerun(<key>)`) and `parallel=`, as in
Streamlit 1.67. Each test names the items of /work/shared/spec/streamlit-fragment.md it checks."""

from __future__ import annotations

import pytest
from conftest import buttons, click

import nbfrag as st
from nbfrag import errors

KEYED_OUTSIDE_CALLBACK = (
    "nbfrag.errors.StreamlitAPIException: Passing a fragment key to `st.rerun()` is only allowed "
    "from a widget callback (e.g. `on_change` / `on_click`). Calling it from the main script body "
    "or a fragment body would abort the current run. If you meant to rerun the whole app or the "
    "current fragment, use `scope='app'` or `scope='fragment'`."
)

# Two call sites of one keyed fragment, another fragment, and buttons outside that rerun by key.
CHARTS = """
import nbfrag as st
ss = st.session_state
for name in ("app", "charts", "other"):
    ss.setdefault(name, 0)
ss.app += 1

@st.fragment(key="charts")
def charts(where):
    ss.charts += 1
    st.write(f"charts {where}: run {ss.charts}")

@st.fragment
def other():
    ss.other += 1
    st.write(f"other: run {ss.other}")

charts("top")
other()
st.write(f"app: run {ss.app}")
charts("bottom")
st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
"""


def lines(host):
    return repr(host).splitlines()


# -- declaring keys (items 2, 6) ----------------------------------------------------------------


@pytest.mark.parametrize("reserved", ["app", "fragment"])
def test_reserved_keys_raise_when_decorating_even_if_never_called(nb, reserved):
    # item 6: raised by the decorator, before any call
    host = nb.app(
        "import nbfrag as st\n"
        "st.write('before')\n"
        f"@st.fragment(key={reserved!r})\n"
        "def f():\n"
        "    st.write('body')\n"
        "st.write('after')\n"
    )
    assert lines(host) == [
        "before",
        (
            f"nbfrag.errors.StreamlitAPIException: `{reserved}` is a reserved name and cannot be used as a "
            "fragment key, because `st.rerun(scope=...)` reads it as a rerun level. Choose a different key "
            "for `@st.fragment(key=...)`."
        ),
    ]


def test_an_empty_key_is_a_value_error():
    # item 6: checked at decoration, also with the function form
    for make in (lambda: st.fragment(key=""), lambda: st.fragment(lambda: None, key="")):
        with pytest.raises(errors.StreamlitValueError) as raised:
            make()
        assert str(raised.value) == "Invalid `key` value. Supported values: a non-empty string."


def test_the_signature_is_streamlits():
    # item 2: fragment(func=None, *, run_every=None, parallel=False, key=None); options keyword-only
    import inspect

    params = inspect.signature(st.fragment).parameters
    assert [(p.name, p.kind.name, p.default) for p in params.values()] == [
        ("func", "POSITIONAL_OR_KEYWORD", None),
        ("run_every", "KEYWORD_ONLY", None),
        ("parallel", "KEYWORD_ONLY", False),
        ("key", "KEYWORD_ONLY", None),
    ]


def test_int_and_float_keys_are_their_strings(nb):
    # item 6 (an int key is normalized to its string; 1.5 is accepted) and item 26 (`st.rerun(5)`)
    host = nb.app(
        "import nbfrag as st\n"
        "ss = st.session_state\n"
        "ss.setdefault('runs', [])\n"
        "@st.fragment(key=5)\n"
        "def five():\n"
        "    ss.runs.append('five')\n"
        "@st.fragment(key=1.5)\n"
        "def half():\n"
        "    ss.runs.append('half')\n"
        "five()\n"
        "half()\n"
        "st.button('int', on_click=lambda: st.rerun(5))\n"
        "st.button('str', on_click=lambda: st.rerun('5'))\n"
        "st.button('float', on_click=lambda: st.rerun('1.5'))\n"
    )
    assert st.session_state.runs == ["five", "half"]
    for label, ran in [("int", "five"), ("str", "five"), ("float", "half")]:
        st.session_state.runs.clear()
        click(label)
        assert st.session_state.runs == [ran], label
    assert lines(host)[:2] == ["fragment five:", "fragment half:"]


def test_two_fragment_functions_with_one_key_raise_at_the_second_call(nb):
    # item 7: StreamlitDuplicateElementKey at the second function's call; the app stops there
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment(key='table')\n"
        "def f():\n"
        "    st.write('f')\n"
        "@st.fragment(key='table')\n"
        "def g():\n"
        "    st.write('g')\n"
        "f()\n"
        "f()\n"
        "st.write('between')\n"
        "g()\n"
        "st.write('after')\n"
    )
    assert lines(host) == [
        "fragment f:",
        "  f",
        "fragment f:",
        "  f",
        "between",
        (
            "nbfrag.errors.StreamlitDuplicateElementKey: There are multiple elements with the same "
            "`key='table'`. To fix this, please make sure that the `key` argument is unique for each "
            "element you create."
        ),
    ]


def test_a_fragment_key_does_not_collide_with_a_widget_key(nb):
    # item 7: fragment keys are checked among fragments only (probed on 1.67)
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment(key='k')\n"
        "def f():\n"
        "    st.write('f')\n"
        "f()\n"
        "st.button('b', key='k')\n"
        "st.write('after')\n"
    )
    assert lines(host) == ["fragment f:", "  f", "[b]", "after"]


# -- rerunning by key from a callback (items 7, 29) ------------------------------------------------


def test_a_button_outside_reruns_every_call_site_of_the_keyed_fragment_only(nb):
    # items 7 and 29: both call sites rerun, in one fragment run; the app body and the other
    # fragment do not run, and what they show stays
    host = nb.app(CHARTS)
    outside = [slot.widget for slot in host.block.slots if slot.block is None]
    click("Refresh charts")
    assert (st.session_state.app, st.session_state.charts, st.session_state.other) == (1, 4, 1)
    assert lines(host) == [
        "fragment charts:",
        "  charts top: run 3",
        "fragment other:",
        "  other: run 1",
        "app: run 1",
        "fragment charts:",
        "  charts bottom: run 4",
        "[Refresh charts]",
    ]
    assert [slot.widget for slot in host.block.slots if slot.block is None] == outside


def test_the_interactions_own_run_is_replaced_by_one_fragment_run(app_test):
    # item 29: the interaction's full run ends before its body runs ("rerun"), then a single
    # fragment run reruns both call sites
    at = app_test.from_string(CHARTS).run()
    at.button("Refresh charts").click()
    assert [(r.scope, r.fragments, r.outcome) for r in at.runs[1:]] == [
        ("app", [], "rerun"),
        ("fragment", ["charts", "charts"], "completed"),
    ]
    assert [m.value for m in at.markdown] == [
        "charts top: run 3", "other: run 1", "app: run 1", "charts bottom: run 4",
    ]


def test_a_list_of_keys_reruns_each_once_in_order_and_a_nested_one_only_inside_its_parent(app_test):
    # items 27 and 29: a list reruns several fragments in one run; a keyed fragment nested in
    # another one named too runs once, inside its parent (Streamlit skips queued descendants)
    at = app_test.from_string(
        """
        import nbfrag as st
        ss = st.session_state
        ss.setdefault("log", [])
        @st.fragment(key="inner")
        def inner():
            ss.log.append("inner")
        @st.fragment(key="outer")
        def outer():
            ss.log.append("outer")
            inner()
        @st.fragment(key="last")
        def last():
            ss.log.append("last")
        last()
        outer()
        st.button("all", on_click=lambda: st.rerun(["outer", "inner", "last", "outer"]))
        """
    ).run()
    at.session_state.log.clear()
    at.button("all").click()
    assert at.session_state.log == ["outer", "inner", "last"]
    assert at.runs[-1].fragments == ["outer", "inner", "last"]


def test_a_fragment_widget_callback_can_rerun_another_fragment_instead_of_its_own(nb):
    # item 29: the keyed rerun replaces the interaction's rerun (here: of the clicked fragment)
    nb.app(
        "import nbfrag as st\n"
        "ss = st.session_state\n"
        "ss.setdefault('log', [])\n"
        "@st.fragment(key='target')\n"
        "def target():\n"
        "    ss.log.append('target')\n"
        "@st.fragment\n"
        "def clicked():\n"
        "    ss.log.append('clicked')\n"
        "    st.button('go', on_click=lambda: st.rerun('target'))\n"
        "target()\n"
        "clicked()\n"
    )
    st.session_state.log.clear()
    click("go")
    assert st.session_state.log == ["target"]


def test_scope_fragment_in_a_keyed_run_reruns_the_current_fragment_and_those_after_it(nb):
    # item 24: "that fragment only (plus fragments queued after it in the same run)"
    nb.app(
        "import nbfrag as st\n"
        "ss = st.session_state\n"
        "ss.setdefault('log', [])\n"
        "ss.setdefault('again', False)\n"
        "def make(name):\n"
        "    @st.fragment(key=name)\n"
        "    def body():\n"
        "        ss.log.append(name)\n"
        "        if name == 'b' and ss.again:\n"
        "            ss.again = False\n"
        "            st.rerun(scope='fragment')\n"
        "    body.__qualname__ = name\n"
        "    return body\n"
        "for name in 'abc':\n"
        "    make(name)()\n"
        "def go():\n"
        "    ss.again = True\n"
        "    st.rerun(['a', 'b', 'c'])\n"
        "st.button('go', on_click=go)\n"
    )
    st.session_state.log.clear()
    click("go")
    assert st.session_state.log == ["a", "b", "b", "c"]


def test_an_unknown_key_raises_in_the_callback_and_the_page_shows_only_the_error(nb):
    # items 29 and 33: the callback's exception aborts the run before the body
    host = nb.app(
        "import nbfrag as st\n"
        "st.write('first')\n"
        "st.button('nope', on_click=lambda: st.rerun('nope'))\n"
    )
    click("nope")
    assert lines(host) == [
        (
            "nbfrag.errors.StreamlitAPIException: No fragment found for target 'nope'. Pass the same `key` "
            "you set on `@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
        )
    ]


def test_a_key_whose_fragment_left_the_page_is_unknown(nb):
    # items 10, 11 and 29: a full run that does not call the fragment removes it
    host = nb.app(
        "import nbfrag as st\n"
        "ss = st.session_state\n"
        "@st.fragment(key='k')\n"
        "def f():\n"
        "    st.write('f')\n"
        "if not ss.get('hide'):\n"
        "    f()\n"
        "if st.button('hide'):\n"
        "    ss.hide = True\n"
        "    st.rerun()\n"
        "st.button('refresh', on_click=lambda: st.rerun('k'))\n"
    )
    click("hide")
    assert lines(host) == ["[hide]", "[refresh]"]
    click("refresh")
    assert lines(host)[0].startswith("nbfrag.errors.StreamlitAPIException: No fragment found for target 'k'.")


# -- scopes in the wrong place, malformed scopes (items 25-27) --------------------------------------


def test_a_key_from_the_script_body_raises(nb):
    # item 26: T rerun_scope_errors 4 ("nonsense") and 5 (5 becomes "5")
    for scope in ("'nonsense'", "5"):
        host = nb.app(f"import nbfrag as st\nst.write('before')\nst.rerun({scope})\nst.write('after')\n")
        assert lines(host) == ["before", KEYED_OUTSIDE_CALLBACK]


def test_a_key_from_a_fragment_body_raises_in_the_fragment_also_in_its_rerun(nb):
    # item 26: the body of a fragment is not a callback, in a full run or a fragment rerun
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment(key='k')\n"
        "def f():\n"
        "    if st.button('b'):\n"
        "        st.rerun('k')\n"
        "f()\n"
        "st.write('after')\n"
    )
    click("b")
    assert lines(host) == ["fragment f:", "  [b]", "  " + KEYED_OUTSIDE_CALLBACK, "after"]


SCOPE_VALUES = "Supported values: 'app', 'fragment', a fragment key, a list of keys."
SCOPE_TYPES = "Invalid `scope` type. Expected one of: str, int, list[str | int]. Provided type:"
MALFORMED = [
    ("''", f"StreamlitValueError: Invalid `scope` value. {SCOPE_VALUES} Got an empty string."),
    ("[]", f"StreamlitValueError: Invalid `scope` value. {SCOPE_VALUES} Got an empty list."),
    *[
        (
            f"['k', {level!r}]",
            (
                f"StreamlitValueError: Invalid `scope` value. Supported values: fragment keys. '{level}' is a "
                f"reserved scope name and cannot appear inside a list. Pass '{level}' directly as a string."
            ),
        )
        for level in ("fragment", "app")
    ],
    ("1.5", f"StreamlitInvalidParameterTypeError: {SCOPE_TYPES} float."),
    ("b'k'", f"StreamlitInvalidParameterTypeError: {SCOPE_TYPES} bytes."),
    (
        "['k', 1.5]",
        (
            "StreamlitInvalidParameterTypeError: Invalid `scope list items` type. Expected one of: str, "
            "int. Provided type: float."
        ),
    ),
    (
        "['k', '']",
        (
            "StreamlitValueError: Invalid `scope list items` value. Supported values: non-empty strings "
            "or ints. Found an empty string in the list."
        ),
    ),
]


@pytest.mark.parametrize("scope, message", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_scopes_raise_streamlits_errors(nb, scope, message):
    # item 27 (T rerun_scope_errors 6-9, and the list checks of execution_control.py)
    host = nb.app(f"import nbfrag as st\nst.rerun({scope})\n")
    assert lines(host) == [f"nbfrag.errors.{message}"]


def test_scope_fragment_in_a_callback_during_a_full_run_still_raises(nb):
    # item 25: only the fragment's own widgets' callbacks run during a fragment rerun
    host = nb.app(
        "import nbfrag as st\n"
        "st.button('b', on_click=lambda: st.rerun(scope='fragment'))\n"
    )
    click("b")
    assert lines(host) == [
        (
            'nbfrag.errors.StreamlitInvalidLayoutContextError: scope="fragment" can only be specified from '
            "`@st.fragment`-decorated functions during fragment reruns."
        )
    ]


# -- parallel= (item 2) --------------------------------------------------------------------------


def test_parallel_fragments_return_none_during_full_runs_and_their_value_in_fragment_reruns(nb):
    # item 2: accepted (any truthy value, as 1.67 does not check it); a parallel fragment's
    # call returns None in a full run, its value during a fragment rerun (probed on 1.67)
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment(parallel='yes')\n"
        "def par():\n"
        "    st.write('par body')\n"
        "    return 42\n"
        "@st.fragment(parallel=0)\n"
        "def seq():\n"
        "    return 7\n"
        "@st.fragment\n"
        "def outer():\n"
        "    st.button('outer')\n"
        "    st.write(f'inside: {par()}')\n"
        "st.write(f'returned: {par()} {seq()}')\n"
        "outer()\n"
    )
    assert lines(host)[:3] == ["fragment par:", "  par body", "fragment seq:"]
    assert "returned: None 7" in lines(host) and "  inside: None" in lines(host)
    click("outer")
    assert "  inside: 42" in lines(host)


# -- the docstring example (item 16, seed_keyed_rerun) ----------------------------------------------

KEYED_EXAMPLE = """
import nbfrag as st

@st.fragment(key="charts")
def show_charts():
    st.write(f"Data: {st.session_state.get('filter', 'all')}")

show_charts()
st.selectbox(
    "Filter",
    ["all", "recent"],
    key="filter",
    on_change=lambda: st.rerun("charts"),
)
"""


def test_the_keyed_docstring_example(app_test):
    # item 16 / T seed_keyed_rerun 2-3: the selectbox callback reruns only show_charts
    at = app_test.from_string(KEYED_EXAMPLE).run()
    assert at.markdown[0].value == "Data: all"
    at.selectbox("Filter").set_value("recent")
    assert at.markdown[0].value == "Data: recent"
    assert [(r.scope, r.fragments) for r in at.runs] == [
        ("app", ["show_charts"]), ("app", []), ("fragment", ["show_charts"]),
    ]


def test_keys_work_in_a_plain_cell_too(nb):
    # a fragment called at the top level of a plain cell is a keyed fragment like any other
    nb.run(
        "import nbfrag as st\n"
        "st.session_state.setdefault('n', 0)\n"
        "@st.fragment(key='k')\n"
        "def f():\n"
        "    st.session_state.n += 1\n"
        "f()\n"
        "st.button('plain', on_click=lambda: st.rerun('k'))\n"
    )
    click("plain")
    assert st.session_state.n == 2
    assert len(buttons("plain")) == 1
