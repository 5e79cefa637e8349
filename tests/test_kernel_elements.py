"""Elements in a real ipykernel, driven over the widget protocol as JupyterLab drives it.

A fragment rerun that changes a metric, a progress bar and a DataFrame sends one `update` to
each of those models, carrying only the changed trait; it opens and closes no model and sends
nothing to the elements that did not change. A progress handle moved from another cell
updates its one model in place.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kernel_driver import KernelDriver

APP = (
    "import nbfrag as st, pandas as pd\n"
    "st.session_state.setdefault('n', 1)\n"
    "@st.fragment\n"
    "def panel():\n"
    "    if st.button('step'):\n"
    "        st.session_state.n += 1\n"
    "    n = st.session_state.n\n"
    "    st.metric('Temperature', f'{60 + n} °F', n - 1)\n"
    "    st.progress(n * 10, text=f'step {n}')\n"
    "    st.dataframe(pd.DataFrame({'n': [n]}))\n"
    "    st.code('static code')\n"
    "    st.json({'static': True})\n"
    "panel()\n"
    "st.info('outside the fragment')\n"
    "bar = st.progress(0)\n"
)


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def by_class(kd: KernelDriver, root: str, css_class: str) -> list[str]:
    return [m for m in kd.descendants(root) if css_class in kd.models[m].get("_dom_classes", [])]


def test_fragment_rerun_sends_only_changed_traits_and_no_models(kd):
    result = kd.execute("%%app\n" + APP)
    assert not result.errors
    (host,) = result.displayed_model_ids
    (metric,) = by_class(kd, host, "nbfrag-metric")
    bars = by_class(kd, host, "nbfrag-progress")
    (table,) = by_class(kd, host, "nbfrag-dataframe")
    (in_fragment,) = [m for m in bars if "step 1" in kd.models[m]["value"]]
    (handle_bar,) = [m for m in bars if m != in_fragment]
    assert "61 °F" in kd.models[metric]["value"]
    (step,) = [m for m in kd.find_models(_model_name="ButtonModel", description="step") if m in kd.descendants(host)]

    click = kd.click(step)

    assert click.comm_opens == [] and click.comm_closes == [] and click.errors == []
    updates = {mid: set(state) for mid, state in click.updates}
    assert len(click.updates) == len(updates) == 3  # one message per changed element
    assert updates == {metric: {"value"}, in_fragment: {"value"}, table: {"version"}}  # the grid asks again
    assert "62 °F" in kd.models[metric]["value"] and "↑ 1" in kd.models[metric]["value"]
    assert "aria-valuenow='20'" in kd.models[in_fragment]["value"]
    asked = kd.custom(table, {"event": "rows", "start": 0, "stop": 100})  # as js/grid.js asks
    ((_, reply),) = asked.customs
    assert [cell["t"] for cell in reply["rows"][0]["cells"]] == ["0", "2"]  # the index, then n
    shown = kd.eval(f"repr(__import__('ipywidgets').widgets.widget._instances[{host!r}])")
    assert shown.splitlines()[2:4] == ["  Temperature: 62 °F (+1)", "  [####----------------] 20% step 2"]

    moved = kd.execute("bar.progress(0.5, text='half')")
    assert moved.comm_opens == [] and moved.errors == []
    assert [(mid, set(state)) for mid, state in moved.updates] == [(handle_bar, {"value"})]
    assert "aria-valuenow='50'" in kd.models[handle_bar]["value"]
