"""What a visitor types never runs as code in the page, whichever element shows it: text
elements, a pandas Styler's table (`st.dataframe`, `st.table`, `st.write`), objects rendering
themselves (`_repr_html_`), JSON, metrics, code, alerts, exceptions, `st.echo`, expander and
tab labels, forms, download and upload labels, subtitle track labels, the page title, toasts and a dialog's title; chat messages, status and
popover labels, link buttons and page links (labels, tooltips, and a visitor's URL), badges,
an `st.iframe` of the visitor's HTML (sandboxed: its scripts run but cannot reach the page),
Streamlit's Markdown extensions (`:red[...]`, `:blue-badge[...]`), `st.html`,
pills/segmented-control options, and a graphviz chart's labels, tooltip and link (also an
HTML-like label with a `javascript:` cell link).

Each payload tries to set `window.__nbfragCanary`. The positive controls show the same
payload through `st.markdown(..., unsafe_allow_html=True)` and `st.write(obj,
unsafe_allow_html=True)` and see the canary set: the check can detect execution, so the canary
staying unset on the safe elements means something.
"""

from __future__ import annotations

from clients import app_with, commit, open_notebook, text_box
from playwright.sync_api import Locator, Page, expect

CANARY = "window.__nbfragCanary"
PAYLOADS = [
    f"<img src=x onerror=\"{CANARY}='img'\">",
    f"<script>{CANARY}='script'</script>",
    f"<svg onload=\"{CANARY}='svg'\"></svg>",
    f"<svg><animate onbegin=\"{CANARY}='animate'\" attributeName=x dur=1s>",
    "<iframe srcdoc=\"<script>parent.__nbfragCanary='iframe'</script>\"></iframe>",
    f"<details open ontoggle=\"{CANARY}='details'\">x</details>",
    f"[a link](javascript:{CANARY}='md-link')",
    f"<a href=\"javascript:{CANARY}='a'\">a link</a>",
    f"**bold** <img src=x onerror=\"{CANARY}='inline'\"> `code`",
    f"<style>@import 'javascript:{CANARY}=1'</style><b style=\"background:url(javascript:{CANARY}='css')\">b</b>",
    f"<object data=\"javascript:{CANARY}='object'\"></object><embed src=\"javascript:{CANARY}='embed'\">",
    f"<math><mtext><table><mglyph><style><img src=x onerror=\"{CANARY}='mxss'\">",
    f"<form><button formaction=\"javascript:{CANARY}='form'\">x</button></form>",
    f"<input autofocus onfocus=\"{CANARY}='focus'\">",
    f"<<table><tr><td href=\"javascript:{CANARY}='graphviz'\">cell</td></tr></table>>",  # a graphviz HTML label
    "<script>top.__nbfragCanary='top'</script>",  # from inside a frame (st.iframe): the page
    f"javascript:{CANARY}='url'",  # as a link's URL (st.link_button): refused in the kernel
    "data:text/html,<script>parent.__nbfragCanary='data-url'</script>",
    f"]:red[<img src=x onerror=\"{CANARY}='directive'\">",
]


def test_visitor_text_never_executes(page, server, notebook) -> None:
    open_notebook(page, server, notebook("xss.ipynb"), apps=1)
    app = app_with(page, "Visitor text")
    box = text_box(app)
    for payload in PAYLOADS:
        commit(box, payload, replace=True)
        # st.text shows the payload verbatim once the fragment has rerun with it.
        expect(app.locator(".nbfrag-text")).to_have_text(payload)
        expect(page.locator(".nbfrag-toast").last).to_contain_text(payload[:8])
        expect(app.locator("a[href^='javascript:' i]")).to_have_count(0)  # nothing to click
        expect(app.locator(".nbfrag-chips-look-pills .nbfrag-chip")).to_have_count(3)
        expect(app.locator("a[href^='data:' i]")).to_have_count(0)
        expect(app.locator(".nbfrag-link_button-anchor")).to_have_count(2 if payload.startswith(("javascript:", "data:")) else 3)
        expect(app.locator(".nbfrag-badge-body")).to_have_count(1)
    # The visitor's javascript: URL was refused where the link would have been.
    commit(box, PAYLOADS[-3], replace=True)
    expect(app.locator(".nbfrag-exception").last).to_contain_text("st.link_button does not open")
    # A dialog titled with every payload at once.
    commit(box, "".join(PAYLOADS), replace=True)
    expect(app.locator(".nbfrag-text")).to_have_text("".join(PAYLOADS))
    page.get_by_role("button", name="Open a dialog titled by the visitor").click()
    expect(page.locator(".nbfrag-dialog-body").first).to_be_visible()
    expect(page.locator("a[href^='javascript:' i]")).to_have_count(0)
    # Every payload has been in the page for the time its successors took to render.
    assert page.evaluate(CANARY) is None, f"a payload executed: {page.evaluate(CANARY)!r}"


def box_of(app: Locator, label: str) -> Locator:
    return app.locator(".nbfrag-fragment").filter(has_text=label).locator("input[type='text']")


def test_positive_control_unsafe_html_does_execute(page: Page, server, notebook) -> None:
    open_notebook(page, server, notebook("xss_control.ipynb"), apps=1)
    app = app_with(page, "Trusted HTML")
    commit(box_of(app, "Trusted HTML"), PAYLOADS[0], replace=True)
    page.wait_for_function(f"() => {CANARY} === 'img'")
    page.evaluate(f"{CANARY} = undefined")
    commit(box_of(app, "Trusted repr"), PAYLOADS[0], replace=True)  # a rich repr, unsanitised
    page.wait_for_function(f"() => {CANARY} === 'img'")
