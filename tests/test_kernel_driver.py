"""Tests of the real-kernel harness itself, against plain ipywidgets (no nbfrag)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kernel_driver import ExecResult, KernelDriver, KernelError, driver_session


@pytest.fixture(scope="module")
def kd():
    with driver_session() as driver:
        driver.execute("import ipywidgets as w")
        yield driver


def test_execute_collects_outputs(kd: KernelDriver) -> None:
    r = kd.execute("print('hello')\nprint('world')\n40 + 2")
    assert isinstance(r, ExecResult)
    assert r.stdout == "hello\nworld\n"
    assert r.text_plain == ["42"]
    assert [o["output_type"] for o in r.outputs][-1] == "execute_result"
    assert r.reply["status"] == "ok"
    types = [m["msg_type"] for m in r.messages]
    assert types[0] == "status" and types[-1] == "status"
    assert r.messages[-1]["content"]["execution_state"] == "idle"
    assert not r.errors and not r.comm_opens


def test_execute_sends_cell_id_like_jupyterlab(kd: KernelDriver) -> None:
    code = "seen_cell_id = get_ipython().parent_header['metadata'].get('cellId')"
    kd.execute(code, cell_id="cell-abc")
    assert kd.eval("seen_cell_id") == "cell-abc"
    kd.execute(code)
    assert kd.eval("seen_cell_id") is None


def test_click_button_updates_html(kd: KernelDriver) -> None:
    r = kd.execute(
        "html = w.HTML('before')\n"
        "btn = w.Button(description='Plus one!')\n"
        "clicks = 0\n"
        "def on_click(b):\n"
        "    global clicks\n"
        "    clicks += 1\n"
        "    html.value = f'clicked {clicks}'\n"
        "btn.on_click(on_click)\n"
        "display(btn, html)"
    )
    # Button + Layout + ButtonStyle, HTML + Layout + HTMLStyle.
    assert len(r.comm_opens) == 6
    (btn,) = kd.find_models(_model_name="ButtonModel", description="Plus one!")
    (html,) = kd.find_models(_model_name="HTMLModel", value="before")
    assert r.displayed_model_ids == [btn, html]
    assert set(kd.descendants(btn)) == {kd.models[btn]["layout"][10:], kd.models[btn]["style"][10:]}

    for n in (1, 2, 3):
        r = kd.click(btn)
        assert kd.models[html]["value"] == f"clicked {n}"
        assert r.comm_opens == [] and r.comm_closes == []
        assert r.updated_model_ids == {html}
        assert r.updates == [(html, {"value": f"clicked {n}"})]
        assert r.echo_updates == []
        assert r.msg_types == {"status:busy": 1, "comm_msg:update": 1, "status:idle": 1}
        assert all(m["parent_header"]["msg_id"] == r.msg_id for m in r.messages)
        assert r.latency > 0 and r.iopub_bytes > 0
        assert r.outputs == []
    assert kd.eval("clicks") == 3
    assert kd.find_text("clicked 3") == [(html, ("value",), "clicked 3")]


def test_update_slider_runs_observer(kd: KernelDriver) -> None:
    kd.execute(
        "slider = w.IntSlider(value=1, description='n')\n"
        "label = w.Label('double 2')\n"
        "seen = []\n"
        "def on_value(change):\n"
        "    seen.append(change['new'])\n"
        "    label.value = f\"double {2 * change['new']}\"\n"
        "slider.observe(on_value, 'value')\n"
        "display(slider, label)"
    )
    slider = kd.find_model(_model_name="IntSliderModel", description="n")
    label = kd.find_model(_model_name="LabelModel", value="double 2")

    r = kd.update(slider, {"value": 7})
    assert kd.models[slider]["value"] == 7
    assert kd.models[label]["value"] == "double 14"
    assert r.updated_model_ids == {label}
    # ipywidgets 8 echoes frontend changes back (for other frontends).
    assert r.echoed_model_ids == {slider}
    assert r.comm_opens == [] and r.comm_closes == []
    assert kd.eval("(slider.value, seen)") == (7, [7])


def test_eval_values(kd: KernelDriver) -> None:
    assert kd.eval("1 + 1") == 2
    assert kd.eval("'it''s'") == "its"
    assert kd.eval("'quote \" and \\' and\\nnewline'") == "quote \" and ' and\nnewline"
    assert kd.eval("{'a': [1, 2.5, None], 'b': (True, b'\\x00')}") == {"a": [1, 2.5, None], "b": (True, b"\x00")}
    # Longer than IPython's pretty-printer limit of 1000 items.
    assert kd.eval("list(range(5000))") == list(range(5000))
    assert kd.eval("{1, 2}") == {1, 2}
    # eval does not add to the execution count or produce outputs.
    before = kd.execute("1").reply["execution_count"]
    kd.eval("2")
    assert kd.execute("1").reply["execution_count"] == before + 1
    # Non-literals: eval_repr gives the repr, eval says why it can't.
    assert kd.eval_repr("object").startswith("<class 'object'>")
    with pytest.raises(ValueError, match="not a Python literal"):
        kd.eval("object()")
    with pytest.raises(KernelError, match="ZeroDivisionError"):
        kd.eval("1 / 0")


def test_cell_exception_is_reported(kd: KernelDriver) -> None:
    with pytest.raises(KernelError) as info:
        kd.execute("def boom():\n    raise ValueError('kaboom')\nboom()")
    assert isinstance(info.value, AssertionError)
    msg = str(info.value)
    assert "ValueError" in msg and "kaboom" in msg and "boom()" in msg
    assert "\x1b[" not in msg  # colours stripped

    r = kd.execute("raise KeyError('k')", allow_error=True)
    assert [e["ename"] for e in r.errors] == ["KeyError"]
    assert r.reply["status"] == "error"
    assert "KeyError" in r.error_text
    # The kernel is still usable.
    assert kd.eval("'alive'") == "alive"


def test_exception_in_click_callback_is_reported(kd: KernelDriver) -> None:
    kd.execute(
        "bad = w.Button(description='Bad')\n"
        "bad.on_click(lambda b: 1 / 0)\n"
        "display(bad)"
    )
    bad = kd.find_model(_model_name="ButtonModel", description="Bad")
    with pytest.raises(KernelError, match="ZeroDivisionError"):
        kd.click(bad)
    r = kd.click(bad, allow_error=True)
    assert [e["ename"] for e in r.errors] == ["ZeroDivisionError"]


def test_comm_close_is_tracked(kd: KernelDriver) -> None:
    r = kd.execute("tmp = w.Label('temporary'); display(tmp)")
    (tmp,) = r.displayed_model_ids
    assert tmp in kd.open_model_ids()
    r = kd.execute("tmp.close()")
    assert r.closed_model_ids == [tmp]
    assert tmp not in kd.open_model_ids()
    assert not kd.is_open(tmp)
    assert kd.find_models(value="temporary") == []
    assert kd.find_models(value="temporary", include_closed=True) == [tmp]
    assert tmp in kd.models
    with pytest.raises(AssertionError, match="closed"):
        kd.click(tmp)


def test_find_models_with_callable_filter(kd: KernelDriver) -> None:
    kd.execute("display(w.HTML('<b>needle 1</b>'), w.HTML('<b>needle 2</b>'))")
    found = kd.find_models(_model_name="HTMLModel", value=lambda v: "needle" in v)
    assert [kd.models[m]["value"] for m in found] == ["<b>needle 1</b>", "<b>needle 2</b>"]
    with pytest.raises(AssertionError, match="exactly one"):
        kd.find_model(_model_name="HTMLModel", value=lambda v: "needle" in v)


def test_output_widget_captures_like_jupyterlab(kd: KernelDriver) -> None:
    kd.execute(
        "out = w.Output()\n"
        "writer = w.Button(description='Write')\n"
        "def write(b):\n"
        "    with out:\n"
        "        print('line 1')\n"
        "        print('line 2')\n"
        "        display(w.HTML('inside'))\n"
        "writer.on_click(write)\n"
        "display(writer, out)"
    )
    out = kd.find_model(_model_name="OutputModel")
    r = kd.click(kd.find_model(_model_name="ButtonModel", description="Write"))
    outputs = kd.models[out]["outputs"]
    assert [o["output_type"] for o in outputs] == ["stream", "display_data"]
    assert outputs[0]["text"] == "line 1\nline 2\n"
    assert r.outputs == []  # captured, not shown in the cell
    assert [mid for mid, _ in r.captured] == [out] * len(r.captured)
    # JupyterLab syncs `outputs` back (throttled to one message in flight):
    # the traffic of those follow-ups is part of the click's result.
    assert 1 <= len(r.followup_ids) <= len(r.captured)
    assert out in r.echoed_model_ids
    assert r.settle_time >= r.latency
    assert len(r.comm_opens) == 3  # the new HTML, its Layout and Style
    # The kernel saw the synced outputs.
    assert kd.eval("[o['output_type'] for o in out.outputs]") == ["stream", "display_data"]
    assert kd.eval("out.msg_id") == ""


def test_custom_messages_both_ways(kd: KernelDriver) -> None:
    kd.execute(
        "import anywidget, traitlets\n"
        "class Ticker(anywidget.AnyWidget):\n"
        "    _esm = 'export default { render() {} }'\n"
        "    count = traitlets.Int(0).tag(sync=True)\n"
        "ticker = Ticker()\n"
        "def on_msg(widget, content, buffers):\n"
        "    widget.count = content['seq']\n"
        "    widget.send({'ack': content['seq']})\n"
        "ticker.on_msg(on_msg)\n"
        "display(ticker)"
    )
    (ticker,) = kd.find_models(_model_name="AnyModel", count=0)
    r = kd.custom(ticker, {"event": "tick", "seq": 3})
    assert r.customs == [(ticker, {"ack": 3})]
    assert r.updates == [(ticker, {"count": 3})]
    assert kd.custom_messages[ticker] == [({"ack": 3}, [])]
    assert kd.models[ticker]["count"] == 3


def test_binary_state_and_background_updates(kd: KernelDriver) -> None:
    kd.execute("img = w.Image(value=b'\\x89PNG-not-really', format='png'); display(img)")
    img = kd.find_model(_model_name="ImageModel")
    assert kd.models[img]["value"] == b"\x89PNG-not-really"

    kd.execute(
        "import threading, time\n"
        "late = w.HTML('early'); display(late)\n"
        "threading.Timer(0.2, lambda: setattr(late, 'value', 'late')).start()"
    )
    late = kd.find_model(_model_name="HTMLModel", value="early")
    kd.wait_for(lambda: kd.models[late]["value"] == "late", timeout=30)


def test_independent_sessions_and_restart() -> None:
    with KernelDriver() as one:
        one.execute("x = 1; import ipywidgets as w; display(w.Label('a'))")
        assert one.eval("x") == 1
        assert len(one.open_model_ids()) == 3
        one.restart()
        assert one.models == {}
        assert one.eval("'x' in globals()") is False
    assert one.kc is None and one.km is None
