"""Charts drawn by their libraries: `st.pyplot` (a PNG rendered in the kernel) and
`st.plotly_chart` (the figure as `application/vnd.plotly.v1+json`, with an HTML fallback).

Each is shown in a reused `Output` widget, so the frontend draws it with its own renderers; a
rerun that draws the same chart sends nothing. matplotlib and plotly are imported only when
used. Alt texts are escaped: they may come from a visitor.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json as _json
from typing import Any

from .. import errors
from .._runtime.markdown import escape
from .._widgets.types import Height, Width, check_height, check_width
from .base import display_output, place_outputs
from .images import alt_text, png_size

# -- st.pyplot ------------------------------------------------------------------------------


def pyplot(
    fig: Any = None,
    clear_figure: bool | None = None,
    *,
    width: Width = "stretch",
    use_container_width: bool | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> None:
    """Display a matplotlib figure, rendered to PNG in the kernel.

    The figure is closed in pyplot afterwards, so the notebook's inline backend does not show it
    a second time and reruns do not pile up open figures.

    Parameters
    ----------
    fig : matplotlib.figure.Figure, optional
        The figure to draw. Without it pyplot's current figure is drawn; when there is none,
        `StreamlitAPIException` explains how to pass one.
    clear_figure : bool, optional
        Clear the figure after drawing it. Default: True for pyplot's current figure (no `fig`),
        False for a figure passed in.
    width : "stretch", "content" or int, default "stretch"
        "stretch" fills the column's width, keeping the figure's aspect ratio (and follows the
        column when it resizes); "content" shows the figure at its own size; a number of pixels
        that wide. Other values raise `StreamlitInvalidWidthError`.
    use_container_width : bool, optional
        The older spelling of `width`: True is "stretch", False is "content".
    alt : str, optional
        The picture's description for screen readers; "" marks it as decorative and a blank
        text is none.
    **kwargs
        Passed to `Figure.savefig`, e.g. `dpi=100` or `transparent=True` (defaults: `dpi=200`,
        `bbox_inches="tight"`).

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * The figure is closed in pyplot after drawing.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import nbfrag as st
    >>> fig, ax = plt.subplots(figsize=(4, 2))
    >>> lines = ax.plot([1, 3, 2, 4])
    >>> st.pyplot(fig)
    """
    check_width(width, allow_content=True)
    if use_container_width is False and not isinstance(width, int):
        width = "content"
    import matplotlib.pyplot as plt

    given = fig is not None
    if not given:
        if not plt.get_fignums() or not plt.gcf().get_axes():
            raise errors.StreamlitAPIException(
                "st.pyplot() was called without a figure and matplotlib has no current figure "
                "to draw. Pass the figure: `fig, ax = plt.subplots(); ax.plot(...); st.pyplot(fig)`."
            )
        fig = plt.gcf()
    elif not hasattr(fig, "savefig"):
        raise errors.StreamlitAPIException(
            f"st.pyplot expects a matplotlib Figure, not {type(fig).__name__}. For an Axes, "
            "pass `ax.figure`; for a Plotly figure use st.plotly_chart."
        )
    if clear_figure is None:
        clear_figure = not given
    options = {"dpi": 200, "bbox_inches": "tight", **kwargs, "format": "png"}
    buffer = io.BytesIO()
    fig.savefig(buffer, **options)
    raw = buffer.getvalue()
    text = repr(fig)
    # Shown at the figure's own size: the PNG has dpi/fig.dpi times as many pixels (sharp on
    # high-density screens).
    size, dpi = png_size(raw), options.get("dpi")
    scale = float(dpi) / float(fig.dpi) if isinstance(dpi, (int, float)) and dpi > 0 and fig.dpi else 1.0
    natural = round(size[0] / scale) if size else None
    encoded = base64.b64encode(raw).decode("ascii")
    # The frontends prefer the HTML: an <img> as wide as the column ("stretch"), the figure's own
    # width ("content") or the pixels asked for, its height following the aspect ratio. The PNG
    # (with the figure's own width) stays for frontends without HTML.
    if isinstance(width, int):
        css = f"width:{width}px;height:auto"
    elif width == "stretch" or natural is None:
        css = "width:100%;height:auto"
    else:
        css = f"width:{natural}px;height:auto"
    described = alt_text(alt)
    label = text if described is None else described
    html = f'<img src="data:image/png;base64,{encoded}" alt="{escape(label)}" style="{css};max-width:100%">'
    data = {"text/html": html, "image/png": encoded, "text/plain": text}
    metadata = {"image/png": {"width": natural}} if natural else {}
    if clear_figure:
        fig.clf()
    plt.close(fig)
    place_outputs("pyplot", [display_output(data, metadata)], text, fig)


# -- st.plotly_chart ------------------------------------------------------------------------

DEFAULT_PLOTLY_HEIGHT = 450  # px: Plotly's default figure height, which Streamlit shows too


def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: Width = "stretch",
    height: Height = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    alt: str | None = None,
) -> None:
    """Display an interactive Plotly chart.

    The figure is sent as `application/vnd.plotly.v1+json`, which JupyterLab, Notebook 7 and
    Voila draw with Plotly's renderer, with an HTML fallback that loads plotly.js from its CDN.
    Needs `plotly` installed.

    Parameters
    ----------
    figure_or_data : plotly Figure, dict or list
        A `plotly.graph_objects.Figure`, or figure data (a dict with "data" and "layout", or a
        list of traces) made into one.
    use_container_width : bool, optional
        The older spelling of `width`: True is "stretch", False is "content".
    width : "stretch", "content" or int, default "stretch"
        "stretch" makes the chart responsive (it resizes with its container), "content" keeps
        the figure's own width, a number sets the figure's width in pixels. Other values raise
        `StreamlitInvalidWidthError`.
    height : "content", "stretch" or int, default "content"
        A number sets the figure's height in pixels; "content" and "stretch" keep the figure's
        own (450 pixels, Plotly's default, when it has none). Other values raise
        `StreamlitInvalidHeightError`.
    theme : "streamlit" or None, default "streamlit"
        Accepted for compatibility and ignored: the figure keeps its own Plotly template.
    key : str, optional
        Accepted for compatibility and ignored: the chart keeps no selection state.
    on_select : "ignore" or None, default "ignore"
        Points cannot be selected, so anything but "ignore" or None raises
        `StreamlitAPIException`.
    selection_mode : str or iterable of str, default ("points", "box", "lasso")
        Accepted for compatibility and ignored (no selections).
    config : dict, optional
        Plotly config options, e.g. `{"displayModeBar": False}`.
    alt : str, optional
        The chart's accessible name for screen readers, given to the HTML fallback's chart
        (`aria-label`); blank is none.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, or the selection state with `on_select`).

    Differences from Streamlit
    --------------------------
    * No Streamlit theme and no selections; `alt` reaches only the HTML fallback (the
      notebook's Plotly renderer takes no accessible name).
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> import nbfrag as st
    >>> fig = go.Figure(go.Bar(x=["fern", "cactus"], y=[250, 40]))
    >>> st.plotly_chart(fig, height=300, alt="Water per plant")
    """
    check_width(width, allow_content=True)
    check_height(height, allow_content=True)
    if use_container_width is not None and not isinstance(width, int):
        width = "stretch" if use_container_width else "content"
    if on_select not in ("ignore", None):
        raise errors.StreamlitAPIException(
            "nbfrag's st.plotly_chart does not support selections: drop on_select (or pass "
            "on_select='ignore')."
        )
    try:
        import plotly.graph_objects as go
        import plotly.io as pio
    except ImportError:
        raise ImportError("st.plotly_chart needs plotly: `pip install plotly`.") from None
    fig = figure_or_data if isinstance(figure_or_data, go.Figure) else go.Figure(figure_or_data)
    # A figure without a height gets Plotly's (and Streamlit's) 450 px: left to the frontend, the
    # notebook's renderer picks 360 px, and a responsive chart whose height follows its
    # container (the HTML fallback's `height:100%`) collapses in a container of no height.
    sized = {"width": width} if isinstance(width, int) else {}
    if isinstance(height, int):
        sized["height"] = height
    elif fig.layout.height is None:
        sized["height"] = DEFAULT_PLOTLY_HEIGHT
    if sized:
        fig = go.Figure(fig)  # a copy: the app's figure keeps its size
        fig.update_layout(**sized)
    spec = pio.to_json(fig, validate=False, pretty=False)
    payload = _json.loads(spec)
    payload["config"] = {**(config or {}), "responsive": width == "stretch"}
    div_id = "nbfrag-plotly-" + hashlib.sha1(spec.encode()).hexdigest()[:16]
    html = pio.to_html(fig, full_html=False, include_plotlyjs="cdn", div_id=div_id, config=payload["config"])
    name = alt_text(alt)
    if name:
        html = f"<div role='figure' aria-label='{escape(name)}'>{html}</div>"
    kinds = [trace.get("type", "scatter") for trace in payload.get("data", [])]
    text = f"<plotly_chart: {', '.join(kinds) or 'no traces'}>"
    data = {"application/vnd.plotly.v1+json": payload, "text/html": html, "text/plain": text}
    place_outputs("plotly_chart", [display_output(data)], text, figure_or_data)

