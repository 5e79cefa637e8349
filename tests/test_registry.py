"""The registry of public commands (`nbfrag/_api.py`) and what it produces: `nbfrag.__all__`,
container methods, the element kinds of `nbfrag.testing`, the README's API table; what a
missing name says (`nbfrag/_unsupported.py`); `st.sidebar` as a module-level object; the
README's layout; and what the wheel and sdist ship."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

import nbfrag
import nbfrag as st
from nbfrag import _api, errors
from nbfrag._elements.layout import Container
from nbfrag._unsupported import NOT_YET, REMOVED
from nbfrag.testing._elements import KINDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# Every public name of `import streamlit as st` in Streamlit 1.67.0 (lib/streamlit/__init__.py:
# the names bound there that do not start with "_", without submodules that leak in).
STREAMLIT_1_67 = frozenset({
    "App", "Page", "altair_chart", "area_chart", "audio", "audio_input", "badge", "balloons",
    "bar_chart", "bottom", "button", "cache_data", "cache_resource", "camera_input", "caption",
    "chat_input", "chat_message", "checkbox", "code", "color_picker", "column_config", "columns",
    "components", "connection", "container", "context", "data_editor", "dataframe", "date_input",
    "datetime_input", "dialog", "divider", "download_button", "echarts_chart", "echo", "empty", "error",
    "exception", "expander", "feedback", "file_uploader", "form", "form_submit_button", "fragment",
    "get_option", "graphviz_chart", "grid", "header", "help", "html", "iframe", "image", "info", "json",
    "latex", "line_chart", "link_button", "login", "logo", "logout", "map", "markdown", "menu_button",
    "mermaid_chart", "metric", "multiselect", "navigation", "number_input", "page_link", "pagination",
    "pdf", "pills", "plotly_chart", "popover", "progress", "pydeck_chart", "pyplot", "query_params",
    "radio", "rerun", "scatter_chart", "secrets", "segmented_control", "select_slider", "selectbox",
    "session_state", "set_option", "set_page_config", "sidebar", "skeleton", "slider", "snow", "space",
    "spinner", "status", "stop", "subheader", "success", "switch_page", "table", "tabs", "text",
    "text_area", "text_input", "time_input", "title", "toast", "toggle", "typing", "user",
    "vega_lite_chart", "video", "warning", "write", "write_stream"
})
BEYOND_STREAMLIT = {"widget", "errors"}  # `st.widget(any ipywidget)`, and the exception classes
PUBLIC = set(nbfrag.__all__)
# What "nbfrag's commands" lists: every public name but the `errors` module.
LISTED = PUBLIC - {"errors"}


def message(action: Any) -> str:
    with pytest.raises(AttributeError) as info:
        action()
    return str(info.value)


def section(title: str) -> str:
    """A `## title` section of the README, without its heading."""
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


# -- the table and what it produces -------------------------------------------------------------


def test_all_is_the_table_and_the_public_objects() -> None:
    assert nbfrag.__all__ == [c.name for c in _api._COMMANDS] + list(_api._OBJECTS)
    assert {"session_state", "sidebar", "errors", "components", "bottom", "column_config", "secrets", "query_params"} <= set(_api._OBJECTS)
    assert len(set(nbfrag.__all__)) == len(nbfrag.__all__)
    for name in nbfrag.__all__:
        assert getattr(nbfrag, name) is not None
    assert st.errors is errors and st.sidebar is nbfrag._elements.layout.sidebar
    assert st.components is nbfrag.components and st.components.v2.component is not None


def test_type_checkers_see_exactly_the_table() -> None:
    """mypy and IDEs cannot evaluate a computed `__all__`, so `_api` spells every command as an
    explicit re-export (`from m import x as x`) and hides `__all__`: those imports must be the table."""
    tree = ast.parse((ROOT / "nbfrag" / "_api.py").read_text(encoding="utf-8"))
    exported = [
        alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.asname == alias.name
    ]
    assert sorted(exported) == sorted(c.name for c in _api._COMMANDS)
    init = ast.parse((ROOT / "nbfrag" / "__init__.py").read_text(encoding="utf-8"))
    star = [n for n in init.body if isinstance(n, ast.ImportFrom) and n.module == "_api" and n.names[0].name == "*"]
    assert star, "nbfrag/__init__.py must re-export the registry with `from ._api import *`"
    for module in (tree, init):
        # mypy reads a computed `__all__` as "exports nothing", and skips an `if` only when its
        # test is the plain name TYPE_CHECKING imported from typing (an alias is not skipped).
        assert any(
            isinstance(n, ast.ImportFrom) and n.module == "typing" and ("TYPE_CHECKING", None) in [(a.name, a.asname) for a in n.names]
            for n in module.body
        )
        hidden = [
            n for n in module.body
            if isinstance(n, ast.If) and ast.unparse(n.test) == "not TYPE_CHECKING"
            and any(isinstance(t, ast.Name) and t.id == "__all__" for a in n.body if isinstance(a, ast.Assign) for t in a.targets)
        ]
        visible = [a for a in module.body if isinstance(a, ast.Assign) and "__all__" in ast.unparse(a.targets[0])]
        assert len(hidden) == 1 and visible == []


def test_container_methods_are_the_element_commands() -> None:
    flow = {command.name for command in _api._COMMANDS if not command.method}
    assert {"fragment", "rerun", "stop", "cache_data", "cache_resource", "set_page_config", "echo"} <= flow
    assert set(Container.commands) == PUBLIC - flow - set(_api._OBJECTS)
    assert all(Container.commands[name] is getattr(st, name) for name in Container.commands)
    assert Container.not_elements == flow | set(_api._OBJECTS)


def test_testing_knows_every_kind_the_commands_draw(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st").run()
    for kind in ("column", "tab", "output", "fragment", "exception", "button", "columns", "widget"):
        assert kind in KINDS and list(getattr(at, kind)) == []
    for not_a_kind in ("write", "spinner", "rerun"):  # (`at.toast`: the toasts, as Streamlit has it)
        assert not_a_kind not in KINDS
        with pytest.raises(AttributeError, match=f"has no attribute {not_a_kind!r}"):
            getattr(at, not_a_kind)


DRAW_ALMOST_EVERYTHING = """
import datetime
import ipywidgets
import nbfrag as st

st.write("**w**")
st.markdown("m"); st.title("t"); st.header("h"); st.subheader("s"); st.caption("c")
st.code("x = 1"); st.divider(); st.latex("x^2"); st.text("t"); st.help(len)
st.exception(ValueError("v")); st.metric("m", 1); st.json({"a": 1})
st.line_chart({"a": [1, 2]}); st.area_chart({"a": [1, 2]}); st.bar_chart({"a": [1, 2]})
st.scatter_chart({"a": [1, 2], "b": [3, 4]}, x="a", y="b")
st.vega_lite_chart({"a": [1, 2]}, {"mark": "bar", "encoding": {"y": {"field": "a", "type": "quantitative"}}})
import altair
st.altair_chart(altair.Chart(altair.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q"))
st.button("b"); st.checkbox("c"); st.toggle("t"); st.radio("r", ["a"]); st.selectbox("s", ["a"])
st.multiselect("m", ["a"]); st.slider("sl"); st.select_slider("ss", ["a", "b"])
st.pills("pl", ["a"]); st.segmented_control("sc", ["a"]); st.feedback(); st.pagination(3)
st.menu_button("mb", ["a"])
st.text_input("ti"); st.text_area("ta"); st.number_input("n"); st.date_input("d", datetime.date(2024, 1, 1))
st.time_input("tm", datetime.time(12, 0)); st.color_picker("cp"); st.widget(ipywidgets.IntSlider())
st.dataframe({"a": [1]}); st.data_editor({"a": [1]})
st.datetime_input("dt", datetime.datetime(2024, 1, 1, 12, 0))
st.file_uploader("fu"); st.download_button("db", "data"); st.camera_input("cam"); st.audio_input("mic")
st.file_uploader("fu2"); st.audio(b"RIFF"); st.video("https://example.com/v.mp4")
st.columns(2); st.container(); st.empty(); st.expander("e"); st.tabs(["a"]); st.popover("p")
st.write_stream(["streamed"]); st.chat_message("user"); st.chat_input("say"); st.status("s")
st.error("e"); st.warning("w"); st.info("i"); st.success("s"); st.progress(10)
with st.spinner("wait"):
    pass
st.toast("t"); st.balloons(); st.snow()
st.badge("b"); st.html("<b>h</b>"); st.link_button("l", "https://example.com"); st.space()
st.page_link("https://example.com", label="p"); st.logo("🌿"); st.iframe("<p>framed</p>")
st.pdf(b"%PDF-1.4"); st.graphviz_chart("digraph { a -> b }")
st.bottom.text("at the bottom"); st.grid(2).cell().text("in a cell"); st.skeleton(); st.map({"lat": [1.0], "lon": [2.0]}); st.components.v2.component("c", html="<i>c</i>")()
with st.form("form"):
    st.form_submit_button()
st.get_option("theme.base"); st.set_option("client.toolbarMode", "auto")
st.connection("registry", type="sql", url="sqlite://").query("SELECT 1")

@st.fragment
def part():
    st.text("inside")

part()
print("printed")

@st.dialog("d")
def ask():
    st.text("in the dialog")

ask()
"""
NOT_DRAWN_ABOVE = {"table", "image", "pyplot", "plotly_chart", "rerun", "stop"}


def test_each_command_draws_the_kinds_the_table_says(app_test: Any) -> None:
    """The table's `draws` are the truth: an app calling the commands shows exactly their kinds."""
    at = app_test.from_string(DRAW_ALMOST_EVERYTHING).run()
    shown = {element.kind for element in at.elements()}
    called = [c for c in _api._COMMANDS if c.name not in NOT_DRAWN_ABOVE]
    assert shown == {kind for c in called for kind in c.kinds} | set(_api._OTHER_KINDS)
    assert shown <= KINDS


# -- Streamlit's API: in nbfrag, or not yet ------------------------------------------------------


def test_every_streamlit_name_is_in_nbfrag_or_listed_as_not_yet() -> None:
    assert set(NOT_YET).isdisjoint(PUBLIC), "a command now in the registry must leave NOT_YET"
    assert PUBLIC - STREAMLIT_1_67 == BEYOND_STREAMLIT
    assert set(NOT_YET) == STREAMLIT_1_67 - PUBLIC
    assert set(REMOVED).isdisjoint(STREAMLIT_1_67)
    assert {s for successors in REMOVED.values() for s in successors} <= STREAMLIT_1_67


@pytest.mark.parametrize("name", sorted(NOT_YET))
def test_a_streamlit_command_nbfrag_lacks_says_so_and_what_to_use(name: str) -> None:
    said = message(lambda: getattr(nbfrag, name))
    prefix = f"st.{name} is a Streamlit command that nbfrag does not support yet. Instead: "
    assert said.startswith(prefix) and len(said) > len(prefix) + 10
    assert not hasattr(nbfrag, name)
    assert message(lambda: getattr(st.sidebar, name)) == said


def test_the_pydeck_message_points_at_an_ipywidget() -> None:
    said = message(lambda: st.pydeck_chart)
    assert said.startswith("st.pydeck_chart is a Streamlit command that nbfrag does not support yet. Instead: st.widget(")
    assert "ipyleaflet" in said


def test_any_other_missing_name_lists_only_real_commands() -> None:
    said = message(lambda: st.no_such_command)
    head = "module 'nbfrag' has no attribute 'no_such_command'. nbfrag's commands: "
    assert said.startswith(head) and said.endswith(".")
    listed = said[len(head):-1].split(", ")
    assert listed == sorted(LISTED)
    assert "load_ipython_extension" not in listed and "errors" not in listed and "state" not in listed


def test_a_typo_or_a_removed_name_gets_a_suggestion() -> None:
    assert message(lambda: st.buton).startswith("module 'nbfrag' has no attribute 'buton'. Did you mean st.button? ")
    assert message(lambda: st.experimental_rerun) == (
        "module 'nbfrag' has no attribute 'experimental_rerun'. st.experimental_rerun was removed from "
        "Streamlit: use st.rerun instead."
    )
    assert message(lambda: st.cache) == (
        "module 'nbfrag' has no attribute 'cache'. st.cache was removed from Streamlit: use st.cache_data or "
        "st.cache_resource instead."
    )
    assert message(lambda: st.experimental_memo).endswith("removed from Streamlit: use st.cache_data instead.")
    assert message(lambda: st.experimental_singleton).endswith("removed from Streamlit: use st.cache_resource instead.")
    assert message(lambda: st._private) == "module 'nbfrag' has no attribute '_private'"


def test_the_state_alias_is_gone() -> None:
    assert not hasattr(nbfrag, "state")
    assert "state" not in dir(nbfrag) and "state" not in nbfrag.__all__
    assert "session_state" in dir(nbfrag)


def test_a_container_tells_the_same_apart(app_test: Any) -> None:
    at = app_test.from_string(
        """
import nbfrag as st
col, = st.columns(1)
for name in ("pydeck_chart", "buton", "rerun", "experimental_rerun"):
    try:
        getattr(col, name)
    except AttributeError as error:
        st.text(str(error))
col.text("still works")
"""
    ).run()
    still, not_yet, typo, flow, removed = at.text.values  # page order: the column first
    assert not_yet.startswith(
        "st.pydeck_chart is a Streamlit command that nbfrag does not support yet. Instead: st.widget(ipyleaflet"
    )
    assert typo.startswith("'Container' object has no attribute 'buton'. Did you mean .button()? A container's commands: ")
    assert typo.endswith(", ".join(sorted(Container.commands)) + ".")
    assert flow == "'rerun' is not an element, so a container has no `.rerun()`: use st.rerun directly."
    assert removed.endswith("st.experimental_rerun was removed from Streamlit: use st.rerun instead.")
    assert still == "still works" and at.column[0].text.values == ["still works"]


# -- st.sidebar: an object that finds the running app's sidebar where it is used -----------------


def test_the_public_face_works_outside_an_app() -> None:
    """Looking names up, `help`, `inspect` and `import *` never need an app; using the sidebar does."""
    script = """
import inspect, io, json, contextlib
import nbfrag
members = dict(inspect.getmembers(nbfrag))
page = io.StringIO()
with contextlib.redirect_stdout(page):
    help(nbfrag)
namespace = {}
exec("from nbfrag import *", namespace)
from nbfrag import sidebar
try:
    sidebar.write("x")
except Exception as error:
    used = f"{type(error).__name__}: {error}"
print(json.dumps({
    "hasattr": hasattr(nbfrag, "sidebar"), "member": members["sidebar"] is sidebar,
    "help": page.getvalue(), "star": sorted(k for k in namespace if k != "__builtins__"),
    "used": used, "repr": repr(sidebar),
}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True, cwd=ROOT, timeout=120,
        stdin=subprocess.DEVNULL, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["hasattr"] and seen["member"]
    assert "Help on package nbfrag" in seen["help"] and "button(label" in seen["help"]
    assert "sidebar = st.sidebar" in seen["help"]
    assert seen["star"] == sorted(nbfrag.__all__)
    assert seen["used"].startswith("StreamlitAPIException: st.sidebar needs an app area to stand beside")
    assert seen["repr"] == "st.sidebar (the sidebar of the running %%app cell)"


def test_the_sidebar_is_used_in_the_app_that_runs(nb: Any) -> None:
    """One object for every app: each app's code draws into its own sidebar."""
    first = nb.app("import nbfrag as st\nst.sidebar.write('first menu')\nst.write('first body')")
    second = nb.app("import nbfrag as st\nwith st.sidebar:\n    st.write('second menu')\n")
    assert repr(first).startswith("sidebar:\n  first menu\n") and "second" not in repr(first)
    assert repr(second).startswith("sidebar:\n  second menu") and "first" not in repr(second)


def test_the_sidebar_may_be_looked_up_in_a_fragment_but_not_used_there(nb: Any) -> None:
    host = nb.app(
        """
import nbfrag as st

@st.fragment
def bad():
    side = st.sidebar
    st.text(f"looked up: {side is st.sidebar}")
    side.write("x")

bad()
"""
    )
    text = repr(host)
    assert "looked up: True" in text
    assert "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported." in text


def test_a_sidebar_in_a_plain_cell_is_a_clear_error_where_it_is_used() -> None:
    side = st.sidebar  # looking it up is fine anywhere
    for use in (lambda: side.write("x"), lambda: side.__enter__()):
        with pytest.raises(errors.StreamlitAPIException, match=r"needs an app area .* put the app in an `%%app` cell"):
            use()


# -- the README -----------------------------------------------------------------------------------


def st_names(text: str) -> set[str]:
    """`st.x` names in the code spans of `text`; `st.title/header` names both."""
    names: set[str] = set()
    for span in re.findall(r"`([^`]*)`", text):
        for found in re.finditer(r"\bst\.([A-Za-z_]+)((?:/[A-Za-z_]+)*)", span):
            names.add(found.group(1))
            names.update(n for n in found.group(2).split("/") if n)
    return names


def test_the_readme_api_table_lists_every_public_name_and_nothing_else() -> None:
    rows = [line for line in section("Streamlit API -> nbfrag").splitlines() if line.startswith(("| `", "| —"))]
    assert len(rows) > 30
    listed = set().union(*(st_names("|".join(row.split("|")[1:3])) for row in rows))
    assert listed - LISTED == set(), "the table names something nbfrag does not have"
    assert LISTED - listed == set(), "add a row for these commands to the README's API table"


def test_the_readme_not_supported_list_is_the_not_yet_table() -> None:
    listed = st_names(section("Not supported (yet)").split("\n* ", 1)[1])  # the list, not the intro
    assert listed - set(NOT_YET) == set(), "the README lists these as unsupported, but they are not in NOT_YET"
    assert set(NOT_YET) - listed == set(), "add these to the README's 'Not supported (yet)' list"


def test_the_readme_layout_names_every_part_of_the_package() -> None:
    layout = section("Layout")
    named = set(re.findall(r"`(nbfrag/[\w/.]*)`", layout))
    for path in named:
        assert (ROOT / path).exists(), f"the README's layout names {path}, which does not exist"
    package = ROOT / "nbfrag"
    parts = {f"nbfrag/{p.name}/" for p in package.iterdir() if (p / "__init__.py").exists()}
    parts |= {f"nbfrag/{p.name}" for p in package.glob("*.py")}
    assert parts - named == set(), "describe these in the README's Layout section"


# -- packaging ------------------------------------------------------------------------------------


def test_the_wheel_and_sdist_ship_the_license_and_py_typed(tmp_path: Path) -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("BSD 3-Clause License\n") and "the nbfrag developers" in license_text
    wheel = next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    sdist = next(SdistBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"nbfrag-{nbfrag.__version__}.dist-info/METADATA").decode()
        shipped = archive.read(f"nbfrag-{nbfrag.__version__}.dist-info/licenses/LICENSE").decode()
    assert "nbfrag/py.typed" in names and "nbfrag/_unsupported.py" in names
    modules = {f"nbfrag/static/{path.name}" for path in (ROOT / "js").glob("*.js")}
    assert modules and modules <= names, f"js modules missing from the wheel: {sorted(modules - names)}"
    assert shipped == license_text
    assert "License-Expression: BSD-3-Clause" in metadata and "License-File: LICENSE" in metadata
    with tarfile.open(sdist) as archive:
        members = set(archive.getnames())
    assert {f"nbfrag-{nbfrag.__version__}/{name}" for name in ("LICENSE", "nbfrag/py.typed", "pyproject.toml")} <= members
