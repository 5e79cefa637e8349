"""Fixtures for in-process tests: a real IPython shell with nbfrag loaded, and helpers that
act like a user: run a cell, click a button by its label, read what an app shows."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

warnings.filterwarnings("ignore", category=DeprecationWarning)


class Notebook:
    """A notebook session in this process: cells run in a real InteractiveShell."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell

    def run(self, source: str, *, cell_id: str | None = None) -> Any:
        """Execute a cell; `cell_id` imitates JupyterLab sending the cell's id."""
        self.shell.parent_header = {"header": {"msg_id": f"exec-{id(source)}-{len(_instances)}-{cell_id}"}, "metadata": {"cellId": cell_id} if cell_id else {}}
        result = self.shell.run_cell(source)
        settle()
        if result.error_before_exec or result.error_in_exec:
            raise AssertionError(f"cell failed: {result.error_before_exec or result.error_in_exec!r}")
        return result

    def app(self, source: str, **kwargs: Any) -> Any:
        """Run an `%%app` cell and return its host Area."""
        self.run("%%app\n" + source, **kwargs)
        return hosts()[-1]


def hosts() -> list[Any]:
    """Every open app host, oldest first."""
    return [w for w in list(_instances.values()) if "nbfrag-app" in getattr(w, "_dom_classes", ())]


def buttons(label: str) -> list[widgets.Button]:
    """Open buttons with this label."""
    return [
        w for w in list(_instances.values()) if isinstance(w, widgets.Button) and w.description == label
    ]


def click(label: str) -> None:
    """Click the one open button with this label, through the widget's own click path."""
    found = buttons(label)
    assert len(found) == 1, f"expected one button {label!r}, found {len(found)}"
    found[0].click()
    settle()


def settle() -> None:
    """Let parallel fragments' workers finish what they are running (and what they asked for)."""
    from nbfrag._runtime.runtime import runtime

    assert runtime.settle(), "parallel fragments still running after 60 s"


def model_count() -> int:
    return len(_instances)


@pytest.fixture(scope="session")
def shell() -> Any:
    from IPython.testing.globalipapp import start_ipython

    ip = start_ipython()
    ip.run_line_magic("load_ext", "nbfrag")
    return ip


@pytest.fixture
def nb(shell: Any) -> Iterator[Notebook]:
    from nbfrag._runtime.runtime import runtime

    runtime.reset()
    yield Notebook(shell)
    runtime.reset()
