"""Every command nbfrag shares with Streamlit 1.67 takes Streamlit's parameters: the same names,
each positional-or-keyword or keyword-only as in Streamlit, in Streamlit's positional order.

`STREAMLIT` holds the 1.67 signatures (names only, no defaults), written as Python writes a
parameter list: a bare `*` starts the keyword-only parameters, `*args`/`**kwargs` are the
variadic ones. Names starting with `_` (Streamlit's internal `_cache` of `st.spinner`) are left
out. The list covers the commands nbfrag has and those it does not have yet (`NOT_YET` in
`nbfrag/_unsupported.py`), so a command checks itself the day it is added. It was taken from
`inspect.signature` of Streamlit 1.67.0's public commands.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from nbfrag import _api
from nbfrag._unsupported import NOT_YET

STREAMLIT: dict[str, str] = {
    "App": "script_path, *, secrets, lifespan, routes, middleware, on_script_error, exception_handlers, debug",
    "Page": "page, *, title, icon, url_path, default, visibility, help",
    "altair_chart": (
        "altair_chart, *, width, height, use_container_width, theme, key, on_select, selection_mode, alt"
    ),
    "area_chart": "data, *, x, y, x_label, y_label, color, stack, width, height, use_container_width, alt",
    "audio": "data, format, start_time, *, sample_rate, end_time, loop, autoplay, alt, width",
    "audio_input": "label, *, sample_rate, key, help, on_change, args, kwargs, disabled, label_visibility, width",
    "badge": "label, *, icon, color, width, help",
    "balloons": "",
    "bar_chart": (
        "data, *, x, y, x_label, y_label, color, horizontal, sort, stack, width, height, "
        "use_container_width, alt"
    ),
    "button": (
        "label, key, help, on_click, args, kwargs, *, type, icon, icon_position, disabled, "
        "use_container_width, width, shortcut, wrap"
    ),
    "cache_data": (
        "func, *, ttl, max_entries, max_size, show_spinner, show_time, persist, hash_funcs, scope, "
        "refresh_mode"
    ),
    "cache_resource": (
        "func, *, ttl, max_entries, show_spinner, show_time, validate, hash_funcs, on_release, scope, "
        "refresh_mode"
    ),
    "camera_input": "label, key, help, on_change, args, kwargs, *, disabled, label_visibility, resolution, width",
    "caption": "body, unsafe_allow_html, *, help, width, text_alignment, wrap",
    "chat_input": (
        "placeholder, *, key, max_chars, max_upload_size, accept_file, file_type, accept_audio, "
        "audio_sample_rate, disabled, submit_mode, on_submit, args, kwargs, width, height"
    ),
    "chat_message": "name, *, avatar, width",
    "checkbox": (
        "label, value, key, help, on_change, args, kwargs, *, disabled, label_visibility, width, wrap, "
        "bind, persist_state"
    ),
    "code": "body, language, *, line_numbers, wrap_lines, height, width",
    "color_picker": (
        "label, value, key, help, on_change, args, kwargs, *, disabled, label_visibility, width, bind, "
        "persist_state"
    ),
    "columns": "spec, *, gap, vertical_alignment, border, width, wrap",
    "connection": "name, type, max_entries, ttl, **kwargs",
    "container": (
        "*, border, key, width, height, horizontal, wrap, horizontal_alignment, vertical_alignment, gap, "
        "autoscroll"
    ),
    "data_editor": (
        "data, *, width, height, use_container_width, hide_index, column_order, column_config, num_rows, "
        "disabled, key, on_change, args, kwargs, row_height, placeholder, alt"
    ),
    "dataframe": (
        "data, width, height, *, use_container_width, hide_index, column_order, column_config, key, "
        "on_select, selection_mode, selection_default, row_height, placeholder, lazy, alt"
    ),
    "date_input": (
        "label, value, min_value, max_value, key, help, on_change, args, kwargs, *, format, disabled, "
        "required, label_visibility, width, bind, persist_state"
    ),
    "datetime_input": (
        "label, value, min_value, max_value, *, key, help, on_change, args, kwargs, format, step, "
        "disabled, required, label_visibility, width, bind, persist_state"
    ),
    "dialog": "title, *, width, position, dismissible, icon, on_dismiss",
    "divider": "*, width",
    "download_button": (
        "label, data, file_name, mime, key, help, on_click, args, kwargs, *, type, icon, icon_position, "
        "disabled, use_container_width, width, shortcut, wrap"
    ),
    "echarts_chart": "spec, *, width, height, theme, key, on_select, renderer, alt",
    "echo": "code_location",
    "empty": "",
    "error": "body, *, icon, width, title",
    "exception": "exception, width",
    "expander": "label, expanded, *, key, icon, type, width, on_change, args, kwargs, bind",
    "feedback": "options, *, key, default, disabled, on_change, args, kwargs, width, bind, persist_state",
    "file_uploader": (
        "label, type, accept_multiple_files, key, help, on_change, args, kwargs, *, max_upload_size, "
        "disabled, label_visibility, width"
    ),
    "form": "key, clear_on_submit, *, enter_to_submit, border, width, height",
    "form_submit_button": (
        "label, help, on_click, args, kwargs, *, key, type, icon, icon_position, disabled, "
        "use_container_width, width, shortcut, wrap"
    ),
    "fragment": "func, *, run_every, parallel, key",
    "get_option": "key",
    "graphviz_chart": "figure_or_dot, use_container_width, *, width, height, alt",
    "grid": (
        "columns, *, min_column_width, wrap, gap, vertical_alignment, border, row_height, width, height, "
        "key, dense"
    ),
    "header": "body, anchor, *, help, icon, divider, width, text_alignment, wrap",
    "help": "obj, *, width",
    "html": "body, *, width, unsafe_allow_javascript",
    "iframe": "src, *, width, height, tab_index, alt",
    "image": (
        "image, caption, width, clamp, channels, output_format, *, use_container_width, link, "
        "use_column_width, alt"
    ),
    "info": "body, *, icon, width, title",
    "json": "body, *, expanded, width",
    "latex": "body, *, help, width",
    "line_chart": "data, *, x, y, x_label, y_label, color, width, height, use_container_width, alt",
    "link_button": (
        "label, url, *, key, on_click, args, kwargs, help, type, icon, icon_position, disabled, "
        "use_container_width, width, shortcut, wrap"
    ),
    "login": "provider",
    "logo": "image, *, size, link, icon_image",
    "logout": "",
    "map": "data, *, latitude, longitude, color, size, zoom, width, height, use_container_width, alt",
    "markdown": "body, unsafe_allow_html, *, help, width, text_alignment, anchors, wrap",
    "menu_button": (
        "label, options, *, key, help, on_click, args, kwargs, type, icon, disabled, width, format_func, "
        "wrap"
    ),
    "mermaid_chart": "body, *, width, alt",
    "metric": (
        "label, value, delta, delta_color, *, help, icon, label_visibility, border, width, height, "
        "chart_data, chart_type, delta_arrow, format, delta_description"
    ),
    "multiselect": (
        "label, options, default, format_func, key, help, on_change, args, kwargs, *, max_selections, "
        "placeholder, disabled, label_visibility, accept_new_options, filter_mode, select_all, width, "
        "wrap, bind, persist_state"
    ),
    "navigation": "pages, *, position, expanded",
    "number_input": (
        "label, min_value, max_value, value, step, format, key, help, on_change, args, kwargs, *, "
        "placeholder, disabled, required, label_visibility, icon, width, bind, persist_state"
    ),
    "page_link": "page, *, label, icon, icon_position, help, disabled, use_container_width, width, query_params",
    "pagination": (
        "num_pages, *, default, max_visible_pages, width, key, on_change, args, kwargs, disabled, bind, "
        "persist_state"
    ),
    "pdf": "data, *, height, key, alt",
    "pills": (
        "label, options, *, selection_mode, default, required, format_func, key, help, on_change, args, "
        "kwargs, disabled, label_visibility, width, wrap, bind, persist_state"
    ),
    "plotly_chart": (
        "figure_or_data, use_container_width, *, width, height, theme, key, on_select, selection_mode, "
        "config, alt"
    ),
    "popover": (
        "label, *, type, help, icon, disabled, use_container_width, width, wrap, key, on_change, args, "
        "kwargs"
    ),
    "progress": "value, text, width",
    "pydeck_chart": "pydeck_obj, *, width, use_container_width, height, selection_mode, on_select, key, alt",
    "pyplot": "fig, clear_figure, *, width, use_container_width, alt, **kwargs",
    "radio": (
        "label, options, index, format_func, key, help, on_change, args, kwargs, *, disabled, "
        "horizontal, captions, label_visibility, width, bind, persist_state"
    ),
    "rerun": "scope",
    "scatter_chart": "data, *, x, y, x_label, y_label, color, size, width, height, use_container_width, alt",
    "segmented_control": (
        "label, options, *, selection_mode, default, required, format_func, key, help, on_change, args, "
        "kwargs, disabled, label_visibility, width, wrap, bind, persist_state"
    ),
    "select_slider": (
        "label, options, value, format_func, key, help, on_change, args, kwargs, *, disabled, "
        "label_visibility, width, bind, persist_state"
    ),
    "selectbox": (
        "label, options, index, format_func, key, help, on_change, args, kwargs, *, placeholder, "
        "disabled, required, label_visibility, icon, accept_new_options, filter_mode, width, bind, "
        "persist_state"
    ),
    "set_option": "key, value",
    "set_page_config": "page_title, page_icon, layout, initial_sidebar_state, menu_items",
    "skeleton": "height, *, width",
    "slider": (
        "label, min_value, max_value, value, step, format, key, help, on_change, args, kwargs, *, "
        "disabled, label_visibility, width, bind, persist_state"
    ),
    "snow": "",
    "space": "size",
    "spinner": "text, *, show_time, width",
    "status": "label, *, expanded, state, type, width",
    "stop": "",
    "subheader": "body, anchor, *, help, icon, divider, width, text_alignment, wrap",
    "success": "body, *, icon, width, title",
    "switch_page": "page, *, query_params",
    "table": "data, *, border, width, height, hide_index, hide_header, alt",
    "tabs": "tabs, *, width, height, default, key, on_change, args, kwargs, bind",
    "text": "body, *, help, width, text_alignment, wrap",
    "text_area": (
        "label, value, height, max_chars, key, help, on_change, args, kwargs, *, placeholder, disabled, "
        "required, label_visibility, width, bind, persist_state"
    ),
    "text_input": (
        "label, value, max_chars, key, type, help, autocomplete, on_change, args, kwargs, *, "
        "placeholder, disabled, required, label_visibility, icon, validate, live, width, bind, "
        "persist_state"
    ),
    "time_input": (
        "label, value, key, help, on_change, args, kwargs, *, disabled, required, label_visibility, "
        "step, format, width, bind, persist_state"
    ),
    "title": "body, anchor, *, help, icon, width, text_alignment, wrap",
    "toast": "body, *, icon, duration",
    "toggle": (
        "label, value, key, help, on_change, args, kwargs, *, disabled, label_visibility, width, wrap, "
        "bind, persist_state"
    ),
    "vega_lite_chart": (
        "data, spec, *, width, height, use_container_width, theme, key, on_select, selection_mode, alt"
    ),
    "video": "data, format, start_time, *, subtitles, end_time, loop, autoplay, muted, alt, width",
    "warning": "body, *, icon, width, title",
    "write": "*args, unsafe_allow_html",
    "write_stream": "stream, *, cursor",
}

# Known differences still being worked on elsewhere, with why; each is a strict xfail, so the
# test says when one is fixed and its line should go.
PENDING: dict[str, str] = {}

# nbfrag's own public names, which Streamlit does not have.
NBFRAG_ONLY = {"widget", "errors", "session_state", "sidebar"}


def parameter_list(func: Any) -> str:
    """A signature's parameters as `STREAMLIT` writes them."""
    parts: list[str] = []
    keyword_only = False
    for param in inspect.signature(func).parameters.values():
        if param.kind is param.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
            keyword_only = True
        if param.kind is param.VAR_POSITIONAL:
            parts.append(f"*{param.name}")
            keyword_only = True
        elif param.kind is param.VAR_KEYWORD:
            parts.append(f"**{param.name}")
        elif param.kind in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY):
            parts.append(param.name)
        else:  # positional-only: a Streamlit app could not pass it by name
            parts.append(f"{param.name} (positional-only)")
    return ", ".join(parts)


SHARED = sorted(set(STREAMLIT) & set(_api.__all__))


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(reason=PENDING[n], strict=True)) if n in PENDING else n for n in SHARED],
)
def test_the_command_takes_streamlits_parameters(name: str) -> None:
    assert parameter_list(getattr(_api, name)) == STREAMLIT[name]


def test_every_streamlit_command_of_nbfrag_is_checked() -> None:
    """A command added to nbfrag must be one of Streamlit's with its reference here."""
    public = {name for name in _api.__all__ if callable(getattr(_api, name))} - NBFRAG_ONLY
    assert sorted(public - set(STREAMLIT)) == []
    assert len(SHARED) >= 50


def test_the_reference_covers_the_commands_nbfrag_lacks() -> None:
    """Streamlit's names without a signature (modules, objects) are the only ones left out."""
    without_signature = {"bottom", "column_config", "components", "context", "query_params", "secrets", "typing", "user"}
    assert sorted(set(NOT_YET) - set(STREAMLIT) - without_signature) == []


def test_the_rendering_reads_kinds_and_order() -> None:
    def sample(a: int, b: int = 0, *args: Any, c: int, **kwargs: Any) -> None: ...

    def positional_only(a: int, /, b: int) -> None: ...

    assert parameter_list(sample) == "a, b, *args, c, **kwargs"
    assert parameter_list(positional_only) == "a (positional-only), b"
    assert parameter_list(lambda x, *, y: None) == "x, *, y"
