"""The one-machine JupyterHub recipe (`deploy/jupyterhub_config.py`) with two visitors.

JupyterHub runs that file on 127.0.0.1, changing only what a test machine needs: the dummy
authenticator with a shared password instead of PAM, and the spawner that runs every visitor's
server as the current user (`SimpleLocalProcessSpawner`, a home folder per visitor) instead of
as their system user. Its proxy is configurable-http-proxy from npm (`make chp` installs it in
deploy/node_modules). Two visitors log in in Chromium; each lands on the dashboard in Voila with
their own server and kernel; a click in one changes nothing in the other.

Every process the hub starts (its proxy, the visitors' servers, their kernels) is stopped at the
end, also when the test fails.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
import servers
from clients import PAGE_TIMEOUT_MS
from playwright.sync_api import expect

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
PROXY = REPO / "deploy" / "node_modules" / ".bin" / "configurable-http-proxy"
APP = "serve.ipynb"
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"

TEST_CONFIG = """
import sys
c = get_config()
load_subconfig({recipe!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{home}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{home}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = {{"alice", "bob"}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{home}/users/{{username}}"
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.args.append("--ServerApp.allow_root=True")  # harmless as a user; needed in root containers
c.Spawner.environment = {env!r}
"""


@dataclass
class Hub:
    url: str
    password: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the hub and every process below it, whatever their process group."""
    try:
        family = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # the hub stops the visitors' servers and its proxy
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for child in family:  # anything the hub left behind
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(family, timeout=10)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    if not PROXY.exists():
        pytest.fail(f"{PROXY} is missing: `make chp` installs configurable-http-proxy there")
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    shutil.copy(HERE / "notebooks" / APP, app_dir / APP)
    home = tmp_path / "hub"
    (home / "users").mkdir(parents=True)
    port, password = servers.free_port(), secrets.token_hex(8)
    env = servers.isolated_env(home / "jupyter")  # Jupyter/IPython dirs of the visitors' servers
    kernel_env = {name: env[name] for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR")}
    kernel_env["PYTHONPATH"] = os.environ.get("PYTHONPATH", str(REPO))  # this checkout's nbfrag
    config = home / "test_config.py"
    config.write_text(
        TEST_CONFIG.format(
            recipe=str(REPO / "deploy" / "jupyterhub_config.py"),
            port=port,
            hub_port=servers.free_port(),
            proxy_port=servers.free_port(),
            proxy=str(PROXY),
            home=home,
            password=password,
            env=kernel_env,
        )
    )
    log_path = ARTIFACTS / "jupyterhub.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env.update({"NBFRAG_APP_DIR": str(app_dir), "NBFRAG_APP": APP})
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=home,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = Hub(f"http://127.0.0.1:{port}", password, process, log_path)
    try:
        wait_until_up(started)
        yield started
    finally:
        stop(process)


def wait_until_up(hub: Hub) -> None:
    deadline = time.monotonic() + servers.START_TIMEOUT_S
    while True:
        if hub.process.poll() is not None:
            raise RuntimeError(f"jupyterhub exited with {hub.process.returncode}:\n{hub.log()}")
        try:
            with urllib.request.urlopen(f"{hub.url}/hub/api/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"jupyterhub did not answer on {hub.url}:\n{hub.log()}")
        time.sleep(0.5)


def log_in(page: object, hub: Hub, user: str) -> None:
    """Log in as `user` and wait for the dashboard: the hub starts their server first."""
    page.goto(f"{hub.url}/hub/login", timeout=PAGE_TIMEOUT_MS)  # type: ignore[attr-defined]
    page.fill("input[name='username']", user)  # type: ignore[attr-defined]
    page.fill("input[name='password']", hub.password)  # type: ignore[attr-defined]
    page.click("input[type='submit'], button[type='submit']")  # type: ignore[attr-defined]
    page.locator(".nbfrag-app").wait_for(timeout=PAGE_TIMEOUT_MS * 2)  # type: ignore[attr-defined]


def test_two_visitors_log_in_and_each_gets_their_own_dashboard(hub, browser) -> None:
    alice, bob = browser.new_context(), browser.new_context()
    try:
        page_a, page_b = alice.new_page(), bob.new_page()
        log_in(page_a, hub, "alice")
        log_in(page_b, hub, "bob")
        assert "/user/alice/voila/render/" in page_a.url and "/user/bob/voila/render/" in page_b.url
        assert page_a.evaluate(KERNEL_ID) != page_b.evaluate(KERNEL_ID)
        app_a, app_b = page_a.locator(".nbfrag-app"), page_b.locator(".nbfrag-app")
        expect(app_a).to_contain_text("Clicks: 0")
        expect(app_b).to_contain_text("Clicks: 0")

        app_a.locator("button", has_text="Count").click()
        expect(app_a).to_contain_text("Clicks: 1")
        app_b.locator("button", has_text="Count").click()
        expect(app_b).to_contain_text("Clicks: 1")  # not 2: Alice's click is hers alone
        expect(app_a).to_contain_text("Clicks: 1")

        # Without logging in, nobody reaches a dashboard.
        anonymous = browser.new_context()
        page = anonymous.new_page()
        page.goto(f"{hub.url}/user/alice/voila/render/{APP}", timeout=PAGE_TIMEOUT_MS)
        expect(page.locator("input[name='password']")).to_be_visible()
        anonymous.close()
    finally:
        for context, name in ((alice, "alice"), (bob, "bob")):
            for page in context.pages:
                page.screenshot(path=str(ARTIFACTS / f"jupyterhub-{name}.png"), full_page=True)
            context.close()
