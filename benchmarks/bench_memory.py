#!/usr/bin/env python
"""A visitor's kernel memory: RSS after the demo dashboard rendered, with and without nbfrag's
lazy imports.

Usage::

    python benchmarks/bench_memory.py [--notebook PATH] [--repeat N]

Each variant runs in fresh kernels (`python -m ipykernel_launcher` from this environment), which
execute the notebook's code cells as Voila does; then the kernel's resident memory is read:

- ``bare kernel``: an ipykernel that ran nothing (the floor under any Jupyter dashboard);
- ``import nbfrag``: the kernel after ``import nbfrag`` only;
- ``demo, lazy imports``: the demo rendered, nbfrag as it is (pandas, plotly, altair, pygments,
  PIL, sympy... are imported by the command that needs them; the demo imports matplotlib and
  numpy itself);
- ``demo, eager imports``: the same after importing every optional library nbfrag supports up
  front (what a package importing them at ``import nbfrag`` would cost each visitor).

Median over ``--repeat`` kernels (default 3). A measurement, not a test: exit code 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import psutil
from jupyter_client.manager import start_new_kernel

REPO = Path(__file__).resolve().parent.parent
EAGER = "import pandas, numpy, matplotlib.pyplot, plotly.graph_objects, altair, PIL.Image, pygments.lexers, sympy"


def code_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text())["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


def kernel_rss_mb(cells: list[str]) -> float:
    """Run `cells` in a fresh kernel (failing on any error) and return its RSS in MB."""
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(REPO))
    try:
        for cell in cells:
            reply = client.execute_interactive(cell, timeout=300, output_hook=lambda _msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {reply['content'].get('evalue')}\n{cell[:200]}")
        return psutil.Process(manager.provisioner.process.pid).memory_info().rss / 1e6  # type: ignore[union-attr]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notebook", type=Path, default=REPO / "notebooks" / "dashboard.ipynb")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    demo = code_cells(args.notebook)
    variants = {
        "bare kernel": ["pass"],
        "import nbfrag": ["import nbfrag"],
        "demo, lazy imports": demo,
        "demo, eager imports": [EAGER, *demo],
    }
    results = {
        name: statistics.median(kernel_rss_mb(cells) for _ in range(args.repeat)) for name, cells in variants.items()
    }
    print(f"\nKernel RSS after rendering {args.notebook.name} (median of {args.repeat} kernels)\n")
    print("| kernel | RSS (MB) |\n|---|---|")
    for name, rss in results.items():
        print(f"| {name} | {rss:.0f} |")
    saved = results["demo, eager imports"] - results["demo, lazy imports"]
    print(f"\nLazy imports save {saved:.0f} MB per visitor ({saved / results['demo, eager imports']:.0%}).")


if __name__ == "__main__":
    sys.exit(main())
