"""The Streamlit 1.67 parameters of `st.metric`, `st.table` and `st.dataframe`: sparklines,
icons, formats, delta arrows and descriptions; hidden index and header (chosen automatically as
Streamlit chooses them), placeholders for missing values, accessible names and sizes."""

from __future__ import annotations

from typing import Any

import pytest

from nbfrag._elements.metric import number_text


def run(app_test: Any, code: str) -> Any:
    at = app_test.from_string("import nbfrag as st\nimport pandas as pd\nimport numpy as np\n" + code).run()
    assert len(at.exception) == 0, str(at)
    return at


def html(element: Any) -> str:
    return str(element.slot.widget.value)


def outputs(element: Any) -> dict[str, Any]:
    (output,) = element.slot.widget.outputs
    return dict(output["data"])


# -- st.metric -------------------------------------------------------------------------------------


def test_a_sparkline_is_drawn_in_the_deltas_colour_and_written_as_blocks(app_test: Any) -> None:
    at = run(app_test, 'st.metric("Sales", 10, -2, chart_data=[1, 3, 2, 8], chart_type="area")')
    assert str(at) == "Sales: 10 (-2) ▁▃▂█"
    box = html(at.metric[0])
    assert "<svg class='nbfrag-metric-chart'" in box and "<polygon" in box and "stroke='#ff2b2b'" in box


@pytest.mark.parametrize("chart_type, shape", [("line", "<polyline"), ("bar", "<rect"), ("area", "<polygon")])
def test_each_chart_type_draws_its_shape(app_test: Any, chart_type: str, shape: str) -> None:
    at = run(app_test, f'st.metric("M", 1, chart_data=np.array([2.0, 1.0, 3.0]), chart_type="{chart_type}")')
    assert shape in html(at.metric[0])


def test_chart_data_takes_a_dataframes_first_column(app_test: Any) -> None:
    at = run(app_test, 'st.metric("M", 1, chart_data=pd.DataFrame({"a": [1, 2], "b": [9, 0]}))')
    assert str(at) == "M: 1 ▁█"


def test_icon_description_arrow_and_colour(app_test: Any) -> None:
    at = run(
        app_test,
        'st.metric("Temp", "70 °F", "1.2 °F", icon="<i>🌡</i>", delta_arrow="down", delta_color="violet",'
        ' delta_description="vs. <b>yesterday</b>")\n'
        'st.metric("Flat", 5, 0)\nst.metric("Quiet", 5, 3, delta_arrow="off")',
    )
    assert str(at).splitlines() == [
        "<i>🌡</i> Temp: 70 °F (+1.2 °F) vs. <b>yesterday</b>", "Flat: 5 (0)", "Quiet: 5 (+3)",
    ]
    temp, flat, quiet = (html(m) for m in at.metric)
    assert "&lt;i&gt;🌡&lt;/i&gt;" in temp and "vs. &lt;b&gt;yesterday&lt;/b&gt;" in temp
    assert "color:#803df5'>↓ 1.2 °F" in temp
    assert "color:#808495'>0<" in flat  # a zero delta: grey, no arrow
    assert "'>3<" in quiet and "↑" not in quiet


def test_format_shapes_numeric_value_and_delta_but_not_strings(app_test: Any) -> None:
    at = run(app_test, 'st.metric("Revenue", 1234.567, -25, format="dollar")\nst.metric("Text", "1234", "5", format="dollar")')
    assert str(at).splitlines() == ["Revenue: $1,234.57 (-$25.00)", "Text: 1234 (+5)"]


@pytest.mark.parametrize(
    "format, expected",
    [
        ("plain", "1234.567"), ("localized", "1,234.567"), ("percent", "123,456.7%"), ("dollar", "$1,234.57"),
        ("euro", "€1,234.57"), ("yen", "¥1,235"), ("accounting", "1,234.57"), ("bytes", "1.2KB"),
        ("compact", "1.2K"), ("scientific", "1.235E3"), ("engineering", "1.235E3"), ("%d", "1234"),
        ("%,.1f", "1,234.6"), (None, "1234.567"),
    ],
)
def test_named_and_printf_formats_write_numbers_as_the_browser_does(format: str | None, expected: str) -> None:
    assert number_text(1234.567, format) == expected


@pytest.mark.parametrize("value, format, expected", [(-1234.5, "accounting", "(1,234.50)"), (123456, "bytes", "123.5KB"), (12345, "compact", "12K"), (12345, "engineering", "12.345E3")])
def test_formats_of_other_numbers(value: float, format: str, expected: str) -> None:
    assert number_text(value, format) == expected


def test_metric_width_and_height(app_test: Any) -> None:
    at = run(app_test, 'st.metric("A", 1, width=200, height=90)\nst.metric("B", 2, width="content")')
    assert "width:200px;max-width:100%;height:90px;overflow:auto;" in html(at.metric[0])
    assert "width:fit-content" in html(at.metric[1])


# -- st.table and st.dataframe ---------------------------------------------------------------------


def test_table_hides_a_default_index_and_generated_headers_as_streamlit_does(app_test: Any) -> None:
    at = run(
        app_test,
        'st.table(pd.DataFrame({"a": [1, 2]}))\n'
        'st.table(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]))\n'
        'st.table({"Name": "Ada", "Role": "Engineer"})\n'
        'st.table([[1, 2], [3, 4]])\n'
        'st.table({"a": [1, 2]}, hide_index=False, hide_header=True)\n',
    )
    assert [t.slot.text().split("\n") for t in at.table] == [
        [" a", " 1", " 2"],  # pandas' text without the index
        ["   a", "x  1", "y  2"],
        ["Name       Ada", "Role  Engineer"],
        ["1 2", "3 4"],
        ["0  1", "1  2"],
    ]


def test_the_docs_example_hides_header_and_index(app_test: Any) -> None:
    at = run(app_test, 'df = pd.DataFrame({"Name": ["Alice", "Bob"], "Age": [25, 30]})\nst.table(df, hide_index=True, hide_header=True)')
    assert outputs(at.table[0])["text/plain"] == "Alice 25\n  Bob 30"
    assert "<thead>" not in outputs(at.table[0])["text/html"]


def test_a_dataframes_placeholder_and_accessible_name(app_test: Any) -> None:
    at = run(app_test, 'df = pd.DataFrame({"a": [1.0, None]})\nst.dataframe(df)\nst.dataframe(df, placeholder="-", alt="Readings <1>")')
    plain, shaped = at.dataframe
    assert plain.slot.text() == "     a\n0  1.0\n1  NaN"
    assert shaped.slot.text() == "     a\n0  1.0\n1    -"
    assert shaped.slot.widget.alt == "Readings <1>"  # the grid's aria-label (set as text by js/grid.js)
    assert shaped.slot.widget.source.window(1, 2)[0]["cells"][1]["t"] == "-"


def test_pixel_sizes_fix_the_grid(app_test: Any) -> None:
    at = run(app_test, 'st.dataframe({"a": [1]}, width=300, height=120)\nst.table({"a": [1]})')
    grid = at.dataframe[0].slot.widget
    assert (grid.layout.width, grid.height) == ("300px", 120)
    assert at.table[0].slot.widget.layout.height is None


@pytest.mark.parametrize(
    "call, message",
    [
        ('st.metric("m", 1, chart_data=["a"])', "Only numeric values are supported for chart data sequence. The value 'a' is of type <class 'str'> and cannot be converted to float."),
        ('st.metric("m", 1, 2, delta_arrow="left")', "Invalid `delta_arrow` value. Supported values: 'auto', 'up', 'down', 'off'."),
        ('st.metric("m", 1, width="wide")', "Invalid width value: 'wide'."),
        ('st.metric("m", 1, height=0)', "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'."),
        ('st.table({"a": [1]}, border="vertical")', "Invalid `border` value. Supported values: True, False, 'horizontal'."),
        ('st.table({"a": [1]}, height="auto")', "Invalid height value: 'auto'."),
        ('st.dataframe({"a": [1]}, selection_default={"selection": {"rows": [0]}})', "`selection_default` and `on_select='ignore'` cannot be used together."),
    ],
)
def test_bad_values_get_streamlits_errors(app_test: Any, call: str, message: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\n{call}").run()
    assert message in str(at.exception[0])
