"""`%load_ext nbfrag`: the `%%app` cell magic and the hook that lets plain cells rerun.

A full rerun cannot be driven by the frontend (Voila refuses execute requests, nbval and
nbclient have no frontend), so the kernel keeps each app cell's source and re-executes it
itself. JupyterLab and Notebook 7 send the cell's id with each execution: re-executing an
`%%app` cell by hand reuses its app, so the widgets it draws again keep their models.
"""

from __future__ import annotations

from typing import Any

from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.display import display

from .models import built
from .runtime import runtime
from .scopes import Request
from .shell import cell_identity, execution_key, shell
from .stylesheet import Stylesheet
from .views import Area


@magics_class
class AppMagics(Magics):
    """Provides `%%app`."""

    @cell_magic
    def app(self, line: str, cell: str) -> None:
        """Run the cell as an nbfrag app: what it draws goes into one area that `st.rerun()`,
        its buttons and its `run_every` fragments rerun in place. As in a Streamlit script, a
        bare expression statement (`"Response:"`, `df`) is written with `st.write` where it
        stands (see `magic`); IPython shows nothing else for the cell. Executing the same cell
        again (the same cell id, or without one the same source: see `cell_identity`) reruns
        its app in the same area instead of making another."""
        assert self.shell is not None
        parent = getattr(self.shell, "parent_header", None) or {}
        found = cell_identity(parent, cell)
        app = runtime.apps_by_cell.get(found) if found is not None else None
        if app is None or app.host is None:
            with built():  # the area opens with its classes, layout and stylesheet
                host = Area("nbfrag-app")
                app = runtime.new_app(cell, self.shell.user_ns, host=host)
                app.root.lead = host.children = (Stylesheet(),)
            runtime.add_app(app, found)
        else:
            app.source = cell  # same cell again: same host and widgets, new code
        runtime.dispatch(Request(app))
        display(app.host)


def _record_source(info: Any) -> None:
    """Remember the source of the cell about to run, so a plain cell's app can rerun it."""
    runtime.cell_source = (execution_key(shell()), info.raw_cell)


def load_ipython_extension(shell: Any) -> None:
    """Register `%%app` and the source hook; loading twice changes nothing."""
    if id(shell) in runtime.extension_shells:
        return
    runtime.extension_shells.add(id(shell))
    shell.register_magics(AppMagics)
    shell.events.register("pre_run_cell", _record_source)


def unload_ipython_extension(shell: Any) -> None:
    """Forget the hook (the magic stays registered, as IPython does not unregister magics)."""
    if id(shell) in runtime.extension_shells:
        runtime.extension_shells.discard(id(shell))
        shell.events.unregister("pre_run_cell", _record_source)
