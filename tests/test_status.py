"""`st.status`, `st.popover` and `st.spinner(show_time=True)` in-process.

Numbers in test names are the items of section 4 of the next-wave spec
(/work/shared/spec/streamlit-next-wave.md).
"""

from __future__ import annotations

from typing import Any

import pytest

# -- st.status ----------------------------------------------------------------------------------


def test_69_status_is_a_container_with_a_state_icon_and_update(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
s = st.status("Working", expanded=True)
s.write("step 1")
st.status("Done already", state="complete").write("hidden but drawn")
st.status("Broken", state="error")
s.update(label="Still working")
st.text(f"{s.label} {s.state}")
"""
    ).run()
    assert str(at).splitlines() == [
        "▾ ⏳ Still working:",
        "  step 1",
        "▸ ✅ Done already:",
        "  hidden but drawn",
        "▸ ❌ Broken:",
        "Still working running",
    ]
    assert [s.label for s in at.status] == ["Working", "Done already", "Broken"]
    assert at.status[0].markdown[0].value == "step 1"
    assert at.status[0].slot.widget.titles == ("⏳ Still working",)


def test_69_with_block_completes_on_exit_and_errs_on_an_exception(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
with st.status("Fine") as ok:
    st.write("working")
st.text(ok.state)
with st.status("Closing", expanded=True) as closing:
    closing.update(label="Closed", expanded=False)
with st.status("Failing") as bad:
    raise ValueError("boom")
"""
    ).run()
    assert at.text[0].value == "complete"
    heads = [line for line in str(at).splitlines() if not line.startswith("  ")]
    assert heads[:1] == ["▸ ✅ Fine:"]
    assert "▸ ✅ Closed:" in heads  # update(expanded=False) closed it
    assert "▸ ❌ Failing:" in heads  # the exception went on: it is shown too
    assert "ValueError: boom" in str(at.exception[0])


def test_69_a_status_left_by_st_stop_is_an_error_and_one_already_done_keeps_its_state(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
with st.status("Early") as s:
    s.update(state="complete")
    st.write("done early")
with st.status("Stopped"):
    st.stop()
"""
    ).run()
    heads = [line for line in str(at).splitlines() if not line.startswith("  ")]
    assert heads == ["▸ ✅ Early:", "▸ ❌ Stopped:"]


def test_69_bad_state_raises_streamlits_error(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.status('x', state='done')").run()
    assert "Invalid `state` value. Supported values: 'running', 'complete', 'error'." in str(at.exception[0])


def test_69_the_user_choice_to_open_survives_reruns(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.status('S').write('x')\nst.button('again')").run()
    at.status[0].slot.widget.selected_index = 0  # the visitor opens it
    at.button[0].click()
    assert str(at).splitlines()[0] == "▾ ⏳ S:"


# -- st.popover -------------------------------------------------------------------------------


POPOVER = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
with st.popover("Settings", icon="⚙️") as pop:
    st.checkbox("Totals")
st.text(f"runs={ss.runs} open={pop.open}")

@st.fragment
def part():
    st.popover("In fragment").write("fragment content")
    st.button("Rerun fragment")

part()
"""


def test_70_a_stateless_popover_draws_its_content_opens_without_a_rerun_and_stays_open(app_test: Any) -> None:
    at = app_test.from_string(POPOVER).run()
    assert at.text[0].value == "runs=1 open=None"
    assert at.popover[0].label == "Settings" and at.popover[0].checkbox[0].label == "Totals"
    box = at.popover[1].slot.widget
    assert box.body.layout.display == "none"
    box.button.value = True  # the visitor clicks the popover's button
    assert box.body.layout.display is None and len(at.runs) == 1
    at.button("Rerun fragment").click()
    assert at.runs[-1].scope == "fragment"
    assert at.popover[1].slot.widget is box and box.is_open  # still open after its fragment reran
    assert "popover [In fragment] (open):" in str(at)
    assert "popover [⚙️ Settings]:" in str(at)


def test_70_a_tracked_popover_reruns_and_is_read_and_set_through_session_state(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
ss = st.session_state
ss.setdefault("log", [])
def changed():
    ss.log.append(ss["pop"])
def close():
    ss.pop = False
p = st.popover("Menu", key="pop", on_change=changed)
p.write("inside")
st.button("Close it", on_click=close)
st.text(f"open={p.open} log={ss.log}")
"""
    ).run()
    assert at.text[0].value == "open=False log=[]"
    with at.popover[0]._acting():  # in the test's session, as a browser event is in its kernel's
        at.popover[0].slot.widget.button.value = True  # the visitor opens it
    assert at.text[0].value == "open=True log=[True]"
    assert at.session_state["pop"] is True
    at.button("Close it").click()
    assert at.text[0].value == "open=False log=[True]"
    assert at.popover[0].slot.widget.button.value is False
    at.popover[0].set_value(True)
    assert at.text[0].value == "open=True log=[True, True]"


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.popover('p', type='big')", "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."),
        ("st.popover('p', on_change='sometimes')", 'on_change argument to st.popover must be "ignore", "rerun"'),
        ("with st.form('f'):\n    st.popover('p', on_change=print)\n    st.form_submit_button()",
         "Within a form, callbacks can only be defined on `st.form_submit_button`."),
    ],
)
def test_70_9_popover_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[0])


def test_popover_and_status_labels_are_plain_text(app_test: Any) -> None:
    evil = "<img src=x onerror=alert(1)>"
    at = app_test.from_string(f"import nbfrag as st\nst.popover({evil!r})\nst.status({evil!r})").run()
    assert at.popover[0].slot.widget.button.description == evil  # a button label: text, not HTML
    assert at.status[0].slot.widget.titles == (f"⏳ {evil}",)  # an Accordion title: text, not HTML


# -- st.spinner(show_time=True) -----------------------------------------------------------------


def test_spinner_shows_the_elapsed_time_only_with_show_time(nb: Any) -> None:
    nb.app(
        "import nbfrag as st\n"
        "from nbfrag._runtime.runtime import runtime\n"
        "ss = st.session_state\n"
        "with st.spinner('Timed', show_time=True):\n"
        "    ss.timed = runtime.require_frame().block.transients['spinner'].value\n"
        "with st.spinner('Plain'):\n"
        "    ss.plain = runtime.require_frame().block.transients['spinner'].value\n"
    )
    from nbfrag import session_state

    assert "nbfrag-spinner-time" in session_state.timed and "Timed" in session_state.timed
    assert "counter(nbfrag-elapsed)" in session_state.timed
    assert "nbfrag-spinner-time" not in session_state.plain
