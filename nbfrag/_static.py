"""The frontend modules: found inside the wheel (`static/`) or in the source tree (`js/`).

anywidget imports each module from a blob URL, where `import ... from "./x.js"` cannot
resolve, so `esm()` inlines the sibling modules a file imports: the files stay plain ES
modules that node's test runner imports directly, and no JS build step is needed.
"""

from __future__ import annotations

import re
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_SIBLING_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w-]+\.js)";\n', re.MULTILINE)


def static_file(name: str) -> Path:
    """The ES module `name`, shipped in the wheel or, in an editable install, under `js/`."""
    for candidate in (_HERE / "static" / name, _HERE.parent / "js" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"nbfrag's frontend module {name} is missing; reinstall nbfrag")


def esm(name: str) -> str:
    """The source of module `name` with its sibling imports inlined (one self-contained module)."""
    source = static_file(name).read_text(encoding="utf-8")
    inlined: list[str] = []

    def inline(match: re.Match[str]) -> str:
        sibling = match.group(1)
        if sibling in inlined:
            return ""
        inlined.append(sibling)
        return esm(sibling) + "\n"

    return _SIBLING_IMPORT.sub(inline, source)
