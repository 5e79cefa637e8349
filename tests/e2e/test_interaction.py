"""Inputs, timers and errors in a real browser: a text box whose view survives reruns, a
`run_every` fragment that ticks only while a page shows it, and an exception that stays
inside its fragment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clients import (
    app_with,
    button,
    commit,
    mark,
    marked,
    open_notebook,
    rerun_app_cell,
    text_box,
)
from playwright.sync_api import Page, expect


def test_text_input_keeps_focus_and_every_keystroke_reaches_the_kernel(page, server, notebook) -> None:
    open_notebook(page, server, notebook("echo.ipynb"), apps=1)
    app = app_with(page, "Outside the fragment.")
    box = text_box(app)
    echo = app.locator(".nbfrag-markdown", has_text="Echo:")
    mark(box, "box")
    mark(app.locator(".nbfrag-markdown", has_text="Outside the fragment."), "outside")

    box.click()
    commit(box, "hello")
    expect(echo).to_have_text("Echo: hello")
    # The fragment reran and its input kept its view: same node, still focused, so typing on
    # goes into it without clicking again.
    expect(marked(app, "box")).to_be_focused()
    commit(page.locator(":focus"), " world")
    expect(echo).to_have_text("Echo: hello world")
    expect(marked(app, "box")).to_be_focused()
    expect(marked(app, "outside")).to_have_text("Outside the fragment.")

    if server.client == "voila":
        return
    # Re-executing the app cell by hand reuses its widgets; every later keystroke must still
    # reach the kernel (JupyterLab 4.6 + ipykernel 7 stranded recreated widgets' comms).
    rerun_app_cell(page, server, "def echo")
    app = app_with(page, "Outside the fragment.")
    box = text_box(app)
    echo = app.locator(".nbfrag-markdown", has_text="Echo:")
    expect(box).to_have_value("hello world")
    box.click()
    box.press("End")
    typed = "hello world"
    for key in "!?.":
        commit(box, key)
        typed += key
        expect(echo).to_have_text(f"Echo: {typed}")
        expect(box).to_be_focused()


def ticks_on_screen(page: Page) -> int:
    text = page.locator(".nbfrag-fragment .nbfrag-markdown", has_text="Ticks:").inner_text()
    match = re.fullmatch(r"Ticks: (\d+)", text.strip())
    assert match, f"unexpected tick line {text!r}"
    return int(match.group(1))


def wait_for_ticks(page: Page, at_least: int) -> None:
    """Wait (the page's default timeout is the upper bound) until the fragment shows `at_least` ticks."""
    page.wait_for_function(
        """(n) => [...document.querySelectorAll(".nbfrag-fragment .nbfrag-markdown")]
              .some((el) => { const m = /Ticks: (\\d+)/.exec(el.textContent); return m && +m[1] >= n; })""",
        arg=at_least,
        polling=100,
    )


def test_run_every_fragment_advances_while_the_page_is_open(page, server, notebook) -> None:
    open_notebook(page, server, notebook("ticks.ipynb"), apps=1)
    first = ticks_on_screen(page)
    wait_for_ticks(page, first + 3)
    assert ticks_on_screen(page) >= first + 3


def log_lines(path: Path) -> int:
    return len(path.read_text().splitlines())


@pytest.mark.parametrize("server", ["voila"], indirect=True)
def test_voila_kernel_gets_no_ticks_after_the_page_closes(page, server, notebook) -> None:
    tick_dir = Path(server.env["NBFRAG_E2E_TICK_LOG_DIR"])  # see conftest.server
    path = notebook("ticks.ipynb")
    known = set(tick_dir.glob("*.log"))
    visitor = page.context.new_page()
    open_notebook(visitor, server, path, apps=1)
    wait_for_ticks(visitor, 3)
    (log,) = set(tick_dir.glob("*.log")) - known  # the visitor's kernel writes one line a run
    assert log_lines(log) >= 3
    visitor.close()
    at_close = log_lines(log)

    # A clock made of ticks: a second visitor's fragment ticking four times (about two
    # seconds) is time in which the first kernel would have received about four ticks too.
    open_notebook(page, server, path, apps=1)
    wait_for_ticks(page, 4)
    assert log_lines(log) <= at_close + 1, "the closed page's kernel kept receiving ticks"


def test_exception_stays_inside_its_fragment_and_the_page_still_responds(page, server, notebook) -> None:
    open_notebook(page, server, notebook("fragile.ipynb"), apps=1)
    app = app_with(page, "Outside click")
    fragment = app.locator(".nbfrag-fragment")
    expect(fragment).to_contain_text("The fragment is fine.")

    button(fragment, "Break the fragment").click()
    error = fragment.locator(".nbfrag-exception")
    expect(error).to_contain_text("ValueError")
    expect(error).to_contain_text("the sensor is offline")
    expect(app.locator(".nbfrag-exception")).to_have_count(1)  # nowhere but in the fragment
    expect(fragment).not_to_contain_text("The fragment is fine.")

    button(app, "Outside click").click()
    expect(app).to_contain_text("Outside clicks: 1")
    button(app, "Outside click").click()
    expect(app).to_contain_text("Outside clicks: 2")
