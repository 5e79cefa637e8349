#!/usr/bin/env python
"""Many visitors at once on `make serve`: first paint, clicks, memory, culled kernels, errors.

Usage::

    python benchmarks/bench_load.py [--levels 1,10,30] [--browsers 2] [--notebook PATH]
                                    [--cull-timeout S] [--json PATH]

For each mode (Voila's preheated kernel pool on, as `make serve` has it, then off) one server
is started with `make serve`'s settings (`deploy/voila.py`; only the cull timeout is shortened
so the run stays short, and closed tabs are what is culled), and for each level that many
visitors arrive at once: `--browsers` of them (none in a level of one) are Chromium pages (Playwright), the others are
protocol visitors (`tests/e2e/visitors.py`: the page's HTTP request, the kernel websocket,
every widget model loaded, then a click). Per level it reports:

- first paint p50/p95 (s): request to every widget model loaded (protocol visitors), and the
  slowest Chromium page's request to the app on screen (`performance.now()` in the page: it
  adds loading and running Voila's JavaScript);
- click p50/p95 (s): "Count" (a full rerun of the visitor desk app,
  tests/e2e/notebooks/serve.ipynb: a text input, a click counter and a live fragment) to the
  kernel's idle, while every visitor of the level is connected (protocol visitors);
- kernel RSS per visitor (MB, mean) and the server's RSS;
- visitor kernels alive after every visitor left and the cull timeout passed (must be 0);
- errors (must be 0): failed pages or clicks, and any visitor whose page does not read
  "Clicks: 1" after its own single click (state leaking between visitors would make it
  higher).

The last table gives preheated / fresh ratios per level. A measurement, not a test: the exit
code is 0 whatever the numbers are. About 10 minutes on a 2-core machine with the defaults.
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import statistics
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "e2e"))

import serving  # noqa: E402
from visitors import Visitor  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAGE_TIMEOUT_MS = 240_000  # a failure guard: a page not painted by then counts as an error
GRACE_S = 30  # deploy/voila.py's grace for kernels no page connected to yet (there: 120 s)
NAN = float("nan")
CLICK = "Count"
AFTER_CLICK = "Clicks: 1"
APP = ".nbfrag-app"
# Records when the first app area appears in the page (ms since navigation start).
PAINT_PROBE = """
new MutationObserver((_, observer) => {
  if (document.querySelector(".nbfrag-app")) { window.__nbfragPaint = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


@dataclass
class Level:
    mode: str
    visitors: int
    browsers: int
    first_paint: list[float] = field(default_factory=list)
    browser_paint: list[float] = field(default_factory=list)
    clicks: list[float] = field(default_factory=list)
    kernel_rss_mb: list[float] = field(default_factory=list)
    server_rss_mb: float = 0.0
    kernels_left: int = -1
    errors: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        return [
            self.mode, str(self.visitors), str(self.browsers),
            fmt(pct(self.first_paint, 50)), fmt(pct(self.first_paint, 95)), fmt(max(self.browser_paint, default=NAN)),
            fmt(pct(self.clicks, 50)), fmt(pct(self.clicks, 95)),
            f"{statistics.fmean(self.kernel_rss_mb):.0f}" if self.kernel_rss_mb else "-",
            f"{self.server_rss_mb:.0f}", str(self.kernels_left), str(len(self.errors)),
        ]  # fmt: skip


def pct(values: list[float], q: int) -> float:
    """The q-th percentile (nearest rank) of `values`, NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def fmt(value: float) -> str:
    return "-" if value != value else f"{value:.2f}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)])


def protocol_visitor(
    url: str, start: threading.Barrier, level: Level, visitors: list[Visitor], lock: threading.Lock
) -> None:
    visitor = Visitor(url)
    try:
        start.wait()
        paint = visitor.open()
        with lock:
            level.first_paint.append(paint)
            visitors.append(visitor)
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        with lock:
            level.errors.append(f"page: {exc!r}")


def click_visitor(visitor: Visitor, level: Level, lock: threading.Lock) -> None:
    try:
        latency = visitor.click(CLICK)
        page_text = "\n".join(visitor.texts())
        with lock:
            level.clicks.append(latency)
            if AFTER_CLICK not in page_text:
                level.errors.append(f"after one click the page does not read {AFTER_CLICK!r}")
    except Exception as exc:  # noqa: BLE001
        with lock:
            level.errors.append(f"click: {exc!r}")


def run_level(
    server: serving.servers.Server, browser: object, mode: str, n: int, browsers: int, cull_s: float
) -> Level:
    browsers = min(browsers, n - 1)  # at least one protocol visitor: a level of one has no browser
    level = Level(mode, n, browsers)
    url = server.url("")
    lock = threading.Lock()
    visitors: list[Visitor] = []
    start = threading.Barrier(n - browsers + 1)
    threads = [
        threading.Thread(target=protocol_visitor, args=(url, start, level, visitors, lock)) for _ in range(n - browsers)
    ]
    for thread in threads:
        thread.start()
    contexts = []
    start.wait()  # everyone arrives together; the browser pages are requested right after
    for _ in range(browsers):
        context = browser.new_context()  # type: ignore[attr-defined]
        context.add_init_script(PAINT_PROBE)
        page = context.new_page()
        contexts.append((context, page))
        try:
            page.goto(url, wait_until="commit", timeout=300_000)
        except Exception as exc:  # noqa: BLE001
            level.errors.append(f"browser page: {exc!r}")
    for _context, page in contexts:
        try:
            page.wait_for_function("window.__nbfragPaint !== undefined", timeout=PAGE_TIMEOUT_MS, polling=100)
            level.browser_paint.append(page.evaluate("window.__nbfragPaint") / 1000)
        except Exception as exc:  # noqa: BLE001
            level.errors.append(f"browser paint: {exc!r}")
            page.screenshot(path=str(Path(tempfile.gettempdir()) / "bench-load-blank-page.png"))
    for thread in threads:
        thread.join()

    # Every visitor is connected: each clicks once, all at once.
    clickers = [threading.Thread(target=click_visitor, args=(v, level, lock)) for v in visitors]
    for thread in clickers:
        thread.start()
    for _context, page in contexts:
        try:
            page.locator("button", has_text=CLICK).click(timeout=120_000)
            page.locator(APP, has_text=AFTER_CLICK).wait_for(timeout=120_000)
        except Exception as exc:  # noqa: BLE001
            level.errors.append(f"browser click: {exc!r}")
    for thread in clickers:
        thread.join()

    ids = [v.kernel_id for v in visitors]
    for _context, page in contexts:
        try:
            ids.append(page.evaluate(KERNEL_ID))
        except Exception as exc:  # noqa: BLE001
            level.errors.append(f"browser kernel id: {exc!r}")
    live = serving.kernels(server)
    level.kernel_rss_mb = [serving.rss_mb(live[k]) for k in ids if k in live]
    level.server_rss_mb = serving.rss_mb(serving.psutil.Process(server.process.pid))

    # Everyone leaves (tabs closed); after the cull timeout no visitor kernel may be left.
    for visitor in visitors:
        visitor.close()
    for context, _page in contexts:
        context.close()
    # A kernel whose page left before the culler saw it connected is kept for the grace period.
    deadline = time.monotonic() + GRACE_S + cull_s * 2 + 10
    while set(ids) & set(serving.kernels(server)) and time.monotonic() < deadline:
        time.sleep(1)
    level.kernels_left = len(set(ids) & set(serving.kernels(server)))
    return level


def run_mode(
    browser: object, mode: str, notebook: Path, levels: list[int], browsers: int, cull_s: float
) -> list[Level]:
    overrides = [
        f"--MappingKernelManager.cull_idle_timeout={cull_s:g}",
        f"--MappingKernelManager.cull_interval={max(1, int(cull_s / 2))}",
        "--MappingKernelManager.cull_connected=False",  # what is culled here: closed tabs
        f"--PoolKernelManager.connect_grace={GRACE_S}",
    ]
    if mode == "fresh":
        overrides.append("--VoilaConfiguration.preheat_kernel=False")
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        copy = root / notebook.name
        copy.write_bytes(notebook.read_bytes())
        server = serving.start(copy, Path(tmp) / "home", Path(tmp) / "voila.log", overrides)
        try:
            if mode == "preheated":
                serving.wait_for(lambda: serving.pool_filled(server), 300, "the kernel pool filling")
            results = []
            for n in levels:
                if mode == "preheated":  # the pool refills after each level
                    serving.wait_for(lambda: not_filling(server), 300, "the pool refilling")
                # Visitors arrive at a calm moment: the pool's kernels have run the notebook.
                serving.wait_for(lambda: settled(server), 300, "the kernels going idle", poll=0)
                print(f"  {mode}: {n} visitor(s)...", flush=True)
                results.append(run_level(server, browser, mode, n, browsers, cull_s))
                print("  " + " | ".join(results[-1].row()), *results[-1].errors[:3], sep="\n  ", flush=True)
            return results
        finally:
            server.stop()


def settled(server: serving.servers.Server) -> bool:
    """True when the server and every kernel used less than 5% of a core over the last second."""
    processes = [serving.psutil.Process(server.process.pid), *serving.kernels(server).values()]
    for process in processes:
        process.cpu_percent()
    time.sleep(1)
    return all(process.cpu_percent() < 5 for process in processes)


def not_filling(server: serving.servers.Server) -> bool:
    """True once Voila has logged that the pool is full again since it last handed a kernel out."""
    log = server.log()
    return log.rfind("Kernel pool of") > log.rfind("Using pre-heated kernel")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,10,30", help="visitors arriving at once, per level")
    parser.add_argument("--browsers", type=int, default=2, help="Chromium pages among them")
    parser.add_argument("--notebook", type=Path, default=REPO / "tests" / "e2e" / "notebooks" / "serve.ipynb")
    parser.add_argument("--cull-timeout", type=float, default=10.0, help="seconds (make serve: 600)")
    parser.add_argument("--modes", default="preheated,fresh", help="preheated, fresh or both")
    parser.add_argument("--json", type=Path, help="write the raw numbers here")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the server (finally) when killed
    from playwright.sync_api import sync_playwright

    results: dict[str, list[Level]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for mode in args.modes.split(","):
                try:
                    results[mode] = run_mode(browser, mode, args.notebook, levels, args.browsers, args.cull_timeout)
                except Exception:  # noqa: BLE001 - report what ran
                    traceback.print_exc()
        finally:
            browser.close()

    header = [
        "mode", "visitors", "of them Chromium", "first paint p50 (s)", "p95", "Chromium first paint, max (s)",
        "click p50 (s)", "p95",
        "kernel RSS per visitor (MB)", "server RSS (MB)", "visitor kernels left after cull", "errors",
    ]  # fmt: skip
    print(f"\nLoad on `make serve` ({args.notebook.name}), cull timeout {args.cull_timeout:g} s\n")
    print(table(header, [level.row() for mode in results.values() for level in mode]))
    if len(results) == 2:
        ratios = []
        for hot, cold in zip(results["preheated"], results["fresh"], strict=True):
            ratio = [pct(hot.first_paint, q) / pct(cold.first_paint, q) for q in (50, 95)]
            ratio += [pct(hot.clicks, q) / pct(cold.clicks, q) for q in (50, 95)]
            ratios.append([str(hot.visitors), *(f"{r:.2f}" for r in ratio)])
        print("\nPreheated / fresh (below 1: the pool helps)\n")
        print(table(["visitors", "first paint p50", "p95", "click p50", "p95"], ratios))
    for mode in results.values():
        for level in mode:
            for error in level.errors[:5]:
                print(f"error ({level.mode}, {level.visitors}): {error}")
    if args.json:
        args.json.write_text(json.dumps({m: [asdict(lv) for lv in r] for m, r in results.items()}, indent=1))


if __name__ == "__main__":
    main()
