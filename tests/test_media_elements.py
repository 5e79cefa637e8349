"""`st.audio` and `st.video` in-process: the HTML5 players built in the kernel (sources, times,
flags, subtitles, YouTube), and the refusal of unsafe URLs."""

from __future__ import annotations

import base64
import io
import re
import wave
from typing import Any

import numpy as np
import pytest

from nbfrag._elements.players import wav_bytes


def html_of(app_test: Any, source: str) -> tuple[str, str]:
    """The app's one media element: its HTML and its text form."""
    at = app_test.from_string("import nbfrag as st\nimport numpy as np\nimport datetime\n" + source).run()
    assert not at.exception, at.exception[0].value
    slot = at.get("audio")[0].slot if at.get("audio") else at.get("video")[0].slot
    return slot.widget.value, slot.text()


def error_of(app_test: Any, source: str) -> str:
    at = app_test.from_string("import nbfrag as st\nimport numpy as np\n" + source).run()
    return str(at.exception[0].value)


def test_numpy_samples_become_a_wav_player(app_test: Any) -> None:
    html, text = html_of(app_test, "st.audio(np.sin(np.linspace(0, 100, 800)), sample_rate=8000)")
    assert html.startswith('<audio controls preload="metadata" src="data:audio/wav;base64,')
    raw = base64.b64decode(re.search(r"base64,([^\"#]+)", html).group(1))
    with wave.open(io.BytesIO(raw)) as w:
        assert (w.getnchannels(), w.getframerate(), w.getnframes()) == (1, 8000, 800)
    assert text.startswith("audio: ") and "audio/wav" in text


def test_stereo_samples_are_interleaved_and_scaled_to_the_loudest() -> None:
    raw = wav_bytes(np.array([[0.5, -0.5], [0.25, 0.0]]), 44100)
    with wave.open(io.BytesIO(raw)) as w:
        assert w.getnchannels() == 2
        frames = np.frombuffer(w.readframes(2), dtype=np.int16)
    assert frames.tolist() == [32767, 16383, -32767, 0]


def test_numpy_audio_needs_a_sample_rate(app_test: Any) -> None:
    assert "The `sample_rate` parameter is required." in error_of(app_test, "st.audio(np.zeros(10))")


def test_bytes_and_files_are_embedded_with_their_type(app_test: Any, tmp_path: Any) -> None:
    clip = tmp_path / "clip.mp3"
    clip.write_bytes(b"ID3fake")
    html, text = html_of(app_test, f"st.audio({str(clip)!r}, start_time=2, end_time='5s', loop=True)")
    assert f'src="data:audio/mpeg;base64,{base64.b64encode(b"ID3fake").decode()}#t=2,5"' in html
    assert " loop" in html and text == "audio: clip.mp3 (7 bytes)"
    html, _ = html_of(app_test, "st.video(b'\\x00\\x00', format='video/webm', autoplay=True, muted=True, width=300)")
    assert 'src="data:video/webm;base64,AAA="' in html
    assert " autoplay muted" in html and "width:300px" in html


def test_urls_are_escaped_and_other_schemes_refused(app_test: Any) -> None:
    html, text = html_of(app_test, 'st.video("https://example.com/v.mp4?a=1&b=\\"><script>x</script>")')
    assert 'src="https://example.com/v.mp4?a=1&amp;b=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    assert "<script>" not in html
    for url in ("javascript:alert(1)", " JavaScript:alert(1)", "vbscript:x"):
        assert "not an http(s) or data: URL" in error_of(app_test, f"st.audio({url!r})")


def test_times_as_in_streamlit(app_test: Any) -> None:
    html, _ = html_of(app_test, "st.video('https://e.com/v.mp4', start_time=datetime.timedelta(minutes=1))")
    assert 'src="https://e.com/v.mp4#t=60"' in html
    assert "Invalid start_time and end_time combination." in error_of(
        app_test, "st.video('https://e.com/v.mp4', start_time=5, end_time=3)"
    )
    assert "Failed to convert 'start_time' to a timedelta." in error_of(
        app_test, "st.audio('https://e.com/a.mp3', start_time='soon')"
    )


def test_subtitles_become_tracks_and_srt_is_converted(app_test: Any) -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nLook!\n"
    html, text = html_of(app_test, f"st.video('https://e.com/v.mp4', subtitles={{'English': {srt!r}, '<b>': 'WEBVTT'}})")
    tracks = re.findall(r'<track kind="subtitles" label="([^"]*)" src="data:text/vtt;base64,([^"]+)"( default)?>', html)
    assert [(label, default) for label, _, default in tracks] == [("English", " default"), ("&lt;b&gt;", "")]
    assert base64.b64decode(tracks[0][1]).decode() == "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nLook!\n"
    assert text.endswith("(subtitles)")
    assert "Failed to process the provided subtitle 'x'" in error_of(
        app_test, "st.video('https://e.com/v.mp4', subtitles={'x': 'not subtitles'})"
    )


def test_youtube_links_show_youtubes_player(app_test: Any) -> None:
    html, text = html_of(app_test, "st.video('https://youtu.be/_T8LGqJtuGc', start_time=3)")
    assert '<iframe src="https://www.youtube.com/embed/_T8LGqJtuGc?start=3"' in html
    assert text == "video: https://www.youtube.com/embed/_T8LGqJtuGc?start=3"
    assert "`subtitles` and `data=<YouTube URL>` cannot be used together." in error_of(
        app_test, "st.video('https://www.youtube.com/watch?v=_T8LGqJtuGc', subtitles='WEBVTT')"
    )


@pytest.mark.parametrize("call", ["st.audio(None)", "st.video(None)"])
def test_none_shows_an_empty_player(app_test: Any, call: str) -> None:
    html, _ = html_of(app_test, call)
    assert "src=" not in html and "controls" in html


def test_other_data_types_raise_streamlits_error(app_test: Any) -> None:
    assert "Invalid `data` type." in error_of(app_test, "st.video(3.5)")


def test_a_plotly_figure_without_a_height_is_drawn_at_plotlys_450_pixels(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nimport plotly.graph_objects as go\n"
        "fig = go.Figure(go.Bar(y=[1, 2]))\nst.plotly_chart(fig, use_container_width=True)\n"
        "st.plotly_chart(go.Figure(go.Bar(y=[1]), layout={'height': 300}))\nst.text(repr(fig.layout.height))\n"
    ).run()
    first, second = (c.slot.widget.outputs[0]["data"] for c in at.get("plotly_chart"))
    assert first["application/vnd.plotly.v1+json"]["layout"]["height"] == 450
    assert first["application/vnd.plotly.v1+json"]["config"]["responsive"] is True
    assert "height:450px" in first["text/html"]  # the HTML fallback too: never `height:100%`
    assert second["application/vnd.plotly.v1+json"]["layout"]["height"] == 300
    assert at.text[0].value == "None"  # the app's own figure is left as it was
