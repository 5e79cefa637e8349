#!/usr/bin/env python
"""What one update of a live chart costs: nbfrag's in-place redraw against re-displaying it.

Usage::

    python benchmarks/bench_chart.py [--updates N] [--points N]

One fresh kernel (`python -m ipykernel_launcher`, driven by `tests/kernel_driver.py`, which
answers as JupyterLab's widget manager would) holds both scenarios; their updates alternate:

a. ``nbfrag in place``: an `%%app` cell whose `@st.fragment(run_every=...)` draws
   `st.line_chart` of a 60-point, two-column DataFrame that changes every run. An update is the
   ticker's `tick` message: the fragment reruns and the chart's `Output` widget gets its new
   `outputs` (one `comm_msg`), no model is created.
b. ``fresh Output``: a plain-ipywidgets floor for the naive way: a Button whose click builds
   the same Vega-Lite bundle (nbfrag's spec for the same data) into a new `Output` widget,
   swaps it into a `VBox` and closes the old one.

Printed per scenario: median and p90 latency (request sent to the kernel's `status: idle`),
iopub messages, bytes (JSON of header, parent, metadata and content, as `bench_click.py`
counts them), and models opened and closed per update. A measurement, not a test: the exit
code is 0 whatever the numbers. The sanity line checks that the fragment ran once per tick
and the floor redrew once per click.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from kernel_driver import ExecResult, KernelDriver  # noqa: E402

DATA = (
    "import pandas as pd\n"
    "def frame(n, points={points}):\n"
    "    a = [(i * n) % 17 for i in range(points)]\n"
    "    return pd.DataFrame({{'a': a, 'b': [(i + n) % 13 for i in range(points)]}})\n"
)
LIVE = (
    "%%app\n"
    "import nbfrag as st\n"
    "st.session_state.n = 0\n"
    "@st.fragment(run_every='1h')\n"
    "def live():\n"
    "    st.session_state.n += 1\n"
    "    st.line_chart(frame(st.session_state.n))\n"
    "live()\n"
)
FLOOR = (
    "import ipywidgets as w\n"
    "from IPython.display import display\n"
    "from nbfrag._elements.charts.prepare import prepare\n"
    "from nbfrag._elements.charts.publish import MIMETYPE, records, sized\n"
    "from nbfrag._elements.charts.spec import chart_spec\n"
    "def bundle(n):\n"
    "    data = prepare('line_chart', frame(n))\n"
    "    spec = chart_spec('line', data)\n"
    "    spec['data'] = {'values': records(data.frame)}\n"
    "    return {'output_type': 'display_data', 'metadata': {},\n"
    "            'data': {MIMETYPE: sized(spec, 'stretch', None, 'streamlit'), 'text/plain': 'chart'}}\n"
    "count = [0]\n"
    "box = w.VBox([w.Output(outputs=(bundle(0),))])\n"
    "redraw = w.Button(description='redraw')\n"
    "def on_click(_):\n"
    "    count[0] += 1\n"
    "    old = box.children[0]\n"
    "    box.children = (w.Output(outputs=(bundle(count[0]),)),)\n"
    "    old.close()\n"
    "redraw.on_click(on_click)\n"
    "display(w.VBox([redraw, box]))\n"
)


def model_of(kd: KernelDriver, predicate) -> str:
    (found,) = [m for m, state in kd.models.items() if predicate(state)]
    return found


def summary(name: str, results: list[ExecResult]) -> str:
    latencies = sorted(r.latency * 1000 for r in results)
    p90 = latencies[max(0, round(0.9 * len(latencies)) - 1)]
    per = len(results)
    return (
        f"{name:<18} {statistics.median(latencies):9.2f} {p90:8.2f} "
        f"{sum(len(r.messages) for r in results) / per:9.1f} {sum(r.iopub_bytes for r in results) / per:11.0f} "
        f"{sum(len(r.comm_opens) for r in results) / per:9.1f} {sum(len(r.comm_closes) for r in results) / per:9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--updates", type=int, default=100, help="measured updates per scenario")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured updates first")
    parser.add_argument("--points", type=int, default=60, help="rows of the chart's DataFrame")
    args = parser.parse_args()
    with KernelDriver() as kd:
        kd.execute("%load_ext nbfrag")
        kd.execute(DATA.format(points=args.points))
        live = kd.execute(LIVE)
        floor = kd.execute(FLOOR)
        if live.errors or floor.errors:
            print("setup failed:", live.error_text or floor.error_text)
            return
        ticker = model_of(kd, lambda s: s.get("_anywidget_id", "").endswith("Ticker"))
        button = model_of(kd, lambda s: s.get("_model_name") == "ButtonModel" and s.get("description") == "redraw")
        seq = 0
        in_place: list[ExecResult] = []
        fresh: list[ExecResult] = []
        for i in range(args.warmup + args.updates):
            tick = kd.custom(ticker, {"event": "tick", "seq": seq})
            seq = kd.models[ticker]["seq"]
            click = kd.click(button)
            if i >= args.warmup:
                in_place.append(tick)
                fresh.append(click)
        total = args.warmup + args.updates
        sanity = kd.eval("(__import__('nbfrag').session_state.n, count[0])") == (total + 1, total)
    print(f"A live line chart of {args.points} points x 2 columns, {args.updates} updates each, one kernel")
    columns = ("median ms", "p90 ms", "msgs/upd", "bytes/upd", "opened", "closed")
    print(f"{'scenario':<18} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, (9, 8, 9, 11, 9, 9), strict=True)))
    print(summary("nbfrag in place", in_place))
    print(summary("fresh Output", fresh))
    ratio = statistics.median(r.iopub_bytes for r in in_place) / statistics.median(r.iopub_bytes for r in fresh)
    print(f"bytes ratio (in place / fresh): {ratio:.2f}; sanity: {'ok' if sanity else 'WRONG'}")


if __name__ == "__main__":
    main()
