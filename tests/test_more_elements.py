"""`st.link_button`, `st.badge`, `st.html`, `st.page_link`, `st.logo`, `st.space`, `st.snow` and
Streamlit's Markdown extensions (emoji shortcodes, coloured text, badges, Material icons), in-process.

Safety first: every link is checked in the kernel (Streamlit leaves `javascript:` URLs to its
browser code), and a visitor's text inside the new markup stays escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nbfrag._elements.links import check_url
from nbfrag._runtime.markdown import inline_markdown_html, markdown_html
from nbfrag.errors import StreamlitAPIException

# -- Markdown extensions ---------------------------------------------------------------------------


def test_emoji_shortcodes_become_emoji_and_unknown_ones_stay_text() -> None:
    assert markdown_html(":smile: and :+1: on :bar_chart:") == "<p>😄 and 👍 on 📊</p>\n"
    assert inline_markdown_html(":no_such_emoji_here:") == ":no_such_emoji_here:"
    assert inline_markdown_html("at 10:30:45") == "at 10:30:45"
    assert inline_markdown_html("`:smile:`") == "<code>:smile:</code>"  # code is verbatim


def test_coloured_text_backgrounds_rainbow_and_small() -> None:
    html = inline_markdown_html(":red[**alert**] :blue-background[note] :rainbow[party] :small[fine print]")
    assert "<span class='nbfrag-md-red' style='color:#e0312b'><strong>alert</strong></span>" in html
    assert "class='nbfrag-md-blue-background' style='background-color:" in html
    assert "class='nbfrag-md-rainbow'" in html and "background-clip:text" in html
    assert "<span class='nbfrag-md-small' style='font-size:0.8em'>fine print</span>" in html
    for color in ("orange", "yellow", "green", "violet", "gray", "grey", "primary"):
        assert f"nbfrag-md-{color}'" in inline_markdown_html(f":{color}[x]")
    assert inline_markdown_html(":pink[x]") == ":pink[x]"  # not a Streamlit colour: text
    assert inline_markdown_html(":red[never closed") == ":red[never closed"


def test_badges_and_material_icons() -> None:
    html = inline_markdown_html(":green-badge[:material/check: Done]")
    assert html.startswith("<span class='nbfrag-md-green-badge' style='color:#158237;background-color:")
    assert "<span class='material-symbols-rounded nbfrag-icon' translate='no' aria-hidden='true'>check</span> Done" in html


def test_typographic_symbols_between_spaces_outside_links_and_code() -> None:
    assert inline_markdown_html("a -> b <- c <-> d -- e >= f <= g ~= h") == "a → b ← c ↔ d — e ≥ f ≤ g ≈ h"
    assert inline_markdown_html("x -- y") == "x — y"  # a plain line: not the parser's fast path
    assert inline_markdown_html("--flag a->b") == "--flag a-&gt;b"  # not standing alone
    assert inline_markdown_html("[a -> b](https://x.y) `c -> d`") == (
        '<a href="https://x.y">a -&gt; b</a> <code>c -&gt; d</code>'
    )


def test_custom_colours_pass_only_colours() -> None:
    html = inline_markdown_html(':color[x]{foreground="#d50000" background="rgb(0, 100, 200)"}')
    assert "style='color:#d50000;background-color:rgb(0, 100, 200)'" in html
    sneaky = inline_markdown_html(""":color[x]{foreground="red;background:url(https://evil/)" background="url(x)"}""")
    assert "url(" not in sneaky and "evil" not in sneaky


@pytest.mark.parametrize(
    "payload",
    [
        ":red[<img src=x onerror=alert(1)>]",
        ":blue-badge[<script>alert(1)</script>]",
        ":green-background[[x](javascript:alert(1))]",
        ":small[<svg onload=alert(1)>]",
        ":rainbow[:material/<b>x</b>:]",
    ],
)
def test_visitor_text_inside_the_extensions_stays_escaped(payload: str) -> None:
    for render in (markdown_html, inline_markdown_html):
        html = render(payload)
        assert "<img" not in html and "<script" not in html and "<svg" not in html and "<b>" not in html
        assert "href=" not in html


def test_st_markdown_caption_and_headings_render_the_extensions(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.markdown("Status :green[ok] :smile:")
st.caption(":blue-badge[beta]")
st.header(":material/home: Home")
"""
    ).run()
    assert "nbfrag-md-green" in at.markdown[0].slot.widget.value and "😄" in at.markdown[0].slot.widget.value
    assert "nbfrag-md-blue-badge" in at.caption[0].slot.widget.value
    assert "material-symbols-rounded" in at.header[0].slot.widget.value
    assert at.markdown[0].value == "Status :green[ok] :smile:"  # the text form keeps the source


# -- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", " java\tscript:alert(1)", "vbscript:msgbox(1)",
     "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "\x01javascript:alert(1)"],
)
def test_unsafe_urls_are_refused_in_the_kernel(url: str) -> None:
    with pytest.raises(StreamlitAPIException, match=r"st.link_button does not open .*Use an http:// or https:// URL"):
        check_url(url, "st.link_button")


@pytest.mark.parametrize("url", ["https://streamlit.io", "http://x.y/a?b=1", "mailto:a@b.c", "tel:+123", "other.ipynb", "#top"])
def test_safe_urls_pass(url: str) -> None:
    assert check_url(url, "st.link_button") == url


# -- st.link_button -----------------------------------------------------------------------------


def test_link_button_opens_its_url_in_a_new_tab(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
result = st.link_button("Go to **gallery**", "https://streamlit.io/gallery", icon="🖼", help="The gallery")
st.text(repr(result))
"""
    ).run()
    element = at.link_button[0]
    assert element.value == "Go to **gallery**" and element.url == "https://streamlit.io/gallery"
    assert str(element) == "[🖼 Go to **gallery**](https://streamlit.io/gallery)"
    html = element.slot.widget.value
    assert "href='https://streamlit.io/gallery' target='_blank' rel='noopener noreferrer'" in html
    assert "<strong>gallery</strong>" in html and "title='The gallery'" in html
    assert at.text[0].value == "None"


def test_a_javascript_link_is_an_error_in_the_area_and_nothing_is_drawn(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.link_button("Click me", "javascript:alert(document.cookie)")
"""
    ).run()
    assert list(at.link_button) == []
    assert "st.link_button does not open 'javascript:alert(document.cookie)'" in at.exception[0].value


def test_link_button_label_is_escaped_and_disabled_has_no_href(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.link_button("<img src=x onerror=alert(1)>", "https://example.com", disabled=True, type="primary")
"""
    ).run()
    html = at.link_button[0].slot.widget.value
    assert "<img" not in html and "&lt;img" in html
    assert "href=" not in html and "aria-disabled='true'" in html


def test_link_button_checks_its_parameters(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
for kwargs in ({"type": "big"}, {"icon_position": "top"}, {"width": "wide"}, {"on_click": "sometimes"},
               {"icon": ":material/"}):
    try:
        st.link_button("x", "https://example.com", **kwargs)
    except Exception as error:
        st.text(f"{type(error).__name__}: {error}")
"""
    ).run()
    said = at.text.values
    assert said[0] == "StreamlitValueError: Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'."
    assert said[1].startswith("StreamlitValueError: Invalid `icon_position` value.")
    assert said[2].startswith("StreamlitInvalidWidthError")
    assert said[3].startswith("StreamlitValueError: Invalid `on_click` value.")
    assert "is not a valid Material icon" in said[4]


def test_link_button_with_rerun_returns_true_in_the_run_its_click_caused(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.session_state.setdefault("calls", 0)
def count():
    st.session_state.calls += 1
clicked = st.link_button("Docs", "https://docs.streamlit.io", on_click=count, key="docs")
st.text(f"{clicked} {st.session_state.calls} {st.session_state.docs}")
"""
    ).run()
    assert at.text[0].value == "False 0 False"
    at.link_button[0].click().run()
    assert at.text[0].value == "True 1 True"
    at.run()
    assert at.text[0].value == "False 1 False"
    assert "href='https://docs.streamlit.io'" in at.link_button[0].slot.widget.html


def test_a_disabled_rerun_link_button_ignores_a_forged_click(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.text(str(st.link_button("Docs", "https://docs.streamlit.io", on_click="rerun", disabled=True)))
"""
    ).run()
    at.link_button[0].slot.widget._on_message(None, {"event": "click"}, [])
    at.run()
    assert at.text[0].value == "False"


def test_a_rerun_link_button_in_a_fragment_reruns_only_the_fragment(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

@st.fragment
def part():
    st.text(str(st.link_button("Docs", "https://docs.streamlit.io", on_click="rerun")))

part()
"""
    ).run()
    at.link_button[0].slot.widget._on_message(None, {"event": "click"}, [])
    assert at.session_state["app_runs"] == 1  # the click ran the fragment alone
    assert at.text[0].value == "True"


def test_a_link_button_callback_is_refused_in_a_form_and_two_alike_collide(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
with st.form("f"):
    try:
        st.link_button("Docs", "https://docs.streamlit.io", on_click=lambda: None)
    except Exception as error:
        st.text(type(error).__name__)
    st.form_submit_button()
st.link_button("Twice", "https://example.com", on_click="rerun")
st.link_button("Twice", "https://example.com", on_click="rerun")
"""
    ).run()
    assert at.text.values == ["StreamlitInvalidFormCallbackError"]
    assert "StreamlitDuplicateElementId: There are multiple `link_button` elements" in str(at.exception[0])


# -- st.page_link -------------------------------------------------------------------------------


def test_page_link_to_an_external_page(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.page_link("https://www.google.com", label="Google", icon="🌎", query_params={"q": "ferns", "t": ["a", "b"]})
"""
    ).run()
    link = at.page_link[0]
    assert link.value == "Google" and link.url == "https://www.google.com?q=ferns&t=a&t=b"
    assert str(link) == "[🌎 Google](https://www.google.com?q=ferns&t=a&t=b)"
    assert "target='_blank'" in link.slot.widget.value


def test_a_page_file_is_a_clear_multipage_error(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.page_link("pages/page_1.py", label="Page 1")
"""
    ).run()
    assert "multipage apps are not supported" in at.exception[0].value
    assert "StreamlitAPIException" in str(at.exception[0])


def test_page_link_needs_a_label_and_a_safe_url(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
for page, label in (("https://example.com", None), ("javascript:alert(1)", "x")):
    try:
        st.page_link(page, label=label)
    except Exception as error:
        st.text(f"{type(error).__name__}: {error}")
"""
    ).run()
    assert at.text.values == [
        ("StreamlitMissingRequiredParameterError: The `label` parameter is required. Streamlit cannot infer a "
        "label for an external URL."),
        ("StreamlitAPIException: st.page_link cannot link to the page 'javascript:alert(1)': multipage apps are "
        "not supported in a notebook, which is one page. Link an external page with an http:// or https:// URL "
        "and a label, or split the app into sections with st.tabs."),
    ]


# -- st.badge -----------------------------------------------------------------------------------


def test_badge_is_the_badge_directive(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.badge("New")
st.badge("Success [ok]", icon=":material/check:", color="green", help="All good")
"""
    ).run()
    assert at.badge.values == ["New", "Success [ok]"]
    assert [str(b) for b in at.badge] == ["[New]", "[:material/check: Success [ok]]"]
    html = at.badge[1].slot.widget.value
    assert "nbfrag-md-green-badge" in html and ">check</span> Success [ok]</span>" in html
    assert "title='All good'" in html
    assert "nbfrag-md-blue-badge" in at.badge[0].slot.widget.value


def test_badge_escapes_its_label_and_checks_its_colour(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.badge("<script>alert(1)</script>]:red[x")
st.badge("x", color="pink")
"""
    ).run()
    html = at.badge[0].slot.widget.value
    assert "<script" not in html and "nbfrag-md-red'" not in html
    assert "Invalid `color` value. Supported values: 'red', 'orange'" in at.exception[0].value


# -- st.html ------------------------------------------------------------------------------------


def test_html_is_sanitised_and_keeps_its_styles(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.html("<style>.fern{color:green}</style><p class='fern' onclick='alert(1)'>Hi <b>there</b></p>"
        "<script>alert(2)</script><a href='javascript:alert(3)'>x</a>")
"""
    ).run()
    element = at.html[0]
    shown = element.slot.widget.value
    assert "<style>.fern{color:green}</style>" in shown and "<b>there</b>" in shown
    assert "onclick" not in shown and "<script" not in shown and "javascript:" not in shown
    assert str(element) == "Hi therex"
    assert element.value.startswith("<style>")


def test_html_style_only_styles_the_page_and_takes_no_room(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.html("<style>p { color: red }</style>")
st.html("<style>@import url(https://evil.example/x.css);</style>")
st.text("after")
"""
    ).run()
    assert str(at) == "after"
    assert list(at.html) == []  # hidden: not part of what the page shows
    slots = [s for s in at._roots()[0].slots if s.key[0] == "html"]
    assert "<style>p { color: red }</style>" in slots[0].widget.value
    assert "evil" not in slots[1].widget.value


def test_html_from_files_and_objects(app_test: Any, tmp_path: Path) -> None:
    (tmp_path / "part.html").write_text("<em>from a file</em>", encoding="utf-8")
    (tmp_path / "look.css").write_text("em { color: blue }", encoding="utf-8")
    at = app_test.from_string(
        f"""
import pathlib
import nbfrag as st
class Rich:
    def _repr_html_(self):
        return "<i>rich</i>"
class Dunder:
    def __html__(self):
        return "<u>dunder</u>"
st.html(pathlib.Path({str(tmp_path / 'part.html')!r}))
st.html(pathlib.Path({str(tmp_path / 'look.css')!r}))
st.html(Rich())
st.html(Dunder())
st.html({str(tmp_path / 'part.html')!r})  # a string is HTML, never a file name
try:
    st.html("")
except Exception as error:
    st.text(f"{{type(error).__name__}}: {{error}}")
"""
    ).run()
    assert at.html.values[0] == "<em>from a file</em>"
    assert [str(h) for h in at.html] == ["from a file", "rich", "dunder", str(tmp_path / "part.html")]
    assert at.text[0].value == "StreamlitMissingRequiredParameterError: The `body` parameter is required."


def test_html_with_javascript_keeps_the_scripts_for_the_browser(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.html("<p id='x'>Hi</p><script>document.getElementById('x').textContent='Ran'</script>",
        unsafe_allow_javascript=True)
"""
    ).run()
    widget = at.html[0].slot.widget
    assert type(widget).__name__ == "ScriptedHtml" and "<script>document.getElementById" in widget.html
    assert str(at.html[0]) == "Hi"


# -- st.logo, st.space, st.snow -------------------------------------------------------------------


def test_logo_shows_above_the_app_and_refuses_unsafe_links(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.text("body")
st.logo("🌿", size="large", link="https://jupyter.org")
for kwargs in ({"link": "javascript:alert(1)"}, {"size": "huge"}):
    try:
        st.logo("🌿", **kwargs)
    except Exception as error:
        st.text(f"{type(error).__name__}: {error}")
"""
    ).run()
    logo = at.logo[0]
    assert str(logo) == "logo: 🌿 -> https://jupyter.org"
    html = logo.slot.widget.value
    assert ".nbfrag-logo{order:-1}" in html and "body[data-voila] .nbfrag-logo{position:fixed" in html
    assert "href='https://jupyter.org' target='_blank'" in html and "font-size:32px" in html
    assert at.text.values[1:] == [
        ('StreamlitInvalidURLError: "javascript:alert(1)" is not a valid URL. You must use a fully qualified '
        'domain beginning with "http://" or "https://".'),
        "StreamlitValueError: Invalid `size` value. Supported values: 'small', 'medium', 'large'.",
    ]


def test_logo_takes_an_image_or_a_material_icon(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.logo("https://example.com/logo.png")
st.logo(":material/eco:", size="small")
try:
    st.logo("no such file.png")
except Exception as error:
    st.text(str(error))
"""
    ).run()
    assert "<img src='https://example.com/logo.png'" in at.logo[0].slot.widget.value
    assert ">eco</span>" in at.logo[1].slot.widget.value
    assert at.text[0].value.startswith("The image passed to st.logo is invalid")


def test_space_sizes(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.space()
st.space("large")
st.space(40)
try:
    st.space(0)
except Exception as error:
    st.text(str(error))
"""
    ).run()
    assert at.space.values == ["small", "large", 40]
    assert "height:0.75rem" in at.space[0].slot.widget.value and "height:40px" in at.space[2].slot.widget.value
    assert at.text[0].value.startswith("Invalid `size` value. Supported values: 'stretch', 'xxsmall'")
    assert at.text[0].value.endswith("a positive integer. Got 0.")


def test_snow_falls_once_per_call_and_is_not_an_element(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.snow()
st.snow()
st.text("after")
"""
    ).run()
    assert str(at) == "after"
    snow = at._roots()[0].extras["snow"]
    assert len(snow.falls) == 2 and snow.falls[0]["uid"] != snow.falls[1]["uid"]
