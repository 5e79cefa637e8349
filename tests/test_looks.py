"""The look of an app without a browser (issue 14): one stylesheet per app, and the classes
the commands give their widgets when they build them (the browser measurements are in
tests/e2e/test_looks.py). Default Layout and Style models are shared and never change."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pytest
from test_widgets import find, walk

from nbfrag._runtime.models import SharedPartChanged, is_shared, set_layout, shared
from nbfrag._runtime.static import static_file
from nbfrag._runtime.stylesheet import Stylesheet
from nbfrag._widgets.multiselect import Tags

ST = "import nbfrag as st\n"


def classes(widget: Any) -> set[str]:
    return set(widget._dom_classes)


def test_an_app_loads_the_stylesheet_once(nb: Any) -> None:
    host = nb.app(ST + "st.text('a')\nst.sidebar.text('b')")
    sheets = [w for w in walk(host) if isinstance(w, Stylesheet)]
    assert len(sheets) == 1 and sheets[0]._css == static_file("nbfrag.css").read_text(encoding="utf-8")
    assert ".nbfrag-input > .widget-label" in sheets[0]._css
    assert repr(host).splitlines() == ["sidebar:", "  b", "a"]  # not part of the page's text


def test_buttons_carry_their_kind_and_width_as_classes(nb: Any) -> None:
    host = nb.app(
        ST + "kind = st.session_state.get('kind', 'primary')\n"
        "st.button('Go', type=kind)\nst.button('Wide', use_container_width=True)\n"
        "st.button('Text', type='tertiary')"
    )
    go = find(host, widgets.Button, "Go")
    assert {"nbfrag-button", "nbfrag-kind-primary"} <= classes(go) and go.button_style == "primary"
    assert "nbfrag-width-stretch" in classes(find(host, widgets.Button, "Wide"))
    assert "nbfrag-kind-tertiary" in classes(find(host, widgets.Button, "Text"))
    assert is_shared(go.layout) and is_shared(go.style)  # its look is the stylesheet's


def test_inputs_carry_label_help_and_state_classes(nb: Any) -> None:
    host = nb.app(
        ST + "st.text_input('Shown', help='why')\nst.text_input('Hidden', label_visibility='hidden')\n"
        "st.text_input('Gone', label_visibility='collapsed', disabled=True)"
    )
    shown, hidden, gone = [w for w in walk(host) if isinstance(w, widgets.Text)]
    assert {"nbfrag-input", "nbfrag-text-input", "nbfrag-help-shown"} <= classes(shown)
    assert "nbfrag-label-hidden" in classes(hidden) and hidden.description == ""
    assert {"nbfrag-label-collapsed", "nbfrag-input-disabled"} <= classes(gone)


def test_the_toggle_is_a_switch_and_the_multiselect_tags(nb: Any) -> None:
    host = nb.app(ST + "st.toggle('Live', True)\nst.multiselect('Crew', ['Ada', 'Grace'], ['Grace'])")
    toggle = find(host, widgets.Checkbox, "Live")
    assert "nbfrag-toggle" in classes(toggle) and toggle.value is True
    tags = find(host, Tags)
    assert tags.value == ["Grace"] and tags.allowed_tags == ["Ada", "Grace"]
    assert tags.placeholder == "Choose options"
    assert repr(host).splitlines() == ["(on) Live", "Crew: [Grace]"]


def test_a_phone_gets_a_closed_sidebar_with_a_handle_until_it_is_opened(nb: Any) -> None:
    host = nb.app(ST + "st.sidebar.write('menu')")
    side = host.children[0]
    handle = [w for w in side.children if "nbfrag-sidebar-phone-toggle" in classes(w)]
    assert len(handle) == 1 and "nbfrag-sidebar-open" not in classes(side)  # auto: closed on a phone
    handle[0].click()
    assert "nbfrag-sidebar-open" in classes(side)  # opened: open everywhere, the handle goes
    assert not [w for w in side.children if "nbfrag-sidebar-phone-toggle" in classes(w)]
    host = nb.app(ST + "st.set_page_config(initial_sidebar_state='expanded')\nst.sidebar.write('menu')")
    assert "nbfrag-sidebar-open" in classes(host.children[0])


def test_shared_parts_are_shared_never_changed_and_never_closed(nb: Any) -> None:
    host = nb.app(ST + "st.text('one')\nst.text('two')")
    one, two = [w for w in walk(host) if isinstance(w, widgets.HTML) and w.text in ("one", "two")]
    assert one.layout is two.layout is shared(widgets.Layout)
    with pytest.raises(SharedPartChanged):
        one.layout.width = "10px"
    assert one.layout.width is None  # refused before it was set (or sent)
    set_layout(one, width=None)  # the default already: still shared
    assert one.layout is two.layout
    set_layout(one, width="10px")  # its own Layout now
    assert one.layout.width == "10px" and two.layout.width is None and not is_shared(one.layout)
    nb.app(ST + "st.text('three')")  # a new app; the old one's elements stay
    nb.run("import nbfrag as st")
    layout = two.layout
    host.block.dispose()  # the elements close...
    assert layout.comm is not None  # ...the shared Layout stays open for the others
