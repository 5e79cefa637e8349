"""Make rich output that nbfrag did not build safe for a public page.

Objects render themselves (`_repr_html_`, a pandas Styler's table, `_repr_mimebundle_`), and
what they render may hold a visitor's text unescaped: a Styler does not escape its cells. The
frontends (JupyterLab, Voila) trust the outputs of an `Output` widget, so that HTML would run.
`safe_bundle` keeps only what cannot run code:

* `text/html` goes through `nh3` (the Rust `ammonia` allow-list sanitiser): only known tags and
  attributes stay, `style` attributes keep a list of harmless CSS properties, links keep
  http(s)/mailto only; `<script>`, `<style>`, event handlers and `javascript:` URLs are removed.
* a Styler's own stylesheet (the `<style>` pandas writes before its table) is kept when every
  rule applies only inside that table and sets only harmless properties; otherwise it is dropped.
* `text/markdown` becomes HTML rendered here with raw HTML off; scripts
  (`application/javascript`) are dropped; images, text, JSON and widget views pass unchanged.

Only `unsafe_allow_html=True` passes raw HTML.
"""

from __future__ import annotations

from typing import Any

import nh3

from .._runtime.markdown import markdown_html

_TAGS = set(nh3.ALLOWED_TAGS) | {"tfoot", "font", "nobr"}
_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "style", "title", "lang", "dir", "align", "valign", "width", "height",
          "aria-label"},
}
# CSS properties a table or a rich repr may set inline: colours, fonts, borders, spacing, alignment.
# Nothing that positions an element over the page or loads a resource.
_CSS = frozenset({
    "color", "background-color", "background", "opacity",
    "font", "font-family", "font-size", "font-style", "font-weight", "font-variant",
    "text-align", "text-decoration", "text-transform", "text-indent", "vertical-align",
    "white-space", "word-break", "word-wrap", "overflow-wrap", "line-height", "letter-spacing",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
    "border-style", "border-width", "border-collapse", "border-spacing", "border-radius",
    "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
    "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
    "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "width", "min-width", "max-width", "height", "min-height", "max-height",
    "display", "table-layout", "caption-side", "empty-cells", "text-overflow", "overflow",
})
_DROPPED_MIMES = frozenset({"application/javascript", "text/javascript", "application/x-javascript"})


def sanitize_html(html: str) -> str:
    """`html` with everything that could run code, or escape its element, removed."""
    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties=set(_CSS),
        link_rel="noopener noreferrer",
    )


def safe_bundle(bundle: dict[str, Any], owner: Any = None) -> dict[str, Any]:
    """A mimebundle computed from an object (`owner`), made safe to show (see the module)."""
    safe: dict[str, Any] = {}
    for mime, value in bundle.items():
        if mime in _DROPPED_MIMES:
            continue
        if mime == "text/markdown":
            if "text/html" not in bundle and isinstance(value, str):
                safe["text/html"] = markdown_html(value)
            continue
        if mime == "text/html":
            safe[mime] = _safe_html(str(value), owner)
            continue
        safe[mime] = value
    return safe


def _safe_html(html: str, owner: Any) -> str:
    uuid = getattr(owner, "uuid", None) if type(owner).__name__ == "Styler" else None
    if uuid is None:
        return sanitize_html(html)
    stylesheet, table = _split_stylesheet(html)
    return scoped_stylesheet(stylesheet, f"#T_{uuid}") + sanitize_html(table)


def _split_stylesheet(html: str) -> tuple[str, str]:
    """The leading `<style>` block pandas writes (its text) and the rest of the HTML."""
    start = html.lstrip()
    if not start.startswith("<style"):
        return "", html
    opened = start.find(">")
    closed = start.find("</style>")
    if opened < 0 or closed < opened:
        return "", html
    return start[opened + 1 : closed], start[closed + len("</style>") :]


def scoped_stylesheet(css: str, scope: str) -> str:
    """A `<style>` element of the rules in `css` that apply inside `scope` only (selectors that
    all start with it) and set only harmless properties; "" when none is left. A stylesheet with
    anything but plain rules (at-rules, escapes, URLs, markup) is dropped whole."""
    if any(bad in css.lower() for bad in ("<", "@", "\\", "url(", "expression", "/*")):
        return ""
    rules: list[str] = []
    for chunk in css.split("}"):
        if not chunk.strip():
            continue
        if chunk.count("{") != 1:
            return ""
        selectors, declarations = chunk.split("{")
        if not all(s.strip().startswith(scope) and _scoped(s.strip(), scope) for s in selectors.split(",")):
            continue
        kept = [d.strip() for d in declarations.split(";") if d.split(":")[0].strip().lower() in _CSS]
        if kept:
            rules.append(f"{selectors.strip()} {{ {'; '.join(kept)}; }}")
    return f"<style type='text/css'>\n{chr(10).join(rules)}\n</style>\n" if rules else ""


def _scoped(selector: str, scope: str) -> bool:
    """`selector` names the scope element itself or something inside it (`#T_x`, `#T_x td`,
    `#T_x_row0_col1`), not a sibling of it (`#T_x ~ div`, `#T_x + p`)."""
    rest = selector[len(scope) :]
    return not any(combinator in rest for combinator in ("~", "+"))


_UNSAFE_CSS = ("<", "@import", "url(", "image-set(", "expression", "\\", "javascript:", "behavior", "-moz-binding")


def page_stylesheet(css: str) -> str:
    """A `<style>` element for an app's own stylesheet (`st.html("<style>...</style>")`), or ""
    when it could load anything or escape its element: at-imports, `url(...)`, escapes, markup,
    script-bearing properties. Its rules may style the whole page, as in Streamlit."""
    if any(bad in css.lower() for bad in _UNSAFE_CSS):
        return ""
    return f"<style>{css}</style>"
