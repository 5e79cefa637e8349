"""`st.echo`: show the code of a `with` block on the page, and run it.

The block's source is found as Streamlit finds it: from the caller's file name and line, the
file's lines (here through `linecache`, which holds the source of every `%%app` cell, AppTest
app and notebook cell, and reads plain files), and the `with` statement in its syntax tree.
"""

from __future__ import annotations

import ast
import linecache
import sys
import textwrap
from types import TracebackType
from typing import Any, Literal

from .alerts import warning
from .code import code
from .layout import Container, empty


class _Echo:
    """The context manager `st.echo()` returns."""

    def __init__(self, code_location: str, filename: str, lineno: int, module_globals: dict[str, Any]) -> None:
        self._below = code_location == "below"
        self._filename = filename
        self._lineno = lineno
        self._globals = module_globals
        self._placeholder: Container | None = None

    def __enter__(self) -> None:
        if not self._below:  # keep the code's place above what the block draws
            self._placeholder = empty()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        if kind is not None:  # the block failed: its exception goes on, the code is not shown
            return False
        source = block_source(self._filename, self._lineno, self._globals)
        place = self._placeholder
        if source is None:
            message = f"Unable to display code. nbfrag could not read the source of {self._filename}."
            (place.warning if place is not None else warning)(message)
        else:
            (place.code if place is not None else code)(source, "python")
        return False


def echo(code_location: str = "above") -> _Echo:
    """Use in a `with` block to show its code on the page, then run it.

    The code is shown as `st.code(..., "python")`, dedented, from the block's first statement
    (its decorators included) to its end. It works in `%%app` cells, plain cells, AppTest apps
    and Python files. As in Streamlit, a block that raises shows no code; a source that cannot
    be read shows a warning instead, and the block still runs.

    Parameters
    ----------
    code_location : "above" or "below", default "above"
        Whether the code is shown before or after what the block draws.

    Returns
    -------
    context manager
        Use it as `with st.echo(): ...`.

    Differences from Streamlit
    --------------------------
    * The source comes from `linecache` (a notebook cell has no file), so in an `%%app` cell
      IPython syntax inside the block (`%time`) is shown as the Python IPython turns it into,
      and the warning names what could not be read.

    Examples
    --------
    >>> import nbfrag as st
    >>> with st.echo():
    ...     st.write("This line is shown as code above what it writes.")
    """
    caller = sys._getframe(1)
    return _Echo(code_location, caller.f_code.co_filename, caller.f_lineno, caller.f_globals)


def block_source(filename: str, lineno: int, module_globals: dict[str, Any] | None = None) -> str | None:
    """The dedented body of the `with` statement whose header holds line `lineno`, or None."""
    lines = linecache.getlines(filename, module_globals)
    if not lines:
        return None
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError:
        return None
    headers = [n for n in ast.walk(tree) if isinstance(n, (ast.With, ast.AsyncWith)) and _in_header(n, lineno)]
    if not headers:
        return None
    found = max(headers, key=lambda n: (n.lineno, n.col_offset))  # the innermost one
    first = found.body[0]
    start = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    return textwrap.dedent("".join(lines[start - 1 : found.end_lineno or start]))


def _in_header(node: ast.With | ast.AsyncWith, lineno: int) -> bool:
    return any(
        item.context_expr.lineno <= lineno <= (item.context_expr.end_lineno or item.context_expr.lineno)
        for item in node.items
    )
