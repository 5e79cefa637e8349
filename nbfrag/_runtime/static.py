"""The frontend modules: found inside the wheel (`static/`) or in the source tree (`js/`).

anywidget imports each module from a blob URL, where `import ... from "./x.js"` cannot
resolve, so `esm()` inlines the sibling modules a file imports: the files stay plain ES
modules that node's test runner imports directly, and no JS build step is needed.

A sibling is inlined inside a function scope and reached through one namespace constant, so
its names cannot collide with the importing module's own (both toast.js and fresh.js define
`ensureStyle`; pasting one into the other is a SyntaxError and no view renders), and
`import { a as b }` keeps working.
"""

from __future__ import annotations

import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # nbfrag/
_SIBLING_IMPORT = re.compile(r'^import \{([^}]*)\} from "\./([\w-]+)\.js";\n', re.MULTILINE)
_EXPORT = re.compile(r"^export (?=(?:async\s+)?function\*?\s+(\w+)|(?:const|let|var|class)\s+(\w+))", re.MULTILINE)


def static_file(name: str) -> Path:
    """The ES module `name`, shipped in the wheel or, in an editable install, under `js/`."""
    for candidate in (_PACKAGE / "static" / name, _PACKAGE.parent / "js" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"nbfrag's frontend module {name} is missing; reinstall nbfrag")


def esm(name: str) -> str:
    """The source of module `name` with its sibling imports inlined (one self-contained module)."""
    source = static_file(name).read_text(encoding="utf-8")
    inlined: list[str] = []

    def inline(match: re.Match[str]) -> str:
        sibling = match.group(2)
        namespace = "__nbfrag_" + sibling.replace("-", "_")
        bindings = ", ".join(
            part.strip().replace(" as ", ": ") for part in match.group(1).split(",") if part.strip()
        )
        scope = ""
        if sibling not in inlined:
            inlined.append(sibling)
            scope = _scoped(sibling, namespace)
        return f"{scope}const {{ {bindings} }} = {namespace};\n"

    return _SIBLING_IMPORT.sub(inline, source)


def _scoped(sibling: str, namespace: str) -> str:
    """`const <namespace> = (() => { <sibling's code>; return { <its exports> }; })();`"""
    exported: list[str] = []

    def unexport(match: re.Match[str]) -> str:
        exported.append(match.group(1) or match.group(2))
        return ""

    body = _EXPORT.sub(unexport, esm(f"{sibling}.js"))
    if re.search(r"^export\b", body, re.MULTILINE):
        raise ValueError(f"{sibling}.js: only `export function/const/let/class` can be inlined")
    return f"const {namespace} = (() => {{\n{body}\nreturn {{ {', '.join(exported)} }};\n}})();\n"
