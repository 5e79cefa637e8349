"""Plain cells, `%%app` re-execution, and the extension itself."""

import pytest
from conftest import buttons, click, hosts, model_count

import nbfrag as st

PLAIN = (
    "import nbfrag as st\n"
    "st.session_state.setdefault('n', 0)\n"
    "@st.fragment\n"
    "def counter():\n"
    "    if st.button('plain +1'):\n"
    "        st.session_state.n += 1\n"
    "    st.write(f'n={st.session_state.n}')\n"
    "counter()\n"
)


def areas():
    from ipywidgets.widgets.widget import _instances

    return [w for w in list(_instances.values()) if "nbfrag-fragment" in getattr(w, "_dom_classes", ())]


def test_fragment_in_a_plain_cell_reruns_on_its_own_widgets(nb, capsys):
    nb.run(PLAIN)
    (area,) = areas()
    assert repr(area) == "[plain +1]\nn=0"
    assert "[plain +1]\nn=0" in capsys.readouterr().out  # displayed once, complete
    click("plain +1")
    assert repr(area) == "[plain +1]\nn=1"


def test_rerun_in_a_plain_cell_reexecutes_its_source(nb):
    nb.run(
        "import nbfrag as st\n"
        "st.session_state.setdefault('cell_runs', 0)\n"
        "st.session_state.cell_runs += 1\n"
        "@st.fragment\n"
        "def f():\n"
        "    if st.button('full rerun'):\n"
        "        st.rerun()\n"
        "    st.write(f'cell runs: {st.session_state.cell_runs}')\n"
        "f()\n"
    )
    (area,) = areas()
    click("full rerun")
    assert st.session_state.cell_runs == 2
    assert repr(area) == "[full rerun]\ncell runs: 2"  # the same area, updated in place
    assert areas() == [area]


def test_rerun_in_a_plain_cell_without_the_extension_says_how_to_enable_it(nb):
    from nbfrag._runtime import magics as _magics

    nb.shell.events.unregister("pre_run_cell", _magics._record_source)
    try:
        nb.run(
            "import nbfrag as st\n"
            "@st.fragment\n"
            "def f():\n"
            "    if st.button('needs source'):\n"
            "        st.rerun()\n"
            "f()\n"
        )
    finally:
        nb.shell.events.register("pre_run_cell", _magics._record_source)
    click("needs source")
    (area,) = areas()
    assert repr(area).startswith("[needs source]\nnbfrag.errors.NoAppError: This plain cell cannot be rerun")
    assert "%load_ext nbfrag" in repr(area)


def test_a_fragments_stop_or_error_in_a_plain_cell_shows_in_its_area_and_the_cell_goes_on(nb, capsys):
    nb.run(
        "import nbfrag as st\n"
        "@st.fragment\n"
        "def stops():\n"
        "    st.write('before stop')\n"
        "    st.stop()\n"
        "    st.write('not drawn')\n"
        "stops()\n"
        "@st.fragment\n"
        "def fails():\n"
        "    raise ValueError('in the fragment')\n"
        "fails()\n"
        "st.write('the cell went on')\n"
    )
    stopped, failed = areas()
    assert repr(stopped) == "before stop"
    assert repr(failed) == "ValueError: in the fragment"
    assert "the cell went on" in capsys.readouterr().out


def test_top_level_elements_of_a_plain_cell_are_displayed_as_they_come(nb, capsys):
    nb.run("import nbfrag as st\nst.header('Hello')\nprint('between')\nst.write('world')\n")
    out = capsys.readouterr().out
    assert out.index("## Hello") < out.index("between") < out.index("world")


def test_reexecuting_an_app_cell_reuses_its_widgets(nb):
    source = "import nbfrag as st\nst.button('keep me')\nst.write('text')\n"
    first = nb.app(source, cell_id="cell-1")
    button = buttons("keep me")[0]
    before = model_count()
    second = nb.app(source, cell_id="cell-1")
    assert second is first and buttons("keep me") == [button]
    assert model_count() == before  # nothing closed, nothing created


def test_reexecuting_an_edited_app_cell_replaces_the_app(nb):
    nb.app("import nbfrag as st\nst.button('old')\n", cell_id="cell-2")
    old = buttons("old")[0]
    nb.app("import nbfrag as st\nst.button('new')\n", cell_id="cell-2")
    assert old.comm is None and buttons("old") == [] and len(buttons("new")) == 1
    assert repr(hosts()[-1]) == "[new]"


def test_reexecuting_a_plain_cell_replaces_its_app(nb):
    nb.run(PLAIN, cell_id="cell-3")
    old = buttons("plain +1")[0]
    nb.run(PLAIN, cell_id="cell-3")
    assert old.comm is None and len(buttons("plain +1")) == 1


def test_several_app_cells_coexist(nb):
    a = nb.app("import nbfrag as st\nst.write('A')\n")
    b = nb.app("import nbfrag as st\nst.write('B')\n")
    assert repr(a) == "A" and repr(b) == "B" and a.comm is not None


def test_load_ext_twice_changes_nothing(nb):
    nb.shell.run_line_magic("load_ext", "nbfrag")
    nb.shell.run_line_magic("reload_ext", "nbfrag")
    from nbfrag._runtime import magics as _magics

    assert nb.shell.events.callbacks["pre_run_cell"].count(_magics._record_source) == 1
    assert "app" in nb.shell.magics_manager.magics["cell"]


def test_rerun_outside_any_app_is_a_clear_error():
    with pytest.raises(st.errors.NoAppError, match="can only be called while"):
        st.rerun()


def test_unknown_attribute_lists_what_exists():
    with pytest.raises(AttributeError, match="nbfrag's commands: .*button"):
        st.no_such_command  # noqa: B018 - the lookup is what raises
