#!/usr/bin/env python
"""Click latency elsewhere while a slow `run_every` fragment ticks, in a real kernel.

Usage::

    python benchmarks/bench_parallel.py [--clicks N] [--body S] [--every S] [--json PATH]

One kernel runs two `%%app` cells, each a fragment whose body sleeps `--body` seconds (0.5)
with `run_every=--every` (0.1 s), beside a small fragment with a button:

a. ``serial``: the slow fragment as Streamlit runs its reruns (``parallel=False``);
b. ``parallel``: the same with ``parallel=True`` (its reruns run on its worker thread).

For each, clicks on the small fragment's button alternate between blocks with the slow
fragment idle (no ticks sent) and blocks with it ticking: this script plays the browser's
ticker (a tick `--every` seconds after the kernel re-armed it), so the slow body runs back to
back, and clicks land at random points of it. A click's latency is the time from sending it
to the kernel being idle for it (`tests/kernel_driver.py`). The report gives, per scenario,
median / p90 / worst of idle and ticking clicks and the ratio of the medians (target for
``parallel``: <= 2x). See benchmarks/README.md. A measurement, not a test: exit code 0.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from kernel_driver import KernelDriver  # noqa: E402
from test_kernel_protocol import descendants  # noqa: E402

TARGET_RATIO = 2.0  # parallel: median click while ticking <= 2 x median idle click
BLOCK = 10  # clicks per idle / ticking block

APP = """\
import time
import nbfrag as st

@st.fragment(run_every={every}, parallel={parallel})
def slow_{name}():
    time.sleep({body})
    st.write(f"slow ran at {{time.time():.3f}}")

@st.fragment
def quick_{name}():
    if st.button("quick {name}"):
        st.session_state.clicks_{name} = st.session_state.get("clicks_{name}", 0) + 1
    st.write(f"clicks: {{st.session_state.get('clicks_{name}', 0)}}")

slow_{name}()
quick_{name}()
"""


@dataclass
class Scenario:
    name: str
    idle_ms: list[float] = field(default_factory=list)
    ticking_ms: list[float] = field(default_factory=list)
    ticks: int = 0
    error: str | None = None

    def ratio(self) -> float:
        return statistics.median(self.ticking_ms) / statistics.median(self.idle_ms)


class Ticker:
    """Plays a browser's ticker view: tick `every` s after each re-arm (a new `seq`)."""

    def __init__(self, kd: KernelDriver, model_id: str, every: float) -> None:
        self.kd, self.model_id, self.every = kd, model_id, every
        self.seq = kd.models[model_id]["seq"]
        self.armed_at = time.perf_counter()
        self.sent = False
        self.count = 0

    def poll(self) -> None:
        seq = self.kd.models[self.model_id]["seq"]
        if seq != self.seq:  # the kernel re-armed it: the run the last tick asked for ended
            self.seq, self.armed_at, self.sent = seq, time.perf_counter(), False
        if not self.sent and time.perf_counter() - self.armed_at >= self.every:
            content = {"method": "custom", "content": {"event": "tick", "seq": self.seq}}
            self.kd._send_comm_msg(self.model_id, content, [])
            self.sent = True
            self.count += 1

    def wait_rearmed(self, timeout: float = 30.0) -> None:
        """Let the run in progress (if any) end, so the fragment is idle."""
        deadline = time.monotonic() + timeout
        while self.sent and time.monotonic() < deadline:
            self.kd.drain(0.02)
            if self.kd.models[self.model_id]["seq"] != self.seq:
                self.seq, self.sent = self.kd.models[self.model_id]["seq"], False


def pause(kd: KernelDriver, seconds: float, ticker: Ticker | None) -> None:
    """Let `seconds` pass while processing iopub (and ticking, if a ticker is given)."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        kd.drain(min(0.01, left))
        if ticker is not None:
            ticker.poll()


def measure(kd: KernelDriver, res: Scenario, clicks: int, every: float, rng: random.Random) -> None:
    source = APP.format(name=res.name, parallel=res.name == "parallel", every=every, body=ARGS.body)
    host = kd.execute("%%app\n" + source)
    (host_id,) = host.displayed_model_ids

    def tickers() -> list[str]:  # a parallel fragment draws its area (and ticker) a bit later
        inside = descendants(kd, host_id)
        return [m for m in kd.find_models(_model_name="AnyModel", interval=every) if m in inside]

    kd.wait_for(lambda: bool(tickers()))
    (ticker_id,) = tickers()
    inside = descendants(kd, host_id)
    (button,) = [m for m in kd.find_models(_model_name="ButtonModel", description=f"quick {res.name}") if m in inside]
    ticker = Ticker(kd, ticker_id, every)
    kd.click(button)  # warm-up
    while len(res.ticking_ms) < clicks:
        for ticking in (False, True):
            if not ticking:
                ticker.wait_rearmed()
            else:
                pause(kd, 2 * every, ticker)  # the body is now running back to back
            for _ in range(BLOCK):
                pause(kd, rng.uniform(0.05, 0.3), ticker if ticking else None)
                result = kd.click(button)
                (res.ticking_ms if ticking else res.idle_ms).append(result.settle_time * 1000)
                if ticking:
                    ticker.poll()
    ticker.wait_rearmed()
    res.ticks = ticker.count


def report(results: list[Scenario]) -> None:
    def fmt(values: list[float]) -> str:
        q = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        return f"{statistics.median(values):7.1f} {q:7.1f} {max(values):7.1f}"

    print(f"\nclick latency (ms) elsewhere while a {ARGS.body}s body ticks every {ARGS.every}s")
    print(f"{'scenario':10} {'idle median/p90/max':>24} {'ticking median/p90/max':>26} {'ratio':>7} {'ticks':>6}")
    for res in results:
        if res.error:
            print(f"{res.name:10} failed: {res.error}")
            continue
        target = f"  (target <= {TARGET_RATIO}x)" if res.name == "parallel" else ""
        idle, ticking = fmt(res.idle_ms), fmt(res.ticking_ms)
        print(f"{res.name:10} {idle:>24} {ticking:>26} {res.ratio():6.1f}x {res.ticks:6}{target}")


def main() -> None:
    rng = random.Random(0)
    results = [Scenario("serial"), Scenario("parallel")]
    with KernelDriver(timeout=120) as kd:
        kd.execute("%load_ext nbfrag")
        for res in results:
            try:
                measure(kd, res, ARGS.clicks, ARGS.every, rng)
            except Exception as exc:  # noqa: BLE001 - a measurement: report and go on
                traceback.print_exc()
                res.error = f"{type(exc).__name__}: {exc}"[:300]
    report(results)
    if ARGS.json:
        Path(ARGS.json).write_text(json.dumps([asdict(r) for r in results], indent=1))


parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--clicks", type=int, default=40, help="clicks while ticking per scenario (as many idle)")
parser.add_argument("--body", type=float, default=0.5, help="seconds the slow fragment's body sleeps")
parser.add_argument("--every", type=float, default=0.1, help="its run_every interval, seconds")
parser.add_argument("--json", help="write the raw latencies here")
ARGS = parser.parse_args() if __name__ == "__main__" else parser.parse_args([])

if __name__ == "__main__":
    main()
