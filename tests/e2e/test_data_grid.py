"""The data grid in a real browser (JupyterLab, Notebook 7, Voila): `st.dataframe` renders its
first rows, fetches the rows it scrolls to, sorts on a header click, and sends a row selection
back to Python; `st.data_editor` sends a cell edit back to Python."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect


def test_the_grid_renders_scrolls_sorts_selects_and_edits(page, server, notebook) -> None:
    open_notebook(page, server, notebook("data_grid.ipynb"), apps=1)
    app = app_with(page, "Grid app")
    grid = app.locator(".nbfrag-dataframe")
    first = grid.locator("tr[data-pos='0'] td[data-key='n']")
    expect(first).to_have_text("5000")
    assert grid.locator("tbody tr, table[role=grid] tr").count() < 40, "only the rows in view are drawn"

    # Scrolling to the end fetches the last rows from the kernel.
    grid.locator(".nbfrag-grid").evaluate("(box) => { box.scrollTop = box.scrollHeight; }")
    expect(grid.locator("tr[data-pos='4999'] td[data-key='name']")).to_have_text("row 4999")
    grid.locator(".nbfrag-grid").evaluate("(box) => { box.scrollTop = 0; }")

    # A header click sorts ascending, in the kernel: the first row is now the smallest n.
    grid.locator("th[data-key='n']").click()
    expect(grid.locator("th[data-key='n']")).to_have_attribute("aria-sort", "ascending")
    expect(grid.locator("table[role=grid] tr").nth(0).locator("td[data-key='n']")).to_have_text("1")
    expect(grid.locator("table[role=grid] tr").nth(0)).to_have_attribute("data-pos", "4999")

    # Ticking that row selects it by its original position, and the app reruns with it.
    grid.locator("tr[data-pos='4999'] input.nbfrag-grid-tick").click()
    expect(app.get_by_text("selected: [4999]")).to_be_visible()

    # An edit in the editor reaches Python: double-click, type, Enter.
    editor = app.locator(".nbfrag-data-editor")
    cell = editor.locator("tr[data-pos='1'] td[data-key='ml']")
    expect(cell).to_have_text("40")
    cell.dblclick()
    box = editor.locator("input.nbfrag-grid-editor")
    box.fill("60")
    box.press("Enter")
    expect(app.get_by_text("total ml: 310")).to_be_visible()
    expect(editor.locator("tr[data-pos='1'] td[data-key='ml']")).to_have_text("60")
    # A read-only column opens no editor.
    editor.locator("tr[data-pos='0'] td[data-key='plant']").dblclick()
    expect(editor.locator("input.nbfrag-grid-editor")).to_have_count(0)
