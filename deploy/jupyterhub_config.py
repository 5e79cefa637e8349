"""JupyterHub on one machine serving an nbfrag dashboard through Voila: each visitor logs in and
gets their own Jupyter server, kernel and Session State.

Run it (as root, so that it can start servers as the machine's users; see the README's "Deploy")::

    NBFRAG_APP_DIR=/srv/nbfrag/app jupyterhub -f deploy/jupyterhub_config.py

Every setting below is a documented option of JupyterHub 5+/6, jupyter_server 2 and Voila 0.5.
tests/e2e/test_jupyterhub.py runs this file with the two settings a test must change (the
authenticator and a spawner that needs no system users) and nothing else.

Environment variables read here (all optional):

- ``NBFRAG_APP_DIR``: the folder holding the dashboard notebook (read-only for visitors is
  fine; default ``/srv/nbfrag/app``);
- ``NBFRAG_APP``: the notebook inside it (default ``dashboard.ipynb``);
- ``NBFRAG_HUB_URL``: where the hub listens (default ``http://127.0.0.1:8000``; put TLS in
  front of it, or set ``JupyterHub.ssl_cert``/``ssl_key``, before opening it to a network).
"""

import os

c = get_config()  # noqa: F821 - provided by traitlets when JupyterHub loads this file

APP_DIR = os.environ.get("NBFRAG_APP_DIR", "/srv/nbfrag/app")
APP = os.environ.get("NBFRAG_APP", "dashboard.ipynb")

c.JupyterHub.bind_url = os.environ.get("NBFRAG_HUB_URL", "http://127.0.0.1:8000")

# Who may log in: the machine's users (PAM, JupyterHub's default authenticator) listed here, or
# swap in an OAuth authenticator (oauthenticator) for a team's accounts.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(filter(None, os.environ.get("NBFRAG_USERS", "").split(",")))

# One Jupyter server per visitor, started as their system user, opening the dashboard in Voila
# (the server extension Voila installs) instead of JupyterLab.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.notebook_dir = APP_DIR
c.Spawner.default_url = f"/voila/render/{APP}"
# The visitor's server settings (no tracebacks, long output timeout, idle kernels culled):
# deploy/jupyter_server_config.py, the same file the container image installs.
c.Spawner.args = [f"--config={os.path.join(os.path.dirname(os.path.abspath(__file__)), 'jupyter_server_config.py')}"]
c.Spawner.start_timeout = 120  # a loaded machine starts a server and kernel slowly
c.Spawner.http_timeout = 120
c.Spawner.mem_limit = "1G"  # a per-visitor limit where the spawner enforces one (not localprocess)

# Stop every visitor's server with the hub.
c.JupyterHub.cleanup_servers = True
