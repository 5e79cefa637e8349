"""`st.image`, and the encoding of pictures that `st.pyplot` and `st.set_page_config` share.

Each image is encoded in the kernel into a notebook mimebundle (PNG/JPEG/GIF/SVG as base64)
and shown in a reused `Output` widget, so the frontend draws it with its own renderers; a rerun
that draws the same picture sends nothing. An image with `alt` text, a `link` or a stretched
width is an `<img>` built and escaped here instead (the notebook's image renderer takes no alt
text and no link). numpy and Pillow are imported only when an argument is of their type.
Captions, alt texts and URLs are escaped: they may come from a visitor.
"""

from __future__ import annotations

import base64
import io
import os
import struct
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import errors
from .._runtime.markdown import escape
from .._widgets.types import Width, check_width
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


def image(
    image: Any,
    caption: Any = None,
    width: Width | None = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
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
    width : "content", "stretch" or int, default "content"
        "content" shows the image at its natural size, "stretch" as wide as its container, a
        number at that many pixels. Other values raise `StreamlitInvalidWidthError`.
    clamp : bool, default False
        Clip the values of an array into its valid range; without it, values outside raise
        `RuntimeError`.
    channels : {"RGB", "BGR"}, default "RGB"
        The channel order of an array ("BGR" for OpenCV images).
    output_format : {"auto", "PNG", "JPEG"}, default "auto"
        How arrays and PIL images are encoded: "auto" keeps JPEG images JPEG and uses PNG
        otherwise. Bytes, files and URLs are sent as they are.
    use_container_width : bool, optional
        The older spelling of `width`: True is "stretch", False is "content" (a number of
        pixels in `width` then stays).
    link : str, optional
        An http(s) URL the image opens (in a new tab) when clicked; only for a single image
        (several raise `StreamlitAPIException`). Other URLs raise `StreamlitAPIException`:
        a notebook has no app pages for a relative link to lead to.
    use_column_width : any, optional
        Accepted for compatibility and ignored, as in Streamlit (which removed it).
    alt : str or sequence of str, optional
        The image's description for screen readers; "" marks it as decorative and a blank
        text is none. Several images take a sequence of as many (None skips one); a single
        string for several raises `StreamlitAPIException`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * A list of images is stacked vertically, not laid out side by side.
    * Captions are plain text; `link` takes only http(s) URLs.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import numpy as np
    >>> import nbfrag as st
    >>> ramp = np.tile(np.linspace(0.0, 1.0, 64), (16, 1))
    >>> st.image(ramp, caption="A grey ramp", width=256, alt="Grey ramp from black to white")
    >>> st.image(ramp, link="https://jupyter.org", alt="")
    """
    if channels not in ("RGB", "BGR"):
        raise errors.StreamlitAPIException(
            f'Invalid channels "{channels}". Channels must be either "RGB" or "BGR".'
        )
    width = "content" if width is None else width
    check_width(width, allow_content=True)
    if use_container_width is True:
        width = "stretch"
    elif use_container_width is False and not isinstance(width, int):
        width = "content"
    images = list(image) if isinstance(image, (list, tuple)) else [image]
    if isinstance(caption, (list, tuple)):
        captions = [None if c is None else str(c) for c in caption]
        if len(captions) != len(images):
            raise errors.StreamlitAPIException(
                f"Cannot pair {len(captions)} captions with {len(images)} images."
            )
    else:
        captions = [None if caption is None else str(caption)] * len(images)
    alts = _alts(alt, len(images))
    url = None
    if link:
        if len(images) > 1:
            raise errors.StreamlitAPIException(
                "The `link` parameter is only supported when displaying a single image. "
                f"You passed {len(images)} images."
            )
        url = _safe_link(link)
    outputs: list[dict[str, Any]] = []
    lines: list[str] = []
    for one, cap, described in zip(images, captions, alts, strict=True):
        data, label = _encode(one, clamp=clamp, channels=channels, output_format=output_format)
        if cap:
            label = f"{label} {cap}"
        lines.append(label + (f" -> {url}" if url else ""))
        source = str(one) if "text/html" in data else None  # an http(s) URL
        outputs.append(picture_output(data, label, width, alt=described, link=url, source=source))
        if cap:
            outputs.append(display_output({
                "text/plain": cap,
                "text/html": (
                    f"<div class='nbfrag-image-caption' style='font-size:0.85em;opacity:0.7'>{escape(cap)}</div>"
                ),
            }))
    place_outputs("image", outputs, "\n".join(lines), image)


def picture_output(
    data: dict[str, Any],
    label: str,
    width: Any,
    *,
    alt: str | None = None,
    link: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """One encoded picture as a `display_data` output, `width` wide ("content", "stretch" or
    pixels): the notebook's image renderer when it can show it, else an `<img>` built here
    (for `alt`, `link`, "stretch", or a picture from an http(s) URL: its `source`)."""
    mime = next((m for m in data if m.startswith("image/")), None)
    if mime is not None and alt is None and link is None and width != "stretch":
        metadata = {mime: {"width": int(width)}} if isinstance(width, int) else {}
        return display_output({**data, "text/plain": label}, metadata)
    if source is None:
        assert mime is not None
        payload = data[mime]
        source = (
            "data:image/svg+xml," + urllib.parse.quote(payload) if mime == "image/svg+xml"
            else f"data:{mime};base64,{payload}"
        )
    return display_output({"text/html": _img_html(source, alt, width, link), "text/plain": label})


def _img_html(source: str, alt: str | None, width: Any, link: str | None = None) -> str:
    size = ";width:100%" if width == "stretch" else f";width:{width}px" if isinstance(width, int) else ""
    tag = f"<img src='{escape(source)}' alt='{escape(alt or '')}' style='max-width:100%{size}'>"
    if link is None:
        return tag
    return f"<a href='{escape(link)}' target='_blank' rel='noopener noreferrer'>{tag}</a>"


def _alts(alt: Any, count: int) -> list[str | None]:
    """One alt text per image (None: none given, "": decorative), as Streamlit pairs them."""
    if alt is None:
        return [None] * count
    if isinstance(alt, (str, bytes, bytearray)) or not isinstance(alt, Sequence) and not hasattr(alt, "tolist"):
        if count != 1:
            raise errors.StreamlitAPIException(
                f"A single `alt` {'string' if isinstance(alt, str) else 'value'} can only be used with a "
                f"single image. You passed {count} images; provide a sequence of {count} alt values "
                "(use None to skip an image)."
            )
        return [alt_text(alt)]
    values = list(alt.tolist() if hasattr(alt, "tolist") else alt)
    if len(values) != count:
        raise errors.StreamlitAPIException(f"Cannot pair {len(values)} alt values with {count} images.")
    return [alt_text(value) for value in values]


def alt_text(alt: Any) -> str | None:
    """Streamlit's rule: None stays none, "" is decorative, a blank text is none."""
    if alt is None:
        return None
    text = alt.decode() if isinstance(alt, (bytes, bytearray)) else str(alt)
    if text == "":
        return ""
    return text.strip() or None


def _safe_link(link: Any) -> str:
    """`link` if it is an http(s) URL with a host; otherwise a clear error."""
    text = str(link)
    try:
        parsed = urllib.parse.urlparse(text)
    except ValueError:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise errors.StreamlitAPIException(
            f"st.image(link={text!r}) is not an http(s) URL. In a notebook an image can only link to "
            "a web page such as 'https://example.com' (there are no app pages for a relative "
            "link, and other schemes are refused for safety)."
        )
    return text


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
            return {"text/html": _img_html(text, None, None)}, f"<image {text}>"
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
    size = png_size(raw) if mime == "image/png" else _pil_size(raw)
    dims = f" {size[0]}x{size[1]}" if size else ""
    return {mime: base64.b64encode(raw).decode("ascii")}, f"<image{dims} {_NAMES[mime]}>"


def png_size(raw: bytes) -> tuple[int, int] | None:
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


