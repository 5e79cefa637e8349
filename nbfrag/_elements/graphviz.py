"""`st.graphviz_chart`: a graph laid out in the kernel by Graphviz and shown as inline SVG.

The DOT source (a string, or a `graphviz.Graph`/`Digraph`/`Source`'s `.source` and `.engine`)
goes through the `graphviz` Python package to the Graphviz program (`dot`, `neato`...), which
writes SVG; the SVG is rebuilt from an allow-list (`svg.clean_svg`: a visitor's text in a label
cannot become a script) and scaled to the column. Layouts are remembered per (engine, source),
and an unchanged chart sends nothing on a rerun. Its text form counts the nodes and edges and
names the first nodes: `graphviz_chart: 3 nodes (a, b, c), 2 edges`.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from .. import errors
from .._widgets.types import Height, Width, check_height, check_width
from .base import place_html
from .images import alt_text
from .svg import SvgError, clean_svg, parse_svg

_SVG_NS = "{http://www.w3.org/2000/svg}"
_INSTALL = (
    "Install Graphviz (the `dot` program): `apt-get install graphviz` (Debian/Ubuntu), "
    "`conda install graphviz`, or `brew install graphviz`"
)
_POINTS = re.compile(r"^\s*([0-9.]+)\s*(pt|px)?\s*$")
_NAMED_NODES = 8  # how many node names the text form lists
# Graphviz writes a node's URL into `<a xlink:href="...">` as it is, unescaped: a `&`, `<` or `"`
# in it makes the SVG malformed. It writes each link on a line of its own, ending with the
# (escaped) tooltip, so the URL runs from `xlink:href="` to the `" xlink:title="..">` that ends the line.
_RAW_LINK = re.compile(r'(<a xlink:href=")(.*?)("(?: xlink:title="[^"<]*")?(?: target="[^"<]*")?>)$', re.MULTILINE)


def _is_graph_object(obj: Any) -> bool:
    """A `graphviz.Graph`, `Digraph` or `Source` (told by its module, as graphviz is optional)."""
    module = type(obj).__module__ or ""
    return (module == "graphviz" or module.startswith("graphviz.")) and hasattr(obj, "source")


@functools.lru_cache(maxsize=64)
def _layout(source: str, engine: str) -> str:
    """The SVG Graphviz's `engine` draws for the DOT `source` (remembered: reruns reuse it)."""
    try:
        import graphviz
    except ImportError:
        raise errors.StreamlitAPIException(
            "st.graphviz_chart lays graphs out in the kernel with the `graphviz` Python package, "
            f"which is not installed: `pip install graphviz`. {_INSTALL}."
        ) from None
    try:
        svg: str = graphviz.Source(source, engine=engine).pipe(format="svg", encoding="utf-8", quiet=True)
    except graphviz.ExecutableNotFound:
        raise errors.StreamlitAPIException(
            f"st.graphviz_chart needs the Graphviz program `{engine}`, which is not on the kernel's PATH. "
            f"{_INSTALL}; then restart the kernel."
        ) from None
    except graphviz.CalledProcessError as error:
        stderr = error.stderr or ""
        detail = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else str(stderr)
        raise errors.StreamlitAPIException(
            f"Graphviz could not draw this graph: {detail.strip() or error}. Check the DOT source."
        ) from None
    return svg


def _escape_links(svg: str) -> str:
    """Graphviz's SVG with the URLs of its links escaped, so that it parses as XML (what the
    URL then becomes is decided by the allow-list: http(s) or nothing)."""
    return _RAW_LINK.sub(lambda m: m.group(1) + html.escape(m.group(2), quote=True) + m.group(3), svg)


def _pixels(length: str | None) -> float | None:
    """An SVG length Graphviz writes ("62pt") in CSS pixels."""
    match = _POINTS.match(length or "")
    if not match:
        return None
    value = float(match.group(1))
    return value * 4 / 3 if match.group(2) in (None, "pt") else value


def _style(root_width: float | None, width: Any, height: Any) -> str:
    """The `<svg>` element's CSS: scaled to the column, never wider than it."""
    rules = ["display:block", "max-width:100%"]
    if width == "stretch":
        rules.append("width:100%")
    elif isinstance(width, int):
        rules.append(f"width:{width}px")
    elif root_width is not None:
        rules.append(f"width:{round(root_width)}px")
    rules.append(f"height:{height}px" if isinstance(height, int) else "height:auto")
    return ";".join(rules)


def _summary(root: Any) -> str:
    """The text form: how many nodes and edges, and the first nodes' names."""
    groups = list(root.iter(f"{_SVG_NS}g"))
    names = [
        "".join(title.itertext()) for g in groups if g.get("class") == "node"
        for title in g.findall(f"{_SVG_NS}title")[:1]
    ]
    edges = sum(1 for g in groups if g.get("class") == "edge")
    shown = ", ".join(names[:_NAMED_NODES]) + (", ..." if len(names) > _NAMED_NODES else "")
    nodes = f"{len(names)} node{'s' if len(names) != 1 else ''}" + (f" ({shown})" if names else "")
    return f"graphviz_chart: {nodes}, {edges} edge{'s' if edges != 1 else ''}"


def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: Width = "content",
    height: Height = "content",
    alt: str | None = None,
) -> None:
    """Display a graph drawn by Graphviz from a DOT string or a `graphviz` graph object.

    Parameters
    ----------
    figure_or_dot : graphviz.Graph, graphviz.Digraph, graphviz.Source or str
        The graph: a `graphviz` object (its ``engine``, such as ``"neato"``, is used) or its
        source in the DOT language (laid out with ``dot``).
    use_container_width : bool, optional
        Deprecated: True is ``width="stretch"``, False ``width="content"``.
    width : "content", "stretch" or int, default "content"
        The chart's width: the graph's natural width (never wider than the column), the
        column's width, or pixels (at most the column's).
    height : "content", "stretch" or int, default "content"
        The chart's height: what its width gives ("content" and "stretch"), or pixels (the
        drawing is scaled to fit).
    alt : str, optional
        A short description of the graph for screen readers; blank is none.

    Returns
    -------
    None

    Differences from Streamlit
    --------------------------
    * The graph is laid out in the kernel by the Graphviz programs (``apt-get install
      graphviz`` or ``conda install graphviz``, plus ``pip install graphviz``), not in the
      browser by Graphviz compiled to WebAssembly; without them the chart is an error
      naming what to install. A DOT syntax error is shown as an error in the chart's place.
    * Links in the graph (``URL=``) open http(s) pages in a new tab; other URLs are dropped.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.graphviz_chart('''
    ...     digraph {
    ...         run -> intr
    ...         intr -> runbl
    ...         runbl -> run
    ...         run -> kernel
    ...     }
    ... ''')
    """
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if _is_graph_object(figure_or_dot):
        source, engine = str(figure_or_dot.source), str(getattr(figure_or_dot, "engine", "dot") or "dot")
    elif isinstance(figure_or_dot, str):
        source, engine = figure_or_dot, "dot"
    else:
        raise errors.StreamlitInvalidParameterTypeError(
            "figure_or_dot", type(figure_or_dot).__name__,
            ["graphviz.Graph", "graphviz.Digraph", "graphviz.Source", "str"],
        )
    check_width(width, allow_content=True)
    check_height(height, allow_content=True)
    try:
        root = parse_svg(_escape_links(_layout(source, engine)))
    except SvgError as error:
        raise errors.StreamlitAPIException(f"Graphviz wrote something that is not SVG: {error}.") from None
    text = _summary(root)
    description = alt_text(alt)
    style = _style(_pixels(root.get("width")), width, height)
    svg = clean_svg(root, width="", height="", style=style, preserveAspectRatio="xMidYMid meet")
    label = f' role="img" aria-label="{html.escape(description)}"' if description else ""
    place_html("graphviz_chart", f'<div class="nbfrag-graphviz-body"{label}>{svg}</div>', text, body=source)
