"""Files in-process: `st.file_uploader` and `st.download_button`.

Uploads are sent as js/upload.js sends them (custom messages: `upload-begin`, one
`upload-chunk` per megabyte with the bytes as the message's buffer, `upload-end`), or through
AppTest's `upload`/`set_value`, which take the kernel's checks too. Downloads are clicked as
js/download.js clicks (a `download` message) and the kernel's answer is read from the widget's
sent messages.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from nbfrag import errors
from nbfrag._widgets.uploads import UploadedFile, normalize_types, size_text
from nbfrag.testing import AppTest

MB = 1024 * 1024

UPLOADER = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
f = st.file_uploader("Upload", type=TYPE, accept_multiple_files=MULTIPLE, key="u", max_upload_size=LIMIT,
                     on_change=ON_CHANGE, disabled=DISABLED)
if isinstance(f, list):
    st.text(f"runs={ss.runs} files={[(x.name, x.type, x.read()) for x in f]}")
else:
    st.text(f"runs={ss.runs} file={None if f is None else (f.name, f.type, f.size, f.read())}")
"""


def uploader(app_test: Any, type: Any = None, multiple: Any = False, limit: Any = None,
             on_change: str = "'rerun'", disabled: bool = False) -> AppTest:
    source = (UPLOADER.replace("TYPE", repr(type)).replace("MULTIPLE", repr(multiple))
              .replace("LIMIT", repr(limit)).replace("ON_CHANGE", on_change).replace("DISABLED", repr(disabled)))
    return app_test.from_string(source).run()


def sent_by(widget: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict[str, Any], list[Any]]]:
    """What the kernel sends the widget's views from now on."""
    sent: list[tuple[dict[str, Any], list[Any]]] = []
    monkeypatch.setattr(widget, "send", lambda content, buffers=None: sent.append((content, list(buffers or []))))
    return sent


def browser(at: AppTest, kind: str, content: dict[str, Any], buffers: list[bytes] | None = None) -> None:
    """One custom message from the widget's view, as the browser sends it (a forged one, too:
    also to a disabled widget)."""
    element = getattr(at, kind)[0]
    message = {"content": {"data": {"method": "custom", "content": content}}, "buffers": buffers or []}
    with at._acting():
        element.slot.widget._handle_msg(message)


def send_file(at: AppTest, name: str, data: bytes, type: str = "text/plain", upload: str = "u1") -> None:
    """Upload one file as js/upload.js's `sendFiles` does: begin, 1 MB chunks, end."""
    browser(at, "file_uploader", {"event": "upload-begin", "upload": upload,
                                  "files": [{"name": name, "type": type, "size": len(data)}]})
    for offset in range(0, len(data), MB):
        browser(at, "file_uploader", {"event": "upload-chunk", "upload": upload, "index": 0},
                [data[offset:offset + MB]])
    browser(at, "file_uploader", {"event": "upload-end", "upload": upload})


# -- the type filter ---------------------------------------------------------------------------


def test_types_are_normalised_as_streamlit_normalises_them() -> None:
    assert normalize_types(["CSV", ".Jpg", "image", "Application/PDF", " ", "tif"]) == [
        "image/*", "application/pdf", ".csv", ".jpg", ".tif", ".jpeg", ".tiff",
    ]
    assert normalize_types("txt") == [".txt"]
    assert normalize_types(None) == []


def test_the_browser_is_told_the_allowed_types_and_the_limit(app_test: Any) -> None:
    at = uploader(app_test, type=["csv", "jpg"], limit=3)
    widget = at.file_uploader[0].slot.widget
    assert widget.accept == [".csv", ".jpg", ".jpeg"]
    assert widget.max_bytes == 3 * MB
    assert size_text(3 * MB) == "3.0MB"


# -- uploads from the browser --------------------------------------------------------------------


def test_a_chunked_upload_reaches_the_app_as_an_uploaded_file(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = uploader(app_test)
    assert at.text[0].value == "runs=1 file=None"
    sent = sent_by(at.file_uploader[0].slot.widget, monkeypatch)
    data = bytes(range(256)) * (10 * 1024 + 7)  # 2.5 MB: three chunks, beyond one message's size
    send_file(at, "big.bin", data, "application/octet-stream")
    assert at.session_state.runs == 2  # one run for the whole upload, not one per chunk
    value = at.session_state["u"]
    assert isinstance(value, UploadedFile) and isinstance(value, io.BytesIO)
    assert (value.name, value.type, value.size, value.getvalue()) == ("big.bin", "application/octet-stream", len(data), data)
    assert value.file_id and at.file_uploader[0].value == value
    assert sent == [({"event": "upload-done", "upload": "u1"}, [])]
    # The browser is shown the file's name and size, never its bytes.
    state = at.file_uploader[0].slot.widget.get_state()
    assert state["files"] == [{"file_id": value.file_id, "name": "big.bin", "size": len(data)}]
    assert "value" not in state


def test_each_run_gets_the_file_unread_and_removing_it_returns_none(app_test: Any) -> None:
    at = uploader(app_test)
    send_file(at, "a.txt", b"hello")
    assert at.text[0].value == "runs=2 file=('a.txt', 'text/plain', 5, b'hello')"
    at.run()  # the app read it to the end last run: this run reads it whole again
    assert at.text[0].value == "runs=3 file=('a.txt', 'text/plain', 5, b'hello')"
    browser(at, "file_uploader", {"event": "remove", "file_id": at.session_state["u"].file_id})
    assert at.text[0].value == "runs=4 file=None"
    assert at.file_uploader[0].slot.widget.files == []


def test_a_single_file_uploader_keeps_only_the_last_file(app_test: Any) -> None:
    at = uploader(app_test)
    send_file(at, "a.txt", b"1", upload="u1")
    send_file(at, "b.txt", b"2", upload="u2")
    assert at.session_state["u"].name == "b.txt"
    assert [f["name"] for f in at.file_uploader[0].slot.widget.files] == ["b.txt"]


def test_multiple_files_are_a_list_that_grows(app_test: Any) -> None:
    at = uploader(app_test, multiple=True)
    assert at.text[0].value == "runs=1 files=[]"
    send_file(at, "a.txt", b"1", upload="u1")
    send_file(at, "b.txt", b"22", upload="u2")
    assert at.text[0].value == "runs=3 files=[('a.txt', 'text/plain', b'1'), ('b.txt', 'text/plain', b'22')]"
    browser(at, "file_uploader", {"event": "remove", "file_id": at.session_state["u"][0].file_id})
    assert at.text[0].value == "runs=4 files=[('b.txt', 'text/plain', b'22')]"


def test_a_directory_upload_names_files_by_their_path(app_test: Any) -> None:
    at = uploader(app_test, multiple="directory", type="png")
    assert at.file_uploader[0].slot.widget.directory and at.file_uploader[0].slot.widget.multiple
    at.file_uploader[0].upload("photos/2024/a.png", b"\x89PNG", "image/png")
    assert [f.name for f in at.session_state["u"]] == ["photos/2024/a.png"]


def test_a_file_of_a_type_not_allowed_is_refused_with_streamlits_message(
    app_test: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = uploader(app_test, type="csv")
    sent = sent_by(at.file_uploader[0].slot.widget, monkeypatch)
    send_file(at, "notes.TXT", b"hi")  # what a browser bypassing the file chooser's filter sends
    assert sent == [({"event": "upload-error", "upload": "u1",
                      "message": "Invalid file extension: `.TXT`. Allowed: ['.csv']"}, [])]
    assert at.session_state.runs == 1 and at.session_state["u"] is None
    send_file(at, "DATA.CSV", b"a,b", upload="u2")  # extensions match case-insensitively
    assert at.session_state["u"].name == "DATA.CSV"


def test_a_file_over_the_limit_is_refused_before_its_bytes_are_taken(
    app_test: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = uploader(app_test, limit=1)
    sent = sent_by(at.file_uploader[0].slot.widget, monkeypatch)
    send_file(at, "big.bin", b"x" * (MB + 1))
    assert sent[0] == ({"event": "upload-error", "upload": "u1", "message": "File must be 1.0MB or smaller."}, [])
    assert len(sent) == 1 and at.session_state.runs == 1  # the chunks that followed were dropped
    # A forged upload that declares a small size and sends more is cut off too.
    browser(at, "file_uploader", {"event": "upload-begin", "upload": "u2",
                                  "files": [{"name": "a.bin", "type": "", "size": 10}]})
    browser(at, "file_uploader", {"event": "upload-chunk", "upload": "u2", "index": 0}, [b"y" * 11])
    assert sent[1][0]["event"] == "upload-error"  # at once: the kernel keeps no more than declared
    browser(at, "file_uploader", {"event": "upload-end", "upload": "u2"})
    assert len(sent) == 2
    assert at.session_state["u"] is None and at.session_state.runs == 1


def test_several_files_for_a_single_file_uploader_are_refused(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = uploader(app_test)
    sent = sent_by(at.file_uploader[0].slot.widget, monkeypatch)
    browser(at, "file_uploader", {"event": "upload-begin", "upload": "u1", "files": [
        {"name": "a", "type": "", "size": 1}, {"name": "b", "type": "", "size": 1}]})
    assert sent[0][0]["event"] == "upload-error"


def test_a_disabled_uploader_takes_nothing(app_test: Any) -> None:
    at = uploader(app_test, disabled=True)
    send_file(at, "a.txt", b"1")
    assert at.session_state["u"] is None and at.session_state.runs == 1


def test_on_change_ignore_keeps_the_file_without_a_rerun(app_test: Any) -> None:
    at = uploader(app_test, on_change="'ignore'")
    send_file(at, "a.txt", b"1")
    assert at.session_state.runs == 1
    at.run()
    assert at.text[0].value == "runs=2 file=('a.txt', 'text/plain', 1, b'1')"


def test_its_session_state_key_cannot_be_assigned(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nst.file_uploader('Upload', key='u')\n"
        "if st.button('set'):\n    st.session_state.u = None\n"
    ).run()
    at.button[0].click()
    assert "StreamlitValueAssignmentNotAllowedError" in str(at.exception[0])


def test_bad_arguments_raise_streamlits_errors(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.file_uploader('u', max_upload_size=0)").run()
    assert "Invalid `max_upload_size` value" in at.exception[0].value
    at = app_test.from_string("import nbfrag as st\nst.file_uploader('u', accept_multiple_files='many')").run()
    assert "StreamlitValueError" in str(at.exception[0])


def test_apptest_uploads_as_streamlits_apptest_does(app_test: Any) -> None:
    at = uploader(app_test, multiple=True, type="csv")
    at.file_uploader[0].set_value(("a.csv", b"x,y", "text/csv"))
    assert at.text[0].value == "runs=2 files=[('a.csv', 'text/csv', b'x,y')]"
    at.file_uploader[0].upload("b.csv", b"1,2", "text/csv")
    assert [f.name for f in at.file_uploader[0].value] == ["a.csv", "b.csv"]
    with pytest.raises(errors.StreamlitAPIException, match="Invalid file extension"):
        at.file_uploader[0].upload("c.txt", b"no")
    at.file_uploader[0].clear()
    assert at.text[0].value == "runs=4 files=[]"


def test_in_a_form_the_upload_waits_for_the_submit(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nwith st.form('f'):\n    f = st.file_uploader('Upload')\n"
        "    st.form_submit_button()\nst.text(f'file={None if f is None else f.name}')\n"
    ).run()
    at.file_uploader[0].upload("a.txt", b"1")
    assert at.text[0].value == "file=None"
    at.form_submit_button[0].click()
    assert at.text[0].value == "file=a.txt"


# -- downloads ---------------------------------------------------------------------------------

DOWNLOADS = """
import io
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
ss.made = ss.get("made", 0)

def make():
    ss.made += 1
    return "made,on,click"

clicked = [
    st.download_button("Text", "héllo"),
    st.download_button("Bytes", b"\\x00\\x01", file_name="raw.bin"),
    st.download_button("File", io.BytesIO(b"in memory"), file_name="mem.dat", mime="application/x-demo"),
    st.download_button("Lazy", make, file_name="report.csv", mime="text/csv"),
    st.download_button("Quiet", "q", on_click="ignore"),
    st.download_button("Callback", "c", on_click=lambda: ss.update(called=True)),
]
st.text(f"runs={ss.runs} clicked={clicked} made={ss.made} called={ss.get('called', False)}")
"""


def click(at: AppTest, label: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict[str, Any], list[Any]]]:
    """Click a download button as js/download.js does; what the kernel sent back."""
    widget = at.download_button(label).slot.widget
    sent = sent_by(widget, monkeypatch)
    with at._acting():  # (a disabled button's click can be forged too)
        widget._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "download"}}}, "buffers": []})
    return sent


def test_a_click_sends_the_file_then_reruns(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_test.from_string(DOWNLOADS).run()
    assert at.text[0].value == "runs=1 clicked=[False, False, False, False, False, False] made=0 called=False"
    sent = click(at, "Text", monkeypatch)
    assert sent == [({"event": "download-data", "file_name": "streamlit_download.txt", "mime": "text/plain"},
                     ["héllo".encode()])]
    assert at.text[0].value == "runs=2 clicked=[True, False, False, False, False, False] made=0 called=False"
    at.run()
    assert "clicked=[False, False" in at.text[0].value  # True only in the run its click caused


def test_data_types_names_and_mime_types_as_in_streamlit(app_test: Any) -> None:
    at = app_test.from_string(DOWNLOADS).run()
    found = {b.label: (b.file_name, b.mime, b.data) for b in at.download_button if b.label != "Lazy"}
    assert found["Bytes"] == ("raw.bin", "application/octet-stream", b"\x00\x01")
    assert found["File"] == ("mem.dat", "application/x-demo", b"in memory")
    assert found["Text"] == ("streamlit_download.txt", "text/plain", "héllo".encode())


def test_a_file_objects_name_gives_the_file_name_and_type(app_test: Any, tmp_path: Any) -> None:
    path = tmp_path / "flower.png"
    path.write_bytes(b"\x89PNG data")
    at = app_test.from_string(
        f"import nbfrag as st\nwith open({str(path)!r}, 'rb') as f:\n    st.download_button('Get', f)\n"
    ).run()
    button = at.download_button[0]  # the file was closed after the call: its bytes were read then
    assert (button.file_name, button.mime, button.data) == ("flower.png", "image/png", b"\x89PNG data")


def test_a_callable_makes_the_data_on_each_click_only(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_test.from_string(DOWNLOADS).run()
    at.run()
    assert "made=0" in at.text[0].value
    sent = click(at, "Lazy", monkeypatch)
    assert sent[0][1] == [b"made,on,click"] and sent[0][0]["file_name"] == "report.csv"
    assert "made=1" in at.text[0].value


def test_on_click_ignore_downloads_without_a_rerun_and_a_callback_runs_first(
    app_test: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = app_test.from_string(DOWNLOADS).run()
    sent = click(at, "Quiet", monkeypatch)
    assert sent[0][1] == [b"q"] and at.session_state.runs == 1
    click(at, "Callback", monkeypatch)
    assert at.text[0].value.endswith("called=True") and at.session_state.runs == 2


def test_the_data_stays_in_the_kernel_until_a_click(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nBIG = b'x' * (50 * 1024 * 1024)\nst.download_button('Big', BIG, file_name='big.bin')\n"
    ).run()
    button = at.download_button[0]
    assert len(str(button.slot.widget.get_state())) < 20_000  # the page holds no bytes (its module only)
    assert button.data is button.slot.owner.source  # the app's bytes object, not a copy


def test_a_failing_callable_says_so_on_the_button(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_test.from_string("import nbfrag as st\nst.download_button('Get', lambda: 1 / 0)\n").run()
    sent = click(at, "Get", monkeypatch)
    assert sent == [({"event": "download-error", "message": "ZeroDivisionError: division by zero"}, [])]


def test_a_disabled_button_sends_nothing(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_test.from_string("import nbfrag as st\nst.download_button('Get', 'x', disabled=True)\n").run()
    assert click(at, "Get", monkeypatch) == []


def test_download_errors_as_streamlit(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.download_button('Get', 3)\n").run()
    assert "Invalid binary data format" in at.exception[0].value
    at = app_test.from_string(
        "import nbfrag as st\nwith st.form('f'):\n    st.download_button('Get', 'x')\n    st.form_submit_button()\n"
    ).run()
    assert "StreamlitInvalidLayoutContextError" in str(at.exception[0])


# -- st.chat_input(accept_file=...) ---------------------------------------------------------------

CHAT = """
import nbfrag as st
ss = st.session_state
ss.runs = ss.get("runs", 0) + 1
prompt = st.chat_input("Say something", accept_file=ACCEPT, file_type=["png", "txt"], key="box")
if isinstance(prompt, str):
    st.text(f"runs={ss.runs} str {prompt!r}")
elif prompt:
    st.text(f"runs={ss.runs} {type(prompt).__name__} text={prompt.text!r} "
            f"files={[(f.name, f.read()) for f in prompt['files']]}")
else:
    st.text(f"runs={ss.runs} prompt={prompt!r}")
"""


def chat(app_test: Any, accept: Any = True) -> AppTest:
    return app_test.from_string(CHAT.replace("ACCEPT", repr(accept))).run()


def test_chat_attachments_upload_then_go_with_the_message(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = chat(app_test, "multiple")
    box = at.chat_input[0].slot.widget
    assert (box.accept_file, box.accept) == ("multiple", [".png", ".txt"])
    for upload, name in (("u1", "a.txt"), ("u2", "b.png")):
        browser(at, "chat_input", {"event": "upload-begin", "upload": upload, "files": [{"name": name, "type": "", "size": 2}]})
        browser(at, "chat_input", {"event": "upload-chunk", "upload": upload, "index": 0}, [b"hi"])
        browser(at, "chat_input", {"event": "upload-end", "upload": upload})
    assert at.session_state.runs == 1  # attaching sends nothing yet
    assert [f["name"] for f in box.attachments] == ["a.txt", "b.png"]
    browser(at, "chat_input", {"event": "remove", "file_id": box.attachments[0]["file_id"]})
    browser(at, "chat_input", {"event": "submit", "value": "look"})
    assert at.text[0].value == "runs=2 ChatInputValue text='look' files=[('b.png', b'hi')]"
    assert box.attachments == []  # the box is empty again
    at.run()
    assert at.text[0].value == "runs=3 prompt=None"


def test_chat_refuses_attachments_of_other_types(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = chat(app_test)
    sent = sent_by(at.chat_input[0].slot.widget, monkeypatch)
    browser(at, "chat_input", {"event": "upload-begin", "upload": "u1", "files": [{"name": "x.exe", "type": "", "size": 1}]})
    assert sent == [({"event": "upload-error", "upload": "u1",
                      "message": "Invalid file extension: `.exe`. Allowed: ['.png', '.txt']"}, [])]


def test_a_chat_without_accept_file_takes_no_files_and_returns_text(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    at = chat(app_test, False)
    sent = sent_by(at.chat_input[0].slot.widget, monkeypatch)
    browser(at, "chat_input", {"event": "upload-begin", "upload": "u1", "files": [{"name": "a.txt", "type": "", "size": 1}]})
    browser(at, "chat_input", {"event": "upload-chunk", "upload": "u1", "index": 0}, [b"x"])
    browser(at, "chat_input", {"event": "upload-end", "upload": "u1"})
    assert sent[0][0]["event"] == "upload-error"
    at.chat_input[0].set_value("plain")
    assert at.text[0].value == "runs=2 str 'plain'"


def test_apptest_sends_a_message_with_files(app_test: Any) -> None:
    at = chat(app_test)
    at.chat_input[0].set_value({"text": "", "files": [("note.txt", b"n", "text/plain")]})
    assert at.text[0].value == "runs=2 ChatInputValue text='' files=[('note.txt', b'n')]"


# -- st.camera_input, st.audio_input ---------------------------------------------------------------


def test_a_photo_arrives_as_a_jpeg_upload_and_clearing_it_returns_none(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\npic = st.camera_input('Smile', key='cam', resolution='720p')\n"
        "st.text(f'photo={None if pic is None else (pic.name, pic.type, pic.getvalue())}')\n"
    ).run()
    widget = at.camera_input[0].slot.widget
    assert (widget.kind, widget.resolution_height, widget.accept) == ("camera", 720, [".jpg"])
    send_file_to(at, "camera_input", "image.jpg", b"\xff\xd8jpeg", "image/jpeg")
    assert at.text[0].value == "photo=('image.jpg', 'image/jpeg', b'\\xff\\xd8jpeg')"
    browser(at, "camera_input", {"event": "remove", "file_id": at.session_state.cam.file_id})
    assert at.text[0].value == "photo=None"


def test_a_recording_arrives_as_a_wav_upload_and_other_files_are_refused(
    app_test: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nrec = st.audio_input('Speak', sample_rate=48000)\n"
        "st.text(f'recording={None if rec is None else (rec.name, rec.size)}')\n"
    ).run()
    widget = at.audio_input[0].slot.widget
    assert (widget.kind, widget.sample_rate) == ("audio", 48000)
    sent = sent_by(widget, monkeypatch)
    send_file_to(at, "audio_input", "evil.html", b"<script>", "text/html")
    assert sent[0][0]["event"] == "upload-error" and at.text[0].value == "recording=None"
    send_file_to(at, "audio_input", "audio.wav", b"RIFF....", "audio/wav", upload="u2")
    assert at.text[0].value == "recording=('audio.wav', 8)"


def test_capture_arguments_are_checked_as_in_streamlit(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.camera_input('c', resolution='4k')").run()
    assert "Invalid `resolution` value" in at.exception[0].value
    at = app_test.from_string("import nbfrag as st\nst.audio_input('a', sample_rate=12345)").run()
    assert "Invalid `sample_rate` value" in at.exception[0].value


def send_file_to(at: AppTest, kind: str, name: str, data: bytes, type: str, upload: str = "u1") -> None:
    browser(at, kind, {"event": "upload-begin", "upload": upload, "files": [{"name": name, "type": type, "size": len(data)}]})
    browser(at, kind, {"event": "upload-chunk", "upload": upload, "index": 0}, [data])
    browser(at, kind, {"event": "upload-end", "upload": upload})


def test_a_voice_message_arrives_with_the_text_as_chat_input_value_audio(
    app_test: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = app_test.from_string(
        "import nbfrag as st\nprompt = st.chat_input('Say or record', accept_audio=True, audio_sample_rate=8000)\n"
        "if prompt:\n    st.text(f'{sorted(prompt)} text={prompt.text!r} audio={prompt.audio.name if prompt.audio else None}')\n"
        "    st.text(f'files? {hasattr(prompt, \"files\")}')\n"
    ).run()
    box = at.chat_input[0].slot.widget
    assert (box.accept_audio, box.sample_rate, box.accept_file) == (True, 8000, "")
    sent = sent_by(box, monkeypatch)
    wav = b"RIFF\x00\x00\x00\x00WAVE"
    browser(at, "chat_input", {"event": "upload-begin", "upload": "a1", "purpose": "audio",
                               "files": [{"name": "audio.wav", "type": "audio/wav", "size": len(wav)}]})
    browser(at, "chat_input", {"event": "upload-chunk", "upload": "a1", "index": 0}, [wav])
    browser(at, "chat_input", {"event": "upload-end", "upload": "a1"})
    assert sent == [({"event": "upload-done", "upload": "a1"}, [])]
    assert box.recording["name"] == "audio.wav" and not at.text  # waits for the message
    browser(at, "chat_input", {"event": "submit", "value": ""})
    assert at.text[0].value == "['audio', 'text'] text='' audio=audio.wav"
    assert at.text[1].value == "files? False"  # no `files` without accept_file, as in Streamlit
    assert box.recording is None
    # A file that is not a WAV recording is refused as a voice message.
    browser(at, "chat_input", {"event": "upload-begin", "upload": "a2", "purpose": "audio",
                               "files": [{"name": "x.exe", "type": "", "size": 1}]})
    assert sent[-1][0]["event"] == "upload-error"
