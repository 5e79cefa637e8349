"""The Streamlit 1.67 parameters of the text, alert and status elements: `width`,
`text_alignment`, `wrap`, heading `icon`, alert `title`, `st.exception(exception=...)`,
`st.progress`'s positional `width`, and Streamlit's errors for bad values."""

from __future__ import annotations

from typing import Any

import pytest


def run(app_test: Any, code: str) -> Any:
    at = app_test.from_string("import nbfrag as st\n" + code).run()
    assert len(at.exception) == 0, str(at)
    return at


def html(element: Any) -> str:
    return str(element.slot.widget.value)


def test_default_arguments_draw_the_html_they_always_drew(app_test: Any) -> None:
    at = run(app_test, 'st.markdown("hi")\nst.title("T")\nst.caption("c")\nst.text("t")')
    assert html(at.markdown[0]) == "<div class='jp-RenderedHTMLCommon'><p>hi</p>\n</div>"
    assert html(at.title[0]) == "<div class='jp-RenderedHTMLCommon'><h1>T</h1></div>"
    assert html(at.caption[0]) == "<div class='jp-RenderedHTMLCommon' style='font-size:0.85em;opacity:0.7'><p>c</p>\n</div>"
    assert html(at.text[0]) == "<div style='font-family:var(--jp-code-font-family,monospace);white-space:pre-wrap'>t</div>"


@pytest.mark.parametrize(
    "call, kind, css",
    [
        ('st.markdown("m", text_alignment="center")', "markdown", "text-align:center"),
        ('st.markdown("m", width=320)', "markdown", "width:320px;max-width:100%"),
        ('st.markdown("m", width="content")', "markdown", "width:fit-content;max-width:100%"),
        ('st.caption("c", text_alignment="right")', "caption", "text-align:right"),
        ('st.text("t", width="stretch", text_alignment="justify")', "text", "text-align:justify"),
        ('st.header("h", wrap=False)', "header", "white-space:nowrap;overflow:hidden;text-overflow:ellipsis"),
        ('st.subheader("s", width="content")', "subheader", "width:fit-content"),
        ('st.help(st.help, width=200)', "help", "width:200px"),
    ],
)
def test_width_alignment_and_wrap_shape_the_box(app_test: Any, call: str, kind: str, css: str) -> None:
    at = run(app_test, call)
    assert css in html(getattr(at, kind)[0])


def test_one_line_markdown_renders_inline_markdown_only(app_test: Any) -> None:
    at = run(app_test, 'st.markdown("# Not a *heading*", wrap=False)')
    assert html(at.markdown[0]) == (
        "<div class='jp-RenderedHTMLCommon' style='white-space:nowrap;overflow:hidden;text-overflow:ellipsis'>"
        "# Not a <em>heading</em></div>"
    )


def test_a_heading_icon_is_escaped_text_before_the_heading(app_test: Any) -> None:
    at = run(app_test, 'st.title("Plants", icon="🌿")\nst.header("Soil", icon="<b>x</b>")\nst.subheader("Light", icon="")')
    assert str(at).splitlines() == ["# 🌿 Plants", "## <b>x</b> Soil", "### Light"]
    assert "&lt;b&gt;x&lt;/b&gt;" in html(at.header[0]) and "<b>" not in html(at.header[0])
    assert at.title[0].value == "Plants"


def test_exception_takes_streamlits_parameter_name(app_test: Any) -> None:
    at = app_test.from_string(
        'import nbfrag as st\nst.exception(exception=ValueError("by name"))\nst.exception(KeyError("by position"))'
    ).run()
    assert [str(e) for e in at.exception] == ["ValueError: by name", "KeyError: 'by position'"]


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.markdown("m", width=0)', "StreamlitInvalidWidthError: Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.title("t", width="wide")', "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.help(st.help, width="content")', "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
        ('st.exception(ValueError(), width="content")', "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
        ('st.caption("c", text_alignment="middle")', "StreamlitValueError: Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'."),
        ('st.text("t", wrap="yes")', "StreamlitValueError: Invalid `wrap` value. Supported values: True, False."),
        ('st.error("e", width="content")', "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'."),
        ('st.progress(5, None, 0)', "Invalid width value: 0. Width must be either a positive integer (pixels) or 'stretch'."),
        ('st.columns(2, wrap=None)', "StreamlitValueError: Invalid `wrap` value. Supported values: True, False."),
        ('with st.spinner("s", width="wide"):\n    pass', "Invalid width value: 'wide'."),
        ('st.markdown("<b>m</b>", unsafe_allow_html=True, wrap=False)', "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown cannot ellipsize raw HTML."),
    ],
)
def test_bad_values_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[-1])


def test_an_alert_title_is_a_bold_line_above_the_message(app_test: Any) -> None:
    at = run(app_test, 'st.error("Check the *wiring*.", icon="🚨", title="Sensor `3` <b>down</b>", width=300)\nst.info("plain")')
    assert str(at).splitlines() == ["Error: 🚨 Sensor `3` <b>down</b>: Check the *wiring*.", "Info: plain"]
    box = html(at.error[0])
    assert "<div class='nbfrag-alert-title' style='font-weight:bold'>Sensor <code>3</code> &lt;b&gt;down&lt;/b&gt;</div>" in box
    assert "width:300px" in box and "nbfrag-alert-title" not in html(at.info[0])


def test_progress_takes_width_third_by_position_and_keeps_it_when_moved(app_test: Any) -> None:
    at = run(app_test, 'bar = st.progress(10, "Loading", 240)\nbar.progress(60)')
    assert "<div class='nbfrag-progress-bar' style='width:240px;max-width:100%'>" in html(at.progress[0])
    assert "aria-valuenow='60'" in html(at.progress[0])
