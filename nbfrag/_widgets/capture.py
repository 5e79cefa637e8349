"""`st.camera_input` and `st.audio_input`: a photo or a recording made in the browser reaches
the app as an `UploadedFile` (a JPEG, a WAV), as Streamlit's do.

The browser asks for the camera or microphone (`getUserMedia`), which it allows only on a
secure page: https, or http on localhost (JupyterLab, Notebook 7 and Voila served locally
qualify). The capture is encoded in the browser (js/capture.js) and sent through the upload
path of `st.file_uploader` (chunked, checked again in the kernel), so everything else (value,
callbacks, reruns, forms, Session State) is the file uploader's.
"""

from __future__ import annotations

from typing import Any, Literal

import traitlets

from .. import errors
from .._runtime.static import esm
from .file_uploader import FileUploaderWidget, upload_input
from .types import Callback, Key, LabelVisibility, WidgetArgs, WidgetKwargs, WidthWithoutContent
from .uploads import DEFAULT_MAX_UPLOAD_MB

CameraInputResolution = Literal["480p", "720p", "1080p"]
_RESOLUTION_HEIGHT = {"480p": 480, "720p": 720, "1080p": 1080}
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)
_MAX_BYTES = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024


class CaptureWidget(FileUploaderWidget):
    """The camera or microphone (js/capture.js); its value is the capture, as an upload."""

    _esm = esm("capture.js")
    kind = traitlets.Unicode("camera").tag(sync=True)  # "camera" or "audio"
    resolution_height = traitlets.Int(0).tag(sync=True)  # camera: 0 for the camera's own
    sample_rate = traitlets.Int(0).tag(sync=True)  # audio: 0 for the microphone's own

    def __repr__(self) -> str:
        return f"{self.kind}_input {self.description!r}"


def camera_input(
    label: str,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    *,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    resolution: CameraInputResolution | None = None,
    width: WidthWithoutContent = "stretch",
) -> Any:
    """Display a camera preview with a "Take photo" button, and return the photo taken.

    The browser asks the visitor for the camera first. Taking a photo (or clearing it) reruns
    the widget's scope, its fragment or else the app, after `on_change`.

    Parameters
    ----------
    label : str
        What the photo is for, shown above the preview.
    key : str or int, optional
        The widget's identity. `st.session_state[key]` holds the photo; assigning it raises
        `StreamlitValueAssignmentNotAllowedError`, as in Streamlit.
    help : str, optional
        A tooltip shown on the label.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when a photo is taken or cleared, before the
        rerun; "ignore" keeps the photo without a rerun.
    args : list or tuple, optional
        Positional arguments for `on_change`.
    kwargs : dict, optional
        Keyword arguments for `on_change`.
    disabled : bool, default False
        Grey the widget out, so that no photo can be taken.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Show the label, keep its space empty, or drop it.
    resolution : {"480p", "720p", "1080p"}, optional
        The height to ask the camera for (the browser picks the closest it has); None lets the
        camera choose. Another value raises `StreamlitValueError`.
    width : "stretch" or int, default "stretch"
        The widget's width: its container's, or pixels.

    Returns
    -------
    UploadedFile or None
        The photo as a JPEG file named "image.jpg" (type "image/jpeg"), or None until one is
        taken (and again after "Clear photo").

    Differences from Streamlit
    --------------------------
    * The browser grants the camera only on a secure page (https, or localhost); elsewhere
      the widget says so and returns None.

    Examples
    --------
    >>> import nbfrag as st
    >>> picture = st.camera_input("Take a picture")
    >>> if picture:
    ...     st.image(picture)
    """
    if resolution is not None and resolution not in _RESOLUTION_HEIGHT:
        raise errors.StreamlitValueError("resolution", ["'480p'", "'720p'", "'1080p'", "None"])
    return upload_input(
        "camera_input", CaptureWidget, label, key, help, on_change, args, kwargs,
        identity=(resolution,),
        config={"kind": "camera", "accept": [".jpg"], "max_bytes": _MAX_BYTES,
                "resolution_height": _RESOLUTION_HEIGHT.get(resolution or "", 0)},
        disabled=disabled, label_visibility=label_visibility, width=width,
    )


def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Key = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: WidgetArgs = None,
    kwargs: WidgetKwargs = None,
    disabled: bool = False,
    label_visibility: LabelVisibility = "visible",
    width: WidthWithoutContent = "stretch",
) -> Any:
    """Display a microphone recorder, and return the recording.

    The browser asks the visitor for the microphone first. A recording (or clearing it)
    reruns the widget's scope, its fragment or else the app, after `on_change`.

    Parameters
    ----------
    label : str
        What the recording is for, shown above the recorder.
    sample_rate : int or None, default 16000
        Samples per second of the WAV file: one of 8000, 11025, 16000, 22050, 24000, 32000,
        44100 or 48000 (another value raises `StreamlitValueError`); None keeps the
        microphone's own rate.
    key : str or int, optional
        The widget's identity. `st.session_state[key]` holds the recording; assigning it raises
        `StreamlitValueAssignmentNotAllowedError`, as in Streamlit.
    help : str, optional
        A tooltip shown on the label.
    on_change : callable, "rerun" or "ignore", default "rerun"
        Called as `on_change(*args, **kwargs)` when a recording is made or cleared, before the
        rerun; "ignore" keeps it without a rerun.
    args : list or tuple, optional
        Positional arguments for `on_change`.
    kwargs : dict, optional
        Keyword arguments for `on_change`.
    disabled : bool, default False
        Grey the widget out, so that nothing can be recorded.
    label_visibility : {"visible", "hidden", "collapsed"}, default "visible"
        Show the label, keep its space empty, or drop it.
    width : "stretch" or int, default "stretch"
        The widget's width: its container's, or pixels.

    Returns
    -------
    UploadedFile or None
        The recording as a mono 16-bit WAV file named "audio.wav" (type "audio/wav"), or
        None until one is made (and again after it is cleared).

    Differences from Streamlit
    --------------------------
    * The browser grants the microphone only on a secure page (https, or localhost);
      elsewhere the widget says so and returns None.
    * No waveform while recording: a timer shows how long it has recorded.

    Examples
    --------
    >>> import nbfrag as st
    >>> recording = st.audio_input("Record a voice message")
    >>> if recording:
    ...     st.audio(recording)
    """
    if sample_rate is not None and sample_rate not in _SAMPLE_RATES:
        raise errors.StreamlitValueError("sample_rate", [str(rate) for rate in _SAMPLE_RATES] + ["None"])
    return upload_input(
        "audio_input", CaptureWidget, label, key, help, on_change, args, kwargs,
        identity=(sample_rate,),
        config={"kind": "audio", "accept": [".wav"], "max_bytes": _MAX_BYTES, "sample_rate": sample_rate or 0},
        disabled=disabled, label_visibility=label_visibility, width=width,
    )
