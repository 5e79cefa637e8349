"""Chat in a real ipykernel, driven over the widget protocol as js/chat.js drives it: the box
sends one `custom` message `{"event": "submit", "value": text}`.

A message in a fragment's box is exactly one run of that fragment (spec item 79), the text is
returned in that run only (item 76), and nothing outside the fragment is touched; a message in
the top-level box is one full run. The streamed reply reaches the page in a bounded number of
updates (section 4, "In Jupyter": coalescing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import descendants, fragment_area, run_app, text

APP = """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1
ss.setdefault("said", [])
st.write(f"app runs={ss.app_runs}")

@st.fragment
def chat():
    ss.frag_runs = ss.get("frag_runs", 0) + 1
    prompt = st.chat_input("Ask the fragment")
    ss.said.append(prompt)
    if prompt:
        with st.chat_message("assistant"):
            st.write_stream(f"t{i} " for i in range(3000))

chat()
top = st.chat_input("Ask the app")
st.write(f"top={top}")
"""


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


@pytest.fixture(scope="module")
def app(kd: KernelDriver) -> dict[str, Any]:
    host, _ = run_app(kd, APP)
    return {"host": host, "fragment": fragment_area(kd, host)}


def box(kd: KernelDriver, placeholder: str) -> str:
    (found,) = [m for m in kd.find_models(_model_name="AnyModel") if kd.models[m].get("placeholder") == placeholder]
    return found


def runs(kd: KernelDriver) -> tuple[int, int]:
    return kd.eval("(st.session_state.app_runs, st.session_state.frag_runs)")


def test_79_a_message_in_a_fragment_is_one_fragment_run_returning_the_text_once(
    kd: KernelDriver, app: dict[str, Any]
) -> None:
    chat_box = box(kd, "Ask the fragment")
    assert chat_box in descendants(kd, app["fragment"])
    app_runs, frag_runs = runs(kd)
    result = kd.custom(chat_box, {"event": "submit", "value": "hello"})
    assert not result.errors and result.comm_closes == []
    assert runs(kd) == (app_runs, frag_runs + 1)
    assert kd.eval("st.session_state.said[-1]") == "hello"
    assert result.updated_model_ids <= descendants(kd, app["fragment"])  # nothing outside it
    # The reply: 3,000 tokens streamed, the whole text at the end, in few updates.
    assert "t2999" in text(kd, app["fragment"])
    streamed = [u for _, u in result.updates if "t0 t1" in str(u.get("value", ""))]
    assert 1 <= len(streamed) <= 40


def test_76_a_message_in_the_top_level_box_is_one_full_run(kd: KernelDriver, app: dict[str, Any]) -> None:
    top_box = box(kd, "Ask the app")
    app_runs, frag_runs = runs(kd)
    result = kd.custom(top_box, {"event": "submit", "value": "to the app"})
    assert not result.errors
    assert runs(kd) == (app_runs + 1, frag_runs + 1)
    assert kd.eval("st.session_state.said[-2:]") == ["hello", None]  # "hello" came back once only
    assert "top=to the app" in text(kd, app["host"])
    assert text(kd, app["host"]).splitlines()[-1] == "chat_input: [Ask the app]"  # pinned last
