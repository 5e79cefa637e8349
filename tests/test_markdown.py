import pytest

from nbfrag._runtime.markdown import inline_markdown_html, markdown_html

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "<iframe src=javascript:alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_raw_html_never_passes(payload):
    for render in (markdown_html, inline_markdown_html):
        html = render(payload)
        assert "<img" not in html and "<script" not in html and "<svg" not in html
        assert "<iframe" not in html and 'href="javascript:' not in html


def test_markdown_still_renders():
    assert "<strong>bold</strong>" in markdown_html("**bold**")
    assert "<table>" in markdown_html("| a |\n|---|\n| 1 |")
    assert "<h2>" in markdown_html("## Total clicks: 3")


def test_unsafe_allow_html_is_the_only_way_to_pass_html():
    assert "<b>x</b>" in markdown_html("<b>x</b>", allow_html=True)
    assert "<b>" not in markdown_html("<b>x</b>")


def test_plain_text_fast_path_matches_the_parser():
    import random
    import string

    from nbfrag._runtime.markdown import _render

    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + " ,.;:?'()/%=-*_#>+`[]<&!\n"
    samples = ["Fragment says it ran 3 times.", "1. not a list?", "a  b", "(x) = 5%", "- item", "3) x"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in samples:
        assert markdown_html(text) == _render(text, False), text
