#!/usr/bin/env python
"""First paint of the same app in Voila (nbfrag) and in Streamlit 1.67, in one run, as a ratio.

Usage::

    python benchmarks/bench_first_paint.py [--streamlit PATH] [--loads 5] [--warmup 1]
                                           [--modes fresh,preheated] [--json PATH]

The app is ``tests/examples.py: FIRST_RENDER`` (a title, a sidebar with a slider, a fragment
with a button and a text, and 200 ``st.text`` lines). It is served twice on 127.0.0.1:

- nbfrag: a notebook (``%load_ext nbfrag``, then the app as an ``%%app`` cell) served by Voila
  as ``make serve`` does (``tests/e2e/serving.py``, ``deploy/voila.py``). Mode ``fresh`` turns
  Voila's preheated kernel pool off, so each page starts a kernel and runs the notebook: the
  counterpart of Streamlit running the script once per visitor. Mode ``preheated`` (``make
  serve``'s setting) is measured too unless ``--modes fresh``; before each of its loads the
  pool has refilled.
- Streamlit: the same source with ``import streamlit as st`` in a ``.py`` file, run by
  ``streamlit run --server.headless true`` from ``--streamlit`` (a python with
  ``streamlit==1.67.0``; ``make bench`` creates ``.venv-streamlit`` for it, outside the
  project's venv).

Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) loads each page ``--loads``
times in a fresh browser context (no cache), the servers taking turns (the order alternates
every round), after ``--warmup`` unmeasured loads each. First paint is navigation start to
the first animation frame after the 200th line ("line 199 at level 5") is in the page: in
Voila inside the nbfrag app area, in Streamlit in its ``stText`` elements. Every websocket
frame of the page up to then is counted (messages and bytes, both directions).

Reported: p50/p95 first paint per server, the ratio nbfrag / Streamlit (p50 and p95), and
websocket messages/bytes per page. Every server and browser is stopped on exit, also on a
failure or SIGTERM. A measurement, not a test: the exit code is 0 whatever the numbers are
(1 if a server could not start or the run stopped early; what ran is reported).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for folder in ("tests", "tests/e2e", "benchmarks"):
    sys.path.insert(0, str(REPO / folder))

import nbformat  # noqa: E402
import serving  # noqa: E402
from bench_load import CHROMIUM, CHROMIUM_ARGS, not_filling, pct, settled, table  # noqa: E402
from examples import FIRST_RENDER, FIRST_RENDER_LINES  # noqa: E402

LAST_LINE = f"line {FIRST_RENDER_LINES - 1} at level 5"
PAGE_TIMEOUT_MS = 180_000  # a failure guard: a page not painted by then counts as an error
START_TIMEOUT_S = 120.0
STREAMLIT_DEFAULT = REPO / ".venv-streamlit" / "bin" / "python"
# Records, once, the first animation frame after the last line is in an element matching the
# selector (ms since navigation start).
PAINT_PROBE = """
(() => {
  const done = () => [...document.querySelectorAll(%s)].some(e => e.textContent.includes(%s));
  new MutationObserver((_, observer) => {
    if (window.__paintSeen || !done()) return;
    window.__paintSeen = true;
    observer.disconnect();
    requestAnimationFrame(() => { window.__paint = performance.now(); });
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""
SELECTORS = {"nbfrag": ".nbfrag-app", "streamlit": '[data-testid="stText"]'}


@dataclass
class Site:
    """One server under measurement and what its pages measured."""

    name: str  # "nbfrag fresh", "nbfrag preheated", "streamlit"
    url: str
    selector: str
    paints: list[float] = field(default_factory=list)
    ws_messages: list[int] = field(default_factory=list)
    ws_bytes: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        mean = statistics.fmean
        return [
            self.name, str(len(self.paints)), f"{pct(self.paints, 50):.2f}", f"{pct(self.paints, 95):.2f}",
            f"{mean(self.ws_messages):.0f}" if self.ws_messages else "-",
            f"{mean(self.ws_bytes) / 1000:.0f}" if self.ws_bytes else "-", str(len(self.errors)),
        ]  # fmt: skip


def notebook_source() -> str:
    """The nbfrag notebook: load the extension, then the app as an `%%app` cell."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_code_cell("%load_ext nbfrag"),
        nbformat.v4.new_code_cell("%%app\n" + FIRST_RENDER.strip() + "\n"),
    ]
    return nbformat.writes(notebook)


def streamlit_source() -> str:
    """The same app for Streamlit: only the import differs."""
    source = FIRST_RENDER.replace("import nbfrag as st", "import streamlit as st")
    assert source != FIRST_RENDER, "FIRST_RENDER no longer imports nbfrag as st"
    return source


class Streamlit:
    """`streamlit run` of one script on 127.0.0.1, in its own process group."""

    def __init__(self, python: Path, script: Path, home: Path, log_path: Path) -> None:
        self.port = serving.servers.free_port()
        env = {**os.environ, "HOME": str(home)}  # its ~/.streamlit stays in the temp folder
        env.pop("PYTHONPATH", None)
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [
                    str(python), "-m", "streamlit", "run", str(script),
                    "--server.headless", "true", "--server.port", str(self.port),
                    "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                ],
                cwd=script.parent, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}/"

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        log = self.log_path.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"streamlit did not start on port {self.port}; its log ends with:\n{log}")

    def stop(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                continue


def load(browser: object, site: Site, record: bool) -> None:
    """One page load in a fresh browser context: first paint and websocket traffic until then."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = None
    try:
        context.add_init_script(PAINT_PROBE % (json.dumps(site.selector), json.dumps(LAST_LINE)))
        page = context.new_page()
        frames = [0, 0]
        counting = [True]

        def on_frame(payload: str | bytes) -> None:
            if counting[0]:
                frames[0] += 1
                frames[1] += len(payload.encode() if isinstance(payload, str) else payload)

        def on_websocket(ws: object) -> None:
            ws.on("framereceived", on_frame)  # type: ignore[attr-defined]
            ws.on("framesent", on_frame)  # type: ignore[attr-defined]

        page.on("websocket", on_websocket)
        page.goto(site.url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        page.wait_for_function("window.__paint !== undefined", timeout=PAGE_TIMEOUT_MS, polling=50)
        counting[0] = False
        paint = page.evaluate("window.__paint") / 1000
        if record:
            site.paints.append(paint)
            site.ws_messages.append(frames[0])
            site.ws_bytes.append(frames[1])
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        site.errors.append(repr(exc)[:300])
        if page is not None:
            page.screenshot(path=str(Path(tempfile.gettempdir()) / "bench-first-paint-error.png"))
    finally:
        context.close()


def calm(voila: list[serving.servers.Server], preheated: serving.servers.Server | None) -> None:
    """Wait until the pool (if any) has refilled and every Voila server and kernel is idle."""
    if preheated is not None:
        serving.wait_for(lambda: not_filling(preheated), 300, "the kernel pool refilling")
    for server in voila:
        serving.wait_for(lambda s=server: idle(s), 300, "the kernels going idle", poll=0)


def idle(server: serving.servers.Server) -> bool:
    """bench_load's `settled`, where a kernel culled while it is being looked at means "not yet"."""
    try:
        return settled(server)
    except serving.psutil.NoSuchProcess:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--streamlit", type=Path, default=STREAMLIT_DEFAULT, help="a python with streamlit==1.67.0")
    parser.add_argument("--loads", type=int, default=5, help="measured page loads per server")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured page loads per server first")
    parser.add_argument("--modes", default="fresh,preheated", help="Voila modes: fresh, preheated or both")
    parser.add_argument("--json", type=Path, help="write the raw numbers here")
    args = parser.parse_args()
    if not args.streamlit.exists():
        sys.exit(f"{args.streamlit} is missing: `make bench` creates it, or pass --streamlit PATH")
    modes = args.modes.split(",")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the servers (finally) when killed
    from playwright.sync_api import sync_playwright

    stoppers: list[serving.servers.Server | Streamlit] = []
    sites: list[Site] = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-first-paint-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            voila: dict[str, serving.servers.Server] = {}
            for mode in modes:
                root = tmp / f"voila-{mode}"
                root.mkdir()
                (root / "first_paint.ipynb").write_text(notebook_source())
                overrides = [
                    "--MappingKernelManager.cull_idle_timeout=20",  # kernels of closed tabs go
                    "--MappingKernelManager.cull_interval=10",
                    "--MappingKernelManager.cull_connected=False",
                    "--PoolKernelManager.connect_grace=30",
                ]
                if mode == "fresh":
                    overrides.append("--VoilaConfiguration.preheat_kernel=False")
                print(f"starting Voila ({mode})...", flush=True)
                notebook, home, log = root / "first_paint.ipynb", tmp / f"home-{mode}", tmp / f"voila-{mode}.log"
                server = serving.start(notebook, home, log, overrides)
                stoppers.append(server)
                voila[mode] = server
                sites.append(Site(f"nbfrag {mode}", server.url(""), SELECTORS["nbfrag"]))
            if "preheated" in voila:
                serving.wait_for(lambda: serving.pool_filled(voila["preheated"]), 300, "the kernel pool filling")
            app = tmp / "streamlit" / "first_paint.py"
            app.parent.mkdir()
            app.write_text(streamlit_source())
            (tmp / "streamlit-home").mkdir()
            print("starting Streamlit...", flush=True)
            streamlit = Streamlit(args.streamlit, app, tmp / "streamlit-home", tmp / "streamlit.log")
            stoppers.append(streamlit)
            streamlit.wait_until_up()
            sites.append(Site("streamlit", streamlit.url, SELECTORS["streamlit"]))

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    for round_ in range(args.warmup + args.loads):
                        record = round_ >= args.warmup
                        order = sites if round_ % 2 == 0 else sites[::-1]
                        for site in order:
                            calm(list(voila.values()), voila.get("preheated"))
                            load(browser, site, record)
                        done = " | ".join(f"{s.name} {s.paints[-1]:.2f}s" for s in sites if s.paints and record)
                        print(f"  round {round_ + 1}{'' if record else ' (warm-up)'}: {done}", flush=True)
                finally:
                    browser.close()
        except Exception as exc:  # noqa: BLE001 - report what ran; everything is stopped below
            print(f"failed: {exc!r}", file=sys.stderr)
            failed = True
        finally:
            for stopper in reversed(stoppers):
                stopper.stop()

    print(f"\nFirst paint of FIRST_RENDER ({FIRST_RENDER_LINES} text lines, sidebar, fragment), "
          f"{args.loads} loads each, Chromium\n")  # fmt: skip
    header = ["server", "loads", "first paint p50 (s)", "p95 (s)", "ws messages/page", "ws KB/page", "errors"]
    print(table(header, [site.row() for site in sites]))
    base = next((site for site in sites if site.name == "streamlit" and site.paints), None)
    ratios = [
        [site.name, *(f"{pct(site.paints, q) / pct(base.paints, q):.2f}" for q in (50, 95))]
        for site in sites
        if base is not None and site is not base and site.paints
    ]
    print("\nnbfrag / Streamlit (above 1: Streamlit paints first)\n")
    print(table(["server", "p50 ratio", "p95 ratio"], ratios))
    for site in sites:
        for error in site.errors[:3]:
            print(f"error ({site.name}): {error}")
    if args.json:
        args.json.write_text(json.dumps([asdict(site) for site in sites], indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
