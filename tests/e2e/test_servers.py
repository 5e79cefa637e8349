"""The servers the browser tests start listen on 127.0.0.1 only and refuse visitors without
their token (a notebook URL without it lands on the login page)."""

from __future__ import annotations

import urllib.parse
import urllib.request


def test_server_is_local_and_needs_its_token(server, notebook) -> None:
    assert server.base.startswith("http://127.0.0.1:")
    url = server.notebook_url(notebook("echo.ipynb"))
    without_token = url.split("?")[0]
    with urllib.request.urlopen(without_token, timeout=30) as response:
        landed = urllib.parse.urlparse(response.url).path
    assert landed == "/login", f"{without_token} was served without the token (landed on {landed})"
    with urllib.request.urlopen(url, timeout=30) as response:
        assert urllib.parse.urlparse(response.url).path != "/login"
