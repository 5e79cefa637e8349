"""`st.iframe`, `st.components.v1` (frames) and `st.components.v2` (custom components).

A component's messages are sent as js/component.js sends them: `{"event": "state" | "trigger",
"name": ..., "value": ...}` on the host widget's comm; AppTest's `set_value` takes the same
path for state values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import nbfrag as st
from nbfrag import errors
from nbfrag._elements.embed import FrameWidget
from nbfrag._widgets.component import ComponentWidget
from nbfrag.testing import AppTest

COUNTER = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
ss.setdefault("calls", [])
counter = st.components.v2.component(
    "counter",
    html="<button>+1</button>",
    js="export default function({parentElement, setStateValue, setTriggerValue}) {}",
)
result = counter(
    key="c",
    data={"start": 0},
    default={"count": 5},
    on_count_change=lambda: ss.calls.append("count"),
    on_clicked_change=lambda: ss.calls.append("clicked"),
)
st.text(f"runs={ss.runs} count={result.count} clicked={result.clicked} state={dict(ss.c)}")
"""


def host(at: AppTest, index: int = 0) -> ComponentWidget:
    found = [e for e in at.elements() if e.kind == "component"]
    widget = found[index].slot.widget
    assert isinstance(widget, ComponentWidget)
    return widget


def send(at: AppTest, content: Any) -> None:
    """One message from the component's view, as js/component.js sends it."""
    widget = host(at)
    element = next(e for e in at.elements() if e.kind == "component")
    with element._acting():
        widget._handle_msg({"content": {"data": {"method": "custom", "content": content}}, "buffers": []})


def frames(at: AppTest) -> list[FrameWidget]:
    return [e.slot.widget for e in at.elements() if e.kind == "iframe"]


# -- st.components.v2 ------------------------------------------------------------------------


def test_a_component_ships_its_code_and_data_and_starts_from_its_defaults(app_test: Any) -> None:
    at = app_test.from_string(COUNTER).run()
    widget = host(at)
    assert (widget.name, widget.key, widget.html) == ("counter", "c", "<button>+1</button>")
    assert widget.js.startswith("export default function") and widget.isolate_styles is True
    assert widget.data == {"start": 0}
    assert at.text[0].value == "runs=1 count=5 clicked=None state={'count': 5}"


def test_a_state_value_is_kept_and_a_trigger_value_lasts_one_run(app_test: Any) -> None:
    at = app_test.from_string(COUNTER).run()
    send(at, {"event": "state", "name": "count", "value": 6})
    assert at.text[0].value == "runs=2 count=6 clicked=None state={'count': 6}"
    assert at.session_state.calls == ["count"]
    send(at, {"event": "trigger", "name": "clicked", "value": "yes"})
    assert at.text[0].value == "runs=3 count=6 clicked=yes state={'clicked': 'yes', 'count': 6}"
    assert at.session_state.calls == ["count", "clicked"]
    at.run()
    assert at.text[0].value == "runs=4 count=6 clicked=None state={'count': 6}"


def test_the_same_state_value_again_does_not_rerun(app_test: Any) -> None:
    at = app_test.from_string(COUNTER).run()
    send(at, {"event": "state", "name": "count", "value": 5})
    assert at.text[0].value.startswith("runs=1 ")


@pytest.mark.parametrize(
    "forged",
    [
        "not a dict",
        {"event": "eval", "name": "count", "value": 1},
        {"event": "state", "name": 3, "value": 1},
        {"event": "state", "name": "", "value": 1},
        {"event": "state", "name": "x" * 201, "value": 1},
    ],
)
def test_malformed_messages_from_a_visitor_change_nothing(app_test: Any, forged: Any) -> None:
    at = app_test.from_string(COUNTER).run()
    send(at, forged)
    assert at.text[0].value == "runs=1 count=5 clicked=None state={'count': 5}"


def test_session_state_sets_a_state_before_the_mount_and_refuses_after(app_test: Any) -> None:
    app = COUNTER + """
if st.button("set"):
    ss.c.count = 100
"""
    at = app_test.from_string(app).run()
    at.button[0].click().run()
    assert "cannot be modified after the component" in at.exception[0].value
    before = COUNTER.replace("result = counter(", "if ss.get('c'):\n    ss.c['count'] = 42\nresult = counter(")
    at = app_test.from_string(before).run()
    at.run()
    assert at.text[0].value == "runs=2 count=42 clicked=None state={'count': 42}"


def test_set_value_in_apptest_sends_state_values(app_test: Any) -> None:
    at = app_test.from_string(COUNTER).run()
    element = next(e for e in at.elements() if e.kind == "component")
    element.set_value({"count": 9}).run()
    assert at.text[0].value.startswith("runs=2 count=9 ")


def test_callbacks_names_defaults_and_data_are_checked_as_streamlit_does(app_test: Any) -> None:
    base = 'import nbfrag as st\nc = st.components.v2.component("c", html="<i></i>")\n'
    at = app_test.from_string(base + "c(on__change=lambda: None)").run()
    assert "The callback name `'on__change'` is not allowed" in at.exception[0].value
    at = app_test.from_string(base + "c(default={'value': 1})").run()
    assert "Key `'value'` in `default` is not a valid state name" in at.exception[0].value
    assert "Available state names: `none`" in at.exception[0].value
    at = app_test.from_string(base + "c(data={'f': object()})").run()
    assert "could not be serialized" in at.exception[0].value
    at = app_test.from_string(base + "c(on_value_change='not callable', extra=1)\nst.text('drawn')").run()
    assert at.text[0].value == "drawn" and not at.exception
    with pytest.raises(errors.StreamlitAPIException, match="`js` of st.components.v2.component"):
        st.components.v2.component("bad", js=b"bytes")  # type: ignore[arg-type]


def test_dataframes_and_arrays_reach_the_browser_as_json(app_test: Any) -> None:
    app = """
import nbfrag as st, pandas as pd, numpy as np
c = st.components.v2.component("c", js="export default function() {}")
c(key="df", data=pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
c(key="arr", data=np.arange(3))
"""
    at = app_test.from_string(app).run()
    assert host(at, 0).data == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    assert host(at, 1).data == [0, 1, 2]


def test_a_component_in_a_fragment_reruns_only_the_fragment(app_test: Any) -> None:
    app = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1
c = st.components.v2.component("c", js="export default function() {}")

@st.fragment
def part():
    value = c(key="inner", on_picked_change=lambda: None).picked
    st.text(f"app_runs={ss.app_runs} picked={value}")

part()
"""
    at = app_test.from_string(app).run()
    send(at, {"event": "trigger", "name": "picked", "value": 3})
    assert at.text[0].value == "app_runs=1 picked=3"


def test_the_host_widget_is_reused_and_new_data_is_one_update(app_test: Any) -> None:
    app = """
import nbfrag as st
c = st.components.v2.component("c", js="export default function() {}")
n = st.session_state.get("n", 0)
c(key="k", data={"n": n})
if st.button("more"):
    st.session_state.n = n + 1
    st.rerun()
"""
    at = app_test.from_string(app).run()
    first = host(at)
    at.button[0].click().run()
    assert host(at) is first and first.data == {"n": 1}


# -- st.iframe and st.components.v1 ------------------------------------------------------------


def test_iframe_takes_urls_html_text_and_files(app_test: Any, tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text("<h1>Report</h1>", encoding="utf-8")
    (tmp_path / "pixel.png").write_bytes(b"\x89PNG\r\n")
    app = f"""
import nbfrag as st
from pathlib import Path
st.iframe("https://example.com/page", height=300, alt="Example")
st.iframe("<p>hi</p>")
st.iframe(Path({str(tmp_path / 'report.html')!r}), width=200)
st.iframe(Path({str(tmp_path / 'pixel.png')!r}))
st.iframe("/files/data.html", tab_index=-1)
"""
    at = app_test.from_string(app).run()
    url, text, page, image, local = frames(at)
    assert (url.src, url.srcdoc, url.height, url.title) == ("https://example.com/page", "", "300px", "Example")
    assert (text.src, text.srcdoc, text.height, text.width) == ("", "<p>hi</p>", "content", "100%")
    assert (page.srcdoc, page.width) == ("<h1>Report</h1>", "200px")
    assert image.src.startswith("data:image/png;base64,") and not image.srcdoc
    assert (local.src, local.tab_index) == ("/files/data.html", -1)
    assert [line for line in str(at).splitlines() if "iframe" in line][:2] == [
        "iframe: https://example.com/page", "iframe: HTML"
    ]


def test_iframe_and_v1_errors_name_the_problem(app_test: Any) -> None:
    cases = {
        "st.iframe(Path('missing.html'))": "could not find the file",
        "st.iframe(3)": "takes a str or a pathlib.Path",
        "st.iframe('<b>x</b>', height=-1)": "Invalid height value",
        "st.iframe('<b>x</b>', tab_index=-2)": "Invalid `tab_index` value. Supported values: None, -1, a non-negative",
        "st.iframe('<b>x</b>', tab_index=1.5)": "Invalid `tab_index` type. Expected one of: int.",
        "st.components.v1.iframe('javascript:alert(1)')": "shows a URL starting with",
        "st.components.v1.html('<b>x</b>', height='tall')": "height as a number of pixels",
        "st.components.v1.declare_component('x', url='http://localhost:3001')": "not supported by nbfrag",
    }
    for call, message in cases.items():
        at = app_test.from_string(f"import nbfrag as st\nfrom pathlib import Path\n{call}\nst.text('after')").run()
        assert message in at.exception[0].value, call
        assert not at.text, "the error stops the script, as in Streamlit"


def test_components_v1_html_and_iframe_draw_fixed_height_frames(app_test: Any) -> None:
    app = """
import nbfrag as st
import nbfrag.components.v1 as components
components.html("<script>document.write(1)</script>", scrolling=True)
components.iframe("https://example.com", width=300, height=200)
"""
    at = app_test.from_string(app).run()
    html, page = frames(at)
    assert (html.srcdoc, html.height, html.width, html.scrolling) == (
        "<script>document.write(1)</script>", "150px", "100%", True
    )
    assert (page.src, page.width, page.height) == ("https://example.com", "300px", "200px")


# -- st.skeleton -------------------------------------------------------------------------------


def test_a_skeleton_holds_the_place_until_content_replaces_it(app_test: Any) -> None:
    app = """
import nbfrag as st
st.text("before")
placeholder = st.skeleton(height=120)
st.text("after")
if st.session_state.get("ready"):
    placeholder.text("loaded")
st.session_state.ready = True
"""
    at = app_test.from_string(app).run()
    skeletons = [e for e in at.elements() if e.kind == "skeleton"]
    assert len(skeletons) == 1 and "height:120px" in skeletons[0].slot.widget.value
    assert str(at).splitlines()[:3] == ["before", "skeleton", "after"]
    at.run()
    assert [e.kind for e in at.elements() if e.kind in ("skeleton", "text")] == ["text", "text", "text"]
    assert str(at).splitlines()[:3] == ["before", "loaded", "after"]


def test_a_skeleton_as_a_context_manager_clears_itself(app_test: Any) -> None:
    app = """
import nbfrag as st
with st.skeleton():
    seen = [e for e in st.session_state.get("x", [])]
    st.text("drawn inside the block")
st.success("Data loaded!")
"""
    at = app_test.from_string(app).run()
    assert not [e for e in at.elements() if e.kind == "skeleton"]
    assert at.text[0].value == "drawn inside the block" and at.success[0].value == "Data loaded!"
