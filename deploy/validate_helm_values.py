#!/usr/bin/env python
"""Check deploy/helm-values.yaml against the Zero to JupyterHub chart's values schema, as Helm
would: the chart's default values merged with ours, then validated by the chart's schema
(which rejects unknown keys).

Usage::

    python deploy/validate_helm_values.py CHART_DIR [VALUES]

CHART_DIR is the chart's folder: `helm pull jupyterhub --repo https://hub.jupyter.org/helm-chart/
--untar` gives `jupyterhub/` (with values.schema.json), a clone of
github.com/jupyterhub/zero-to-jupyterhub-k8s has it as `jupyterhub/` (with values.schema.yaml).
Exit code 1 and every error printed when the values do not fit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import yaml


def merged(defaults: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Helm's merge of values files: maps merge key by key, anything else replaces."""
    out = dict(defaults)
    for key, value in values.items():
        both_maps = isinstance(value, dict) and isinstance(defaults.get(key), dict)
        out[key] = merged(defaults[key], value) if both_maps else value
    return out


def main() -> int:
    chart = Path(sys.argv[1])
    values_path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("helm-values.yaml")
    schema_json, schema_yaml = chart / "values.schema.json", chart / "values.schema.yaml"
    schema = json.loads(schema_json.read_text()) if schema_json.exists() else yaml.safe_load(schema_yaml.read_text())
    values = merged(yaml.safe_load((chart / "values.yaml").read_text()), yaml.safe_load(values_path.read_text()))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(values))
    for error in errors:
        print(f"{'.'.join(map(str, error.path)) or '(top)'}: {error.message}")
    print(f"{values_path}: {len(errors)} error(s) against {chart}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
