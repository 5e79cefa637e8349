"""Re-executing an `%%app` cell by hand keeps what Streamlit keeps across reruns: the cache
(`st.cache_data` lives in the kernel) and the page (a magic line is written once, in place)."""

from __future__ import annotations

from clients import app_with, open_notebook, rerun_app_cell
from playwright.sync_api import expect


def test_cache_and_magic_survive_reexecuting_the_app_cell(page, server, notebook) -> None:
    open_notebook(page, server, notebook("rerun_cache.ipynb"), apps=1)
    app = app_with(page, "Magic line")
    magic = app.locator(".nbfrag-markdown", has_text="Magic line")
    caption = app.locator(".nbfrag-caption")
    expect(magic).to_have_text("Magic line: 49")
    expect(caption).to_have_text("Computed 1 time(s) in 1 run(s).")
    if server.client == "voila":
        return  # Voila shows no cells to re-execute; the first paint is checked above
    rerun_app_cell(page, server, "slow_square")
    expect(caption).to_have_text("Computed 1 time(s) in 2 run(s).")  # a cache hit, not a new computation
    expect(magic).to_have_count(1)
    expect(magic).to_have_text("Magic line: 49")
