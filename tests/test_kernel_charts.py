"""A live chart in a real ipykernel: each `run_every` tick of its fragment redraws the chart in
place, one `comm_msg` update of its `Output` widget's `outputs`, and opens no model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kernel_driver import KernelDriver
from test_kernel_protocol import descendants, run_app, text

MIME = "application/vnd.vegalite.v5+json"
LIVE = (
    "import nbfrag as st, pandas as pd\n"
    "st.session_state.n = 0\n"
    "@st.fragment(run_every='1h')\n"
    "def live():\n"
    "    st.session_state.n += 1\n"
    "    n = st.session_state.n\n"
    "    st.line_chart(pd.DataFrame({'a': [(i * n) % 7 for i in range(60)], 'b': range(60)}))\n"
    "live()\n"
)


@pytest.fixture(scope="module")
def kd() -> Iterator[KernelDriver]:
    with KernelDriver() as driver:
        driver.execute("%load_ext nbfrag")
        yield driver


def test_each_tick_updates_the_chart_in_place_with_one_message(kd):
    host, _ = run_app(kd, LIVE)
    models = descendants(kd, host)
    (chart,) = [m for m in models if "nbfrag-line_chart" in kd.models[m].get("_dom_classes", [])]
    (ticker,) = [m for m in models if kd.models[m].get("_anywidget_id", "").endswith("Ticker")]
    assert text(kd, host).splitlines()[-1] == "  line_chart: 60 rows, x=index, y=[a, b]"
    first = kd.models[chart]["outputs"][0]["data"][MIME]["data"]["values"]
    for seq in range(3):
        tick = kd.custom(ticker, {"event": "tick", "seq": seq})
        assert tick.comm_opens == [] and tick.comm_closes == [] and tick.errors == []
        to_chart = [state for mid, state in tick.updates if mid == chart]
        assert len(to_chart) == 1 and set(to_chart[0]) == {"outputs"}
        assert {mid for mid, _ in tick.updates} <= {chart, ticker}
    values = kd.models[chart]["outputs"][0]["data"][MIME]["data"]["values"]
    assert len(values) == 120 and values != first
    assert kd.models[chart]["outputs"][0]["data"]["text/plain"] == "line_chart: 60 rows, x=index, y=[a, b]"
