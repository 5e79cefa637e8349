"""Render text for the page safely, in the kernel.

Anything placed in an `Output` or `HTML` widget is trusted by JupyterLab and Voila, and a
visitor may have typed it, so Markdown is rendered here with raw HTML turned off
(markdown-it-py escapes it and refuses `javascript:` links) and everything else is escaped.
Streamlit's extensions (emoji shortcodes, `:red[...]`, badges, Material icons) are added by
`directives.py`.
"""

from __future__ import annotations

import html as _html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

from .directives import HINT, streamlit_extensions

_SAFE = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable(["table", "strikethrough"])
    .use(streamlit_extensions)
)
_UNSAFE = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(streamlit_extensions)


# One line of words and ordinary punctuation, which no Markdown rule changes: the common case
# of a rerun ("Fragment says it ran 3 times."), rendered without running the parser.
_PLAIN_LINE = re.compile(r"[A-Za-z0-9(][A-Za-z0-9 ,.;:?'()/%=-]*[A-Za-z0-9.:?')%]|[A-Za-z0-9]")
_LIST_START = re.compile(r"\d+[.)](\s|$)")


def markdown_html(text: str, *, allow_html: bool = False) -> str:
    """Block-level Markdown as HTML; raw HTML passes only when `allow_html` is set."""
    if _PLAIN_LINE.fullmatch(text) and not _LIST_START.match(text) and "  " not in text and not HINT.search(text):
        return f"<p>{_html.escape(text, quote=False)}</p>\n"
    return _render(text, allow_html)


@lru_cache(maxsize=1024)
def _render(text: str, allow_html: bool) -> str:
    html: str = (_UNSAFE if allow_html else _SAFE).render(text)
    return html


def inline_markdown_html(text: str, *, allow_html: bool = False) -> str:
    """Markdown of one line (headers, labels, toasts) without a wrapping paragraph."""
    html: str = (_UNSAFE if allow_html else _SAFE).renderInline(text)
    return html


def escape(text: str) -> str:
    """Text shown verbatim: every character that HTML treats specially is escaped."""
    return _html.escape(text, quote=True)
