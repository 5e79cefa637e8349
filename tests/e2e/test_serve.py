"""`make serve` with many visitors: Voila's preheated kernels, culled kernels, private state.

Each test starts Voila exactly as `make serve` does (`tests/e2e/serving.py`: the settings of
`deploy/voila.py`) on a copy of `tests/e2e/notebooks/serve.ipynb`:
a text box, a counter button and a panel that reruns every second while a page shows it.
Visitors are Chromium pages and protocol visitors (`tests/e2e/visitors.py`, the page's HTTP
and websocket traffic without a browser).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serving
from clients import commit
from playwright.sync_api import expect
from visitors import Visitor

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"  # the servers' logs, next to the other browser tests' screenshots
NOTEBOOK = "serve.ipynb"
KERNEL_ID = "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"


def serve(tmp_path: Path, name: str, overrides: list[str] | None = None) -> serving.servers.Server:
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(HERE / "notebooks" / NOTEBOOK, root / NOTEBOOK)
    return serving.start(root / NOTEBOOK, tmp_path / "home", ARTIFACTS / f"serve-{name}.log", overrides)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[serving.servers.Server]:
    """`make serve` as configured, waiting until its pool of preheated kernels is full."""
    started = serve(tmp_path, "preheated")
    try:
        serving.wait_for(lambda: serving.pool_filled(started), 120, "the kernel pool filling")
        yield started
    finally:
        started.stop()


def visitor_texts(visitor: Visitor, needle: str) -> list[str]:
    return [text for text in visitor.texts() if needle in text]


def test_preheated_kernel_paints_the_app_and_ticks_only_once_a_page_shows_it(served, browser) -> None:
    # Time passes after the pool ran the notebook: a fragment with run_every=1 must not rerun
    # while no page shows it (the preheated kernel has no view yet).
    time.sleep(2.5)
    early = Visitor(served.url(""))
    early.open()
    assert f"Using pre-heated kernel: {early.kernel_id}" in served.log()
    assert visitor_texts(early, "Live panel runs: 1"), early.texts()
    early.close()

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served.url(""))
        app = page.locator(".nbfrag-app")
        expect(app).to_contain_text("Visitor desk")  # the first paint is the app, not a blank page
        assert f"Using pre-heated kernel: {page.evaluate(KERNEL_ID)}" in served.log()
        # The view is there: the live panel starts ticking.
        expect(app).to_contain_text("Live panel runs: 3", timeout=30_000)
    finally:
        context.close()


def test_visitors_in_browsers_never_see_each_others_state(served, browser) -> None:
    alice, bob = browser.new_context(), browser.new_context()
    try:
        page_a, page_b = alice.new_page(), bob.new_page()
        page_a.goto(served.url(""))
        page_b.goto(served.url(""))
        app_a, app_b = page_a.locator(".nbfrag-app"), page_b.locator(".nbfrag-app")
        expect(app_a).to_contain_text("Hello nobody")
        expect(app_b).to_contain_text("Hello nobody")
        assert page_a.evaluate(KERNEL_ID) != page_b.evaluate(KERNEL_ID)

        commit(app_a.locator("input[type='text']"), "Alice-secret")
        app_a.locator("button", has_text="Count").click()
        expect(app_a).to_contain_text("Hello Alice-secret")
        expect(app_a).to_contain_text("Clicks: 1")

        app_b.locator("button", has_text="Count").click()
        app_b.locator("button", has_text="Count").click()
        expect(app_b).to_contain_text("Clicks: 2")
        expect(app_b).to_contain_text("Hello nobody")
        assert "Alice" not in app_b.inner_text()
        expect(app_a).to_contain_text("Clicks: 1")  # Bob's clicks are his own

        # A third visitor's page holds nothing of theirs, in any widget model.
        carol = Visitor(served.url(""))
        carol.open()
        assert not visitor_texts(carol, "Alice"), carol.texts()
        assert visitor_texts(carol, "Clicks: 0"), carol.texts()
        carol.close()
    finally:
        alice.close()
        bob.close()


def test_two_visitors_then_their_kernels_are_culled(tmp_path) -> None:
    timeout = 3
    overrides = [
        f"--MappingKernelManager.cull_idle_timeout={timeout}",
        "--MappingKernelManager.cull_interval=1",
        "--MappingKernelManager.cull_connected=False",  # connected pages stay; closed tabs go
    ]
    server = serve(tmp_path, "culled", overrides)
    try:
        serving.wait_for(lambda: serving.pool_filled(server), 120, "the kernel pool filling")
        one, two = Visitor(server.url("")), Visitor(server.url(""))
        one.open()
        two.open()
        assert one.kernel_id != two.kernel_id
        one.type("type your name", "visitor-one")
        two.type("type your name", "visitor-two")
        one.click("Count")
        time.sleep(timeout + 2)  # longer than the cull timeout: connected kernels stay
        assert {one.kernel_id, two.kernel_id} <= set(serving.kernels(server))
        two.click("Count")
        two.click("Count")
        assert visitor_texts(one, "Hello visitor-one") and not visitor_texts(one, "visitor-two")
        assert visitor_texts(two, "Hello visitor-two") and not visitor_texts(two, "visitor-one")
        assert visitor_texts(one, "Clicks: 1") and visitor_texts(two, "Clicks: 2")

        one.close()
        two.close()  # both tabs closed: after the timeout no kernel of theirs is left
        visitor_kernels = {one.kernel_id, two.kernel_id}
        serving.wait_for(
            lambda: not visitor_kernels & set(serving.kernels(server)), 60, "the visitors' kernels being culled"
        )
        assert "Culling 'idle' kernel" in server.log()
        assert serving.kernels(server)  # the pool's kernels wait for the next visitors
    finally:
        server.stop()
