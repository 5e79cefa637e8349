"""The camera and the microphone in a real browser (JupyterLab, Notebook 7, Voila; Chromium's
fake devices, granted without a prompt): the page is served from localhost, a secure context,
so `getUserMedia` works under Voila too. A photo reaches Python as a JPEG `UploadedFile`, a
recording as a WAV at the asked sample rate; clearing each returns None (js/capture.js)."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect


def test_a_photo_and_a_recording_reach_python(page, server, notebook) -> None:
    open_notebook(page, server, notebook("capture.ipynb"), apps=1)
    app_with(page, "Capture runs: 1")
    app = page.locator(".nbfrag-app")
    runs = app.locator(".nbfrag-markdown", has_text="Capture runs:")
    camera = app.locator(".nbfrag-camera-input")
    # The preview plays the camera's picture before a photo is taken.
    page.wait_for_function(
        "(el) => { const v = el.querySelector('video'); return v && v.videoWidth > 0; }",
        arg=camera.element_handle(),
    )
    camera.get_by_role("button", name="Take photo").click()
    expect(app.locator(".nbfrag-text", has_text="photo:")).to_have_text("photo: image.jpg image/jpeg jpeg=True big=True")
    expect(runs).to_have_text("Capture runs: 2")
    expect(camera.locator("img")).to_be_visible()

    mic = app.locator(".nbfrag-audio-input")
    mic.get_by_role("button", name="Record").click()
    expect(mic.get_by_role("button", name="Stop recording")).to_be_visible()
    page.wait_for_timeout(1200)
    mic.get_by_role("button", name="Stop recording").click()
    expect(app.locator(".nbfrag-text", has_text="sound:")).to_have_text("sound: audio.wav audio/wav wav=True rate=8000")
    expect(runs).to_have_text("Capture runs: 3")

    camera.get_by_role("button", name="Clear photo").click()
    expect(app.locator(".nbfrag-text", has_text="photo:")).to_have_text("photo: none")
    expect(runs).to_have_text("Capture runs: 4")


def test_a_chat_message_carries_files_and_a_voice_recording(page, server, notebook) -> None:
    open_notebook(page, server, notebook("capture.ipynb"), apps=1)
    app_with(page, "Capture runs: 1")
    app = page.locator(".nbfrag-app")
    chat = app.locator(".nbfrag-chat-input")
    chat.locator("input[type=file]").set_input_files(files=[
        {"name": "a.txt", "mimeType": "text/plain", "buffer": b"a"},
        {"name": "b.csv", "mimeType": "text/csv", "buffer": b"b,c"},
    ])
    expect(chat.locator(".nbfrag-chat-file")).to_have_count(2)
    chat.get_by_role("button", name="Record a voice message").click()
    expect(chat.get_by_role("button", name="Stop recording")).to_be_visible()
    page.wait_for_timeout(1000)
    chat.get_by_role("button", name="Stop recording").click()
    expect(chat.locator(".nbfrag-chat-file")).to_have_count(3)
    expect(chat.locator(".nbfrag-chat-file").nth(2)).to_contain_text("audio.wav")
    box = chat.locator("textarea")
    box.click()
    box.press_sequentially("hi")
    box.press("Enter")
    expect(app.locator(".nbfrag-text", has_text="message:")).to_have_text(
        "message: text='hi' files=['a.txt', 'b.csv'] audio=audio.wav"
    )
    expect(chat.locator(".nbfrag-chat-file")).to_have_count(0)
