"""Jupyter servers for the browser tests: JupyterLab 4, Notebook 7 and Voila, each started on
127.0.0.1 with a token and a free port, in its own process group, with every Jupyter
directory (config, data, runtime, workspaces, settings, IPython) in a temporary folder.

The servers serve a temporary *copy* of the notebooks: JupyterLab autosaves, and the repo's
notebooks must never change under a test. Output goes to a log file next to the
screenshots, so a server that fails to start says why.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Lab/Notebook user settings the tests need, written into the temporary settings dir:
# - every cell rendered (the default windowing leaves off-screen outputs out of the DOM);
# - no news/update notification over the page.
USER_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

START_TIMEOUT_S = 90.0  # an upper bound for a cold start on a loaded 2-core machine


def free_port() -> int:
    """A port nothing listens on right now (the server is told to fail, not retry, if taken)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running server: where it is, how to authenticate, and its notebook folder."""

    client: str  # "lab", "notebook" or "voila"
    root: Path
    port: int
    token: str
    process: subprocess.Popen[bytes]
    log_path: Path
    env: dict[str, str] = field(repr=False)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The page at `path` (relative to the server root) with the token."""
        sep = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{sep}token={self.token}"

    def notebook_url(self, relpath: str) -> str:
        """The URL that opens a notebook (relative to `root`) in this client."""
        prefix = {"lab": "lab/tree", "notebook": "notebooks", "voila": "voila/render"}[self.client]
        return self.url(f"{prefix}/{relpath}")

    def api(self, method: str, path: str) -> Any:
        """Call the server's REST API (Lab/Notebook only)."""
        request = urllib.request.Request(
            f"{self.base}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every kernel (Lab/Notebook), so tests neither share state nor share the CPU."""
        for kernel in self.api("GET", "kernels"):
            try:
                self.api("DELETE", f"kernels/{kernel['id']}")
            except urllib.error.HTTPError as exc:
                if exc.code != 404:  # already gone is fine
                    raise

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        """Stop the server and everything it started (kernels included): its process group."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        # Kernels run in the server's process group; make sure none outlives the server.
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def isolated_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a server: every Jupyter/IPython directory inside `home`."""
    env = dict(os.environ)
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        "JUPYTERLAB_SETTINGS_DIR": home / "config" / "lab" / "user-settings",
        "IPYTHONDIR": home / "ipython",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    for name, settings in USER_SETTINGS.items():
        target = dirs["JUPYTERLAB_SETTINGS_DIR"] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings))
    env.pop("JUPYTER_PATH", None)  # the venv's own share/jupyter stays on the path
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


def command(client: str, root: Path, port: int, token: str) -> list[str]:
    """The command line that serves `root` with `client` on 127.0.0.1:`port`."""
    python = sys.executable  # the test's venv: its kernel spec, extensions and nbfrag
    if client == "voila":
        return [
            python, "-m", "voila", str(root), "--no-browser",
            "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}",
        ]  # fmt: skip
    app = {"lab": ("jupyterlab", "LabApp"), "notebook": ("notebook", "JupyterNotebookApp")}[client]
    return [
        python, "-m", app[0], "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        "--ServerApp.allow_root=True",  # harmless as a user; needed in root containers
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        # Tests drive the app's own commands (run all, run cell) through window.jupyterapp.
        f"--{app[1]}.expose_app_in_browser=True",
    ]  # fmt: skip


def start(client: str, root: Path, home: Path, log_path: Path, extra_env: dict[str, str] | None = None) -> Server:
    """Start `client` serving `root`; returns once it answers HTTP, or raises with its log."""
    token = secrets.token_hex(16)
    port = free_port()
    env = isolated_env(home, extra_env)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command(client, root, port, token),
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, kernels included
        )
    server = Server(client, root, port, token, process, log_path, env)
    try:
        wait_until_up(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_up(server: Server) -> None:
    """Poll until the server answers with the token (an upper bound, not a timing claim)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    probe = server.url("api/status" if server.client != "voila" else "")
    while True:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"{server.client} server exited with {server.process.returncode}:\n{server.log()}"
            )
        try:
            with urllib.request.urlopen(probe, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"{server.client} server did not answer on {server.base} within "
                f"{START_TIMEOUT_S:.0f}s:\n{server.log()}"
            )
        time.sleep(0.25)
