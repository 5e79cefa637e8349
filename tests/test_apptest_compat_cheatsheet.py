# ruff: noqa: F811, E712, B015 - fixtures as parameters; the cheat sheet's `== False` and bare comparisons
"""Streamlit's "App testing cheat sheet", section by section, run unchanged against nbfrag (the
app with `import nbfrag as st`, the test with `from nbfrag.testing import AppTest`). The cheat
sheet shows assertions without their app: each app here is written to make them true, as
`cheatsheet_app.py` in the project's directory."""

from __future__ import annotations

import datetime

import pandas as pd
from apptest_compat import closes_app_tests, project  # noqa: F401 - fixtures

from nbfrag.testing import AppTest

TEXT = r'''
import nbfrag as st

st.title("My app")
st.header("New topic")
st.subheader("Interesting sub-topic")
st.divider()
st.markdown("Hello, world!")
st.code("import streamlit as st")
st.caption("A cool diagram")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()
'''


def test_text_elements(project):
    project(**{"cheatsheet_app.py": TEXT})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # Headers
    assert "My app" in at.title[0].value
    assert "New topic" in at.header[0].value
    assert "Interesting sub-topic" in at.subheader[0].value
    assert len(at.divider) == 2

    # Body / code
    assert "Hello, world!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A cool diagram" in at.caption[0].value
    assert "Hello again, world!" in at.text[0].value
    assert r"\int a x^2 \,dx" in at.latex[0].value


INPUTS = """
import datetime

import nbfrag as st

st.button("Go")
st.checkbox("Agree")
st.color_picker("Color", "#FFFFFF")
st.date_input("Birthday", datetime.date(2019, 7, 6))
st.multiselect("Things", ["foo", "bar", "baz"], ["foo", "bar"])
st.number_input("Count", value=5)
st.radio("Radio", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.selectbox("Select", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value="Feb")
st.select_slider("Months", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value=("Jan", "Feb"))
st.slider("Level", 0, 10, 2)
st.slider("Levels", 0, 10, (1, 2))
st.text_area("Text area", "Hello, world!")
st.text_input("Text input", "Hello, world!")
st.time_input("Alarm", datetime.time(8, 45))
st.toggle("Debug mode")
"""


def test_input_widgets(project):
    project(**{"cheatsheet_app.py": INPUTS})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # button
    assert at.button[0].value == False
    at.button[0].click().run()
    assert at.button[0].value == True

    # checkbox
    assert at.checkbox[0].value == False
    at.checkbox[0].check().run() # uncheck() is also supported
    assert at.checkbox[0].value == True

    # color_picker
    assert at.color_picker[0].value == "#FFFFFF"
    at.color_picker[0].pick("#000000").run()

    # date_input
    assert at.date_input[0].value == datetime.date(2019, 7, 6)
    at.date_input[0].set_value(datetime.date(2022, 12, 21)).run()

    # multiselect
    assert at.multiselect[0].value == ["foo", "bar"]
    at.multiselect[0].select("baz").unselect("foo").run()

    # number_input
    assert at.number_input[0].value == 5
    at.number_input[0].increment().run()

    # radio
    assert at.radio[0].value == "Bar"
    assert at.radio[0].index == 3
    at.radio[0].set_value("Foo").run()

    # selectbox
    assert at.selectbox[0].value == "Bar"
    assert at.selectbox[0].index == 3
    at.selectbox[0].set_value("Foo").run()

    # select_slider
    assert at.select_slider[0].value == "Feb"
    at.select_slider[0].set_value("Mar").run()
    at.select_slider[1].set_range("Apr", "Jun").run()

    # slider
    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    at.slider[1].set_range(4, 6).run()

    # text_area
    assert at.text_area[0].value == "Hello, world!"
    at.text_area[0].set_value("Hello, yourself!").run()

    # text_input
    assert at.text_input[0].value == "Hello, world!"
    at.text_input[0].set_value("Hello, yourself!").run()

    # time_input
    assert at.time_input[0].value == datetime.time(8, 45)
    at.time_input[0].set_value(datetime.time(12, 30))

    # toggle
    assert at.toggle[0].value == False
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value == True

    # ... and each change is what the app now reads
    assert at.checkbox[0].value == True and at.button[0].value == False  # a click lasts one run
    assert (at.color_picker[0].value, at.date_input[0].value) == ("#000000", datetime.date(2022, 12, 21))
    assert at.multiselect[0].value == ["bar", "baz"] and at.number_input[0].value == 6
    assert (at.radio[0].value, at.selectbox[0].value) == ("Foo", "Foo")
    assert at.select_slider.values == ["Mar", ("Apr", "Jun")] and at.slider.values == [3, (4, 6)]
    assert at.text_area[0].value == at.text_input[0].value == "Hello, yourself!"
    assert at.time_input[0].value == datetime.time(12, 30)


def test_form_submit_button_shows_up_just_like_a_button(project):
    project(**{"cheatsheet_app.py": """
        import nbfrag as st

        with st.form("signup"):
            st.text_input("Email")
            st.form_submit_button("Sign up")
    """})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # form_submit_button - shows up just like a button
    assert at.button[0].value == False
    at.button[0].click().run()
    assert at.button[0].value == True


DATA = """
import pandas as pd

import nbfrag as st

st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("Visitors", 9500, 1000)
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame([1, 2, 3]))
"""


def test_data_elements(project):
    project(**{"cheatsheet_app.py": DATA})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # dataframe
    expected_df = pd.DataFrame([1, 2, 3])
    assert at.dataframe[0].value.equals(expected_df)

    # metric
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"

    # json
    assert at.json[0].value == '["hi", {"foo": "bar"}]'

    # table
    table_df = pd.DataFrame([1, 2, 3])
    assert at.table[0].value.equals(table_df)


LAYOUT = """
import nbfrag as st

st.sidebar.text_input("Name")
left, right = st.columns(2)
right.markdown("Hello, world!")
first, second, third = st.tabs(["One", "Two", "Three"])
third.markdown("Hello, yourself!")
st.write("Name:", st.session_state.get("name_seen", ""))
"""


def test_layouts_and_containers(project):
    project(**{"cheatsheet_app.py": LAYOUT})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # sidebar
    at.sidebar.text_input[0].set_value("Jane Doe")

    # columns
    at.columns[1].markdown[0].value == "Hello, world!"

    # tabs
    at.tabs[2].markdown[0].value == "Hello, yourself!"

    # (the cheat sheet does not assert these two; they hold)
    assert at.columns[1].markdown[0].value == "Hello, world!"
    assert at.tabs[2].markdown[0].value == "Hello, yourself!"
    assert at.sidebar.text_input[0].value == "Jane Doe"


CHAT = """
import nbfrag as st

if prompt := st.chat_input("Say something"):
    with st.chat_message("user"):
        st.markdown(prompt)
"""


def test_chat_elements(project):
    project(**{"cheatsheet_app.py": CHAT})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # chat_input
    at.chat_input[0].set_value("Do you know any jokes?").run()
    # Note: chat_input value clears after every re-run (like in a real app)

    # chat_message
    assert at.chat_message[0].markdown[0].value == "Do you know any jokes?"
    assert at.chat_message[0].avatar == "user"

    at.run()
    assert at.chat_input[0].value is None and len(at.chat_message) == 0


STATUS = """
import nbfrag as st

st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
st.toast("That was lit!", icon="🔥")
st.exception(TypeError("a TypeError, on purpose"))
"""


def test_status_elements(project):
    project(**{"cheatsheet_app.py": STATUS})
    at = AppTest.from_file("cheatsheet_app.py").run()

    # exception
    assert len(at.exception) == 1
    assert "TypeError" in at.exception[0].value

    # Other in-line alerts: success, info, warning, error
    assert at.success[0].value == "Great job!"
    assert at.info[0].value == "Please enter an API key to continue"
    assert at.warning[0].value == "Sorry, the passwords didn't match"
    assert at.error[0].value == "Something went wrong :("

    # toast
    assert at.toast[0].value == "That was lit!" and at.toast[0].icon == "🔥"
