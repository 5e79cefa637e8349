"""Voila settings for serving one dashboard to many visitors (`make serve` uses this file).

Voila reads `voila.py` from the folders in `--Voila.config_file_paths`; `make serve` points it
at this folder. Every setting is a documented traitlets option of Voila 0.5 or jupyter_server
(`voila --help-all` lists them); change the numbers here, not in the Makefile.
"""

from datetime import timedelta

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float

c = get_config()  # noqa: F821 - provided by traitlets when Voila loads this file


class PoolKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager, minus one race between its pool and its culler.

    A preheated kernel has been idle since it ran the notebook, maybe for longer than the cull
    timeout. Voila never culls it while it waits in the pool, but the moment a visitor receives
    it, the culler may shut it down before the visitor's page has connected: the page then shows
    the notebook's text instead of the app. (The same happens to a fresh kernel when loading the
    page takes longer than the timeout, on a loaded machine.) So a kernel no page has been seen
    connected to is left alone for `connect_grace` seconds after the culler first sees it; then,
    or once a page has connected, the usual rules apply.
    """

    connect_grace = Float(120.0, config=True, help="Seconds a kernel no page has connected to is kept.")

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self._first_seen: dict[str, object] = {}
        self._seen_connected: set[str] = set()

    async def cull_kernel_if_idle(self, kernel_id):  # type: ignore[no-untyped-def]
        first_seen = self._first_seen.setdefault(kernel_id, utcnow())
        if self._kernel_connections.get(kernel_id, 0):
            self._seen_connected.add(kernel_id)
        grace = timedelta(seconds=self.connect_grace)
        if kernel_id not in self._seen_connected and utcnow() - first_seen < grace:
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._first_seen.pop(kernel_id, None)
        self._seen_connected.discard(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)


c.VoilaConfiguration.multi_kernel_manager_class = PoolKernelManager

# Preheated kernels: Voila keeps `pool_size` kernels that have already run the notebook, so a
# visitor's first paint does not wait for a kernel start and the notebook's execution. Each
# waiting kernel costs its memory (see the README's "Deploy" section); size the pool for the
# burst of visitors you expect within `fill_delay` seconds, the time before a used kernel is
# replaced. A visitor who arrives when the pool is empty gets a fresh kernel, as without a pool.
c.VoilaConfiguration.preheat_kernel = True
c.VoilaConfiguration.default_pool_size = 2
c.VoilaKernelManager.fill_delay = 1.0

# Visitors never see a traceback (Voila's default, stated here so nobody turns it on by accident).
c.VoilaConfiguration.show_tracebacks = False

# A burst of visitors makes every kernel slow to answer: Voila's default 4 s wait for the output
# of a cell left 42 of 50 pages blank at ten simultaneous visitors on a 2-core machine. Wait as
# long as a kernel takes, within reason.
c.VoilaExecutor.iopub_timeout = 120
c.VoilaExecutor.raise_on_iopub_timeout = False
c.VoilaExecutor.startup_timeout = 120

# Kernels of visitors who left: a closed tab leaves its kernel running; shut down every kernel
# that has been idle (no message from a page) for `cull_idle_timeout` seconds, checked every
# `cull_interval` seconds. A page that stays open with a `run_every` fragment keeps its kernel
# busy, so it is never idle; a page open without one for longer than the timeout is also culled
# (`cull_connected`), so a forgotten tab does not hold memory forever. The pool's waiting kernels
# are never culled.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = True
c.MappingKernelManager.cull_busy = False
