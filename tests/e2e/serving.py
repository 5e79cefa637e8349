"""`make serve` as the serving tests and the load benchmark start it: Voila with the settings of
`deploy/voila.py`, one notebook, on 127.0.0.1 with a token, plus what they measure on it (the
kernel processes, their memory, the pool).

`command` is the Makefile's `serve` command line (tests/test_serving.py checks the two agree);
the tests and the benchmark add only overrides of single settings (a short cull timeout, the
pool on or off).
"""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import psutil
import servers

REPO = Path(__file__).resolve().parent.parent.parent
DEPLOY = REPO / "deploy"
_KERNEL_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def command(notebook: Path, port: int, token: str, overrides: list[str]) -> list[str]:
    """`make serve`'s command line for `notebook` on 127.0.0.1:`port`, then `overrides`."""
    return [
        sys.executable, "-m", "voila", str(notebook), "--no-browser",
        "--Voila.ip=127.0.0.1", f"--port={port}", f"--Voila.config_file_paths={DEPLOY}",
        f"--token={token}", *overrides,
    ]  # fmt: skip


def start(notebook: Path, home: Path, log_path: Path, overrides: list[str] | None = None) -> servers.Server:
    """Serve `notebook` (a copy in its own folder: Voila's root) as `make serve` does."""
    token = secrets.token_hex(16)
    port = servers.free_port()
    env = servers.isolated_env(home)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command(notebook, port, token, overrides or []),
            cwd=notebook.parent,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, kernels included
        )
    server = servers.Server("voila", notebook.parent, port, token, process, log_path, env)
    try:
        servers.wait_until_up(server)
    except BaseException:
        server.stop()
        raise
    return server


def kernels(server: servers.Server) -> dict[str, psutil.Process]:
    """The server's live kernel processes by kernel id (read from their connection file)."""
    found: dict[str, psutil.Process] = {}
    try:
        children = psutil.Process(server.process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return found
    for child in children:
        try:
            match = _KERNEL_FILE.search(" ".join(child.cmdline()))
            if match and child.status() != psutil.STATUS_ZOMBIE:
                found[match.group(1)] = child
        except psutil.NoSuchProcess:
            continue
    return found


def rss_mb(process: psutil.Process) -> float:
    """Resident memory of a process in MB (0 if it is gone)."""
    try:
        return process.memory_info().rss / 1e6
    except psutil.NoSuchProcess:
        return 0.0


def wait_for(predicate: object, timeout: float, what: str, poll: float = 0.5) -> None:
    """Poll `predicate()` until true; raise naming `what` after `timeout` s (a failure guard)."""
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not happen within {timeout:.0f}s")
        time.sleep(poll)


def pool_filled(server: servers.Server, times: int = 1) -> bool:
    """True once Voila has logged `times` times that the kernel pool is filled."""
    return server.log().count("Kernel pool of") >= times


def pool_size() -> int:
    """The preheated pool's size in deploy/voila.py (0 when preheating is off)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("voila.py", str(DEPLOY)).load_config()
    return int(config.VoilaConfiguration.default_pool_size) if config.VoilaConfiguration.preheat_kernel else 0
