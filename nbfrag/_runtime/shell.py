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
