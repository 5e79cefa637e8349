#!/usr/bin/env python
"""What showing a 1,000,000-row DataFrame costs: nbfrag's windowed grid against sending it whole.

Usage::

    python benchmarks/bench_dataframe.py [--rows N]

One fresh kernel (`python -m ipykernel_launcher`, driven by `tests/kernel_driver.py`, which
answers as JupyterLab's widget manager would) holds both scenarios, on the same frame (an int,
a float and a short string column):

a. ``nbfrag grid``: an `%%app` cell with `st.dataframe(df)`. The grid's model carries the
   headers and the row count; the first screen is one `{"event": "rows", "start": 0, "stop":
   100}` message, as js/grid.js sends it, answered with 100 formatted rows. Time to first data
   is the cell's latency plus that message's round trip.
b. ``whole frame``: the way existing grid widgets work (ipydatagrid, ipyaggrid): a widget
   whose synced state holds every row (`df.to_dict("records")` in a list trait), so the
   browser has data once the cell's widget is opened. Time to first data is the cell's latency.

Printed per scenario: rows sent to the browser, iopub bytes (JSON of header, parent, metadata
and content, as `bench_click.py` counts them) and time to first data, then the ratios. One
run; a measurement, not a test (exit code 0 whatever the numbers).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from kernel_driver import KernelDriver  # noqa: E402

DATA = (
    "import numpy as np, pandas as pd\n"
    "n = {rows}\n"
    "df = pd.DataFrame({{'id': np.arange(n), 'x': np.random.default_rng(0).random(n),\n"
    "                   'name': pd.Series(np.arange(n) % 1000).map(lambda i: f'name {{i}}')}})\n"
)
GRID = "%%app\nimport nbfrag as st\nst.dataframe(df)\n"
WHOLE = (
    "import anywidget, traitlets\n"
    "from IPython.display import display\n"
    "class Whole(anywidget.AnyWidget):\n"
    "    _esm = 'export default { render() {} }'\n"
    "    rows = traitlets.List([]).tag(sync=True)\n"
    "display(Whole(rows=df.to_dict('records')))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the DataFrame")
    args = parser.parse_args()
    with KernelDriver(timeout=600) as kd:
        kd.execute("%load_ext nbfrag")
        kd.execute(DATA.format(rows=args.rows))
        cell = kd.execute(GRID)
        (grid,) = [m for m, s in kd.models.items() if s.get("_anywidget_id", "").endswith("GridWidget")]
        first = kd.custom(grid, {"event": "rows", "start": 0, "stop": 100})
        (reply,) = [content for _model, content in first.customs if content.get("event") == "rows"]
        grid_rows = len(reply["rows"])
        grid_bytes = cell.iopub_bytes + first.iopub_bytes
        grid_time = cell.latency + first.latency
        whole = kd.execute(WHOLE)
        (model,) = [m for m, s in kd.models.items() if "rows" in s and s.get("_anywidget_id", "").endswith("Whole")]
        whole_rows = len(kd.models[model]["rows"])
        whole_bytes, whole_time = whole.iopub_bytes, whole.latency
    print(f"A {args.rows:,}-row DataFrame (3 columns), first screen, one run, one kernel")
    print(f"{'scenario':<14} {'rows sent':>12} {'bytes':>14} {'first data s':>13}")
    print(f"{'nbfrag grid':<14} {grid_rows:>12,} {grid_bytes:>14,} {grid_time:>13.3f}")
    print(f"{'whole frame':<14} {whole_rows:>12,} {whole_bytes:>14,} {whole_time:>13.3f}")
    print(
        f"ratios (grid / whole): rows {grid_rows / whole_rows:.6f}, bytes {grid_bytes / whole_bytes:.6f}, "
        f"time to first data {grid_time / whole_time:.3f}"
    )


if __name__ == "__main__":
    main()
