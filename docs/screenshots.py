#!/usr/bin/env python
"""Take the README's screenshots of the demo dashboard in Voila (desktop 1280x900, phone
390x844, and the phone with its sidebar open) into docs/.

Usage: python docs/screenshots.py  (Chromium at /usr/bin/chromium, as the browser tests use)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "e2e"))

import servers  # noqa: E402

SHOTS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> None:
    root, home = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    shutil.copy(REPO / "notebooks" / "dashboard.ipynb", root / "dashboard.ipynb")
    server = servers.start("voila", root, home, home / "voila.log")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for name, (width, height) in SHOTS.items():
                page = browser.new_context(viewport={"width": width, "height": height}).new_page()
                page.goto(server.notebook_url("dashboard.ipynb"), timeout=120_000)
                page.locator(".nbfrag-line_chart .vega-embed svg, .nbfrag-line_chart .vega-embed canvas").wait_for(
                    timeout=120_000
                )
                page.wait_for_timeout(3000)  # a few ticks of the feed
                page.screenshot(path=str(REPO / "docs" / f"dashboard-{name}.png"))
                if name == "phone":
                    page.locator(".nbfrag-sidebar-phone-toggle").click()
                    page.locator(".nbfrag-sidebar-open").wait_for()
                    page.wait_for_timeout(500)
                    page.screenshot(path=str(REPO / "docs" / "dashboard-phone-sidebar.png"))
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
