"""A parallel fragment in a real browser: its body waits for a gate that only a click outside
it opens, so the page answering that click proves the fragment runs off the kernel's main
thread (a kernel running it inline would hold the click for the body's 60 s timeout); then its
`run_every` ticker keeps re-arming from the worker."""

from __future__ import annotations

from clients import app_with, button, open_notebook
from playwright.sync_api import expect


def test_a_click_outside_is_handled_while_a_parallel_fragment_waits(page, server, notebook) -> None:
    open_notebook(page, server, notebook("parallel.ipynb"), apps=1)
    app = app_with(page, "Open the gate")
    fragment = app.locator(".nbfrag-fragment")
    expect(fragment).not_to_contain_text("slow runs")  # its body is waiting for the gate

    button(app, "Open the gate").click()
    expect(fragment).to_contain_text("Gate opened, slow runs:")
    page.wait_for_function(
        """(n) => [...document.querySelectorAll(".nbfrag-fragment .nbfrag-markdown")]
              .some((el) => { const m = /slow runs: (\\d+)/.exec(el.textContent); return m && +m[1] >= n; })""",
        arg=4,
        polling=100,
    )
    expect(app).not_to_contain_text("timed out")
