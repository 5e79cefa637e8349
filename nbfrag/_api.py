"""The registry of public commands: everything `import nbfrag as st` offers, in one table.

`_COMMANDS` is the one list of commands. From it come `nbfrag.__all__` (with the public
objects in `_OBJECTS`), the methods of containers (`col.write(...)`: `Container.commands`), the
element kinds `nbfrag.testing` knows before any is on the page (`_KINDS`), and the README's
"Streamlit API -> nbfrag" table is checked against it (tests/test_registry.py). Streamlit
commands nbfrag does not have yet are listed in `nbfrag/_unsupported.py`; a command added here
leaves that list.

The imports below spell each command as `name as name` and `__all__` is hidden from type
checkers, so that mypy and IDEs read the public names from the imports (they cannot evaluate a
computed `__all__`) while `from nbfrag._api import *` at run time takes exactly the table.
Everything else in this module starts with an underscore.
"""

from __future__ import annotations

from collections.abc import Callable as _Callable
from dataclasses import dataclass as _dataclass
from typing import TYPE_CHECKING
from typing import Any as _Any

from ._elements.alerts import error as error
from ._elements.alerts import info as info
from ._elements.alerts import success as success
from ._elements.alerts import warning as warning
from ._elements.badge import badge as badge
from ._elements.badge import space as space
from ._elements.charts.builtin import area_chart as area_chart
from ._elements.charts.builtin import bar_chart as bar_chart
from ._elements.charts.builtin import line_chart as line_chart
from ._elements.charts.builtin import scatter_chart as scatter_chart
from ._elements.charts.vega import altair_chart as altair_chart
from ._elements.charts.vega import vega_lite_chart as vega_lite_chart
from ._elements.chat import chat_message as chat_message
from ._elements.code import code as code
from ._elements.code import divider as divider
from ._elements.code import help as help
from ._elements.code import latex as latex
from ._elements.data import json as json
from ._elements.data import table as table
from ._elements.dataframe import dataframe as dataframe
from ._elements.echo import echo as echo
from ._elements.effects import balloons as balloons
from ._elements.effects import snow as snow
from ._elements.effects import spinner as spinner
from ._elements.effects import toast as toast
from ._elements.embed import iframe as iframe
from ._elements.graphviz import graphviz_chart as graphviz_chart
from ._elements.grid_layout import grid as grid
from ._elements.headings import header as header
from ._elements.headings import subheader as subheader
from ._elements.headings import title as title
from ._elements.images import image as image
from ._elements.layout import Container as _Container
from ._elements.layout import columns as columns
from ._elements.layout import container as container
from ._elements.layout import empty as empty
from ._elements.layout import expander as expander
from ._elements.layout import tabs as tabs
from ._elements.links import link_button as link_button
from ._elements.links import page_link as page_link
from ._elements.logo import logo as logo
from ._elements.maps import map as map
from ._elements.media import plotly_chart as plotly_chart
from ._elements.media import pyplot as pyplot
from ._elements.metric import metric as metric
from ._elements.page import set_page_config as set_page_config
from ._elements.pdf import pdf as pdf
from ._elements.players import audio as audio
from ._elements.players import video as video
from ._elements.progress import progress as progress
from ._elements.raw_html import html as html
from ._elements.skeleton import skeleton as skeleton
from ._elements.status import popover as popover
from ._elements.status import status as status
from ._elements.stream import write_stream as write_stream
from ._elements.text import caption as caption
from ._elements.text import exception as exception
from ._elements.text import markdown as markdown
from ._elements.text import text as text
from ._elements.write import set_streamer as _set_streamer
from ._elements.write import write as write
from ._flow.caching import cache_data as cache_data
from ._flow.caching import cache_resource as cache_resource
from ._flow.connections import connection as connection
from ._flow.control import rerun as rerun
from ._flow.control import stop as stop
from ._flow.dialog import dialog as dialog
from ._flow.forms import form as form
from ._flow.fragment import fragment as fragment
from ._flow.options import get_option as get_option
from ._flow.options import set_option as set_option
from ._runtime.magic import set_writer as _set_magic_writer
from ._widgets.any_widget import widget as widget
from ._widgets.buttons import button as button
from ._widgets.buttons import form_submit_button as form_submit_button
from ._widgets.capture import audio_input as audio_input
from ._widgets.capture import camera_input as camera_input
from ._widgets.chat import chat_input as chat_input
from ._widgets.choices import radio as radio
from ._widgets.choices import selectbox as selectbox
from ._widgets.color import color_picker as color_picker
from ._widgets.data_editor import data_editor as data_editor
from ._widgets.dates import date_input as date_input
from ._widgets.dates import time_input as time_input
from ._widgets.datetimes import datetime_input as datetime_input
from ._widgets.download import download_button as download_button
from ._widgets.feedback import feedback as feedback
from ._widgets.file_uploader import file_uploader as file_uploader
from ._widgets.menu import menu_button as menu_button
from ._widgets.multiselect import multiselect as multiselect
from ._widgets.numbers import number_input as number_input
from ._widgets.pagination import pagination as pagination
from ._widgets.pills import pills as pills
from ._widgets.pills import segmented_control as segmented_control
from ._widgets.sliders import select_slider as select_slider
from ._widgets.sliders import slider as slider
from ._widgets.text import text_area as text_area
from ._widgets.text import text_input as text_input
from ._widgets.toggles import checkbox as checkbox
from ._widgets.toggles import toggle as toggle


@_dataclass(frozen=True)
class _Command:
    """One public command. `draws` are the kinds of the elements it puts on the page (None:
    one element of its own name; `()`: none of its own, e.g. `st.write` draws the element
    each argument calls for); `method` is False for commands a container does not offer."""

    name: str
    run: _Callable[..., _Any]
    draws: tuple[str, ...] | None = None
    method: bool = True

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.name,) if self.draws is None else self.draws


# The public commands, as Streamlit's API reference groups them.
_COMMANDS: tuple[_Command, ...] = (
    # Write and text
    _Command("write", write, draws=()),
    _Command("write_stream", write_stream, draws=()),  # Markdown and what st.write draws
    _Command("markdown", markdown),
    _Command("title", title),
    _Command("header", header),
    _Command("subheader", subheader),
    _Command("caption", caption),
    _Command("code", code),
    _Command("divider", divider),
    _Command("latex", latex),
    _Command("text", text),
    _Command("help", help),
    _Command("exception", exception),
    _Command("badge", badge),
    _Command("html", html),
    # Data
    _Command("dataframe", dataframe),
    _Command("table", table),
    _Command("metric", metric),
    _Command("json", json),
    # Charts and media
    _Command("line_chart", line_chart),
    _Command("area_chart", area_chart),
    _Command("bar_chart", bar_chart),
    _Command("scatter_chart", scatter_chart),
    _Command("altair_chart", altair_chart),
    _Command("vega_lite_chart", vega_lite_chart),
    _Command("pyplot", pyplot),
    _Command("plotly_chart", plotly_chart),
    _Command("graphviz_chart", graphviz_chart),
    _Command("image", image),
    _Command("iframe", iframe),
    _Command("pdf", pdf),
    _Command("map", map),
    _Command("logo", logo, method=False),  # the app's logo, not an element of a container
    _Command("audio", audio),
    _Command("video", video),
    # Input widgets
    _Command("button", button),
    _Command("menu_button", menu_button),
    _Command("download_button", download_button),
    _Command("checkbox", checkbox),
    _Command("toggle", toggle),
    _Command("radio", radio),
    _Command("selectbox", selectbox),
    _Command("multiselect", multiselect),
    _Command("pills", pills),
    _Command("segmented_control", segmented_control),
    _Command("feedback", feedback),
    _Command("pagination", pagination),
    _Command("slider", slider),
    _Command("select_slider", select_slider),
    _Command("text_input", text_input),
    _Command("text_area", text_area),
    _Command("number_input", number_input),
    _Command("date_input", date_input),
    _Command("time_input", time_input),
    _Command("datetime_input", datetime_input),
    _Command("color_picker", color_picker),
    _Command("data_editor", data_editor),
    _Command("file_uploader", file_uploader),
    _Command("camera_input", camera_input),
    _Command("audio_input", audio_input),
    _Command("widget", widget),
    _Command("link_button", link_button),
    _Command("page_link", page_link),
    # Chat
    _Command("chat_input", chat_input),
    _Command("chat_message", chat_message),
    # Layout
    _Command("columns", columns, draws=("columns", "column")),
    _Command("container", container),
    _Command("empty", empty),
    _Command("grid", grid, draws=("grid", "grid_cell")),
    _Command("skeleton", skeleton),
    _Command("expander", expander),
    _Command("popover", popover),
    _Command("tabs", tabs, draws=("tabs", "tab")),
    _Command("space", space),
    # Status
    _Command("error", error),
    _Command("warning", warning),
    _Command("info", info),
    _Command("success", success),
    _Command("progress", progress),
    _Command("status", status),
    _Command("spinner", spinner, draws=()),  # shown while its block runs, not a page element
    _Command("toast", toast, draws=()),  # float over the page
    _Command("balloons", balloons, draws=()),
    _Command("snow", snow, draws=()),
    # Execution flow
    _Command("fragment", fragment, method=False),
    _Command("rerun", rerun, draws=(), method=False),
    _Command("stop", stop, draws=(), method=False),
    _Command("dialog", dialog, method=False),  # opens a modal over the app, not in a container
    _Command("form", form),
    _Command("form_submit_button", form_submit_button),
    # Page and script
    _Command("set_page_config", set_page_config, draws=(), method=False),
    _Command("echo", echo, draws=("code",), method=False),
    # Caching
    _Command("cache_data", cache_data, draws=(), method=False),
    _Command("cache_resource", cache_resource, draws=(), method=False),
    # Connections, secrets and configuration
    _Command("connection", connection, draws=(), method=False),
    _Command("get_option", get_option, draws=(), method=False),
    _Command("set_option", set_option, draws=(), method=False),
)

# Public names of `nbfrag` that are not commands (defined in `nbfrag/__init__.py`).
_OBJECTS = (
    "session_state", "sidebar", "errors", "components", "bottom", "column_config", "secrets", "query_params", "context",
)

# Element kinds on a page that no command draws under its own name: what `print()` and
# `display()` show in an app, and custom components (`st.components.v2`). (Errors show as
# "exception", fragments as "fragment".)
_OTHER_KINDS = ("output", "component", "bottom")

_KINDS = frozenset({kind for command in _COMMANDS for kind in command.kinds} | set(_OTHER_KINDS))

if not TYPE_CHECKING:  # type checkers read the explicit imports above instead
    __all__ = [command.name for command in _COMMANDS]


def _fill_container_methods() -> None:
    """Containers run every element command as a method (`col.write(...)`)."""
    _Container.commands.update({c.name: c.run for c in _COMMANDS if c.method})
    _Container.not_elements.update({c.name for c in _COMMANDS if not c.method} | set(_OBJECTS))


_fill_container_methods()

del TYPE_CHECKING  # not a public name
_set_magic_writer(write)  # a bare expression in an app is written with st.write
_set_streamer(write_stream)  # st.write streams generators
