"""Chat and streaming in-process: `st.chat_message`, `st.chat_input`, `st.write_stream`.

Numbers in test names are the items of section 4 of the next-wave spec
(/work/shared/spec/streamlit-next-wave.md). Messages are sent as the browser sends them: the
box's own custom message (`{"event": "submit", "value": ...}`, js/chat.js), or AppTest's
`set_value`, which takes the same path in the kernel.
"""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from nbfrag._elements import base as elements_base
from nbfrag._elements import stream as stream_module
from nbfrag._runtime.views import Html
from nbfrag.testing import AppTest

ECHO = """
import nbfrag as st
ss = st.session_state
ss.setdefault("messages", [])
ss.runs = ss.get("runs", 0) + 1
for m in ss.messages:
    with st.chat_message(m["role"]):
        st.markdown(m["content"])
prompt = st.chat_input("Say something", key="box")
st.text(f"runs={ss.runs} prompt={prompt!r} state={ss.box!r}")
if prompt:
    ss.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        reply = st.write_stream(w + " " for w in f"Echo: {prompt}".split())
    ss.messages.append({"role": "assistant", "content": reply})
"""


def send(at: AppTest, text: str, index: int = 0) -> None:
    """Send `text` as js/chat.js does: one custom message from the box."""
    box = at.chat_input[index].slot.widget
    with at.chat_input[index]._acting():
        box._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "submit", "value": text}}}, "buffers": []})


# -- st.chat_input --------------------------------------------------------------------------


def test_76_the_text_comes_back_once_in_the_run_its_sending_caused(app_test: Any) -> None:
    at = app_test.from_string(ECHO).run()
    assert at.text[-1].value == "runs=1 prompt=None state=None"
    at.chat_input[0].set_value("hi").run()
    assert "runs=2 prompt='hi' state='hi'" in str(at)
    assert [m.label for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[1].markdown[0].value == "Echo: hi"
    at.run()
    assert at.text[-1].value == "runs=3 prompt=None state=None"
    assert [m.markdown[0].value for m in at.chat_message] == ["hi", "Echo: hi"]  # from Session State


def test_76_the_browser_message_sends_the_text_it_carries(app_test: Any) -> None:
    at = app_test.from_string(ECHO).run()
    send(at, "from the browser")
    assert "prompt='from the browser'" in str(at)
    assert at.session_state.messages[-1] == {"role": "assistant", "content": "Echo: from the browser "}
    assert at.runs[-1].scope == "app"


def test_78_at_the_top_level_the_box_is_the_last_element_elsewhere_inline(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.chat_input("top")
st.text("drawn after the top-level box")
with st.container():
    st.chat_input("in a container")
    st.text("after the inline box")
"""
    ).run()
    assert str(at).splitlines() == [
        "drawn after the top-level box",
        "chat_input: [in a container]",
        "after the inline box",
        "chat_input: [top]",
    ]
    assert at.chat_input("top").slot.pinned and not at.chat_input("in a container").slot.pinned
    assert "nbfrag-chat-input-bottom" in at.chat_input("top").slot.widget._dom_classes
    assert "nbfrag-chat-input-bottom" not in at.chat_input("in a container").slot.widget._dom_classes


def test_79_in_a_fragment_a_message_reruns_only_the_fragment_and_the_box_is_inline(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
ss = st.session_state
ss.app_runs = ss.get("app_runs", 0) + 1

@st.fragment
def chat():
    said = st.chat_input("Ask")
    st.text(f"said={said!r}")
    with st.chat_message("assistant"):
        st.write_stream(iter(["ok"]) if said else iter([]))

chat()
st.text(f"app runs={ss.app_runs}")
"""
    ).run()
    assert not at.chat_input[0].slot.pinned
    at.chat_input[0].set_value("question")
    assert at.runs[-1].scope == "fragment"
    assert at.fragment[0].text[0].value == "said='question'"
    assert at.text[-1].value == "app runs=1"
    assert at.chat_message[0].markdown[0].value == "ok"
    at.run()
    assert at.fragment[0].text[0].value == "said=None"


def test_74_on_submit_runs_first_and_reads_the_text_from_session_state(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
ss = st.session_state
ss.setdefault("log", [])
def got(tag):
    ss.log.append((tag, ss.msg))
st.chat_input(key="msg", on_submit=got, args=("cb",), max_chars=5)
st.text(f"log={ss.log}")
"""
    ).run()
    at.chat_input[0].set_value("far too long")
    assert at.text[0].value == "log=[('cb', 'far t')]"  # cut to max_chars, callback before the body
    assert at.chat_input[0].slot.widget.max_chars == 5


def test_77_assigning_the_key_before_the_box_fills_it_without_sending(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
if "box" not in st.session_state:
    st.session_state.box = "draft text"
value = st.chat_input(key="box")
st.text(f"value={value!r} state={st.session_state.box!r}")
"""
    ).run()
    assert at.text[0].value == "value=None state=None"
    assert at.chat_input[0].slot.widget.draft == "draft text"


def test_disabled_box_sends_nothing(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.text(repr(st.chat_input(disabled=True)))").run()
    box = at.chat_input[0].slot.widget
    box._handle_msg({"content": {"data": {"method": "custom", "content": {"event": "submit", "value": "x"}}}, "buffers": []})
    assert at.text[0].value == "None" and len(at.runs) == 1
    assert str(at.chat_input[0]) == "chat_input: [Your message] (disabled)"


@pytest.mark.parametrize(
    "call, error, message",
    [
        ("st.chat_input(accept_file='maybe')", "StreamlitValueError",
         "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. Got 'maybe'."),
        ("st.chat_input(submit_mode='later')", "StreamlitValueError",
         "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'."),
        ("st.chat_input(max_upload_size=0)", "StreamlitValueError",
         "Invalid `max_upload_size` value. Supported values: a positive integer."),
        ("with st.form('f'):\n    st.chat_input()", "StreamlitInvalidLayoutContextError",
         "`st.chat_input()` can't be used in a `st.form()`."),
    ],
)
def test_75_15_bad_arguments_and_forms_raise_streamlits_errors(app_test: Any, call: str, error: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert len(at.exception) == 1
    shown = str(at.exception[0])
    assert error in shown and message in shown


# -- st.chat_message --------------------------------------------------------------------------


def test_73_preset_names_get_avatars_other_names_their_initial(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
for name in ["user", "human", "assistant", "ai", "bob", "Zed", ""]:
    st.chat_message(name).write(f"from {name}")
st.chat_message("custom", avatar="🦜").write("parrot")
"""
    ).run()
    heads = [line for line in str(at).splitlines() if not line.startswith("  ")]
    assert heads == ["🧑 user:", "🧑 human:", "🤖 assistant:", "🤖 ai:", "B bob:", "Z Zed:", " :", "🦜 custom:"]
    assert at.chat_message[4].markdown[0].value == "from bob"


def test_73_image_avatars_and_an_unreadable_one(app_test: Any, tmp_path: Any) -> None:
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    path = tmp_path / "face.png"
    path.write_bytes(png)
    at = app_test.from_string(
        f"""
import nbfrag as st
st.chat_message("a", avatar="https://example.com/a.png").write("url")
st.chat_message("b", avatar={str(path)!r}).write("file")
st.chat_message("c", avatar=b"not an image at all").write("bad")
"""
    ).run()
    avatars = [m.slot.widget.children[0].value for m in at.chat_message]
    assert "src='https://example.com/a.png'" in avatars[0]
    assert "src='data:image/png;base64," in avatars[1]
    assert "Failed to load the provided avatar value as an image." in str(at.exception[0])


def test_73_visitor_text_in_a_message_name_is_escaped(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.chat_message('<img src=x onerror=alert(1)>').write('x')").run()
    html = at.chat_message[0].slot.widget.children[0].value
    assert "<img src=x" not in html and "&lt;img src=x" in html


# -- st.write_stream --------------------------------------------------------------------------


def test_71_return_values(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
st.text(repr(st.write_stream(iter([]))))
st.text(repr(st.write_stream(["a", "", "b"])))
st.text(repr(st.write_stream(["a", 1, "b"])))
def gen():
    yield "from a "
    yield "function"
st.text(repr(st.write_stream(gen)))
"""
    ).run()
    assert [t.value for t in at.text] == ["''", "'ab'", "['a', 1, 'b']", "'from a function'"]
    assert [m.value for m in at.markdown] == ["ab", "a", "`1`", "b", "from a function"]


def test_st_write_streams_generators_as_write_stream(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
def gen():
    yield "streamed "
    yield "by st.write"
st.write("Before:", gen(), 3)
st.write(gen)
(w for w in ["magic ", "too"])
"""
    ).run()
    assert [m.value for m in at.markdown] == ["Before:", "streamed by st.write", "`3`", "streamed by st.write", "magic too"]


def test_71_async_generators_openai_and_langchain_chunks(app_test: Any, monkeypatch: Any) -> None:
    chat_mod = types.ModuleType("openai.types.chat")
    langchain_mod = types.ModuleType("langchain_core.messages.ai")

    class ChatCompletionChunk:
        def __init__(self, text: str | None) -> None:
            delta = types.SimpleNamespace(content=text)
            self.choices = [types.SimpleNamespace(delta=delta)] if text is not None else []

    class AIMessageChunk:
        def __init__(self, text: str) -> None:
            self.content = text

    ChatCompletionChunk.__qualname__ = AIMessageChunk.__qualname__ = "Chunk"  # module-level classes
    AIMessageChunk.__qualname__ = "AIMessageChunk"
    ChatCompletionChunk.__qualname__ = "ChatCompletionChunk"
    ChatCompletionChunk.__module__ = chat_mod.__name__
    AIMessageChunk.__module__ = langchain_mod.__name__
    chat_mod.ChatCompletionChunk = ChatCompletionChunk  # type: ignore[attr-defined]
    langchain_mod.AIMessageChunk = AIMessageChunk  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_chunks", types.SimpleNamespace(
        openai=[ChatCompletionChunk(None), ChatCompletionChunk("Hel"), ChatCompletionChunk("lo")],
        langchain=[AIMessageChunk("Bon"), AIMessageChunk("jour")],
    ))
    at = app_test.from_string(
        """
import nbfrag as st
import fake_chunks
async def agen():
    for word in ["as", "ync"]:
        yield word
st.text(repr(st.write_stream(agen())))
st.text(repr(st.write_stream(fake_chunks.openai)))
st.text(repr(st.write_stream(fake_chunks.langchain)))
"""
    ).run()
    assert [t.value for t in at.text] == ["'async'", "'Hello'", "'Bonjour'"]


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.write_stream('text')", ("Invalid `stream` type. Expected one of: generator, stream-like object. "
         "Provided type: str. Please use `st.write` instead for this data type.")),
        ("st.write_stream(5)", ("The provided input (type: <class 'int'>) cannot be iterated. Please make sure "
         "that it is a generator, generator function or iterable.")),
    ],
)
def test_71_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[0])


class CountingHtml(Html):
    """An Html element that counts the updates of its `value` sent to the browser."""

    updates: list[int] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observe(lambda _change: CountingHtml.updates.append(1), names="value")


def test_71_updates_are_coalesced_by_time(app_test: Any, monkeypatch: Any) -> None:
    """5,000 tokens from a generator that takes 0.1 ms per token (10,000 a second, on a fake
    clock, read once per token): about half a second of streaming may send at most ~30 updates a second."""
    now = [0.0]

    def clock() -> float:
        now[0] += 0.0001  # one clock read per token
        return now[0]

    monkeypatch.setattr(stream_module.time, "monotonic", clock)
    monkeypatch.setattr(elements_base, "Html", CountingHtml)
    CountingHtml.updates = []
    at = app_test.from_string(
        "import nbfrag as st\nst.session_state.text = st.write_stream(f'w{i} ' for i in range(5000))"
    ).run()
    assert at.session_state.text == "".join(f"w{i} " for i in range(5000))
    assert at.markdown[0].value == at.session_state.text.strip()  # shown as st.markdown shows it
    elapsed = now[0]
    assert 0.4 < elapsed < 0.6
    assert 5 <= len(CountingHtml.updates) <= 30 * elapsed + 2


class RecordingHtml(Html):
    """An Html element that records every `value` sent to the browser."""

    values: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observe(lambda change: RecordingHtml.values.append(change["new"]), names="value")


def test_71_the_cursor_shows_while_streaming_not_at_the_end(app_test: Any, monkeypatch: Any) -> None:
    ticks = iter(range(1000))
    monkeypatch.setattr(stream_module.time, "monotonic", lambda: float(next(ticks)))  # 1 s per read
    monkeypatch.setattr(elements_base, "Html", RecordingHtml)
    RecordingHtml.values = []
    at = app_test.from_string(
        """
import nbfrag as st
st.write_stream(["one ", "two ", "three"], cursor="▌")
"""
    ).run()
    shown = [v for v in RecordingHtml.values if "one" in v]
    assert "▌" not in shown[0]  # the first chunk: no cursor yet
    assert any("two ▌" in v or "two▌" in v for v in shown)
    assert "▌" not in shown[-1] and "three" in shown[-1]
    assert at.markdown[0].value == "one two three"


def test_71_text_is_shown_while_the_run_goes_on(nb: Any) -> None:
    """The streamed element is on the page before the run ends (`Block.flush`), after what the
    run drew before it."""
    host = nb.app(
        "import nbfrag as st\n"
        "from nbfrag._runtime.runtime import runtime\n"
        "def words():\n"
        "    yield 'first words'\n"
        "    shown = runtime.require_frame().app.host.children\n"
        "    st.session_state.mid_run = [c.text for c in shown if hasattr(c, 'text')]\n"  # (not the stylesheet)
        "    yield ' and more'\n"
        "st.text('before')\n"
        "st.write_stream(words)\n"
        "st.text('after')\n"
    )
    from nbfrag import session_state

    assert session_state.mid_run[:2] == ["before", "first words"]
    assert repr(host).splitlines() == ["before", "first words and more", "after"]


def test_71_a_chunk_held_back_shows_when_the_stream_pauses(app_test: Any, monkeypatch: Any) -> None:
    """With the coalescing clock frozen every chunk after the first is held back; when the
    stream then pauses (a model calling a tool), the watcher shows the held text before the
    next chunk comes."""
    monkeypatch.setattr(stream_module.time, "monotonic", lambda: 0.0)
    monkeypatch.setattr(elements_base, "Html", RecordingHtml)
    RecordingHtml.values = []
    monkeypatch.setitem(sys.modules, "recorded", RecordingHtml)
    at = app_test.from_string(
        """
import time
import nbfrag as st
import recorded
def words():
    yield "one "
    yield "two "
    for _ in range(200):  # pause until the held text is shown (at most 10 s)
        if any("two" in v for v in recorded.values):
            break
        time.sleep(0.05)
    st.session_state.shown_in_pause = any("two" in v for v in recorded.values)
    yield "three"
st.write_stream(words)
"""
    ).run()
    assert at.session_state.shown_in_pause is True
    assert at.markdown[0].value == "one two three"
