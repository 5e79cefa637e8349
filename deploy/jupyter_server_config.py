"""Settings of each visitor's own Jupyter server under JupyterHub (one machine or Kubernetes),
where Voila runs as a server extension and renders the dashboard.

The one-machine recipe passes this file to every server it starts (`jupyterhub_config.py`);
the container image installs it as /etc/jupyter/jupyter_server_config.py (`Dockerfile`).
Every setting is a documented option of jupyter_server 2 or Voila 0.5. Voila's preheated
kernel pool exists only when Voila serves on its own (`make serve`), not in a Jupyter server.
"""

c = get_config()  # noqa: F821 - provided by traitlets when the server loads this file

# Visitors never see a traceback.
c.VoilaConfiguration.show_tracebacks = False
# A slow kernel (a busy machine, a cold start) never leaves the page blank: Voila's default
# 4 s wait for a cell's output did, under a burst of visitors.
c.VoilaExecutor.iopub_timeout = 120
c.VoilaExecutor.raise_on_iopub_timeout = False
# A closed tab leaves its kernel running: shut down kernels idle for 10 minutes.
c.MappingKernelManager.cull_idle_timeout = 600
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = True
# A visitor's server with no kernel and no request for 30 minutes stops, giving its memory
# back; the next visit starts it again (the hub also culls idle servers on Kubernetes).
c.ServerApp.shutdown_no_activity_timeout = 1800
