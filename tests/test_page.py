"""`st.set_page_config`: title and icon (the tab, under Voila), layout, the sidebar's first
state and its toggle, Streamlit's validation; and text dedented as Streamlit does."""

from __future__ import annotations

import base64
import urllib.parse
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import numpy as np
import pytest
from test_widgets import find, walk

from nbfrag._runtime.page import PageHead

ST = "import nbfrag as st\n"


def head_of(host: Any) -> PageHead:
    (head,) = [w for w in walk(host) if isinstance(w, PageHead)]
    return head


def svg_text(href: str) -> str:
    assert href.startswith("data:image/svg+xml,")
    return urllib.parse.unquote(href.split(",", 1)[1])


# -- layout ------------------------------------------------------------------------------------


def test_an_app_is_centred_at_streamlits_content_width_by_default(nb):
    host = nb.app(ST + "st.write('hello')")
    assert "nbfrag-layout-centered" in host._dom_classes and "nbfrag-layout-wide" not in host._dom_classes
    assert (host.layout.max_width, host.layout.margin, host.layout.padding) == ("736px", "0 auto", "0 1rem")
    assert repr(host) == "hello"  # nothing about the page in the text form of an app that sets nothing
    assert not [w for w in walk(host) if isinstance(w, PageHead)]


def test_wide_uses_the_whole_width_and_later_calls_keep_what_they_do_not_set(nb):
    host = nb.app(
        ST + "st.set_page_config(layout='wide')\n"
        "st.set_page_config(page_title='Later')\n"  # layout=None: stays wide
        "st.write('body')"
    )
    assert "nbfrag-layout-wide" in host._dom_classes and "nbfrag-layout-centered" not in host._dom_classes
    assert (host.layout.max_width, host.layout.margin, host.layout.padding) == (None, None, None)
    assert repr(host) == "page: title 'Later', layout wide\nbody"


def test_the_layout_follows_each_run(nb):
    host = nb.app(
        ST + "wide = st.toggle('Wide')\n"
        "st.set_page_config(layout='wide' if wide else 'centered')"
    )
    assert host.layout.max_width == "736px"
    find(host, widgets.Checkbox, "Wide").value = True
    assert host.layout.max_width is None and "nbfrag-layout-wide" in host._dom_classes
    find(host, widgets.Checkbox, "Wide").value = False
    assert host.layout.max_width == "736px" and "nbfrag-layout-wide" not in host._dom_classes


def test_beside_a_sidebar_the_main_column_is_the_centred_one(nb):
    host = nb.app(ST + "st.sidebar.write('menu')\nst.write('main')")
    side, main = host.children
    assert "nbfrag-layout-centered" in host._dom_classes
    assert host.layout.max_width is None and main.layout.max_width == "736px"
    assert main.layout.margin == "0 auto" and side.layout.max_width is None


# -- title and icon ----------------------------------------------------------------------------


def test_title_and_emoji_icon_go_to_an_invisible_head_widget(nb):
    host = nb.app(ST + "st.set_page_config(page_title='Sales <b>', page_icon='🦈')\nst.write('x')")
    head = head_of(host)
    assert head.title == "Sales <b>"
    assert "🦈" in svg_text(head.favicon)
    assert head.layout.display == "none"
    assert repr(host) == "page: title 'Sales <b>', icon 🦈\nx"


def test_a_rerun_reuses_the_head_and_a_title_only_call_keeps_the_icon(nb):
    host = nb.app(
        ST + "n = st.session_state.setdefault('n', 0)\n"
        "st.set_page_config(page_title='First', page_icon='🦈')\n"
        "if n:\n    st.set_page_config(page_title=f'Run {n}')\n"
        "if st.button('Again'):\n    st.session_state.n += 1\n    st.rerun()"
    )
    head = head_of(host)
    icon = head.favicon
    find(host, widgets.Button, "Again").click()
    assert head_of(host) is head
    assert (head.title, head.favicon) == ("Run 1", icon)


ICONS = [
    # page_icon, its text form, a check of the tab's icon
    (":shark:", ":shark:", lambda href: "🦈" in svg_text(href)),
    (":no_such_emoji:", ":no_such_emoji:", lambda href: href == ""),
    (":material/thumb_up:", ":material/thumb_up:", lambda href: href == ""),
    ("https://example.com/i.png", "https://example.com/i.png", lambda href: href == "https://example.com/i.png"),
    ("★ not an emoji", "★ not an emoji", lambda href: href == ""),
    ("👍🏽", "👍🏽", lambda href: "👍🏽" in svg_text(href)),
]


@pytest.mark.parametrize("icon,text,check", ICONS, ids=[i[0] for i in ICONS])
def test_icon_kinds(nb, icon, text, check):
    host = nb.app(ST + f"st.set_page_config(page_icon={icon!r})")
    assert repr(host) == f"page: icon {text}"
    assert check(head_of(host).favicon)


def test_an_image_icon_becomes_a_data_url(nb, tmp_path: Path):
    nb.shell.user_ns["pixels"] = np.zeros((2, 3, 3), dtype=np.uint8)
    host = nb.app(ST + "st.set_page_config(page_icon=pixels)")
    head = head_of(host)
    assert head.favicon.startswith("data:image/png;base64,")
    assert base64.b64decode(head.favicon.split(",", 1)[1]).startswith(b"\x89PNG")
    assert repr(host) == "page: icon <image 3x2 PNG>"
    svg = tmp_path / "icon.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    nb.shell.user_ns["svg_path"] = svg
    host = nb.app(ST + "st.set_page_config(page_icon=svg_path)")
    assert svg_text(head_of(host).favicon) == "<svg xmlns='http://www.w3.org/2000/svg'/>"


def test_a_random_icon_is_an_emoji_kept_across_reruns(nb):
    host = nb.app(ST + "st.set_page_config(page_icon='random')\nst.button('Again')")
    first = repr(host)
    icon = first.splitlines()[0].removeprefix("page: icon ")
    assert icon != "random" and svg_text(head_of(host).favicon).count(icon) == 1
    for _ in range(3):
        find(host, widgets.Button, "Again").click()
        assert repr(host) == first


def test_title_and_icon_from_a_plain_cell_are_displayed_with_it(nb):
    nb.run(ST + "st.set_page_config(page_title='Plain')")
    heads = [w for w in widgets.widget._instances.values() if isinstance(w, PageHead)]
    assert [h.title for h in heads] == ["Plain"]


# -- the sidebar -------------------------------------------------------------------------------


def test_collapsed_sidebar_starts_closed_and_its_toggle_opens_it_without_a_rerun(nb):
    host = nb.app(
        ST + "st.set_page_config(initial_sidebar_state='collapsed')\n"
        "st.session_state.runs = st.session_state.get('runs', 0) + 1\n"
        "st.sidebar.write('menu')\nst.button('Again')"
    )
    side, _main = host.children
    (toggle,) = side.children
    assert "nbfrag-sidebar-toggle" in toggle._dom_classes and toggle.description == "»"
    assert repr(host).splitlines()[1:3] == ["sidebar (collapsed):", "  menu"]
    toggle.click()
    assert side.children[0] is toggle and len(side.children) == 2 and toggle.description == "«"
    assert repr(host).splitlines()[1] == "sidebar:"
    assert nb.shell.user_ns["st"].session_state.runs == 1  # opening it is no rerun
    find(host, widgets.Button, "Again").click()  # the same initial state again: stays open
    assert repr(host).splitlines()[1] == "sidebar:"
    toggle.click()
    assert side.children == (toggle,)


def test_expanded_auto_locked_and_a_width(nb):
    host = nb.app(ST + "st.sidebar.write('menu')")
    side, _ = host.children
    # auto: open (on a phone, closed: a phone-only toggle opens it)
    assert len(side.children) == 3 and side.layout.flex == "0 0 300px"
    assert "nbfrag-sidebar-phone-toggle" in side.children[1]._dom_classes
    host = nb.app(ST + "st.set_page_config(initial_sidebar_state='locked')\nst.sidebar.write('menu')")
    side, _ = host.children
    assert not [w for w in side.children if "nbfrag-sidebar-toggle" in w._dom_classes]
    host = nb.app(ST + "st.set_page_config(initial_sidebar_state=320)\nst.sidebar.write('menu')")
    side, _ = host.children
    assert side.layout.flex == "0 0 320px" and repr(host).startswith("page: sidebar auto 320px\nsidebar:")


def test_a_changed_initial_state_applies_at_once(nb):
    host = nb.app(
        ST + "closed = st.toggle('Closed')\nst.sidebar.write('menu')\n"
        "st.set_page_config(initial_sidebar_state='collapsed' if closed else 'expanded')"
    )
    side, _ = host.children
    assert len(side.children) == 2
    find(host, widgets.Checkbox, "Closed").value = True
    assert len(side.children) == 1


# -- validation: Streamlit 1.67's classes and messages, shown in the app ------------------------

BAD = [
    ("layout='full'", "StreamlitValueError", "Invalid `layout` value. Supported values: 'centered', 'wide'."),
    (
        "initial_sidebar_state='open'", "StreamlitValueError",
        ("Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', 'collapsed', "
         "'locked', a positive integer (width in pixels). Got 'open'."),
    ),
    (
        "initial_sidebar_state=0", "StreamlitValueError",
        ("Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', 'collapsed', "
         "'locked', a positive integer (width in pixels). Got 0."),
    ),
    (
        "menu_items={'Help me': 'https://x.org'}", "StreamlitValueError",
        ("Invalid `menu_items` value. Supported values: 'Get help', 'Report a bug', 'About'. "
         "`help me` is not a supported menu item key."),
    ),
    (
        "menu_items={'Get Help': 'x.org'}", "StreamlitInvalidURLError",
        ('"x.org" is not a valid URL. You must use a fully qualified domain beginning with '
         '"http://", "https://", or "mailto:".'),
    ),
    (
        "page_icon=':materials/thumb_up:'", "StreamlitAPIException",
        ('The value `":materials\u200b/thumb_up:"` is not a valid Material icon. Please use a '
         "Material icon shortcode like **`:material\u200b/thumb_up:`**"),
    ),
]


@pytest.mark.parametrize("call,kind,message", BAD, ids=[b[0] for b in BAD])
def test_bad_settings_raise_streamlits_errors_in_the_app_and_change_nothing(nb, call, kind, message):
    host = nb.app(ST + f"st.set_page_config(page_title='Kept', {call})\nst.write('not reached')")
    (line,) = repr(host).splitlines()
    assert line == f"nbfrag.errors.{kind}: {message}"
    assert not [w for w in walk(host) if isinstance(w, PageHead)]  # the title was not applied


def test_good_menu_items_are_kept_with_lowercased_keys(nb):
    from nbfrag._runtime.runtime import runtime

    nb.app(ST + "st.set_page_config(menu_items={'Get Help': 'mailto:a@b.org', ' About ': '# Hi', 'Report a bug': None})")
    assert runtime.apps[-1].page.menu_items == {"get help": "mailto:a@b.org", "about": "# Hi", "report a bug": None}


def test_errors_are_the_classes_streamlit_code_catches():
    from nbfrag import errors

    assert issubclass(errors.StreamlitValueError, errors.StreamlitAPIException)
    assert issubclass(errors.StreamlitInvalidURLError, errors.StreamlitAPIException)
    assert str(errors.StreamlitValueError("free text")) == "free text"  # one argument: the message


# -- text is dedented and stripped, as Streamlit's clean_text ----------------------------------

INDENTED = '"""\n    Line one\n      indented more\n    Line two\n    """'


@pytest.mark.parametrize(
    "call,text",
    [
        (f"st.markdown({INDENTED})", "Line one\n  indented more\nLine two"),
        (f"st.write({INDENTED})", "Line one\n  indented more\nLine two"),
        (f"st.caption({INDENTED})", "Line one\n  indented more\nLine two"),
        (f"st.text({INDENTED})", "Line one\n  indented more\nLine two"),
        (f"st.info({INDENTED})", "Info: Line one\n  indented more\nLine two"),
        (f"st.header({INDENTED})", "## Line one\n  indented more\nLine two"),
        ("st.title('  Padded  ')", "# Padded"),
        ("st.progress(10, text='\\n   Loading\\n')", "[##------------------] 10% Loading"),
    ],
)
def test_text_elements_dedent_and_strip(nb, call, text):
    host = nb.app(ST + call)
    assert repr(host) == text
    assert "<pre" not in host.block.slots[0].widget.value  # an indented string is no code block


def test_apptest_reads_the_page_settings_in_its_text():
    from nbfrag.testing import AppTest

    with AppTest.from_string("""
        import nbfrag as st
        st.set_page_config("Tested", ":material/thumb_up:", "wide")
        st.write("body")
    """).run() as at:
        assert str(at) == "page: title 'Tested', icon :material/thumb_up:, layout wide\nbody"
        assert at.markdown.values == ["body"]
