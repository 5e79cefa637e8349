"""Streamlit's "magic" for app sources: a bare expression statement is written to the app.

`"Response:"` alone on a line shows that Markdown where it stands, `df` shows the DataFrame,
`x, y` writes both: each such statement becomes a call of `st.write`, as Streamlit does to
every script (its `runner.magicEnabled` is on by default). The rules are Streamlit 1.67's with
its default settings:

* calls are not written (`st.button("Go")`, `print(x)`, `f()` alone on a line): the last
  expression of a script is not special (`magic.displayLastExprIfNoSemicolon` is off), so a
  trailing `;` changes nothing;
* docstrings are not written: a string as the first statement of the source or of a function
  (`magic.displayRootDocString` is off); a string first in a `with`, `if` or loop body is;
* `yield`, `yield from` and `await` expressions are not written;
* a tuple writes its items as separate arguments (`"a", df` is `st.write("a", df)`);
* bodies of `with`, `if`/`else`, loops (and their `else`), `try` (handlers, `else`,
  `finally`), `match` cases, functions and methods of classes are transformed too; lambdas,
  comprehensions and class bodies outside methods are not.

This module sits in the runtime, below the commands, so it does not import `st.write`: the
registry of public commands hands it over with `set_writer`. Transformed code calls the writer
through one name, `__nbfrag_magic__`, that `App.code()` binds in the app's namespace (names
starting with `_` are hidden from `%who`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

WRITER_NAME = "__nbfrag_magic__"

_writer: Callable[..., Any] | None = None


def set_writer(write: Callable[..., Any]) -> None:
    """Make `write` (the public `st.write`) the function magic calls."""
    global _writer
    _writer = write


def magic_write(*args: Any) -> Any:
    """What a bare expression becomes: write the values, and return them unchanged."""
    if _writer is None:  # pragma: no cover - `import nbfrag` registers the writer
        raise RuntimeError("nbfrag's magic writer is not registered: import nbfrag first")
    _writer(*args)
    return args[0] if len(args) == 1 else args


def add_magic(source: str, filename: str) -> ast.Module:
    """Parse `source` and turn its bare expression statements into writer calls."""
    tree = ast.parse(source, filename, "exec")
    _transform(tree)
    return ast.fix_missing_locations(tree)


_NESTED_BODIES = {
    ast.FunctionDef: ("body",),
    ast.AsyncFunctionDef: ("body",),
    ast.With: ("body",),
    ast.AsyncWith: ("body",),
    ast.For: ("body", "orelse"),
    ast.AsyncFor: ("body", "orelse"),
    ast.While: ("body", "orelse"),
    ast.If: ("body", "orelse"),
    ast.Try: ("body", "orelse", "finalbody"),
    ast.ExceptHandler: ("body",),
    ast.match_case: ("body",),
}
if hasattr(ast, "TryStar"):  # Python 3.11+
    _NESTED_BODIES[ast.TryStar] = ("body", "orelse", "finalbody")

# Where a string in first position is a docstring (left alone), not a Markdown line.
_DOCSTRING_OWNERS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)
_NOT_WRITTEN = (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)


def _transform(node: ast.AST, field: str = "body") -> None:
    """Rewrite the statements of `node.<field>`, then of the bodies nested in them."""
    for index, statement in enumerate(getattr(node, field)):
        kind = type(statement)
        if kind is ast.Expr:
            _write_expression(statement, docstring=index == 0 and isinstance(node, _DOCSTRING_OWNERS))
        elif kind is ast.ClassDef:
            for member in statement.body:
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _transform(member)
        elif kind is ast.Match:
            for case in statement.cases:
                _transform(case)
        elif kind in _NESTED_BODIES:
            for nested in _NESTED_BODIES[kind]:
                _transform(statement, nested)
            for handler in getattr(statement, "handlers", ()):
                _transform(handler)


def _write_expression(statement: ast.Expr, *, docstring: bool) -> None:
    value = statement.value
    if isinstance(value, _NOT_WRITTEN):
        return
    if docstring and isinstance(value, ast.Constant) and isinstance(value.value, str):
        return
    args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    call = ast.Call(func=ast.Name(id=WRITER_NAME, ctx=ast.Load()), args=args, keywords=[])
    statement.value = ast.copy_location(call, value)
