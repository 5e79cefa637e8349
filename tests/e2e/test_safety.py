"""What a visitor types never runs as code in the page, whichever element shows it.

Each payload tries to set `window.__nbfragCanary`. The positive control shows the same
payload through `st.markdown(..., unsafe_allow_html=True)` and sees the canary set: the check
can detect execution, so the canary staying unset on the safe elements means something.
"""

from __future__ import annotations

from clients import app_with, commit, open_notebook, text_box
from playwright.sync_api import expect

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
    # Every payload has been in the page for the time its successors took to render.
    assert page.evaluate(CANARY) is None, f"a payload executed: {page.evaluate(CANARY)!r}"


def test_positive_control_unsafe_html_does_execute(page, server, notebook) -> None:
    open_notebook(page, server, notebook("xss_control.ipynb"), apps=1)
    box = text_box(app_with(page, "Trusted HTML"))
    commit(box, PAYLOADS[0], replace=True)
    page.wait_for_function(f"() => {CANARY} === 'img'")
