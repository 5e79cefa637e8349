"""Every notebook of the repo is stored executed, runs cleanly under nbclient, and leaves
nbval nothing to ignore (`make test` also runs them under `pytest --nbval`, strict mode).

nbval compares outputs; this checks what nbval does not: a fresh nbclient run raises no error
and writes nothing to stderr, and no cell opts out of the comparison.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted([*REPO.glob("notebooks/*.ipynb"), *REPO.glob("tests/e2e/notebooks/*.ipynb")])
OPT_OUTS = ("NBVAL_IGNORE_OUTPUT", "NBVAL_SKIP", "NBVAL_RAISES_EXCEPTION", "nbval-ignore-output", "nbval-skip")


def ids(path: Path) -> str:
    return str(path.relative_to(REPO))


def test_the_notebooks_are_found() -> None:
    assert {"quickstart.ipynb", "dashboard.ipynb"} <= {path.name for path in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_is_stored_executed_and_opts_out_of_nothing(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    for index, cell in enumerate(book.cells):
        if cell.cell_type != "code":
            continue
        marks = [m for m in OPT_OUTS if m in cell.source or m in cell.metadata.get("tags", [])]
        assert not marks, f"{path.name} cell {index} opts out of nbval: {marks}"
        assert cell.execution_count is not None, f"{path.name} cell {index} is stored unexecuted"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_executes_cleanly_under_nbclient(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    NotebookClient(book, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for index, cell in enumerate(book.cells):
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{path.name} cell {index}: {output.get('ename')}: {output.get('evalue')}"
            if output.output_type == "stream":
                assert output.name != "stderr", f"{path.name} cell {index} wrote to stderr: {output.text}"
