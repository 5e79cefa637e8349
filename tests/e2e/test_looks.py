"""An app looks like a Streamlit page (issue 14), measured in the DOM of real browsers: Voila at
1280x900 and 390x844 (light, and its dark theme) and JupyterLab (light and dark).

The page (notebooks/looks.ipynb) has a sidebar and every input kind. Each input's label sits
above its control, each control fills its column (in the sidebar too, at least 180 px and
inside it), no label or button text is cut, the centred layout is Streamlit's 736 px column
in the middle of the page, primary and secondary buttons differ, the toggle is a switch, and
text contrasts with its background at least 4.5:1. On a phone nothing overflows sideways,
columns stack and the sidebar starts closed, opening over the page.
"""

from __future__ import annotations

from typing import Any

import pytest
from clients import app_with, open_notebook
from playwright.sync_api import Page, expect

CONTENT_WIDTH = 736  # Streamlit's centred column
MIN_SIDEBAR_CONTROL = 180

# Measures the app in the page: returns plain data for the assertions.
MEASURE = """
(app) => {
  const rect = (node) => node.getBoundingClientRect();
  const visible = (node) => node && node.offsetParent !== null && rect(node).width > 0;
  const CONTROLS = ".jupyter-widget-tagsinput, input:not([type=checkbox]):not([type=radio]):not([type=color]), select, textarea, .slider-container, .widget-radio-box";
  const inputs = [];
  for (const widget of app.querySelectorAll(".nbfrag-input")) {
    if (!visible(widget)) continue;
    const label = widget.querySelector(":scope > .widget-label");
    const control = widget.querySelector(CONTROLS);
    const column = widget.parentElement;
    const style = getComputedStyle(column);
    const inner = rect(column).width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const side = widget.closest(".nbfrag-sidebar");
    inputs.push({
      classes: widget.className,
      label: label && visible(label) ? label.textContent : null,
      labelBottom: label && visible(label) ? rect(label).bottom : null,
      controlTop: control ? rect(control).top : null,
      widget: rect(widget).width,
      control: control ? rect(control).width : null,
      column: inner,
      inSidebar: !!side,
      insideSidebar: side ? rect(widget).left >= rect(side).left - 1 && rect(widget).right <= rect(side).right + 1 : true,
    });
  }
  const clipped = [];
  for (const node of app.querySelectorAll(".widget-label, button, .widget-label-basic span, .widget-readout")) {
    if (!visible(node)) continue;
    if (node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 2) {
      clipped.push(node.textContent);
    }
  }
  const parse = (color) => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (node) => {
    const layers = [];
    for (let el = node; el; el = el.parentElement) {
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg && bg.a > 0) layers.push(bg);
      if (bg && bg.a >= 1) break;
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  const luminance = ({ r, g, b }) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = [];
  const texts = app.querySelectorAll(".widget-label, button, .widget-label-basic span, .widget-html-content p, .widget-html-content h1, .widget-html-content h2, .widget-html-content td, .widget-html-content th, .nbfrag-metric-delta, .nbfrag-metric-label, .nbfrag-metric-value, .nbfrag-alert, .nbfrag-caption, input:not([type=checkbox]):not([type=radio]):not([type=color]), select, textarea, .widget-radio-box label");
  for (const node of texts) {
    if (!visible(node) || !node.textContent.trim() && !("value" in node && node.value)) continue;
    const bg = background(node);
    const fg = over(parse(getComputedStyle(node).color), bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    contrast.push({ text: (node.textContent || node.value).trim().slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05) });
  }
  const button = (name) => {
    const node = app.querySelector(`.nbfrag-kind-${name}`);
    const style = getComputedStyle(node);
    return { background: style.backgroundColor, color: style.color, border: style.borderColor, width: rect(node).width };
  };
  const toggle = app.querySelector(".nbfrag-toggle input[type=checkbox]");
  const toggleStyle = getComputedStyle(toggle);
  const main = app.querySelector(".nbfrag-main");
  const sidebar = app.querySelector(".nbfrag-sidebar");
  const columns = [...app.querySelectorAll(".nbfrag-columns > .nbfrag-column")].map((c) => {
    const r = rect(c);
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  const sidebarStyle = getComputedStyle(sidebar);
  return {
    inputs,
    clipped,
    contrast,
    primary: button("primary"),
    secondary: button("secondary"),
    stretch: rect(app.querySelector(".nbfrag-width-stretch")).width,
    toggle: { appearance: toggleStyle.appearance, width: rect(toggle).width, height: rect(toggle).height },
    main: { left: rect(main).left, right: rect(main).right, width: rect(main).width },
    sidebar: {
      right: rect(sidebar).right + parseFloat(sidebarStyle.marginRight),
      width: rect(sidebar).width,
      position: sidebarStyle.position,
      contentShown: [...sidebar.children].filter((c) => visible(c) && !c.matches("button")).length,
    },
    app: { left: rect(app).left, right: rect(app).right },
    columns,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}
"""


def measure(page: Page) -> dict[str, Any]:
    app = app_with(page, "Every input")
    page.wait_for_timeout(500)  # the stylesheet and fonts have applied
    result: dict[str, Any] = app.evaluate(MEASURE)
    return result


def check_inputs(m: dict[str, Any], *, phone: bool = False) -> None:
    labelled = [i for i in m["inputs"] if i["label"]]
    assert len(labelled) >= 15, m["inputs"]  # every input kind, in the main area and the sidebar
    for item in labelled:
        if item["controlTop"] is not None:
            assert item["labelBottom"] <= item["controlTop"] + 1, f"label beside its control: {item}"
        assert item["widget"] >= item["column"] - 2, f"does not fill its column: {item}"
        if item["control"] is not None:  # a slider's track: the column less its value beside it
            room = 100 if "widget-slider" in item["classes"] else 40 if "colorpicker" in item["classes"] else 2
            assert item["control"] >= item["column"] - room, f"control narrower than its column: {item}"
        if item["inSidebar"]:
            assert item["insideSidebar"], f"sticks out of the sidebar: {item}"
            assert item["widget"] >= MIN_SIDEBAR_CONTROL, f"too narrow in the sidebar: {item}"
    assert m["clipped"] == [], f"text cut: {m['clipped']}"
    low = [c for c in m["contrast"] if c["ratio"] < 4.5]
    assert low == [], f"contrast below 4.5:1: {low}"
    assert m["primary"]["background"] != m["secondary"]["background"], (m["primary"], m["secondary"])
    assert m["primary"]["width"] < m["stretch"] - 50  # sized to its label; use_container_width fills
    assert m["toggle"]["appearance"] == "none" and m["toggle"]["width"] >= 1.5 * m["toggle"]["height"]


@pytest.mark.parametrize("server", ["voila"], indirect=True)
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_voila_desktop(page: Page, server, notebook, theme: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    url_theme = "" if theme == "light" else "&theme=dark"
    page.goto(server.notebook_url(notebook("looks.ipynb")) + url_theme, timeout=90_000)
    app_with(page, "Every input").wait_for(timeout=90_000)
    m = measure(page)
    check_inputs(m)
    # The centred layout: Streamlit's column, in the middle of the room beside the sidebar.
    assert abs(m["main"]["width"] - CONTENT_WIDTH) <= 1, m["main"]
    left_gap = m["main"]["left"] - m["sidebar"]["right"]
    right_gap = m["app"]["right"] - m["main"]["right"]
    assert abs(left_gap - right_gap) <= 2, (left_gap, right_gap)
    assert 244 <= m["sidebar"]["width"] <= 336, m["sidebar"]
    assert m["columns"][0]["right"] <= m["columns"][1]["left"]  # side by side
    assert m["overflow"] <= 0


@pytest.mark.parametrize("server", ["voila"], indirect=True)
def test_voila_phone(page: Page, server, notebook) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.notebook_url(notebook("looks.ipynb")), timeout=90_000)
    app = app_with(page, "Every input")
    app.wait_for(timeout=90_000)
    m = measure(page)
    assert m["overflow"] <= 0, f"the page scrolls sideways by {m['overflow']} px"
    left, right = m["columns"][:2]  # the first st.columns(2)
    assert left["bottom"] <= right["top"] + 1, "columns must stack on a phone"
    assert m["sidebar"]["contentShown"] == 0, "an auto sidebar starts closed on a phone"
    assert m["main"]["width"] >= 390 - 60  # the page's content has the whole width
    app.locator(".nbfrag-sidebar-phone-toggle").click()
    expect(app.locator(".nbfrag-sidebar")).to_contain_text("Filters")
    m = measure(page)
    assert m["sidebar"]["position"] == "absolute", "an open sidebar lies over the page on a phone"
    assert m["overflow"] <= 0
    check_inputs(m, phone=True)


@pytest.mark.parametrize("server", ["lab"], indirect=True)
def test_jupyterlab_light_and_dark(page: Page, server, notebook) -> None:
    open_notebook(page, server, notebook("looks.ipynb"), apps=1)
    for theme, light in (("JupyterLab Light", "true"), ("JupyterLab Dark", "false")):
        page.evaluate("(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme)
        expect(page.locator("body")).to_have_attribute("data-jp-theme-light", light, timeout=30_000)
        page.wait_for_timeout(1000)  # the theme's stylesheet has applied
        check_inputs(measure(page))
