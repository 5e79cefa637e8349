"""The built-in charts: `st.line_chart`, `st.area_chart`, `st.bar_chart`, `st.scatter_chart`.

Each applies Streamlit's data rules (`prepare`), writes the Vega-Lite spec (`spec`) and puts it
on the page (`publish`). Their docstrings share the parameters they have in common (`_doc`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from .prepare import INDEX, MELTED_COLOR, Prepared, prepare
from .publish import check_size, place_chart, records, sized
from .spec import Mark, Stack, chart_spec, check_stack

Size = int | Literal["stretch", "content"]
Color = str | tuple[float, ...] | Sequence[Any] | None
F = TypeVar("F", bound=Callable[..., Any])


def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Color = None,
    width: Size = "stretch",
    height: Size = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    _draw("line_chart", "line", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
          height=height, use_container_width=use_container_width)


def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Color = None,
    stack: Stack = None,
    width: Size = "stretch",
    height: Size = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    check_stack(stack)
    # Item 95: unlike its docstring says, Streamlit layers areas unless told to stack them.
    _draw("area_chart", "area", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
          height=height, use_container_width=use_container_width,
          stack="layered" if stack is None or stack is False else stack)


def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Color = None,
    horizontal: bool = False,
    sort: bool | str = True,
    stack: Stack = None,
    width: Size = "stretch",
    height: Size = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    check_stack(stack)
    _draw("bar_chart", "bar", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, width=width,
          height=height, use_container_width=use_container_width, stack=stack, sort=sort,
          horizontal=bool(horizontal))


def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Color = None,
    size: str | float | None = None,
    width: Size = "stretch",
    height: Size = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> None:
    _draw("scatter_chart", "circle", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
          width=width, height=height, use_container_width=use_container_width)


def _draw(
    kind: str,
    mark: Mark,
    data: Any,
    *,
    x: Any,
    y: Any,
    x_label: str | None,
    y_label: str | None,
    color: Any,
    width: Any,
    height: Any,
    use_container_width: bool | None,
    size: Any = None,
    stack: Stack = None,
    sort: bool | str = True,
    horizontal: bool = False,
) -> None:
    width, height = check_size(width, height, use_container_width)
    prepared = prepare(kind, data, x=x, y=y, color=color, size=size, sort=sort if mark == "bar" else False)
    spec = chart_spec(mark, prepared, x_label=x_label, y_label=y_label, stack=stack, sort=sort, horizontal=horizontal)
    spec["data"] = {"values": records(prepared.frame)}
    published = sized(spec, width, height if isinstance(height, int) else None, "streamlit")
    place_chart(kind, published, prepared.frame, describe(kind, prepared, horizontal=horizontal))


def describe(kind: str, data: Prepared, *, horizontal: bool = False) -> str:
    """The chart's text form: `line_chart: 60 rows, x=index, y=[a, b]`."""
    x = "index" if data.x in (None, INDEX) else data.title(data.x)
    parts = [f"{kind}: {data.rows} rows", f"x={x}", f"y=[{', '.join(data.y_columns)}]"]
    if data.color is not None and data.color != MELTED_COLOR:
        parts.append(f"color={data.title(data.color)}")
    if data.size is not None:
        parts.append(f"size={data.title(data.size)}")
    if horizontal:
        parts.append("horizontal")
    return ", ".join(parts)


_PARAMETERS = """
data : DataFrame, Series, numpy array, dict, list or None
    The data. Without `x`, the index is the x axis; without `y`, every other column is drawn.
x : str, optional
    The column for the x axis. None draws the index there. Anything but a column name raises
    `StreamlitInvalidParameterTypeError`; an unknown column `StreamlitAPIException`.
y : str or list of str, optional
    The column(s) to draw. Several columns are melted into long form: one series per column,
    coloured by column name.
x_label : str, optional
    The x axis title (default: the `x` column's name, or none for the index).
y_label : str, optional
    The y axis title (default: the `y` column's name when one was given, else none).
color : str, tuple or list, optional
    A colour for the one series ("#ffaa00", an RGB(A) tuple, or a Streamlit colour name such as
    "red"), a list of colours, one per `y` column, or the name of a column whose values group
    (or, when they are colours, colour) the data. Anything else raises `StreamlitAPIException`.
{extra}width : "stretch", "content" or int, default "stretch"
    "stretch" fills the column and follows it when it resizes; "content" keeps Vega-Lite's own
    width; a number is pixels.
height : "content", "stretch" or int, default "content"
    A number is pixels; otherwise the chart's own height (350 px for a continuous y axis).
use_container_width : bool, optional
    Deprecated in Streamlit: True is `width="stretch"`, False `width="content"`.
alt : str, optional
    Accepted for compatibility and ignored: the frontend's renderer labels the chart itself.
"""

_STACK = """stack : bool, "normalize", "center", "layered" or None, default None
    {text}
"""

_DIFFERENCES = """
* Drawn by the notebook's own Vega-Lite renderer, with a Streamlit-like theme (its colours and
  greys) that does not follow Streamlit's theme settings. `alt` is ignored.
* Returns None rather than the element: to replace a chart later, draw it into an `st.empty()`
  placeholder (a fragment rerun already redraws it in place).
"""


def _doc(func: Callable[..., Any], summary: str, extra: str, example: str) -> None:
    """Give a built-in chart its docstring: `summary`, the shared parameters with `extra` in
    its place, Returns, Differences and the `example` (app code)."""
    parameters = _PARAMETERS.format(extra=extra).strip("\n").replace("\n", "\n    ")
    lines = "\n    ".join(">>> " + line if line else ">>>" for line in example.strip().splitlines())
    func.__doc__ = (
        f"{summary}\n\n    Parameters\n    ----------\n    {parameters}\n\n"
        "    Returns\n    -------\n    None\n        Nothing (Streamlit returns the element).\n\n"
        "    Differences from Streamlit\n    --------------------------\n    "
        + _DIFFERENCES.strip("\n").replace("\n", "\n    ")
        + f"\n\n    Examples\n    --------\n    {lines}\n    "
    )


_EXAMPLE = """
import numpy as np
import pandas as pd
import nbfrag as st
df = pd.DataFrame(np.random.default_rng(0).normal(size=(20, 3)), columns=["a", "b", "c"])
st.{name}(df{args})
"""
_doc(line_chart, "Display a line chart of a table's columns (hover shows the nearest points).", "",
     _EXAMPLE.format(name="line_chart", args=""))
_doc(area_chart, "Display an area chart of a table's columns.",
     _STACK.format(text="How areas combine: None and False draw them overlaid and translucent (Streamlit's "
                   "behaviour, not Vega-Lite's stacking), True stacks, \"normalize\" stacks to 100%, "
                   "\"center\" around the middle."),
     _EXAMPLE.format(name="area_chart", args=', stack="center"'))
_doc(bar_chart, "Display a bar chart of a table's columns.",
     'horizontal : bool, default False\n    Draw the bars horizontally (the x column on the vertical axis).\n'
     'sort : bool or str, default True\n    True keeps Vega-Lite\'s order of the bars, False the data\'s order, '
     '"col" sorts by that\n    column ascending and "-col" descending.\n'
     + _STACK.format(text="How bars of several series combine: None is Vega-Lite's stacking, True stacks, "
                     "False draws them side\n    by side, \"layered\" overlaid and translucent, \"normalize\" "
                     "stacks to 100%, \"center\" around the middle."),
     _EXAMPLE.format(name="bar_chart", args=", stack=False"))
_doc(scatter_chart, "Display a scatter chart of a table's columns.",
     "size : str or float, optional\n    A column giving each point's size, or one size for all (default 100).\n",
     _EXAMPLE.format(name="scatter_chart", args=', x="a", y="b", size="c"'))
