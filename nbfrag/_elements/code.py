"""Verbatim elements: `st.code`, `st.latex`, `st.divider`, `st.help`.

Their text is shown as written, so it is highlighted and escaped here, in the kernel: an
`HTML` widget sets `innerHTML`, and a code sample or formula may come from a visitor.
Highlighting uses Pygments with inline styles (no stylesheet to ship, works in Voila) when it
is importable (IPython depends on it); otherwise the code is an escaped `<pre>`.
"""

from __future__ import annotations

import inspect
import types
from typing import Any

import ipywidgets as widgets

from .. import errors
from .._runtime.markdown import escape
from .._runtime.runtime import runtime
from .._runtime.views import TextRepr
from .._widgets.types import WidthWithoutContent, check_width
from .base import ADDRESS, clean_text, place_html, text_style

_PRE_STYLE = (
    "margin:0;padding:0.6em 0.9em;border-radius:4px;overflow-x:auto;"
    "background:var(--jp-cell-editor-background,#f5f5f5);"
    "font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,0.9em)"
)


def highlight(body: str, language: str | None, *, line_numbers: bool = False, wrap_lines: bool = False) -> str:
    """`body` as highlighted, escaped HTML (a `<pre>`); an unknown language is plain text."""
    wrap = "white-space:pre-wrap;word-break:break-word;" if wrap_lines else "white-space:pre;"
    try:
        from pygments import highlight as pygmentize
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import TextLexer, get_lexer_by_name
        from pygments.util import ClassNotFound
    except ImportError:  # pragma: no cover - IPython brings Pygments
        lines = body.splitlines() or [""]
        if line_numbers:
            width = len(str(len(lines)))
            lines = [f"{n:>{width}}  {line}" for n, line in enumerate(lines, 1)]
        return f"<pre style='{_PRE_STYLE};{wrap}'>{escape(chr(10).join(lines))}</pre>"
    try:
        lexer = get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    formatter = HtmlFormatter(
        noclasses=True, nobackground=True, linenos="inline" if line_numbers else False,
        prestyles=_PRE_STYLE + ";" + wrap,
    )
    return pygmentize(body, lexer, formatter)


def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: Any = None,
    width: Any = None,
) -> None:
    """Display a code block with syntax highlighting.

    The code is highlighted and escaped in the kernel (by Pygments), so it is always shown as
    text, whoever wrote it.

    Parameters
    ----------
    body : str
        The code; other objects are converted with `str()`.
    language : str or None, default "python"
        A Pygments language name such as "python", "sql", "json" or "bash". None or an unknown
        name shows plain text; a value that is not a str raises `StreamlitAPIException`.
    line_numbers : bool, default False
        Number the lines.
    wrap_lines : bool, default False
        Wrap long lines instead of scrolling sideways.
    height : int or str, optional
        Accepted for compatibility and ignored: the block is as tall as its code.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * No copy-to-clipboard button; `height` and `width` are ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.code("SELECT name FROM plants WHERE thirsty", language="sql", line_numbers=True)
    """
    if language is not None and not isinstance(language, str):
        raise errors.StreamlitAPIException(
            f"st.code: language must be a language name such as 'python' or None, not "
            f"{type(language).__name__} {language!r}."
        )
    text = str(body)
    highlighted = highlight(text, language, line_numbers=line_numbers, wrap_lines=wrap_lines)
    html = f"<div class='nbfrag-code-block'>{highlighted}</div>"
    place_html("code", html, text, body)


def divider(*, width: Any = None) -> None:
    """Display a horizontal rule.

    Parameters
    ----------
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * `width` is ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.write("Above the line")
    >>> st.divider()
    >>> st.write("Below the line")
    """
    place_html("divider", "<hr style='margin:1em 0'>", "---", None)


def latex(body: Any, *, help: str | None = None, width: Any = None) -> None:
    r"""Display a mathematical formula typeset from LaTeX.

    Drawn by an ipywidgets `HTMLMath` widget (MathJax in the browser). The formula is
    HTML-escaped, so it cannot carry markup into the page.

    Parameters
    ----------
    body : str or SymPy expression
        LaTeX math without surrounding `$$`; a SymPy expression is converted with
        `sympy.latex`.
    help : str, optional
        Accepted for compatibility and not shown: this element has no tooltip icon here.
    width : "stretch", "content" or int, optional
        Accepted for compatibility and ignored: the element spans its container.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Typeset by the notebook's MathJax rather than KaTeX, so a few macros may differ.
    * `help` and `width` are ignored.
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.latex(r"e^{i\pi} + 1 = 0")
    """
    text = clean_text(_latex_source(body))
    frame = runtime.require_frame()
    html = f"$$\n{escape(text)}\n$$"
    plain = f"$$ {text} $$"

    def create() -> widgets.HTMLMath:
        widget = Math()
        widget.add_class("nbfrag-latex")
        return widget

    def update(widget: Any) -> None:
        widget.value = html
        widget.text = plain

    slot = frame.block.place("latex", None, create, update, text=lambda: plain, props=html)
    slot.body = text
    frame.show(slot.widget)


class Math(TextRepr, widgets.HTMLMath):
    """The `HTMLMath` widget of `st.latex`, whose repr is the formula."""


def _latex_source(body: Any) -> str:
    if isinstance(body, str):
        return body
    if type(body).__module__.split(".")[0] == "sympy":
        import sympy

        return str(sympy.latex(body))
    return str(body)


def help(obj: Any = None, *, width: WidthWithoutContent = "stretch") -> None:  # noqa: A001 - Streamlit's name
    """Display an object's kind, name, signature and the first paragraph of its docstring.

    Parameters
    ----------
    obj : any, optional
        The object to describe: a function, class, module or any other object.
    width : "stretch" or int, default "stretch"
        The element's width: its container's, or a number of pixels (never wider than the
        container). Other values raise `StreamlitInvalidWidthError`.

    Returns
    -------
    None
        Nothing (Streamlit returns the element, whose methods can replace it in place; for that,
        draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * A short fixed text, not Streamlit's inspector that lists an object's members and values.
    * Without an argument it describes None (Streamlit describes the `streamlit` module).
    * Returns None rather than the element: to replace an element later, write it into an
      `st.empty()` placeholder.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.help(st.slider)
    """
    check_width(width, allow_content=False)
    text = help_text(obj)
    extra = text_style(width)
    style = f"{_PRE_STYLE};white-space:pre-wrap" + (f";{extra}" if extra else "")
    html = f"<pre class='nbfrag-help' style='{style}'>{escape(text)}</pre>"
    place_html("help", html, text, obj)


def help_text(obj: Any) -> str:
    """`kind name(signature)` and the docstring's first paragraph; never a memory address."""
    if isinstance(obj, types.ModuleType):
        head = f"module {obj.__name__}"
    elif inspect.isclass(obj):
        head = f"class {obj.__qualname__}{_signature(obj)}"
    elif callable(obj) and hasattr(obj, "__qualname__"):
        head = f"{'method' if inspect.ismethod(obj) else 'function'} {obj.__qualname__}{_signature(obj)}"
    else:
        head = f"{type(obj).__qualname__} object"
    doc = inspect.getdoc(obj) or ""
    summary = doc.split("\n\n")[0].strip()
    return ADDRESS.sub("", f"{head}\n{summary}" if summary else head)


def _signature(obj: Any) -> str:
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):
        return "(...)"
