#!/usr/bin/env python
"""Widget messages and bytes per element on an app's first render, in a real kernel.

Usage::

    python benchmarks/bench_first_render.py [--json PATH]

The app (``tests/examples.py: FIRST_RENDER``) has a sidebar, a fragment and 200 lines of
text: 205 elements. It runs once as an ``%%app`` cell in a fresh kernel driven by
``tests/kernel_driver.py`` (a widget frontend emulation), and every iopub message that cell
caused is counted: ``comm_open`` (one per widget model), ``comm_msg`` (updates after a model
opened) and their bytes. Goal (issue 15 section 1b): at most 1.5 widget messages per element
(it was about 5: each line opened a widget, its Layout and its Style, then updated its
classes and its value). A floor in the same kernel shows the cheapest possible page of the
same text: one ``HTML`` widget per line in a ``VBox``, built with its final value.

This is a measurement, not a test (tests/test_kernel_first_render.py asserts the goal): the
exit code is 0 whatever the numbers are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from examples import FIRST_RENDER, FIRST_RENDER_ELEMENTS, FIRST_RENDER_LINES  # noqa: E402
from kernel_driver import ExecResult, KernelDriver, message_bytes  # noqa: E402

GOAL_MESSAGES_PER_ELEMENT = 1.5

FLOOR_CELL = f"""\
import ipywidgets as w
_layout = w.Layout()
_style = w.widgets.widget_string.HTMLStyle()
display(w.VBox([w.HTML(f"line {{i}}", layout=_layout, style=_style) for i in range({FIRST_RENDER_ELEMENTS})]))
"""


def widget_traffic(result: ExecResult) -> dict[str, float]:
    """Widget messages (comm_open + comm_msg) and their bytes in one cell's iopub traffic."""
    widget_msgs = [m for m in result.messages if m["msg_type"] in ("comm_open", "comm_msg")]
    return {
        "comm_open": len(result.comm_opens),
        "comm_msg": len(result.comm_msgs),
        "messages": len(widget_msgs),
        "bytes": sum(message_bytes(m) for m in widget_msgs),
    }


def first_render(kd: KernelDriver) -> dict[str, float]:
    """Run the app once in `kd` (nbfrag loaded before) and count its first render's traffic."""
    kd.execute("%load_ext nbfrag")
    kd.execute("import nbfrag as st\nst.text('warm up')")  # shared Layout/Style, stylesheet
    traffic = widget_traffic(kd.execute("%%app\n" + FIRST_RENDER.lstrip("\n")))
    traffic["elements"] = FIRST_RENDER_ELEMENTS
    traffic["per_element"] = traffic["messages"] / FIRST_RENDER_ELEMENTS
    traffic["bytes_per_element"] = traffic["bytes"] / FIRST_RENDER_ELEMENTS
    return traffic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the numbers here as JSON")
    options = parser.parse_args()
    with KernelDriver() as kd:
        app = first_render(kd)
        floor = widget_traffic(kd.execute(FLOOR_CELL))
    floor["per_element"] = floor["messages"] / FIRST_RENDER_ELEMENTS
    floor["bytes_per_element"] = floor["bytes"] / FIRST_RENDER_ELEMENTS
    print(f"First render of an app with a sidebar, a fragment and {FIRST_RENDER_LINES} text lines "
          f"({FIRST_RENDER_ELEMENTS} elements):")
    print(f"{'':>8} {'comm_open':>10} {'comm_msg':>9} {'msgs/elem':>10} {'bytes/elem':>11}")
    for name, row in (("nbfrag", app), ("floor", floor)):
        print(f"{name:>8} {row['comm_open']:>10} {row['comm_msg']:>9} {row['per_element']:>10.2f} "
              f"{row['bytes_per_element']:>11.0f}")
    verdict = "meets" if app["per_element"] <= GOAL_MESSAGES_PER_ELEMENT else "misses"
    print(f"goal <= {GOAL_MESSAGES_PER_ELEMENT} messages per element: {verdict}; "
          f"bytes {app['bytes'] / max(floor['bytes'], 1):.2f}x the floor")
    if options.json:
        options.json.write_text(json.dumps({"nbfrag": app, "floor": floor}, indent=2))


if __name__ == "__main__":
    main()
