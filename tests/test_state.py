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


def test_the_proxy_behaves_as_session_state_with_streamlits_texts(nb):
    ss = st.session_state
    ss.count = 0
    ss["count"] += 1
    assert ss.count == 1 and "count" in ss and ss.get("count") == 1 and ss.setdefault("other", 5) == 5
    assert sorted(ss) == ["count", "other"] and len(ss) == 2 and ss.to_dict() == {"count": 1, "other": 5}
    assert repr(ss) == "SessionState({'count': 1, 'other': 5})"
    with pytest.raises(AttributeError, match='^st.session_state has no attribute "nope". Did you forget'):
        _ = ss.nope
    with pytest.raises(KeyError, match='st.session_state has no key "nope". Did you forget'):
        ss["nope"]
    with pytest.raises(AttributeError, match='no attribute "nope"'):
        del ss.nope
    del ss.count
    ss.clear()
    assert len(ss) == 0 and "count" not in ss


def test_clearing_the_proxy_keeps_keys_bound_to_drawn_widgets(nb):
    nb.app('import nbfrag as st\nst.text_input("Name", "Ada", key="name")\n')
    st.session_state.plain = 1
    st.session_state.clear()
    assert st.session_state.to_dict() == {"name": "Ada"}


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


def test_each_session_has_its_own_live_view_and_the_proxy_serves_the_acting_one(nb) -> None:
    from nbfrag._runtime.runtime import runtime
    from nbfrag._runtime.session import Session

    real, other = runtime.session, Session()
    st.session_state["where"] = "notebook"
    with runtime.using(other):
        assert "where" not in st.session_state and len(st.session_state) == 0
        st.session_state.where = "test"
        view_of_other = state_view(runtime.session.state)
        assert st.session_state._repr_mimebundle_()["text/plain"] == "SessionState({'where': 'test'})"
    assert st.session_state.where == "notebook" and other.state["where"] == "test"
    view_of_real = real.view
    assert view_of_real is not view_of_other and other.view is view_of_other
    st.session_state["shown"] = 1  # the notebook session's view follows it
    assert "shown" in view_of_real.value and "shown" not in view_of_other.value


def test_a_keyed_button_drawn_again_leaves_no_key_when_its_app_closes(nb):
    from conftest import click

    from nbfrag._runtime.runtime import runtime

    nb.app('import nbfrag as st\nst.button("Go", key="go")\n')
    click("Go")  # the rerun binds the key again
    assert "go" in st.session_state
    runtime.reset()
    assert "go" not in st.session_state
