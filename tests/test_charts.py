"""Built-in charts, `st.altair_chart` and `st.vega_lite_chart`, in process.

Streamlit's data rules and errors (spec items 87-98 of streamlit-next-wave.md section 6, cited
per test), the published bundle (Vega-Lite 5 mimetype, data inlined, one theme, the column's
width), the text form, AppTest's `.spec`/`.data`, and in-place updates on a fragment rerun.
"""

from __future__ import annotations

import inspect

import altair as alt
import pandas as pd
import pytest
from conftest import click, model_count

import nbfrag as st
from nbfrag.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
)

MIME = "application/vnd.vegalite.v5+json"
IDX, VALUE, COLOR = ("index -- streamlit-generated", "value -- streamlit-generated", "color -- streamlit-generated")
DF = pd.DataFrame({"a": [1, 2, 3], "b": [4.0, 5.5, 6.0], "c": ["x", "y", "z"]})


def chart(app_test, call: str, kind: str | None = None, **ns):
    """Run `call` (one line of app code with `df`) and return the chart it drew."""
    source = "import nbfrag as st, pandas as pd\n" + "".join(f"{k} = {v!r}\n" for k, v in ns.items())
    source += f"df = pd.DataFrame({DF.to_dict('list')!r})\n{call}\n"
    at = app_test.from_string(source).run()
    assert len(at.exception) == 0, str(at)
    kind = kind or call.split("(")[0].removeprefix("st.")
    return at.get(kind)[0]


def layer0(spec):
    return spec["layer"][0] if "layer" in spec else spec


def test_item_87_signatures_take_streamlits_parameters():
    common = ["data", "x", "y", "x_label", "y_label", "color"]
    tail = ["width", "height", "use_container_width", "alt"]
    assert list(inspect.signature(st.line_chart).parameters) == [*common, *tail]
    assert list(inspect.signature(st.area_chart).parameters) == [*common, "stack", *tail]
    assert list(inspect.signature(st.bar_chart).parameters) == [*common, "horizontal", "sort", "stack", *tail]
    assert list(inspect.signature(st.scatter_chart).parameters) == [*common, "size", *tail]
    options = ["width", "height", "use_container_width", "theme", "key", "on_select", "selection_mode", "alt"]
    assert list(inspect.signature(st.altair_chart).parameters) == ["altair_chart", *options]
    assert list(inspect.signature(st.vega_lite_chart).parameters) == ["data", "spec", *options]


def test_item_88_x_must_be_a_column_name_and_columns_must_exist(nb):
    with pytest.raises(StreamlitInvalidParameterTypeError, match=(
        r"^Invalid `x` type\. Expected one of: str, None\. Provided type: int\. Pass a column name or None to "
        r"use the dataframe's index\.$"
    )):
        st.line_chart(DF, x=1)
    with pytest.raises(StreamlitAPIException, match=r'^Data does not have a column named `"zz"`\. Available columns are `a, b, c`$'):
        st.bar_chart(DF, y=["a", "zz"])
    with pytest.raises(StreamlitAPIException, match=r'named `"nope"`'):
        st.bar_chart(DF, x="c", y="a", sort="-nope")


def test_item_89_the_index_is_x_named_after_the_index_or_generated(app_test):
    when = chart(app_test, "st.line_chart(df.set_index(pd.date_range('2024-01-01', periods=3, name='when')), y='a')")
    x = layer0(when.spec)["encoding"]["x"]
    assert (x["field"], x["type"], x["title"]) == ("when", "temporal", "")
    assert when.spec["data"]["values"][0] == {"when": "2024-01-01T00:00:00.000", "a": 1}
    plain = layer0(chart(app_test, "st.area_chart(df, y='a')").spec)["encoding"]
    assert plain["x"]["field"] == IDX and plain["x"]["title"] == "" and plain["tooltip"][0]["title"] == "index"
    # x given, y None: every other column is drawn; unused columns are dropped.
    other = chart(app_test, "st.line_chart(df, x='a')")
    assert sorted(other.data[COLOR].unique()) == ["b", "c"]
    assert list(chart(app_test, "st.line_chart(df, x='a', y='b')").data.columns) == ["a", "b"]


def test_item_90_wide_data_is_melted_and_one_column_is_not(app_test):
    wide = chart(app_test, "st.line_chart(df, y=['a', 'b'])")
    enc = layer0(wide.spec)["encoding"]
    assert (enc["y"]["field"], enc["y"]["title"]) == (VALUE, "")
    assert enc["color"] == {"field": COLOR, "type": "nominal", "title": " ",
                            "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"}}
    assert list(wide.data.columns) == [IDX, COLOR, VALUE] and len(wide.data) == 6
    titled = layer0(chart(app_test, "st.line_chart(df, y='b')").spec)["encoding"]["y"]
    untitled = layer0(chart(app_test, "st.line_chart(df[['b']])").spec)["encoding"]["y"]
    assert (titled["field"], titled["title"], untitled["field"], untitled["title"]) == ("b", "b", "b", "")
    mixed = layer0(chart(app_test, "st.line_chart(df, x='a')").spec)["encoding"]["y"]
    assert mixed["type"] == "nominal"  # numbers and strings melted together


def test_item_90_too_many_mixed_values_say_to_pick_y(nb):
    data = pd.DataFrame({"n": range(60), "s": [f"v{i}" for i in range(60)]})
    with pytest.raises(StreamlitAPIException, match=(
        r"^The columns used for rendering the chart contain too many values with mixed types\. Please select "
        r"the columns manually via the y parameter\.$"
    )):
        st.line_chart(data)


def test_item_91_a_colour_column_groups_long_data(app_test):
    long = pd.DataFrame({"t": [1, 2, 1, 2], "temp": [3, 4, 5, 6], "city": ["A", "A", "B", "B"]})
    enc = layer0(chart(app_test, "st.line_chart(pd.DataFrame(long), x='t', y='temp', color='city')",
                       long=long.to_dict("list")).spec)["encoding"]
    assert enc["color"] == {"field": "city", "type": "nominal",
                            "legend": {"titlePadding": 5, "offset": 5, "orient": "bottom"}}
    painted = pd.DataFrame({"x": [1, 2], "y": [3, 4], "paint": ["#ff0000", "#00ff00"]})
    enc = layer0(chart(app_test, "st.scatter_chart(pd.DataFrame(p), x='x', y='y', color='paint')",
                       p=painted.to_dict("list")).spec)["encoding"]
    assert enc["color"]["scale"] == {"range": ["#ff0000", "#00ff00"]} and enc["color"]["legend"] is None
    assert [t["field"] for t in enc["tooltip"]] == ["x", "y"]  # no legend, no colour tooltip


@pytest.mark.parametrize("color,expected", [
    ("#ff0000", {"value": "#ff0000"}),
    ((255, 0, 0), {"value": "rgb(255, 0, 0)"}),
    ((1.0, 0.5, 0.0, 0.5), {"value": "rgba(255, 128, 0, 0.5)"}),
    ("red", {"value": "#ff4b4b"}),
])
def test_item_92_a_colour_constant_for_one_column(app_test, color, expected):
    enc = layer0(chart(app_test, "st.bar_chart(df, y='a', color=color)", color=color).spec)["encoding"]
    assert enc["color"] == expected


def test_item_92_one_colour_per_y_column_and_the_errors(app_test, nb):
    enc = layer0(chart(app_test, "st.line_chart(df, y=['a', 'b'], color=['#f00', '#00f'])").spec)["encoding"]
    assert enc["color"]["field"] == COLOR
    assert enc["color"]["scale"] == {"domain": ["a", "b"], "range": ["#f00", "#00f"]}
    with pytest.raises(StreamlitAPIException, match=(
        r"^The list of colors `\['#f00'\]` must have the same length as the list of columns to be colored "
        r"`\['a', 'b'\]`\.$"
    )):
        st.line_chart(DF, y=["a", "b"], color=["#f00"])
    with pytest.raises(StreamlitAPIException) as invalid:
        st.line_chart(DF, y="a", color="notacolor")
    assert str(invalid.value) == (
        "This does not look like a valid color argument: `notacolor`.\n\nThe color argument can be:\n\n"
        '* A hex string like "#ffaa00" or "#ffaa0088".\n* An RGB or RGBA tuple with the red, green, blue, and '
        "alpha\n  components specified as ints from 0 to 255 or floats from 0.0 to\n  1.0.\n* The name of a "
        "column.\n* Or a list of colors, matching the number of y columns to draw."
    )


def test_item_93_bars_are_ordinal_and_horizontal_swaps_roles(app_test):
    bar = chart(app_test, "st.bar_chart(df, x='a', y='b')").spec["encoding"]
    assert bar["x"]["type"] == "ordinal" and bar["x"]["axis"] == {"grid": False, "tickMinStep": 1}
    assert bar["y"]["axis"] == {"grid": True}
    side = chart(app_test, "st.bar_chart(df, x='c', y='a', horizontal=True)").spec["encoding"]
    assert (side["x"]["field"], side["x"]["axis"]["grid"]) == ("a", True)
    assert (side["y"]["field"], side["y"]["type"], side["y"]["axis"]["grid"]) == ("c", "ordinal", False)
    line = layer0(chart(app_test, "st.line_chart(df, x='a', y='b')").spec)["encoding"]
    assert line["x"]["type"] == "quantitative"


def test_item_94_marks_and_extras_per_chart(app_test):
    line = chart(app_test, "st.line_chart(df, y='a')").spec
    marks = [layer["mark"] for layer in line["layer"]]
    assert marks == [{"type": "line"}, {"type": "point", "opacity": 0}, {"type": "point", "filled": True, "size": 65}]
    hover = line["layer"][1]["params"][0]["select"]
    assert (hover["nearest"], hover["on"], hover["fields"]) == (True, "mousemove", [IDX])
    assert line["config"]["legend"]["symbolType"] == "stroke"
    scatter = chart(app_test, "st.scatter_chart(df, x='a', y='b')").spec
    assert scatter["mark"] == {"type": "circle"} and scatter["encoding"]["size"] == {"value": 100}
    sized = chart(app_test, "st.scatter_chart(df, x='a', y='b', size='b')").spec["encoding"]["size"]
    assert sized["field"] == "b" and sized["legend"]["orient"] == "bottom"
    grouped = chart(app_test, "st.bar_chart(df, y=['a', 'b'], stack=False)").spec["encoding"]
    assert grouped["xOffset"] == {"field": COLOR} and grouped["y"]["stack"] is False
    layered = chart(app_test, "st.bar_chart(df, y=['a', 'b'], stack='layered')").spec["encoding"]
    assert layered["y"]["stack"] is False and layered["opacity"] == {"value": 0.7}
    assert "sort" not in chart(app_test, "st.bar_chart(df, x='c', y='a')").spec["encoding"]["x"]
    assert chart(app_test, "st.bar_chart(df, x='c', y='a', sort=False)").spec["encoding"]["x"]["sort"] is None
    by = chart(app_test, "st.bar_chart(df, x='c', y='a', sort='-a')").spec["encoding"]["x"]["sort"]
    assert by == {"field": "a", "order": "descending"}
    with pytest.raises(StreamlitValueError, match="Invalid `stack` value"):
        st.bar_chart(DF, stack="up")


def test_item_95_area_charts_are_layered_unless_stacked(app_test):
    area = chart(app_test, "st.area_chart(df, y=['a', 'b'])").spec["encoding"]
    assert area["y"]["stack"] is False and area["opacity"] == {"value": 0.7}
    stacked = chart(app_test, "st.area_chart(df, y=['a', 'b'], stack=True)").spec["encoding"]
    assert stacked["y"]["stack"] is True


def test_item_96_tooltips_pan_zoom_and_field_path_names(app_test):
    spec = chart(app_test, "st.bar_chart(df, y=['a', 'b'])").spec
    assert spec["params"] == [{"name": "pan_zoom", "select": {"type": "interval", "encodings": ["x", "y"]},
                               "bind": "scales"}]
    assert [(t["field"], t.get("title")) for t in spec["encoding"]["tooltip"]] == [
        (IDX, "index"), (VALUE, "value"), (COLOR, "color")]
    dotted = chart(app_test, "st.scatter_chart(df.rename(columns={'a': 'a.b'}), x='a.b', y='b')")
    enc = dotted.spec["encoding"]
    assert enc["x"]["field"] == "col -- streamlit-generated-0" and enc["x"]["title"] == "a.b"
    assert enc["tooltip"][0] == {"field": "col -- streamlit-generated-0", "type": "quantitative", "title": "a.b"}
    assert "a.b" not in dotted.spec["data"]["values"][0]


def test_item_98_theme_and_empty_spec_errors(nb):
    with pytest.raises(StreamlitValueError, match=r"^Invalid `theme` value\. Supported values: 'streamlit', None\.$"):
        st.vega_lite_chart(DF, {"mark": "bar"}, theme="dark")
    with pytest.raises(StreamlitMissingRequiredParameterError, match=(
        r"^The `spec` parameter is required\. Vega-Lite charts require a non-empty spec dict\.$"
    )):
        st.vega_lite_chart(DF, {})


def test_published_as_vega_lite_5_filling_the_column_with_one_theme(nb):
    host = nb.app("import nbfrag as st\nst.line_chart({'a': [1, 2]})\nst.bar_chart({'a': [1, 2]}, width=300, height=200)\n")
    line, bar = (slot.widget.outputs[0] for slot in host.block.slots)
    assert set(line["data"]) == {MIME, "text/plain"}
    spec = line["data"][MIME]
    assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert spec["width"] == "container" and spec["autosize"] == {"type": "fit", "contains": "padding"}
    assert spec["data"] == {"values": [{IDX: 0, "a": 1}, {IDX: 1, "a": 2}]}
    assert (bar["data"][MIME]["width"], bar["data"][MIME]["height"]) == (300, 200)
    assert line["data"][MIME]["config"]["range"] == bar["data"][MIME]["config"]["range"]
    assert line["metadata"] == {MIME: {"embed_options": {"actions": False, "defaultStyle": False}}}


def test_altair_6_charts_are_published_as_vega_lite_5(app_test):
    at = app_test.from_string(
        "import altair as alt, pandas as pd, nbfrag as st\n"
        "df = pd.DataFrame({'c': ['x', 'y'], 'a': [1, 2]})\n"
        "st.altair_chart(alt.Chart(df).mark_bar().encode(x='c', y='a'))\n"
    ).run()
    drawn = at.altair_chart[0]
    assert alt.SCHEMA_VERSION.startswith(("v5", "v6"))
    assert drawn.spec["$schema"].endswith("/v5.json") and drawn.spec["width"] == "container"
    assert drawn.spec["mark"] == {"type": "bar"} and list(drawn.data.columns) == ["c", "a"]
    assert "config" in drawn.spec and "width" not in drawn.spec["config"].get("view", {})
    assert str(at) == "altair_chart: bar, 2 rows"
    with pytest.raises(StreamlitAPIException, match="expects an Altair chart"):
        st.altair_chart({"mark": "bar"})


def test_vega_lite_chart_inlines_its_data(app_test):
    at = app_test.from_string(
        "import nbfrag as st\n"
        "st.vega_lite_chart({'a': [1, 2]}, {'mark': 'point', 'encoding': {'x': {'field': 'a'}}}, theme=None)\n"
    ).run()
    spec = at.vega_lite_chart[0].spec
    assert spec["data"] == {"values": [{"a": 1}, {"a": 2}]} and "config" not in spec
    assert str(at) == "vega_lite_chart: point, 2 rows"


def test_text_form_says_what_the_chart_is(app_test):
    at = app_test.from_string(
        "import nbfrag as st, pandas as pd\n"
        "df = pd.DataFrame({'a': range(60), 'b': range(60), 'k': ['u', 'v'] * 30})\n"
        "st.line_chart(df, y=['a', 'b'])\n"
        "st.scatter_chart(df, x='a', y='b', color='k', size='a')\n"
        "st.bar_chart(df, x='k', y='a', horizontal=True)\n"
    ).run()
    assert str(at) == (
        "line_chart: 60 rows, x=index, y=[a, b]\n"
        "scatter_chart: 60 rows, x=a, y=[b], color=k, size=a\n"
        "bar_chart: 60 rows, x=k, y=[a], horizontal"
    )
    with pytest.raises(TypeError, match="not a chart"):
        app_test.from_string("import nbfrag as st\nst.text('t')\n").run().text[0].spec  # noqa: B018


LIVE = (
    "import nbfrag as st, pandas as pd\n"
    "st.session_state.setdefault('n', 3)\n"
    "@st.fragment\n"
    "def live():\n"
    "    if st.button('more'):\n"
    "        st.session_state.n += 1\n"
    "    if st.button('same'):\n"
    "        pass\n"
    "    st.line_chart(pd.DataFrame({'a': range(st.session_state.n)}))\n"
    "live()\n"
)


def test_a_fragment_rerun_updates_the_chart_in_place_with_one_message(nb):
    host = nb.app(LIVE)
    area = host.block.slots[0].block
    widget = area.slots[-1].widget
    changes = []
    widget.observe(lambda change: changes.append(change["name"]), names=None)
    models = model_count()
    click("more")
    assert area.slots[-1].widget is widget and model_count() == models
    assert changes == ["outputs"]  # one trait, one message
    assert len(widget.outputs[0]["data"][MIME]["data"]["values"]) == 4
    assert repr(widget) == "line_chart: 4 rows, x=index, y=[a]"
    click("same")
    assert changes == ["outputs"]  # the same chart sends nothing


def test_write_draws_an_altair_chart_with_altair_chart(app_test):
    at = app_test.from_string(
        "import altair as alt, nbfrag as st\n"
        "st.write(alt.Chart(alt.Data(values=[{'a': 1}, {'a': 2}])).mark_tick().encode(x='a:Q'))\n"
    ).run()
    assert str(at) == "altair_chart: tick, 2 rows"
    assert at.altair_chart[0].spec["$schema"].endswith("/v5.json")


def test_use_container_width_and_sizes_as_streamlit_takes_them(app_test, nb):
    at = app_test.from_string(
        "import nbfrag as st\n"
        "st.bar_chart({'a': [1, 2]}, use_container_width=False, width=300)\n"
        "st.bar_chart({'a': [1, 2]}, use_container_width=False)\n"
        "st.bar_chart({'a': [1, 2]}, use_container_width=True, width=300)\n"
        "st.line_chart()\n"
    ).run()
    assert [c.spec.get("width") for c in at.bar_chart] == [300, None, "container"]
    assert at.line_chart[0].spec["encoding"]["x"]["field"] == "DOES_NOT_EXIST -- streamlit-generated"
    assert str(at).splitlines()[-1] == "line_chart: 0 rows, x=index, y=[]"
    with pytest.raises(StreamlitAPIException, match=r"Invalid width value: -1"):
        st.line_chart(DF, width=-1)
    with pytest.raises(StreamlitAPIException, match=r"Invalid height value: 'tall'"):
        st.area_chart(DF, height="tall")


def test_altair_charts_have_no_row_limit_and_keep_their_own_config(app_test):
    at = app_test.from_string(
        "import altair as alt, pandas as pd, nbfrag as st\n"
        "df = pd.DataFrame({'a': range(6000)})\n"
        "st.altair_chart(alt.Chart(df).mark_tick().encode(x='a').configure_axis(labelColor='red'), theme=None)\n"
        "st.altair_chart(alt.Chart(df).mark_tick().encode(x='a').configure_axis(labelColor='red'))\n"
    ).run()
    plain, themed = at.altair_chart
    assert str(plain) == "altair_chart: tick, 6000 rows" and len(plain.data) == 6000
    assert plain.spec["config"] == {"axis": {"labelColor": "red"}}
    assert themed.spec["config"]["axis"]["labelColor"] == "red" and themed.spec["config"]["range"]["category"][0] == "#0068c9"
