"""`st.form` and `st.form_submit_button` in-process: batching (edits wait in the form, one run
on submit), clear_on_submit, Enter-to-submit, errors, fragments, identity and AppTest access.

Numbers in test names and comments are the items of section 1 of the next-wave spec
(/work/shared/spec/streamlit-next-wave.md). Edits are made as a browser makes them: through
the widget's own trait (`set_value`), clicks through the button's own click handler.
"""

from __future__ import annotations

from typing import Any

import pytest

from nbfrag.testing import AppTest

FORM = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
with st.form("f"):
    t = st.text_input("T", "dflt", key="t")
    n = st.slider("N", 1, 10, 1, key="n")
    sent = st.form_submit_button("Send")
st.text(f"t={t} n={n} sent={sent}")
st.button("Outside")
"""


def line(at: AppTest) -> str:
    return at.text[-1].value


def enter(at: AppTest, form: str, field: Any, text: str) -> None:
    """Press Enter in `field` with `text` typed, as js/form.js reports it to the kernel."""
    helper = enter_helper(at, form)
    content = {"event": "submit", "field": f"nbfrag-field-{field.slot.widget.model_id}", "value": text}
    with at.form(form)._acting():
        helper._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def enter_helper(at: AppTest, form: str) -> Any:
    block = at.form(form).slot.block
    return next(slot.widget for slot in block.slots if slot.key[0] == "form_enter")


# -- signatures and return values ----------------------------------------------------------


def test_1_a_form_is_a_container_and_its_methods_draw_into_it(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
f = st.form("f", border=False)
f.text_input("Inside")
f.form_submit_button()
st.text("outside")
"""
    ).run()
    assert str(at).splitlines() == ["form f:", "  Inside: []", "  [Submit]", "outside"]
    assert at.form("f").text_input[0].label == "Inside"
    assert at.form("f").slot.widget.layout.border is None  # 13: border=False hides the frame only


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.form("f", height=-5)', "StreamlitInvalidHeightError: Invalid height value: -5. Height must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.form("f", width="wide")', "StreamlitInvalidWidthError: Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
        ("st.form(1)", "TypeError: bad argument type for built-in operation"),
        ('with st.form("f"):\n    st.form_submit_button(type="big")', "StreamlitValueError: Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
    ],
)
def test_1_4_bad_arguments_raise_streamlits_errors(app_test, call, message):
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[0])


def test_1_a_fixed_height_scrolls_and_a_border_frames(app_test):
    at = app_test.from_string(
        'import nbfrag as st\nwith st.form("f", height=200, width=300):\n    st.form_submit_button()'
    ).run()
    layout = at.form("f").slot.widget.layout
    assert (layout.height, layout.width, layout.overflow) == ("200px", "300px", "auto")
    assert layout.border is not None


def test_2_8_submit_is_true_only_in_the_run_it_caused(app_test):
    at = app_test.from_string(FORM).run()
    at.form_submit_button("Send").click()
    assert line(at) == "t=dflt n=1 sent=True"
    at.run()
    assert line(at) == "t=dflt n=1 sent=False"


def test_3_the_default_key_is_visible_and_read_only_and_same_labels_collide(app_test):
    at = app_test.from_string(FORM).run()
    assert at.session_state["FormSubmitter:f-Send"] is False
    assert "FormSubmitter:f-Send" in list(at.session_state)
    assert at.form_submit_button("Send").key == "FormSubmitter:f-Send"
    at = app_test.from_string(
        'import nbfrag as st\nwith st.form("f"):\n    st.form_submit_button()\n    st.form_submit_button()'
    ).run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitDuplicateElementKey: There are multiple elements with the same "
        "`key='FormSubmitter:f-Submit'`. To fix this, please make sure that the `key` argument is "
        "unique for each element you create."
    )
    at = app_test.from_string(
        'import nbfrag as st\nwith st.form("f"):\n    st.form_submit_button(key="go")\n'
        'st.session_state.go = True'
    ).run()
    assert "StreamlitValueAssignmentNotAllowedError: `st.session_state['go']` is read-only" in str(at.exception[0])


# -- batching ------------------------------------------------------------------------------


def test_5_7_edits_in_a_form_cause_no_run_and_the_app_never_sees_them(app_test):
    at = app_test.from_string(FORM).run()
    at.text_input("T").set_value("typed")
    at.slider("N").set_value(5)
    assert len(at.runs) == 1  # 5: no rerun
    assert (at.session_state.t, at.session_state.n) == ("dflt", 1)  # 7: the committed values
    assert at.text_input("T").value == "dflt"
    at.button("Outside").click()  # 7: another run reads the defaults...
    assert line(at) == "t=dflt n=1 sent=False"
    # ...and the form keeps showing the edits (the widgets and the page's text form)
    assert at.text_input("T").slot.widget.value == "typed" and at.slider("N").slot.widget.value == 5
    assert "  T: [typed]" in str(at).splitlines() and "  N: 5" in str(at).splitlines()


def test_6_8_a_submit_is_one_run_with_every_pending_value(app_test):
    at = app_test.from_string(FORM).run()
    at.text_input("T").set_value("x")
    at.slider("N").set_value(7)
    at.form_submit_button("Send").click()
    assert len(at.runs) == 2 and at.runs[-1].scope == "app"
    assert line(at) == "t=x n=7 sent=True"
    assert (at.session_state.t, at.session_state.n) == ("x", 7)
    at.button("Outside").click()  # 8: later runs read the submitted values
    assert line(at) == "t=x n=7 sent=False"


def test_6_only_the_submitted_forms_values_travel(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("a"):
    a = st.text_input("A")
    st.form_submit_button("Send A")
with st.form("b"):
    b = st.text_input("B")
    st.form_submit_button("Send B")
st.text(f"a={a} b={b}")
"""
    ).run()
    at.text_input("A").set_value("1")
    at.text_input("B").set_value("2")
    at.form_submit_button("Send A").click()
    assert line(at) == "a=1 b="
    assert at.text_input("B").slot.widget.value == "2"  # b's edit still waits
    at.form_submit_button("Send B").click()
    assert line(at) == "a=1 b=2"


def test_7_pending_edits_survive_a_fragment_rerun_elsewhere(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    name = st.text_input("Name")
    st.form_submit_button()
st.text(f"name={name}")

@st.fragment
def other():
    st.button("Elsewhere")

other()
"""
    ).run()
    at.text_input("Name").set_value("Ada")
    at.button("Elsewhere").click()
    assert at.runs[-1].scope == "fragment"
    assert at.text_input("Name").slot.widget.value == "Ada"
    at.form_submit_button[0].click()
    assert at.text[0].value == "name=Ada"


def test_7_an_edit_that_options_no_longer_allow_is_dropped(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
opts = st.session_state.get("opts", ["a", "b", "c"])
with st.form("f"):
    pick = st.selectbox("Pick", opts, key="pick")
    st.form_submit_button()
st.text(f"pick={pick}")
st.button("Fewer", on_click=lambda: st.session_state.update(opts=["a", "b"]))
"""
    ).run()
    at.selectbox("Pick").set_value("c")
    at.button("Fewer").click()
    assert "  Pick: a" in str(at).splitlines()  # the edit 'c' is gone from the form
    at.form_submit_button[0].click()
    assert at.text[0].value == "pick=a"


def test_9_callbacks_are_only_for_submit_buttons(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    st.text("drawn before")
    st.text_input("T", on_change=lambda: None)
"""
    ).run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitInvalidFormCallbackError: Within a form, callbacks can only be "
        "defined on `st.form_submit_button`. Defining callbacks on other widgets inside a form is "
        "not allowed."
    )
    assert at.form("f").text[0].value == "drawn before"


def test_10_the_submit_callback_runs_first_and_may_reset_a_field(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
ss = st.session_state
order = ss.setdefault("order", [])

def save(tag):
    order.append(f"callback {tag} name={ss.name}")
    ss.saved = ss.name
    ss.name = ""

with st.form("f"):
    st.text_input("Name", key="name")
    st.form_submit_button("Save", on_click=save, args=("go",))
order.append(f"body name={ss.name!r} saved={ss.get('saved')!r}")
"""
    ).run()
    at.text_input("Name").set_value("Zoe")
    at.session_state.order.clear()
    at.form_submit_button("Save").click()
    assert at.session_state.order == ["callback go name=Zoe", "body name='' saved='Zoe'"]
    assert at.text_input("Name").slot.widget.value == ""


# -- clear_on_submit, enter_to_submit ----------------------------------------------------------


def test_11_clear_on_submit_clears_the_display_not_the_values(app_test):
    at = app_test.from_string(FORM.replace('st.form("f")', 'st.form("f", clear_on_submit=True)')).run()
    at.text_input("T").set_value("x")
    at.slider("N").set_value(5)
    at.form_submit_button("Send").click()
    assert line(at) == "t=x n=5 sent=True"  # the submit run sees the submitted values
    assert (at.text_input("T").slot.widget.value, at.slider("N").slot.widget.value) == ("dflt", 1)
    at.button("Outside").click()  # later runs still read them, while the form shows defaults
    assert line(at) == "t=x n=5 sent=False" and at.session_state.t == "x"
    assert "  T: [dflt]" in str(at).splitlines()
    at.slider("N").set_value(3)
    at.form_submit_button("Send").click()  # the next submit sends the defaults not touched again
    assert line(at) == "t=dflt n=3 sent=True"


def test_12_enter_in_a_text_field_submits_with_the_typed_text(app_test):
    at = app_test.from_string(FORM).run()
    assert enter_helper(at, "f").active is True
    at.slider("N").set_value(4)
    enter(at, "f", at.text_input("T"), "typed")
    assert len(at.runs) == 2
    assert line(at) == "t=typed n=4 sent=True"  # as if the first submit button was clicked


@pytest.mark.parametrize(
    "form_call, button",
    [
        ('st.form("f", enter_to_submit=False)', 'st.form_submit_button("Send")'),
        ('st.form("f")', 'st.form_submit_button("Send", disabled=True)'),
        ('st.form("f")', 'st.text("no button")'),
    ],
    ids=["enter_to_submit=False", "first-button-disabled", "no-button"],
)
def test_12_enter_does_not_submit_when_the_form_does_not_allow_it(app_test, form_call, button):
    at = app_test.from_string(
        f'import nbfrag as st\nwith {form_call}:\n    t = st.text_input("T")\n    {button}\nst.text(f"t={{t}}")'
    ).run()
    assert enter_helper(at, "f").active is False  # js/form.js leaves Enter to the text box
    enter(at, "f", at.text_input("T"), "typed")
    assert len(at.runs) == 1 and at.text[-1].value == "t="
    assert at.text_input("T").slot.widget.value == "typed"  # the text is kept as a pending edit


def test_12_the_first_submit_button_decides(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    t = st.text_input("T")
    first = st.form_submit_button("First")
    second = st.form_submit_button("Second", disabled=True)
st.text(f"t={t} first={first} second={second}")
"""
    ).run()
    enter(at, "f", at.text_input("T"), "go")
    assert at.text[-1].value == "t=go first=True second=False"


# -- errors and limits -----------------------------------------------------------------------

INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form).\n"
)


@pytest.mark.parametrize(
    "inside, error",
    [
        ('st.form("g")', "StreamlitInvalidLayoutContextError: Forms cannot be nested in other forms."),
        ('st.button("Go")', "StreamlitInvalidLayoutContextError: `st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` instead to submit the form." + INFO),
        ('st.columns(2)[0].button("Go")', "StreamlitInvalidLayoutContextError: `st.button()` can't be used in an `st.form()`."),
    ],
)
def test_15_layout_errors_stop_the_script_and_keep_what_the_form_drew(app_test, inside, error):
    at = app_test.from_string(
        f'import nbfrag as st\nwith st.form("f"):\n    st.text("so far")\n    {inside}\n    st.text("never")'
    ).run()
    assert error.rstrip("\n") in str(at.exception[0])  # (its text form, type and message: lines)
    assert at.form("f").text.values == ["so far"]
    assert at.runs[-1].outcome == "exception"


def test_15_a_submit_button_outside_a_form(app_test):
    at = app_test.from_string('import nbfrag as st\nst.form_submit_button("Send")').run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitInvalidLayoutContextError: `st.form_submit_button()` must be used "
        "inside an `st.form()`." + INFO
    ).rstrip("\n")


def test_15_a_container_made_in_a_form_is_in_the_form(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
f = st.form("f")
col = f.columns(2)[0]
f.form_submit_button()
t = col.text_input("T")
st.text(f"t={t}")
"""
    ).run()
    at.text_input("T").set_value("held")
    assert len(at.runs) == 1
    at.form_submit_button[0].click()
    assert at.text[0].value == "t=held"


@pytest.mark.parametrize(
    "source",
    [
        'st.form("f")\nst.form("f")',
        '@st.fragment\ndef part():\n    with st.form("f"):\n        st.form_submit_button()\npart()\npart()',
    ],
    ids=["twice", "fragment-called-twice"],
)
def test_16_a_form_key_is_unique_in_a_run(app_test, source):
    at = app_test.from_string(f"import nbfrag as st\n{source}").run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitDuplicateElementKey: There are multiple elements with the same "
        "`key='f'`. To fix this, please make sure that the `key` argument is unique for each "
        "element you create."
    )


def test_16_a_widget_may_share_the_forms_key(app_test):
    at = app_test.from_string(
        'import nbfrag as st\nst.text_input("T", key="f")\nwith st.form("f"):\n    st.form_submit_button()'
    ).run()
    assert not at.exception


def test_17_the_form_key_is_reserved_in_session_state(app_test):
    at = app_test.from_string('import nbfrag as st\nst.session_state.f = 1\nst.form("f")').run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitValueAssignmentNotAllowedError: `st.session_state['f']` is "
        "read-only and cannot be assigned through session state. Use a different session state "
        "key for values you need to set."
    )
    at = app_test.from_string(
        'import nbfrag as st\nwith st.form("f"):\n    st.form_submit_button()\nst.session_state.f = 1'
    ).run()
    assert str(at.exception[0]).startswith(
        "nbfrag.errors.StreamlitWidgetAlreadyInstantiatedError: `st.session_state['f']` cannot be "
        "modified after the widget with that key is instantiated."
    )
    assert "f" not in at.session_state and "f" not in list(at.session_state)


def test_18_a_form_without_a_submit_button_warns_inside_itself(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    st.text_input("T")
    if st.session_state.get("button"):
        st.form_submit_button()
st.text("after")
"""
    ).run()
    warning = at.form("f").warning[0]
    assert warning.value.startswith("**Missing Submit Button**\n\nThis form has no submit button, which means")
    assert str(at).splitlines()[2] == "  Warning: **Missing Submit Button**"
    assert at.text[-1].value == "after"  # nothing raised
    at.session_state.button = True
    at.run()
    assert not at.form("f").warning  # gone once there is a button


# -- forms and fragments -----------------------------------------------------------------------

IN_FRAGMENT = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1
st.text(f"outside sees {ss.get('name', '')!r}")

@st.fragment
def frag():
    with st.form("f"):
        name = st.text_input("Name", key="name")
        sent = st.form_submit_button("Send")
    st.text(f"fragment sees {name!r} sent={sent}")
    if sent and name == "restart":
        st.rerun()

frag()
"""


def test_20_a_submit_in_a_fragment_reruns_only_the_fragment(app_test):
    at = app_test.from_string(IN_FRAGMENT).run()
    at.text_input("Name").set_value("Ada")
    at.form_submit_button("Send").click()
    assert (at.runs[-1].scope, at.runs[-1].fragments) == ("fragment", ["frag"])
    assert at.session_state.app_runs == 1
    assert at.fragment("frag").text[0].value == "fragment sees 'Ada' sent=True"
    assert at.text[0].value == "outside sees ''"  # until the next full run


def test_21_enter_in_a_fragment_reruns_the_fragment(app_test):
    at = app_test.from_string(IN_FRAGMENT).run()
    enter(at, "f", at.text_input("Name"), "Bo")
    assert (at.runs[-1].scope, at.session_state.app_runs) == ("fragment", 1)
    assert at.fragment("frag").text[0].value == "fragment sees 'Bo' sent=True"


def test_22_st_rerun_after_a_submit_in_a_fragment_is_a_full_run(app_test):
    at = app_test.from_string(IN_FRAGMENT).run()
    at.text_input("Name").set_value("restart")
    at.form_submit_button("Send").click()
    assert [run.scope for run in at.runs[-2:]] == ["fragment", "app"]
    assert at.text[0].value == "outside sees 'restart'"


# -- identity, AppTest ------------------------------------------------------------------------


def test_24_moving_a_widget_into_a_form_makes_a_new_widget(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
if st.session_state.get("in_form"):
    with st.form("f"):
        st.text_input("Name", key="name")
        st.form_submit_button()
else:
    st.text_input("Name", key="name")
"""
    ).run()
    at.text_input("Name").set_value("Ada")
    assert at.session_state.name == "Ada"
    at.session_state.in_form = True
    at.run()
    assert at.session_state.name == "" and at.form("f").text_input("Name").slot.widget.value == ""


def test_two_forms_may_hold_the_same_unkeyed_widget(app_test):
    at = app_test.from_string(
        'import nbfrag as st\nfor key in "ab":\n    with st.form(key):\n        st.text_input("Name")\n'
        '        st.form_submit_button()'
    ).run()
    assert not at.exception and len(at.text_input) == 2


def test_apptest_lists_forms_and_submits_them(app_test):
    at = app_test.from_string(FORM).run()
    assert [form.label for form in at.form] == ["f"]
    assert at.form("f").form_submit_button[0].label == "Send"
    at.form("f").text_input("T").input("via form")
    at.form("f").submit()
    assert line(at) == "t=via form n=1 sent=True"
    at.form_submit_button("Send").submit()
    assert line(at) == "t=via form n=1 sent=True" and len(at.runs) == 3
    with pytest.raises(TypeError, match="cannot be submitted"):
        at.button("Outside").submit()


def test_9_an_any_widget_in_a_form_waits_for_the_submit_and_takes_no_callback(app_test):
    at = app_test.from_string(
        """
import ipywidgets, nbfrag as st
with st.form("f"):
    level = st.widget(lambda: ipywidgets.IntSlider(1))
    st.form_submit_button()
st.text(f"level={level}")
"""
    ).run()
    at.widget[0].set_value(5)
    assert len(at.runs) == 1
    at.form_submit_button[0].click()
    assert at.text[0].value == "level=5"
    at = app_test.from_string(
        'import ipywidgets, nbfrag as st\nwith st.form("f"):\n'
        '    st.widget(ipywidgets.IntSlider(), on_change=print)'
    ).run()
    assert "StreamlitInvalidFormCallbackError" in str(at.exception[0])


def test_reruns_do_not_pile_up_bookkeeping_on_a_forms_widgets(app_test):
    at = app_test.from_string(FORM).run()
    watchers = [len(slot.on_dispose) for slot in (at.text_input("T").slot, at.form_submit_button("Send").slot)]
    for _ in range(3):
        at.run()
    assert [len(slot.on_dispose) for slot in (at.text_input("T").slot, at.form_submit_button("Send").slot)] == watchers


def test_assigning_a_form_widgets_key_replaces_its_pending_edit(app_test):
    at = app_test.from_string(FORM).run()
    at.text_input("T").set_value("typed")
    at.session_state.t = "assigned"  # from another cell, between runs
    assert at.text_input("T").slot.widget.value == "assigned"
    at.form_submit_button("Send").click()
    assert line(at) == "t=assigned n=1 sent=True"


# -- tracked containers (tabs and expanders with on_change) in a form ---------------------------


@pytest.mark.parametrize(
    "call",
    ['st.tabs(["A", "B"], on_change=lambda: None)', 'st.expander("E", on_change=lambda: None)'],
)
def test_a_tracked_container_in_a_form_may_not_have_a_callback(app_test, call):
    """Streamlit 1.67 applies its form callback rule to tabs and expanders that track state."""
    at = app_test.from_string(f'import nbfrag as st\nwith st.form("f"):\n    {call}\n    st.form_submit_button()').run()
    assert str(at.exception[0]) == (
        "nbfrag.errors.StreamlitInvalidFormCallbackError: Within a form, callbacks can only be "
        "defined on `st.form_submit_button`. Defining callbacks on other widgets inside a form is "
        "not allowed."
    )
    assert list(at.form("f").tabs) == [] and list(at.form("f").expander) == []  # refused before drawing


def test_a_tracked_container_in_a_form_reruns_at_once_and_keeps_the_forms_pending_edits(app_test):
    """As in Streamlit (its tabs and expanders carry no form id), switching a tracked tab in a
    form reruns now; the form's edits still wait for the submit."""
    at = app_test.from_string(
        """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
with st.form("f"):
    a, b = st.tabs(["A", "B"], on_change="rerun", key="tab")
    e = st.expander("More", on_change="rerun", key="more")
    t = st.text_input("T", "dflt")
    st.form_submit_button("Send")
st.text(f"runs={ss.runs} tab={ss.tab} b={b.open} more={e.open} t={t}")
"""
    ).run()
    at.text_input("T").set_value("typed")
    at.get("tabs")[0].set_value("B")  # the visitor opens "B" (`at.tabs` lists the tabs themselves)
    assert line(at) == "runs=2 tab=B b=True more=False t=dflt"
    at.expander("More").set_value(True)  # and opens the expander
    assert line(at) == "runs=3 tab=B b=True more=True t=dflt"
    assert at.text_input("T").slot.widget.value == "typed"  # still pending, still shown
    at.form_submit_button("Send").click()
    assert line(at) == "runs=4 tab=B b=True more=True t=typed"


# -- Streamlit 1.67's widget parameters inside a form ---------------------------------------------


def test_on_change_modes_are_allowed_in_a_form_and_the_edits_still_wait_for_the_submit(app_test):
    """1.67 turns "rerun"/"ignore" into no callback before its form check: no error in a form."""
    at = app_test.from_string(
        """
import nbfrag as st
st.session_state.runs = st.session_state.get("runs", 0) + 1
with st.form("f"):
    a = st.text_input("A", on_change="ignore")
    b = st.text_input("B", on_change="rerun")
    st.form_submit_button("Send")
st.text(f"{st.session_state.runs}: {a!r} {b!r}")
"""
    ).run()
    assert len(at.exception) == 0, str(at)
    at.text_input("A").set_value("x")
    at.text_input("B").set_value("y")
    assert line(at) == "1: '' ''"  # held in the form, no run
    at.form_submit_button("Send").click()
    assert line(at) == "2: 'x' 'y'"  # "ignore" does not keep a form's submit from sending it


def test_a_refused_edit_in_a_form_reverts_and_is_not_held_for_the_submit(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    name = st.text_input("Name", "Ada", required=True)
    zip_code = st.text_input("Zip", validate=r"^\\d{5}$")
    st.form_submit_button("Send")
st.text(f"{name!r} {zip_code!r}")
"""
    ).run()
    name, zip_field = at.text_input("Name"), at.text_input("Zip")
    name.set_value("   ")  # refused by `required`: the field shows the last value again
    zip_field.set_value("12345")
    zip_field.set_value("12a45")  # refused by `validate`: the held edit stays the valid one
    assert name.slot.widget.value == "Ada" and zip_field.slot.widget.value == "12345"
    assert "  Zip: [12345]" in str(at).splitlines()
    at.form_submit_button("Send").click()
    assert line(at) == "'Ada' '12345'"


def test_a_submit_button_takes_the_new_button_parameters(app_test):
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    st.form_submit_button("Go", icon="🚀", icon_position="right", shortcut="Ctrl+Enter")
    st.form_submit_button("Back", icon="⬅")
"""
    ).run()
    assert at.form_submit_button("Go").slot.widget.description == "Go 🚀"
    assert at.form_submit_button("Back").slot.widget.description == "⬅ Back"


@pytest.mark.parametrize(
    "call, message",
    [
        ('shortcut="c"', "StreamlitAPIException: The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."),
        ('icon_position="top"', "StreamlitValueError: Invalid `icon_position` value. Supported values: 'left', 'right'."),
    ],
)
def test_a_submit_button_checks_the_new_button_parameters_as_streamlit_does(app_test, call, message):
    at = app_test.from_string(f'import nbfrag as st\nwith st.form("f"):\n    st.form_submit_button("Go", {call})').run()
    assert message in str(at.exception[0])
