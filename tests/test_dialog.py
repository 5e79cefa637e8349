"""`@st.dialog` on the kernel side: opening, the body as a fragment, closing, dismissals and
their reruns, Streamlit's errors. Numbers are the items of section 2 of the next-wave spec."""

from __future__ import annotations

import pytest
from conftest import click

import nbfrag as st
from nbfrag import errors
from nbfrag._flow.dialog import DialogBody, DialogWidget

VOTE = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

@st.dialog("Cast your vote")
def vote(item):
    ss.dialog_runs = ss.get("dialog_runs", 0) + 1
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    if st.button("Submit"):
        ss.vote = {"item": item, "reason": reason}
        st.rerun()
    st.button("Again")
    return "thrown away"

if "vote" not in ss:
    if st.button("A"):
        ss.returned = vote("A")
    if st.button("B"):
        vote("B")
else:
    st.write(f"You voted for {ss.vote['item']} because {ss.vote['reason']}")
st.write(f"app runs {ss.app_runs}")
"""


def modal_of(at) -> DialogWidget:
    widget = at._app.root.extras["dialog"]
    assert isinstance(widget, DialogWidget)
    return widget


def error(kind: type[Exception], action) -> str:
    with pytest.raises(kind) as info:
        action()
    return str(info.value)


# -- opening and the body as a fragment -------------------------------------------------------


def test_calling_the_dialog_opens_it_and_its_text_shows_only_while_open(app_test):
    at = app_test.from_string(VOTE).run()
    assert at.dialog.values == [] and "dialog" not in str(at)
    at.button("A").click()
    assert str(at).splitlines()[-5:] == [
        'dialog "Cast your vote":',
        "  Why is A your favorite?",
        "  Because...: []",
        "  [Submit]",
        "  [Again]",
    ]
    assert at.dialog[0].label == "Cast your vote"
    assert at.runs[-1].scope == "app" and at.runs[-1].fragments == ["vote"]  # item 28: a fragment
    modal = modal_of(at)
    assert modal.is_open and modal.title_html == "Cast your vote" and isinstance(modal.body, DialogBody)


def test_the_call_returns_none_and_drops_the_body_return_value(app_test):  # item 27
    at = app_test.from_string(VOTE).run()
    at.button("A").click()
    assert at.session_state["returned"] is None


def test_a_widget_in_the_dialog_reruns_only_the_body_with_the_call_arguments(app_test):  # item 29
    at = app_test.from_string(VOTE).run()
    at.button("B").click()
    at.dialog[0].text_input("Because...").input("it is blue")
    assert at.runs[-1].scope == "fragment" and at.runs[-1].fragments == ["vote"]
    at.dialog[0].button("Again").click()
    assert at.session_state.app_runs == 2 and at.session_state.dialog_runs == 3
    assert at.dialog[0].markdown[0].value == "Why is B your favorite?"
    assert at.dialog[0].text_input[0].value == "it is blue"


def test_st_rerun_in_the_body_closes_the_dialog(app_test):  # item 30
    at = app_test.from_string(VOTE).run()
    at.button("A").click()
    modal = modal_of(at)
    body = modal.body
    at.dialog[0].text_input("Because...").input("vowels")
    at.dialog[0].button("Submit").click()
    assert [(r.scope, r.outcome) for r in at.runs[-2:]] == [("fragment", "rerun"), ("app", "completed")]
    assert at.dialog.values == [] and "dialog" not in str(at)
    assert at.markdown[0].value == "You voted for A because vowels"
    assert not modal.is_open and modal.body is None and body.comm is None  # its widgets closed


def test_st_rerun_fragment_scope_in_the_body_reruns_only_the_body(app_test):  # item 30
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Steps")
        def steps():
            st.session_state.n = st.session_state.get("n", 0) + 1
            if st.button("Next") and st.session_state.n < 3:
                st.rerun(scope="fragment")
        if st.button("Open"):
            steps()
    """).run()
    at.button("Open").click()
    at.dialog[0].button("Next").click()
    assert [(r.scope, r.fragments) for r in at.runs[-2:]] == [("fragment", ["steps"]), ("fragment", ["steps"])]
    assert len(at.dialog) == 1 and modal_of(at).is_open


def test_a_full_run_that_does_not_call_it_closes_it_and_one_that_does_keeps_it(app_test):  # items 30, 31
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Keep")
        def keep():
            st.text_input("Name", key="name")
        if st.session_state.get("open"):
            keep()
        st.button("Rerun")
    """)
    at.session_state.open = True
    at.run()
    modal = modal_of(at)
    body, generation = modal.body, modal.generation
    at.dialog[0].text_input("Name").input("Ada")
    at.button("Rerun").click()  # calls it again: the same dialog, same widgets, value kept
    assert modal.body is body and modal.generation == generation + 1 and modal.is_open
    assert at.dialog[0].text_input("Name").value == "Ada"
    at.session_state.open = False
    at.button("Rerun").click()
    assert at.dialog.values == [] and not modal.is_open and body.comm is None


def test_validation_happens_when_the_dialog_opens_not_at_decoration(app_test):  # item 26
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Huge", width="huge")
        def huge():
            st.write("never")
        st.write("drawn after the decorator")
        huge()
    """).run()
    assert at.markdown[0].value == "drawn after the decorator"
    assert str(at.exception[0]).endswith(
        "StreamlitValueError: Invalid `width` value. Supported values: 'small', 'medium', 'large', "
        "a positive integer. Got 'huge'."
    )


@pytest.mark.parametrize(
    "options, message",
    [
        ({"width": True}, "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got True."),
        ({"width": 0}, "Invalid `width` value. Supported values: 'small', 'medium', 'large', a positive integer. Got 0."),
        ({"position": "top"}, "Invalid `position` value. Supported values: 'left', 'center', 'right'."),
        ({"on_dismiss": "close"}, "Invalid `on_dismiss` value. Supported values: 'rerun', 'ignore', a callback function."),
    ],
)
def test_bad_options_raise_streamlit_value_errors_at_the_call(nb, options, message):  # item 26
    opener = st.dialog("Bad", **options)(lambda: None)
    assert error(errors.StreamlitValueError, opener) == message


@pytest.mark.parametrize(
    "width, pixels", [("small", 500), ("medium", 750), ("large", 1280), (640, 640)]
)
def test_widths_are_streamlits_pixel_widths(nb, width, pixels):  # item 26
    nb.run(f"import nbfrag as st\nst.dialog('Wide', width={width!r}, position='right', icon='🌱')(lambda: None)()")
    modal = _last_modal()
    assert (modal.width, modal.position, modal.icon) == (pixels, "right", "🌱")


def _last_modal() -> DialogWidget:
    from nbfrag._runtime.runtime import runtime

    return runtime.apps[-1].root.extras["dialog"]


def test_a_title_is_required_at_decoration(nb):  # item 25
    message = 'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
    assert error(errors.StreamlitMissingRequiredParameterError, lambda: st.dialog(lambda: None)) == message
    assert error(errors.StreamlitMissingRequiredParameterError, lambda: st.dialog("")) == message
    with pytest.raises(TypeError, match="takes 1 positional argument but 2 were given"):
        st.dialog("Title", "large")  # type: ignore[misc]


def test_the_title_is_inline_markdown_without_raw_html(app_test):  # item 25
    at = app_test.from_string("""
        import nbfrag as st
        st.dialog("**Bold** <img src=x onerror=alert(1)>")(lambda: None)()
    """).run()
    assert modal_of(at).title_html == "<strong>Bold</strong> &lt;img src=x onerror=alert(1)&gt;"


def test_outside_a_notebook_the_call_does_nothing(monkeypatch):  # item 27
    monkeypatch.setattr("nbfrag._flow.dialog.shell", lambda: None)
    ran = []
    assert st.dialog("Nowhere")(lambda: ran.append(1))() is None
    assert ran == []


# -- dismissals -----------------------------------------------------------------------------

OPENER = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

def note():
    ss.dismissed = ss.get("dismissed", 0) + 1

@st.dialog("Settings", dismissible=ss.get("dismissible", True), on_dismiss=ss.get("mode", "ignore"))
def settings():
    st.write(f"dismissed {ss.get('dismissed', 0)}")

@st.fragment
def opener():
    ss.opener_runs = ss.get("opener_runs", 0) + 1
    if st.button("Open here"):
        settings()
    st.button("Other")

opener()
if st.button("Open"):
    settings()
"""


def test_dismissing_with_ignore_closes_without_a_rerun(app_test):  # item 33
    at = app_test.from_string(OPENER).run()
    at.button("Open").click()
    runs = len(at.runs)
    at.dialog[0].dismiss()
    assert len(at.runs) == runs and at.dialog.values == [] and not modal_of(at).is_open


def test_dismissing_with_rerun_reruns_the_app_when_the_app_opened_it(app_test):  # item 33
    at = app_test.from_string(OPENER)
    at.session_state.mode = "rerun"
    at.run()
    at.button("Open").click()
    at.dialog[0].dismiss()
    assert at.runs[-1].scope == "app" and at.session_state.app_runs == 3
    assert at.dialog.values == []


def test_dismissing_reruns_only_the_opener_fragment(app_test):  # items 33, 37
    at = app_test.from_string(OPENER)
    at.session_state.mode = "rerun"
    at.run()
    at.button("Open here").click()
    assert at.runs[-1].fragments == ["opener", "settings"]
    at.dialog[0].dismiss()
    assert at.runs[-1].scope == "fragment" and at.runs[-1].fragments == ["opener"]
    assert at.session_state.app_runs == 1 and at.dialog.values == []


def test_a_dismiss_callback_runs_first_then_the_rerun(app_test):  # item 33
    at = app_test.from_string(OPENER.replace('ss.get("mode", "ignore")', "note"))
    at.run()
    at.button("Open").click()
    at.dialog[0].dismiss()
    assert at.session_state.dismissed == 1 and at.runs[-1].scope == "app"


def test_a_non_dismissible_dialog_ignores_dismissals_and_forged_messages(app_test):  # item 32
    at = app_test.from_string(OPENER)
    at.session_state.dismissible = False
    at.run()
    at.button("Open").click()
    modal = modal_of(at)
    assert modal.dismissible is False
    with pytest.raises(RuntimeError, match="not dismissible"):
        at.dialog[0].dismiss()
    modal._on_message(modal, {"event": "dismiss", "generation": modal.generation}, [])  # forged
    assert modal.is_open and len(at.dialog) == 1


def test_a_dismissal_for_an_older_opening_is_ignored(app_test):  # item 31
    at = app_test.from_string(OPENER).run()
    at.button("Open").click()
    modal = modal_of(at)
    modal._on_message(modal, {"event": "dismiss", "generation": modal.generation - 1}, [])
    assert modal.is_open


def test_a_dismissed_dialog_reopens_when_called_again_and_not_on_other_fragments(app_test):  # item 31
    at = app_test.from_string(OPENER).run()
    at.button("Open").click()
    at.dialog[0].dismiss()
    at.button("Other").click()  # another fragment reruns: it stays dismissed
    assert at.dialog.values == []
    at.button("Open").click()
    assert len(at.dialog) == 1 and modal_of(at).is_open


def test_a_dialog_opened_from_a_fragment_survives_its_reruns_until_a_full_run(app_test):  # item 37
    at = app_test.from_string(OPENER).run()
    at.button("Open here").click()
    at.button("Other").click()  # the opener reruns without calling the dialog
    assert at.runs[-1].fragments == ["opener"] and len(at.dialog) == 1
    assert at.dialog[0].markdown[0].value == "dismissed 0"  # its body is still there
    at.run()  # a full run that does not call it
    assert at.dialog.values == []


# -- one dialog per run, no nesting -----------------------------------------------------------


def test_a_second_dialog_in_one_run_raises_in_the_main_area(app_test):  # item 34
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("One")
        def one():
            st.write("first")
        @st.dialog("Two")
        def two():
            st.write("second")
        one()
        two()
    """).run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitInvalidLayoutContextError: Only one dialog is allowed to be opened "
        "at the same time. Please make sure to not call a dialog-decorated function more than once in a script run."
    )
    assert at.dialog[0].label == "One" and at.dialog[0].markdown[0].value == "first"
    assert len(at.exception) == 1 and at.dialog[0].exception.values == []  # outside the dialog


def test_the_same_dialog_twice_in_one_run_is_a_duplicate_id(app_test):  # item 34
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("One")
        def one():
            st.write("first")
        one()
        one()
    """).run()
    assert "StreamlitDuplicateElementId: There are multiple `dialog` elements" in str(at.exception[0])


def test_a_dialog_in_a_dialog_raises_inside_the_outer_one(app_test):  # item 35
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Inner")
        def inner():
            st.write("inner")
        @st.dialog("Outer")
        def outer():
            st.write("outer")
            inner()
        outer()
    """).run()
    (dialog,) = at.dialog
    assert dialog.label == "Outer"
    assert str(dialog.exception[0]) == (
        "nbfrag.errors.StreamlitInvalidLayoutContextError: Dialogs may not be nested inside other dialogs."
    )


# -- the widget -----------------------------------------------------------------------------


def test_in_voila_the_dialog_covers_the_page(app_test, monkeypatch):
    monkeypatch.setenv("VOILA_KERNEL_ID", "k")
    at = app_test.from_string("import nbfrag as st\nst.dialog('Page')(lambda: None)()").run()
    assert modal_of(at).mode == "page"
    monkeypatch.delenv("VOILA_KERNEL_ID")
    at = app_test.from_string("import nbfrag as st\nst.dialog('Area')(lambda: None)()").run()
    assert modal_of(at).mode == "area"


def test_one_modal_widget_per_app_kept_after_its_elements(nb):
    host = nb.app(VOTE)
    click("A")
    modal = host.block.extras["dialog"]
    assert host.children[-1] is modal and modal.layout.display == "none"
    modal.dismiss()
    click("B")
    assert host.block.extras["dialog"] is modal and host.children[-1] is modal
    assert repr(host).splitlines()[-5] == 'dialog "Cast your vote":'


def test_a_dialog_in_a_plain_cell_opens_during_the_cell(nb):
    nb.run("import nbfrag as st\nst.dialog('Plain')(lambda: st.write('inside'))()")
    modal = _last_modal()
    assert modal.is_open and repr(modal.body) == "inside"


def test_a_dialog_is_not_a_container_method(nb):
    nb.run("import nbfrag as st\nc = st.container()")
    with pytest.raises(AttributeError, match="use st.dialog directly"):
        _ = nb.shell.user_ns["c"].dialog


def test_st_rerun_hides_the_dialog_before_the_full_run_it_asks_for(app_test):  # item 30, issue #9405
    at = app_test.from_string("""
        import nbfrag as st
        from nbfrag._runtime.runtime import runtime
        modal = runtime.require_frame().app.root.extras.get("dialog")
        st.session_state.shown_during_run = modal is not None and modal.is_open
        @st.dialog("Slow")
        def slow():
            if st.button("Done"):
                st.rerun()
        if st.button("Open"):
            slow()
    """).run()
    at.button("Open").click()
    at.dialog[0].button("Done").click()
    assert at.session_state.shown_during_run is False and at.dialog.values == []


def test_the_docstring_example(app_test):
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Rename the plant")
        def rename(plant):
            name = st.text_input("New name", plant)
            if st.button("Save"):
                st.session_state.plant = name
                st.rerun()
        if st.button("Rename"):
            rename(st.session_state.get("plant", "Fern"))
        st.write(f"Plant: {st.session_state.get('plant', 'Fern')}")
    """).run()
    at.button("Rename").click()
    assert at.dialog[0].text_input("New name").value == "Fern"
    at.dialog[0].text_input("New name").input("Monstera")
    at.dialog[0].button("Save").click()
    assert at.markdown[0].value == "Plant: Monstera" and at.dialog.values == []


def test_st_sidebar_in_a_dialog_is_refused_inside_it(app_test):  # item 38: treat as unsupported
    at = app_test.from_string("""
        import nbfrag as st
        @st.dialog("Side")
        def side():
            st.sidebar.write("no")
        side()
    """).run()
    assert "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported" in (
        str(at.dialog[0].exception[0])
    )
    assert at.sidebar.elements() == []
