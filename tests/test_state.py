import pytest

import nbfrag as st
from nbfrag._runtime.state import SessionState, state_view
from nbfrag.errors import StreamlitValueAssignmentNotAllowedError


def test_attribute_and_item_access_are_the_same_state():
    ss = SessionState()
    ss.count = 0
    assert ss["count"] == 0
    ss["count"] += 1
    assert ss.count == 1 and "count" in ss and ss.get("count") == 1
    assert ss.get("missing", "default") == "default"
    assert ss.setdefault("other", 5) == 5 and ss.other == 5
    assert sorted(ss.keys()) == ["count", "other"] and sorted(ss) == ["count", "other"]
    assert len(ss) == 2
    del ss.count
    del ss["other"]
    assert "count" not in ss and len(ss) == 0


def test_missing_names_carry_streamlits_hint():
    ss = SessionState()
    with pytest.raises(AttributeError) as attr:
        ss.does_not_exist  # noqa: B018 - the lookup is what raises
    assert str(attr.value).startswith(
        'st.session_state has no attribute "does_not_exist". Did you forget to initialize it?'
    )
    with pytest.raises(KeyError) as key:
        ss["nope"]
    assert 'st.session_state has no key "nope". Did you forget to initialize it?' in str(key.value)
    with pytest.raises(AttributeError):
        del ss.nope


def test_live_view_redraws_on_every_change():
    ss = SessionState()
    view = state_view(ss)
    assert state_view(ss) is view  # one view per state, displayed as often as you like
    ss.clicks = 3
    assert "clicks" in view.value and "3" in view.value
    ss.clicks = 4
    assert "4" in view.value
    assert view._repr_mimebundle_()["text/plain"] == "SessionState({'clicks': 4})"


def test_live_view_escapes_values():
    ss = SessionState()
    view = state_view(ss)
    ss["<b>"] = "<img src=x onerror=alert(1)>"
    assert "<img" not in view.value and "&lt;img" in view.value


def test_keyed_button_is_read_only_in_session_state(nb):
    nb.app('import nbfrag as st\nst.button("Go", key="go")\nst.write(f"go={st.session_state.go}")')
    assert st.session_state.go is False
    with pytest.raises(StreamlitValueAssignmentNotAllowedError, match="read-only"):
        st.session_state.go = True


def test_a_live_view_made_while_another_session_acts_does_not_steal_the_real_one() -> None:
    from nbfrag._runtime.state import SessionState, state_view

    real, other = SessionState(), SessionState()
    with real.acting_as(other):
        view_of_other = state_view(real)
    view_of_real = state_view(real)
    assert view_of_real is not view_of_other
    real["shown"] = 1  # the real storage's view follows it
    assert "shown" in view_of_real.value and "shown" not in view_of_other.value
