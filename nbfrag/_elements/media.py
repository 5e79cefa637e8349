"""Media elements: `st.image`, `st.pyplot`, `st.plotly_chart`.

Each is encoded in the kernel into a notebook mimebundle (PNG/JPEG/GIF/SVG as base64, a
Plotly figure as `application/vnd.plotly.v1+json` with an HTML fallback) and shown in a
reused `Output` widget, so the frontend draws it with its own renderers; a rerun that draws
the same picture sends nothing. numpy, Pillow, matplotlib and plotly are imported only when
an argument is of their type. Captions and URLs are escaped: they may come from a visitor.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json as _json
import os
import struct
import urllib.parse
from pathlib import Path
from typing import Any

from .. import errors
from .._runtime.markdown import escape
from .base import display_output, place_outputs

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/svg+xml": "SVG"}
_IMAGE_HELP = (
    "Pass a numpy array, a PIL image, encoded image bytes (PNG, JPEG, GIF), SVG markup, a "
    "file path, an http(s) URL, or a list of these."
)


# -- st.image -------------------------------------------------------------------------------


def image(
    image: Any,
    caption: Any = None,
    width: int | None = None,
    use_column_width: Any = None,
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool = False,
) -> None:
    """Display an image, or several one under the other.

    Images are encoded in the kernel and shown by the notebook's own renderers.

    Parameters
    ----------
    image : image or list of images
        A numpy array (H x W grayscale, H x W x 3 RGB or H x W x 4 RGBA; floats in [0, 1] or
        ints in [0, 255]), a PIL image, encoded bytes or a binary file object (PNG, JPEG, GIF;
        other formats with Pillow), SVG markup, a file path or an http(s) URL; or a list of
        these. Anything else raises `StreamlitAPIException`.
    caption : str or list of str, optional
        Plain text under the image; a list gives each image its own caption (as many captions
        as images, else `StreamlitAPIException`).
    width : int, optional
        The width in pixels; None shows the image at its natural size.
    use_column_width : bool or str, optional
        Accepted for compatibility (Streamlit deprecated it) and ignored.
    clamp : bool, default False
        Clip the values of an array into its valid range; without it, values outside raise
        `RuntimeError`.
    channels : {"RGB", "BGR"}, default "RGB"
        The channel order of an array ("BGR" for OpenCV images).
    output_format : {"auto", "PNG", "JPEG"}, default "auto"
        How arrays and PIL images are encoded: "auto" keeps JPEG images JPEG and uses PNG
        otherwise. Bytes, files and URLs are sent as they are.
    use_container_width : bool, default False
        Accepted for compatibility and ignored: images keep their natural size (or `width`).

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * A list of images is stacked vertically, not laid out side by side.
    * Captions are plain text; `use_container_width` and `use_column_width` are ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import numpy as np
    >>> import nbfrag as st
    >>> ramp = np.tile(np.linspace(0.0, 1.0, 64), (16, 1))
    >>> st.image(ramp, caption="A grey ramp", width=256)
    """
    if channels not in ("RGB", "BGR"):
        raise errors.StreamlitAPIException(
            f'Invalid channels "{channels}". Channels must be either "RGB" or "BGR".'
        )
    images = list(image) if isinstance(image, (list, tuple)) else [image]
    if isinstance(caption, (list, tuple)):
        captions = [None if c is None else str(c) for c in caption]
        if len(captions) != len(images):
            raise errors.StreamlitAPIException(
                f"Cannot pair {len(captions)} captions with {len(images)} images."
            )
    else:
        captions = [None if caption is None else str(caption)] * len(images)
    outputs: list[dict[str, Any]] = []
    lines: list[str] = []
    for one, cap in zip(images, captions, strict=True):
        data, label = _encode(one, clamp=clamp, channels=channels, output_format=output_format)
        if cap:
            label = f"{label} {cap}"
        lines.append(label)
        outputs.append(display_output({**data, "text/plain": label}, _size_metadata(data, width)))
        if cap:
            outputs.append(display_output({
                "text/plain": cap,
                "text/html": (
                    f"<div class='nbfrag-image-caption' style='font-size:0.85em;opacity:0.7'>{escape(cap)}</div>"
                ),
            }))
    place_outputs("image", outputs, "\n".join(lines), image)


def data_url(image: Any) -> tuple[str, str]:
    """One image `st.image` takes (numpy array, PIL image, bytes, SVG, file path) as a `data:`
    URL, with its text form (`<image 16x16 PNG>`); an http(s) URL is returned as it is."""
    if isinstance(image, str) and image.startswith(("http://", "https://")):
        return image, image
    data, label = _encode(image, clamp=False, channels="RGB", output_format="auto")
    mime = next(m for m in data if m.startswith("image/"))
    if mime == "image/svg+xml":
        return "data:image/svg+xml," + urllib.parse.quote(data[mime]), label
    return f"data:{mime};base64,{data[mime]}", label


def _size_metadata(data: dict[str, Any], width: int | None) -> dict[str, Any]:
    """An explicit width as notebook metadata (the frontend scales the image to it)."""
    mime = next((m for m in data if m.startswith("image/")), None)
    if mime is None:
        return {}
    if width is not None and width > 0:
        return {mime: {"width": int(width)}}
    return {}


def _encode(obj: Any, *, clamp: bool, channels: str, output_format: str) -> tuple[dict[str, Any], str]:
    """One image as mimebundle data (without text/plain) and its text form."""
    module = type(obj).__module__.split(".")[0]
    if module == "numpy":
        return _encode_pil(_array_to_pil(obj, clamp=clamp, channels=channels), output_format)
    if module == "PIL":
        return _encode_pil(obj, output_format)
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return _encode_bytes(bytes(obj), "bytes")
    if isinstance(obj, io.IOBase) and hasattr(obj, "read"):
        return _encode_bytes(obj.read(), "stream")
    if isinstance(obj, (str, Path)):
        text = str(obj)
        if text.startswith(("http://", "https://")):
            url = escape(text)
            return {"text/html": f"<img src='{url}' alt='' style='max-width:100%'>"}, f"<image {text}>"
        if text.lstrip().startswith(("<svg", "<?xml")):
            return {"image/svg+xml": text}, "<image SVG>"
        if not os.path.isfile(text):
            raise errors.StreamlitAPIException(f"st.image could not find the file {text!r}. {_IMAGE_HELP}")
        return _encode_bytes(Path(text).read_bytes(), os.path.basename(text))
    raise errors.StreamlitAPIException(f"st.image cannot show an object of type {type(obj).__name__}. {_IMAGE_HELP}")


def _encode_bytes(raw: bytes, source: str) -> tuple[dict[str, Any], str]:
    mime = next((m for magic, m in _MAGIC.items() if raw.startswith(magic)), None)
    if mime is None and raw.lstrip()[:5] in (b"<svg ", b"<svg>", b"<?xml"):
        return {"image/svg+xml": raw.decode("utf-8")}, "<image SVG>"
    if mime is None:
        try:
            from PIL import Image
        except ImportError:
            raise errors.StreamlitAPIException(
                f"st.image cannot tell the format of these {len(raw)} bytes ({source}): "
                "pass PNG, JPEG, GIF or SVG data, or install Pillow for other formats."
            ) from None
        try:
            return _encode_pil(Image.open(io.BytesIO(raw)), "auto")
        except OSError:
            raise errors.StreamlitAPIException(
                f"st.image could not read these {len(raw)} bytes ({source}) as an image. {_IMAGE_HELP}"
            ) from None
    size = _png_size(raw) if mime == "image/png" else _pil_size(raw)
    dims = f" {size[0]}x{size[1]}" if size else ""
    return {mime: base64.b64encode(raw).decode("ascii")}, f"<image{dims} {_NAMES[mime]}>"


def _png_size(raw: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk (no Pillow needed)."""
    if len(raw) < 24:
        return None
    width, height = struct.unpack(">II", raw[16:24])
    return int(width), int(height)


def _pil_size(raw: bytes) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(raw)) as img:
            size: tuple[int, int] = img.size
            return size
    except (ImportError, OSError):
        return None


def _encode_pil(img: Any, output_format: str) -> tuple[dict[str, Any], str]:
    fmt = output_format.upper()
    if fmt == "AUTO":
        fmt = "JPEG" if (img.format or "").upper() == "JPEG" else "PNG"
    if fmt == "JPG":
        fmt = "JPEG"
    if fmt not in ("PNG", "JPEG"):
        raise errors.StreamlitAPIException(
            f"Invalid output_format {output_format!r}: use 'auto', 'PNG' or 'JPEG'."
        )
    if fmt == "JPEG" and img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    buffer = io.BytesIO()
    img.save(buffer, format=fmt)
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    width, height = img.size
    return {mime: base64.b64encode(buffer.getvalue()).decode("ascii")}, f"<image {width}x{height} {fmt}>"


def _array_to_pil(array: Any, *, clamp: bool, channels: str) -> Any:
    """A numpy image (H x W, H x W x 1/3/4; floats in [0, 1] or integers in [0, 255])."""
    import numpy as np

    try:
        from PIL import Image
    except ImportError:
        raise ImportError("st.image needs Pillow to encode numpy arrays: `pip install pillow`.") from None
    data = np.asarray(array)
    if data.ndim == 3 and data.shape[-1] == 1:
        data = data[:, :, 0]
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[-1] not in (3, 4)):
        raise errors.StreamlitAPIException(
            f"st.image cannot show a numpy array of shape {data.shape}: use H x W (grayscale), "
            "H x W x 3 (RGB) or H x W x 4 (RGBA)."
        )
    if np.issubdtype(data.dtype, np.floating):
        if clamp:
            data = np.clip(data, 0.0, 1.0)
        elif data.size and (data.min() < 0.0 or data.max() > 1.0):
            raise RuntimeError("Data is outside [0.0, 1.0] and clamp is not set.")
        data = data * 255
    elif clamp:
        data = np.clip(data, 0, 255)
    elif data.size and (data.min() < 0 or data.max() > 255):
        raise RuntimeError("Data is outside [0, 255] and clamp is not set.")
    data = data.astype(np.uint8)
    if data.ndim == 3 and channels == "BGR":
        data = data[:, :, [2, 1, 0, 3][: data.shape[-1]]]
    return Image.fromarray(data)


# -- st.pyplot ------------------------------------------------------------------------------


def pyplot(
    fig: Any = None, clear_figure: bool | None = None, *, use_container_width: bool = True, **kwargs: Any
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
    use_container_width : bool, default True
        True fills the column's width, keeping the figure's aspect ratio (and follows the column
        when it resizes); False shows the figure at its own size.
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
    size, dpi = _png_size(raw), options.get("dpi")
    scale = float(dpi) / float(fig.dpi) if isinstance(dpi, (int, float)) and dpi > 0 and fig.dpi else 1.0
    natural = round(size[0] / scale) if size else None
    metadata = {"image/png": {"width": natural}} if natural else {}
    encoded = base64.b64encode(raw).decode("ascii")
    # The frontends prefer the HTML: an <img> as wide as the column (or the figure's own width),
    # its height following the aspect ratio. The PNG stays for frontends without HTML.
    css = "width:100%;height:auto" if use_container_width or not natural else f"width:{natural}px;height:auto"
    html = f'<img src="data:image/png;base64,{encoded}" alt="{escape(text)}" style="{css};max-width:100%">'
    data = {"text/html": html, "image/png": encoded, "text/plain": text}
    if clear_figure:
        fig.clf()
    plt.close(fig)
    place_outputs("pyplot", [display_output(data, metadata)], text, fig)


# -- st.plotly_chart ------------------------------------------------------------------------


def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool = True,
    *,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    **kwargs: Any,
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
    use_container_width : bool, default True
        Make the chart responsive, so that it resizes with its container.
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
    **kwargs
        Accepted for compatibility and ignored.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, or the selection state with `on_select`).

    Differences from Streamlit
    --------------------------
    * No Streamlit theme and no selections; `**kwargs` are ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> import nbfrag as st
    >>> fig = go.Figure(go.Bar(x=["fern", "cactus"], y=[250, 40]))
    >>> st.plotly_chart(fig)
    """
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
    spec = pio.to_json(fig, validate=False, pretty=False)
    payload = _json.loads(spec)
    payload["config"] = {**(config or {}), "responsive": bool(use_container_width)}
    div_id = "nbfrag-plotly-" + hashlib.sha1(spec.encode()).hexdigest()[:16]
    html = pio.to_html(fig, full_html=False, include_plotlyjs="cdn", div_id=div_id, config=payload["config"])
    kinds = [trace.get("type", "scatter") for trace in payload.get("data", [])]
    text = f"<plotly_chart: {', '.join(kinds) or 'no traces'}>"
    data = {"application/vnd.plotly.v1+json": payload, "text/html": html, "text/plain": text}
    place_outputs("plotly_chart", [display_output(data)], text, figure_or_data)
