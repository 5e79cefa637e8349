"""What a missing name says: Streamlit's commands that nbfrag does not have yet, and what to use.

`NOT_YET` maps every public name of Streamlit 1.67 (`import streamlit as st; st.<name>`) that
nbfrag lacks to a short advice: the closest nbfrag command, or an ipywidget to show with
`st.widget(...)`, or why a notebook has no such thing. When a command is implemented, its name
moves from here to the registry (`nbfrag/_api.py`); a test keeps the two apart and, together,
equal to Streamlit's list. `REMOVED` maps names that Streamlit itself dropped to their successors.

A leaf module (no nbfrag imports): the public face (`nbfrag.__getattr__`) and containers
(`col.map(...)`) both explain a missing name with `explain`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_ONE_PAGE = (
    "One notebook is one page: split it into sections with st.tabs, or link other notebooks "
    "with st.markdown('[Other page](other.ipynb)')."
)
_NO_VISITOR = "A notebook has no signed-in visitor to read."

# Streamlit 1.67's public names that nbfrag does not have yet -> what to use instead.
NOT_YET: dict[str, str] = {
    "App": "The notebook (or Voila) serves the app: put it in an `%%app` cell.",
    "Page": _ONE_PAGE,
    "echarts_chart": "st.plotly_chart with a Plotly figure, or st.widget with an ECharts ipywidget.",
    "login": _NO_VISITOR,
    "logout": _NO_VISITOR,
    "mermaid_chart": "st.widget with an anywidget that renders Mermaid in the browser.",
    "navigation": _ONE_PAGE,
    "pydeck_chart": "st.widget(ipyleaflet.Map(...)) shows an interactive map with any layers "
    "(pip install ipyleaflet); st.map shows points.",
    "switch_page": _ONE_PAGE,
    "typing": "nbfrag's commands carry their types in their signatures (the package ships py.typed).",
    "user": _NO_VISITOR,
}

# Names Streamlit removed -> the names that replaced them (code written for an older Streamlit).
REMOVED: dict[str, tuple[str, ...]] = {
    "beta_color_picker": ("color_picker",),
    "beta_columns": ("columns",),
    "beta_container": ("container",),
    "beta_expander": ("expander",),
    "beta_secrets": ("secrets",),
    "beta_set_page_config": ("set_page_config",),
    "cache": ("cache_data", "cache_resource"),
    "experimental_audio_input": ("audio_input",),
    "experimental_connection": ("connection",),
    "experimental_data_editor": ("data_editor",),
    "experimental_dialog": ("dialog",),
    "experimental_fragment": ("fragment",),
    "experimental_get_query_params": ("query_params",),
    "experimental_memo": ("cache_data",),
    "experimental_rerun": ("rerun",),
    "experimental_set_query_params": ("query_params",),
    "experimental_show": ("write",),
    "experimental_singleton": ("cache_resource",),
    "experimental_user": ("user",),
}


def not_yet(name: str) -> str | None:
    """The explanation for a Streamlit command nbfrag lacks, or None if `name` is not one."""
    advice = NOT_YET.get(name)
    if advice is None:
        return None
    return f"st.{name} is a Streamlit command that nbfrag does not support yet. Instead: {advice}"


def explain(
    name: str, known: Iterable[str], missing: str, *, call: str = "st.{}", listing: str = "nbfrag's commands"
) -> str:
    """Why `name` is missing: not yet in nbfrag, removed from Streamlit, or unknown (`missing`,
    e.g. "module 'nbfrag' has no attribute 'x'", then a close match and the `known` names).

    `call` spells a suggestion: "st.{}" at the top level, ".{}()" on a container; `listing`
    introduces the `known` names.
    """
    explained = not_yet(name)
    if explained is not None:
        return explained
    known = sorted(known)
    successors = REMOVED.get(name)
    if successors is not None:
        spelled = " or ".join(f"st.{s}" + (" (not in nbfrag yet)" if s in NOT_YET else "") for s in successors)
        return f"{missing}. st.{name} was removed from Streamlit: use {spelled} instead."
    close = [m for m in difflib.get_close_matches(name, known, n=3, cutoff=0.8) if abs(len(m) - len(name)) <= 1]
    guess = f" Did you mean {' or '.join(call.format(m) for m in close)}?" if close else ""
    return f"{missing}.{guess} {listing}: {', '.join(known)}."
