# ruff: noqa: F811 - the fixtures imported from apptest_compat are parameters of the tests
"""nbfrag's AppTest has Streamlit's `streamlit.testing.v1` API (1.67) on top of its own: the
constructors as Streamlit's, timeouts, secrets, query parameters, Session State, toasts,
element lists and members, actions and their return values, and lookups that fail with the
exception a Streamlit test expects (and nbfrag's listing of what exists). Also the two bugs
Streamlit-style tests found (issue 16 §2), and `st.secrets` / `st.query_params` in apps."""

from __future__ import annotations

import datetime

import pytest
from apptest_compat import closes_app_tests, project  # noqa: F401 - fixtures

import nbfrag as st
from nbfrag import errors
from nbfrag.testing import AppTest

# -- constructors and runs ----------------------------------------------------------------------


def test_from_function_calls_the_function_with_its_arguments_and_return_ends_the_run():
    def app(greeting, *, name="you"):
        import nbfrag as st

        st.text(f"{greeting}, {name}")
        if name == "stop":
            return
        st.text("after the return")

    at = AppTest.from_function(app, args=("Hi",), kwargs={"name": "stop"}).run()
    assert at.text.values == ["Hi, stop"] and not at.exception
    assert AppTest.from_function(app, args=("Hello",)).run().text.values == ["Hello, you", "after the return"]
    with pytest.raises(TypeError):
        AppTest.from_function(app, kwargs={"nope": 1})  # a call the function cannot take


def test_a_run_past_its_timeout_raises_streamlits_runtime_error():
    looping = "import time\nimport nbfrag as st\nst.text('started')\nwhile True:\n    time.sleep(0.01)\n"
    at = AppTest.from_string(looping)
    with pytest.raises(RuntimeError, match=r"^AppTest script run timed out after 0.2\(s\)$"):
        at.run(timeout=0.2)
    quick = AppTest.from_string(looping, default_timeout=0.2)
    with pytest.raises(RuntimeError, match="timed out after 0.2"):
        quick.run()
    assert AppTest.from_string("x = 1").default_timeout == 3  # Streamlit's default


def test_an_interaction_reruns_under_the_default_timeout():
    at = AppTest.from_string(
        "import time\nimport nbfrag as st\nif st.button('Hang'):\n    while True:\n        time.sleep(0.01)\n",
        default_timeout=0.2,
    ).run()
    with pytest.raises(RuntimeError, match="timed out"):
        at.button[0].click().run()


def test_switch_page_says_an_app_is_one_page():
    at = AppTest.from_string("import nbfrag as st").run()
    with pytest.raises(NotImplementedError, match=r"an nbfrag app is one page .* AppTest of its own"):
        at.switch_page("pages/second.py")


def test_session_state_missing_key_is_a_key_error():
    at = AppTest.from_string("import nbfrag as st").run()
    with pytest.raises(KeyError, match='st.session_state has no key "nope"'):
        at.session_state["nope"]
    with pytest.raises(AttributeError):
        at.session_state.nope  # noqa: B018


# -- element lists ------------------------------------------------------------------------------

KEYED = """
import nbfrag as st

st.button("plus", key="minus")
st.button("minus", key="plus")
st.button("Unkeyed")
with st.sidebar:
    st.button("Side")
"""


def test_a_positional_lookup_is_a_key_then_a_label():
    at = AppTest.from_string(KEYED).run()
    assert at.button("plus").label == "minus"  # the key wins, as in Streamlit
    assert at.button(key="minus").label == "plus"
    assert at.button("Unkeyed").label == "Unkeyed"  # nbfrag: no key matches, so a label
    assert at.button(label="plus").key == "minus"


def test_failed_lookups_raise_key_error_and_index_error_and_list_what_exists():
    at = AppTest.from_string(KEYED).run()
    with pytest.raises(KeyError) as missing:
        at.button("nothing")
    assert str(missing.value) == (
        "No button with key or label 'nothing'. Buttons: 'plus' (key='minus'), 'minus' (key='plus'), "
        "'Unkeyed', 'Side'."
    )
    with pytest.raises(KeyError, match="No button with key 'zz'"):
        at.button(key="zz")
    with pytest.raises(IndexError, match=r"No button \[9\]: there are 4 buttons"):
        at.button[9]
    with pytest.raises(AttributeError, match=r"^text_input 'x' has no attribute 'delta'\. It has: "):
        AppTest.from_string("import nbfrag as st\nst.text_input('x')").run().text_input[0].delta  # noqa: B018


def test_lists_have_len_values_iteration_and_slices_main_before_sidebar():
    at = AppTest.from_string(KEYED).run()
    assert len(at.button) == at.button.len == 4
    assert at.button.values == [False] * 4
    assert [b.label for b in at.button] == ["plus", "minus", "Unkeyed", "Side"]  # main area first
    first_two = at.button[0:2]
    assert first_two.len == 2 and first_two[1].label == "minus" and first_two == at.button[:2]
    assert [b.label for b in at.main.button] == ["plus", "minus", "Unkeyed"]
    assert [b.label for b in at.sidebar.button] == ["Side"]
    assert at.get("button") == at.button


def test_columns_and_tabs_are_the_columns_and_tabs():
    at = AppTest.from_string(
        "import nbfrag as st\na, b, c = st.columns(3)\nc.text('third')\nx, y = st.tabs(['X', 'Y'])\ny.text('why')"
    ).run()
    assert len(at.columns) == 3 and at.columns[2].text[0].value == "third"
    assert [t.label for t in at.tabs] == ["X", "Y"] and at.tabs[1].text[0].value == "why"
    assert len(at.get("columns")) == 1 and len(at.get("tabs")) == 1  # nbfrag's groups


def test_toast_lists_the_last_runs_toasts_with_icons():
    at = AppTest.from_string(
        "import nbfrag as st\nst.toast('Hi', icon='👋')\nif st.button('Save'):\n    st.toast('Saved')"
    ).run()
    assert [(t.value, t.icon) for t in at.toast] == [("Hi", "👋")]
    at.button[0].click().run()
    assert at.toast.values == ["Hi", "Saved"] and at.toast.len == 2
    assert at.toasts == ["Hi", "Hi", "Saved"]  # nbfrag's: every toast so far


# -- members ------------------------------------------------------------------------------------

MEMBERS = """
import nbfrag as st

st.text_input("Name", "Ada", max_chars=5, placeholder="Your name", help="Who you are", key="name")
st.number_input("Count", min_value=0, max_value=3, value=2, step=1)
st.radio("Size", ["S", "M", "L"], index=1, format_func=str.lower)
st.multiselect("Tags", ["a", "b", "c"], ["c", "a"])
st.slider("Level", 0, 10, 4)
st.chat_message("assistant").text("hello")
st.metric("Temp", "21 °C", "-1 °C")
st.markdown('''
    Indented
      text''')
def fail():
    raise ValueError("bad value")
fail()
"""


def test_members_read_as_streamlits():
    at = AppTest.from_string(MEMBERS).run()
    name = at.text_input("name")
    assert (name.value, name.label, name.key, name.help, name.placeholder) == (
        "Ada", "Name", "name", "Who you are", "Your name"
    )
    assert name.disabled is False and name.max_chars == 5
    count = at.number_input[0]
    assert (count.value, count.min, count.max, count.step) == (2, 0, 3, 1)
    size = at.radio[0]
    assert (size.value, size.options, size.index) == ("M", ["s", "m", "l"], 1)
    assert at.multiselect[0].indices == [2, 0]
    assert at.slider[0].min == 0 and at.slider[0].max == 10
    assert at.chat_message[0].avatar == "assistant" and at.chat_message[0].name == "assistant"
    assert (at.metric[0].label, at.metric[0].value, at.metric[0].delta) == ("Temp", "21 °C", "-1 °C")
    assert at.markdown[0].value == at.markdown[0].body == "Indented\n  text"
    error = at.exception[0]
    assert error.value == error.message == "bad value"
    assert str(error) == "ValueError: bad value"  # nbfrag's text form: type and message
    assert any("raise ValueError" in line for line in error.stack_trace)


# -- actions ------------------------------------------------------------------------------------


def test_actions_return_the_element_and_change_the_value():
    at = AppTest.from_string(MEMBERS).run()
    name = at.text_input("name")
    assert name.input("Too long") is name and name.value == "Ada"  # over max_chars: ignored
    name.input("Bo").run()
    assert at.text_input("name").value == "Bo"
    count = at.number_input[0]
    count.increment().run()
    count.increment().run()
    assert count.value == 3  # stops at max_value
    count.decrement().decrement().decrement().decrement().run()
    assert count.value == 0  # and at min_value
    at.radio[0].select_index(2).run()
    assert at.radio[0].value == "L"
    at.multiselect[0].unselect("c").select("b").run()
    assert at.multiselect[0].value == ["a", "b"]
    assert at.slider[0].set_value(7).run() is at


def test_time_input_steps_by_its_step():
    at = AppTest.from_string(
        "import datetime\nimport nbfrag as st\nst.time_input('At', datetime.time(9, 50), step=600)"
    ).run()
    at.time_input[0].increment().run()
    assert at.time_input[0].value == datetime.time(10, 0)
    at.time_input[0].decrement().decrement().run()
    assert at.time_input[0].value == datetime.time(9, 40)


def test_a_clicked_button_is_true_after_its_run_and_fragment_reruns_stay_scoped():
    at = AppTest.from_string(
        "import nbfrag as st\n@st.fragment\ndef part():\n    st.button('In')\npart()\nst.button('Out')"
    ).run()
    at.button("In").click().run()
    assert at.button("In").value is True and at.button("Out").value is False
    assert (at.runs[-1].scope, at.runs[-1].fragments, len(at.runs)) == ("fragment", ["part"], 2)
    at.run()
    assert at.button.values == [False, False] and at.runs[-1].scope == "app"


# -- the bugs Streamlit-style tests found (issue 16 §2) ------------------------------------------


def test_a_keyed_button_relabelled_by_a_rerun_reads_its_new_label():
    at = AppTest.from_string(
        "import nbfrag as st\n"
        "on = st.session_state.setdefault('on', False)\n"
        "def flip():\n    st.session_state.on = not st.session_state.on\n"
        "st.button('Stop' if on else 'Start', key='switch', on_click=flip)\n"
    ).run()
    assert at.button("switch").label == "Start"
    at.button("switch").click().run()
    assert at.button("switch").label == "Stop" and str(at) == "[Stop]"


def test_a_callback_writes_into_a_container_of_the_last_run():
    """Streamlit's regression test for its issue #7711: the write shows, first in the container."""

    def app():
        import nbfrag as st

        def on_click():
            box.markdown("written by the callback")

        st.button("Write", on_click=on_click)
        box = st.container()
        box.text("in the box")

    at = AppTest.from_function(app).run()
    at.button[0].click().run()
    assert at.markdown.values == ["written by the callback"]
    assert str(at).splitlines() == ["[Write]", "written by the callback", "in the box"]
    at.run()
    assert at.markdown.values == []  # one run only, like anything a run draws


# -- st.secrets in apps -------------------------------------------------------------------------


def test_secrets_files_beside_the_notebook_and_in_home_nested_sections(project, tmp_path):
    project(**{
        "home/.streamlit/secrets.toml": 'token = "from home"\nshared = "home"\n[db]\nuser = "h"\n',
        ".streamlit/secrets.toml": 'shared = "project"\n[db]\nuser = "jane"\nport = 5432\n',
    })
    assert st.secrets.token == "from home" and st.secrets["shared"] == "project"  # the project's wins
    assert st.secrets.db.user == "jane" and st.secrets["db"]["port"] == 5432
    assert st.secrets.to_dict() == {"token": "from home", "shared": "project", "db": {"user": "jane", "port": 5432}}
    assert "jane" not in repr(st.secrets) and "db" in repr(st.secrets)  # keys, never values
    with pytest.raises(KeyError, match='st.secrets has no key "nope"'):
        st.secrets["nope"]
    with pytest.raises(AttributeError, match='st.secrets has no attribute "nope"'):
        st.secrets.nope  # noqa: B018
    with pytest.raises(TypeError, match="Secrets does not support item assignment."):
        st.secrets["x"] = 1
    (tmp_path / ".streamlit/secrets.toml").write_text('shared = "edited, and longer"\n')
    assert st.secrets.shared == "edited, and longer"  # read again when the file changes


def test_no_secrets_file_is_streamlits_error(project):
    project()
    with pytest.raises(errors.StreamlitSecretNotFoundError, match="No secrets found"):
        st.secrets["anything"]
    assert isinstance(errors.StreamlitSecretNotFoundError("x"), FileNotFoundError)
    assert st.secrets.load_if_toml_exists() is False


def test_an_app_test_gives_its_app_its_own_secrets(project):
    project(**{".streamlit/secrets.toml": 'word = "from the file"\n'})
    src = "import nbfrag as st\nst.text(st.secrets.word)"
    assert AppTest.from_string(src).run().text[0].value == "from the file"
    at = AppTest.from_string(src)
    at.secrets["word"] = "from the test"
    at.run()
    assert at.text[0].value == "from the test" and at.secrets == {"word": "from the test"}
    assert st.secrets.word == "from the file"  # outside the test's runs: the file's


# -- st.query_params in apps --------------------------------------------------------------------

QUERY = """
import nbfrag as st

st.text(f"page={st.query_params.get('page')} tags={st.query_params.get_all('tag')}")
if st.button("Next"):
    st.query_params.page = str(int(st.query_params.get("page", "1")) + 1)
if st.button("Tags"):
    st.query_params["tag"] = ["a", "b"]
if st.button("Reset"):
    st.query_params.from_dict({"page": 1})
if st.button("Clear"):
    st.query_params.clear()
"""


def test_query_params_in_an_app_test():
    at = AppTest.from_string(QUERY)
    at.query_params["page"] = "3"
    at.query_params["tag"] = ["x", "y"]
    at.run()
    assert at.text[0].value == "page=3 tags=['x', 'y']"
    at.button("Next").click().run()
    assert at.query_params == {"page": "4", "tag": ["x", "y"]}
    at.button("Tags").click().run()
    assert at.query_params["tag"] == ["a", "b"]
    at.button("Reset").click().run()
    assert at.query_params == {"page": "1"}
    at.button("Clear").click().run()
    assert at.query_params == {}
    assert at.run().text[0].value == "page=None tags=[]"


def test_query_params_behave_as_streamlits(monkeypatch):
    from nbfrag._flow import query_params as module

    monkeypatch.setattr(module, "_sessions", module.weakref.WeakKeyDictionary())
    monkeypatch.delenv("VOILA_KERNEL_ID", raising=False)
    monkeypatch.setenv("QUERY_STRING", "a=1")  # not Voila: the notebook's URL is not the app's
    qp = st.query_params
    assert dict(qp) == {} and len(qp) == 0
    qp["n"] = 5
    qp.tags = ("x", 2)
    assert qp.to_dict() == {"n": "5", "tags": "2"} and qp.get_all("tags") == ["x", "2"]
    assert qp.n == "5" and "n" in qp and qp.get_all("missing") == []
    with pytest.raises(KeyError, match='st.query_params has no key "zz"'):
        qp["zz"]
    with pytest.raises(AttributeError, match='st.query_params has no attribute "zz"'):
        qp.zz  # noqa: B018
    with pytest.raises(errors.StreamlitQueryParamDictValueError, match="cannot be set to a dictionary"):
        qp["d"] = {"no": 1}
    with pytest.raises(errors.StreamlitAPIException, match="embed and embed_options"):
        qp["embed"] = "true"
    with pytest.raises(errors.StreamlitAPIException):
        qp.from_dict({"ok": "1", "embed": "x"})
    assert qp.to_dict() == {"n": "5", "tags": "2"}  # from_dict changed nothing
    del qp.n
    qp.clear()
    assert qp.to_dict() == {}


def test_under_voila_the_notebook_session_starts_from_the_pages_query_string(monkeypatch):
    from nbfrag._flow import query_params as module

    monkeypatch.setattr(module, "_sessions", module.weakref.WeakKeyDictionary())
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")
    monkeypatch.setenv("QUERY_STRING", "a=1&tag=x&tag=y&empty=")
    assert st.query_params.to_dict() == {"a": "1", "tag": "y", "empty": ""}
    assert st.query_params.get_all("tag") == ["x", "y"]


def test_setting_query_params_in_an_app_sends_the_query_string_to_the_page():
    at = AppTest.from_string(QUERY).run()
    head = at._app.root.extras.get("page-head")
    assert head is None  # nothing set: the page's URL is left alone
    at.button("Tags").click().run()
    head = at._app.root.extras["page-head"]
    assert head.query == "tag=a&tag=b"
    at.button("Clear").click().run()
    assert head.query == ""


@pytest.mark.parametrize("name", ["secrets", "query_params"])
def test_the_objects_docstrings_teach_and_their_examples_run(name):
    """As tests/test_docstrings.py checks the commands': a one-sentence summary, Returns, a
    runnable example, and a differences section exactly as the README row lists some."""
    import inspect

    from test_docstrings import DIFFERENCES, example_code, readme_rows, sections

    parts = sections(inspect.getdoc(getattr(st, name)) or "")
    assert parts[""].splitlines()[0].endswith(".") and parts.get("Returns")
    code = example_code(parts.get("Examples", ""))
    assert "import nbfrag as st" in code and f"st.{name}" in code
    at = AppTest.from_string(code).run()
    assert not at.exception and at.runs[-1].outcome == "completed"
    row = next(row for row in readme_rows() if row[0] == f"`st.{name}`")
    assert (row[3] not in ("", "—")) == bool(parts.get(DIFFERENCES))
