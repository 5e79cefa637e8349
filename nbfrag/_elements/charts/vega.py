"""`st.altair_chart` and `st.vega_lite_chart`: a chart the app built, published as Vega-Lite v5.

Altair is optional and never imported here: an Altair chart (Altair 5 or 6) brings its own
module and is turned into a spec with its `to_dict()`, under Altair's "none" theme and without
its row limit, as Streamlit does.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, Literal

from ... import errors
from ..frames import to_frame
from .publish import check_size, check_theme, place_chart, records, sized

_NOT_STRETCHED = ("facet", "hconcat", "repeat", "concat")


def altair_chart(
    altair_chart: Any,
    *,
    width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["stretch", "content"] = "content",
    use_container_width: bool | None = None,
    theme: Literal["streamlit"] | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> None:
    """Display a chart made with Vega-Altair (Altair 5 or 6).

    The chart becomes a Vega-Lite spec in the kernel, with its data inlined, drawn by the
    notebook's own Vega-Lite renderer: no CDN and no Altair renderer settings needed.

    Parameters
    ----------
    altair_chart : altair.Chart
        Any Altair chart (`Chart`, `LayerChart`, `HConcatChart`, ...).
    width : "stretch", "content", int or None, default None
        "stretch" fills the column and follows it when it resizes, "content" keeps the chart's
        own width, a number is pixels. None stretches, except faceted, repeated and
        side-by-side charts, which keep their own width.
    height : "content", "stretch" or int, default "content"
        A number is pixels; otherwise the chart's own height.
    use_container_width : bool, optional
        Deprecated in Streamlit: True is `width="stretch"`, False `width="content"`.
    theme : "streamlit" or None, default "streamlit"
        "streamlit" draws with nbfrag's Streamlit-like theme under the chart's own config; None
        with Vega-Lite's defaults. Other values raise `StreamlitValueError`.
    key : str, optional
        Accepted for compatibility and ignored: the chart keeps no selection state.
    on_select : "ignore" or None, default "ignore"
        Selections are not reported back, so anything else raises `StreamlitAPIException`.
    selection_mode : str or iterable of str, optional
        Accepted for compatibility and ignored (no selections).
    alt : str, optional
        Accepted for compatibility and ignored.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, or the selection state with `on_select`).

    Differences from Streamlit
    --------------------------
    * No selections (`on_select`); the theme is a Streamlit-like one, not Streamlit's own.
    * Published as Vega-Lite v5, which the notebook frontends render (Altair 6 specs are
      v6; features only v6 has are not drawn).
    * Returns None rather than the element.

    Examples
    --------
    >>> import altair as alt
    >>> import pandas as pd
    >>> import nbfrag as st
    >>> df = pd.DataFrame({"fruit": ["apple", "kiwi", "fig"], "count": [3, 7, 2]})
    >>> st.altair_chart(alt.Chart(df).mark_bar().encode(x="fruit", y="count"))
    """
    check_theme(theme)
    _check_select(on_select, "altair_chart")
    to_dict = getattr(altair_chart, "to_dict", None)
    if not callable(to_dict) or not type(altair_chart).__module__.startswith("altair"):
        raise errors.StreamlitAPIException(
            f"st.altair_chart expects an Altair chart, not {type(altair_chart).__name__}. For a "
            "Vega-Lite spec dict use st.vega_lite_chart."
        )
    with _plain_altair(sys.modules["altair"]):
        spec = to_dict()
    data = getattr(altair_chart, "data", None)
    frame = data if type(data).__module__.split(".")[0] == "pandas" else None
    _draw("altair_chart", spec, frame, width, height, use_container_width, theme)


def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    width: int | Literal["stretch", "content"] | None = None,
    height: int | Literal["stretch", "content"] = "content",
    use_container_width: bool | None = None,
    theme: Literal["streamlit"] | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> None:
    """Display a chart from a Vega-Lite spec and its data.

    Parameters
    ----------
    data : DataFrame, dict, list or None
        The chart's data, inlined as the spec's `data.values`. A dict with `spec` None is
        taken as the spec (Streamlit's shorthand).
    spec : dict
        The Vega-Lite spec. Missing or empty raises `StreamlitMissingRequiredParameterError`.
    width : "stretch", "content", int or None, default None
        "stretch" fills the column and follows it when it resizes, "content" keeps the spec's
        own width, a number is pixels. None stretches, except faceted, repeated and
        side-by-side charts.
    height : "content", "stretch" or int, default "content"
        A number is pixels; otherwise the spec's own height.
    use_container_width : bool, optional
        Deprecated in Streamlit: True is `width="stretch"`, False `width="content"`.
    theme : "streamlit" or None, default "streamlit"
        "streamlit" draws with nbfrag's Streamlit-like theme under the spec's own config; None
        with Vega-Lite's defaults.
    key : str, optional
        Accepted for compatibility and ignored: the chart keeps no selection state.
    on_select : "ignore" or None, default "ignore"
        Selections are not reported back, so anything else raises `StreamlitAPIException`.
    selection_mode : str or iterable of str, optional
        Accepted for compatibility and ignored (no selections).
    alt : str, optional
        Accepted for compatibility and ignored.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, or the selection state with `on_select`).

    Differences from Streamlit
    --------------------------
    * No selections (`on_select`); the theme is a Streamlit-like one, not Streamlit's own.
    * Drawn by the notebook's Vega-Lite 5 renderer.
    * Returns None rather than the element.

    Examples
    --------
    >>> import pandas as pd
    >>> import nbfrag as st
    >>> df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 1, 3]})
    >>> st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"},
    ...     "y": {"field": "b", "type": "quantitative"}}})
    """
    check_theme(theme)
    _check_select(on_select, "vega_lite_chart")
    if isinstance(data, dict) and spec is None:
        data, spec = None, data
    if not spec:
        raise errors.StreamlitMissingRequiredParameterError(
            "spec", "Vega-Lite charts require a non-empty spec dict."
        )
    spec = dict(spec)
    frame = None
    if data is not None:
        frame = to_frame(data, "vega_lite_chart")
        spec["data"] = {"values": records(frame)}
    _draw("vega_lite_chart", spec, frame, width, height, use_container_width, theme)


def _draw(
    kind: str, spec: dict[str, Any], frame: Any, width: Any, height: Any, use_container_width: bool | None,
    theme: str | None,
) -> None:
    width, height = check_size(width, height, use_container_width)
    if width is None:
        composed = any(key in spec for key in _NOT_STRETCHED) or any(
            key in (spec.get("encoding") or {}) for key in ("row", "column", "facet")
        )
        width = "content" if composed else "stretch"
    published = sized(spec, width, height if isinstance(height, int) else None, theme)
    values = _values(published)
    if frame is None and values is not None:
        import pandas as pd

        frame = pd.DataFrame(values)
    place_chart(kind, published, frame, f"{kind}: {_what(published)}, {len(values or [])} rows")


def _check_select(on_select: Any, kind: str) -> None:
    if on_select not in ("ignore", None):
        raise errors.StreamlitAPIException(
            f"nbfrag's st.{kind} does not report selections: drop on_select (or pass on_select='ignore')."
        )


@contextlib.contextmanager
def _plain_altair(alt: Any) -> Iterator[None]:
    """Altair's "none" theme (no default size) and no row limit, for one `to_dict()`."""
    themes = getattr(alt, "theme", None) or getattr(alt, "themes", None)
    with contextlib.ExitStack() as stack:
        if themes is not None and hasattr(themes, "enable"):
            stack.enter_context(themes.enable("none"))
        stack.enter_context(alt.data_transformers.disable_max_rows())
        yield


def _what(spec: dict[str, Any]) -> str:
    """A spec's mark ("bar") or composition ("layer")."""
    for key in ("layer", "hconcat", "vconcat", "concat", "facet", "repeat"):
        if key in spec:
            return key
    mark = spec.get("mark")
    return str(mark.get("type") if isinstance(mark, dict) else mark or "chart")


def _values(spec: dict[str, Any]) -> list[Any] | None:
    """The rows the spec draws: its inline `data.values`, or its one named dataset."""
    data = spec.get("data") or {}
    if isinstance(data.get("values"), list):
        return list(data["values"])
    datasets = spec.get("datasets") or {}
    name = data.get("name")
    if name in datasets:
        return list(datasets[name])
    if len(datasets) == 1:
        return list(next(iter(datasets.values())))
    return None
