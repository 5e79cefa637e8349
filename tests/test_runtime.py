"""Reruns, scopes, errors and identity, exercised through real widget clicks in a real shell."""

import pytest
from conftest import buttons, click, model_count

import nbfrag as st
from nbfrag._runtime.runtime import runtime
from nbfrag.errors import StreamlitDuplicateElementId, StreamlitDuplicateElementKey


def lines(host):
    return repr(host).splitlines()


def test_fragment_rerun_leaves_outside_untouched_and_sends_nothing_there(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("n", 0)\n'
        '@st.fragment\n'
        'def f():\n'
        '    if st.button("inc"):\n'
        '        st.session_state.n += 1\n'
        '    st.write(f"n={st.session_state.n}")\n'
        'st.title("Top")\n'
        'f()\n'
        'st.write("bottom")\n'
    )
    outside = [s.widget for s in host.block.slots if s.block is None]
    sent = []
    for w in outside + [host]:
        w.observe(lambda change, w=w: sent.append((w, change["name"])), names=None)
    click("inc")
    assert lines(host) == ["# Top", "fragment f:", "  [inc]", "  n=1", "bottom"]
    assert sent == []


def test_unchanged_elements_send_nothing_and_changed_text_sends_one_update(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("n", 0)\n'
        '@st.fragment\n'
        'def f():\n'
        '    if st.button("inc"):\n'
        '        st.session_state.n += 1\n'
        '    st.write("static")\n'
        '    st.write(f"n={st.session_state.n}")\n'
        'f()\n'
    )
    area = host.block.slots[0].block
    static, counter = area.slots[1].widget, area.slots[2].widget
    changes = []
    static.observe(lambda c: changes.append(("static", c["name"])), names=None)
    counter.observe(lambda c: changes.append(("counter", c["name"])), names=None)
    area.widget.observe(lambda c: changes.append(("area", c["name"])), names=None)
    click("inc")
    assert changes == [("counter", "value")]


def test_exception_in_fragment_rerun_is_shown_in_its_area_only(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("fail", False)\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.write("before")\n'
        '    if st.button("toggle"):\n'
        '        st.session_state.fail = not st.session_state.fail\n'
        '    if st.session_state.fail:\n'
        '        raise ValueError("boom")\n'
        '    st.write("after")\n'
        '@st.fragment\n'
        'def g():\n'
        '    st.button("other")\n'
        'f()\n'
        'g()\n'
        'st.write("outside")\n'
    )
    click("toggle")
    assert lines(host) == [
        "fragment f:", "  before", "  [toggle]", "  ValueError: boom",
        "fragment g:", "  [other]", "outside",
    ]
    click("other")  # another fragment's rerun does not clear the error
    assert "  ValueError: boom" in lines(host)
    exc_html = host.block.slots[0].block.slots[2].widget.value
    assert "Traceback" in exc_html and "raise ValueError" in exc_html
    click("toggle")  # a clean rerun clears it
    assert lines(host)[:4] == ["fragment f:", "  before", "  [toggle]", "  after"]


def test_exception_in_fragment_during_full_run_stops_the_app_there(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.write("inside")\n'
        '    raise KeyError("missing")\n'
        'st.write("first")\n'
        'f()\n'
        'st.write("never drawn")\n'
    )
    assert lines(host) == ["first", "fragment f:", "  inside", "  KeyError: 'missing'"]


def test_exception_in_app_body_is_drawn_in_the_app_and_the_cell_succeeds(nb):
    host = nb.app('import nbfrag as st\nst.write("a")\n1/0\n')
    assert lines(host) == ["a", "ZeroDivisionError: division by zero"]
    assert "1/0" in host.block.slots[1].widget.value  # traceback shows the app's source line


def test_stop_in_fragment_rerun_ends_only_the_fragment(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.write("kept")\n'
        '    if st.button("stop"):\n'
        '        st.stop()\n'
        '    st.write("removed on stop")\n'
        'f()\n'
        'st.write("outside")\n'
    )
    click("stop")
    assert lines(host) == ["fragment f:", "  kept", "  [stop]", "outside"]


def test_stop_in_fragment_during_full_run_stops_the_script(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.write("x")\n'
        '    st.stop()\n'
        'f()\n'
        'st.write("not drawn")\n'
    )
    assert lines(host) == ["fragment f:", "  x"]


def test_rerun_is_a_base_exception_not_swallowed_by_except_exception(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("runs", 0)\n'
        'st.session_state.runs += 1\n'
        'try:\n'
        '    if st.session_state.runs < 3:\n'
        '        st.rerun()\n'
        'except Exception:\n'
        '    st.write("swallowed")\n'
        'st.write(f"runs={st.session_state.runs}")\n'
    )
    assert lines(host) == ["runs=3"]


def test_rerun_fragment_scope_during_fragment_rerun(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("frag", 0)\n'
        'st.session_state.setdefault("app", 0)\n'
        'st.session_state.app += 1\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.session_state.frag += 1\n'
        '    if st.button("again") or st.session_state.frag % 5 != 1:\n'
        '        if st.session_state.frag % 5 != 0:\n'
        '            st.rerun(scope="fragment")\n'
        '    st.write(f"frag={st.session_state.frag} app={st.session_state.app}")\n'
        'f()\n'
    )
    assert lines(host)[-1] == "  frag=1 app=1"
    click("again")
    assert lines(host)[-1] == "  frag=5 app=1"


def test_a_rerun_keeps_the_widgets_its_interrupted_run_did_not_reach(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f():\n'
        '    if st.button("again") and not st.session_state.get("reran"):\n'
        '        st.session_state.reran = True\n'
        '        st.rerun(scope="fragment")\n'
        '    st.text_input("Later", key="later")\n'
        'f()\n'
    )
    (later,) = [w for w in host.block.slots[0].block.slots if w.key[0] == "text_input"]
    before = lines(host)
    click("again")  # the interrupted run never reaches the text input; the rerun reuses it
    assert st.session_state.reran and lines(host) == before
    assert host.block.slots[0].block.slots[-1].widget is later.widget


def test_rerun_fragment_scope_during_full_run_raises_inside_the_fragment(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.rerun(scope="fragment")\n'
        'f()\n'
        'st.write("not drawn")\n'
    )
    assert lines(host) == [
        "fragment f:",
        (
            '  nbfrag.errors.StreamlitInvalidLayoutContextError: scope="fragment" can only be '
            "specified from `@st.fragment`-decorated functions during fragment reruns."
        ),
    ]


def test_rerun_app_from_fragment_reruns_the_owning_app_only(nb):
    first = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("a", 0)\n'
        'st.session_state.a += 1\n'
        '@st.fragment\n'
        'def f():\n'
        '    if st.button("full"):\n'
        '        st.rerun()\n'
        'f()\n'
        'st.write(f"a={st.session_state.a}")\n'
    )
    second = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("b", 0)\n'
        'st.session_state.b += 1\n'
        'st.write(f"b={st.session_state.b}")\n'
    )
    click("full")
    assert lines(first)[-1] == "a=2"
    assert lines(second) == ["b=1"]


def test_button_is_true_for_one_run_only_even_across_rerun(nb):
    nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("seen", [])\n'
        '@st.fragment\n'
        'def f():\n'
        '    pressed = st.button("b")\n'
        '    st.session_state.seen.append(pressed)\n'
        '    if pressed:\n'
        '        st.rerun(scope="fragment")\n'
        'f()\n'
    )
    click("b")
    assert st.session_state.seen == [False, True, False]


def test_callbacks_run_first_with_args_in_the_widget_scope(nb):
    nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("log", [])\n'
        'def cb(tag, extra=None):\n'
        '    st.session_state.log.append(f"callback {tag} extra={extra}")\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.session_state.log.append("fragment body")\n'
        '    st.button("in", on_click=cb, args=("fragment",), kwargs={"extra": 2})\n'
        'st.session_state.log.append("app body")\n'
        'f()\n'
        'st.button("out", on_click=cb, args=("outside",), kwargs={"extra": 1})\n'
    )
    st.session_state.log.clear()
    click("in")
    assert st.session_state.log == ["callback fragment extra=2", "fragment body"]
    st.session_state.log.clear()
    click("out")
    assert st.session_state.log == ["callback outside extra=1", "app body", "fragment body"]


def test_rerun_in_callback_turns_the_interaction_into_a_full_run(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("app", 0)\n'
        'st.session_state.app += 1\n'
        '@st.fragment\n'
        'def f():\n'
        '    st.button("go", on_click=st.rerun)\n'
        'f()\n'
        'st.write(f"app={st.session_state.app}")\n'
    )
    click("go")
    assert lines(host)[-1] == "app=2"


def test_nested_fragments_rerun_independently(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'for k in ("outer", "inner"): st.session_state.setdefault(k, 0)\n'
        '@st.fragment\n'
        'def inner():\n'
        '    st.session_state.inner += 1\n'
        '    st.button("inner button")\n'
        '    st.write(f"inner={st.session_state.inner}")\n'
        '@st.fragment\n'
        'def outer():\n'
        '    st.session_state.outer += 1\n'
        '    st.button("outer button")\n'
        '    inner()\n'
        '    st.write(f"outer={st.session_state.outer}")\n'
        'outer()\n'
    )
    click("inner button")
    assert st.session_state.inner == 2 and st.session_state.outer == 1
    assert "    inner=2" in lines(host) and "  outer=1" in lines(host)
    click("outer button")
    assert st.session_state.inner == 3 and st.session_state.outer == 2
    assert "    inner=3" in lines(host) and "  outer=2" in lines(host)


def test_fragments_not_called_are_dropped_with_their_widgets(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("show", True)\n'
        '@st.fragment\n'
        'def child():\n'
        '    st.button("child button")\n'
        'if st.button("toggle"):\n'
        '    st.session_state.show = not st.session_state.show\n'
        'if st.session_state.show:\n'
        '    child()\n'
    )
    child_button = buttons("child button")[0]
    fragment = host.block.slots[1].owner
    click("toggle")
    assert buttons("child button") == [] and child_button.comm is None
    assert fragment.alive is False
    child_button.click()  # a late click for a fragment that no longer exists is ignored
    assert lines(host) == ["[toggle]"]


def test_fragment_keeps_the_arguments_of_the_call_and_returns_its_value(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def f(n, label="x"):\n'
        '    st.button("b", key=f"b{n}")\n'
        '    st.write(f"{label}{n}")\n'
        '    return n * 10\n'
        'st.write(f"returned {f(1)} {f(2, label=\'y\')}")\n'
    )
    assert lines(host) == ["fragment f:", "  [b]", "  x1", "fragment f:", "  [b]", "  y2", "returned 10 20"]
    buttons("b")[1].click()
    assert lines(host)[3:6] == ["fragment f:", "  [b]", "  y2"]


def test_decorator_forms(nb):
    host = nb.app(
        'import nbfrag as st\n'
        '@st.fragment\n'
        'def plain():\n'
        '    """doc"""\n'
        '    st.write("plain")\n'
        '@st.fragment()\n'
        'def called():\n'
        '    st.write("called")\n'
        'def func():\n'
        '    st.write("func")\n'
        'wrapped = st.fragment(func)\n'
        'plain(); called(); wrapped()\n'
        'st.write(plain.__name__, plain.__doc__, wrapped.__wrapped__.__name__)\n'
    )
    assert lines(host)[-1] == "plain doc func"
    with pytest.raises(TypeError):
        st.fragment(lambda: None, 5)


def test_duplicate_widgets_raise_streamlits_errors(nb):
    host = nb.app('import nbfrag as st\nst.button("same")\nst.button("same")\n')
    assert lines(host)[0] == "[same]"
    assert lines(host)[1].startswith("nbfrag.errors.StreamlitDuplicateElementId: There are multiple `button` elements")
    assert "please pass a unique `key` argument to the `button` element" in host.block.slots[1].widget.value
    host = nb.app('import nbfrag as st\nst.button("a", key="k")\nst.button("b", key="k")\n')
    assert "StreamlitDuplicateElementKey: There are multiple elements with the same `key='k'`" in lines(host)[1]
    assert issubclass(StreamlitDuplicateElementKey, st.errors.DuplicateWidgetID)
    assert issubclass(StreamlitDuplicateElementId, st.errors.DuplicateWidgetID)


def test_print_and_display_are_captured_in_order(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'from IPython.display import display, Markdown\n'
        '@st.fragment\n'
        'def f():\n'
        '    print("one")\n'
        '    print("two")\n'
        '    st.write("element")\n'
        '    display(Markdown("*three*"))\n'
        'f()\n'
    )
    area = host.block.slots[0].block
    assert lines(host) == ["fragment f:", "  one", "  two", "  element", "  <IPython.core.display.Markdown object>"]
    first = area.slots[0].widget
    assert first.outputs == ({"output_type": "stream", "name": "stdout", "text": "one\ntwo\n"},)
    (shown,) = area.slots[2].widget.outputs
    assert shown["output_type"] == "display_data" and "text/plain" in shown["data"]


def test_timer_tick_output_is_captured_too(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("t", 0)\n'
        '@st.fragment(run_every=1)\n'
        'def f():\n'
        '    st.session_state.t += 1\n'
        '    print("tick", st.session_state.t)\n'
        'f()\n'
    )
    ticker = host.block.slots[0].block.slots[0].widget
    ticker._on_message(ticker, {"event": "tick", "seq": ticker.seq}, [])
    assert lines(host) == ["fragment f:", "  tick 2"]


def test_reruns_do_not_leak_widgets(nb):
    nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("n", 0)\n'
        '@st.fragment\n'
        'def f():\n'
        '    if st.button("flip"):\n'
        '        st.session_state.n += 1\n'
        '    if st.session_state.n % 2:\n'
        '        st.button(f"odd {st.session_state.n}")\n'
        '        print("odd")\n'
        '    else:\n'
        '        st.header("even")\n'
        'f()\n'
    )
    click("flip")
    click("flip")
    baseline = model_count()
    flip = buttons("flip")[0]
    for _ in range(10_000):
        flip.click()
    assert model_count() == baseline


def test_reprs_are_deterministic(nb):
    host = nb.app('import nbfrag as st\n@st.fragment\ndef f():\n    st.button("x")\nf()\n')
    bundle = host._repr_mimebundle_()
    assert bundle["text/plain"] == "fragment f:\n  [x]"
    assert "0x" not in bundle["text/plain"] and host.model_id not in bundle["text/plain"]


def test_tracebacks_are_hidden_when_configured_as_under_voila(nb, monkeypatch):
    monkeypatch.setattr(runtime, "show_tracebacks", False)
    host = nb.app('import nbfrag as st\nraise ValueError("secret path")\n')
    html = host.block.slots[0].widget.value
    assert "ValueError: secret path" in html and "Traceback" not in html


def test_a_tick_can_rerun_the_whole_app(nb):
    host = nb.app(
        'import nbfrag as st\n'
        'st.session_state.setdefault("app", 0)\n'
        'st.session_state.app += 1\n'
        '@st.fragment(run_every=1)\n'
        'def f():\n'
        '    if st.session_state.app == 1 and st.session_state.get("ticked"):\n'
        '        st.rerun()\n'
        'f()\n'
        'st.write(f"app={st.session_state.app}")\n'
    )
    ticker = host.block.slots[0].block.slots[0].widget
    st.session_state.ticked = True
    ticker._on_message(ticker, {"event": "tick", "seq": ticker.seq}, [])
    assert lines(host)[-1] == "app=2" and ticker.seq == 1


def test_capture_restores_the_display_publisher(nb):
    publisher = nb.shell.display_pub
    before = dict(publisher.__dict__)
    nb.app('import nbfrag as st\nprint("x")\n')
    assert "publish" not in publisher.__dict__ or publisher.__dict__.get("publish") is before.get("publish")
    assert "clear_output" not in publisher.__dict__ or publisher.__dict__.get("clear_output") is before.get("clear_output")


def test_clicks_that_arrive_during_a_run_run_after_it_in_order(nb):
    # App code that pumps the kernel's UI events mid-run (as `jupyter_ui_poll` does) lets a
    # browser click be handled while a run is going: its dispatch comes while the runtime is
    # busy. It must wait for the run to end, then run, in arrival order, none dropped.
    nb.shell.user_ns["click_arrives"] = click
    nb.app(
        'import nbfrag as st\n'
        'log = st.session_state.setdefault("log", [])\n'
        'pressed = [label for label in ("Go", "B", "C") if st.button(label)]\n'
        'log.append(("app", pressed))\n'
        '@st.fragment\n'
        'def panel():\n'
        '    if st.button("A"):\n'
        '        log.append(("panel", "A"))\n'
        '        click_arrives("C")  # during a fragment rerun, itself run from the queue\n'
        '        log.append(("panel", "A done"))\n'
        'panel()\n'
        'if "Go" in pressed:\n'
        '    click_arrives("A")\n'
        '    click_arrives("B")\n'
        '    log.append(("app", "Go done"))\n'
    )
    del st.session_state.log[:]
    click("Go")
    assert st.session_state.log == [
        ("app", ["Go"]),
        ("app", "Go done"),
        ("panel", "A"),
        ("panel", "A done"),
        ("app", ["B"]),
        ("app", ["C"]),
    ]
    assert not runtime.busy
