"""Caching in real ipykernels: the cache survives re-executing the `%%app` cell, classes defined
in the notebook come back from `st.cache_data` as copies, and `persist="disk"` shares entries
between two kernels (two Voila visitors) through one folder.

Item numbers are those of section 3 of the next-wave spec (`streamlit-next-wave.md`).
"""

from __future__ import annotations

from pathlib import Path

from kernel_driver import KernelDriver, driver_session

APP = """%%app
import nbfrag as st
from dataclasses import dataclass
calls = globals().setdefault("calls", [])

@dataclass
class Point:
    x: int

@st.cache_data
def origin(n):
    calls.append(n)
    st.caption(f"computed origin({n})")
    return [Point(i) for i in range(n)]

points = origin(3)
st.write(f"{len(points)} points, {type(points[0]) is Point}")
"""

SHARED = """
import nbfrag as st
import pandas as pd
computed = []

@st.cache_data(persist="disk")
def table(rows):
    computed.append(rows)
    return pd.DataFrame({"n": range(rows)})

total = int(table(1000)["n"].sum())
"""


def text(kd: KernelDriver, model_id: str) -> list[str]:
    shown = kd.eval(f"repr(__import__('ipywidgets').widgets.widget._instances[{model_id!r}])")
    return shown.splitlines()


def test_item43_the_cache_survives_reexecuting_the_app_cell(tmp_path: Path) -> None:
    with driver_session(extra_env={"NBFRAG_CACHE_DIR": str(tmp_path)}) as kd:
        kd.execute("%load_ext nbfrag")
        first = kd.execute(APP, cell_id="app-cell")
        (host,) = first.displayed_model_ids
        expected = ["computed origin(3)", "3 points, True"]
        assert text(kd, host) == expected
        again = kd.execute(APP, cell_id="app-cell")  # JupyterLab re-executing the cell
        assert again.displayed_model_ids == [host] and text(kd, host) == expected
        third = kd.execute(APP)  # as nbclient or Voila would: no cell id, a new app
        (other,) = third.displayed_model_ids
        assert text(kd, other) == expected  # the caption replayed from the kernel's cache
        assert kd.eval("calls") == [3]  # and the Points were unpickled against the new class


def test_item56_persist_disk_is_shared_by_two_kernels(tmp_path: Path) -> None:
    env = {"NBFRAG_CACHE_DIR": str(tmp_path)}
    with driver_session(extra_env=env) as first, driver_session(extra_env=env) as second:
        first.execute(SHARED)
        assert first.eval("(computed, total)") == ([1000], 499500)
        assert [p.suffix for p in tmp_path.iterdir()] == [".memo"]
        second.execute(SHARED)
        assert second.eval("(computed, total)") == ([], 499500)  # loaded, not computed
