"""`st.pdf` and `st.graphviz_chart`, in-process.

`st.pdf` sends the document's bytes once, as a binary buffer of its widget (js/pdf.js shows
them from a `blob:` URL), or an http(s) URL; its errors are Streamlit's. `st.graphviz_chart`
lays the graph out in the kernel with Graphviz and shows SVG rebuilt from an allow-list, so a
visitor's text in a label cannot run; without Graphviz it is an error naming what to install.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from ipywidgets.widgets.widget import _remove_buffers

from nbfrag._elements import graphviz as graphviz_module
from nbfrag._elements.pdf import file_size
from nbfrag._elements.svg import clean_svg, parse_svg

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def changes_of(widget: Any) -> list[str]:
    """The names of the traits set on `widget` from now on (each change is a message)."""
    names: list[str] = []
    widget.observe(lambda change: names.append(change["name"]), names=None)
    return names


# -- st.pdf -----------------------------------------------------------------------------------------


def test_pdf_bytes_travel_as_a_binary_buffer_not_text(app_test: Any) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.pdf({PDF!r}, alt='  The catalogue ')\n").run()
    element = at.pdf[0]
    widget = element.slot.widget
    assert repr(widget) == f"pdf: {len(PDF)} bytes" and element.value == f"{len(PDF)} bytes"
    assert widget.data == PDF and widget.url == "" and widget.title == "The catalogue"
    assert widget.height == "500px" and widget.name == "document.pdf"
    state, paths, buffers = _remove_buffers(widget.get_state())
    assert ["data"] in paths and bytes(buffers[paths.index(["data"])]) == PDF
    assert "data" not in state  # no base64 copy in the JSON part of the message


def test_pdf_reads_paths_file_likes_and_uploaded_files(app_test: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(PDF + b"%" * 12_000)
    at = app_test.from_string(
        "import io, pathlib, nbfrag as st\n"
        f"st.pdf({str(report)!r})\n"
        f"st.pdf(pathlib.Path({str(report)!r}), height='stretch')\n"
        f"st.pdf(io.BytesIO({PDF!r}))\n"
        f"with open({str(report)!r}, 'rb') as f:\n"
        "    st.pdf(f)\n"
        "class Uploaded(io.BytesIO):\n"  # what st.file_uploader returns: a BytesIO with a name
        "    name = 'scan.pdf'\n"
        f"st.pdf(Uploaded({PDF!r}), key='scan')\n"
    ).run()
    texts = [repr(element.slot.widget) for element in at.pdf]
    size = file_size(len(PDF) + 12_000)
    assert size == "12 KB"
    assert texts == [
        f"pdf: report.pdf ({size})", f"pdf: report.pdf ({size})", f"pdf: {len(PDF)} bytes",
        f"pdf: report.pdf ({size})", f"pdf: scan.pdf ({len(PDF)} bytes)",
    ]
    assert at.pdf[1].slot.widget.height == "stretch" and at.pdf[4].slot.widget.name == "scan.pdf"
    assert all(element.slot.widget.data.startswith(b"%PDF-") for element in at.pdf)


def test_pdf_url_is_passed_to_the_browser_as_it_is(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.pdf('  https://example.com/a.pdf ', height=600)\n").run()
    widget = at.pdf[0].slot.widget
    assert repr(widget) == "pdf: https://example.com/a.pdf"
    assert widget.url == "https://example.com/a.pdf" and widget.data == b"" and widget.height == "600px"


def test_an_unchanged_pdf_sends_nothing_on_a_rerun(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\n"
        "st.button('again')\n"
        "tall = st.toggle('tall')\n"
        f"st.pdf({PDF!r}, height=900 if tall else 500)\n"
    ).run()
    widget = at.pdf[0].slot.widget
    sent = changes_of(widget)
    at.button[0].click().run()
    assert at.pdf[0].slot.widget is widget and sent == []
    at.toggle[0].set_value(True).run()
    assert sent == ["height"]  # the bytes are not sent again


@pytest.mark.parametrize(("call", "error", "message"), [
    ("st.pdf(None)", "StreamlitMissingRequiredParameterError",
     "The `data` parameter is required. Please provide a valid PDF file path, URL, bytes data, or file-like object."),
    ("st.pdf(123)", "StreamlitInvalidParameterTypeError",
     ("Invalid `data` type. Expected one of: str, Path, bytes, file-like object. Provided type: int. "
     "A str can be a file path or a URL.")),
    ("st.pdf('no/such/file.pdf')", "StreamlitAPIException",
     "Unable to read file 'no/such/file.pdf': [Errno 2] No such file or directory: 'no/such/file.pdf'"),
    ("st.pdf(b'%PDF-1', height=0)", "StreamlitInvalidHeightError", "Invalid height value: 0."),
    ("st.pdf(b'%PDF-1', height='content')", "StreamlitInvalidHeightError", "Invalid height value: 'content'."),
    ("st.pdf(b'<html><script>alert(1)</script>')", "StreamlitAPIException", "that are not a PDF"),
    ("st.pdf(__import__('io').StringIO('%PDF-1.4'))",
     "StreamlitAPIException", "open the PDF with open(path, 'rb')"),
])
def test_pdf_bad_input_is_streamlits_error(app_test: Any, call: str, error: str, message: str) -> None:
    at = app_test.from_string(
        f"import nbfrag as st\ntry:\n    {call}\nexcept Exception as error:\n"
        "    st.text(f'{type(error).__name__}: {error}')\n"
    ).run()
    assert at.text[0].value.startswith(f"{error}: ") and message in at.text[0].value
    assert len(at.pdf) == 0


def test_a_pdf_error_is_shown_in_the_area_that_caused_it(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.pdf(b'not a pdf')\nst.text('after')\n").run()
    assert at.exception[0].value == (
        "st.pdf got 9 bytes that are not a PDF (a PDF starts with '%PDF-'): pass a PDF file's path, bytes or URL."
    )
    assert len(at.pdf) == 0 and len(at.text) == 0


def test_a_pdf_key_is_unique_on_the_page(app_test: Any) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.button('b', key='k')\nst.pdf({PDF!r}, key='k')\n").run()
    assert at.exception[0].value.startswith("There are multiple elements with the same `key='k'`")
    assert len(at.pdf) == 0


def test_file_sizes_read_as_people_read_them() -> None:
    assert [file_size(n) for n in (1, 900, 1024, 12_000, 3_565_158)] == [
        "1 byte", "900 bytes", "1 KB", "12 KB", "3.4 MB",
    ]


# -- st.graphviz_chart ------------------------------------------------------------------------------

DOT = "digraph {\n  run -> intr\n  intr -> runbl\n  runbl -> run\n  run -> kernel\n}\n"


@needs_dot
def test_a_dot_string_is_laid_out_to_inline_svg(app_test: Any) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.graphviz_chart({DOT!r}, alt='Process states')\n").run()
    element = at.graphviz_chart[0]
    html = element.slot.widget.value
    assert repr(element.slot.widget) == "graphviz_chart: 4 nodes (run, intr, kernel, runbl), 4 edges"  # in drawing order
    assert element.value == DOT
    assert html.startswith('<div class="nbfrag-graphviz-body" role="img" aria-label="Process states"><svg ')
    assert html.count('class="node"') == 4 and html.count('class="edge"') == 4
    assert "<?xml" not in html and "<!DOCTYPE" not in html and "<!--" not in html
    assert "max-width:100%" in html and "height:auto" in html


@needs_dot
def test_a_graphviz_object_uses_its_own_engine(app_test: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    engines: list[str] = []
    layout = graphviz_module._layout
    monkeypatch.setattr(graphviz_module, "_layout", lambda source, engine: engines.append(engine) or layout(source, engine))
    at = app_test.from_string(
        "import graphviz, nbfrag as st\n"
        "g = graphviz.Graph(engine='neato')\n"
        "g.edge('a', 'b'); g.edge('b', 'c')\n"
        "st.graphviz_chart(g)\n"
        "st.graphviz_chart(graphviz.Source('digraph { x -> y }'))\n"
    ).run()
    assert engines == ["neato", "dot"]
    assert [repr(e.slot.widget) for e in at.graphviz_chart] == [
        "graphviz_chart: 3 nodes (a, b, c), 2 edges", "graphviz_chart: 2 nodes (x, y), 1 edge",
    ]


@needs_dot
@pytest.mark.parametrize(("arguments", "css"), [
    ("", "width:83px"),  # the graph's natural width: 62pt
    ("width='stretch'", "width:100%"),
    ("True", "width:100%"),  # use_container_width=True
    ("width=300, height=200", "width:300px;height:200px"),
])
def test_the_chart_scales_to_the_column(app_test: Any, arguments: str, css: str) -> None:
    at = app_test.from_string(f"import nbfrag as st\nst.graphviz_chart('digraph {{ a -> b }}', {arguments})\n").run()
    assert css in at.graphviz_chart[0].slot.widget.value


@needs_dot
def test_a_visitors_text_in_a_label_stays_text(app_test: Any) -> None:
    at = app_test.from_string(
        "import graphviz, nbfrag as st\n"
        "name = st.text_input('name', '</text><script>alert(1)</script><img src=x onerror=alert(2)> !')\n"
        "g = graphviz.Digraph()\n"
        "g.node('v', label=name, tooltip='\" onmouseover=\"alert(3)', URL='javascript:alert(4)')\n"
        "g.node('w', URL='https://example.com/w')\n"
        "st.graphviz_chart(g)\n"
    ).run()
    html = at.graphviz_chart[0].slot.widget.value
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "onerror" not in html.replace("onerror=alert(2)&gt;", "") and "onmouseover" not in html
    assert "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="https://example.com/w" target="_blank" rel="noopener noreferrer">' in html


@needs_dot
def test_a_link_with_quotes_and_ampersands_still_draws(app_test: Any) -> None:
    """Graphviz writes URLs unescaped; the chart is drawn all the same, and only http(s) links stay."""
    at = app_test.from_string(
        "import graphviz, nbfrag as st\n"
        "g = graphviz.Digraph()\n"
        "g.node('q', URL='https://example.com/?a=1&b=<2>')\n"
        "g.node('x', URL='x\" onmouseover=\"alert(1)\" a=\"<script>alert(2)</script>')\n"
        "g.node('d', URL=\"data:text/html,<script>parent.x='d'</script>\")\n"
        "g.node('h', URL='<<table><tr><td href=\"javascript:alert(3)\">cell</td></tr></table>>')\n"
        "st.graphviz_chart(g)\n"
    ).run()
    assert len(at.exception) == 0
    html = at.graphviz_chart[0].slot.widget.value
    assert html.count('class="node"') == 4
    assert '<a href="https://example.com/?a=1&amp;b=&lt;2&gt;" target="_blank"' in html
    assert "onmouseover" not in html and "<script" not in html and "data:" not in html


def test_the_svg_keeps_drawing_elements_only() -> None:
    svg = (
        '<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="62pt" height="44pt" onload="alert(1)">'
        '<script>alert(2)</script><style>*{background:url(https://evil/)}</style>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(3)"/></div></foreignObject>'
        '<a xlink:href="javascript:alert(4)"><text onclick="alert(5)">click</text>'
        '<animate attributeName="href" to="javascript:alert(6)"/><set attributeName="href" to="javascript:x"/></a>'
        '<image xlink:href="https://evil/pixel.png"/><use xlink:href="https://evil/sprite.svg#x"/>'
        '<rect fill="url(https://evil/)" style="fill:url(#ok)" width="3"/>'
        '<a href="#node1"><text>inside</text></a><!-- comment --></svg>'
    )
    html = clean_svg(parse_svg(svg), width="", style="max-width:100%")
    assert html == (
        '<svg height="44pt" style="max-width:100%"><a><text>click</text></a>'
        '<rect style="fill:url(#ok)" width="3"></rect>'
        '<a href="#node1" target="_blank" rel="noopener noreferrer"><text>inside</text></a></svg>'
    )


def test_graphviz_chart_errors_are_streamlits(app_test: Any) -> None:
    at = app_test.from_string(
        "import nbfrag as st\n"
        "for call in (lambda: st.graphviz_chart(5), lambda: st.graphviz_chart('digraph {a->b}', width=-3),\n"
        "             lambda: st.graphviz_chart('digraph {a->b}', height='x')):\n"
        "    try:\n"
        "        call()\n"
        "    except Exception as error:\n"
        "        st.text(f'{type(error).__name__}: {error}')\n"
    ).run()
    assert [t.value for t in at.text] == [
        ("StreamlitInvalidParameterTypeError: Invalid `figure_or_dot` type. Expected one of: graphviz.Graph, "
        "graphviz.Digraph, graphviz.Source, str. Provided type: int."),
        ("StreamlitInvalidWidthError: Invalid width value: -3. Width must be either a positive integer (pixels), "
        "'stretch', or 'content'."),
        ("StreamlitInvalidHeightError: Invalid height value: 'x'. Height must be either a positive integer "
        "(pixels), 'stretch', or 'content'."),
    ]


@needs_dot
def test_a_dot_syntax_error_is_graphvizs_message_in_the_area(app_test: Any) -> None:
    at = app_test.from_string("import nbfrag as st\nst.graphviz_chart('digraph { a -> }')\n").run()
    assert "Graphviz could not draw this graph: Error: <stdin>: syntax error in line 1" in at.exception[0].value
    assert len(at.graphviz_chart) == 0 and len(at.get("output")) == 0  # nothing printed beside it


def test_without_graphviz_the_error_says_what_to_install(
    app_test: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot there
    graphviz_module._layout.cache_clear()
    at = app_test.from_string("import nbfrag as st\nst.graphviz_chart('digraph { nowhere -> to_run }')\n").run()
    graphviz_module._layout.cache_clear()
    message = at.exception[0].value
    assert "needs the Graphviz program `dot`" in message
    assert "apt-get install graphviz" in message and "conda install graphviz" in message


@needs_dot
def test_a_rerun_with_the_same_graph_sends_nothing(app_test: Any) -> None:
    graphviz_module._layout.cache_clear()
    at = app_test.from_string(
        "import nbfrag as st\n"
        "st.button('again')\n"
        "more = st.toggle('more')\n"
        "st.graphviz_chart('digraph { a -> b' + (' -> c' if more else '') + ' }')\n"
    ).run()
    widget = at.graphviz_chart[0].slot.widget
    sent = changes_of(widget)
    at.button[0].click().run()
    assert at.graphviz_chart[0].slot.widget is widget and sent == []
    at.toggle[0].set_value(True).run()
    assert sent == ["value"] and repr(widget) == "graphviz_chart: 3 nodes (a, b, c), 2 edges"
    assert graphviz_module._layout.cache_info().misses == 2  # Graphviz ran once per distinct graph
