"""Shared by the `test_apptest_compat*` files: Streamlit's documented AppTest examples run
against nbfrag with only the imports changed (`import nbfrag as st` in the app,
`from nbfrag.testing import AppTest` in the test).

`project` writes an app's files into a fresh directory and makes it the current one (Streamlit's
docs run `pytest` from the project's root); every `AppTest` a test makes is closed after it,
since the documented tests never close theirs.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nbfrag.testing import AppTest


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """`project(**{"app.py": source, ...})`: the files written (dedented), cwd there."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no user secrets.toml leaks in

    def write(**files: str) -> Path:
        for name, source in files.items():
            path = tmp_path / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(source).lstrip("\n"), encoding="utf-8")
        return tmp_path

    return write


@pytest.fixture(autouse=True)
def closes_app_tests(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    made: list[AppTest] = []
    original = AppTest.__init__

    def recording(self: AppTest, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(AppTest, "__init__", recording)
    yield
    for at in made:
        at.close()
