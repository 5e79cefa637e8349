"""The IPython shell nbfrag runs in, and what identifies the cell it is executing."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from IPython import get_ipython


def shell() -> Any:
    """The running IPython shell, or None (plain Python, e.g. a script importing nbfrag)."""
    return get_ipython()


def execution_key(running: Any) -> Hashable:
    """Identifies the cell execution in progress (the execute request, or the prompt number)."""
    parent = getattr(running, "parent_header", None) or {}
    return parent.get("header", {}).get("msg_id") or ("count", getattr(running, "execution_count", 0))


def cell_id(parent: dict[str, Any]) -> str | None:
    """JupyterLab and Notebook 7 send the cell's id; nbclient, nbval and Voila do not."""
    found = parent.get("metadata", {}).get("cellId")
    return str(found) if found else None


def cell_identity(parent: dict[str, Any], source: str | None) -> str | None:
    """What identifies the `%%app` cell running now, so that running it again reuses the app
    it made: its id where the frontend sends one (JupyterLab, Notebook 7), else its source text
    (nbclient, nbval and Voila send no id: the same source re-executed is taken as the same
    cell, and two `%%app` cells with the same source show one app). None when neither is known."""
    found = cell_id(parent)
    if found is not None:
        return found
    return None if source is None else "source:" + source
