"""`st.column_config`: the constructors return the dicts Streamlit 1.67 returns (probed with
`streamlit==1.67.0`), and the grid formats cells by them (numbers, dates, links, progress bars,
sparklines) in the kernel."""

from __future__ import annotations

import datetime as dt
import inspect

import pandas as pd
import pytest

import nbfrag as st
from nbfrag._elements.grid_format import (
    column_specs,
    format_number,
    format_temporal,
    link_text,
    normalize_config,
    sparkline,
)

cc = st.column_config
GENERIC = {"label": None, "width": None, "help": None, "disabled": None, "required": None, "pinned": None, "alignment": None}


def test_the_module_has_streamlits_constructors() -> None:
    names = {
        "AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn", "Column",
        "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn", "LineChartColumn", "LinkColumn",
        "ListColumn", "MarkdownColumn", "MultiselectColumn", "NumberColumn", "ProgressColumn",
        "SelectboxColumn", "TextColumn", "TimeColumn", "VideoColumn",
    }
    assert set(cc.__all__) == names
    assert "label, *, width, help, disabled, required, pinned, alignment, default, format, min_value, max_value, step" == ", ".join(
        ("*, " if p.kind is p.KEYWORD_ONLY and i == 1 else "") + p.name
        for i, p in enumerate(inspect.signature(cc.NumberColumn).parameters.values())
    )


@pytest.mark.parametrize(
    "made, expected",
    [
        (cc.Column("L", width="small", help="h", disabled=True, required=True, pinned=True, alignment="left"),
         {"label": "L", "width": "small", "help": "h", "disabled": True, "required": True, "pinned": True, "alignment": "left"}),
        (cc.Column(), GENERIC),
        (cc.NumberColumn("n", format="%d", min_value=0, max_value=10, step=1, default=3),
         {**GENERIC, "label": "n", "default": 3,
          "type_config": {"type": "number", "min_value": 0, "max_value": 10, "format": "%d", "step": 1}}),
        (cc.TextColumn("t", max_chars=5, validate="^a", default="x"),
         {**GENERIC, "label": "t", "default": "x", "type_config": {"type": "text", "max_chars": 5, "validate": "^a"}}),
        (cc.LinkColumn("l", display_text="go", validate="x", max_chars=3),
         {**GENERIC, "label": "l", "default": None,
          "type_config": {"type": "link", "max_chars": 3, "validate": "x", "display_text": "go"}}),
        (cc.CheckboxColumn("c", default=True), {**GENERIC, "label": "c", "default": True, "type_config": {"type": "checkbox"}}),
        (cc.SelectboxColumn("s", options=["a", "b"], format_func=str.upper),
         {"label": "s", "width": None, "help": None, "disabled": None, "required": None, "pinned": None, "default": None,
          "type_config": {"type": "selectbox", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]}}),
        (cc.BarChartColumn("b", y_min=0, y_max=5, color="auto"),
         {"label": "b", "width": None, "help": None, "pinned": None,
          "type_config": {"type": "bar_chart", "y_min": 0, "y_max": 5, "color": "auto"}}),
        (cc.ListColumn("li", default=["a"]),
         {"label": "li", "width": None, "help": None, "pinned": None, "disabled": None, "required": None,
          "default": ["a"], "type_config": {"type": "list"}}),
        (cc.DatetimeColumn("d", format="D MMM YYYY", min_value=dt.datetime(2020, 1, 1), step=60, timezone="UTC",
                           default=dt.datetime(2021, 1, 1)),
         {**GENERIC, "label": "d", "default": "2021-01-01T00:00:00",
          "type_config": {"type": "datetime", "format": "D MMM YYYY", "min_value": "2020-01-01T00:00:00",
                          "max_value": None, "step": 60, "timezone": "UTC"}}),
        (cc.TimeColumn("t", format="HH:mm", min_value=dt.time(8), step=dt.timedelta(minutes=15)),
         {**GENERIC, "label": "t", "default": None,
          "type_config": {"type": "time", "format": "HH:mm", "min_value": "08:00:00", "max_value": None, "step": 900.0}}),
        (cc.ProgressColumn("p"),
         {"label": "p", "width": None, "help": None, "pinned": None,
          "type_config": {"type": "progress", "format": None, "min_value": None, "max_value": None, "step": None,
                          "color": None}}),
        (cc.MultiselectColumn("m", options=["a", "b"]),
         {"label": "m", "width": None, "help": None, "disabled": None, "required": None, "pinned": None, "default": None,
          "type_config": {"type": "multiselect", "options": [{"value": "a"}, {"value": "b"}], "accept_new_options": None}}),
        (cc.ButtonColumn("b"),
         {"label": "b", "width": None, "help": None, "pinned": None, "alignment": None, "disabled": True,
          "type_config": {"type": "button", "button_type": "secondary"}}),
        (cc.JsonColumn("j"), {"label": "j", "width": None, "help": None, "pinned": None, "alignment": None,
                              "type_config": {"type": "json"}}),
    ],
)
def test_a_constructor_returns_streamlits_dict(made: dict, expected: dict) -> None:
    assert made == expected


def test_numbers_format_printf_style_and_by_name() -> None:
    assert format_number(3.14159, "%.2f") == "3.14"
    assert format_number(3.7, "%d") == "4"
    assert format_number(1234.5, "$%.2f") == "$1234.50"
    assert format_number(0.25, "percent") == "25.00%"
    assert format_number(1234567, "compact") == "1.2M"
    assert format_number(1234.5, "dollar") == "$1,234.50"
    assert format_number(-3.0, "accounting") == "(3.00)"


def test_dates_format_with_moment_tokens() -> None:
    when = dt.datetime(2024, 2, 5, 14, 7, 9)
    assert format_temporal(when, "datetime", "D MMM YYYY, h:mm a") == "5 Feb 2024, 2:07 PM"
    assert format_temporal(when.date(), "date", "YYYY/MM/DD") == "2024/02/05"
    assert format_temporal(when.date(), "date", None) == "2024-02-05"
    assert format_temporal(when, "datetime", "iso8601") == "2024-02-05T14:07:09"
    assert format_temporal(dt.datetime(2024, 1, 1, 12), "datetime", "HH:mm", "Europe/Paris") == "13:00"


def test_links_sparklines_and_progress() -> None:
    assert link_text("https://roadmap.streamlit.app", r"https://(.*?)\.streamlit\.app") == "roadmap"
    assert link_text("https://x.io", "Open") == "Open"
    assert sparkline([0, 5, 10]) == "▁▄█"
    frame = pd.DataFrame({"p": [25], "u": ["javascript:alert(1)"], "ok": ["https://a.io"]})
    configs = normalize_config({"p": cc.ProgressColumn(max_value=50), "u": cc.LinkColumn(), "ok": cc.LinkColumn()})
    p, u, ok = column_specs(frame, configs, None, True)
    assert p.cell(25, None)["p"] == 0.5
    assert "href" not in u.cell("javascript:alert(1)", None), "only http(s)/mailto links become links"
    assert ok.cell("https://a.io", None)["href"] == "https://a.io"


def test_a_config_of_a_label_or_none_renames_or_hides() -> None:
    frame = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
    specs = column_specs(frame, normalize_config({"a": "Aye", "b": None}), None, True)
    assert [(s.key, s.label) for s in specs] == [("a", "Aye"), ("c", "c")]
    with pytest.raises(st.errors.StreamlitAPIException, match="column_config"):
        normalize_config(["a"])
