# Everything a fresh machine needs: `make test` and `make demo` create .venv and install first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_QUIET := --quiet --disable-pip-version-check
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
CHROMIUM := /usr/bin/chromium
# st.graphviz_chart lays graphs out with the Graphviz programs (Debian's graphviz package).
DOT := $(or $(shell command -v dot 2>/dev/null),/usr/bin/dot)
DEMO_PORT ?= 8866
LAB_PORT ?= 8888
# make serve: which notebook, on which address (HOST=0.0.0.0 to accept other machines) and port.
NOTEBOOK ?= notebooks/dashboard.ipynb
HOST ?= 127.0.0.1
SERVE_PORT ?= 8866
# Jupyter servers refuse to run as root unless told; containers often are root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: test lint demo serve chp lab bench js-test py-test e2e clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_QUIET) --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install $(PIP_QUIET) -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -c "import nbfrag, jupyter_client, nbval, pytest, playwright, voila, jupyterhub, jupyterlab, notebook, matplotlib, mypy"
	$(PY) -m ruff --version >/dev/null
	touch $@

js/node_modules/.installed: js/package.json js/package-lock.json
	cd js && npm ci --no-audit --no-fund --silent
	touch $@

# JupyterHub's proxy (configurable-http-proxy, from npm) for the JupyterHub recipe's test.
chp: deploy/node_modules/.installed
deploy/node_modules/.installed: deploy/package.json deploy/package-lock.json
	cd deploy && npm ci --no-audit --no-fund --silent
	touch $@

$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "$(CHROMIUM) is missing and apt-get is not available: install Chromium at $(CHROMIUM)" >&2; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(DOT):
	@command -v apt-get >/dev/null || { echo "Graphviz's dot is missing and apt-get is not available: install Graphviz (conda install graphviz, brew install graphviz)" >&2; exit 1; }
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz

# Every test: lint and type checks, JS units, in-process and real-kernel tests, browser tests
# (tests/e2e: JupyterLab, Notebook 7, Voila and JupyterHub in Chromium) and every notebook under nbval in strict mode.
test: $(VENV)/.installed js/node_modules/.installed deploy/node_modules/.installed $(CHROMIUM) $(DOT) lint
	cd js && npm test --silent
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env -p no:cacheprovider

# ruff (settings in pyproject.toml) and mypy, strict, on the package.
lint: $(VENV)/.installed
	$(PY) -m ruff check nbfrag tests benchmarks
	$(PY) -m mypy nbfrag

js-test: js/node_modules/.installed
	cd js && npm test --silent

py-test: $(VENV)/.installed deploy/node_modules/.installed $(CHROMIUM) $(DOT)
	$(PY) -m pytest tests -p no:cacheprovider

e2e: $(VENV)/.installed deploy/node_modules/.installed $(CHROMIUM)
	$(PY) -m pytest tests/e2e -p no:cacheprovider

# The demo dashboard in Voila, on this machine only (127.0.0.1).
demo: $(VENV)/.installed
	@echo "Serving notebooks/dashboard.ipynb with Voila at http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C stops it)"
	$(VENV)/bin/voila notebooks/dashboard.ipynb --no-browser --Voila.ip=127.0.0.1 --port=$(DEMO_PORT)

# A notebook (the demo unless NOTEBOOK=...) served by Voila to many visitors: preheated kernels,
# idle kernels culled, a long output timeout, no tracebacks; the settings are in deploy/voila.py.
serve: $(VENV)/.installed
	@echo "Serving $(NOTEBOOK) with Voila at http://$(HOST):$(SERVE_PORT)/ for many visitors (settings: deploy/voila.py; Ctrl-C stops it)"
	$(VENV)/bin/voila $(NOTEBOOK) --no-browser --Voila.ip=$(HOST) --port=$(SERVE_PORT) --Voila.config_file_paths=deploy

# The notebooks in JupyterLab (opens a browser where there is one; the URL with its token is printed).
lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) --ServerApp.root_dir=notebooks $(ALLOW_ROOT)

# Streamlit 1.67 for bench_first_paint.py's side-by-side, in its own venv (never in .venv).
STREAMLIT_VENV := .venv-streamlit
$(STREAMLIT_VENV)/bin/streamlit:
	$(PYTHON) -m venv $(STREAMLIT_VENV)
	$(STREAMLIT_VENV)/bin/pip install $(PIP_QUIET) streamlit==1.67.0

bench: $(VENV)/.installed $(STREAMLIT_VENV)/bin/streamlit $(CHROMIUM)
	$(PY) benchmarks/bench_click.py
	$(PY) benchmarks/bench_inputs.py
	$(PY) benchmarks/bench_cache.py
	$(PY) benchmarks/bench_parallel.py
	$(PY) benchmarks/bench_stream.py
	$(PY) benchmarks/bench_chart.py
	$(PY) benchmarks/bench_memory.py
	$(PY) benchmarks/bench_load.py
	$(PY) benchmarks/bench_first_paint.py --streamlit $(STREAMLIT_VENV)/bin/python

clean:
	rm -rf $(VENV) $(STREAMLIT_VENV) js/node_modules deploy/node_modules
