# ruff: noqa: F811 - the fixtures imported from apptest_compat are parameters of the tests
"""Streamlit's "App testing" guides (Get started, Beyond the basics, the login page example) and
the examples of its AppTest API reference, each run unchanged against nbfrag: the apps with
`import nbfrag as st`, the tests with `from nbfrag.testing import AppTest`. Written after the
documented examples (docs.streamlit.io/develop/concepts/app-testing, .../api-reference/app-testing)."""

from __future__ import annotations

import datetime

import pytest
from apptest_compat import closes_app_tests, project  # noqa: F401 - fixtures

from nbfrag.testing import AppTest

# -- Get started -------------------------------------------------------------------------------

BEAN_COUNTER = """
    import nbfrag as st

    st.session_state.beans = st.session_state.get("beans", 0)

    st.title("Bean counter :paw_prints:")

    addend = st.number_input("Beans to add", 0, 10)
    if st.button("Add"):
        st.session_state.beans += addend
    st.markdown(f"Beans counted: {st.session_state.beans}")
"""


def test_get_started_increment_and_add(project):
    project(**{"app.py": BEAN_COUNTER})
    at = AppTest.from_file("app.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_get_started_init_then_run_is_the_same(project):
    project(**{"app.py": BEAN_COUNTER})
    at = AppTest.from_file("app.py")
    at.run()
    assert at.get("number_input") == at.number_input and at.get("markdown") == at.markdown
    assert at.markdown[0].value == "Beans counted: 0"


def test_get_started_elements_are_in_page_order(project):
    project(**{"app.py": """
        import nbfrag as st

        first = st.container()
        second = st.container()

        second.button("A")
        first.button("B")
    """})
    at = AppTest.from_file("app.py").run()
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"


def test_get_started_widgets_by_key(project):
    project(**{"app.py": """
        import nbfrag as st

        st.button("Next", key="submit")
        st.button("Back", key="cancel")
    """})
    at = AppTest.from_file("app.py").run()
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_get_started_containers(project):
    project(**{"app.py": """
        import nbfrag as st

        st.sidebar.checkbox("In the sidebar")
        st.selectbox("In the main body", ["a", "b"])
        left, right = st.columns(2)
        right.button("Right")
    """})
    at = AppTest.from_file("app.py").run()
    assert [c.label for c in at.sidebar.checkbox] == ["In the sidebar"]
    assert at.main.checkbox.len == 0 and at.main.selectbox[0].value == "a"
    assert len(at.columns[0].button) == 0 and at.columns[1].button[0].label == "Right"


def test_get_started_inspecting_a_selectbox(project):
    project(**{"app.py": """
        import nbfrag as st

        st.selectbox("A", [1,2,3], None, help="Pick a number", placeholder="Pick me")
    """})
    at = AppTest.from_file("app.py").run()
    assert at.selectbox[0].value == None  # noqa: E711 - as documented
    assert at.selectbox[0].label == "A"
    assert at.selectbox[0].options == ["1","2","3"]
    assert at.selectbox[0].index == None  # noqa: E711
    assert at.selectbox[0].help == "Pick a number"
    assert at.selectbox[0].placeholder == "Pick me"
    assert at.selectbox[0].disabled == False  # noqa: E712


def test_get_started_secrets_toml_in_the_project_is_read(project):
    project(**{
        ".streamlit/secrets.toml": 'db_username = "Jane"\n',
        "app.py": "import nbfrag as st\nst.text(st.secrets.db_username)\n",
    })
    at = AppTest.from_file("app.py").run()
    assert at.text[0].value == "Jane"


# -- Beyond the basics --------------------------------------------------------------------------


def test_beyond_declaring_secrets(project):
    project(**{"app.py": """
        import nbfrag as st

        st.text(st.secrets["db_username"] + " " + st.secrets.db_password)
        st.write(st.secrets["my_other_secrets.things_i_like"])
    """})
    at = AppTest.from_file("app.py")
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert not at.exception
    assert at.text[0].value == "Jane mypassword"
    assert at.secrets["db_username"] == "Jane"  # still readable (and writable) after the run


FIRST_PAGE = """
    import nbfrag as st

    st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")

    new_word = st.text_input("Magic word:")

    if st.button("Set the magic word"):
        st.session_state.magic_word = new_word
"""
SECOND_PAGE = """
    import nbfrag as st

    st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")

    if st.session_state.magic_word == "Balloons":
        st.markdown(":balloon:")
"""


def test_beyond_a_multipage_app_page_by_page(project):
    project(**{"first.py": FIRST_PAGE, "pages/second.py": SECOND_PAGE})
    at = AppTest.from_file("pages/second.py")
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"
    first = AppTest.from_file("first.py").run()
    first.text_input[0].input("Balloons").run()
    first.button[0].click().run()
    assert first.session_state.magic_word == "Balloons"


def test_beyond_query_params_are_declared_before_the_run(project):
    project(**{"app.py": """
        import nbfrag as st

        st.text(st.query_params.get("page", "none"))
        if st.button("Next"):
            st.query_params["page"] = "2"
    """})
    at = AppTest.from_file("app.py")
    at.query_params["page"] = "1"
    at.run()
    assert at.text[0].value == "1"
    at.button[0].click().run()
    assert at.query_params["page"] == "2"


# -- The login page example ---------------------------------------------------------------------

LOGIN = """
    import hmac

    import nbfrag as st

    st.session_state.status = st.session_state.get("status", "unverified")
    st.title("My login page")


    def check_password():
        if hmac.compare_digest(st.session_state.password, st.secrets.password):
            st.session_state.status = "verified"
        else:
            st.session_state.status = "incorrect"
        st.session_state.password = ""

    def login_prompt():
        st.text_input("Enter password:", key="password", on_change=check_password)
        if st.session_state.status == "incorrect":
            st.warning("Incorrect password. Please try again.")

    def logout():
        st.session_state.status = "unverified"

    def welcome():
        st.success("Login successful.")
        st.button("Log out", on_click=logout)


    if st.session_state.status != "verified":
        login_prompt()
        st.stop()
    welcome()
"""


def test_login_no_interaction(project):
    project(**{"app.py": LOGIN})
    at = AppTest.from_file("app.py")
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_login_incorrect_password(project):
    project(**{"app.py": LOGIN})
    at = AppTest.from_file("app.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_login_correct_password(project):
    project(**{"app.py": LOGIN})
    at = AppTest.from_file("app.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_login_log_out(project):
    project(**{"app.py": LOGIN})
    at = AppTest.from_file("app.py")
    at.secrets["password"] = "streamlit"
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


# -- The API reference: AppTest and its constructors ------------------------------------------

WORD_OF_THE_DAY = """
import nbfrag as st

word_of_the_day = st.text_input("What's the word of the day?", key="word")
if word_of_the_day == st.secrets["WORD"]:
    st.success("That's right!")
elif word_of_the_day and word_of_the_day != st.secrets["WORD"]:
    st.warning("Try again.")
"""


def test_reference_apptest_class(project):
    project(**{"streamlit_app.py": WORD_OF_THE_DAY})
    at = AppTest.from_file("streamlit_app.py")
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception

    at.text_input("word").input("Bazbat").run()
    assert at.warning[0].value == "Try again."


def test_reference_from_string():
    app_script = WORD_OF_THE_DAY
    at = AppTest.from_string(app_script)
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception
    at.text_input("word").input("Foobar").run()
    assert at.success[0].value == "That's right!"


def test_reference_from_function():
    def app_script ():
        import nbfrag as st

        word_of_the_day = st.text_input("What's the word of the day?", key="word")
        if word_of_the_day == st.secrets["WORD"]:
            st.success("That's right!")
        elif word_of_the_day and word_of_the_day != st.secrets["WORD"]:
            st.warning("Try again.")

    at = AppTest.from_function(app_script)
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception


# -- The API reference: testing element classes -----------------------------------------------

ELEMENTS = """
import datetime

import nbfrag as st

st.title("My awesome app")
st.sidebar.button("Side")
st.button("Go")
st.chat_input("Ask")
st.checkbox("Agree")
st.color_picker("Color")
st.date_input("Release", datetime.date(2020, 1, 1))
st.multiselect("Cities", ["New York", "Paris"])
st.number_input("Count")
st.radio("City", ["Paris", "New York"])
st.select_slider("Letters", ["A", "B", "C"], value=("A", "B"))
st.selectbox("Where", ["Paris", "New York"])
st.slider("Range", 0, 10, (1, 3))
st.text_area("Notes")
st.text_input("Name")
st.time_input("When", datetime.time(9, 0))
st.toggle("Debug")
"""


def test_reference_element_classes():
    at = AppTest.from_string(ELEMENTS).run()
    # at.sidebar returns a Block
    at.sidebar.button[0].click().run()
    assert not at.exception
    # at.title returns a sequence of Title
    assert at.title[0].value == "My awesome app"
    at.button[0].click().run()
    at.chat_input[0].set_value("What is Streamlit?").run()
    at.checkbox[0].check().run()
    at.color_picker[0].pick("#FF4B4B").run()
    release_date = datetime.date(2023, 10, 26)
    at.date_input[0].set_value(release_date).run()
    at.multiselect[0].select("New York").run()
    at.number_input[0].increment().run()
    at.radio[0].set_value("New York").run()
    at.select_slider[0].set_range("A","C").run()
    at.selectbox[0].select("New York").run()
    at.slider[0].set_range(2,5).run()
    at.text_area[0].input("Streamlit is awesome!").run()
    at.text_input[0].input("Streamlit").run()
    at.time_input[0].increment().run()
    at.toggle[0].set_value(True).run()  # (the reference's "True", a str, is a TypeError in both)
    assert not at.exception
    assert at.checkbox[0].value is True and at.color_picker[0].value == "#FF4B4B"
    assert at.date_input[0].value == release_date and at.multiselect[0].value == ["New York"]
    assert at.number_input[0].value == 0.01 and at.radio[0].value == "New York"
    assert at.select_slider[0].value == ("A", "C") and at.selectbox[0].value == "New York"
    assert at.slider[0].value == (2, 5) and at.text_area[0].value == "Streamlit is awesome!"
    assert at.text_input[0].value == "Streamlit" and at.time_input[0].value == datetime.time(9, 15)
    assert at.toggle[0].value is True
    with pytest.raises(TypeError):
        at.toggle[0].set_value("True").run()


def test_from_file_finds_the_app_beside_the_test_file_too(tmp_path, monkeypatch):
    """Streamlit 1.67 resolves a relative path against the file that calls `from_file`; its
    docs (and earlier versions) against the directory `pytest` runs in. nbfrag tries both."""
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "app.py").write_text("import nbfrag as st\nst.text('beside the test')\n")
    caller = tests / "test_app.py"
    caller.write_text("from nbfrag.testing import AppTest\n\ndef make():\n    return AppTest.from_file('app.py')\n")
    monkeypatch.chdir(tmp_path)  # where the app is not
    namespace: dict = {}
    exec(compile(caller.read_text(), str(caller), "exec"), namespace)
    at = namespace["make"]().run()
    assert at.text[0].value == "beside the test"
