"""Putting a Vega-Lite spec on the page: the data inlined, one theme, the column's width, and
the mimetype the frontends render.

JupyterLab, Notebook 7 and Voila register a Vega-Lite renderer for
`application/vnd.vegalite.v5+json` (their `vega5-extension`) and none for Vega-Lite 6, which
Altair 6 emits. The specs charts use (marks, encodings, params, transforms) read the same in
both versions, so every chart is published as v5 with a v5 `$schema`. The chart sits in a
reused `Output` widget (`place_outputs`): a rerun that draws new data changes only that
widget's `outputs`, one message, and the frontend redraws the chart in the same place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ... import errors
from ...errors import StreamlitInvalidHeightError, StreamlitInvalidWidthError
from ..base import display_output, place_outputs

MIMETYPE = "application/vnd.vegalite.v5+json"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
# Streamlit's categorical palette, and quiet greys that read on light and dark themes.
PALETTE = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0",
           "#d5dae5"]
_GREY, _GRID = "#808495", "rgba(128, 132, 149, 0.2)"
_FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"
THEME: dict[str, Any] = {
    "font": _FONT,
    "background": "transparent",
    "view": {"stroke": None, "continuousHeight": 350, "continuousWidth": 400},
    "mark": {"color": PALETTE[0]},
    "range": {"category": PALETTE},
    "axis": {
        "labelColor": _GREY, "titleColor": _GREY, "gridColor": _GRID, "domainColor": _GRID, "tickColor": _GRID,
        "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "labelPadding": 4,
    },
    "legend": {"labelColor": _GREY, "titleColor": _GREY, "labelFontSize": 12, "titleFontSize": 12,
               "titleFontWeight": "normal"},
    "title": {"color": _GREY, "fontSize": 14, "anchor": "start"},
}
# The renderer's "..." menu (export, view source) is not part of a Streamlit chart.
_METADATA = {MIMETYPE: {"embed_options": {"actions": False, "defaultStyle": False}}}


@dataclass
class Chart:
    """What a chart element holds (its `slot.body`, read by `nbfrag.testing` as `.spec` and
    `.data`): the Vega-Lite spec as published and the table it draws."""

    spec: dict[str, Any]
    data: Any
    text: str

    def __repr__(self) -> str:
        return self.text


def check_size(width: Any, height: Any, use_container_width: bool | None) -> tuple[Any, Any]:
    """`width`/`height` checked as Streamlit checks them; `use_container_width` (deprecated in
    Streamlit) given wins over `width`: True is "stretch", False "content" unless `width` is pixels."""
    if use_container_width is not None:
        width = "stretch" if use_container_width else (width if isinstance(width, int) else "content")
    for value, error in ((width, StreamlitInvalidWidthError), (height, StreamlitInvalidHeightError)):
        if value is None or value in ("stretch", "content"):
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise error(value, allow_content=True)
    return width, height


def sized(spec: dict[str, Any], width: Any, height: Any, theme: str | None) -> dict[str, Any]:
    """The spec as published: v5 `$schema`, the theme under the spec's own config, and its size:
    "stretch" fills the column (`"width": "container"`) and follows it when it resizes;
    "content" and None keep the spec's own width; a number is pixels."""
    out = {"$schema": SCHEMA, **{k: v for k, v in spec.items() if k != "$schema"}}
    for key in ("width", "height"):  # Streamlit's "no size" placeholders (item 97)
        if out.get(key) == 0:
            del out[key]
    if width == "stretch" or (width is None and "width" not in out):
        out["width"] = "container"
        out.setdefault("autosize", {"type": "fit", "contains": "padding"})
    elif isinstance(width, int):
        out["width"] = width
    if isinstance(height, int):
        out["height"] = height
    if theme == "streamlit":
        out["config"] = merge(THEME, out.get("config") or {})
    if "layer" in out and isinstance(out.get("width"), (int, str)):
        # A layered chart's size lives on the top level; its layers must not say otherwise.
        out["layer"] = [{k: v for k, v in layer.items() if k not in ("width", "height")} for layer in out["layer"]]
    return out


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` on top of `base`, nested dicts merged."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def records(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame as Vega-Lite inline `values`: rows of JSON (dates as ISO text, NaN as null)."""
    if frame is None or not len(frame.columns):
        return []
    text = frame.to_json(orient="records", date_format="iso", default_handler=str)
    rows: list[dict[str, Any]] = json.loads(text)
    return rows


def check_theme(theme: Any) -> None:
    if theme not in ("streamlit", None):
        raise errors.StreamlitValueError("theme", ["'streamlit'", "None"])


def place_chart(kind: str, spec: dict[str, Any], data: Any, text: str) -> Chart:
    """Draw a published spec at the cursor (in place of the chart the last run drew here)."""
    chart = Chart(spec, data, text)
    bundle = {MIMETYPE: spec, "text/plain": text}
    place_outputs(kind, [display_output(bundle, _METADATA)], text, chart)
    return chart
