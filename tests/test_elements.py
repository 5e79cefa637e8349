"""Elements (code, json, divider, metric, progress, latex, alerts, dataframe/table, image,
pyplot, plotly_chart, help) and `st.write`'s dispatch, in a real shell.

For each element: its text form (reprs, nbval), what the app passed (`Slot.body`), reuse of
its widget by a fragment rerun (same model, nothing sent when unchanged, only the changed
trait when changed), escaping of hostile text, and Streamlit's error texts for bad input.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from conftest import click, model_count
from PIL import Image

import nbfrag as st
from nbfrag.errors import StreamlitAPIException

HOSTILE = "<img src=x onerror=alert(1)>"

PRELUDE = (
    "import nbfrag as st, pandas as pd, numpy as np\n"
    "import matplotlib.pyplot as plt\n"
    "import plotly.graph_objects as go\n"
    "from PIL import Image\n"
)

# (call, kind, text): one line of app code, the slot kind it draws, and its text form.
ELEMENTS = [
    ("st.code('x = 1\\nprint(x)')", "code", "x = 1\nprint(x)"),
    ("st.code('SELECT 1', language='sql', line_numbers=True, wrap_lines=True)", "code", "SELECT 1"),
    ("st.json({'a': [1, 2]})", "json", '{\n  "a": [\n    1,\n    2\n  ]\n}'),
    ("st.json('[1, 2]', expanded=False)", "json", "[\n  1,\n  2\n]"),
    ("st.divider()", "divider", "---"),
    ("st.metric('Temperature', '70 °F', '1.2 °F')", "metric", "Temperature: 70 °F (+1.2 °F)"),
    ("st.metric('Wind', 9, -8, delta_color='inverse')", "metric", "Wind: 9 (-8)"),
    ("st.metric('Empty', None)", "metric", "Empty: —"),
    ("st.progress(40)", "progress", "[########------------] 40%"),
    ("st.progress(0.25, text='Loading')", "progress", "[#####---------------] 25% Loading"),
    ("st.latex(r'e^{i\\pi} + 1 = 0')", "latex", "$$ e^{i\\pi} + 1 = 0 $$"),
    ("st.error('Bad *input*')", "error", "Error: Bad *input*"),
    ("st.warning('Careful', icon='⚠️')", "warning", "Warning: ⚠️ Careful"),
    ("st.info('FYI')", "info", "Info: FYI"),
    ("st.success('Done')", "success", "Success: Done"),
    ("st.dataframe(pd.DataFrame({'a': [1, 2]}))", "dataframe", "   a\n0  1\n1  2"),
    ("st.dataframe(pd.DataFrame({'a': [1, 2]}), hide_index=True)", "dataframe", " a\n 1\n 2"),
    ("st.dataframe({'a': [1], 'b': [2]}, column_order=['b'])", "dataframe", " b\n 2"),  # (no index: a dict of columns)
    ("st.table(pd.Series([5], name='s'))", "table", " s\n 5"),  # a RangeIndex is hidden, as in Streamlit
    ("st.image(np.zeros((2, 3), dtype=np.uint8), caption='cap')", "image", "<image 3x2 PNG> cap"),
    ("st.image([Image.new('RGB', (4, 4)), Image.new('L', (1, 1))])", "image", "<image 4x4 PNG>\n<image 1x1 PNG>"),
    ("st.pyplot(plt.subplots()[0])", "pyplot", "<Figure size 640x480 with 1 Axes>"),
    ("st.plotly_chart(go.Figure([go.Bar(y=[1]), go.Scatter(y=[2])]))", "plotly_chart", "<plotly_chart: bar, scatter>"),
    ("st.help(len)", "help", "function len(obj, /)\nReturn the number of items in a container."),
]


def slots(host):
    return host.block.slots


@pytest.mark.parametrize("call,kind,text", ELEMENTS, ids=[e[0][:40] for e in ELEMENTS])
def test_element_kind_and_text(nb, call, kind, text):
    host = nb.app(PRELUDE + call + "\n")
    (slot,) = slots(host)
    assert slot.key[0] == kind
    assert slot.text() == text
    assert repr(host) == text


def test_bodies_are_what_the_app_passed(nb):
    host = nb.app(
        PRELUDE
        + "st.code('a')\nst.json({'k': 1})\nst.metric('m', 3)\nst.progress(0.5)\n"
        "st.latex('x')\nst.error('e')\ndf = pd.DataFrame({'a': [1]})\nst.dataframe(df)\n"
    )
    bodies = [s.body for s in slots(host)]
    assert bodies[:6] == ["a", {"k": 1}, 3, 50, "x", "e"]
    assert bodies[6] is nb.shell.user_ns["df"]


# -- reuse across reruns ----------------------------------------------------------------------

EVERY_ELEMENT = "\n".join("    " + call for call, _, _ in ELEMENTS)
FRAGMENT_OF_EVERYTHING = (
    PRELUDE
    + "@st.fragment\n"
    "def f():\n"
    "    st.button('again')\n" + EVERY_ELEMENT + "\n"
    "f()\n"
)


def test_a_fragment_rerun_reuses_every_element_and_sends_nothing(nb):
    host = nb.app(FRAGMENT_OF_EVERYTHING)
    area = slots(host)[0].block
    widgets_before = [s.widget for s in area.slots]
    ids_before = [w.model_id for w in widgets_before]
    sent = []
    for w in widgets_before:
        w.observe(lambda change, mid=w.model_id: sent.append((mid, change["name"])), names=None)
    models = model_count()
    click("again")
    assert [s.widget.model_id for s in area.slots] == ids_before
    assert model_count() == models
    assert sent == []


CHANGING = (
    PRELUDE
    + "st.session_state.setdefault('n', 1)\n"
    "@st.fragment\n"
    "def f():\n"
    "    if st.button('inc'):\n"
    "        st.session_state.n += 1\n"
    "    n = st.session_state.n\n"
    "    st.metric('Count', n, n - 1)\n"
    "    st.progress(n * 10, text=f'step {n}')\n"
    "    st.json({'n': n})\n"
    "    st.dataframe(pd.DataFrame({'n': [n]}))\n"
    "    st.image(np.full((2, 2), n, dtype=np.uint8))\n"
    "    st.code(f'n = {n}')\n"
    "f()\n"
)


def test_a_changed_element_sends_only_the_changed_trait(nb):
    host = nb.app(CHANGING)
    area = slots(host)[0].block
    elements = area.slots[1:]
    ids = [s.widget.model_id for s in elements]
    sent = []
    for s in elements:
        s.widget.observe(lambda change, k=s.key[0]: sent.append((k, change["name"])), names=None)
    models = model_count()
    click("inc")
    assert [s.widget.model_id for s in area.slots[1:]] == ids
    assert model_count() == models
    assert sorted(sent) == sorted([
        ("metric", "value"), ("progress", "value"), ("json", "value"),
        ("dataframe", "version"), ("image", "outputs"), ("code", "value"),
    ])
    assert [s.text() for s in area.slots[1:3]] == ["Count: 2 (+1)", "[####----------------] 20% step 2"]


def test_progress_handle_moves_the_same_bar_with_one_update_each(nb):
    host = nb.app("import nbfrag as st\nbar = st.progress(0, text='start')\n")
    (slot,) = slots(host)
    bar = nb.shell.user_ns["bar"]
    sent = []
    slot.widget.observe(lambda change: sent.append(change["name"]), names=None)
    models = model_count()
    for step in (10, 20, 20, 30):
        assert bar.progress(step, text="going") is bar
    assert model_count() == models
    assert sent == ["value", "value", "value"]  # the repeated 20 sends nothing
    assert repr(host) == "[######--------------] 30% going"
    assert bar.value == 30 and slot.body == 30
    bar.progress(1.0)
    assert repr(host) == "[####################] 100%"
    bar.empty()
    assert host.text() == "" and slot.widget.value == ""


# -- safety -----------------------------------------------------------------------------------

HOSTILE_CALLS = [
    "st.code(H)",
    "st.code(H, language='html')",
    "st.json({H: H})",
    "st.json({'k': H}, expanded=False)",
    "st.metric(H, H, H, help=H)",
    "st.progress(5, text=H)",
    "st.latex(H)",
    "st.error(H, icon=H)",
    "st.warning(H)",
    "st.info(H)",
    "st.success(H)",
    "def f(): pass\nf.__doc__ = H\nst.help(f)",
    "st.write(H, 1, H)",
]


@pytest.mark.parametrize("call", HOSTILE_CALLS)
def test_hostile_text_is_escaped_in_html_elements(nb, call):
    host = nb.app(f"import nbfrag as st\nH = {HOSTILE!r}\n{call}\n")
    html = slots(host)[0].widget.value
    assert "<img" not in html
    assert HOSTILE in visible_text(html)  # shown as the text typed


def visible_text(html: str) -> str:
    """What a browser shows of `html`: tags dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]*>", "", html))


def output_html(slot) -> str:
    return "".join(str(o["data"].get("text/html", "")) for o in slot.widget.outputs)


@pytest.mark.parametrize("call", [
    "st.table({H: [H]})",
    "st.image(np.zeros((1, 1)), caption=H)",
])
def test_hostile_text_is_escaped_in_rich_outputs(nb, call):
    host = nb.app(PRELUDE + f"H = {HOSTILE!r}\n{call}\n")
    html = output_html(slots(host)[0])
    assert "<img" not in html
    assert HOSTILE in visible_text(html)


def test_markdown_never_passes_raw_html_unless_allowed(nb):
    host = nb.app(f"import nbfrag as st\nst.markdown({HOSTILE!r})\nst.markdown({HOSTILE!r}, unsafe_allow_html=True)\n")
    safe, unsafe = (s.widget.value for s in slots(host))
    assert "<img" not in safe and "&lt;img" in safe
    assert HOSTILE in unsafe


def test_image_url_is_an_escaped_http_link_only(nb):
    host = nb.app("import nbfrag as st\nst.image(\"https://example.org/a.png?x='><script>\")\n")
    (slot,) = slots(host)
    assert "<script>" not in output_html(slot)
    assert slot.text() == "<image https://example.org/a.png?x='><script>>"
    with pytest.raises(StreamlitAPIException, match="could not find the file 'javascript:alert"):
        st.image("javascript:alert(1)")


# -- Streamlit's errors for bad input -----------------------------------------------------------


@pytest.mark.parametrize("call,error,message", [
    (lambda: st.progress(101), StreamlitAPIException, r"Progress Value has invalid value \[0, 100\]: 101"),
    (lambda: st.progress(-1), StreamlitAPIException, r"Progress Value has invalid value \[0, 100\]: -1"),
    (lambda: st.progress(1.5), StreamlitAPIException, r"Progress Value has invalid value \[0.0, 1.0\]: 1.500000"),
    (lambda: st.progress("50"), StreamlitAPIException, r"Progress Value has invalid type: str"),
    (lambda: st.metric("m", 1, 0, delta_color="Invalid"), StreamlitAPIException,
     (r"^Invalid `delta_color` value. Supported values: 'normal', 'inverse', 'off', 'red', 'orange', "
      r"'yellow', 'green', 'blue', 'violet', 'gray', 'grey', 'primary'.$")),
    (lambda: st.metric("m", [1, 2, 3]), StreamlitAPIException,
     (r"^Invalid `value` type. Expected one of: int, float, Decimal, NumPy number. Provided type: list. "
      r"Convert the value to a number type.$")),
    (lambda: st.metric("m", 1, [123]), StreamlitAPIException, r"^Invalid `delta` type. Expected one of"),
    (lambda: st.metric("m", 1, label_visibility="wrong_value"), StreamlitAPIException,
     r"^Invalid `label_visibility` value. Supported values: 'visible', 'hidden', 'collapsed'.$"),
    (lambda: st.image(np.full((2, 2), 2.0)), RuntimeError, r"Data is outside \[0.0, 1.0\] and clamp is not set."),
    (lambda: st.image(np.full((2, 2), 300)), RuntimeError, r"Data is outside \[0, 255\] and clamp is not set."),
    (lambda: st.image(np.zeros((2, 2, 5))), StreamlitAPIException, r"numpy array of shape \(2, 2, 5\)"),
    (lambda: st.image("no/such/file.png"), StreamlitAPIException, r"could not find the file 'no/such/file.png'"),
    (lambda: st.image(42), StreamlitAPIException, r"cannot show an object of type int. Pass a numpy array"),
    (lambda: st.image(b"not an image"), StreamlitAPIException, r"could not read these 12 bytes"),
    (lambda: st.image([b"", b""], caption=["one"]), StreamlitAPIException, r"^Cannot pair 1 captions with 2 images.$"),
    (lambda: st.image(np.zeros((1, 1)), channels="XYZ"), StreamlitAPIException, r'Invalid channels "XYZ"'),
    (lambda: st.json("{not json"), StreamlitAPIException, r"not valid JSON .*Pass a JSON string, or the object"),
    (lambda: st.dataframe(42), StreamlitAPIException, r"st.dataframe cannot display an object of type int"),
    (lambda: st.table(object()), StreamlitAPIException, r"st.table cannot display an object of type object"),
    (lambda: st.pyplot("fig"), StreamlitAPIException, r"expects a matplotlib Figure, not str"),
    (lambda: st.code("x", language=3), StreamlitAPIException, r"language must be a language name .* not int 3"),
])
def test_bad_input_raises_a_clear_error(nb, call, error, message):
    models = model_count()
    with pytest.raises(error, match=message):
        call()
    assert model_count() == models  # nothing was drawn


def test_pyplot_without_a_figure_says_how_to_pass_one(nb):
    plt.close("all")
    with pytest.raises(StreamlitAPIException, match=r"without a figure .* st.pyplot\(fig\)"):
        st.pyplot()


# -- pyplot and plotly specifics ------------------------------------------------------------------


def test_pyplot_closes_figures_and_clears_only_the_global_one(nb):
    plt.close("all")
    host = nb.app(
        "import nbfrag as st\nimport matplotlib.pyplot as plt\n"
        "mine, ax = plt.subplots(); ax.plot([1, 2])\nst.pyplot(mine)\n"
        "plt.figure(); plt.plot([3, 4])\nglobal_fig = plt.gcf()\nst.pyplot()\n"
    )
    assert plt.get_fignums() == []  # nothing left for the inline backend to show again
    assert len(nb.shell.user_ns["mine"].axes) == 1  # a figure you pass is kept as it is
    assert nb.shell.user_ns["global_fig"].axes == []  # the global figure is cleared
    first, second = slots(host)
    png = first.widget.outputs[0]["data"]["image/png"]
    assert first.widget.outputs[0]["metadata"]["image/png"]["width"] > 0
    assert png and second.text() == "<Figure size 640x480 with 1 Axes>"


def test_plotly_output_is_the_figure_json_with_a_stable_html_fallback(nb):
    host = nb.app(PRELUDE + "st.plotly_chart({'data': [{'type': 'bar', 'y': [1, 2]}]})\n")
    (slot,) = slots(host)
    (output,) = slot.widget.outputs
    spec = output["data"]["application/vnd.plotly.v1+json"]
    assert spec["data"][0]["type"] == "bar" and list(spec["data"][0]["y"]) == [1, 2]
    assert "nbfrag-plotly-" in output["data"]["text/html"]
    # The same figure drawn again gives the identical bundle (so a rerun sends nothing).
    nb.run("%%app\n" + PRELUDE + "st.plotly_chart({'data': [{'type': 'bar', 'y': [1, 2]}]})\n")
    from conftest import hosts

    assert hosts()[-1].block.slots[0].widget.outputs == slot.widget.outputs


# -- st.write ----------------------------------------------------------------------------------


class WithHtml:
    def _repr_html_(self) -> str:
        return "<b>rich</b>"

    def __repr__(self) -> str:
        return "WithHtml()"


class Plain:
    pass


def test_write_dispatches_on_type(nb):
    from collections import namedtuple

    fig, ax = plt.subplots()
    point = namedtuple("Point", "x y")(1, 2)
    nb.shell.user_ns.update(
        fig=fig, point=point, WithHtml=WithHtml, Plain=Plain, img=Image.new("RGB", (2, 2))
    )
    host = nb.app(
        PRELUDE
        + "st.write('a', 'b')\n"
        "st.write(1, 2.5, True, None)\n"
        "st.write({'k': 1}, [1], (2,), point, st.session_state)\n"
        "st.write(pd.DataFrame({'a': [1]}), pd.Series([1]), np.arange(3), pd.DataFrame({'a': [1]}).style)\n"
        "st.write(fig, go.Figure(), img)\n"
        "st.write(ValueError('bad'), len, st, Plain, Plain())\n"
        "st.write(WithHtml(), 'multi\\nline', {1, 2})\n"
    )
    kinds = [s.key[0] for s in slots(host)]
    assert kinds == [
        "markdown",
        "markdown",
        "json", "json", "json", "json", "json",
        "dataframe", "dataframe", "dataframe", "dataframe",
        "pyplot", "plotly_chart", "image",
        "exception", "help", "help", "help", "help",
        "output", "markdown",
    ]
    texts = [s.text() for s in slots(host)]
    assert texts[:2] == ["a b", "`1` `2.5` `True` `None`"]
    assert texts[5] == '{\n  "x": 1,\n  "y": 2\n}'
    assert texts[17] == "class Plain()"
    assert texts[18] == "Plain object"
    assert texts[20] == "multi\nline `{1, 2}`"


def test_write_backticks_cannot_end_inline_code_early(nb):
    class Ticks:
        def __str__(self) -> str:
            return "a`b"

    nb.shell.user_ns["ticks"] = Ticks()
    host = nb.app("import nbfrag as st\nst.write(ticks)\n")
    (slot,) = slots(host)
    assert slot.text() == "``a`b``"
    assert "<code>a`b</code>" in slot.widget.value


def test_nbfrag_imports_without_optional_libraries():
    code = (
        "import sys\n"
        "for name in ('pandas', 'numpy', 'matplotlib', 'PIL', 'plotly'):\n"
        "    sys.modules[name] = None  # importing it now raises ImportError\n"
        "import nbfrag\n"
        "print({'dataframe', 'image', 'pyplot', 'plotly_chart'} <= set(nbfrag.__all__))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_missing_optional_libraries_give_install_hints(nb, monkeypatch):
    monkeypatch.setitem(sys.modules, "plotly", None)
    monkeypatch.setitem(sys.modules, "plotly.graph_objects", None)
    with pytest.raises(ImportError, match=r"st.plotly_chart needs plotly: `pip install plotly`"):
        st.plotly_chart({"data": []})
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"st.dataframe needs pandas .*`pip install pandas`"):
        st.dataframe({"a": [1]})


def test_write_shows_sympy_expressions_as_latex(nb):
    pytest.importorskip("sympy")
    host = nb.app("import nbfrag as st, sympy\nst.write(sympy.Symbol('x') ** 2)\n")
    (slot,) = slots(host)
    assert slot.key[0] == "latex" and slot.text() == "$$ x^{2} $$"


def test_plain_cell_elements_are_displayed_as_their_text(nb, capsys):
    nb.run(
        "import nbfrag as st, pandas as pd\n"
        "st.metric('Speed', '3 m/s')\n"
        "st.dataframe(pd.DataFrame({'col': range(30)}))\n"
        "st.latex('x^2')\n"
    )
    out = capsys.readouterr().out
    assert "Speed: 3 m/s" in out
    assert "\n29   29" in out  # the whole table, not a repr cut at 110 characters
    assert "$$ x^2 $$" in out
    assert "Output(" not in out and "HTMLMath(" not in out


@pytest.mark.filterwarnings("ignore:The Dataframe Interchange Protocol is deprecated")
def test_dataframe_accepts_the_interchange_protocol_and_orders_columns(nb):
    class Interchange:
        def __init__(self, frame):
            self._frame = frame

        def __dataframe__(self, *args, **kwargs):
            return self._frame.__dataframe__(*args, **kwargs)

    nb.shell.user_ns["data"] = Interchange(pd.DataFrame({"x": [1], "y": [2]}))
    host = nb.app("import nbfrag as st\nst.dataframe(data, column_order=['y', 'x'])\nst.write(data)\n")
    assert [s.key[0] for s in slots(host)] == ["dataframe", "dataframe"]
    assert slots(host)[0].text() == "   y  x\n0  2  1"


def test_json_drops_keys_json_cannot_hold_and_sorts_sets(nb):
    host = nb.app("import nbfrag as st\nst.json({(1, 2): 'tuple key', 'ok': {3, 1, 2}})\n")
    assert slots(host)[0].text() == '{\n  "ok": [\n    1,\n    2,\n    3\n  ]\n}'


def test_pyplot_fills_the_column_keeping_its_aspect_ratio_or_keeps_its_own_size(nb):
    fig, _ = plt.subplots(figsize=(3, 2), dpi=100)
    nb.shell.user_ns["fig"] = fig
    host = nb.app("import nbfrag as st\nst.pyplot(fig, dpi=300)\nst.pyplot(fig, use_container_width=False)\n")
    stretched, own = (slot.widget.outputs[0] for slot in slots(host))
    natural = stretched["metadata"]["image/png"]["width"]
    assert 250 <= natural <= 300  # 3 in at 100 dpi, tight box, whatever the dpi
    html = stretched["data"]["text/html"]
    assert html.startswith('<img src="data:image/png;base64,' + stretched["data"]["image/png"][:40])
    assert 'style="width:100%;height:auto;max-width:100%"' in html
    assert f'style="width:{own["metadata"]["image/png"]["width"]}px;height:auto;max-width:100%"' in own["data"]["text/html"]


def test_write_of_a_rich_object_has_a_text_without_memory_addresses(nb):
    class Card:
        def _repr_html_(self) -> str:
            return "<b>card</b>"

    nb.shell.user_ns["card"] = Card()
    host = nb.app("import nbfrag as st\nst.write('before', card)\n")
    markdown, output = slots(host)
    assert output.key[0] == "output"
    assert output.text().endswith(".Card>") and "0x" not in output.text()
    (shown,) = output.widget.outputs
    assert shown["data"]["text/html"] == "<b>card</b>"


def test_elements_draw_into_layout_blocks_both_ways(nb):
    host = nb.app(
        "import nbfrag as st\n"
        "left, right = st.columns(2)\n"
        "left.metric('Left', 1)\n"
        "with right:\n"
        "    bar = st.progress(10)\n"
        "    st.json([1])\n"
    )
    bar = nb.shell.user_ns["bar"]
    bar.progress(90)
    assert repr(host).splitlines() == [
        "columns:", "  column 1:", "    Left: 1", "  column 2:",
        "    [##################--] 90%", "    [", "      1", "    ]",
    ]


def test_a_styler_table_reads_as_its_data_and_no_text_form_holds_a_memory_address(nb):
    """The text form (what nbval compares) must be the same in every run and every kernel."""

    host = nb.app(
        "import nbfrag as st\nimport pandas as pd\n"
        "class Card:\n    def _repr_html_(self):\n        return '<b>card</b>'\n"
        "st.table(pd.DataFrame({'a': [1]}).style)\nst.dataframe(Card())\n"
    )
    styled, card = (slot.text() for slot in slots(host))
    assert styled.split() == ["a", "0", "1"]
    assert " at 0x" not in card
