"""Serving many visitors, without a browser: `import nbfrag` stays light, `make serve` runs Voila
with `deploy/voila.py`, and that file's settings and kernel manager do what they promise.
The served pages themselves are tested in tests/e2e/test_serve.py."""

from __future__ import annotations

import asyncio
import datetime
import json
import subprocess
import sys
import threading
from collections.abc import Coroutine
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from traitlets.config.loader import PyFileConfigLoader

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
# Loaded by nbfrag only when a command needs them (each costs a visitor's kernel megabytes).
HEAVY = ("pandas", "numpy", "matplotlib", "plotly", "pygments", "altair", "PIL", "sympy", "pyarrow")
# What `import nbfrag` leaves out of sys.modules beyond what its own dependencies already import.
_PROBE = """
import json, sys
import IPython, ipywidgets, anywidget, markdown_it, nh3  # nbfrag's dependencies import what they import
before = set(sys.modules)
import nbfrag
new = {name.split(".")[0] for name in set(sys.modules) - before}
print(json.dumps({"new": sorted(new), "loaded": sorted(m for m in %r if m in sys.modules)}))
"""


def test_import_nbfrag_loads_no_heavy_library() -> None:
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY,)], capture_output=True, text=True, check=True, cwd=REPO
    )
    result = json.loads(probe.stdout.strip().splitlines()[-1])
    assert "nbfrag" in result["new"]
    assert not set(HEAVY) & set(result["new"]), f"`import nbfrag` imported {set(HEAVY) & set(result['new'])}"
    # pygments comes with IPython itself; everything else must not be loaded at all.
    assert set(result["loaded"]) <= {"pygments"}, result["loaded"]


def make_dry_run(*variables: str) -> str:
    """The commands `make serve` would run, without running them."""
    return subprocess.run(
        ["make", "-n", "serve", *variables], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout


def test_make_serve_runs_voila_with_the_deploy_settings_on_localhost_by_default() -> None:
    (line,) = [line for line in make_dry_run().splitlines() if "bin/voila " in line]
    assert "notebooks/dashboard.ipynb" in line
    assert "--Voila.ip=127.0.0.1" in line
    assert "--Voila.config_file_paths=deploy" in line
    assert "--port=8866" in line


def test_make_serve_takes_a_notebook_a_host_and_a_port() -> None:
    out = make_dry_run("NOTEBOOK=notebooks/chat.ipynb", "HOST=0.0.0.0", "SERVE_PORT=9000")
    (line,) = [line for line in out.splitlines() if "bin/voila " in line]
    assert "notebooks/chat.ipynb" in line and "--Voila.ip=0.0.0.0" in line and "--port=9000" in line


@pytest.fixture(scope="module")
def config() -> object:
    return PyFileConfigLoader("voila.py", str(DEPLOY)).load_config()


def test_voila_settings_preheat_cull_wait_and_hide_tracebacks(config) -> None:
    assert config.VoilaConfiguration.preheat_kernel is True
    assert config.VoilaConfiguration.default_pool_size >= 1
    assert config.VoilaConfiguration.show_tracebacks is False
    assert config.VoilaExecutor.iopub_timeout >= 60  # the default 4 s left pages blank under a burst
    assert config.MappingKernelManager.cull_idle_timeout > 0
    assert 0 < config.MappingKernelManager.cull_interval <= config.MappingKernelManager.cull_idle_timeout
    assert config.VoilaConfiguration.multi_kernel_manager_class.__name__ == "PoolKernelManager"


def run(coroutine: Coroutine[Any, Any, Any]) -> None:
    """Run `coroutine` in a thread of its own: the browser tests leave an event loop running in
    the main thread when they ran first in the same session."""
    thread = threading.Thread(target=asyncio.run, args=(coroutine,))
    thread.start()
    thread.join()


class _Kernel:
    """What the culler reads of a kernel: idle for an hour."""

    def __init__(self) -> None:
        self.last_activity = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
        self.execution_state = "idle"
        self.kernel_name = "python3"
        self.kernel_spec = SimpleNamespace(metadata={})


def make_manager(config, stopped: list[str]) -> object:
    """The kernel manager of deploy/voila.py with a fake `shutdown_kernel` recording its calls."""
    manager = config.VoilaConfiguration.multi_kernel_manager_class(cull_idle_timeout=600, cull_connected=False)

    async def shutdown(kernel_id: str, *args: object, **kwargs: object) -> None:
        stopped.append(kernel_id)
        manager._kernels.pop(kernel_id)

    manager.shutdown_kernel = shutdown  # type: ignore[method-assign]
    return manager


def test_a_kernel_no_page_has_connected_to_yet_is_not_culled_before_the_grace_period(config) -> None:
    stopped: list[str] = []
    manager = make_manager(config, stopped)
    manager._kernels["k"] = _Kernel()  # idle for an hour: it waited in the pool
    manager._kernel_connections["k"] = 0
    # Its visitor's page may not have connected yet: not culled.
    run(manager.cull_kernel_if_idle("k"))
    assert stopped == []
    # The page never came: after the grace period the usual rules cull it.
    manager._first_seen["k"] -= datetime.timedelta(seconds=manager.connect_grace)
    run(manager.cull_kernel_if_idle("k"))
    assert stopped == ["k"]


def test_a_kernel_whose_page_connected_and_left_is_culled_without_grace(config) -> None:
    stopped: list[str] = []
    manager = make_manager(config, stopped)
    manager._kernels["k"] = _Kernel()
    manager._kernel_connections["k"] = 1  # a page is connected: kept (cull_connected=False)
    run(manager.cull_kernel_if_idle("k"))
    assert stopped == []
    manager._kernel_connections["k"] = 0  # the tab was closed, the kernel idle for an hour
    run(manager.cull_kernel_if_idle("k"))
    assert stopped == ["k"]
