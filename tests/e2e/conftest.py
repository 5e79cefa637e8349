"""Browser-test fixtures: one Chromium per session, one server per client per session, a fresh
browser context per test, and a private copy of each notebook a test opens.

Chromium is Debian's (`/usr/bin/chromium`, see the Makefile); if it cannot start the tests
fail, they never skip. Each test gets its own folder of notebook copies, so no two tests
share a kernel session and the repo's notebooks are never touched. After each test the page
is screenshot into `tests/e2e/artifacts/` (with its console log) and the server's kernels are shut down.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # servers.py, clients.py

import servers  # noqa: E402 - found through the sys.path entry above

REPO = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
NOTEBOOKS = {path.name: path for path in [*(REPO / "notebooks").glob("*.ipynb"), *(HERE / "notebooks").glob("*.ipynb")]}
CLIENTS = ("lab", "notebook", "voila")
CHROMIUM = "/usr/bin/chromium"
TICK_LOG_DIR = "NBFRAG_E2E_TICK_LOG_DIR"
# Flags that work on this kind of machine (no GPU, no sandbox as root, a closed network).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A fake camera and microphone, granted without a prompt (st.camera_input, st.audio_input).
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh temporary user-data-dir.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Server]:
    """One server per client for the whole session (pytest groups tests by client)."""
    client = request.param
    home = tmp_path_factory.mktemp(f"{client}-home")
    root = tmp_path_factory.mktemp(f"{client}-root")
    ticks = home / "ticks"
    ticks.mkdir()
    # ticks.ipynb appends a line per run to <this dir>/<kernel pid>.log when this is set.
    started = servers.start(
        client, root, home, ARTIFACTS / f"{client}-server.log", {TICK_LOG_DIR: str(ticks)}
    )
    yield started
    started.stop()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses `server` runs once per client, unless it picks its clients."""
    if "server" in metafunc.fixturenames and not any(
        m.name == "parametrize" and "server" in m.args[0] for m in metafunc.definition.iter_markers()
    ):
        metafunc.parametrize("server", CLIENTS, indirect=True, scope="session")


@pytest.fixture
def notebook(request: pytest.FixtureRequest, server: servers.Server) -> object:
    """`notebook("name.ipynb")` copies a notebook into this test's folder on the server and
    returns its path relative to the server root."""
    folder = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    (server.root / folder).mkdir()

    def copy(name: str) -> str:
        shutil.copy(NOTEBOOKS[name], server.root / folder / name)
        return f"{folder}/{name}"

    return copy


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: object, server: servers.Server) -> Iterator[object]:
    """A page in a fresh browser context; screenshot into artifacts/ when the test ends."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    (ARTIFACTS / f"{name}.console.txt").write_text("\n".join(console))
    if not page.is_closed():
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
    if server.client != "voila":  # Voila stops a page's kernel itself
        server.shutdown_kernels()
