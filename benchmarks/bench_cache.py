#!/usr/bin/env python
"""What a cached call costs, for a function returning a 1 MB DataFrame, in this process.

Usage::

    python benchmarks/bench_cache.py [--repeat N]

Measured in one run, interleaved (each round times every scenario once, in a shuffled order):

a. ``uncached``: the function itself: parse a 1 MB CSV held in memory with `pandas.read_csv`
   (a typical `load()` an app would cache);
b. ``st.cache_data hit``: the cached function called with the same (string) argument: hash the
   argument, find the entry, unpickle a fresh copy (what every hit returns), replay nothing;
c. ``st.cache_resource hit``: the same, returning the stored object itself (no copy);
d. ``dict lookup``: `cache[key]` of a plain dict holding the DataFrame (the floor: no copy,
   no hashing of arguments);
e. ``pickle round trip``: `pickle.loads(pickle.dumps(df))` alone, what a copy costs at least.

Printed: median microseconds per call and the ratios of the cached calls to the uncached call
and to the dict lookup. A measurement, not a test: the exit code is 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import io
import pickle
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import pandas as pd

import nbfrag as st


def make_csv() -> str:
    """A CSV whose DataFrame holds about 1 MB (131,072 float64 values in two columns)."""
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"a": rng.random(65_536), "b": rng.random(65_536)})
    return frame.to_csv(index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="rounds (each times every scenario once)")
    args = parser.parse_args()

    csv_text = make_csv()

    def load(name: str) -> pd.DataFrame:
        return pd.read_csv(io.StringIO(csv_text))

    data_hit = st.cache_data(show_spinner=False)(load)
    resource_hit = st.cache_resource(show_spinner=False)(load)
    frame = data_hit("prices.csv")  # the misses, once
    resource_hit("prices.csv")
    size = frame.memory_usage(index=True, deep=True).sum()
    plain = {"prices.csv": frame}

    scenarios: dict[str, Callable[[], Any]] = {
        "uncached": lambda: load("prices.csv"),
        "st.cache_data hit": lambda: data_hit("prices.csv"),
        "st.cache_resource hit": lambda: resource_hit("prices.csv"),
        "dict lookup": lambda: plain["prices.csv"],
        "pickle round trip": lambda: pickle.loads(pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)),
    }
    timings: dict[str, list[float]] = {name: [] for name in scenarios}
    order = list(scenarios)
    for _ in range(5):  # warm up
        for call in scenarios.values():
            call()
    for _ in range(args.repeat):
        random.shuffle(order)
        for name in order:
            start = time.perf_counter_ns()
            scenarios[name]()
            timings[name].append((time.perf_counter_ns() - start) / 1000)

    median = {name: statistics.median(values) for name, values in timings.items()}
    print(f"A {size / 1e6:.2f} MB DataFrame ({len(frame):,} rows), {args.repeat} interleaved rounds\n")
    print("| scenario | median µs | ratio to uncached | ratio to dict lookup |")
    print("|---|---:|---:|---:|")
    for name in scenarios:
        print(
            f"| {name} | {median[name]:,.1f} | {median[name] / median['uncached']:.3f}x "
            f"| {median[name] / median['dict lookup']:,.0f}x |"
        )
    st.cache_data.clear()
    st.cache_resource.clear()


if __name__ == "__main__":
    main()
