"""run_every ticks, toasts, balloons and the spinner, on the kernel side."""

from conftest import click

import nbfrag as st
from nbfrag._elements.effects import Toaster
from nbfrag._runtime.ticker import Ticker

TICKING = (
    "import nbfrag as st\n"
    "st.session_state.setdefault('ticks', 0)\n"
    "st.session_state.setdefault('every', 0.5)\n"
    "@st.fragment(run_every=st.session_state.every)\n"
    "def live():\n"
    "    st.session_state.ticks += 1\n"
    "    st.write(f'ticks={st.session_state.ticks}')\n"
    "live()\n"
    "if st.button('change'):\n"
    "    pass\n"
)


def ticker_of(host):
    slot = host.block.slots[0].block.slots[0]
    assert slot.hidden and isinstance(slot.widget, Ticker)
    return slot.widget


def tick(ticker, seq=None):
    ticker._on_message(ticker, {"event": "tick", "seq": ticker.seq if seq is None else seq}, [])


def test_a_tick_reruns_the_fragment_and_rearms(nb):
    host = nb.app(TICKING)
    ticker = ticker_of(host)
    assert ticker.interval == 0.5 and ticker.seq == 0
    tick(ticker)
    assert repr(host).splitlines()[1] == "  ticks=2" and ticker.seq == 1
    assert ticker_of(host) is ticker  # the same ticker widget, re-armed by the new seq


def test_a_stale_tick_is_ignored(nb):
    host = nb.app(TICKING)
    ticker = ticker_of(host)
    tick(ticker)
    tick(ticker, seq=0)  # a second view's tick for a seq already handled
    assert st.session_state.ticks == 2


def test_tick_for_a_removed_fragment_is_ignored(nb):
    host = nb.app(TICKING.replace("live()\n", "if st.session_state.get('show', True):\n    live()\n"))
    ticker = ticker_of(host)
    st.session_state.show = False
    click("change")
    assert ticker.comm is None
    tick(ticker)
    assert st.session_state.ticks == 1


def test_run_every_changes_on_a_full_run(nb):
    host = nb.app(TICKING)
    ticker = ticker_of(host)
    st.session_state.every = "2s"
    click("change")
    assert ticker_of(host) is ticker and ticker.interval == 2.0
    st.session_state.every = None
    click("change")
    assert ticker.comm is None and host.block.slots[0].block.slots[0].block is None


def test_bad_run_every_raises_at_the_call_site(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "@st.fragment(run_every='5 parsecs')\n"
        "def f():\n"
        "    st.write('never')\n"
        "st.write('before')\n"
        "f()\n"
    )
    lines = repr(host).splitlines()
    assert lines[0] == "before"
    assert lines[1].startswith("nbfrag.errors.StreamlitBadTimeStringError: Time string doesn't look right.")
    assert "Got: 5 parsecs" in lines[1]


def test_toast_is_sanitized_markdown_and_icon_is_text(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "st.toast('**hi** <img src=x onerror=alert(1)>', icon='<b>!</b>')\n"
    )
    toaster = host.block.extras["toaster"]
    assert isinstance(toaster, Toaster)
    (entry,) = toaster.toasts
    assert "<strong>hi</strong>" in entry["html"] and "<img" not in entry["html"]
    assert entry["icon"] == "<b>!</b>" and entry["duration_ms"] == 4000
    assert toaster in host.children and repr(host) == "(empty)"


def test_toasts_prune_expired_entries(nb):
    host = nb.app("import nbfrag as st\nst.toast('one')\n")
    toaster = host.block.extras["toaster"]
    toaster.toasts = [dict(toaster.toasts[0], expires_at=0)]
    toaster.push("<p>two</p>", "", 4)
    assert [t["html"] for t in toaster.toasts] == ["<p>two</p>"]


def test_toast_duration_is_checked(nb):
    host = nb.app("import nbfrag as st\nst.toast('x', duration='forever')\n")
    assert "toast duration must be 'short', 'long' or a number of seconds" in repr(host)


def test_spinner_is_shown_while_its_block_runs(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "st.write('above')\n"
        "@st.fragment\n"
        "def f():\n"
        "    if st.button('work'):\n"
        "        with st.spinner('Working...'):\n"
        "            st.session_state.seen = list(st._runtime.frame().block.widget.children)\n"
        "    st.write('below')\n"
        "f()\n"
    )
    click("work")
    area = host.block.slots[1].block
    spinner = area.transients["spinner"]
    assert spinner in st.session_state.seen and "Working..." in spinner.value
    assert spinner not in area.widget.children
    assert repr(host) == "above\nfragment f:\n  [work]\n  below"


def test_frontend_modules_are_self_contained(tmp_path):
    """Each module as the browser gets it parses as one ES module (node --check): inlined
    siblings must not collide with the importer's names (toast.js and fresh.js both define
    `ensureStyle`)."""
    import shutil
    import subprocess

    from nbfrag._runtime.static import esm

    node = shutil.which("node")
    assert node, "node is needed to check the frontend modules (the Makefile's js tests use it too)"
    for name in ("ticker.js", "toast.js", "balloons.js", "dialog.js"):
        source = esm(name)
        assert 'from "./' not in source and "export default" in source
        module = tmp_path / f"{name[:-3]}.mjs"
        module.write_text(source)
        checked = subprocess.run([node, "--check", str(module)], capture_output=True, text=True)
        assert checked.returncode == 0, f"{name} as served does not parse:\n{checked.stderr}"
    assert esm("toast.js").count("function freshEntries") == 1
