"""Inline SVG that cannot run code: `clean_svg` rebuilds an SVG document from an allow-list.

The SVG comes from a program (Graphviz `dot`), but its labels, tooltips and URLs can hold a
visitor's text, and the page puts the markup inline (an `HTML` widget's innerHTML), where an
event handler, a `<script>`, a `<foreignObject>` holding HTML, an `<animate>` that rewrites
a link or a `javascript:` URL would run with the notebook's origin. So the document is parsed
as XML and written out again with only drawing elements (shapes, text, groups, links,
gradients) and their attributes, minus every `on*` handler; a link keeps an http(s) target
or a `#fragment`; a `url(...)` in a style or paint may only point inside the document. No
XML declaration, doctype, comment or processing instruction survives.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

_ELEMENTS = frozenset({
    "svg", "g", "title", "desc", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line",
    "text", "tspan", "a", "defs", "linearGradient", "radialGradient", "stop", "clipPath",
})
_LINK_ATTRIBUTES = frozenset({"href", "{http://www.w3.org/1999/xlink}href"})
_SAFE_LINK = re.compile(r"^(https?://|#)", re.IGNORECASE)
_URL_REFERENCE = re.compile(r"url\(\s*(?!['\"]?#)", re.IGNORECASE)  # url(...) not to a #fragment
_DANGEROUS_VALUE = re.compile(r"javascript:|expression\(|@import", re.IGNORECASE)


class SvgError(ValueError):
    """The text is not an SVG document."""


def _local(name: str) -> str:
    """A qualified XML name without its namespace (`{ns}path` -> `path`)."""
    return name.rsplit("}", 1)[-1]


def _attributes(element: ET.Element) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for name, value in element.attrib.items():
        local = _local(name)
        if local.lower().startswith("on") or name.startswith("{http://www.w3.org/2000/xmlns"):
            continue
        if name in _LINK_ATTRIBUTES:
            if _SAFE_LINK.match(value.strip()):
                kept.append(("href", value.strip()))
            continue
        if name.startswith("{"):  # xlink:title, xml:space...: nothing a drawing needs
            continue
        if _URL_REFERENCE.search(value) or _DANGEROUS_VALUE.search(value):
            continue
        kept.append((local, value))
    if _local(element.tag) == "a" and any(name == "href" for name, _ in kept):
        kept = [(n, v) for n, v in kept if n not in ("target", "rel")]
        kept += [("target", "_blank"), ("rel", "noopener noreferrer")]
    return kept


def _write(element: ET.Element, out: list[str], extra: tuple[tuple[str, str], ...] = ()) -> None:
    tag = _local(element.tag)
    if tag not in _ELEMENTS:
        return  # with everything inside it
    dropped = {name for name, _ in extra}
    pairs = [(n, v) for n, v in _attributes(element) if n not in dropped] + list(extra)
    attributes = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in pairs if value)
    out.append(f"<{tag}{attributes}>")
    if element.text:
        out.append(html.escape(element.text, quote=False))
    for child in element:
        _write(child, out)
        if child.tail:
            out.append(html.escape(child.tail, quote=False))
    out.append(f"</{tag}>")


def parse_svg(svg: str) -> ET.Element:
    """The root `<svg>` element of an SVG document, or `SvgError`."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise SvgError(f"not an SVG document ({error})") from None
    if _local(root.tag) != "svg":
        raise SvgError(f"the document's root is <{_local(root.tag)}>, not <svg>")
    return root


def clean_svg(root: ET.Element, **replace: str) -> str:
    """The `<svg>` element `root` as inline markup, drawing elements only. `replace` sets
    attributes of the root the caller built (an empty value removes one: `width=""`)."""
    out: list[str] = []
    _write(root, out, tuple(replace.items()))
    return "".join(out)
