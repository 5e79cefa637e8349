"""nbfrag in a real ipykernel, driven over the widget protocol as JupyterLab drives it.

Each click is a `comm_msg` `{method: "custom", content: {event: "click"}}`; the frontend-side
model registry of `KernelDriver` shows what a browser would show. We assert what the page
shows after each click, and the message rules: no model created or closed by a rerun, no
message to any widget outside the rerun scope, no `error` message ever.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from examples import BALLOONS, COUNT_TO_FIVE, COUNTERS
from kernel_driver import KernelDriver


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def run_app(kd: KernelDriver, source: str) -> tuple[str, Any]:
    """Execute an `%%app` cell; returns the host's model id and the execution result."""
    result = kd.execute("%%app\n" + source)
    (host,) = result.displayed_model_ids
    assert not result.errors
    return host, result


def text(kd: KernelDriver, model_id: str) -> str:
    """What the kernel says a host or area shows."""
    return kd.eval(f"repr(__import__('ipywidgets').widgets.widget._instances[{model_id!r}])")


def descendants(kd: KernelDriver, model_id: str) -> set[str]:
    """The model and every model below it (children, layout, style), per the frontend."""
    seen: set[str] = set()
    stack = [model_id]
    while stack:
        mid = stack.pop()
        if mid in seen or mid not in kd.models:
            continue
        seen.add(mid)
        state = kd.models[mid]
        for name in ("children", "layout", "style"):
            value = state.get(name)
            refs = value if isinstance(value, list) else [value]
            stack.extend(r[len("IPY_MODEL_"):] for r in refs if isinstance(r, str) and r.startswith("IPY_MODEL_"))
    return seen


def button(kd: KernelDriver, label: str, within: str) -> str:
    inside = descendants(kd, within)
    (found,) = [m for m in kd.find_models(_model_name="ButtonModel", description=label) if m in inside]
    return found


def fragment_area(kd: KernelDriver, host: str, index: int = 0) -> str:
    areas = [
        m
        for m in descendants(kd, host)
        if "nbfrag-fragment" in kd.models[m].get("_dom_classes", [])
    ]
    areas.sort(key=lambda m: kd.open_model_ids().index(m))
    return areas[index]


def html_values(kd: KernelDriver, root: str) -> list[str]:
    return [
        kd.models[m]["value"]
        for m in descendants(kd, root)
        if kd.models[m].get("_model_name") == "HTMLModel" and kd.is_open(m)
    ]


def assert_quiet_outside(kd: KernelDriver, result: Any, scope: str) -> None:
    """No model created or closed, no error, and no message to a widget outside `scope`."""
    assert result.comm_opens == [] and result.comm_closes == []
    assert result.errors == []
    assert result.updated_model_ids <= descendants(kd, scope)


def test_counters_example(kd):
    host, result = run_app(kd, COUNTERS)
    assert result.text_plain == [
        (
            "fragment my_fragment:\n  [Rerun fragment]\n  Fragment says it ran 1 times.\n"
            "[Rerun full app]\nFull app says it ran 1 times.\nFull app sees that fragment ran 1 times."
        )
    ]
    area = fragment_area(kd, host)
    rerun_fragment = button(kd, "Rerun fragment", host)
    for _ in range(2):
        click = kd.click(rerun_fragment)
        assert_quiet_outside(kd, click, area)
        assert click.updated_model_ids, "the fragment's text must change"
    assert text(kd, host).splitlines()[2] == "  Fragment says it ran 3 times."
    assert any("Fragment says it ran 3 times." in v for v in html_values(kd, area))
    assert any("Full app says it ran 1 times." in v for v in html_values(kd, host))
    full = kd.click(button(kd, "Rerun full app", host))
    assert full.comm_opens == [] and full.comm_closes == [] and full.errors == []
    assert text(kd, host).splitlines()[2:] == [
        "  Fragment says it ran 4 times.",
        "[Rerun full app]",
        "Full app says it ran 2 times.",
        "Full app sees that fragment ran 4 times.",
    ]


def test_count_to_five_example(kd):
    host, _ = run_app(kd, COUNT_TO_FIVE)
    area = fragment_area(kd, host)
    plus = button(kd, "Plus one!", host)
    header = lambda: [line for line in text(kd, host).splitlines() if line.startswith("## ")]  # noqa: E731
    for _ in range(4):
        assert_quiet_outside(kd, kd.click(plus), area)
        assert header() == ["## Multiples of five clicks: 0"]
        assert any("Multiples of five clicks: 0" in v for v in html_values(kd, host))
    fifth = kd.click(plus)
    assert fifth.comm_opens == [] and fifth.comm_closes == [] and not fifth.errors
    assert header() == ["## Multiples of five clicks: 1"]
    assert any("Multiples of five clicks: 1" in v for v in html_values(kd, host))
    kd.click(button(kd, "Check click count", host))
    (toaster,) = [m for m in descendants(kd, host) if kd.models[m].get("_anywidget_id", "").endswith("Toaster")]
    assert [t["html"] for t in kd.models[toaster]["toasts"]] == ["<h2>Total clicks: 5</h2>\n"]
    again = kd.click(button(kd, "Check click count", host))
    assert again.comm_opens == []  # the toaster is reused
    assert len(kd.models[toaster]["toasts"]) == 2


def test_balloons_example(kd):
    host, _ = run_app(kd, BALLOONS)
    area = fragment_area(kd, host)
    (balloons,) = [m for m in descendants(kd, area) if kd.models[m].get("_anywidget_id", "").endswith("Balloons")]
    assert len(kd.models[balloons]["launches"]) == 1
    click = kd.click(button(kd, "Release the balloons", host))
    assert_quiet_outside(kd, click, area)
    assert len(kd.models[balloons]["launches"]) == 2


def test_fragment_click_traffic_is_minimal(kd):
    host, _ = run_app(kd, COUNTERS.replace("my_fragment", "traffic_fragment"))
    rerun_fragment = button(kd, "Rerun fragment", host)
    click = kd.click(rerun_fragment)
    assert click.comm_opens == [] and click.comm_closes == []
    assert sum(click.msg_types.values()) <= 4, click.msg_types
    assert len(click.updates) == 1  # one changed text, one update


def test_exception_in_fragment_stays_in_its_area_and_sends_no_error(kd):
    host, _ = run_app(
        kd,
        "import nbfrag as st\n"
        "@st.fragment\n"
        "def fails():\n"
        "    if st.button('Explode'):\n"
        "        raise RuntimeError('kaboom')\n"
        "@st.fragment\n"
        "def works():\n"
        "    st.session_state.works = st.session_state.get('works', 0) + st.button('Still works')\n"
        "    st.write(f'works={st.session_state.works}')\n"
        "fails()\n"
        "works()\n",
    )
    area = fragment_area(kd, host, 0)
    boom = kd.click(button(kd, "Explode", host))
    assert boom.errors == [] and "error" not in boom.msg_types
    assert result_shows(kd, area, "RuntimeError: kaboom")
    assert boom.updated_model_ids <= descendants(kd, area)
    ok = kd.click(button(kd, "Still works", host))
    assert ok.errors == [] and text(kd, host).splitlines()[-1] == "  works=1"


def result_shows(kd: KernelDriver, root: str, needle: str) -> bool:
    return any(needle in v for v in html_values(kd, root))


def test_run_every_tick_reruns_and_rearms(kd):
    host, _ = run_app(
        kd,
        "import nbfrag as st\n"
        "st.session_state.beats = 0\n"
        "@st.fragment(run_every='500ms')\n"
        "def heartbeat():\n"
        "    st.session_state.beats += 1\n"
        "    st.write(f'beats={st.session_state.beats}')\n"
        "heartbeat()\n",
    )
    area = fragment_area(kd, host)
    (ticker,) = [m for m in descendants(kd, area) if kd.models[m].get("_anywidget_id", "").endswith("Ticker")]
    assert kd.models[ticker]["interval"] == 0.5 and kd.models[ticker]["seq"] == 0
    tick = kd.custom(ticker, {"event": "tick", "seq": 0})
    assert_quiet_outside(kd, tick, area)
    assert kd.models[ticker]["seq"] == 1 and text(kd, host).splitlines()[-1] == "  beats=2"
    stale = kd.custom(ticker, {"event": "tick", "seq": 0})  # a second view's tick: ignored
    assert stale.updates == [] and text(kd, host).splitlines()[-1] == "  beats=2"


def test_many_other_widgets_do_not_change_a_fragment_click(kd):
    kd.execute("import ipywidgets as w\nw.VBox([w.Label(str(i)) for i in range(1000)])")
    host, _ = run_app(kd, COUNTERS.replace("my_fragment", "crowded_fragment"))
    click = kd.click(button(kd, "Rerun fragment", host))
    assert click.comm_opens == [] and click.comm_closes == []
    assert sum(click.msg_types.values()) <= 4 and len(click.updates) == 1


def test_session_state_view_follows_fragments(kd):
    host, _ = run_app(
        kd,
        "import nbfrag as st\n"
        "st.session_state.likes = 0\n"
        "@st.fragment\n"
        "def like():\n"
        "    if st.button('Like'):\n"
        "        st.session_state.likes += 1\n"
        "like()\n",
    )
    shown = kd.execute("import nbfrag as st\nst.session_state")
    (view,) = shown.displayed_model_ids
    assert "likes" in shown.text_plain[0]
    kd.click(button(kd, "Like", host))
    assert "<code>1</code>" in kd.models[view]["value"]


def test_plain_cell_fragment_reruns_and_full_rerun_reexecutes_the_cell(kd):
    result = kd.execute(
        "import nbfrag as st\n"
        "st.session_state.plain_runs = st.session_state.get('plain_runs', 0) + 1\n"
        "@st.fragment\n"
        "def plain():\n"
        "    if st.button('Plain rerun'):\n"
        "        st.rerun()\n"
        "    st.write(f'plain runs: {st.session_state.plain_runs}')\n"
        "plain()\n"
    )
    (area,) = result.displayed_model_ids
    assert result.text_plain == ["[Plain rerun]\nplain runs: 1"]
    click = kd.click(button(kd, "Plain rerun", area))
    assert click.comm_opens == [] and click.errors == []
    assert text(kd, area) == "[Plain rerun]\nplain runs: 2"


def test_reexecuting_an_app_cell_reuses_its_widgets_without_comm_churn(kd):
    source = "%%app\nimport nbfrag as st\nst.button('Same button')\nst.write('same text')\n"
    first = kd.execute(source, cell_id="lab-cell-1")
    (host,) = first.displayed_model_ids
    again = kd.execute(source, cell_id="lab-cell-1")  # JupyterLab: run the same cell again
    assert again.displayed_model_ids == [host]
    assert again.comm_opens == [] and again.comm_closes == []
    (same,) = kd.find_models(_model_name="ButtonModel", description="Same button")
    clicked = kd.click(same)  # the reused button still reaches the kernel
    assert clicked.errors == [] and clicked.comm_opens == []
    edited = kd.execute(source.replace("Same button", "Edited button"), cell_id="lab-cell-1")
    assert same in edited.closed_model_ids
    assert kd.find_models(_model_name="ButtonModel", description="Edited button")
    assert text(kd, host) == "[Edited button]\nsame text"


def test_a_button_outside_reruns_a_keyed_fragment_once(kd):
    # spec items 26 and 29: the callback's `st.rerun("<key>")` replaces the click's full run
    # with one run of the keyed fragment; nothing outside its area is sent to the browser
    host, _ = run_app(
        kd,
        "import nbfrag as st\n"
        "ss = st.session_state\n"
        "ss.key_app_runs = ss.get('key_app_runs', 0) + 1\n"
        "@st.fragment(key='stats')\n"
        "def stats():\n"
        "    ss.key_fragment_runs = ss.get('key_fragment_runs', 0) + 1\n"
        "    st.write(f'stats run {ss.key_fragment_runs}')\n"
        "stats()\n"
        "st.write(f'app run {ss.key_app_runs}')\n"
        "st.button('Refresh stats', on_click=lambda: st.rerun('stats'))\n",
    )
    area = fragment_area(kd, host)
    refresh = kd.click(button(kd, "Refresh stats", host))
    assert refresh.comm_opens == [] and refresh.comm_closes == [] and refresh.errors == []
    # (an earlier test's live Session State view, outside this app, follows the counters)
    assert refresh.updated_model_ids & descendants(kd, host) <= descendants(kd, area)
    assert kd.eval("(st.session_state.key_app_runs, st.session_state.key_fragment_runs)") == (1, 2)
    assert text(kd, host) == "fragment stats:\n  stats run 2\napp run 1\n[Refresh stats]"
    assert any("stats run 2" in v for v in html_values(kd, area))
