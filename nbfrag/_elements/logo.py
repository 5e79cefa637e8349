"""`st.logo`: the app's logo. Under Voila it sits in the top-left corner of the page (fixed, over
the page's margin, as Streamlit's header logo); in JupyterLab and Notebook 7 it is the first
thing in its container (a flex `order` of -1), so a logo drawn anywhere at the app's top level
shows above the app. One stylesheet, inside the element, tells the two apart (`body[data-voila]`).
"""

from __future__ import annotations

from typing import Any, Literal

from .. import errors
from .._runtime.directives import icon_html
from .._runtime.markdown import escape
from .base import place_html
from .images import data_url
from .links import check_url
from .page import is_emoji

_HEIGHTS = {"small": 20, "medium": 24, "large": 32}
_STYLE = (
    "<style>.nbfrag-logo{order:-1}"
    "body[data-voila] .nbfrag-logo{position:fixed;top:0.75rem;left:1rem;z-index:1000}</style>"
)


def _image(image: Any, field: str, height: int) -> tuple[str, str]:
    """The logo's HTML and text form for `image` (an emoji, a Material icon or an image)."""
    if isinstance(image, str) and image.startswith(":material"):
        if not image.startswith(":material/") or not image.endswith(":"):
            raise errors.StreamlitAPIException(
                f'The value `"{image}"` is not a valid Material icon. Please use a Material icon '
                "shortcode like **`:material\u200b/thumb_up:`**"
            )
        return f"<span style='font-size:{height}px'>{icon_html(image)}</span>", image
    if isinstance(image, str) and is_emoji(image):
        return f"<span style='font-size:{height}px;line-height:1'>{escape(image)}</span>", image
    try:
        src, label = data_url(image)
    except Exception as error:
        raise errors.StreamlitAPIException(
            f"The {field} passed to st.logo is invalid - See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/media/st.logo) "
            "for more information on valid types"
        ) from error
    return f"<img src='{escape(src)}' alt='logo' style='max-height:{height}px;max-width:15rem;display:block'>", label


def logo(
    image: Any,
    *,
    size: Literal["small", "medium", "large"] = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show the app's logo: top left of the page under Voila, above the app in a notebook.

    Parameters
    ----------
    image : image, str
        What `st.image` takes (a URL, a file path, bytes, a PIL image or a numpy array; not a
        list), or an emoji, or a `":material/name:"` icon. Anything else raises
        `StreamlitAPIException`.
    size : {"small", "medium", "large"}, default "medium"
        The logo's height: 20, 24 or 32 pixels. Other values raise `StreamlitValueError`.
    link : str, optional
        An http:// or https:// URL opened (in a new tab) when the logo is clicked. Any other URL,
        `javascript:` included, raises `StreamlitInvalidURLError`.
    icon_image : image, str, optional
        Checked as `image` is, then not shown: a notebook has no collapsible sidebar header for
        Streamlit's small logo.

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * In JupyterLab and Notebook 7 the logo is the first element of the container it is drawn
      in (above the app at its top level), not in a page header; `icon_image` is not shown.
    * A `:material/...:` logo shows the icon's name unless the page loads the Material Symbols
      font.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.logo("🌿", size="large", link="https://jupyter.org")
    """
    if not (isinstance(size, str) and size.lower() in _HEIGHTS):
        raise errors.StreamlitValueError("size", ["'small'", "'medium'", "'large'"])
    height = _HEIGHTS[size.lower()]
    shown, label = _image(image, "image", height)
    if icon_image:
        _image(icon_image, "icon_image", height)
    if link:
        if not (isinstance(link, str) and link.lower().startswith(("http://", "https://"))):
            raise errors.StreamlitInvalidURLError(str(link), ("http", "https"))
        link = check_url(link, "st.logo")
        shown = f"<a href='{escape(link)}' target='_blank' rel='noopener noreferrer'>{shown}</a>"
    text = f"logo: {label}" + (f" -> {link}" if link else "")
    place_html("logo", f"{_STYLE}<div class='nbfrag-logo-box'>{shown}</div>", text, image)
