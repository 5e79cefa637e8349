"""`st.audio` and `st.video`: HTML5 media players built in the kernel.

Media given as data (bytes, a file, a numpy array turned into WAV) is embedded as a `data:`
URL; a URL is used as it is, after checking its scheme (http, https or data: a `javascript:`
URL is refused) and escaping it. YouTube links become YouTube's embedded player. Everything
put into the HTML is escaped: URLs and subtitle labels may come from a visitor.
"""

from __future__ import annotations

import base64
import datetime
import io
import mimetypes
import os
import re
import urllib.parse
import wave
from pathlib import Path
from typing import Any, TypeAlias

from .. import errors
from .._runtime.duration import parse_duration_string
from .._runtime.markdown import escape
from .._widgets.types import WidthWithoutContent, css_size
from .base import place_html
from .images import alt_text

MediaTime: TypeAlias = int | float | datetime.timedelta | str
_TIME_ERROR = (
    "Failed to convert '{name}' to a timedelta. Please use a string in a format supported by "
    "[Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), "
    'e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}'
)
_YOUTUBE = re.compile(
    r"^(?:https?:)?//(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:(?:watch)?\?(?:.*&)?v=|embed/|v/|e/)"
    r"|youtu\.be/)([\w-]{10,20})"
)
_DATA_TYPES = ["str", "bytes", "Path", "BytesIO", "file-like", "ndarray"]


def _seconds(value: Any, name: str, *, optional: bool) -> int | None:
    """A media time (seconds, a timedelta or a duration string) as whole seconds."""
    if value is None and optional:
        return None
    try:
        if isinstance(value, datetime.timedelta):
            return int(value.total_seconds())
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            return int(parse_duration_string(value))
    except errors.StreamlitAPIException:
        pass
    raise errors.StreamlitAPIException(_TIME_ERROR.format(name=name, value=value))


def _times(start_time: Any, end_time: Any) -> tuple[int, int | None]:
    start = _seconds(start_time, "start_time", optional=False)
    end = _seconds(end_time, "end_time", optional=True)
    assert start is not None
    if start < 0 or (end is not None and end <= start):
        raise errors.StreamlitAPIException("Invalid start_time and end_time combination.")
    return start, end


def _url(text: str) -> str | None:
    """`text` when it is a URL a player may load (http, https, data), else None."""
    try:
        scheme = urllib.parse.urlparse(text.strip()).scheme.lower()
    except ValueError:
        return None
    return text.strip() if scheme in ("http", "https", "data") else None


def _source(data: Any, mime: str, kind: str) -> tuple[str, str]:
    """The player's `src` (a URL, or the data as a `data:` URL) and its text form."""
    if isinstance(data, Path):
        data = str(data)
    if isinstance(data, str):
        if os.path.isfile(data):
            guessed = mimetypes.guess_type(data)[0]
            raw, label = Path(data).read_bytes(), os.path.basename(data)
            return _data_url(raw, guessed or mime), f"{label} ({len(raw)} bytes)"
        url = _url(data)
        if url is None:
            raise errors.StreamlitAPIException(
                f"st.{kind} found no file {data!r}, and it is not an http(s) or data: URL (other "
                "URL schemes, such as javascript:, are refused). Pass a file path, a URL, or the "
                "media as bytes."
            )
        return url, url if not url.startswith("data:") else f"data: URL ({len(url)} characters)"
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    elif isinstance(data, io.BytesIO):
        raw = data.getvalue()
    elif isinstance(data, io.IOBase) and hasattr(data, "read"):
        data.seek(0)
        raw = data.read() or b""
    elif type(data).__module__.split(".")[0] == "numpy":
        raw = data.tobytes()
    else:
        raise errors.StreamlitInvalidParameterTypeError("data", type(data).__name__, _DATA_TYPES)
    return _data_url(raw, mime), f"{len(raw)} bytes {mime}"


def _data_url(raw: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def wav_bytes(data: Any, sample_rate: int) -> bytes:
    """A numpy array (1-D mono, or 2-D with one row per channel) as 16-bit PCM WAV, scaled to
    the loudest sample as Streamlit scales it."""
    import numpy as np

    samples = np.array(data, dtype=float)
    if samples.ndim == 1:
        channels = 1
    elif samples.ndim == 2:
        channels = samples.shape[0]
        samples = samples.T.ravel()
    else:
        raise errors.StreamlitAPIException("Numpy array audio input must be a 1D or 2D array.")
    peak = float(np.max(np.abs(samples))) if samples.size else 0.0
    scaled = (samples / peak * 32767 if peak else samples).astype(np.int16)
    with io.BytesIO() as buffer:
        with wave.open(buffer, mode="wb") as out:
            out.setnchannels(channels)
            out.setframerate(sample_rate)
            out.setsampwidth(2)
            out.writeframes(scaled.tobytes())
        return buffer.getvalue()


def _fragment(src: str, start: int, end: int | None) -> str:
    """The media fragment (`#t=start,end`) that starts and stops a player, for non-data URLs
    (data URLs carry it too: browsers honour it on both)."""
    if not start and end is None:
        return src
    return f"{src}#t={start}" + (f",{end}" if end is not None else "")


def _player(
    tag: str, src: str, start: int, end: int | None, *, loop: bool, autoplay: bool, muted: bool,
    alt: str | None, width: Any, tracks: str = "",
) -> str:
    css = css_size(width, "width", {"stretch": "100%"})
    flags = "".join(f" {name}" for name, on in (("loop", loop), ("autoplay", autoplay), ("muted", muted)) if on)
    label = f' aria-label="{escape(alt)}"' if alt else ""
    return (
        f'<{tag} controls preload="metadata" src="{escape(_fragment(src, start, end))}"{flags}{label} '
        f'style="width:{css};display:block">{tracks}</{tag}>'
    )


def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: MediaTime = 0,
    *,
    sample_rate: int | None = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: WidthWithoutContent = "stretch",
) -> None:
    """Display an audio player.

    Parameters
    ----------
    data : str, Path, bytes, BytesIO, numpy.ndarray or file, or None
        The sound: an http(s) or data: URL, a file path, encoded audio (bytes or a binary
        file), or samples as a numpy array (1-D mono, 2-D one row per channel) with
        `sample_rate`, turned into WAV. None shows an empty player. Other URL schemes (such as
        `javascript:`) are refused with `StreamlitAPIException`.
    format : str, default "audio/wav"
        The MIME type of bytes and files (a file's extension is used when it names a type).
    start_time : int, float, timedelta or str, default 0
        Where playback starts: seconds, a `timedelta` or a duration string such as "1m5s".
    sample_rate : int, optional
        Samples per second of a numpy array (required for one); ignored for other data.
    end_time : int, float, timedelta or str, optional
        Where playback stops; after `start_time`.
    loop : bool, default False
        Start again at the end.
    autoplay : bool, default False
        Start playing at once (browsers allow it only after the visitor has used the page).
    alt : str, optional
        The player's accessible name for screen readers.
    width : "stretch" or int, default "stretch"
        The player's width: its container's, or pixels.

    Returns
    -------
    None
        Nothing (Streamlit returns the element; to replace it later, draw into `st.empty()`).

    Differences from Streamlit
    --------------------------
    * Data is embedded in the page as a data: URL (Streamlit serves it from a URL of its own):
      for long recordings, prefer a URL.
    * `end_time` with `loop` stops at `end_time` instead of looping back to `start_time`.

    Examples
    --------
    >>> import numpy as np
    >>> import nbfrag as st
    >>> t = np.linspace(0, 1, 8000, False)
    >>> st.audio(np.sin(440 * 2 * np.pi * t), sample_rate=8000)
    """
    start, end = _times(start_time, end_time)
    css = css_size(width, "width", {"stretch": "100%"})
    mime = format
    if type(data).__module__.split(".")[0] == "numpy" and type(data).__name__ == "ndarray":
        if sample_rate is None:
            raise errors.StreamlitMissingRequiredParameterError(
                "sample_rate", "Must be specified when `data` is a numpy array."
            )
        data, mime = wav_bytes(data, sample_rate), "audio/wav"
    if data is None:
        html, text = f'<audio controls style="width:{css}"></audio>', "audio"
    else:
        src, shown = _source(data, mime, "audio")
        html = _player(
            "audio", src, start, end, loop=loop, autoplay=autoplay, muted=False, alt=alt_text(alt), width=width
        )
        text = f"audio: {shown}"
    place_html("audio", html, text)


def _subtitle_tracks(subtitles: Any) -> str:
    """`<track>` elements for `subtitles` (WebVTT or SRT text, bytes, a file or a path; or a
    dict of label -> one of these)."""
    if not subtitles:
        return ""
    if isinstance(subtitles, dict):
        items = list(subtitles.items())
    elif isinstance(subtitles, (str, bytes, io.BytesIO, Path)):
        items = [("default", subtitles)]
    else:
        raise errors.StreamlitInvalidParameterTypeError(
            "subtitles", type(subtitles).__name__, ["str", "bytes", "BytesIO", "Path", "dict"]
        )
    tracks = []
    for index, (label, content) in enumerate(items):
        try:
            vtt = _as_vtt(content)
        except (TypeError, ValueError, OSError, errors.StreamlitAPIException) as error:
            raise errors.StreamlitAPIException(
                f"Failed to process the provided subtitle {label!r}: {error}"
            ) from error
        default = " default" if index == 0 else ""
        tracks.append(
            f'<track kind="subtitles" label="{escape(str(label or ""))}" '
            f'src="{_data_url(vtt.encode("utf-8"), "text/vtt")}"{default}>'
        )
    return "".join(tracks)


def _as_vtt(content: Any) -> str:
    if isinstance(content, Path) or (isinstance(content, str) and os.path.isfile(content)):
        content = Path(content).read_bytes()
    if isinstance(content, io.BytesIO):
        content = content.getvalue()
    if isinstance(content, bytes):
        content = content.decode("utf-8")
    if not isinstance(content, str):
        raise TypeError(f"subtitles of type {type(content).__name__}")
    text = content.strip()
    if text.startswith("WEBVTT"):
        return text + "\n"
    if not re.search(r"\d+:\d{2}:\d{2}[,.]\d{3}\s*-->", text):
        raise ValueError("not WebVTT or SRT text")
    # SRT -> WebVTT: the header, and "." as the milliseconds separator.
    return "WEBVTT\n\n" + re.sub(r"(\d{2}:\d{2}:\d{2}),(\d{3})", r"\1.\2", text) + "\n"


def video(
    data: Any,
    format: str = "video/mp4",
    start_time: MediaTime = 0,
    *,
    subtitles: Any = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: WidthWithoutContent = "stretch",
) -> None:
    """Display a video player.

    Parameters
    ----------
    data : str, Path, bytes, BytesIO, numpy.ndarray or file, or None
        The video: an http(s) or data: URL (a YouTube link shows YouTube's player), a file
        path, or encoded video as bytes or a binary file. None shows an empty player. Other
        URL schemes (such as `javascript:`) are refused with `StreamlitAPIException`.
    format : str, default "video/mp4"
        The MIME type of bytes and files (a file's extension is used when it names a type).
    start_time : int, float, timedelta or str, default 0
        Where playback starts: seconds, a `timedelta` or a duration string such as "1m5s".
    subtitles : str, bytes, Path, BytesIO or dict, optional
        Subtitles as WebVTT or SRT (text, bytes, a file or its path), or a dict of track
        labels to subtitles (the first is shown by default). Not for YouTube videos.
    end_time : int, float, timedelta or str, optional
        Where playback stops; after `start_time`.
    loop : bool, default False
        Start again at the end.
    autoplay : bool, default False
        Start playing at once (browsers allow it only muted, or after the visitor has used
        the page).
    muted : bool, default False
        Play without sound.
    alt : str, optional
        The player's accessible name for screen readers.
    width : "stretch" or int, default "stretch"
        The player's width: its container's, or pixels.

    Returns
    -------
    None
        Nothing (Streamlit returns the element; to replace it later, draw into `st.empty()`).

    Raises
    ------
    StreamlitIncompatibleParametersError
        For subtitles on a YouTube video.

    Differences from Streamlit
    --------------------------
    * Data is embedded in the page as a data: URL (Streamlit serves it from a URL of its own):
      for large videos, prefer a URL.
    * `end_time` with `loop` stops at `end_time` instead of looping back to `start_time`.

    Examples
    --------
    >>> import nbfrag as st
    >>> st.video("https://static.streamlit.io/examples/star.mp4", start_time="2s", muted=True)
    """
    start, end = _times(start_time, end_time)
    css = css_size(width, "width", {"stretch": "100%"})
    if isinstance(data, str) and not os.path.isfile(data) and (match := _YOUTUBE.match(data.strip())):
        if subtitles:
            raise errors.StreamlitIncompatibleParametersError(
                "subtitles", "data=<YouTube URL>", "Subtitles are not supported for YouTube videos."
            )
        query = urllib.parse.urlencode(
            {k: v for k, v in (("start", start or None), ("end", end), ("autoplay", int(autoplay) or None),
                               ("mute", int(muted) or None), ("loop", int(loop) or None)) if v is not None}
        )
        src = f"https://www.youtube.com/embed/{match.group(1)}" + (f"?{query}" if query else "")
        title = escape(alt_text(alt) or "YouTube video")
        html = (
            f'<iframe src="{escape(src)}" title="{title}" style="width:{css};aspect-ratio:16/9;border:0" '
            'allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen></iframe>'
        )
        place_html("video", html, f"video: {src}")
        return
    if data is None:
        place_html("video", f'<video controls style="width:{css}"></video>', "video")
        return
    src, shown = _source(data, format, "video")
    tracks = _subtitle_tracks(subtitles)
    html = _player("video", src, start, end, loop=loop, autoplay=autoplay, muted=muted, alt=alt_text(alt),
                   width=width, tracks=tracks)
    place_html("video", html, f"video: {shown}" + (" (subtitles)" if tracks else ""))
