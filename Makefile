# Everything a fresh machine needs: `make test` and `make demo` create .venv and install first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_QUIET := --quiet --disable-pip-version-check

.PHONY: test demo lab bench js-test py-test clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_QUIET) --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -m pip install $(PIP_QUIET) -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
	$(PY) -c "import nbfrag, jupyter_client, nbval, pytest"
	touch $@

js/node_modules/.installed: js/package.json js/package-lock.json
	cd js && npm ci --no-audit --no-fund --silent
	touch $@

test: $(VENV)/.installed js/node_modules/.installed
	cd js && npm test --silent
	$(PY) -m pytest tests notebooks --nbval --nbval-current-env -p no:cacheprovider

js-test: js/node_modules/.installed
	cd js && npm test --silent

py-test: $(VENV)/.installed
	$(PY) -m pytest tests -p no:cacheprovider

demo: $(VENV)/.installed
	$(VENV)/bin/voila notebooks/quickstart.ipynb --no-browser --Voila.ip=127.0.0.1 --port=8866 --show_tracebacks=True

lab: $(VENV)/.installed
	$(VENV)/bin/jupyter lab notebooks --no-browser --ServerApp.ip=127.0.0.1

bench: $(VENV)/.installed
	$(PY) benchmarks/bench_click.py

clean:
	rm -rf $(VENV) js/node_modules
