"""A chat exchange in a real browser (JupyterLab, Notebook 7, Voila): type a message, press
Enter, the streamed reply appears, and the box is cleared and keeps the keyboard focus, so the
next message can be typed at once (js/chat.js)."""

from __future__ import annotations

from clients import app_with, open_notebook
from playwright.sync_api import expect


def test_a_chat_exchange_streams_the_reply_and_keeps_the_focus(page, server, notebook) -> None:
    open_notebook(page, server, notebook("chat.ipynb"), apps=1)
    app_with(page, "Chat runs: 1")
    app = page.locator(".nbfrag-app")  # the only app (its text changes below)
    box = app.locator(".nbfrag-chat-input textarea")
    expect(box).to_have_attribute("placeholder", "Message the bot")
    box.click()
    box.press_sequentially("hello there")
    # Record every text the reply shows on its way (each update is a DOM mutation).
    page.evaluate(
        """() => {
          window.__replies = [];
          new MutationObserver(() => {
            for (const m of document.querySelectorAll('.nbfrag-chat-message')) {
              const text = m.textContent.trim();
              if (text.includes('Echo:') && !window.__replies.includes(text)) window.__replies.push(text);
            }
          }).observe(document.body, {subtree: true, childList: true, characterData: true});
        }"""
    )
    box.press("Enter")
    messages = app.locator(".nbfrag-chat-message")
    expect(messages.nth(1)).to_contain_text("Echo: hello there (reply 1)")
    shown = page.evaluate("window.__replies")
    assert any("(reply 1)" not in text for text in shown), f"the reply never showed in part: {shown}"
    expect(messages.nth(0)).to_contain_text("hello there")
    expect(app.locator(".nbfrag-markdown", has_text="Chat runs:")).to_have_text("Chat runs: 2")  # one run
    expect(box).to_have_value("")
    expect(box).to_be_focused()

    # The next message is typed straight away: the focus never left the box.
    page.keyboard.type("second")
    page.keyboard.press("Enter")
    expect(messages.nth(3)).to_contain_text("Echo: second (reply 2)")
    expect(app.locator(".nbfrag-markdown", has_text="Chat runs:")).to_have_text("Chat runs: 3")
    expect(box).to_be_focused()
    # The top-level box is the app's last element.
    last = app.locator(".nbfrag-chat-input").evaluate("el => el.parentElement.lastElementChild === el")
    assert last
