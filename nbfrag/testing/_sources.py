"""Where an `AppTest`'s script comes from: a string, a file, a function's body, a notebook cell.

Every constructor ends in the same thing: plain Python source that runs as the app's script,
with IPython syntax (`%magic`, `!cmd`) already turned into Python, because tests usually run
in plain pytest where no IPython shell exists to do it at run time.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from IPython.core.inputtransformer2 import TransformerManager

_APP_MAGIC = "%%app"


@dataclass(frozen=True)
class Script:
    """The app's source and where it came from (for reprs, tracebacks and error messages)."""

    source: str
    origin: str
    filename: str | None = None  # `__file__` for the script, when it comes from a file


def python_source(source: str) -> str:
    """Drop a leading `%%app` line, then turn the rest of IPython's syntax into Python."""
    lines = source.splitlines(True)
    if lines and lines[0].strip().split(" ")[0] == _APP_MAGIC:
        lines = lines[1:]
    return TransformerManager().transform_cell("".join(lines))


def from_string(source: str) -> Script:
    return Script(python_source(textwrap.dedent(source)), "<string>")


def resolve(path: str | Path, caller_dir: Path | None = None) -> Path:
    """A relative path is relative to the current directory, as for `open()`."""
    resolved = Path(path).expanduser().resolve()
    if not resolved.is_file():
        beside = f"; or beside the calling file, in {caller_dir}" if caller_dir is not None else ""
        raise FileNotFoundError(
            f"No such file: {str(path)!r} (looked for {resolved}; relative paths are relative "
            f"to the current directory, {Path.cwd()}{beside})"
        )
    return resolved


def from_file(path: str | Path, caller_dir: Path | None = None) -> Script:
    """A script file. A relative path is looked for beside the file that calls `from_file`
    (`caller_dir`, as Streamlit 1.67 does), then in the current directory (as Streamlit's docs
    and older versions have it: `pytest` run from the project's root)."""
    beside = caller_dir / path if caller_dir is not None and not Path(path).is_absolute() else None
    resolved = beside.resolve() if beside is not None and beside.is_file() else resolve(path, caller_dir)
    if resolved.suffix == ".ipynb":
        raise ValueError(f"{path} is a notebook: use AppTest.from_notebook({str(path)!r}, cell=N)")
    return Script(python_source(resolved.read_text(encoding="utf-8")), str(path), str(resolved))


def from_function(func: Callable[..., Any]) -> Script:
    """The function's definition, then a call of it with the test's `args` and `kwargs`
    (`__args`, `__kwargs` in the script's namespace), as Streamlit's `from_function` does: a
    `return` in the function ends the run, and the function sees no globals of the module
    that defined it (so it must import what it uses)."""
    if getattr(func, "__name__", "") == "<lambda>":
        raise TypeError("AppTest.from_function needs a `def` function; got a lambda")
    try:
        source = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError) as exc:
        raise TypeError(f"AppTest.from_function cannot read the source of {func!r}: {exc}") from None
    definition = ast.parse(source).body[0]
    if not isinstance(definition, (ast.FunctionDef, ast.AsyncFunctionDef)):
        raise TypeError(f"AppTest.from_function needs a `def` function; got {func!r}")
    call = f"\n{definition.name}(*__args, **__kwargs)\n"
    return Script(python_source(source.rstrip("\n") + "\n" + call), f"{func.__qualname__}()")


def from_notebook(path: str | Path, cell: int | str | None = None) -> Script:
    """One code cell of a notebook file.

    `cell` counts **code cells only**, from 0, in notebook order (Markdown and raw cells are
    skipped, so inserting prose does not renumber apps); a string is a cell id; `None` picks
    the notebook's only `%%app` cell."""
    resolved = resolve(path)
    cells = json.loads(resolved.read_text(encoding="utf-8")).get("cells", [])
    code = [c for c in cells if c.get("cell_type") == "code"]
    chosen = _pick(code, cells, cell, str(path))
    index = code.index(chosen)
    return Script(python_source(_text(chosen)), f"{path}, code cell {index}", str(resolved))


def _text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _listing(code: list[dict[str, Any]]) -> str:
    """One line per code cell: its index, `%%app` if it is one, and its first telling line."""
    rows = []
    for index, cell in enumerate(code):
        lines = [line.strip() for line in _text(cell).splitlines() if line.strip()]
        app = bool(lines) and lines[0].startswith(_APP_MAGIC)
        telling = [line for line in lines[app:] if not line.startswith(("import ", "from "))]
        summary = (telling or lines or [""])[0][:60]
        rows.append(f"  {index}: {'%%app ... ' if app else ''}{summary}")
    return "\n".join(rows) or "  (none)"


def _pick(
    code: list[dict[str, Any]], cells: list[dict[str, Any]], cell: int | str | None, path: str
) -> dict[str, Any]:
    if cell is None:
        apps = [c for c in code if _text(c).lstrip().startswith(_APP_MAGIC)]
        if len(apps) == 1:
            return apps[0]
        found = "no %%app cell" if not apps else f"{len(apps)} %%app cells"
        raise ValueError(
            f"{path} has {found}; pass cell=N (N counts code cells from 0):\n{_listing(code)}"
        )
    if isinstance(cell, str):
        for candidate in cells:
            if candidate.get("id") == cell:
                if candidate.get("cell_type") != "code":
                    raise ValueError(
                        f"Cell {cell!r} of {path} is a {candidate.get('cell_type')} cell, not code"
                    )
                return candidate
        raise ValueError(f"{path} has no cell with id {cell!r}")
    if isinstance(cell, bool) or not isinstance(cell, int):
        raise TypeError(f"cell must be an int (code cell index), a cell id or None; got {cell!r}")
    if not 0 <= cell < len(code):
        raise IndexError(
            f"{path} has {len(code)} code cells (cell counts code cells from 0, Markdown "
            f"skipped); there is no code cell {cell}:\n{_listing(code)}"
        )
    return code[cell]
