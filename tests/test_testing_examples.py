"""The three `st.fragment` docs examples, tested with `nbfrag.testing` the way a user would
(the README's testing example is `test_count_to_five`, verbatim): each click must rerun what
Streamlit reruns and nothing else."""

from pathlib import Path

import pytest
from examples import BALLOONS, COUNTERS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # the README example uses a path relative to the repository


def test_count_to_five(app_test):
    at = app_test.from_notebook("notebooks/quickstart.ipynb", cell=2).run()
    assert at.header[0].value == "Multiples of five clicks: 0"

    for clicks in range(1, 5):
        at.button("Plus one!").click()  # reruns only the fragment
        assert at.runs[-1].scope == "fragment" and at.runs[-1].fragments == ["count_to_five"]
        assert at.session_state.clicks == clicks
        assert at.header[0].value == "Multiples of five clicks: 0"

    at.button("Plus one!").click()  # the fifth click calls st.rerun(): a full run follows
    assert [(run.scope, run.outcome) for run in at.runs[-2:]] == [
        ("fragment", "rerun"),
        ("app", "completed"),
    ]
    assert at.header[0].value == "Multiples of five clicks: 1"

    at.button("Check click count").click()
    assert at.toasts == ["## Total clicks: 5"]


def test_counters(app_test):
    at = app_test.from_string(COUNTERS).run()
    fragment = at.fragment("my_fragment")
    app_lines = lambda: at.markdown.values[1:]  # noqa: E731 - the two lines outside
    assert fragment.markdown[0].value == "Fragment says it ran 1 times."
    assert app_lines() == ["Full app says it ran 1 times.", "Full app sees that fragment ran 1 times."]
    outside = [element.slot.widget for element in at.markdown[1:]]

    for runs in (2, 3):
        fragment.button("Rerun fragment").click()
        assert fragment.markdown[0].value == f"Fragment says it ran {runs} times."
        assert app_lines() == ["Full app says it ran 1 times.", "Full app sees that fragment ran 1 times."]
    assert [element.slot.widget for element in at.markdown[1:]] == outside  # not redrawn

    at.button("Rerun full app").click()
    assert at.runs[-1].scope == "app" and at.runs[-1].fragments == ["my_fragment"]
    assert str(at) == (
        "fragment my_fragment:\n"
        "  [Rerun fragment]\n"
        "  Fragment says it ran 4 times.\n"
        "[Rerun full app]\n"
        "Full app says it ran 2 times.\n"
        "Full app sees that fragment ran 4 times."
    )


def test_balloons(app_test):
    at = app_test.from_string(BALLOONS).run()
    assert str(at) == "fragment release_the_balloons:\n  [Release the balloons]\n[Inflate more balloons]"
    at.button("Release the balloons").click()
    assert at.runs[-1].scope == "fragment" and at.runs[-1].outcome == "completed"
    at.button("Inflate more balloons").click()
    assert [run.scope for run in at.runs] == ["app", "fragment", "app"]
    assert at.runs[-1].fragments == ["release_the_balloons"]


def test_readme_shows_this_test():
    readme = (ROOT / "README.md").read_text()
    start = readme.index("def test_count_to_five(app_test):")
    example = readme[start : readme.index("```", start)]
    assert example in Path(__file__).read_text()
