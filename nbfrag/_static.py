"""Where the frontend modules are: inside the wheel (`static/`) or in the source tree (`js/`)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def static_file(name: str) -> Path:
    """The ES module `name`, shipped in the wheel or, in an editable install, under `js/`."""
    for candidate in (_HERE / "static" / name, _HERE.parent / "js" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"nbfrag's frontend module {name} is missing; reinstall nbfrag")
