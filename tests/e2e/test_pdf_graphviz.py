"""`st.pdf` and `st.graphviz_chart` in a real browser (JupyterLab, Notebook 7, Voila).

The graph's SVG, laid out in the kernel, is inline in the page with its nodes and edges, scaled
to the column. The PDF is an `<object>` of type application/pdf whose `blob:` URL holds the
bytes as a blob of type application/pdf (headless Chromium may not paint PDFs, so the element
and its blob are checked, not pixels); a rerun of the app keeps the same blob, and a URL of the
notebook server itself is refused with an error in the element's place.
"""

from __future__ import annotations

import re

from clients import app_with, button, commit, mark, marked, open_notebook, text_box, wait_idle
from playwright.sync_api import expect

# The blob behind the viewer's URL: its MIME type, its size and its first bytes.
_BLOB = """
async (node) => {
  const blob = await (await fetch(node.getAttribute("data"))).blob();
  const head = new TextDecoder().decode(await blob.slice(0, 8).arrayBuffer());
  return { type: blob.type, size: blob.size, head };
}
"""


def test_graphs_render_as_svg_and_the_pdf_comes_from_a_pdf_blob(page, server, notebook) -> None:
    open_notebook(page, server, notebook("pdf_graphviz.ipynb"), apps=1)
    app = app_with(page, "PDF and Graphviz")

    charts = app.locator(".nbfrag-graphviz-body")
    expect(charts).to_have_count(2)
    process = charts.nth(0)
    expect(process).to_have_attribute("aria-label", "Process states")
    expect(process.locator("svg g.node")).to_have_count(5)
    expect(process.locator("svg g.edge")).to_have_count(5)
    expect(process.locator("svg g.node text", has_text="zombie")).to_have_count(1)
    box = process.locator("svg").bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 100, box
    # width="stretch": the small graph fills the column, the natural-width one does not.
    column = app.locator(".nbfrag-title").bounding_box()
    small = charts.nth(1).locator("svg").bounding_box()
    assert column is not None and small is not None and small["width"] >= 0.9 * column["width"], (small, column)
    assert box["width"] < small["width"], (box, small)

    viewer = app.locator(".nbfrag-pdf object")
    expect(viewer).to_have_count(1)
    expect(viewer).to_have_attribute("type", "application/pdf")
    expect(viewer).to_have_attribute("data", re.compile(r"^blob:"))
    expect(viewer).to_have_attribute("aria-label", "A one-page PDF")
    blob = viewer.evaluate(_BLOB)
    assert blob == {"type": "application/pdf", "size": 592, "head": "%PDF-1.4"}, blob
    assert viewer.evaluate("node => node.getBoundingClientRect().height") == 400
    url = viewer.get_attribute("data")

    # A rerun of the whole app sends neither the PDF nor the graphs again: same nodes, same blob.
    mark(viewer, "viewer")
    mark(process.locator("svg"), "graph")
    button(app, "Rerun the app").click()
    wait_idle(page, server)
    expect(marked(app, "viewer")).to_have_attribute("data", url or "")
    expect(marked(app, "graph")).to_have_count(1)

    # A URL of the notebook server is refused in the element's place; another site's is framed.
    url_box = text_box(app)
    own = page.evaluate("location.origin") + "/files/secret.pdf"
    commit(url_box, own, replace=True)
    error = app.locator(".nbfrag-pdf .nbfrag-pdf-error")
    expect(error).to_contain_text("could reach the kernel")
    commit(url_box, "https://example.com/report.pdf", replace=True)
    expect(error).to_have_count(0)
    expect(app.locator(".nbfrag-pdf object[data='https://example.com/report.pdf']")).to_have_count(1)
