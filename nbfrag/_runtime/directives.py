"""Streamlit's Markdown extensions, as a markdown-it plugin: rendered in the kernel.

* emoji shortcodes (`:smile:`, `:+1:`, GitHub's names, via the `emoji` package);
* Material Symbols (`:material/home:`): a `<span class="material-symbols-rounded">` whose text is
  the icon's name, drawn as the icon by that font's ligatures where the page has the font, and
  shown as the name where it does not (JupyterLab and Voila do not load it);
* typographic symbols: `<-`, `->`, `<->`, `--`, `>=`, `<=`, `~=` between spaces become
  ← → ↔ — ≥ ≤ ≈ (not inside links or code);
* coloured text `:red[text]`, backgrounds `:blue-background[text]`, badges `:green-badge[text]`,
  `:rainbow[text]`, custom colours `:color[text]{foreground="#d50000" background="..."}`, small
  text `:small[text]` and `:shimmer[text]` (muted text here; the animation needs a stylesheet).

The text inside the brackets is parsed as inline Markdown with the same parser, so raw HTML
stays off inside it; the markup added here is built from fixed palettes and checked colours
only, never from the visitor's text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import emoji
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .. import errors

# Streamlit's palette (its light theme): text colour, background colour.
PALETTE: dict[str, tuple[str, str]] = {
    "red": ("#e0312b", "rgba(255, 43, 43, 0.12)"),
    "orange": ("#d35f0b", "rgba(255, 139, 0, 0.14)"),
    "yellow": ("#926c05", "rgba(255, 212, 0, 0.18)"),
    "green": ("#158237", "rgba(33, 195, 84, 0.14)"),
    "blue": ("#0068c9", "rgba(28, 131, 225, 0.12)"),
    "violet": ("#803df5", "rgba(128, 61, 245, 0.12)"),
    "gray": ("#6b6f7a", "rgba(49, 51, 63, 0.08)"),
    "grey": ("#6b6f7a", "rgba(49, 51, 63, 0.08)"),
    "primary": ("#ff4b4b", "rgba(255, 75, 75, 0.12)"),
}
# The colours a badge takes (Streamlit's list: the palette without "rainbow").
BADGE_COLORS = tuple(PALETTE)
_RAINBOW = "linear-gradient(to right, #ff2b2b, #ff8700, #ffd400, #21c354, #1c83e1, #803df5)"
_STYLES: dict[str, str] = {
    **{name: f"color:{text}" for name, (text, _) in PALETTE.items()},
    **{f"{name}-background": f"background-color:{back};border-radius:0.25em;padding:0 0.15em"
       for name, (_, back) in PALETTE.items()},
    "rainbow": f"background-image:{_RAINBOW};-webkit-background-clip:text;background-clip:text;color:transparent",
    "rainbow-background": f"background-image:{_RAINBOW};border-radius:0.25em;padding:0 0.15em",
    "small": "font-size:0.8em",
    "shimmer": "opacity:0.6",
}


def badge_style(color: str) -> str:
    """The CSS of a badge of one of Streamlit's badge colours."""
    text, back = PALETTE[color]
    return (
        f"color:{text};background-color:{back};border-radius:0.5em;padding:0.1em 0.45em;"
        "font-size:0.875em;font-weight:500;white-space:nowrap;display:inline-block;line-height:1.4"
    )


# Badges: the palette's colours on their backgrounds, rounded.
_STYLES.update({f"{name}-badge": badge_style(name) for name in BADGE_COLORS})

_DIRECTIVE = re.compile(r":(color|[a-z]+(?:-background|-badge)?)\[")
_CUSTOM = re.compile(r"\{((?:\s*(?:foreground|background)\s*=\s*\"[^\"]*\")*)\s*\}")
_CUSTOM_PART = re.compile(r"(foreground|background)\s*=\s*\"([^\"]*)\"")
# CSS colours accepted in `{foreground="..."}`: named, hex, rgb(a)/hsl(a) with commas.
_CSS_COLOR = re.compile(
    r"[a-zA-Z]{3,20}|#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\(\s*[0-9.]+%?(?:\s*,\s*[0-9.]+%?){2,3}\s*\)"
)
_SHORTCODE = re.compile(r":([A-Za-z0-9_+-]+):")
_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
# Streamlit's typographic symbols, each standing alone between spaces (or the text's ends).
_SYMBOLS = [(re.compile(rf"(^|\s){re.escape(ascii_)}(?=\s|$)"), symbol) for ascii_, symbol in (
    ("<->", "↔"), ("->", "→"), ("<-", "←"), ("--", "—"), (">=", "≥"), ("<=", "≤"), ("~=", "≈"),
)]
# Text that may hold an extension (the fast paths of `markdown.py` skip the parser otherwise).
HINT = re.compile(r":[A-Za-z0-9_+/-]+[:\[]|(?:^|\s)(?:--|<-|->|>=|<=|~=)(?:\s|$)")
MATERIAL_CLASS = "material-symbols-rounded"


def emoji_for(name: str) -> str | None:
    """The emoji a shortcode name (`"smile"`, `"+1"`) stands for, or None."""
    code = f":{name}:"
    found = emoji.emojize(code, language="alias")
    return None if found == code else found


def material_icon_html(name: str) -> str:
    """A Material Symbols icon (`name` as in `:material/name:`): the font's ligature span."""
    return (
        f"<span class='{MATERIAL_CLASS} nbfrag-icon' translate='no' aria-hidden='true'>"
        f"{html.escape(name)}</span>"
    )


def _icons(state: StateInline, silent: bool) -> bool:
    """`:material/name:` and emoji shortcodes."""
    if state.src[state.pos] != ":":
        return False
    material = _MATERIAL.match(state.src, state.pos, state.posMax)
    if material:
        if not silent:
            token = state.push("nbfrag_icon", "", 0)
            token.content = material.group(1)
        state.pos = material.end()
        return True
    code = _SHORTCODE.match(state.src, state.pos, state.posMax)
    if not code:
        return False
    found = emoji_for(code.group(1))
    if found is None:
        return False
    if not silent:
        token = state.push("text", "", 0)
        token.content = found
    state.pos = code.end()
    return True


def _directive(state: StateInline, silent: bool) -> bool:
    """`:name[inline Markdown]` (and `:color[...]{foreground=... background=...}`)."""
    if state.src[state.pos] != ":":
        return False
    found = _DIRECTIVE.match(state.src, state.pos, state.posMax)
    if not found or (found.group(1) != "color" and found.group(1) not in _STYLES):
        return False
    label_start = found.end()
    label_end = state.md.helpers.parseLinkLabel(state, found.end() - 1)
    if label_end < 0:
        return False
    after = label_end + 1
    style = _STYLES.get(found.group(1), "")
    if found.group(1) == "color":
        custom = _CUSTOM.match(state.src, after, state.posMax)
        if custom is None:
            return False
        style = _custom_style(custom.group(1))
        after = custom.end()
    if not silent:
        opened = state.push("nbfrag_directive_open", "span", 1)
        opened.meta = {"style": style, "name": found.group(1)}
        old_max = state.posMax
        state.pos, state.posMax = label_start, label_end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("nbfrag_directive_close", "span", -1)
    state.pos = after
    return True


def _custom_style(spec: str) -> str:
    """CSS from `foreground="..." background="..."`; colours that are not plain CSS colours are
    left out, so nothing but a colour reaches the style."""
    rules = []
    for part, value in _CUSTOM_PART.findall(spec):
        if _CSS_COLOR.fullmatch(value.strip()):
            rules.append(f"{'color' if part == 'foreground' else 'background-color'}:{value.strip()}")
    return ";".join(rules)


def _render_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    return f"<span class='nbfrag-md-{html.escape(meta['name'])}' style='{html.escape(meta['style'])}'>"


def _render_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</span>"


def _render_icon(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return material_icon_html(tokens[idx].content)


def _symbols(state: StateCore) -> None:
    """Replace the typographic symbols in text, outside links (code spans are not text)."""
    for block in state.tokens:
        in_link = 0
        for token in block.children or ():
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            elif token.type == "text" and not in_link:
                for pattern, symbol in _SYMBOLS:
                    token.content = pattern.sub(rf"\g<1>{symbol}", token.content)


def streamlit_extensions(md: MarkdownIt) -> None:
    """Add the extensions to a markdown-it parser (`md.use(streamlit_extensions)`)."""
    md.core.ruler.push("nbfrag_symbols", _symbols)
    md.inline.ruler.before("link", "nbfrag_directive", _directive)
    md.inline.ruler.before("nbfrag_directive", "nbfrag_icons", _icons)
    md.add_render_rule("nbfrag_directive_open", _render_open)
    md.add_render_rule("nbfrag_directive_close", _render_close)
    md.add_render_rule("nbfrag_icon", _render_icon)


def check_icon(icon: object) -> str:
    """An element's `icon` as Streamlit checks it: None or blank is no icon (""), a
    `:material/name:` icon must have that form, "spinner" is the spinner; any other string is
    shown as it is (an emoji). Not a string: `StreamlitInvalidParameterTypeError`."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise errors.StreamlitInvalidParameterTypeError("icon", type(icon).__name__, ["str", "None"])
    icon = icon.strip()
    if icon.lower().startswith(":material") and not _MATERIAL.fullmatch(icon):
        shown = icon.replace("/", "\u200b/")
        raise errors.StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. Please use a Material icon '
            "shortcode like **`:material\u200b/thumb_up:`**"
        )
    return icon


def icon_html(icon: str) -> str:
    """HTML of a checked icon: a Material icon's ligature span, else the escaped text."""
    material = _MATERIAL.fullmatch(icon)
    if material:
        return material_icon_html(material.group(1))
    if icon == "spinner":
        return "<span class='nbfrag-icon-spinner' aria-hidden='true'>⏳</span>"
    return html.escape(icon)
