#!/usr/bin/env python
"""Value-change-to-idle latency and iopub traffic per input change, in one real kernel.

Usage::

    python benchmarks/bench_inputs.py [--changes N] [--warmup N]

A browser moving a slider sends `comm_msg {method: "update", state: {value: v}}`. Two
scenarios live side by side in ONE fresh kernel and their changes alternate (ABBA), so the
ratio compares code paths, not kernel processes (see bench_click.py):

a. ``floor``: plain ipywidgets, an IntSlider observed by a callback that sets ``HTML.value``;
b. ``nbfrag slider``: a fragment with ``st.slider`` and ``st.write`` of its value, plus a
   sibling fragment and app-level text that must not be touched.

Printed: median and p90 latency, the ratio to the floor with a bootstrap 95% interval,
iopub messages, updated models and models created per change. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_click import percentile, ratio_ci
from kernel_driver import ExecResult, KernelDriver

FLOOR_CELL = """\
import ipywidgets as w
floor_slider = w.IntSlider(0, min=0, max=1000, description="Floor")
floor_html = w.HTML("value 0")
floor_slider.observe(lambda change: setattr(floor_html, "value", f"value {change.new}"), names="value")
display(floor_slider, floor_html)
"""

NBFRAG_CELL = """\
%%app
import nbfrag as st
st.write("App text that must not be touched.")

@st.fragment
def sibling():
    st.button("Sibling button")

@st.fragment
def panel():
    value = st.slider("Level", 0, 1000, 0)
    st.write(f"value {value}")

sibling()
panel()
"""


def measure(kd: KernelDriver, model: str, value: int) -> ExecResult:
    return kd.update(model, {"value": value})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    results: dict[str, list[ExecResult]] = {"floor": [], "nbfrag slider": []}
    with KernelDriver() as kd:
        kd.execute(FLOOR_CELL)
        kd.execute("%load_ext nbfrag")
        kd.execute(NBFRAG_CELL)
        models = {
            "floor": kd.find_models(_model_name="IntSliderModel", description="Floor")[0],
            "nbfrag slider": kd.find_models(_model_name="IntSliderModel", description="Level")[0],
        }
        names = list(models)
        for i in range(args.warmup + args.changes):
            order = names if i % 2 == 0 else names[::-1]
            for name in order:
                result = measure(kd, models[name], (i % 999) + 1)
                if i >= args.warmup:
                    results[name].append(result)
        final = (args.warmup + args.changes - 1) % 999 + 1
        shown = kd.eval("repr(__import__('nbfrag').session_state)")  # the kernel still answers
        sane = bool(kd.find_text(f"value {final}")) and shown is not None

    floor_ms = [r.latency * 1000 for r in results["floor"]]
    print(f"\n## Input benchmark: {args.changes} slider changes per scenario after {args.warmup} warm-up\n")
    columns = [
        "scenario", "median ms", "p90 ms", "ratio to floor median (95% CI)", "iopub msgs/change",
        "updated models/change", "models created/change",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in results.items():
        ms = [r.latency * 1000 for r in runs]
        if name == "floor":
            ratio = "1.00 (floor)"
        else:
            low, high = ratio_ci(ms, floor_ms)
            ratio = f"{statistics.median(ms) / statistics.median(floor_ms):.2f}x ({low:.2f}-{high:.2f})"
        msgs = statistics.mean(len(r.messages) for r in runs)
        updated = statistics.mean(len(r.updated_model_ids) for r in runs)
        created = statistics.mean(len(r.comm_opens) for r in runs)
        row = [
            name, f"{statistics.median(ms):.2f}", f"{percentile(ms, 90):.2f}", ratio, f"{msgs:.1f}",
            f"{updated:.1f}", f"{created:.1f}",
        ]
        print("| " + " | ".join(row) + " |")
    print(f"\nsanity: {'ok' if sane else 'WRONG: the last value is not shown'}")


if __name__ == "__main__":
    main()
