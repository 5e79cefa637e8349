"""Files in a real browser (JupyterLab, Notebook 7, Voila): a file chosen in the file chooser
reaches Python (also one of 11 MB, beyond the Jupyter server's 10 MB message limit: it travels
in chunks), a file of a type not allowed is refused in the uploader, a file is removed with its
✕, and a download button saves its file in the browser (js/upload.js, js/download.js)."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect

MB = 1024 * 1024


def test_an_upload_reaches_python_and_a_download_saves_the_file(page, server, notebook, tmp_path) -> None:
    open_notebook(page, server, notebook("files.ipynb"), apps=1)
    app_with(page, "Files runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    one, many = app.locator(".nbfrag-file-uploader").nth(0), app.locator(".nbfrag-file-uploader").nth(1)
    runs = app.locator(".nbfrag-markdown", has_text="Files runs:")
    expect(one.locator("label")).to_have_text("One CSV")
    expect(one).to_contain_text("Limit 200.0MB per file • CSV")

    # A file chosen in the file chooser reaches the app, once.
    one.locator("input[type=file]").set_input_files(
        files=[{"name": "plants.csv", "mimeType": "text/csv", "buffer": b"name,water\nfern,250\n"}]
    )
    expect(app.locator(".nbfrag-text", has_text="one:")).to_have_text(
        "one: ('plants.csv', 20, 'name,water\\nfern,250\\n')"
    )
    expect(runs).to_have_text("Files runs: 2")
    expect(one.locator(".nbfrag-upload-file")).to_contain_text("plants.csv")

    # A file of another type is refused in the browser, with Streamlit's message.
    one.locator("input[type=file]").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hi"}]
    )
    expect(one.locator(".nbfrag-upload-status")).to_have_text("notes.txt: .txt files are not allowed.")
    expect(runs).to_have_text("Files runs: 2")

    # 11 MB and a small file at once: chunked, so the 10 MB websocket message limit does not apply.
    big = bytes(range(256)) * (11 * MB // 256)
    many.locator("input[type=file]").set_input_files(files=[
        {"name": "big.bin", "mimeType": "application/octet-stream", "buffer": big},
        {"name": "small.txt", "mimeType": "text/plain", "buffer": b"x"},
    ])
    expect(app.locator(".nbfrag-text", has_text="many:")).to_have_text(
        f"many: [('big.bin', {len(big)}), ('small.txt', 1)]", timeout=60_000
    )
    expect(runs).to_have_text("Files runs: 3")

    # Removing the file returns None.
    one.get_by_role("button", name="Remove plants.csv").click()
    expect(app.locator(".nbfrag-text", has_text="one:")).to_have_text("one: None")
    expect(runs).to_have_text("Files runs: 4")

    # A download saves the file in the browser, then reruns the app.
    with page.expect_download() as info:
        app.get_by_role("button", name="Download report").click()
    download = info.value
    assert download.suggested_filename == "report.csv"
    target = tmp_path / "report.csv"
    download.save_as(target)
    assert target.read_bytes() == b"name,water\nfern,250\n"
    expect(runs).to_have_text("Files runs: 5")

    # Made on click (2 MB), with on_click="ignore": saved, and no rerun.
    with page.expect_download() as info:
        app.get_by_role("button", name="Download blob").click()
    target = tmp_path / "blob.bin"
    info.value.save_as(target)
    assert info.value.suggested_filename == "blob.bin"
    assert target.read_bytes() == bytes(range(256)) * 8192
    page.wait_for_timeout(500)
    expect(runs).to_have_text("Files runs: 5")
