"""`st.map`: points on an interactive map, drawn by ipyleaflet (Leaflet in the page).

Streamlit's data rules apply as they are: the latitude and longitude columns are found by name
("lat", "latitude", "LAT", "LATITUDE", and the same for "lon"/"longitude") unless named, may
not hold nulls, and `color` / `size` are either one value or a column. The view starts
centred on the points at the zoom Streamlit picks from their spread. All points are one
GeoJSON layer (one widget model, however many points), on OpenStreetMap's tiles (Streamlit's
CARTO basemap needs an API key); a rerun with other points updates that layer in place and keeps the visitor's pan
and zoom unless the points' view changed.
"""

from __future__ import annotations

import math
from typing import Any

from .. import errors
from .._runtime.models import opened_at_once
from .._runtime.runtime import runtime
from .._widgets.types import css_size
from .charts.prepare import css_color, is_color, is_named_color

_LATITUDES = ("LAT", "LATITUDE", "lat", "latitude")
_LONGITUDES = ("LON", "LONGITUDE", "lon", "longitude")
_PRIMARY = "#ff4b4b"  # Streamlit's primary colour
_OPACITY = 0.75
_DEFAULT_SIZE = 100.0  # metres
_DEFAULT_ZOOM = 12
_MIN_RADIUS = 3  # pixels, as Streamlit's `radiusMinPixels`
# Degrees of longitude shown at zoom levels 0, 1, 2... (OpenStreetMap's table).
_ZOOM_SPANS = (360, 180, 90, 45, 22.5, 11.25, 5.625, 2.813, 1.406, 0.703, 0.352, 0.176, 0.088,
               0.044, 0.022, 0.011, 0.005, 0.003, 0.001, 0.0005, 0.00025)


def zoom_for(span: float) -> int:
    """The zoom level that fits `span` degrees; 12 for points closer than the last level."""
    for level in range(len(_ZOOM_SPANS) - 1):
        if _ZOOM_SPANS[level + 1] < span <= _ZOOM_SPANS[level]:
            return level
    return _DEFAULT_ZOOM


def _column(frame: Any, what: str, given: str | None, defaults: tuple[str, ...]) -> str:
    if isinstance(given, str) and given in frame.columns:
        name = given
    else:
        found = [c for c in defaults if c in frame.columns]
        if not found:
            allowed = ", ".join(repr(c) for c in sorted(defaults))
            existing = ", ".join(repr(c) for c in frame.columns)
            raise errors.StreamlitAPIException(
                f"Map data must contain a {what} column named: {allowed}. Existing columns: {existing}"
            )
        name = found[0]
    if frame[name].isna().any():
        raise errors.StreamlitAPIException(
            f"Column {name} is not allowed to contain null values, such as NaN, NaT, or None."
        )
    return name


def _rgba(value: Any) -> tuple[str, float] | None:
    """A colour as (CSS colour, opacity): hex/named strings, or RGB(A) tuples of 0-255 ints
    or 0-1 floats, as Streamlit's `to_int_color_tuple` reads them."""
    if isinstance(value, str):
        if value.lower() == "primary":
            return _PRIMARY, _OPACITY
        if is_color(value) or is_named_color(value):
            text = css_color(value)
            if len(text) == 9 and text.startswith("#"):  # #rrggbbaa
                return text[:7], int(text[7:], 16) / 255
            return text, 1.0
        return None
    if isinstance(value, (list, tuple)) and len(value) in (3, 4):
        try:
            parts = [float(p) for p in value]
        except (TypeError, ValueError):
            return None
        scale = 1.0 if all(isinstance(p, float) for p in value) and all(0 <= p <= 1 for p in parts) else 255.0
        rgb = [round(max(0.0, min(1.0, p / scale)) * 255) for p in parts[:3]]
        alpha = max(0.0, min(1.0, parts[3] / scale)) if len(parts) == 4 else 1.0
        return "#{:02x}{:02x}{:02x}".format(*rgb), alpha
    return None


def _colors(frame: Any, color: Any) -> list[tuple[str, float]] | tuple[str, float]:
    if isinstance(color, str) and color in frame.columns:
        values = list(frame[color])
        converted = [_rgba(v) for v in values]
        if not values or converted[0] is None or any(c is None for c in converted):
            raise errors.StreamlitAPIException(f'Column "{color}" does not appear to contain valid colors.')
        return [c for c in converted if c is not None]
    one = _rgba("primary" if color is None else color)
    if one is None:
        raise errors.StreamlitAPIException(
            f"Invalid color {color!r} for st.map: pass a hex string such as '#ffaa00', an RGB(A) tuple, "
            "or the name of a column of colours."
        )
    return one


def _sizes(frame: Any, size: Any) -> list[float] | float:
    if isinstance(size, str) and size in frame.columns:
        return [float(v) for v in frame[size]]
    if size is None:
        return _DEFAULT_SIZE
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not math.isfinite(size) or size < 0:
        raise errors.StreamlitAPIException(
            f"Invalid size {size!r} for st.map: pass a radius in metres or the name of a column of radii."
        )
    return float(size)


def _pixels(metres: float, latitude: float, zoom: int) -> float:
    """A radius in metres as pixels at `zoom` (Web Mercator), at least `_MIN_RADIUS`."""
    per_pixel = 156543.03392 * math.cos(math.radians(latitude)) / (2**zoom)
    return max(_MIN_RADIUS, metres / per_pixel) if per_pixel > 0 else _MIN_RADIUS


def map_layers(data: Any, latitude: str | None, longitude: str | None, color: Any, size: Any,
               zoom: int | None) -> tuple[dict[str, Any], tuple[float, float], int, str]:
    """The points as GeoJSON (each with its style), the centre, the zoom, and the text form."""
    from pandas import DataFrame

    frame = data if isinstance(data, DataFrame) else DataFrame(data)
    lat = _column(frame, "latitude", latitude, _LATITUDES)
    lon = _column(frame, "longitude", longitude, _LONGITUDES)
    colors, sizes = _colors(frame, color), _sizes(frame, size)
    lats, lons = [float(v) for v in frame[lat]], [float(v) for v in frame[lon]]
    if lats:
        centre = ((max(lats) + min(lats)) / 2, (max(lons) + min(lons)) / 2)
        span = max(max(lats) - min(lats), max(lons) - min(lons))
    else:
        centre, span = (0.0, 0.0), 0.0
    level = zoom_for(span) if zoom is None else int(zoom)
    features = []
    for i, (y, x) in enumerate(zip(lats, lons, strict=True)):
        fill, opacity = colors[i] if isinstance(colors, list) else colors
        metres = sizes[i] if isinstance(sizes, list) else sizes
        style = {"radius": round(_pixels(metres, y, level), 2), "fillColor": fill, "color": fill,
                 "fillOpacity": opacity, "opacity": opacity, "weight": 0}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
                         "properties": {"style": style}})
    text = f"map: {len(features)} points around ({centre[0]:.4f}, {centre[1]:.4f}), zoom {level}"
    return {"type": "FeatureCollection", "features": features}, centre, level, text


def map(  # noqa: A001 - Streamlit's name
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: Any = None,
    size: str | float | None = None,
    zoom: int | None = None,
    width: int | str = "stretch",
    height: int | str = 500,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    """Show points on an interactive map (pan and zoom with the mouse).

    Parameters
    ----------
    data : DataFrame, dict, or anything `pandas.DataFrame` takes, optional
        The points, one per row. None or an empty frame shows an empty world map.
    latitude : str, optional
        The latitude column; by default the one named "lat", "latitude", "LAT" or "LATITUDE".
    longitude : str, optional
        The longitude column; by default "lon", "longitude", "LON" or "LONGITUDE".
    color : str, tuple or column name, optional
        The points' colour: a hex string ("#ffaa0088"), an RGB(A) tuple of 0-255 ints or 0-1
        floats, or a column of such colours. Default: Streamlit's primary red.
    size : float or column name, optional
        The points' radius in metres, or a column of radii. Default 100.
    zoom : int, optional
        The starting zoom level (0 is the whole world); by default the level that fits the
        points' spread.
    width : "stretch" or int, default "stretch"
        The map's width: its container's, or pixels.
    height : "stretch" or int, default 500
        The map's height in pixels, or its container's.
    use_container_width : bool, optional
        Deprecated in Streamlit: True is `width="stretch"`; False keeps `width`.
    alt : str, optional
        A description of the map for screen readers.

    Returns
    -------
    None

    Raises
    ------
    StreamlitAPIException
        No latitude or longitude column, a null coordinate, or invalid colours, as Streamlit.

    Differences from Streamlit
    --------------------------
    * Drawn by Leaflet (ipyleaflet) instead of deck.gl: the points are sized in metres at the
      starting zoom (at least 3 pixels) and keep that pixel size when the visitor zooms.
    * Needs `ipyleaflet` and `pandas` (`pip install "nbfrag[maps]"`); the basemap tiles come
      from OpenStreetMap's servers, so a browser without internet access shows the points on a blank
      background. The basemap is OpenStreetMap's standard map, not CARTO's light one.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.map({"lat": [52.52, 48.86], "lon": [13.40, 2.35]}, size=20000, color="#0044ff")
    """
    try:
        import ipyleaflet
    except ImportError:
        raise errors.StreamlitAPIException(
            "st.map needs ipyleaflet, which is not installed: `pip install ipyleaflet` "
            '(or `pip install "nbfrag[maps]"`) and restart the kernel.'
        ) from None
    if use_container_width:
        width = "stretch"
    css_width = css_size(width, "width", {"stretch": "100%"})
    css_height = css_size(height, "height", {"stretch": "100%"})
    empty = data is None or bool(getattr(data, "empty", False))
    if empty:
        geojson: dict[str, Any] = {"type": "FeatureCollection", "features": []}
        centre, level, text = (0.0, 0.0), 1, "map: no points"
    else:
        geojson, centre, level, text = map_layers(data, latitude, longitude, color, size, zoom)
    if alt:
        text += f" ({alt})"
    frame = runtime.require_frame()
    view = (centre, level)

    def create() -> Any:
        with opened_at_once():  # the Map reads its layers' and controls' model ids as it is built
            points = ipyleaflet.GeoJSON(data=geojson, point_style={"radius": _MIN_RADIUS})
            tiles = ipyleaflet.basemap_to_tiles(ipyleaflet.basemaps.OpenStreetMap.Mapnik)
            widget = ipyleaflet.Map(center=centre, zoom=level, basemap=tiles, scroll_wheel_zoom=True,
                                    layers=(tiles, points), layout={"width": css_width, "height": css_height})
        widget.add_class("nbfrag-map")
        widget._nbfrag_points, widget._nbfrag_view = points, view
        return widget

    def update(widget: Any) -> None:
        if widget._nbfrag_points.data != geojson:
            widget._nbfrag_points.data = geojson
        if widget._nbfrag_view != view:  # new points elsewhere: show them; else keep the visitor's view
            widget.center, widget.zoom, widget._nbfrag_view = centre, level, view
        widget.layout.width, widget.layout.height = css_width, css_height

    slot = frame.block.place("map", None, create, update, text=lambda: text, props=(text, view, css_width, css_height,
                                                                                    repr(geojson)))
    slot.body = geojson
    frame.show(slot.widget)
