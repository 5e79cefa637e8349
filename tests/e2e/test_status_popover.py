"""Status, popover and spinner in a real browser (JupyterLab, Notebook 7, Voila): a status's
label and state icon follow `.update()`, a popover opened by the visitor stays open (and shows
the new content) when its fragment reruns, and `st.spinner(show_time=True)` counts the seconds
while its block runs."""

from __future__ import annotations

from clients import app_with, button, open_notebook
from playwright.sync_api import expect

# The seconds the spinner shows: a registered custom property the browser animates (its
# `::after` text is a CSS counter of it, which the DOM does not expose as text).
_ELAPSED = "el => parseInt(getComputedStyle(el).getPropertyValue('--nbfrag-elapsed')) || 0"


def test_status_popover_and_spinner(page, server, notebook) -> None:
    open_notebook(page, server, notebook("status_popover.ipynb"), apps=1)
    app = app_with(page, "Finish the job")

    # st.status: the running label, then what `.update()` set, with the state icon.
    status = app.locator(".nbfrag-status")
    expect(status).to_contain_text("⏳ Downloading data")
    expect(status.get_by_text("Steps done: 0")).to_be_visible()  # expanded=True
    button(app, "Finish the job").click()
    expect(status).to_contain_text("✅ Job finished")
    expect(status).not_to_contain_text("Downloading data")
    expect(status.get_by_text("Steps done: 0")).to_be_hidden()  # update(expanded=False)

    # st.popover: opened by the visitor, it stays open across a rerun of its fragment.
    popover = app.locator(".nbfrag-popover")
    body = popover.locator(".nbfrag-popover-body")
    expect(body).to_be_hidden()
    popover.locator("button", has_text="Options").click()
    expect(body).to_be_visible()
    expect(body).to_contain_text("Popover drawn in run 1")
    button(app, "Rerun settings").click()
    expect(body).to_contain_text("Popover drawn in run 2")
    expect(body).to_be_visible()

    # st.spinner(show_time=True): shown while the block runs, counting whole seconds.
    button(app, "Run slowly").click()
    clock = app.locator(".nbfrag-spinner-time")
    expect(app.locator(".nbfrag-spinner")).to_contain_text("Crunching numbers")
    clock.wait_for(state="visible")
    page.wait_for_function(f"() => {{ const el = document.querySelector('.nbfrag-spinner-time'); "
                           f"return el && ({_ELAPSED})(el) >= 1; }}")
    after = clock.evaluate("el => getComputedStyle(el, '::after').content")
    assert "seconds" in after, after
    expect(app.get_by_text("Crunched")).to_be_visible()
    expect(app.locator(".nbfrag-spinner")).to_have_count(0)
