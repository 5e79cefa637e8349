"""Test nbfrag apps headlessly, in pytest or in a notebook cell.

    from nbfrag.testing import AppTest

    at = AppTest.from_notebook("notebooks/quickstart.ipynb", cell=2).run()
    at.button("Plus one!").click()          # reruns only the fragment, as in a notebook
    assert at.header[0].value == "Multiples of five clicks: 0"
    assert at.runs[-1].scope == "fragment" and at.runs[-1].fragments == ["count_to_five"]
    assert at.session_state.clicks == 1
    print(at)                               # the visible page, as text

Installing nbfrag also registers a pytest plugin with an `app_test` fixture that makes
`AppTest`s and closes them after the test.
"""

from ._apptest import AppTest, RunRecord
from ._elements import Element, ElementList

__all__ = ["AppTest", "Element", "ElementList", "RunRecord"]
