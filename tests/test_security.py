"""Security and robustness of public pages (issue #11): HTML nbfrag did not build is
sanitised, disabled widgets are enforced in the kernel, forged values are refused, errors are
drawn (never raised into the cell), and deep nesting and re-executed cells do not leak."""

from __future__ import annotations

import pytest
from conftest import model_count
from test_elements import output_html, slots

PRELUDE = "import nbfrag as st, pandas as pd\n"
PAYLOADS = [
    "<script>window.__x=1</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<style>body{display:none}</style>",
]


def dangerous(html: str) -> list[str]:
    lowered = html.lower()
    return [bad for bad in ("<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "display:none")
            if bad in lowered]


@pytest.mark.parametrize("call", [
    "st.table(pd.DataFrame({'a': P}).style)",
    "st.table(pd.DataFrame({'a': P}).style, hide_header=True, alt='Cells', width=300)",
    "st.write(Rich())",
])
def test_html_nbfrag_did_not_build_is_sanitised(nb, call):
    host = nb.app(
        PRELUDE + f"P = {PAYLOADS!r}\n"
        "class Rich:\n    def _repr_html_(self): return ''.join(P) + '<b>kept</b>'\n"
        "    def _repr_javascript_(self): return 'alert(1)'\n"
        f"{call}\n"
    )
    outputs = slots(host)[0].widget.outputs
    html = output_html(slots(host)[0])
    assert html and dangerous(html) == []
    assert all("application/javascript" not in o["data"] for o in outputs)


def test_a_styler_keeps_its_own_styles_and_formatting(nb):
    host = nb.app(PRELUDE + "st.table(pd.DataFrame({'a': [1.5, 2.25]}).style.format('{:.1f}')"
                  ".map(lambda v: 'color: red'))\n")
    html = output_html(slots(host)[0])
    assert "color: red" in html and "<style" in html and "2.2" in html and "<table" in html and " id=" in html


def test_rich_markdown_of_an_object_is_rendered_without_raw_html(nb):
    host = nb.app(PRELUDE + "class M:\n    def _repr_markdown_(self): return '**b** <img src=x onerror=alert(1)>'\n"
                  "st.write(M())\n")
    data = slots(host)[0].widget.outputs[0]["data"]
    assert "text/markdown" not in data
    assert "<strong>b</strong>" in data["text/html"] and "<img" not in data["text/html"]


def test_unsafe_allow_html_passes_a_rich_repr_unsanitised(nb):
    host = nb.app(PRELUDE + "class R:\n    def _repr_html_(self): return '<b onclick=\"x()\">b</b>'\n"
                  "st.write(R(), unsafe_allow_html=True)\n")
    assert 'onclick="x()"' in output_html(slots(host)[0])


# -- 2. Errors shown, never swallowed, never raised into the cell ----------------------------------


@pytest.mark.parametrize("method", ["_repr_html_", "_repr_markdown_", "__repr__"])
def test_a_repr_that_raises_is_drawn_in_place_and_not_sent_as_a_cell_error(nb, method, monkeypatch):
    shown = []
    monkeypatch.setattr(nb.shell, "showtraceback", lambda *a, **k: shown.append(a))
    for formatter in nb.shell.display_formatter.formatters.values():  # as in a kernel
        monkeypatch.setattr(formatter, "enabled", True)
    host = nb.app(PRELUDE + f"class Bad:\n    def {method}(self): raise ValueError('repr broke')\n"
                  "    def _repr_latex_(self): return None\n"
                  "st.write(Bad())\nst.write('after')\n")
    first = slots(host)[0]
    assert "nbfrag-exception-element" in first.widget._dom_classes and "repr broke" in first.widget.text
    assert shown == []


# -- disabled=True is enforced in the kernel ------------------------------------------------------

DISABLED = [
    ('st.checkbox("W", disabled=True)', "value", True),
    ('st.slider("W", 0, 10, 3, disabled=True)', "value", 7),
    ('st.selectbox("W", ["a", "b"], disabled=True)', "index", 1),
    ('st.multiselect("W", ["a", "b"], disabled=True)', "value", ["b"]),
    ('st.text_input("W", "x", disabled=True)', "value", "forged"),
    ('st.number_input("W", 0, 10, 5, disabled=True)', "value", 8),
]


def find_widget(host, description=None, cls=None):
    from test_widgets import walk

    found = [w for w in walk(host) if (description is None or getattr(w, "description", None) == description)
             and (cls is None or isinstance(w, cls))]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("call, trait, forged", DISABLED, ids=[d[0].split("(")[0] for d in DISABLED])
def test_a_disabled_input_ignores_edits_and_is_restored(nb, call, trait, forged):
    host = nb.app(f"import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\nss.v = {call}\n")
    widget = find_widget(host, "W")
    before_value, before_trait = nb.shell.user_ns["st"].session_state.v, getattr(widget, trait)
    widget.disabled = False  # a visitor removes `disabled` (or forges the message)
    setattr(widget, trait, forged)
    state = nb.shell.user_ns["st"].session_state
    assert state.runs == 1 and state.v == before_value
    assert getattr(widget, trait) == before_trait and widget.disabled is True


def test_a_disabled_button_and_submit_button_ignore_clicks(nb):
    host = nb.app(
        "import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\n"
        "ss.clicked = st.button('B', disabled=True, on_click=lambda: ss.update(cb=1))\n"
        "with st.form('f'):\n    st.form_submit_button('S', disabled=True, on_click=lambda: ss.update(cb=2))\n"
    )
    import ipywidgets as widgets

    for label in ("B", "S"):
        button = find_widget(host, label, widgets.Button)
        button.disabled = False
        button.click()
        assert button.disabled is True
    state = nb.shell.user_ns["st"].session_state
    assert state.runs == 1 and "cb" not in state


# -- forged values are refused --------------------------------------------------------------------

FORGED = [
    ('st.number_input("W", value=1.5)', "value", float("nan")),
    ('st.number_input("W", value=1.5)', "value", float("inf")),
    ('st.number_input("W", value=None)', "value", "nan"),
    ('st.number_input("W", value=None)', "value", "-inf"),
    ('st.slider("W", 0.0, 1.0, 0.5)', "value", float("nan")),
    ('st.slider("W", 0.0, 1.0, (0.2, 0.8))', "value", (float("nan"), 0.5)),
    ('st.multiselect("W", ["a", "b", "c"], ["a"])', "value", ["b", "b"]),
    ('st.multiselect("W", ["a", "b", "c"], ["a"])', "value", ["q"]),
    ('st.selectbox("W", ["a", "b"])', "index", 5),
    ('st.radio("W", ["a", "b"])', "index", -3),
    ('st.select_slider("W", ["a", "b"])', "index", 9),
    ('st.text_input("W", "x")', "value", 12),
    ('st.checkbox("W")', "value", "yes"),
]


@pytest.mark.parametrize("call, trait, forged", FORGED, ids=[f"{f[0].split('(')[0]}-{f[2]!r}" for f in FORGED])
def test_a_forged_value_is_refused_and_the_last_valid_one_shown(nb, call, trait, forged):
    host = nb.app(f"import nbfrag as st\nss = st.session_state\nss.runs = ss.get('runs', 0) + 1\nss.v = {call}\n")
    widget = find_widget(host, "W")
    state = nb.shell.user_ns["st"].session_state
    before_value, before_trait = state.v, getattr(widget, trait)
    try:
        widget.set_state({trait: forged})  # as the comm message does (trait validation may refuse)
    except Exception:  # noqa: BLE001 - refused by the trait itself: also fine
        pass
    assert state.runs == 1 and state.v == before_value
    assert getattr(widget, trait) == before_trait


@pytest.mark.parametrize("error", ["KeyboardInterrupt('ctrl-c')", "SystemExit(3)", "GeneratorExit()", "BaseException('base')"])
@pytest.mark.parametrize("where", ["fragment", "callback"])
def test_a_base_exception_in_a_fragment_or_callback_is_drawn_and_the_rest_works(nb, error, where):
    import ipywidgets as widgets

    body = f"raise {error}" if where == "fragment" else "pass"
    host = nb.app(
        "import nbfrag as st\nss = st.session_state\n"
        "@st.fragment\ndef part():\n"
        f"    if st.button('Go', on_click=(lambda: (_ for _ in ()).throw({error})) if {where == 'callback'} else None):\n"
        f"        {body}\n"
        "    st.write('part drawn')\n"
        "part()\n"
        "if st.button('Other'):\n    ss.other = True\n"
    )
    find_widget(host, "Go", widgets.Button).click()
    text = repr(host)
    name = error.split("(")[0]
    assert name in text
    find_widget(host, "Other", widgets.Button).click()  # the rest keeps working
    assert nb.shell.user_ns["st"].session_state.other is True


def test_st_stop_in_a_plain_cell_stops_silently(nb, capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(nb.shell, "showtraceback", lambda *a, **k: shown.append(a))
    nb.run("import nbfrag as st\nst.write('before')\nst.stop()\nst.write('after')\n")
    out = capsys.readouterr().out
    assert "before" in out and "after" not in out and shown == []
    assert "StopException" not in out


def test_a_key_duplicated_in_another_fragment_is_caught_in_a_fragment_rerun(nb):
    import ipywidgets as widgets

    host = nb.app(
        "import nbfrag as st\nss = st.session_state\n"
        "@st.fragment\ndef first():\n    st.text_input('A', 'one', key='note')\n"
        "@st.fragment\ndef second():\n"
        "    if ss.get('dup'):\n        st.text_input('B', 'two', key='note')\n"
        "    st.button('Again')\n"
        "first()\nsecond()\n"
    )
    nb.shell.user_ns["st"].session_state.dup = True
    find_widget(host, "Again", widgets.Button).click()
    assert "StreamlitDuplicateElementKey" in repr(host)
    assert nb.shell.user_ns["st"].session_state["note"] == "one"


def test_a_button_key_preset_in_session_state_raises_streamlits_error(nb):
    host = nb.app("import nbfrag as st\nst.session_state.go = True\nst.button('Go', key='go')\n")
    assert "StreamlitValueAssignmentNotAllowedError" in repr(host)
    assert "`st.session_state['go']` is read-only" in repr(host)


def test_a_submit_button_key_preset_in_session_state_raises_streamlits_error(nb):
    host = nb.app("import nbfrag as st\nst.session_state.go = True\nwith st.form('f'):\n"
                  "    st.form_submit_button('Go', key='go')\n")
    assert "StreamlitValueAssignmentNotAllowedError" in repr(host)


def test_run_every_too_large_names_run_every(nb):
    host = nb.app("import nbfrag as st\n@st.fragment(run_every=10**400)\ndef f():\n    pass\nf()\n")
    assert "OverflowError: `run_every` is too large" in repr(host)  # Streamlit raises OverflowError


# -- 3. Limits ------------------------------------------------------------------------------------

NESTED = (
    "import nbfrag as st, contextlib\n"
    "with contextlib.ExitStack() as stack:\n"
    "    for _ in range({depth}):\n"
    "        stack.enter_context(st.container(border=True))\n"
    "    st.write('bottom')\n"
    "st.write('after')\n"
)


def test_nesting_up_to_the_documented_depth_works(nb):
    from nbfrag._runtime.reconciler import MAX_DEPTH

    host = nb.app(NESTED.format(depth=MAX_DEPTH))
    text = repr(host)
    assert "bottom" in text and "after" in text and "Error" not in text


@pytest.mark.parametrize("depth", [470, 1000, 5000])
def test_deeper_nesting_is_refused_with_a_clear_error_and_leaks_nothing(nb, depth):
    from nbfrag._runtime.runtime import runtime

    before = model_count()
    host = nb.app(NESTED.format(depth=depth))
    text = repr(host)  # the text form works
    assert "nested more than" in text and "bottom" not in text
    nb.run("%%app\nimport nbfrag as st\nst.write('small')\n")  # the same cell, a small app now
    runtime.reset()
    assert model_count() <= before


def test_nested_fragments_count_toward_the_depth(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment\ndef deeper(n):\n    if n:\n        deeper(n - 1)\n    else:\n        st.write('bottom')\n"
        "deeper(400)\n"
    )
    text = repr(host)
    assert "nested more than" in text


def test_re_executing_an_app_cell_without_a_cell_id_reuses_its_app(nb):
    source = "import nbfrag as st\nst.write('hello')\nst.button('Go')\nst.slider('S', 0, 5)\n"
    nb.app(source)
    nb.app(source)
    after_two = model_count()
    for _ in range(20):  # nbclient / nbval send no cellId
        nb.app(source)
    assert model_count() == after_two


def test_a_different_app_cell_without_a_cell_id_is_another_app(nb):
    first = nb.app("import nbfrag as st\nst.write('one')\n")
    second = nb.app("import nbfrag as st\nst.write('two')\n")
    assert first is not second and "one" in repr(first) and "two" in repr(second)

