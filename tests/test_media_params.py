"""The Streamlit 1.67 parameters of `st.image`, `st.pyplot` and `st.plotly_chart`: alt texts,
links, widths and heights, and `st.image`'s positional order."""

from __future__ import annotations

from typing import Any

import pytest

PRELUDE = "import nbfrag as st\nimport numpy as np\nRAMP = np.tile(np.linspace(0.0, 1.0, 8), (4, 1))\n"


def run(app_test: Any, code: str) -> Any:
    at = app_test.from_string(PRELUDE + code).run()
    assert len(at.exception) == 0, str(at)
    return at


def outputs(element: Any) -> list[dict[str, Any]]:
    return [dict(o["data"]) | {"metadata": o["metadata"]} for o in element.slot.widget.outputs]


def test_a_plain_image_keeps_the_notebooks_image_renderer(app_test: Any) -> None:
    (shown,) = outputs(run(app_test, "st.image(RAMP, width=64)").image[0])
    assert "image/png" in shown and "text/html" not in shown
    assert shown["metadata"] == {"image/png": {"width": 64}}


def test_alt_link_and_stretch_make_an_escaped_img(app_test: Any) -> None:
    at = run(app_test, 'st.image(RAMP, alt="A <ramp>", link="https://example.com/?a=1&b=2", width="stretch")')
    (shown,) = outputs(at.image[0])
    assert "image/png" not in shown
    assert shown["text/html"].startswith(
        "<a href='https://example.com/?a=1&amp;b=2' target='_blank' rel='noopener noreferrer'>"
        "<img src='data:image/png;base64,"
    )
    assert "alt='A &lt;ramp&gt;' style='max-width:100%;width:100%'></a>" in shown["text/html"]
    assert str(at) == "<image 8x4 PNG> -> https://example.com/?a=1&b=2"


def test_several_images_take_one_alt_each(app_test: Any) -> None:
    at = run(app_test, 'st.image([RAMP, RAMP], alt=["first", None])')
    first, second = outputs(at.image[0])
    assert "alt='first'" in first["text/html"] and "image/png" in second


def test_image_takes_streamlits_positional_order(app_test: Any) -> None:
    at = run(app_test, "st.image(RAMP * 3, 'clamped', 32, True)")  # clamp is fourth
    assert str(at) == "<image 8x4 PNG> clamped"


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.image(RAMP, link="javascript:alert(1)")', "st.image(link='javascript:alert(1)') is not an http(s) URL."),
        ('st.image(RAMP, link="/my_page")', "is not an http(s) URL. In a notebook an image can only link to a web page"),
        ('st.image([RAMP, RAMP], link="https://example.com")', "The `link` parameter is only supported when displaying a single image. You passed 2 images."),
        ('st.image([RAMP, RAMP], alt="both")', "A single `alt` string can only be used with a single image. You passed 2 images"),
        ('st.image([RAMP, RAMP], alt=["one"])', "Cannot pair 1 alt values with 2 images."),
        ('st.image(RAMP, width=0)', "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.plotly_chart({"data": []}, height="tall")', "Invalid height value: 'tall'."),
    ],
)
def test_bad_values_raise_clear_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(PRELUDE + call).run()
    assert message in str(at.exception[0])


def test_pyplot_alt_and_width(app_test: Any) -> None:
    at = run(
        app_test,
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots(figsize=(2, 1))\nst.pyplot(fig, alt='A line', width=150)\n"
        "fig2, ax2 = plt.subplots(figsize=(2, 1))\nst.pyplot(fig2, width='content')\n",
    )
    (described,), (plain,) = (outputs(p) for p in at.pyplot)
    assert 'alt="A line" style="width:150px;height:auto;max-width:100%"' in described["text/html"]
    natural = plain["metadata"]["image/png"]["width"]
    assert natural > 0 and f'style="width:{natural}px;height:auto;max-width:100%"' in plain["text/html"]


def test_plotly_width_height_and_alt(app_test: Any) -> None:
    pytest.importorskip("plotly")
    at = run(
        app_test,
        "import plotly.graph_objects as go\nfig = go.Figure(go.Bar(y=[1, 2]))\n"
        "st.plotly_chart(fig, width=400, height=250, alt='Two <bars>')\n"
        "st.plotly_chart(fig, use_container_width=True)\nst.text(repr(fig.layout.width))",
    )
    sized, responsive = (outputs(p)[0] for p in at.plotly_chart)
    layout = sized["application/vnd.plotly.v1+json"]["layout"]
    assert (layout["width"], layout["height"]) == (400, 250)
    assert sized["application/vnd.plotly.v1+json"]["config"]["responsive"] is False
    assert sized["text/html"].startswith("<div role='figure' aria-label='Two &lt;bars&gt;'>")
    assert responsive["application/vnd.plotly.v1+json"]["config"]["responsive"] is True
    assert at.text[0].value == "None"  # the app's figure keeps its own size
