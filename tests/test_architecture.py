"""The package's shape: imports point down the layers, never up, and never in a circle.

Layers, lowest first: `errors` and `_unsupported` (leaves) -> `_runtime` (scopes, reconciler, Session State, the
run loop) -> commands (`_widgets`, `_elements`, `_flow`) -> the public face (`nbfrag`, its
registry `_api`, `components`) -> `testing`. A module may import its own layer or lower ones. Imports inside
functions are reserved for optional dependencies, so the graph read here is the real one.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

import nbfrag

PACKAGE = Path(nbfrag.__file__).resolve().parent

LAYERS = {"errors": 0, "_unsupported": 0, "_runtime": 1, "_widgets": 2, "_elements": 2, "_flow": 2, "_api": 3, "__init__": 3, "components": 3, "connections": 3, "testing": 4}
# Heavy or optional libraries, imported where first needed (not at `import nbfrag`).
LAZY = {
    "pandas", "numpy", "PIL", "matplotlib", "plotly", "pygments", "sympy", "ipyleaflet", "graphviz", "sqlalchemy",
    "snowflake",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS[top]


def resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The nbfrag modules an import statement names (`from . import a, b` names two)."""
    if node.level == 0:
        base = node.module or ""
        if not base.startswith("nbfrag"):
            return []
    else:
        here = module.split(".") if is_package else module.split(".")[:-1]
        here = here[: len(here) - (node.level - 1)]
        base = ".".join(here + ([node.module] if node.module else []))
    known = {module_name(p) for p in PACKAGE.rglob("*.py")}
    targets = []
    for alias in node.names:
        candidate = f"{base}.{alias.name}"
        targets.append(candidate if candidate in known else base)
    return targets


def imports() -> dict[str, list[tuple[str, int, bool]]]:
    """Each module's nbfrag imports: (target, line, at module level)."""
    graph: dict[str, list[tuple[str, int, bool]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        found: list[tuple[str, int, bool]] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for target in resolve(module, path.name == "__init__.py", node):
                    found.append((target, node.lineno, id(node) in top_level))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("nbfrag"):
                        found.append((alias.name, node.lineno, id(node) in top_level))
        graph[module] = found
    return graph


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{module}:{line} imports {target} (layer {layer(target)} > {layer(module)})"
        for module, found in imports().items()
        for target, line, _ in found
        if layer(target) > layer(module)
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = {module: {t for t, _, _ in found if t != module} for module, found in imports().items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            # A package's __init__ importing its own submodules is not a cycle of the layout.
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert cycles == []


def test_function_level_imports_are_only_for_optional_libraries() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Module level, also inside a module-level `if` (`if sys.version_info >= (3, 11):`).
        branches = [n for node in tree.body if isinstance(node, ast.If) for n in [*node.body, *node.orelse]]
        top_level = {id(node) for node in [*tree.body, *branches]}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top_level:
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                if isinstance(node, ast.ImportFrom) and node.level:
                    names = ["." + (node.module or "")]
                for name in names:
                    if name.split(".")[0] not in LAZY:
                        offenders.append(f"{module_name(path)}:{node.lineno} imports {name} inside a function")
    assert offenders == []


@pytest.mark.parametrize(
    "planted, problem",
    [
        ({"planted.py": "from .._api import write\n"}, "imports nbfrag._api"),
        ({"planted.py": "def f():\n    from . import reconciler\n"}, "inside a function"),
        ({"planted_a.py": "from . import planted_b\n", "planted_b.py": "from . import planted_a\n"}, "planted_a"),
    ],
)
def test_the_checks_catch_a_bad_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planted: dict[str, str], problem: str
) -> None:
    """Plant bad imports in a copy of the package: one of the checks above must report them."""
    copy = tmp_path / "nbfrag"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    for name, source in planted.items():
        (copy / "_runtime" / name).write_text(source)
    monkeypatch.setitem(globals(), "PACKAGE", copy)
    failures = []
    for check in (test_imports_point_down_the_layers, test_no_import_cycles, test_function_level_imports_are_only_for_optional_libraries):
        try:
            check()
        except AssertionError as failure:
            failures.append(str(failure))
    assert any(problem in failure for failure in failures), failures
